"""Writes to the holiday table. Loading a year replaces its rows, is audited, and makes every
open deadline be recomputed (listeners of signals.calendar_changed)."""

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError

from .calendar import WORKDAY, DayRule
from .models import CalendarDay, CalendarYear
from .permissions import can_manage_calendar
from .signals import calendar_changed


def _check_days(year: int, days: Sequence[DayRule]) -> None:
    seen: dict = {}
    for rule in days:
        if rule.date in seen and seen[rule.date].kind != rule.kind:
            raise DomainError(f"{rule.date} 既被列为放假又被列为上班。", code="calendar_conflict")
        seen[rule.date] = rule
        if rule.kind == WORKDAY and rule.date.weekday() < 5:
            raise DomainError(
                f"{rule.date} 是工作日，不能再列为调休上班日。", code="calendar_makeup_weekday"
            )
        if abs(rule.date.year - year) > 1:
            raise DomainError(f"{rule.date} 不属于{year}年的安排。", code="calendar_wrong_year")


@transaction.atomic
def calendar_year_load(
    *,
    year: int,
    days: Sequence[DayRule],
    source: str,
    actor,
    notice_text: str = "",
    recompute: bool = True,
) -> CalendarYear:
    """Replace the rows of `year` with `days` (holidays and make-up working days)."""
    if actor is not None and not can_manage_calendar(actor):
        raise PermissionDenied
    _check_days(year, days)
    calendar_year, created = CalendarYear.objects.select_for_update().get_or_create(
        year=year, defaults={"source": source, "notice_text": notice_text, "loaded_by": actor}
    )
    before = {
        d.date: (d.kind, d.name) for d in CalendarDay.objects.filter(calendar_year=calendar_year)
    }
    # A notice can also set days of a neighbouring year (the 2023 notice sets 2022-12-31):
    # such rows move to this notice.
    CalendarDay.objects.filter(calendar_year=calendar_year).delete()
    CalendarDay.objects.filter(date__in=[d.date for d in days]).delete()
    CalendarDay.objects.bulk_create(
        CalendarDay(date=d.date, kind=d.kind, name=d.name, calendar_year=calendar_year)
        for d in days
    )
    after = {d.date: (d.kind, d.name) for d in days}
    if not created:
        calendar_year.source = source
        calendar_year.notice_text = notice_text
        calendar_year.loaded_by = actor
        calendar_year.save()
    changes = {
        f"{date}": [
            f"{before[date][1]}{'放假' if before[date][0] == 'holiday' else '上班'}"
            if date in before
            else None,
            f"{after[date][1]}{'放假' if after[date][0] == 'holiday' else '上班'}"
            if date in after
            else None,
        ]
        for date in sorted(set(before) | set(after))
        if before.get(date) != after.get(date)
    }
    audit_record(
        actor=actor,
        action="calendar.load_year",
        obj=calendar_year,
        changes=changes,
        note=f"{'载入' if created else '更新'}{year}年节假日安排：{source}",
    )
    if recompute and (changes or created):
        years = {year} | {d.year for d in after} | {d.year for d in before}
        calendar_changed.send(
            sender=CalendarYear,
            years=years,
            actor=actor,
            reason=f"{year}年节假日安排{'载入' if created else '变更'}",
        )
    return calendar_year
