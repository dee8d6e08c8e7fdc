"""The daily reminder of every open deadline (docs/applications.md, "Notifications and
reminders"). Apps take part by registering a `DeadlineOwner` for their subjects' model and, for
waiting work that is not a deadline, a `ReminderSource` (registry.py); `send_reminders` is run
by Celery beat (`tasks.remind_deadlines`) and by `gongkai remind-deadlines`."""

from .plan import Digest, reminder_plan
from .registry import (
    Context,
    DeadlineOwner,
    Line,
    ReminderSource,
    Staff,
    Urgency,
    register_owner,
    register_source,
)
from .send import ReminderRun, send_reminders

__all__ = [
    "Context",
    "DeadlineOwner",
    "Digest",
    "Line",
    "ReminderRun",
    "ReminderSource",
    "Staff",
    "Urgency",
    "register_owner",
    "register_source",
    "reminder_plan",
    "send_reminders",
]
