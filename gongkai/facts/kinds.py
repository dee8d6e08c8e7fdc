"""The six kinds of dated record, declared once: their model, editable fields, dates, and what
a year's figures and public page show of them. Services, forms, views and the lock read this.

A record *touches* a year when one of its dates falls in it, or when it is in effect on the
year's last day. What the year shows of it (`year_view`) is whether it is in effect then, its
dates within that year, and its `shown` fields. A locked year's view must never change: that
is the whole lock rule, for every kind.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import (
    BudgetAllocation,
    DisclosureBody,
    Meeting,
    ReadingPoint,
    StaffAssignment,
    Training,
)


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type[models.Model]
    label: str
    fields: tuple[str, ...]  # editable, in form order
    dates: tuple[str, ...] = ()  # (start, end) for periods, (day,) for events
    year_field: str = ""  # records of a whole year (the budget) instead of dates
    shown: tuple[str, ...] = ()  # what a year's figures or public page show
    identity: str = ""  # periods of the same identity may not overlap
    no_future: bool = False  # events are recorded once they have happened

    @property
    def is_period(self) -> bool:
        return len(self.dates) == 2


KINDS: dict[str, Kind] = {
    kind.slug: kind
    for kind in (
        Kind(
            "bodies",
            DisclosureBody,
            _("工作机构"),
            ("name", "established_on", "dissolved_on", "note"),
            dates=("established_on", "dissolved_on"),
            shown=("name",),
            identity="name",
        ),
        Kind(
            "reading-points",
            ReadingPoint,
            _("查阅点"),
            ("name", "address", "opened_on", "closed_on"),
            dates=("opened_on", "closed_on"),
            shown=("name", "address"),
            identity="name",
        ),
        Kind(
            "staff",
            StaffAssignment,
            _("工作人员"),
            ("person_name", "position", "full_time", "started_on", "ended_on", "user"),
            dates=("started_on", "ended_on"),
            # Names and account links may always be corrected: no report or page shows them.
            shown=("position", "full_time"),
            identity="person_name",
        ),
        Kind(
            "budgets",
            BudgetAllocation,
            _("工作经费"),
            ("year", "amount", "purpose", "dedicated"),
            year_field="year",
            shown=("amount", "purpose", "dedicated"),
        ),
        Kind(
            "meetings",
            Meeting,
            _("工作会议"),
            ("held_on", "topic", "kind", "attendees"),
            dates=("held_on",),
            shown=("topic", "kind", "attendees"),
            no_future=True,
        ),
        Kind(
            "trainings",
            Training,
            _("培训"),
            ("held_on", "topic", "organiser", "hosted", "trainees", "hours"),
            dates=("held_on",),
            shown=("topic", "organiser", "hosted", "trainees", "hours"),
            no_future=True,
        ),
    )
}
KIND_OF_MODEL = {kind.model: kind for kind in KINDS.values()}


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def in_effect_on(kind: Kind, values: dict, day: dt.date) -> bool:
    start, end = (values.get(name) for name in kind.dates)
    return start is not None and start <= day and (end is None or end >= day)


def touches(kind: Kind, values: dict, year: int) -> bool:
    if kind.year_field:
        return values.get(kind.year_field) == year
    if any(d is not None and d.year == year for d in (values.get(n) for n in kind.dates)):
        return True
    return kind.is_period and in_effect_on(kind, values, year_end(year))


def year_view(kind: Kind, values: dict | None, year: int):
    """What `year` shows of a record (None: nothing). Compared before and after a write."""
    if values is None or not touches(kind, values, year):
        return None
    own_dates = tuple(
        d if d is not None and d.year == year else None for d in (values.get(n) for n in kind.dates)
    )
    in_effect = kind.is_period and in_effect_on(kind, values, year_end(year))
    return (in_effect, own_dates, tuple(values.get(n) for n in kind.shown))


def values_of(record) -> dict:
    kind = KIND_OF_MODEL[type(record)]
    return {name: getattr(record, name) for name in kind.fields}
