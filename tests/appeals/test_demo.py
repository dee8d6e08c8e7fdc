"""The demo cases: none for the seed agency in 2017 (its report says so), a consistent handful
for the other agencies and years. Loaded once for the module (rolled back at the end)."""

import pytest
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.appeals.models import AppealCase
from gongkai.appeals.selectors import legacy_counts, t4_counts
from gongkai.demo.accounts import load_public_users, load_staff_users, staff_roles
from gongkai.demo.agencies import load_agencies
from gongkai.demo.appeals import load_demo
from gongkai.demo.applications import load_applications
from gongkai.demo.data.agencies import SEED_AGENCY_CODE


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def demo_appeals(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                agencies = load_agencies()
                load_staff_users(agencies)
                load_public_users()
                load_applications(agencies, staff_roles())
                yield load_demo()
                raise _Rollback
        except _Rollback:
            pass


def _ids(code):
    return [Agency.objects.get(code=code).pk]


def test_the_seed_agency_had_no_reconsideration_litigation_or_complaint_in_2017(demo_appeals, db):
    ids = _ids(SEED_AGENCY_CODE)
    assert set(t4_counts(ids, 2017).values()) == {0}
    legacy = legacy_counts(ids, 2017)
    assert (legacy["s4"], legacy["s5"], legacy["s6"]) == (0, 0, 0)
    assert not AppealCase.objects.filter(filed_on__year=2017).exists()


def test_the_other_agencies_have_cases_from_2019_to_2026(demo_appeals, db):
    assert demo_appeals["cases"] == AppealCase.objects.count() >= 10
    years = set(AppealCase.objects.values_list("filed_on__year", flat=True))
    assert {2019, 2021, 2023, 2025, 2026} <= years and min(years) == 2019
    assert set(AppealCase.objects.values_list("kind", flat=True)) == {
        "reconsideration",
        "litigation_direct",
        "litigation_after_reconsideration",
        "complaint",
    }


def test_linked_applications_are_the_same_agencys_and_came_first(demo_appeals, db):
    linked = AppealCase.objects.exclude(application=None).select_related("application")
    assert linked.count() == demo_appeals["linked"] >= 8
    for case in linked:
        assert case.application.agency_id == case.agency_id
        assert case.application.closed_on is None or case.application.closed_on <= case.filed_on


def test_a_case_filed_in_2021_and_closed_in_2022_is_pending_in_2021(demo_appeals, db):
    ids = _ids("411400-jyj")
    counts = t4_counts(ids, 2021)
    assert (counts["rc_upheld"], counts["la_pending"], counts["la_total"]) == (1, 1, 1)
    assert t4_counts(ids, 2022)["la_total"] == 0


def test_the_suit_after_reconsideration_points_at_it(demo_appeals, db):
    suit = AppealCase.objects.get(kind="litigation_after_reconsideration")
    assert suit.reconsideration.kind == "reconsideration"
    assert suit.application_id == suit.reconsideration.application_id


def test_open_cases_remain_for_the_workbench(demo_appeals, db):
    assert AppealCase.objects.filter(outcome="pending").count() == 3


def test_the_demo_is_idempotent(demo_appeals, db):
    count = AppealCase.objects.count()
    assert load_demo()["cases"] == 0
    assert AppealCase.objects.count() == count
