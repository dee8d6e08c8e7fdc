"""The demo facts: the seed agency's 2017 statistics table (八、九) exactly, and consistent
records for the other demo agencies in 2019–2026. Loaded once for the module (rolled back)."""

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.demo.accounts import load_public_users, load_staff_users
from gongkai.demo.agencies import load_agencies
from gongkai.demo.data.agencies import SEED_AGENCY_CODE
from gongkai.demo.data.facts import PROFILES
from gongkai.demo.facts import FIGURE_YEARS, load_demo
from gongkai.facts import selectors as sel
from gongkai.facts.models import Meeting, OtherSystemFigure, StaffAssignment, Training
from tests.facts.fixtures import TODAY


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def demo_facts(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False):
        try:
            with transaction.atomic():
                agencies = load_agencies()
                load_staff_users(agencies)
                load_public_users()
                counts = load_demo()
                yield counts
                raise _Rollback
        except _Rollback:
            pass


@pytest.fixture
def seed(demo_facts, db):
    return Agency.objects.get(code=SEED_AGENCY_CODE)


def test_seed_2017_matches_the_report_exactly(seed):
    assert sel.yearly_facts([seed.pk], 2017) == {
        "s8_units": 1,
        "s8_reading_points": 1,
        "s8_staff": 3,
        "s8_staff_fulltime": 1,
        "s8_staff_parttime": 2,
        "s8_budget": Decimal("0"),
        "s9_meetings": 4,
        "s9_trainings": 0,
        "s9_trainees": 0,
    }


def test_seed_2017_staff_are_the_report_signatories_and_one_more(seed):
    names = set(sel.staff_at_year_end([seed.pk], 2017).values_list("person_name", flat=True))
    assert {"魏红振", "吕目知"} <= names and len(names) == 3
    clerk = StaffAssignment.objects.get(person_name="魏红振")
    assert clerk.full_time and clerk.user.username == "gxw_clerk"


def test_seed_2017_had_a_website_budget_that_is_not_dedicated(seed):
    (budget,) = sel.budgets_in_year([seed.pk], 2017)
    assert not budget.dedicated and budget.amount > 0


def test_seed_2017_is_locked(seed):
    assert sel.is_locked(seed, 2017)


def test_other_agencies_have_staff_meetings_and_trainings_every_year(demo_facts, db):
    for code in PROFILES:
        agency = Agency.objects.get(code=code)
        for year in range(2019, 2027):
            facts = sel.yearly_facts([agency.pk], year)
            assert facts["s8_staff"] > 0 and facts["s8_units"] == 1, (code, year)
            assert facts["s9_meetings"] > 0, (code, year)
            assert facts["s9_trainees"] > 0, (code, year)


def test_staff_change_over_the_years(demo_facts, db):
    changed = 0
    for code in PROFILES:
        ids = [Agency.objects.get(code=code).pk]
        counts = {
            tuple(sel.staff_at_year_end(ids, y).values_list("full_time", flat=True))
            for y in range(2019, 2027)
        }
        changed += len(counts) > 1
    assert changed >= 4


def test_other_system_figures_for_2021_to_2025_with_sources(demo_facts, db):
    for code in PROFILES:
        agency = Agency.objects.get(code=code)
        for year in FIGURE_YEARS:
            assert sel.missing_figures([agency.pk], year) == {}, (code, year)
    assert not OtherSystemFigure.objects.filter(year__lt=2021).exists()
    assert not OtherSystemFigure.objects.filter(year__gt=2025).exists()
    assert not OtherSystemFigure.objects.filter(source="").exists()


def test_the_citys_regulations_carry_from_year_to_year(demo_facts, db):
    city = [Agency.objects.get(code="411400").pk]
    previous = None
    for year in FIGURE_YEARS:
        cells = sel.t2_other_system_figures(city, year)["regulations"]
        if previous is not None:
            assert cells["valid"] == previous + cells["made"] - cells["repealed"]
        previous = cells["valid"]
    departments = [Agency.objects.get(code="411400-hbj").pk]
    assert sel.t2_other_system_figures(departments, 2024)["regulations"]["valid"] == 0


def test_years_up_to_2025_are_locked_and_2026_open(demo_facts, db):
    for code in PROFILES:
        locked = sel.locked_years(Agency.objects.get(code=code))
        assert set(range(2019, 2026)) <= locked and 2026 not in locked


def test_nothing_is_dated_after_the_demos_today(demo_facts, db):
    last = dt.date(2026, 11, 27)
    assert not Meeting.objects.filter(held_on__gt=last).exists()
    assert not Training.objects.filter(held_on__gt=last).exists()
    assert not StaffAssignment.objects.filter(started_on__gt=last).exists()


def test_loading_again_does_nothing(demo_facts, db):
    with time_machine.travel(TODAY, tick=False):
        assert load_demo() == {"agencies": 0, "records": 0, "figures": 0, "locks": 0}
    assert demo_facts["agencies"] == len(PROFILES) and demo_facts["locks"] > 0
