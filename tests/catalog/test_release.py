"""The 保密审查 and release rules of catalogue items."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.http import Http404

from gongkai.catalog import services as s
from gongkai.catalog.models import ChannelRecord
from gongkai.catalog.states import ItemStatus
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from gongkai.search.backends import SearchQuery, get_backend
from tests.agencies.factories import MembershipFactory
from tests.catalog.fixtures import draft, published

pytestmark = pytest.mark.django_db


def search_ids(text):
    return get_backend().search(SearchQuery(text)).doc_ids


def test_a_draft_gets_an_index_number_from_the_agency_scheme(clerk_a, dept_a):
    first = draft(clerk_a, dept_a)
    second = draft(clerk_a, dept_a)
    code = dept_a.credit_code or dept_a.code
    assert first.index_number == f"{code}/F03-2026-00001"
    assert second.index_number == f"{code}/F03-2026-00002"
    assert first.status == ItemStatus.DRAFT


def test_the_author_cannot_review_their_own_item(clerk_a, dept_a):
    MembershipFactory(agency=dept_a, role="reviewer", user=clerk_a)
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises((DomainError, PermissionDenied)):
        s.item_approve(actor=clerk_a, item=item)
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED


def test_nothing_is_published_without_review(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(InvalidTransition):
        s.item_publish(actor=clerk_a, item=item)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(InvalidTransition):
        s.item_publish(actor=clerk_a, item=item)


def test_review_approve_publish_records_everything(clerk_a, catalog_reviewer_a, dept_a):
    item = published(clerk_a, catalog_reviewer_a, dept_a)
    assert item.status == ItemStatus.PUBLISHED
    assert item.review.reviewer == catalog_reviewer_a and item.review_opinion
    assert item.review.decision == "approved" and item.review.opinion == item.review_opinion
    assert [e.action for e in item.events.all()] == ["create", "submit", "approve", "publish"]
    actions = set(
        AuditEvent.objects.filter(object_id=str(item.pk)).values_list("action", flat=True)
    )
    assert {"catalog.create", "catalog.submit", "catalog.approve", "catalog.publish"} <= actions
    channel = item.channels.get()
    assert channel.channel == ChannelRecord.Channel.AGENCY_WEBSITE
    assert str(item.public_id) in channel.url
    assert search_ids("转型升级") == [item.pk]


def test_return_needs_an_opinion_and_sends_back_to_draft(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(DomainError):
        s.item_return(actor=catalog_reviewer_a, item=item, opinion=" ")
    item = s.item_return(actor=catalog_reviewer_a, item=item, opinion="附件含个人手机号，请删除")
    assert item.status == ItemStatus.DRAFT and "手机号" in item.review_opinion
    [returned] = item.reviews.all()
    assert (returned.decision, returned.reviewer) == ("returned", catalog_reviewer_a)
    assert item.review is None
    s.item_update(actor=clerk_a, item=item, title="修改后的标题")


def test_withdrawn_items_leave_search_but_keep_their_record(clerk_a, catalog_reviewer_a, dept_a):
    item = published(clerk_a, catalog_reviewer_a, dept_a)
    with pytest.raises(DomainError):
        s.item_withdraw(actor=clerk_a, item=item, reason="")
    item = s.item_withdraw(actor=clerk_a, item=item, reason="内容有误，更正后重新发布")
    assert search_ids("转型升级") == []
    item.refresh_from_db()
    assert item.status == ItemStatus.WITHDRAWN and item.published_at is not None
    assert item.channels.count() == 1


def test_staff_of_another_agency_cannot_touch_the_item(clerk_a, clerk_b, reviewer_b, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(Http404):  # they cannot even see it
        s.item_submit(actor=clerk_b, item=item)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(Http404):
        s.item_approve(actor=reviewer_b, item=item)


def test_a_supervisor_sees_but_cannot_review(clerk_a, supervisor, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(PermissionDenied):
        s.item_approve(actor=supervisor, item=item)


def test_scheduled_publication_happens_when_due(clerk_a, catalog_reviewer_a, dept_a):
    with time_machine.travel(dt.datetime(2026, 3, 3, 9, tzinfo=dt.UTC), tick=False):
        item = draft(clerk_a, dept_a)
        s.item_submit(actor=clerk_a, item=item)
        s.item_approve(actor=catalog_reviewer_a, item=item)
        when = dt.datetime(2026, 3, 4, 8, tzinfo=dt.UTC)
        s.item_schedule(actor=clerk_a, item=item, when=when)
        assert s.publish_due() == []
    with time_machine.travel(dt.datetime(2026, 3, 4, 8, 5, tzinfo=dt.UTC), tick=False):
        [done] = s.publish_due()
    assert done.pk == item.pk and done.status == ItemStatus.PUBLISHED
    assert done.published_at == when and done.scheduled_for is None


def test_a_schedule_in_the_past_is_refused(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    s.item_approve(actor=catalog_reviewer_a, item=item)
    with pytest.raises(DomainError):
        s.item_schedule(actor=clerk_a, item=item, when=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
