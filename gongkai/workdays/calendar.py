"""Chinese working-day arithmetic. Pure: no ORM, no clock; fed a table of dated exceptions.

A working day is Monday–Friday unless the year's State Council notice makes it a holiday, plus
any Saturday or Sunday the notice makes a make-up working day (调休上班). The calendar refuses
to look at a date in a year whose notice has not been loaded, instead of silently assuming
weekends only.

Counting convention (see gongkai.regimes.rules): add_workdays(start, n) is the n-th working day
*after* `start`; `start` itself is never counted. workdays_between(a, b) counts working days in
the half-open range (a, b], so workdays_between(a, add_workdays(a, n)) == n.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from gongkai.core.errors import DomainError

HOLIDAY = "holiday"
WORKDAY = "workday"
WEEKDAY_NAMES = "一二三四五六日"


class YearNotLoaded(DomainError):
    code = "calendar_year_not_loaded"

    def __init__(self, year: int):
        super().__init__(
            f"{year}年的节假日安排尚未载入，无法计算落在{year}年的期限。"
            f"请先载入《国务院办公厅关于{year}年部分节假日安排的通知》。"
        )
        self.year = year


@dataclass(frozen=True)
class DayRule:
    """An exception to the Monday–Friday rule: a holiday or a make-up working day."""

    date: dt.date
    kind: str  # HOLIDAY or WORKDAY
    name: str  # 春节, 国庆节、中秋节 …


@dataclass(frozen=True)
class TraceDay:
    date: dt.date
    counted: int | None  # the working-day number this day counts as, or None if skipped
    reason: str  # why it counts or not: 工作日 / 周六 / 春节放假 / 调休上班（春节）/ 暂停计算

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat(), "counted": self.counted, "reason": self.reason}


@dataclass(frozen=True)
class Count:
    """The result of counting n working days after `start`, with every day looked at."""

    start: dt.date
    n: int
    end: dt.date
    days: tuple[TraceDay, ...] = field(default=())

    def skipped(self) -> list[TraceDay]:
        return [day for day in self.days if day.counted is None]


def _day_of_year(day: dt.date) -> int:
    return day.toordinal() - dt.date(day.year, 1, 1).toordinal() + 1


def weekday_name(day: dt.date) -> str:
    return "周" + WEEKDAY_NAMES[day.weekday()]


class WorkCalendar:
    def __init__(self, exceptions: Iterable[DayRule], loaded_years: Iterable[int]):
        self._rules: Mapping[dt.date, DayRule] = {rule.date: rule for rule in exceptions}
        self.loaded_years = frozenset(loaded_years)

    def __repr__(self):
        years = sorted(self.loaded_years)
        span = f"{years[0]}–{years[-1]}" if years else "none"
        return f"<WorkCalendar years={span} exceptions={len(self._rules)}>"

    @property
    def last_year(self) -> int | None:
        return max(self.loaded_years) if self.loaded_years else None

    def _check(self, day: dt.date) -> None:
        if day.year not in self.loaded_years:
            raise YearNotLoaded(day.year)

    def rule(self, day: dt.date) -> DayRule | None:
        return self._rules.get(day)

    def assumes(self, day: dt.date) -> bool:
        """Whether `day`'s status is assumed rather than published: never, in this calendar
        (gongkai.workdays.provisional.ProvisionalCalendar assumes the years it lacks)."""
        return False

    def is_workday(self, day: dt.date) -> bool:
        self._check(day)
        rule = self.rule(day)
        if rule is not None:
            return rule.kind == WORKDAY
        return day.weekday() < 5

    def reason(self, day: dt.date) -> str:
        """Why `day` is or is not a working day, in words."""
        self._check(day)
        rule = self.rule(day)
        if rule is not None and rule.kind == WORKDAY:
            return f"{weekday_name(day)}调休上班（{rule.name}）"
        if rule is not None:
            return f"{rule.name}放假"
        return "工作日" if day.weekday() < 5 else weekday_name(day)

    def count(
        self,
        start: dt.date,
        n: int,
        *,
        paused: Sequence[tuple[dt.date, dt.date]] = (),
        count_start: bool = False,
    ) -> Count:
        """Walk forward from `start` until n working days are counted.

        `paused` are inclusive date ranges whose working days do not count (e.g. consultation
        of a third party). With count_start, `start` itself is day 1 when it is a working day.
        n == 0 returns `start`.
        """
        if n < 0:
            raise ValueError("n must be >= 0")
        days: list[TraceDay] = []
        counted = 0
        day = start if count_start else start + dt.timedelta(days=1)
        if n == 0:
            return Count(start=start, n=0, end=start)
        while True:
            is_paused = any(a <= day <= b for a, b in paused)
            if self.is_workday(day) and not is_paused:
                counted += 1
                days.append(TraceDay(day, counted, self.reason(day)))
                if counted == n:
                    return Count(start=start, n=n, end=day, days=tuple(days))
            else:
                why = "暂停计算（" + self.reason(day) + "）" if is_paused else self.reason(day)
                days.append(TraceDay(day, None, why))
            day += dt.timedelta(days=1)

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        return self.count(start, n).end

    def last_day_within(self, start: dt.date, n: int) -> dt.date:
        """The last day of the n working days after `start` (a reminder horizon). Where the
        count reaches a year this calendar cannot count in, the day before that year: no due
        date this calendar computed lies beyond it. (The provisional calendar counts on into
        the years whose notice is missing, as the provisional due dates do.)"""
        try:
            return self.add_workdays(start, n)
        except YearNotLoaded as error:
            return dt.date(error.year, 1, 1) - dt.timedelta(days=1)

    def workdays_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative when b is before a. Read from per-year running
        totals (is_workday of every day of the year, once per calendar object), so that a case
        overdue for years costs what one due today costs; a year the calendar cannot count in
        raises YearNotLoaded as a day-by-day walk would, for the earliest such year."""
        if b < a:
            return -self.workdays_between(b, a)
        first, total = a + dt.timedelta(days=1), 0
        for year in range(first.year, b.year + 1):
            start = first if year == first.year else dt.date(year, 1, 1)
            end = b if year == b.year else dt.date(year, 12, 31)
            if start <= end:
                totals = self._running_totals(year)
                total += totals[_day_of_year(end)] - totals[_day_of_year(start) - 1]
        return total

    def _running_totals(self, year: int) -> list[int]:
        """[0, working days in Jan 1..Jan 1, … Jan 1..Dec 31] (immutable calendar: cached)."""
        cache = self.__dict__.setdefault("_totals", {})
        if year not in cache:
            totals, day, last = [0], dt.date(year, 1, 1), dt.date(year, 12, 31)
            while day <= last:
                totals.append(totals[-1] + self.is_workday(day))
                day += dt.timedelta(days=1)
            cache[year] = totals
        return cache[year]

    def next_workday(self, day: dt.date) -> dt.date:
        """`day` itself if it is a working day, else the first working day after it."""
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day
