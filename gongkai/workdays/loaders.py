"""Loading the years the `chinese-calendar` package knows, at migrate time."""

from importlib.metadata import version

from .calendar import HOLIDAY, WORKDAY, DayRule

# chinese-calendar names holidays in English; the notices and our trace use Chinese.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def chinese_calendar_source() -> str:
    return f"chinese-calendar {version('chinese-calendar')}"


def chinese_calendar_days() -> dict[int, list[DayRule]]:
    """Every exception chinese-calendar knows, grouped by year."""
    import chinese_calendar

    by_year: dict[int, list[DayRule]] = {}
    for table, kind in ((chinese_calendar.holidays, HOLIDAY), (chinese_calendar.workdays, WORKDAY)):
        for date, name in table.items():
            rule = DayRule(date=date, kind=kind, name=HOLIDAY_NAMES.get(name, name))
            by_year.setdefault(date.year, []).append(rule)
    return {year: sorted(days, key=lambda r: r.date) for year, days in sorted(by_year.items())}


def load_bundled_years(*, only_missing: bool = True) -> list[int]:
    """Load every year chinese-calendar covers that is not loaded yet. Years loaded from a
    notice (or loaded before) are left alone. Once, for all the years loaded, the deadlines
    they affect are recomputed (a provisional date becomes exact). Returns the years loaded."""
    from .models import CalendarYear
    from .services import calendar_year_load
    from .signals import calendar_changed

    existing = set(CalendarYear.objects.values_list("year", flat=True)) if only_missing else set()
    source = chinese_calendar_source()
    loaded = []
    for year, days in chinese_calendar_days().items():
        if year in existing:
            continue
        calendar_year_load(year=year, days=days, source=source, actor=None, recompute=False)
        loaded.append(year)
    if loaded:
        calendar_changed.send(
            sender=CalendarYear, years=set(loaded), actor=None, reason=f"载入{source}"
        )
    return loaded


def load_bundled_years_after_migrate(sender, using="default", **kwargs):
    from gongkai.core.models import tables_exist

    from .models import CalendarYear

    if not tables_exist(CalendarYear, using=using):
        return  # migrating backwards past our tables, or only another app
    load_bundled_years()
