"""Reads of deadlines: a subject's open deadlines, the reminder horizon, urgency filters, and
the years whose holiday notice open deadlines are waiting for."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, Max, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone

from gongkai.workdays.selectors import provisional_calendar

from .models import Deadline


def deadlines_of(*, subject, open_only: bool = True):
    rows = Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(type(subject)), object_id=str(subject.pk)
    )
    return rows.filter(is_open=True) if open_only else rows


def open_deadlines_of(subjects) -> list[Deadline]:
    """The open deadlines of several subjects, of any models (a case and its consultations),
    in one query."""
    by_type: dict[ContentType, list[str]] = {}
    for subject in subjects:
        content_type = ContentType.objects.get_for_model(type(subject))
        by_type.setdefault(content_type, []).append(str(subject.pk))
    if not by_type:
        return []
    condition = Q()
    for content_type, ids in by_type.items():
        condition |= Q(content_type=content_type, object_id__in=ids)
    return list(Deadline.objects.open().filter(condition))


def reminder_workdays() -> int:
    """How many working days ahead a deadline counts as due soon: the one setting read by the
    work queue, the reminders and every page that flags deadlines."""
    return settings.GONGKAI_REMINDER_WORKDAYS


def reminder_horizon(today: dt.date | None = None) -> dt.date:
    """The last day a deadline may fall on to be due soon (within the reminder window of
    working days after today). Counted like the due dates themselves: into a year whose
    notice is not loaded with the statutory holidays (provisional), never in calendar days."""
    today = today or timezone.localdate()
    return provisional_calendar().last_day_within(today, reminder_workdays())


def open_deadlines_with_urgency(
    code: str, *, today: dt.date | None = None, kind: str | None = None
) -> QuerySet[Deadline]:
    """Open deadlines of one urgency (models.URGENCY_FILTERS: overdue, today, soon, pending,
    provisional) on `today`: what the 工作台 counts and the queue filters read."""
    today = today or timezone.localdate()
    rows = Deadline.objects.open()
    if kind is not None:
        rows = rows.filter(kind=kind)
    horizon = reminder_horizon(today) if code == "soon" else None
    return rows.urgency(code, today=today, horizon=horizon)


def filter_by_deadline_urgency(
    queryset: QuerySet, *, kind: str, code: str, today: dt.date | None = None
) -> QuerySet:
    """`queryset` (of any model with deadlines: applications, catalogue items …) narrowed to
    the objects whose open deadline of `kind` has urgency `code`; one EXISTS subquery."""
    matching = open_deadlines_with_urgency(code, today=today, kind=kind).filter(
        content_type=ContentType.objects.get_for_model(queryset.model),
        object_id=Cast(OuterRef("pk"), CharField()),
    )
    return queryset.filter(Exists(matching))


@dataclass(frozen=True)
class MissingNotice:
    year: int
    open_deadlines: int  # open deadlines provisional because of this year


def missing_notices(*, agency_ids=None) -> list[MissingNotice]:
    """The years whose State Council holiday notice is not loaded although open deadlines
    reach them (their dates are provisional), earliest first, with how many deadlines wait:
    the data of the 工作台 banner that asks an administrator to load the notice."""
    rows = Deadline.objects.open().provisional()
    if agency_ids is not None:
        rows = rows.filter(agency_id__in=agency_ids)
    span = rows.aggregate(first=Min("start"), last=Max("due"))
    if span["last"] is None:
        return []
    loaded = provisional_calendar().loaded_years
    missing = []
    for year in range(span["first"].year, span["last"].year + 1):
        if year in loaded:
            continue
        # A provisional deadline counted through `year` if it starts in or before it and
        # ends in or after it.
        waiting = rows.filter(start__year__lte=year, due__year__gte=year).count()
        if waiting:
            missing.append(MissingNotice(year, waiting))
    return missing
