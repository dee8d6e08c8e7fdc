"""The statutory holidays as data: 《全国年节及纪念日放假办法》, the rule the State Council's yearly
notice applies. Used only for years whose notice is not loaded yet, to compute a provisional
(暂定) calendar; a loaded notice always wins (gongkai.workdays.provisional).

The text in force is the one as revised by the 国务院关于修改《全国年节及纪念日放假办法》的决定
of 2024-11-10 (国务院令第795号), in force from 2025-01-01, republished in full:
  https://www.gov.cn/zhengce/content/202411/content_6986380.htm (the decision)
  https://www.gov.cn/gongbao/2024/issue_11726/202411/content_6989774.html (公报, the full text)

第二条 全体公民放假的节日：（一）元旦，放假1天（1月1日）；（二）春节，放假4天（农历除夕、正月初一至
初三）；（三）清明节，放假1天（农历清明当日）；（四）劳动节，放假2天（5月1日、2日）；（五）端午节，
放假1天（农历端午当日）；（六）中秋节，放假1天（农历中秋当日）；（七）国庆节，放假3天（10月1日至3日）。
第三条 holidays of some citizens only (妇女节 half a day …): not days off for an agency.
第六条 全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。部分公民放假的假日，如果适逢
星期六、星期日，则不补假。
第七条 (added 2024) 全体公民放假的假日，可合理安排统一放假调休，结合落实带薪年休假等制度，实际形成
较长假期。除个别特殊情形外，法定节假日假期前后连续工作一般不超过6天。

Article 7's 调休 (which weekend days become working days, how days are moved into a long break)
is decided each year by the notice and cannot be derived from the text: the provisional
calendar leaves it out, which is its known error (docs/deadlines.md).

Earlier texts (2008–2013: 春节 除夕至初二, 劳动节 1 day; 2014–2024: 春节 初一至初三) are not
declared: every year before 2025 is loaded from the published notices, and a year no version
here covers is never guessed (the deadline stays pending with its reason).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class SolarDay:
    """A fixed day of the Gregorian calendar (1月1日)."""

    month: int
    day: int


@dataclass(frozen=True)
class LunarDay:
    """A day of the Chinese calendar (正月初一 = LunarDay(1, 1)); never of a leap month."""

    month: int
    day: int


@dataclass(frozen=True)
class LunarNewYearsEve:
    """农历除夕: the last day of the twelfth month, the day before 正月初一 (29th or 30th)."""


@dataclass(frozen=True)
class SolarTerm:
    """The day of a solar term (清明)."""

    name: str


DayRef = SolarDay | LunarDay | LunarNewYearsEve | SolarTerm


@dataclass(frozen=True)
class StatutoryHoliday:
    name: str  # as the notices name it: 元旦, 春节 …
    days: tuple[DayRef, ...]
    item: str  # the article and item: 第二条第（二）项
    text: str  # the item's words: 放假4天（农历除夕、正月初一至初三）


@dataclass(frozen=True)
class HolidayMeasures:
    """One text of the 办法: which days all citizens have off, and the make-up rule."""

    title: str
    version: str
    in_force_from: dt.date
    in_force_until: dt.date | None
    holidays_article: str
    holidays: tuple[StatutoryHoliday, ...]
    makeup_article: str
    makeup_text: str
    adjustment_article: str  # 调休 (not applied: decided each year by the notice)
    sources: tuple[str, ...]

    def applies_to(self, year: int) -> bool:
        return self.in_force_from.year <= year and (
            self.in_force_until is None or year <= self.in_force_until.year
        )

    @property
    def citation(self) -> str:
        return f"{self.title}（{self.version}）"


MEASURES_2025 = HolidayMeasures(
    title="《全国年节及纪念日放假办法》",
    version="2024年11月10日国务院令第795号修订，2025年1月1日起施行",
    in_force_from=dt.date(2025, 1, 1),
    in_force_until=None,
    holidays_article="第二条",
    holidays=(
        StatutoryHoliday("元旦", (SolarDay(1, 1),), "第二条第（一）项", "放假1天（1月1日）"),
        StatutoryHoliday(
            "春节",
            (LunarNewYearsEve(), LunarDay(1, 1), LunarDay(1, 2), LunarDay(1, 3)),
            "第二条第（二）项",
            "放假4天（农历除夕、正月初一至初三）",
        ),
        StatutoryHoliday(
            "清明节", (SolarTerm("清明"),), "第二条第（三）项", "放假1天（农历清明当日）"
        ),
        StatutoryHoliday(
            "劳动节", (SolarDay(5, 1), SolarDay(5, 2)), "第二条第（四）项", "放假2天（5月1日、2日）"
        ),
        StatutoryHoliday(
            "端午节", (LunarDay(5, 5),), "第二条第（五）项", "放假1天（农历端午当日）"
        ),
        StatutoryHoliday(
            "中秋节", (LunarDay(8, 15),), "第二条第（六）项", "放假1天（农历中秋当日）"
        ),
        StatutoryHoliday(
            "国庆节",
            (SolarDay(10, 1), SolarDay(10, 2), SolarDay(10, 3)),
            "第二条第（七）项",
            "放假3天（10月1日至3日）",
        ),
    ),
    makeup_article="第六条",
    makeup_text="全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假",
    adjustment_article="第七条",
    sources=(
        "https://www.gov.cn/zhengce/content/202411/content_6986380.htm",
        "https://www.gov.cn/gongbao/2024/issue_11726/202411/content_6989774.html",
    ),
)

MEASURES = (MEASURES_2025,)


def measures_for(year: int) -> HolidayMeasures | None:
    """The text of the 办法 in force in `year`, if one is declared here."""
    return next((m for m in MEASURES if m.applies_to(year)), None)
