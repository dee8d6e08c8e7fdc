"""Work counters over open deadlines, for the apps whose deadlines they are: one function per
question (overdue, due today, due within the reminder horizon, no date yet), by kind."""

import datetime as dt

from django.contrib.contenttypes.models import ContentType

from gongkai.core.worklist_counts import per_agency

from .models import Deadline
from .selectors import reminder_horizon


def open_deadlines(model, kind: str):
    return Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(model), kind=kind, is_open=True
    )


def counting(model, kind: str, window: str):
    """A counter's `count`: open deadlines of `kind` on `model` in `window`: overdue (before
    today), today, soon (after today, within the reminder horizon), upcoming (today or within the
    horizon: a limit still to meet), near (upcoming or already passed: something to record),
    any (every open one), pending (no date yet: its year's holidays are not loaded)."""

    def count(agency_ids, *, today: dt.date, user=None) -> dict[int, int]:
        rows = open_deadlines(model, kind)
        if window == "overdue":
            rows = rows.filter(due__lt=today)
        elif window == "today":
            rows = rows.filter(due=today)
        elif window == "soon":
            rows = rows.filter(due__gt=today, due__lte=reminder_horizon(today))
        elif window == "upcoming":
            rows = rows.filter(due__gte=today, due__lte=reminder_horizon(today))
        elif window == "near":
            rows = rows.filter(due__lte=reminder_horizon(today))
        elif window == "pending":
            rows = rows.filter(due__isnull=True)
        elif window != "any":
            raise ValueError(window)
        return per_agency(rows, agency_ids)

    return count
