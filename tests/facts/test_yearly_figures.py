"""Yearly facts for the annual report: staff, bodies and reading points at year end; meetings,
trainings and the dedicated budget within the year; other-system figures as table 二 cells."""

import datetime as dt
from decimal import Decimal

import pytest

from gongkai.facts import selectors as sel
from gongkai.facts import services as s
from tests.facts.fixtures import record, staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]

D = dt.date


def test_staff_are_counted_as_in_post_on_31_december(clerk_a, dept_a):
    staff(clerk_a, dept_a, "甲", True, D(2015, 1, 5))
    staff(clerk_a, dept_a, "乙", False, D(2016, 3, 1), end=D(2024, 12, 31))  # last day: counted
    staff(clerk_a, dept_a, "丙", False, D(2020, 2, 1), end=D(2024, 12, 30))  # left the day before
    staff(clerk_a, dept_a, "丁", False, D(2024, 6, 1), end=D(2024, 9, 30))  # came and went
    staff(clerk_a, dept_a, "戊", True, D(2025, 1, 1))  # not yet in post
    figures = sel.institution_figures([dept_a.pk], 2024)
    assert (figures["s8_staff"], figures["s8_staff_fulltime"], figures["s8_staff_parttime"]) == (
        2,
        1,
        1,
    )
    assert sel.institution_figures([dept_a.pk], 2025)["s8_staff_fulltime"] == 2


def test_bodies_and_reading_points_count_if_they_exist_at_year_end(clerk_a, dept_a):
    record(clerk_a, dept_a, "bodies", established_on=D(2010, 1, 4))
    record(
        clerk_a,
        dept_a,
        "bodies",
        name="旧机构",
        established_on=D(2010, 1, 4),
        dissolved_on=D(2023, 5, 1),
    )
    record(clerk_a, dept_a, "reading-points", opened_on=D(2024, 12, 31))
    assert sel.institution_figures([dept_a.pk], 2022)["s8_units"] == 2
    assert sel.institution_figures([dept_a.pk], 2023)["s8_units"] == 1
    assert sel.institution_figures([dept_a.pk], 2023)["s8_reading_points"] == 0
    assert sel.institution_figures([dept_a.pk], 2024)["s8_reading_points"] == 1


def test_meetings_and_trainings_count_in_the_year_they_were_held(clerk_a, dept_a):
    record(clerk_a, dept_a, "meetings", held_on=D(2023, 12, 29))
    record(clerk_a, dept_a, "meetings", held_on=D(2024, 1, 2))
    record(clerk_a, dept_a, "meetings", held_on=D(2024, 7, 9), kind="special")
    record(clerk_a, dept_a, "trainings", held_on=D(2024, 6, 18), trainees=30)
    record(clerk_a, dept_a, "trainings", held_on=D(2024, 9, 3), trainees=12)
    record(clerk_a, dept_a, "trainings", held_on=D(2025, 1, 8), trainees=99)
    assert sel.meeting_training_figures([dept_a.pk], 2024) == {
        "s9_meetings": 2,
        "s9_trainings": 2,
        "s9_trainees": 42,
    }


def test_trainings_attended_elsewhere_add_trainees_but_are_not_trainings_held(clerk_a, dept_a):
    record(clerk_a, dept_a, "trainings", trainees=30)
    record(clerk_a, dept_a, "trainings", organiser="市政府办公室", hosted=False, trainees=2)
    figures = sel.meeting_training_figures([dept_a.pk], 2024)
    assert (figures["s9_trainings"], figures["s9_trainees"]) == (1, 32)


def test_a_year_without_meetings_or_trainings_is_all_zero(dept_a):
    assert sel.meeting_training_figures([dept_a.pk], 2024) == {
        "s9_meetings": 0,
        "s9_trainings": 0,
        "s9_trainees": 0,
    }


def test_only_the_dedicated_budget_counts(clerk_a, dept_a):
    record(clerk_a, dept_a, "budgets", amount=Decimal("1.25"))
    record(clerk_a, dept_a, "budgets", amount=Decimal("0.75"), purpose="年报编制")
    record(clerk_a, dept_a, "budgets", amount=Decimal("8"), purpose="政府网站运维", dedicated=False)
    record(clerk_a, dept_a, "budgets", year=2023, amount=Decimal("5"))
    assert sel.institution_figures([dept_a.pk], 2024)["s8_budget"] == Decimal("2")
    assert str(sel.institution_figures([dept_a.pk], 2024)["s8_budget"]) == "2"


def test_yearly_facts_has_every_legacy_s8_and_s9_key(dept_a):
    assert set(sel.yearly_facts([dept_a.pk], 2024)) == {
        "s8_units",
        "s8_reading_points",
        "s8_staff",
        "s8_staff_fulltime",
        "s8_staff_parttime",
        "s8_budget",
        "s9_meetings",
        "s9_trainings",
        "s9_trainees",
    }


def test_a_city_rolls_up_its_departments(clerk_a, dept_a, dept_b, city):
    from tests.agencies.factories import MembershipFactory

    clerk_b = MembershipFactory(agency=dept_b, role="clerk").user
    staff(clerk_a, dept_a, "甲", True, D(2020, 1, 2))
    staff(clerk_b, dept_b, "甲", False, D(2020, 1, 2))  # a namesake elsewhere is another person
    record(clerk_b, dept_b, "meetings")
    ids = [dept_a.pk, dept_b.pk, city.pk]
    figures = sel.yearly_facts(ids, 2024)
    assert (figures["s8_staff"], figures["s9_meetings"]) == (2, 1)


def test_other_system_figures_come_as_table_two_cells(clerk_a, dept_a):
    s.figure_save(
        actor=clerk_a, agency=dept_a, year=2024, key="licensing", value=12, source="审批系统"
    )
    s.figure_save(
        actor=clerk_a, agency=dept_a, year=2024, key="admin_fees", value="0.35", source="非税系统"
    )
    s.figure_save(
        actor=clerk_a, agency=dept_a, year=2024, key="regulations_valid", value=7, source="规章库"
    )
    table = sel.t2_other_system_figures([dept_a.pk], 2024)
    assert table == {
        "regulations": {"made": 0, "repealed": 0, "valid": 7},
        "licensing": {"decisions": 12},
        "punishment": {"decisions": 0},
        "coercion": {"decisions": 0},
        "admin_fees": {"fee_amount": Decimal("0.35")},
    }
    assert isinstance(table["licensing"]["decisions"], int)


def test_missing_figures_names_each_agency_and_key_not_entered(clerk_a, dept_a, dept_b):
    for key in ("licensing", "punishment", "coercion"):
        s.figure_save(actor=clerk_a, agency=dept_a, year=2024, key=key, value=0, source="台账")
    assert sel.missing_figures([dept_a.pk, dept_b.pk], 2024) == {
        dept_a.pk: ["admin_fees"],
        dept_b.pk: ["licensing", "punishment", "coercion", "admin_fees"],
    }


def test_public_staff_summary_is_by_position_without_names(clerk_a, dept_a):
    staff(clerk_a, dept_a, "甲", True, D(2020, 1, 2), position="专职工作人员")
    staff(clerk_a, dept_a, "乙", True, D(2020, 1, 2), position="专职工作人员")
    staff(clerk_a, dept_a, "丙", False, D(2020, 1, 2), position="办公室科员")
    rows = sel.staff_by_position([dept_a.pk], 2024)
    assert rows == [
        {"position": "专职工作人员", "full_time": 2, "part_time": 0},
        {"position": "办公室科员", "full_time": 0, "part_time": 1},
    ]
