"""Reads of deadlines: a subject's open deadlines and the reminder horizon."""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from gongkai.workdays.selectors import work_calendar

from .models import Deadline


def deadlines_of(*, subject, open_only: bool = True):
    rows = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(type(subject)), object_id=str(subject.pk)
    )
    return rows.filter(is_open=True) if open_only else rows


def reminder_workdays() -> int:
    """How many working days ahead a deadline counts as due soon: the one setting read by the
    work queue, the reminders and every page that flags deadlines."""
    return settings.GONGKAI_REMINDER_WORKDAYS


def reminder_horizon(today: dt.date | None = None) -> dt.date:
    """The last day a deadline may fall on to be due soon (within the reminder window of
    working days after today). Never a calendar-day guess: see WorkCalendar.last_day_within."""
    today = today or timezone.localdate()
    return work_calendar().last_day_within(today, reminder_workdays())
