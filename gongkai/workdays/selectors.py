"""Reading the holiday table into the pure WorkCalendar (cached per process, invalidated when
any year is (re)loaded), and the provisional calendar over it."""

import threading

from django.db.models import Count, Max

from .calendar import DayRule, WorkCalendar
from .models import CalendarDay, CalendarYear
from .provisional import ProvisionalCalendar

_lock = threading.Lock()
_cached: tuple[tuple, WorkCalendar] | None = None
_provisional: ProvisionalCalendar | None = None


def _stamp() -> tuple:
    """What changes when any year is loaded or changed, in this process or another: the years,
    the last load and the days (every day belongs to a year), in one statement (read on every
    use of the calendar, several times a page)."""
    agg = CalendarYear.objects.aggregate(
        n=Count("id", distinct=True), at=Max("loaded_at"), days=Count("days")
    )
    return (agg["n"], agg["at"], agg["days"])


def work_calendar() -> WorkCalendar:
    global _cached
    stamp = _stamp()
    with _lock:
        if _cached is not None and _cached[0] == stamp:
            return _cached[1]
    calendar = WorkCalendar(
        (
            DayRule(date, kind, name)
            for date, kind, name in CalendarDay.objects.values_list("date", "kind", "name")
        ),
        CalendarYear.objects.values_list("year", flat=True),
    )
    with _lock:
        _cached = (stamp, calendar)
    return calendar


def provisional_calendar() -> ProvisionalCalendar:
    """The loaded calendar, extended to the years it lacks by the statutory holidays (暂定):
    what every stored deadline is counted with (gongkai.workdays.provisional)."""
    global _provisional
    exact = work_calendar()
    with _lock:
        if _provisional is None or _provisional.exact is not exact:
            _provisional = ProvisionalCalendar(exact)
        return _provisional


def loaded_years() -> list[CalendarYear]:
    return list(CalendarYear.objects.annotate(day_count=Count("days")).order_by("-year"))
