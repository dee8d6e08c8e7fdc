"""The publication period of a 主动公开 item (2019 Art. 26; 2008 Art. 18) is a stored deadline:
opened with the draft, moved with its 生成日期, closed on publication, recomputed when a holiday
year is loaded, pending (with its reason) while a year is missing, and explained on the page."""

import datetime as dt
import importlib

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.catalog import selectors as sel
from gongkai.catalog import services as s
from gongkai.catalog.models import Item
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.regimes import regime_for
from gongkai.workdays.calendar import HOLIDAY, DayRule, YearNotLoaded
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.selectors import work_calendar
from gongkai.workdays.services import calendar_year_load
from tests.catalog.fixtures import draft, published
from tests.workdays.fixtures import notice_text

pytestmark = pytest.mark.django_db

D = dt.date
NOT_ACTIVE = {"disclosure": Item.Disclosure.ON_REQUEST, "non_disclosure_reason": "涉及个人隐私"}


def at(day: dt.date, hour: int = 9):
    """Frozen time on `day` (China time: 9:00 UTC is 17:00 in Beijing)."""
    return time_machine.travel(
        dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC), tick=False
    )


def open_publication(item) -> Deadline | None:
    return deadlines_of(subject=item).filter(kind=Deadline.Kind.PUBLICATION).first()


def all_publication(item):
    return deadlines_of(subject=item, open_only=False).filter(kind=Deadline.Kind.PUBLICATION)


# Opening ----------------------------------------------------------------------------------------


