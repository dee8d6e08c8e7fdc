"""An item moves through one declared workflow (powerlists.states.WORKFLOW): listing is the
transition from no item, and every adjustment is a transition that appends a version (its
ChangeKind as published) and leaves a history row (core.StatusChange) with the approving
document and reason."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from gongkai.core.errors import InvalidTransition
from gongkai.core.models import StatusChange
from gongkai.powerlists import services as s
from gongkai.powerlists.actions import TABLE
from gongkai.powerlists.models import PowerItem
from tests.powerlists.fixtures import add, adjustment

pytestmark = pytest.mark.django_db
D = dt.date


def history(item):
    return StatusChange.objects.filter(
        content_type=ContentType.objects.get_for_model(PowerItem), object_id=item.pk
    )


def test_every_adjustment_is_a_version_and_a_history_row(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    s.power_item_change(actor=clerk_a, item=item, name="新名称", **adjustment(D(2017, 1, 1)))
    s.power_item_remove(actor=clerk_a, item=item, **adjustment(D(2018, 1, 1), document="X号"))
    s.power_item_relist(actor=clerk_a, item=item, **adjustment(D(2019, 1, 1)))
    assert [(c.action, c.old_status, c.new_status) for c in history(item)] == [
        ("add", "", "in_force"),
        ("change", "in_force", "in_force"),
        ("remove", "in_force", "removed"),
        ("relist", "removed", "in_force"),
    ]
    assert list(item.versions.values_list("change_kind", flat=True)) == [
        "added",
        "changed",
        "removed",
        "added",
    ]
    removal = history(item).get(action="remove")
    assert removal.note == "X号：公布权力清单和责任清单" and removal.actor == clerk_a


def test_an_imported_item_is_listed_through_the_workflow(clerk_a, dept_a):
    (item,) = s.powerlist_import(
        actor=clerk_a,
        agency=dept_a,
        rows=[
            {
                "power_type": "行政许可",
                "name": "审查",
                "legal_basis": "依据",
                "responsible_unit": "科",
            }
        ],
        **adjustment(),
    )
    assert [(c.action, c.new_status) for c in history(item)] == [("add", "in_force")]


def test_a_refusal_names_the_items_status_and_the_adjustment(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    with pytest.raises(InvalidTransition) as refused:
        s.power_item_relist(actor=clerk_a, item=item, **adjustment(D(2017, 1, 1)))
    assert refused.value.message == "该事项当前为“现行有效”，不能“重新列入”。"
    assert history(item).count() == 1


def test_the_adjustments_offered_follow_the_items_status(clerk_a, dept_a):
    item = add(clerk_a, dept_a)
    assert [a.name for a in TABLE.available(clerk_a, item)] == ["change", "remove"]
    s.power_item_remove(actor=clerk_a, item=item, **adjustment(D(2017, 1, 1)))
    item.refresh_from_db()
    assert [a.name for a in TABLE.available(clerk_a, item)] == ["relist"]


def test_a_reviewer_is_offered_no_adjustment(powerlist_reviewer_a, clerk_a, dept_a):
    assert TABLE.available(powerlist_reviewer_a, add(clerk_a, dept_a)) == []
