"""Catalogue fixtures: a draft by clerk_a in dept_a, a reviewer, and small helpers."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from gongkai.catalog import services as s
from gongkai.catalog.models import Category, Item, ItemReview
from gongkai.catalog.states import REVIEWED
from tests.agencies.factories import MembershipFactory


def draft(actor, agency, **overrides):
    fields = {
        "title": "关于印发测试市工业转型升级实施方案的通知",
        "doc_number": "测工信〔2026〕12号",
        "created_on": dt.date(2026, 3, 2),
        "summary": "印发工业转型升级实施方案。",
        "body": "<p>各县区工业和信息化主管部门：现将实施方案印发给你们。</p>",
    }
    fields.update(overrides)
    categories = fields.pop("categories", [Category.objects.get(agency=None, code="F03")])
    return s.item_create(actor=actor, agency=agency, categories=categories, **fields)


def published(clerk, reviewer, agency, **overrides):
    item = draft(clerk, agency, **overrides)
    s.item_submit(actor=clerk, item=item)
    s.item_approve(actor=reviewer, item=item)
    return s.item_publish(actor=clerk, item=item)


def release(item: Item, status: str) -> Item:
    """A factory's item (made with the ORM, its dates and fields as a test needs them) put in
    `status` the way the database allows: a released status only with an approving 保密审查
    row by a reviewer who is not the author."""
    if status in REVIEWED:
        reviewer, _created = get_user_model().objects.get_or_create(username="factory_reviewer")
        review = ItemReview.objects.create(
            item=item, reviewer=reviewer, decision=ItemReview.Decision.APPROVED
        )
        Item.objects.filter(pk=item.pk).update(status=status, review=review)
    elif status != item.status:
        Item.objects.filter(pk=item.pk).update(status=status)
    item.refresh_from_db()
    return item


@pytest.fixture
def catalog_reviewer_a(dept_a):
    return MembershipFactory(agency=dept_a, role="reviewer").user


@pytest.fixture
def clerk_b(dept_b):
    return MembershipFactory(agency=dept_b, role="clerk").user


@pytest.fixture
def reviewer_b(dept_b):
    return MembershipFactory(agency=dept_b, role="reviewer").user
