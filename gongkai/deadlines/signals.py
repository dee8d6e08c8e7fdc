"""Signals of the deadlines app. The case apps sit above this one (docs/architecture.md), so
what they derive from a due date (an application's 按时办结) is kept right by a receiver each
owning app connects in its AppConfig.ready(), never by this app importing them."""

from django.dispatch import Signal

# Sent inside the recomputing transaction for each deadline whose due date or provisional mark
# changed when the holiday table changed (open deadlines, and closed ones whose date was
# unknown or provisional when they closed). Arguments: deadline (Deadline, saved),
# old_due (date | None), old_provisional (bool), actor (User | None), reason (str).
deadline_changed = Signal()