def test_a_new_active_draft_opens_its_publication_deadline(clerk_a, dept_a):
    with at(D(2026, 3, 2)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
    deadline = open_publication(item)
    assert deadline.regime == "2019" and deadline.start == D(2026, 3, 2)
    # 20 working days after Monday 2 March 2026.
    assert deadline.due == D(2026, 3, 30) and deadline.pending_reason == ""
    assert deadline.trace["limit"] == {"workdays": 20, "basis": "第二十六条"}
    assert deadline.trace["days"][-1] == {"date": "2026-03-30", "counted": 20, "reason": "工作日"}
    assert AuditEvent.objects.for_object(deadline).get().action == "deadline.open"


def test_an_item_drafted_before_2019_05_15_gets_the_2008_limit_and_article(clerk_a, dept_a):
    with at(D(2019, 5, 10)):
        item = draft(clerk_a, dept_a, created_on=D(2019, 5, 10))
    deadline = open_publication(item)
    assert deadline.regime == "2008"
    assert deadline.trace["limit"] == {"workdays": 20, "basis": "第十八条"}
    # 20 working days after Friday 10 May 2019; Friday 7 June was 端午节.
    assert deadline.due == D(2019, 6, 10)


def test_an_item_not_actively_disclosed_has_no_publication_deadline(clerk_a, dept_a):
    with at(D(2026, 3, 2)):
        item = draft(clerk_a, dept_a, **NOT_ACTIVE)
    assert not all_publication(item).exists()


def test_an_item_drafted_before_the_regulation_has_no_publication_deadline(clerk_a, dept_a):
    with at(D(2026, 3, 2)):
        item = draft(clerk_a, dept_a, created_on=D(2008, 4, 30))
    assert not all_publication(item).exists()


# Moving and closing ----------------------------------------------------------------------------


def test_a_new_creation_date_moves_the_deadline_with_an_audit(clerk_a, dept_a):
    with at(D(2026, 3, 9)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
        s.item_update(actor=clerk_a, item=item, created_on=D(2026, 3, 3))
    deadline = open_publication(item)
    assert deadline.start == D(2026, 3, 3) and deadline.due == D(2026, 3, 31)
    assert all_publication(item).count() == 1
    change = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert change.changes == {"due": ["2026-03-30", "2026-03-31"]} and change.actor == clerk_a


def test_an_edit_that_changes_neither_date_nor_disclosure_leaves_the_deadline(clerk_a, dept_a):
    with at(D(2026, 3, 9)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
        s.item_update(actor=clerk_a, item=item, title="新标题")
    assert (
        not AuditEvent.objects.filter(action__startswith="deadline.")
        .exclude(action="deadline.open")
        .exists()
    )


def test_a_creation_date_moved_across_2019_05_15_changes_the_rule(clerk_a, dept_a):
    with at(D(2019, 6, 3)):
        item = draft(clerk_a, dept_a, created_on=D(2019, 5, 20))
        assert open_publication(item).regime == "2019"
        s.item_update(actor=clerk_a, item=item, created_on=D(2019, 5, 10))
    old, new = all_publication(item).order_by("pk")
    assert not old.is_open and old.regime == "2019"
    assert new.is_open and new.regime == "2008" and new.start == D(2019, 5, 10)


def test_the_deadline_closes_when_the_item_stops_being_actively_disclosed_and_reopens(
    clerk_a, dept_a
):
    with at(D(2026, 3, 9)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
        s.item_update(actor=clerk_a, item=item, **NOT_ACTIVE)
        assert open_publication(item) is None
        closed = all_publication(item).get()
        assert closed.closed_at is not None
        s.item_update(actor=clerk_a, item=item, disclosure=Item.Disclosure.ACTIVE)
    assert open_publication(item).due == D(2026, 3, 30)
    assert all_publication(item).count() == 2


def test_publication_closes_the_deadline(clerk_a, catalog_reviewer_a, dept_a):
    with at(D(2026, 3, 9)):
        item = published(clerk_a, catalog_reviewer_a, dept_a, created_on=D(2026, 3, 2))
    assert open_publication(item) is None
    closed = all_publication(item).get()
    event = AuditEvent.objects.for_object(closed).get(action="deadline.close")
    assert event.note == "已发布" and event.actor == clerk_a


def test_scheduled_publication_closes_the_deadline_too(clerk_a, catalog_reviewer_a, dept_a):
    with at(D(2026, 3, 9)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
        s.item_submit(actor=clerk_a, item=item)
        s.item_approve(actor=catalog_reviewer_a, item=item)
        s.item_schedule(actor=clerk_a, item=item, when=dt.datetime(2026, 3, 10, 1, tzinfo=dt.UTC))
    with at(D(2026, 3, 10)):
        assert s.publish_due() == [item]
    assert open_publication(item) is None


def test_imported_drafts_get_a_deadline_and_migrated_publications_do_not(admin_a, dept_a):
    """A row the former system published waits for its review here, not for publication."""
    rows = [
        {"title": "已发布的旧文件", "created_on": "2026-01-05", "published_on": "2026-01-06"},
        {"title": "导入的草稿", "created_on": "2026-03-02"},
        {"title": "依申请公开的草稿", "created_on": "2026-03-02", **NOT_ACTIVE},
    ]
    with at(D(2026, 3, 9)):
        old, fresh, withheld = s.catalog_import(
            actor=admin_a, agency=dept_a, rows=rows, source_name="old.csv", history=True
        )
    assert not all_publication(old).exists() and not all_publication(withheld).exists()
    assert open_publication(fresh).due == D(2026, 3, 30)


# The holiday table -----------------------------------------------------------------------------


def test_a_deadline_reaching_an_unloaded_year_is_provisional_with_its_assumption(clerk_a, dept_a):
    with at(D(2026, 12, 20)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 12, 18))
    deadline = open_publication(item)
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 18), True)
    assert deadline.pending_reason == "" and deadline.trace["assumption"]["years"] == [2027]


def test_a_deadline_reaching_a_year_no_holiday_rule_covers_is_pending_with_its_reason(
    clerk_a, dept_a
):
    CalendarYear.objects.filter(year=2024).delete()  # before 2025 nothing is assumed
    with at(D(2024, 12, 20)):
        item = draft(clerk_a, dept_a, created_on=D(2024, 12, 18))
    deadline = open_publication(item)
    assert deadline.due is None
    assert "2024年的节假日安排尚未载入" in deadline.pending_reason


def test_loading_the_missing_year_settles_the_provisional_deadline(clerk_a, dept_a):
    with at(D(2026, 12, 20)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 12, 18))
    calendar_year_load(
        year=2027, days=[DayRule(D(2027, 1, 1), HOLIDAY, "元旦")], source="测试2027", actor=None
    )
    deadline = open_publication(item)
    assert deadline.pending_reason == "" and deadline.due == D(2027, 1, 18)
    assert not deadline.provisional
    change = AuditEvent.objects.for_object(deadline).get(action="deadline.change")
    assert change.changes == {"due": ["2027-01-18", "2027-01-18"], "provisional": [True, False]}
    assert "节假日安排" in change.note


def test_a_changed_holiday_arrangement_moves_the_deadline(clerk_a, dept_a):
    with at(D(2026, 3, 2)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
    days = [*parse_notice(notice_text(2026)).days, DayRule(D(2026, 3, 16), HOLIDAY, "测试假日")]
    calendar_year_load(year=2026, days=days, source="更正通知", actor=None)
    assert open_publication(item).due == D(2026, 3, 31)


# Pages -----------------------------------------------------------------------------------------


def test_the_item_page_shows_the_due_date_with_its_rule_and_explanation(client, clerk_a, dept_a):
    with at(D(2026, 3, 9)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
        client.force_login(clerk_a)
        page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
    assert "依2019年修订的《政府信息公开条例》第二十六条，应于2026-03-30前发布" in page
    assert "生成日期起20个工作日" in page and "这个日期是怎么算出来的" in page
    assert "期限届满日：2026-03-30（周一），即第20个工作日。" in page
    assert "起算日：2026-03-02（周一），当日不计入，自次日起算。" in page


def test_the_item_page_of_a_2008_item_cites_the_2008_regulation(client, clerk_a, dept_a):
    with at(D(2019, 5, 13)):
        item = draft(clerk_a, dept_a, created_on=D(2019, 5, 10))
        client.force_login(clerk_a)
        page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
    assert "依2008年施行的《政府信息公开条例》第十八条，应于2019-06-10前发布" in page
    assert "第二十六条" not in page


def test_the_pages_say_why_a_pending_deadline_has_no_date(client, clerk_a, dept_a):
    CalendarYear.objects.filter(year=2024).delete()
    with at(D(2024, 12, 20)):
        item = draft(clerk_a, dept_a, created_on=D(2024, 12, 18))
        client.force_login(clerk_a)
        page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
        index = client.get(reverse("catalog_office:index")).content.decode()
    assert "具体日期暂时无法计算" in page and "2024年的节假日安排尚未载入" in page
    pending = index.split("主动公开期限暂时无法计算")[1].split("</section>")[0]
    assert item.title in pending and "2024年的节假日安排尚未载入" in pending


def test_the_item_page_says_a_provisional_date_is_provisional_and_why(client, clerk_a, dept_a):
    with at(D(2026, 12, 20)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 12, 18))
        client.force_login(clerk_a)
        page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
    assert "应于2027-01-18前发布" in page and "暂定" in page
    assert "2027年的节假日安排尚未公布" in page
    assert "2027-01-01：元旦放假（暂定），不计入" in page


def test_the_item_page_marks_an_overdue_publication_like_every_deadline(client, clerk_a, dept_a):
    with at(D(2026, 4, 2)):
        item = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))  # due 2026-03-30
        client.force_login(clerk_a)
        page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
    assert "已逾期3个工作日" in page


