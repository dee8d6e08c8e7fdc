"""A provisional (暂定) working-day calendar for years whose State Council notice is not loaded.

Pure: no ORM, no clock. Where a year's notice is loaded the exact calendar answers; elsewhere,
for a year a text of 《全国年节及纪念日放假办法》 governs (gongkai.workdays.statute), a day is a
working day unless it is a Saturday, a Sunday, a statutory holiday (Art. 2) or the make-up day
(补假) of a statutory holiday that fell on a Saturday or Sunday (Art. 6). Every such day is
marked as assumed, so a count that touches one is provisional.

What the law leaves to the yearly notice is not guessed: 调休 (Art. 7: weekend days made working
days, days moved into a long break). Art. 6 says only "在工作日补假"; the notices have always
given the first working day after the holiday (2015: 清明节 4月5日（周日）, 4月6日补休; 端午节
6月20日（周六）, 6月22日补休; 2026: 清明节 4月5日（周日）, 4月6日放假), and so does this calendar.
Lunar dates and the 清明 solar term come from lunar_python (6tail, MIT licence).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .calendar import HOLIDAY, DayRule, WorkCalendar, YearNotLoaded, weekday_name
from .statute import (
    HolidayMeasures,
    LunarDay,
    LunarNewYearsEve,
    SolarDay,
    SolarTerm,
    measures_for,
)

ASSUMED = "（暂定）"


@dataclass(frozen=True)
class AssumedDay:
    """A day off the 办法 gives in a year whose notice is not loaded."""

    date: dt.date
    name: str  # the holiday: 春节
    basis: str  # 第二条第（二）项, or 第六条 for a make-up day
    makeup_for: dt.date | None = None  # the weekend holiday this day makes up for

    @property
    def reason(self) -> str:
        if self.makeup_for is not None:
            return f"{self.name}补假{ASSUMED}"
        return f"{self.name}放假{ASSUMED}"

    def as_dict(self) -> dict:
        return {
            "date": self.date.isoformat(),
            "name": self.name,
            "basis": self.basis,
            "makeup_for": self.makeup_for.isoformat() if self.makeup_for else None,
        }


def _solar_date(ref, year: int) -> dt.date:
    """The Gregorian date of a day of the 办法 in `year`."""
    from lunar_python import Lunar, Solar

    if isinstance(ref, SolarDay):
        return dt.date(year, ref.month, ref.day)
    if isinstance(ref, LunarDay):
        solar = Lunar.fromYmd(year, ref.month, ref.day).getSolar()
    elif isinstance(ref, LunarNewYearsEve):
        solar = Lunar.fromYmd(year, 1, 1).getSolar().next(-1)
    elif isinstance(ref, SolarTerm):
        # The table of the Chinese year around mid-April holds that spring's 清明.
        solar = Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()[ref.name]
    else:  # pragma: no cover - the statute declares only these kinds
        raise TypeError(ref)
    day = dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
    if day.year != year:  # pragma: no cover - 除夕 and 清明 always fall in `year`
        raise ValueError(f"{ref} of {year} falls on {day}")
    return day


@lru_cache(maxsize=64)
def statutory_days(year: int, measures: HolidayMeasures) -> tuple[AssumedDay, ...]:
    """The days off of `year` under `measures`: each holiday day (Art. 2), and for each that
    falls on a Saturday or Sunday the next working day not already off (Art. 6)."""
    holidays: dict[dt.date, AssumedDay] = {}
    for holiday in measures.holidays:
        for ref in holiday.days:
            day = _solar_date(ref, year)
            # 中秋节 can fall on 10月1日–3日: one day off, the law gives no extra day for it.
            holidays.setdefault(day, AssumedDay(day, holiday.name, holiday.item))
    off = dict(holidays)
    for day in sorted(holidays):
        if day.weekday() < 5:
            continue
        makeup = day + dt.timedelta(days=1)
        while makeup.weekday() >= 5 or makeup in off:
            makeup += dt.timedelta(days=1)
        off[makeup] = AssumedDay(
            makeup, holidays[day].name, measures.makeup_article, makeup_for=day
        )
    return tuple(off[day] for day in sorted(off))


class ProvisionalCalendar(WorkCalendar):
    """The exact calendar, extended to the years it lacks by the 办法 (see the module)."""

    def __init__(self, exact: WorkCalendar):
        super().__init__((), exact.loaded_years)
        self.exact = exact
        self._assumed: dict[int, dict[dt.date, AssumedDay]] = {}

    def __repr__(self):
        return f"<ProvisionalCalendar over {self.exact!r}>"

    def measures(self, year: int) -> HolidayMeasures | None:
        return None if year in self.loaded_years else measures_for(year)

    def assumes(self, day: dt.date) -> bool:
        """Whether `day` lies in a year whose working days are assumed, not published."""
        return day.year not in self.loaded_years

    def assumed_day(self, day: dt.date) -> AssumedDay | None:
        if not self.assumes(day):
            return None
        if day.year not in self._assumed:
            measures = measures_for(day.year)
            days = statutory_days(day.year, measures) if measures else ()
            self._assumed[day.year] = {d.date: d for d in days}
        return self._assumed[day.year].get(day)

    def _check(self, day: dt.date) -> None:
        if self.assumes(day) and measures_for(day.year) is None:
            raise YearNotLoaded(day.year)

    def rule(self, day: dt.date) -> DayRule | None:
        # A loaded notice can set a day of the next year (the 2023 notice sets 2022-12-31).
        exact = self.exact.rule(day)
        if exact is not None or not self.assumes(day):
            return exact
        assumed = self.assumed_day(day)
        return DayRule(day, HOLIDAY, assumed.name) if assumed else None

    def reason(self, day: dt.date) -> str:
        if not self.assumes(day) or self.exact.rule(day) is not None:
            return super().reason(day)
        self._check(day)
        assumed = self.assumed_day(day)
        if assumed is not None:
            return assumed.reason
        return ("工作日" if day.weekday() < 5 else weekday_name(day)) + ASSUMED


@dataclass(frozen=True)
class Assumption:
    """What a provisional count assumed: the years without a notice and the days off the 办法
    gave in them (within the days looked at)."""

    years: tuple[int, ...]
    days: tuple[AssumedDay, ...]
    measures: HolidayMeasures

    def as_dict(self) -> dict:
        return {
            "years": list(self.years),
            "measures": self.measures.citation,
            "holidays_basis": self.measures.holidays_article,
            "makeup_basis": self.measures.makeup_article,
            "makeup_text": self.measures.makeup_text,
            "days": [day.as_dict() for day in self.days],
        }


def assumption_of(calendar: WorkCalendar, dates: Iterable[dt.date]) -> Assumption | None:
    """The assumption behind a count over `dates`, or None when every date is published."""
    if not isinstance(calendar, ProvisionalCalendar):
        return None
    dates = [d for d in dates if calendar.assumes(d)]
    if not dates:
        return None
    years = tuple(sorted({d.year for d in dates}))
    found = [calendar.assumed_day(d) for d in dates]
    return Assumption(
        years=years,
        days=tuple(d for d in found if d is not None),
        measures=measures_for(years[0]),
    )
