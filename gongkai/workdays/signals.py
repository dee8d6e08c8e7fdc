from django.dispatch import Signal

# Sent inside the loading transaction after a year's rows changed.
# Arguments: years (set[int]), actor (User | None), reason (str).
calendar_changed = Signal()