def test_a_published_item_shows_no_publication_period(client, clerk_a, catalog_reviewer_a, dept_a):
    with at(D(2026, 3, 9)):
        item = published(clerk_a, catalog_reviewer_a, dept_a, created_on=D(2026, 3, 2))
        client.force_login(clerk_a)
        page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()
    assert "应于" not in page and "这个日期是怎么算出来的" not in page


def test_an_overdue_2008_item_is_listed_under_both_articles(client, clerk_a, dept_a):
    with at(D(2026, 3, 31)):
        draft(clerk_a, dept_a, created_on=D(2019, 5, 10), title="旧条例时期的草稿")
        draft(clerk_a, dept_a, created_on=D(2026, 3, 2), title="新条例时期的草稿")
        client.force_login(clerk_a)
        index = client.get(reverse("catalog_office:index")).content.decode()
    heading = index.split('id="overdue-title">')[1].split("</h2>")[0]
    assert heading == (
        "超过20个工作日尚未发布（2008年施行的《政府信息公开条例》第十八条；"
        "2019年修订的《政府信息公开条例》第二十六条）"
    )


# The overdue list ------------------------------------------------------------------------------


def old_overdue(user, today):
    """The overdue list as it was computed before the deadlines were stored: each item's date
    counted on the spot, an unloaded year or an item before the Regulation meaning no flag."""
    queryset = Item.objects.filter(
        disclosure="active",
        status__in=["draft", "submitted", "approved"],
        created_on__lt=today - dt.timedelta(days=20),
        agency_id__in=agency_ids_with(user, Capability.VIEW),
    )
    flagged = []
    for item in queryset.order_by("created_on", "pk"):
        try:
            limit = regime_for(item.created_on).proactive_publication
            due = work_calendar().add_workdays(item.created_on, limit.workdays)
        except (YearNotLoaded, DomainError):
            continue
        if due < today:
            flagged.append((item.pk, due))
    return flagged


