"""The counts the annual report needs, keyed by agency ids so a city rolls up its subtree."""

import datetime as dt

import pytest

from gongkai.powerlists import selectors as sel
from gongkai.powerlists import services as s
from tests.agencies.factories import MembershipFactory
from tests.powerlists.fixtures import add, adjustment

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def lists(clerk_a, dept_a, dept_b):
    """dept_a: 3 items listed in 2015, one changed and one removed in 2017, one re-listed and
    one new in 2018. dept_b: 2 items listed in 2016."""
    clerk_b = MembershipFactory(agency=dept_b, role="clerk").user
    a1, a2, _a3 = (add(clerk_a, dept_a, name=f"事项{n}") for n in range(3))
    s.power_item_change(actor=clerk_a, item=a1, name="事项0改", **adjustment(D(2017, 3, 1)))
    s.power_item_remove(actor=clerk_a, item=a2, **adjustment(D(2017, 6, 1)))
    s.power_item_relist(actor=clerk_a, item=a2, **adjustment(D(2018, 1, 1)))
    add(clerk_a, dept_a, on=D(2018, 5, 1), name="事项3")
    for n in range(2):
        add(clerk_b, dept_b, on=D(2016, 1, 1), name=f"乙{n}")


def test_adjustments_in_year_counts_by_kind_and_effective_year(lists, dept_a, dept_b):
    assert sel.adjustments_in_year([dept_a.pk], 2015) == {"added": 3, "changed": 0, "removed": 0}
    assert sel.adjustments_in_year([dept_a.pk], 2017) == {"added": 0, "changed": 1, "removed": 1}
    assert sel.adjustments_in_year([dept_a.pk], 2018) == {"added": 2, "changed": 0, "removed": 0}
    assert sel.adjustments_in_year([dept_a.pk, dept_b.pk], 2016) == {
        "added": 2,
        "changed": 0,
        "removed": 0,
    }
    assert sel.adjustments_in_year([], 2017) == {"added": 0, "changed": 0, "removed": 0}


def test_items_in_force_on_a_date(lists, city, dept_a, dept_b):
    assert sel.items_in_force([dept_a.pk], D(2015, 12, 31)) == 3
    assert sel.items_in_force([dept_a.pk], D(2017, 12, 31)) == 2
    assert sel.items_in_force([dept_a.pk], D(2018, 12, 31)) == 4
    subtree = [city.pk, dept_a.pk, dept_b.pk]
    assert sel.items_in_force(subtree, D(2016, 12, 31)) == 5


def test_first_publication_is_the_date_and_size_of_the_first_list(lists, dept_a, dept_b):
    assert sel.first_publication([dept_a.pk]) == {"date": D(2015, 12, 20), "items": 3}
    assert sel.first_publication([dept_b.pk]) == {"date": D(2016, 1, 1), "items": 2}
    assert sel.first_publication([]) is None
