"""Drafting catalogue items: what item_create refuses, what it cleans, and how drafts change."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from gongkai.catalog import services as s
from gongkai.catalog.models import Category, IndexSequence, Item
from gongkai.catalog.states import ItemStatus
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from tests.catalog.fixtures import draft

pytestmark = pytest.mark.django_db


def refused(code, actor, agency, **overrides):
    """item_create with `overrides` raises DomainError `code` and leaves no trace."""
    items, sequences = Item.objects.count(), IndexSequence.objects.count()
    creations = AuditEvent.objects.filter(action="catalog.create").count()
    with pytest.raises(DomainError) as caught:
        draft(actor, agency, **overrides)
    assert caught.value.code == code
    assert Item.objects.count() == items
    assert IndexSequence.objects.count() == sequences
    assert AuditEvent.objects.filter(action="catalog.create").count() == creations
    return caught.value


def category(code):
    return Category.objects.get(agency=None, code=code)


# Validation on create ---------------------------------------------------------------------------


def test_a_blank_title_is_refused(clerk_a, dept_a):
    error = refused("title_required", clerk_a, dept_a, title=" \u3000 \n")
    assert error.field == "title"


def test_a_missing_title_is_refused_like_a_blank_one(clerk_a, dept_a):
    with pytest.raises(DomainError) as caught:
        s.item_create(actor=clerk_a, agency=dept_a, created_on=dt.date(2026, 3, 2))
    assert caught.value.code == "title_required"
    assert not Item.objects.exists()


def test_the_title_has_its_whitespace_collapsed(clerk_a, dept_a):
    item = draft(clerk_a, dept_a, title="  关于  印发\n方案的通知 ")
    assert item.title == "关于 印发 方案的通知"


def test_a_creation_date_in_the_future_is_refused(clerk_a, dept_a):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    error = refused("created_in_future", clerk_a, dept_a, created_on=tomorrow)
    assert error.field == "created_on"


def test_a_missing_creation_date_is_refused(clerk_a, dept_a):
    refused("created_on_required", clerk_a, dept_a, created_on=None)


@pytest.mark.parametrize("disclosure", [Item.Disclosure.ON_REQUEST, Item.Disclosure.NOT_DISCLOSED])
def test_information_not_actively_disclosed_needs_a_reason(clerk_a, dept_a, disclosure):
    error = refused(
        "non_disclosure_reason_required",
        clerk_a,
        dept_a,
        disclosure=disclosure,
        non_disclosure_reason="  ",
    )
    assert error.field == "non_disclosure_reason"


def test_information_not_actively_disclosed_is_kept_with_its_reason(clerk_a, dept_a):
    item = draft(
        clerk_a,
        dept_a,
        disclosure=Item.Disclosure.NOT_DISCLOSED,
        non_disclosure_reason="涉及第三方商业秘密（条例第十五条）",
    )
    assert item.disclosure == Item.Disclosure.NOT_DISCLOSED
    assert item.non_disclosure_reason == "涉及第三方商业秘密（条例第十五条）"


def test_a_reason_given_for_active_disclosure_is_dropped(clerk_a, dept_a):
    item = draft(clerk_a, dept_a, non_disclosure_reason="不需要的理由")
    assert item.disclosure == Item.Disclosure.ACTIVE and item.non_disclosure_reason == ""


def test_an_interpretation_needs_its_form(clerk_a, dept_a):
    policy = draft(clerk_a, dept_a)
    error = refused("interpretation_form_required", clerk_a, dept_a, interprets=policy)
    assert error.field == "interpretation_form"


def test_an_interpretation_is_linked_to_its_policy(clerk_a, dept_a):
    policy = draft(clerk_a, dept_a)
    reading = draft(
        clerk_a,
        dept_a,
        title="《实施方案》政策解读",
        interprets=policy,
        interpretation_form=Item.InterpretationForm.GRAPHIC,
    )
    assert reading.is_interpretation and list(policy.interpretations.all()) == [reading]


def test_a_form_without_an_interpreted_policy_is_dropped(clerk_a, dept_a):
    item = draft(clerk_a, dept_a, interpretation_form=Item.InterpretationForm.VIDEO)
    assert item.interpretation_form == ""


def test_a_category_of_another_agency_is_refused(clerk_a, dept_a, dept_b):
    theirs = Category.objects.create(
        agency=dept_b, facet=Category.Facet.ORGAN, code="B01", name="乙局办公室"
    )
    error = refused("bad_category", clerk_a, dept_a, categories=[category("F03"), theirs])
    assert error.field == "categories"


def test_an_inactive_category_is_refused(clerk_a, dept_a):
    retired = Category.objects.create(
        agency=dept_a, facet=Category.Facet.ORGAN, code="A09", name="已撤销科室", is_active=False
    )
    refused("bad_category", clerk_a, dept_a, categories=[retired])


def test_the_agency_own_and_global_categories_are_accepted(clerk_a, dept_a):
    ours = Category.objects.create(
        agency=dept_a, facet=Category.Facet.ORGAN, code="A01", name="甲局办公室"
    )
    item = draft(clerk_a, dept_a, categories=[category("F03"), category("G06"), ours])
    assert set(item.categories.all()) == {category("F03"), category("G06"), ours}


def test_an_explicit_index_number_already_used_is_refused(clerk_a, dept_a):
    first = draft(clerk_a, dept_a)
    error = refused("index_taken", clerk_a, dept_a, index_number=f" {first.index_number} ")
    assert error.field == "index_number"


def test_an_explicit_index_number_is_kept(clerk_a, dept_a):
    item = draft(clerk_a, dept_a, index_number="  000014349/2017-00012 ")
    assert item.index_number == "000014349/2017-00012"


def test_staff_without_the_handle_capability_cannot_create(admin_a, supervisor, dept_a):
    for actor in (admin_a, supervisor):
        with pytest.raises(PermissionDenied):
            draft(actor, dept_a)
    assert not Item.objects.exists()


# What a new draft looks like --------------------------------------------------------------------


def test_the_issuer_defaults_to_the_agency(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    assert item.issuer == dept_a and item.agency == dept_a


def test_an_explicit_issuer_is_kept(clerk_a, dept_a, city):
    item = draft(clerk_a, dept_a, issuer=city, co_issuers="测试市财政局")
    assert item.issuer == city and item.co_issuers == "测试市财政局"


def test_a_new_draft_records_its_author_event_and_audit(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    assert item.status == ItemStatus.DRAFT and item.author == clerk_a
    assert [(e.action, e.actor) for e in item.events.all()] == [("create", clerk_a)]
    assert AuditEvent.objects.filter(action="catalog.create", object_id=str(item.pk)).exists()


def test_the_body_is_sanitised_but_keeps_links_and_structure(clerk_a, dept_a):
    body = (
        '<p onclick="steal()">现将方案印发给你们。<script>alert(1)</script></p>'
        '<p><a href="https://www.gov.cn/zhengce/" onmouseover="x()">国务院政策文件库</a></p>'
        '<p><a href="javascript:alert(2)">危险链接</a></p>'
        "<style>p{display:none}</style>"
        '<table><tr><td colspan="2" style="color:red">合计</td></tr></table>'
    )
    item = draft(clerk_a, dept_a, body=body)
    item.refresh_from_db()
    assert "<script" not in item.body and "alert(1)" not in item.body
    assert "onclick" not in item.body and "onmouseover" not in item.body
    assert "javascript:" not in item.body and "<style" not in item.body
    assert "style=" not in item.body
    assert '<a href="https://www.gov.cn/zhengce/"' in item.body
    assert "国务院政策文件库</a>" in item.body and "危险链接" in item.body
    assert '<td colspan="2">合计</td>' in item.body
    assert "现将方案印发给你们。" in item.body


# Editing ------------------------------------------------------------------------------------------


def test_a_draft_can_be_edited_and_the_audit_names_the_changed_fields(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_update(
        actor=clerk_a,
        item=item,
        title="关于印发测试市工业转型升级实施方案（修订）的通知",
        summary="印发工业转型升级实施方案。",  # unchanged
    )
    item.refresh_from_db()
    assert item.title == "关于印发测试市工业转型升级实施方案（修订）的通知"
    event = AuditEvent.objects.get(action="catalog.edit", object_id=str(item.pk))
    assert event.actor == clerk_a
    assert event.changes == {
        "title": [
            "关于印发测试市工业转型升级实施方案的通知",
            "关于印发测试市工业转型升级实施方案（修订）的通知",
        ]
    }


def test_category_changes_are_audited(clerk_a, dept_a):
    item = draft(clerk_a, dept_a, categories=[category("F03")])
    s.item_update(actor=clerk_a, item=item, categories=[category("F07"), category("G06")])
    assert set(item.categories.all()) == {category("F07"), category("G06")}
    event = AuditEvent.objects.get(action="catalog.edit", object_id=str(item.pk))
    assert event.changes == {
        "categories": [
            [category("F03").pk],
            sorted([category("F07").pk, category("G06").pk]),
        ]
    }


def test_an_edit_is_checked_like_a_creation(clerk_a, dept_a, dept_b):
    item = draft(clerk_a, dept_a)
    theirs = Category.objects.create(
        agency=dept_b, facet=Category.Facet.ORGAN, code="B01", name="乙局办公室"
    )
    cases = [
        ({"title": ""}, "title_required"),
        ({"created_on": timezone.localdate() + dt.timedelta(days=3)}, "created_in_future"),
        ({"disclosure": Item.Disclosure.ON_REQUEST}, "non_disclosure_reason_required"),
        ({"replaced_by": item}, "self_reference"),
        ({"interprets": item, "interpretation_form": "text"}, "self_reference"),
        ({"categories": [theirs]}, "bad_category"),
        ({"status": ItemStatus.PUBLISHED}, "bad_field"),
    ]
    for fields, code in cases:
        with pytest.raises(DomainError) as caught:
            s.item_update(actor=clerk_a, item=item, **fields)
        assert caught.value.code == code, fields
    item.refresh_from_db()
    assert item.title == "关于印发测试市工业转型升级实施方案的通知"
    assert item.status == ItemStatus.DRAFT
    assert list(item.categories.all()) == [category("F03")]
    assert not AuditEvent.objects.filter(action="catalog.edit").exists()


def test_the_body_is_sanitised_on_edit_too(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_update(actor=clerk_a, item=item, body='<p>新正文<img src="x" onerror="alert(1)"></p>')
    item.refresh_from_db()
    assert "onerror" not in item.body and "新正文" in item.body


def test_a_submitted_item_cannot_be_edited(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(DomainError) as caught:
        s.item_update(actor=clerk_a, item=item, title="审查中偷偷修改")
    assert caught.value.code == "not_editable"
    item.refresh_from_db()
    assert item.title == "关于印发测试市工业转型升级实施方案的通知"
    assert not AuditEvent.objects.filter(action="catalog.edit").exists()


def test_staff_of_another_agency_cannot_edit_nor_even_see_the_item(clerk_a, clerk_b, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(Http404):
        s.item_update(actor=clerk_b, item=item, title="乙局修改")
    item.refresh_from_db()
    assert item.title == "关于印发测试市工业转型升级实施方案的通知"
