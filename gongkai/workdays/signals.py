from django.dispatch import Signal

# Sent after a year's rows changed (inside the loading transaction of calendar_year_load;
# once for all the years load_bundled_years loaded).
# Arguments: years (set[int]), actor (User | None), reason (str).
calendar_changed = Signal()
