"""Work counters over open deadlines, for the apps whose deadlines they are: one function per
question (overdue, due today, due within the reminder horizon, no date yet), by kind."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from gongkai.core.worklist_counts import per_agency

from .models import SOON, URGENCY_FILTERS, Deadline
from .selectors import reminder_horizon


def open_deadlines(model, kind: str):
    return Deadline.objects.open().filter(
        content_type=ContentType.objects.get_for_model(model), kind=kind
    )


def counting(model, kind: str, window: str):
    """A counter's `count`: open deadlines of `kind` on `model` in `window`: overdue (before
    today), today, soon (after today, within the reminder horizon), pending (no date), provisional
    (a date counted with assumed holidays) — deadlines' urgency filters —, attention (due by
    the horizon or passed, as the reminders count: DeadlineQuerySet.needing_attention), any
    (every open one)."""

    def count(agency_ids, *, today: dt.date, user=None) -> dict[int, int]:
        rows = open_deadlines(model, kind)
        # The horizon only where the window reaches it (counting it reads the calendar).
        horizon = reminder_horizon(today) if window in (SOON, "attention") else None
        if window in URGENCY_FILTERS:  # the one definition: DeadlineQuerySet.urgency
            rows = rows.urgency(window, today=today, horizon=horizon)
        elif window == "attention":
            rows = rows.needing_attention(today=today, horizon=horizon)
        elif window != "any":
            raise ValueError(window)
        return per_agency(rows, agency_ids)

    return count