def test_the_overdue_list_matches_what_the_old_computation_found(
    clerk_a, catalog_reviewer_a, clerk_b, dept_a, dept_b
):
    with at(D(2026, 12, 20)):
        for day in (D(2026, 3, 2), D(2026, 3, 3), D(2026, 11, 20), D(2026, 12, 18)):
            draft(clerk_a, dept_a, created_on=day)
        draft(clerk_a, dept_a, created_on=D(2019, 5, 10))  # 2008 Regulation
        draft(clerk_a, dept_a, created_on=D(2008, 4, 1))  # before the Regulation
        draft(clerk_a, dept_a, created_on=D(2026, 3, 2), **NOT_ACTIVE)
        submitted = draft(clerk_a, dept_a, created_on=D(2026, 2, 2))
        s.item_submit(actor=clerk_a, item=submitted)
        approved = draft(clerk_a, dept_a, created_on=D(2026, 2, 3))
        s.item_submit(actor=clerk_a, item=approved)
        s.item_approve(actor=catalog_reviewer_a, item=approved)
        published(clerk_a, catalog_reviewer_a, dept_a, created_on=D(2026, 1, 5))
        draft(clerk_b, dept_b, created_on=D(2026, 3, 2))  # not visible to clerk_a
    days = [D(2019, 6, 10), D(2019, 6, 11), D(2026, 3, 30), D(2026, 3, 31), D(2026, 4, 1)]
    days += [D(2026, 12, 18), D(2026, 12, 21), D(2026, 12, 31)]
    for today in days:
        new = [(item.pk, due) for item, due in sel.overdue_unpublished(clerk_a, today=today)]
        assert new == old_overdue(clerk_a, today), today
    assert len(sel.overdue_unpublished(clerk_a, today=D(2026, 12, 31))) == 6


def test_the_overdue_list_is_one_query(clerk_a, dept_a, django_assert_num_queries):
    with at(D(2026, 4, 1)):
        for day in (D(2026, 3, 2), D(2026, 3, 3)):
            draft(clerk_a, dept_a, created_on=day)
    sel.overdue_unpublished(agency_ids=[dept_a.pk], today=D(2026, 4, 1))  # content types cached
    with django_assert_num_queries(1):
        rows = sel.overdue_unpublished(agency_ids=[dept_a.pk], today=D(2026, 4, 1))
        assert [item.agency.code for item, _due in rows] == [dept_a.code, dept_a.code]


# The data migration ----------------------------------------------------------------------------


def test_the_migration_opens_deadlines_for_existing_unpublished_items(
    clerk_a, catalog_reviewer_a, dept_a
):
    migration = importlib.import_module("gongkai.catalog.migrations.0003_publication_deadlines")
    with at(D(2026, 12, 20)):
        items = {
            "due": draft(clerk_a, dept_a, created_on=D(2026, 3, 2)),
            "2008": draft(clerk_a, dept_a, created_on=D(2019, 5, 10)),
            "pending": draft(clerk_a, dept_a, created_on=D(2026, 12, 18)),
            "before": draft(clerk_a, dept_a, created_on=D(2008, 4, 1)),
            "withheld": draft(clerk_a, dept_a, **NOT_ACTIVE),
            "out": published(clerk_a, catalog_reviewer_a, dept_a),
        }
    # As before the migration: no publication deadline at all.
    Deadline.objects.filter(kind=Deadline.Kind.PUBLICATION).delete()
    migration.open_deadlines(apps, None)
    migration.open_deadlines(apps, None)  # a second run adds nothing
    assert open_publication(items["due"]).due == D(2026, 3, 30)
    old = open_publication(items["2008"])
    assert old.regime == "2008" and old.due == D(2019, 6, 10)
    assert old.trace["limit"] == {"workdays": 20, "basis": "第十八条"}
    pending = open_publication(items["pending"])
    assert pending.due is None and "2027年的节假日安排尚未载入" in pending.pending_reason
    for name in ("before", "withheld", "out"):
        assert not all_publication(items[name]).exists(), name
    assert Deadline.objects.filter(kind=Deadline.Kind.PUBLICATION).count() == 3
    opened = AuditEvent.objects.for_object(open_publication(items["due"]))
    assert opened.get().action == "deadline.open"
    # What the migration computed is what the running service computes.
    with at(D(2026, 12, 20)):
        fresh = draft(clerk_a, dept_a, created_on=D(2026, 3, 2))
    migrated, computed = open_publication(items["due"]), open_publication(fresh)
    assert (migrated.due, migrated.trace) == (computed.due, computed.trace)
