"""The history of a power-list item: every adjustment is kept, effective-dated, and the item's
state (and the whole list) on any past date can be reconstructed."""

import datetime as dt

import pytest
import time_machine
from django.db import IntegrityError

from gongkai.core.errors import DomainError
from gongkai.powerlists import selectors as sel
from gongkai.powerlists import services as s
from gongkai.powerlists.models import PowerItemVersion
from gongkai.powerlists.states import ChangeKind, ItemStatus
from tests.powerlists.fixtures import add, adjustment

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def item(clerk_a, dept_a):
    """Listed 2015-12-20, legal basis revised 2016-12-01, removed 2017-01-01, re-listed
    2018-03-01 under a new name."""
    listed = add(clerk_a, dept_a, legal_basis="《无线电管理条例》（1993年）第九条")
    s.power_item_change(
        actor=clerk_a,
        item=listed,
        legal_basis="《无线电管理条例》（2016年修订）第二十七条",
        **adjustment(D(2016, 12, 1), reason="条例修订", document="商编办〔2016〕30号"),
    )
    s.power_item_remove(
        actor=clerk_a,
        item=listed,
        **adjustment(D(2017, 1, 1), reason="下放县级", document="商政〔2016〕88号"),
    )
    return s.power_item_relist(
        actor=clerk_a,
        item=listed,
        name="设置、使用无线电台（站）审批",
        **adjustment(D(2018, 3, 1), reason="上收市级", document="商政〔2018〕9号"),
    )


def test_an_items_state_on_any_past_date_can_be_reconstructed(item):
    assert sel.item_as_of(item, D(2015, 12, 19)) is None  # not yet listed
    listed = sel.item_as_of(item, D(2015, 12, 20))
    assert listed.number == 1 and listed.legal_basis == "《无线电管理条例》（1993年）第九条"
    assert sel.item_as_of(item, D(2016, 11, 30)).legal_basis.endswith("第九条")
    changed = sel.item_as_of(item, D(2016, 12, 1))
    assert changed.change_kind == ChangeKind.CHANGED
    assert changed.legal_basis == "《无线电管理条例》（2016年修订）第二十七条"
    assert changed.name == "固定资产投资项目节能审查"
    assert sel.item_as_of(item, D(2017, 1, 1)) is None  # removed
    assert sel.item_as_of(item, D(2018, 2, 28)) is None
    relisted = sel.item_as_of(item, D(2018, 3, 1))
    assert relisted.name == "设置、使用无线电台（站）审批"
    assert relisted.legal_basis.endswith("第二十七条")  # kept from before the removal
    assert sel.item_as_of(item, D(2030, 1, 1)).number == 4


def test_every_adjustment_is_kept_with_date_reason_and_document(item):
    versions = list(item.versions.order_by("number"))
    assert [(v.change_kind, v.effective_on) for v in versions] == [
        ("added", D(2015, 12, 20)),
        ("changed", D(2016, 12, 1)),
        ("removed", D(2017, 1, 1)),
        ("added", D(2018, 3, 1)),
    ]
    assert [v.document for v in versions][1:] == [
        "商编办〔2016〕30号",
        "商政〔2016〕88号",
        "商政〔2018〕9号",
    ]
    assert versions[3].is_relisting and not versions[0].is_relisting
    assert all(v.recorded_by is not None for v in versions)
    item.refresh_from_db()
    assert (item.status, item.last_version, item.code) == (ItemStatus.IN_FORCE, 4, "行政许可-001")


def test_the_list_as_of_a_date_shows_what_was_on_it_that_day(clerk_a, dept_a, item):
    later = add(clerk_a, dept_a, on=D(2016, 6, 1), power_type="punishment", name="节能处罚")
    assert [v.item for v in sel.list_as_of(dept_a, D(2016, 1, 1))] == [item]
    assert [v.item for v in sel.list_as_of(dept_a, D(2016, 6, 1))] == [item, later]
    assert [v.item for v in sel.list_as_of(dept_a, D(2017, 6, 1))] == [later]
    assert sel.list_as_of(dept_a, D(2015, 1, 1)) == []
    only = sel.list_as_of(dept_a, D(2019, 1, 1), power_type="punishment")
    assert [v.name for v in only] == ["节能处罚"]


def test_changes_cannot_be_back_dated_before_the_last_adjustment(clerk_a, dept_a):
    listed = add(clerk_a, dept_a, on=D(2016, 5, 1))
    with pytest.raises(DomainError) as refused:
        s.power_item_change(actor=clerk_a, item=listed, name="改名", **adjustment(D(2016, 4, 30)))
    assert refused.value.code == "backdated" and refused.value.field == "effective_on"
    assert "2016-05-01" in refused.value.message
    listed.refresh_from_db()
    assert listed.versions.count() == 1 and listed.name == "固定资产投资项目节能审查"


def test_two_adjustments_on_one_day_the_later_one_counts(clerk_a, dept_a):
    listed = add(clerk_a, dept_a, on=D(2016, 5, 1))
    s.power_item_change(actor=clerk_a, item=listed, name="改名", **adjustment(D(2016, 5, 1)))
    assert sel.item_as_of(listed, D(2016, 5, 1)).name == "改名"


@time_machine.travel(dt.datetime(2026, 3, 2, 9, 0), tick=False)
def test_an_adjustment_announced_ahead_takes_effect_on_its_day(clerk_a, dept_a):
    listed = add(clerk_a, dept_a, on=D(2020, 1, 1))
    s.power_item_remove(actor=clerk_a, item=listed, **adjustment(D(2026, 7, 1)))
    assert sel.items_in_force([dept_a.pk], D(2026, 3, 2)) == 1
    assert sel.items_in_force([dept_a.pk], D(2026, 7, 1)) == 0
    with pytest.raises(DomainError) as too_far:
        s.power_item_relist(actor=clerk_a, item=listed, **adjustment(D(2027, 6, 1)))
    assert too_far.value.code == "too_far_ahead"


def test_history_rows_are_append_only(item):
    version = item.versions.first()
    version.reason = "改写历史"
    with pytest.raises(TypeError):
        version.save()
    with pytest.raises(TypeError):
        version.delete()
    with pytest.raises(TypeError):
        PowerItemVersion.objects.filter(item=item).update(reason="改写历史")
    with pytest.raises(TypeError):
        PowerItemVersion.objects.filter(item=item).delete()


def test_the_database_refuses_a_history_that_does_not_start_with_added(clerk_a, dept_a):
    listed = add(clerk_a, dept_a)
    with pytest.raises(IntegrityError):
        PowerItemVersion.objects.create(
            item=listed, number=1, change_kind="changed", **adjustment(), **listed.content()
        )


def test_the_database_refuses_an_unjustified_adjustment(clerk_a, dept_a):
    listed = add(clerk_a, dept_a)
    with pytest.raises(IntegrityError):
        PowerItemVersion.objects.create(
            item=listed,
            number=2,
            change_kind="changed",
            **adjustment(document=""),
            **listed.content(),
        )
