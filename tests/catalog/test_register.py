"""What changes after publication: the channels an item went out on, its validity, and the
规范性文件 register."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from gongkai.catalog import services as s
from gongkai.catalog.models import ChannelRecord, Item, NormativeRecord
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from gongkai.search.backends import SearchQuery, get_backend
from tests.catalog.fixtures import draft, published

pytestmark = pytest.mark.django_db

Channel = ChannelRecord.Channel
Validity = Item.Validity


@pytest.fixture
def item(clerk_a, catalog_reviewer_a, dept_a):
    return published(clerk_a, catalog_reviewer_a, dept_a)


def search_ids(text, **facets):
    return get_backend().search(SearchQuery(text, facets=facets)).doc_ids


def channels_of(item):
    return sorted(item.channels.values_list("channel", flat=True))


def today_of(item):
    return item.published_at.date()


# Channels -----------------------------------------------------------------------------------------


def test_channels_are_added_to_a_published_item(clerk_a, item):
    weibo = s.channel_record(
        actor=clerk_a,
        item=item,
        channel=Channel.WEIBO,
        published_on=today_of(item),
        url="https://weibo.com/1234/abcd",
    )
    s.channel_record(
        actor=clerk_a, item=item, channel=Channel.GAZETTE, published_on=today_of(item), note="第3期"
    )
    assert channels_of(item) == ["agency_website", "gazette", "weibo"]
    assert weibo.recorded_by == clerk_a and weibo.url == "https://weibo.com/1234/abcd"
    assert [e.action for e in item.events.all()][-2:] == ["update_register", "update_register"]
    added = AuditEvent.objects.filter(action="catalog.channel_add", object_id=str(item.pk))
    assert sorted(e.changes["channel"][1] for e in added) == ["gazette", "weibo"]


def test_a_channel_is_recorded_once_per_item(clerk_a, item):
    s.channel_record(actor=clerk_a, item=item, channel=Channel.WECHAT, published_on=today_of(item))
    events = item.events.count()
    for channel in (Channel.WECHAT, Channel.AGENCY_WEBSITE):
        with pytest.raises(DomainError) as caught:
            s.channel_record(actor=clerk_a, item=item, channel=channel, published_on=today_of(item))
        assert caught.value.code == "channel_duplicate" and caught.value.field == "channel"
    assert channels_of(item) == ["agency_website", "wechat"]
    assert item.events.count() == events


def test_a_draft_has_no_channels(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(InvalidTransition):
        s.channel_record(
            actor=clerk_a, item=item, channel=Channel.WEIBO, published_on=dt.date(2026, 3, 2)
        )
    assert not item.channels.exists()


def test_a_channel_date_far_before_publication_is_refused(clerk_a, item):
    with pytest.raises(DomainError) as caught:
        s.channel_record(
            actor=clerk_a,
            item=item,
            channel=Channel.MEDIA,
            published_on=today_of(item) - dt.timedelta(days=400),
        )
    assert caught.value.code == "channel_date"
    assert channels_of(item) == ["agency_website"]


def test_channels_can_still_be_recorded_after_withdrawal(clerk_a, item):
    s.item_withdraw(actor=clerk_a, item=item, reason="内容有误")
    s.channel_record(actor=clerk_a, item=item, channel=Channel.PORTAL, published_on=today_of(item))
    assert channels_of(item) == ["agency_website", "portal"]


def test_a_channel_can_be_removed(clerk_a, item):
    record = s.channel_record(
        actor=clerk_a, item=item, channel=Channel.WEIBO, published_on=today_of(item)
    )
    s.channel_remove(actor=clerk_a, record=record)
    assert channels_of(item) == ["agency_website"]
    removed = AuditEvent.objects.get(action="catalog.channel_remove", object_id=str(item.pk))
    assert removed.changes == {"channel": ["weibo", None]}
    assert item.events.last().note == "删除渠道：政务微博"


def test_only_handling_staff_of_the_agency_record_channels(item, catalog_reviewer_a, supervisor):
    for actor in (catalog_reviewer_a, supervisor):
        with pytest.raises(PermissionDenied):
            s.channel_record(
                actor=actor, item=item, channel=Channel.WEIBO, published_on=today_of(item)
            )
    assert channels_of(item) == ["agency_website"]


# Validity -----------------------------------------------------------------------------------------


def test_a_published_item_is_valid_and_found_under_that_facet(item):
    assert item.validity == Validity.VALID
    assert search_ids("转型升级", validity=["valid"]) == [item.pk]
    assert search_ids("转型升级", validity=["expired"]) == []


def test_the_validity_facet_follows_a_change(clerk_a, item):
    s.item_set_validity(actor=clerk_a, item=item, validity=Validity.EXPIRED)
    item.refresh_from_db()
    assert item.validity == Validity.EXPIRED
    assert search_ids("转型升级", validity=["valid"]) == []
    assert search_ids("转型升级", validity=["expired"]) == [item.pk]
    assert search_ids("转型升级") == [item.pk]
    event = AuditEvent.objects.get(action="catalog.update_register", object_id=str(item.pk))
    assert event.changes == {"validity": ["valid", "expired"]}
    assert item.events.last().note == "有效性：失效"


def test_a_revised_item_names_its_replacement(clerk_a, catalog_reviewer_a, dept_a, item):
    with pytest.raises(DomainError) as caught:
        s.item_set_validity(actor=clerk_a, item=item, validity=Validity.REVISED)
    assert caught.value.code == "replacement_required"
    newer = published(clerk_a, catalog_reviewer_a, dept_a, title="修订后的实施方案")
    s.item_set_validity(actor=clerk_a, item=item, validity=Validity.REVISED, replaced_by=newer)
    item.refresh_from_db()
    assert item.validity == Validity.REVISED and item.replaced_by == newer
    assert list(newer.replaces.all()) == [item]
    assert search_ids("转型升级", validity=["revised"]) == [item.pk]


def test_an_item_cannot_replace_itself(clerk_a, item):
    with pytest.raises(DomainError) as caught:
        s.item_set_validity(actor=clerk_a, item=item, validity=Validity.REVISED, replaced_by=item)
    assert caught.value.code == "self_reference"
    item.refresh_from_db()
    assert item.validity == Validity.VALID and item.replaced_by is None


def test_the_validity_of_a_draft_is_set_by_editing_not_by_the_register(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(InvalidTransition):
        s.item_set_validity(actor=clerk_a, item=item, validity=Validity.EXPIRED)


# The normative-document register ------------------------------------------------------------------


def register(actor, item, **fields):
    fields.setdefault("issued_on", dt.date(2026, 3, 2))
    return s.normative_register(actor=actor, item=item, **fields)


def test_a_published_item_is_registered_and_the_entry_updated(clerk_a, item):
    record = register(clerk_a, item, registration_number="测政规〔2026〕1号")
    assert item.normative == record and record.registration_number == "测政规〔2026〕1号"
    register(
        clerk_a,
        item,
        registration_number="测政规〔2026〕1号",
        effective_on=dt.date(2026, 4, 1),
        expires_on=dt.date(2031, 3, 31),
    )
    record = NormativeRecord.objects.get(item=item)
    assert NormativeRecord.objects.count() == 1
    assert record.effective_on == dt.date(2026, 4, 1)
    assert record.in_force_on(dt.date(2027, 1, 1)) and not record.in_force_on(dt.date(2031, 4, 1))
    first, second = AuditEvent.objects.filter(
        action="catalog.normative", object_id=str(item.pk)
    ).order_by("pk")
    assert first.changes["registration_number"] == [None, "测政规〔2026〕1号"]
    assert second.changes == {
        "effective_on": [None, "2026-04-01"],
        "expires_on": [None, "2031-03-31"],
    }


def test_abolition_before_issue_is_refused(clerk_a, item):
    with pytest.raises(DomainError) as caught:
        register(clerk_a, item, abolished_on=dt.date(2026, 3, 1))
    assert caught.value.code == "abolished_before_issue"
    assert not NormativeRecord.objects.exists()


def test_a_registration_number_is_used_once(clerk_a, catalog_reviewer_a, dept_a, item):
    register(clerk_a, item, registration_number="测政规〔2026〕1号")
    other = published(clerk_a, catalog_reviewer_a, dept_a, title="另一份规范性文件")
    with pytest.raises(DomainError) as caught:
        register(clerk_a, other, registration_number=" 测政规〔2026〕1号 ")
    assert caught.value.code == "registration_taken"
    assert not NormativeRecord.objects.filter(item=other).exists()


def test_entries_without_a_registration_number_do_not_clash(
    clerk_a, catalog_reviewer_a, dept_a, item
):
    register(clerk_a, item)
    register(clerk_a, published(clerk_a, catalog_reviewer_a, dept_a, title="另一份"))
    assert NormativeRecord.objects.filter(registration_number="").count() == 2


def test_abolishing_marks_a_published_item_abolished_in_search_too(clerk_a, item):
    register(clerk_a, item, abolished_on=dt.date(2027, 1, 1), abolition_note="测政规〔2027〕3号")
    item.refresh_from_db()
    assert item.validity == Validity.ABOLISHED
    assert not item.normative.in_force_on(dt.date(2027, 1, 1))
    assert search_ids("转型升级", validity=["abolished"]) == [item.pk]
    assert search_ids("转型升级", validity=["valid"]) == []


def test_abolishing_marks_a_draft_abolished(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    register(clerk_a, item, abolished_on=dt.date(2026, 3, 5))
    item.refresh_from_db()
    assert item.validity == Validity.ABOLISHED


def test_an_item_under_review_cannot_be_registered(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(DomainError) as caught:
        register(clerk_a, item)
    assert caught.value.code == "not_editable"
