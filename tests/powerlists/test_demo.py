"""The demo power lists: the seed agency's list of December 2015 (34 items with their
responsibilities) and its dynamic adjustments, consistent lists for the other demo agencies, and
an idempotent loader. Loaded once for the module (rolled back at the end)."""

import datetime as dt

import pytest
from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.demo.accounts import load_staff_users
from gongkai.demo.agencies import load_agencies
from gongkai.demo.data.agencies import SEED_AGENCY_CODE
from gongkai.demo.powerlists import load_demo
from gongkai.powerlists import selectors as sel
from gongkai.powerlists.models import PowerItem, PowerItemVersion

D = dt.date


class _Rollback(Exception):
    pass


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                load_staff_users(load_agencies())
                yield load_demo()
                raise _Rollback
        except _Rollback:
            pass


@pytest.fixture
def seed(demo, db):
    return Agency.objects.get(code=SEED_AGENCY_CODE)


def test_the_seed_published_all_34_items_in_december_2015(seed):
    assert sel.first_publication([seed.pk]) == {"date": D(2015, 12, 25), "items": 34}
    assert sel.items_in_force([seed.pk], D(2015, 11, 30)) == 0
    assert sel.items_in_force([seed.pk], D(2015, 12, 31)) == 34
    assert sel.adjustments_in_year([seed.pk], 2015) == {"added": 34, "changed": 0, "removed": 0}


def test_each_of_the_34_has_its_responsibility_list(seed):
    first_list = sel.list_as_of(seed, D(2015, 12, 31))
    assert all(v.responsibilities and v.accountability and v.supervision for v in first_list)
    assert all(v.legal_basis.startswith("《") for v in first_list)
    counts = {key: n for key, _label, n in sel.type_counts(first_list)}
    assert counts == {
        "licensing": 4,
        "punishment": 12,
        "coercion": 2,
        "levy": 1,
        "payment": 1,
        "inspection": 5,
        "confirmation": 3,
        "reward": 2,
        "ruling": 1,
        "other": 3,
    }
    energy = [v for v in first_list if "《中华人民共和国节约能源法》" in v.legal_basis]
    radio = [v for v in first_list if "《中华人民共和国无线电管理条例》" in v.legal_basis]
    assert len(energy) >= 10 and len(radio) >= 8


def test_the_list_was_adjusted_dynamically_in_2016_and_2017(seed):
    assert sel.adjustments_in_year([seed.pk], 2016) == {"added": 0, "changed": 4, "removed": 0}
    assert sel.adjustments_in_year([seed.pk], 2017) == {"added": 2, "changed": 2, "removed": 2}
    # Two cancelled, two new: still 34 items at the end of the report year.
    assert sel.items_in_force([seed.pk], D(2017, 12, 31)) == 34
    salt = PowerItem.objects.get(agency=seed, code="行政许可-004")
    assert sel.item_as_of(salt, D(2016, 12, 31)).name == "食盐准运许可"
    assert sel.item_as_of(salt, D(2017, 1, 1)) is None
    assert "国发〔2016〕25号" in salt.versions.get(number=2).reason


def test_later_years_keep_a_consistent_history(seed):
    assert sel.items_in_force([seed.pk], D(2019, 12, 31)) == 31
    assert sel.items_in_force([seed.pk], D(2026, 11, 27)) == 32
    centre = PowerItem.objects.get(agency=seed, code="行政确认-003")
    assert [v.change_kind for v in centre.versions.all()] == ["added", "removed", "added"]
    assert sel.item_as_of(centre, D(2023, 1, 1)) is None
    penalties = sel.list_as_of(seed, D(2021, 7, 15), power_type="punishment")
    assert penalties and all("法制审核" in v.process for v in penalties)


def test_the_other_demo_agencies_have_lists_and_adjustments(demo, db):
    others = ["411400-czj", "411400-jyj", "411400-hbj", "411403-jyj"]
    ids = {code: Agency.objects.get(code=code).pk for code in others}
    for code, pk in ids.items():
        assert sel.items_in_force([pk], D(2026, 11, 27)) >= 8, code
    city = Agency.objects.get(code="411400")
    subtree = list(Agency.objects.subtree_of(city).values_list("pk", flat=True))
    assert sel.items_in_force(subtree, D(2015, 12, 31)) == 34 + 12 + 12 + 14
    assert sel.adjustments_in_year([ids["411400-czj"]], 2017)["removed"] == 1
    assert sel.adjustments_in_year([ids["411400-hbj"]], 2018) == {
        "added": 0,
        "changed": 1,
        "removed": 1,
    }
    years = {v.effective_on.year for v in PowerItemVersion.objects.all()}
    assert set(range(2015, 2026)) <= years


def test_no_history_is_back_dated_and_counts_are_returned(demo, db):
    for item in PowerItem.objects.all():
        dates = [v.effective_on for v in item.versions.order_by("number")]
        assert dates == sorted(dates) and item.last_version == len(dates)
    assert demo == {
        "agencies": 5,
        "items": PowerItem.objects.count(),
        "adjustments": PowerItemVersion.objects.count(),
    }


def test_a_second_run_loads_nothing(demo, db):
    before = PowerItemVersion.objects.count()
    assert load_demo() == {"agencies": 0, "items": 0, "adjustments": 0}
    assert PowerItemVersion.objects.count() == before
