from pathlib import Path

import pytest

from gongkai.workdays.calendar import WorkCalendar
from gongkai.workdays.loaders import chinese_calendar_days

NOTICES = Path(__file__).parent / "notices"


@pytest.fixture(scope="session")
def bundled_calendar() -> WorkCalendar:
    """The pure calendar over every year chinese-calendar knows (2004–2026), no database."""
    days = chinese_calendar_days()
    return WorkCalendar([rule for rules in days.values() for rule in rules], days.keys())


def notice_text(year: int) -> str:
    return (NOTICES / f"{year}.txt").read_text(encoding="utf-8")
