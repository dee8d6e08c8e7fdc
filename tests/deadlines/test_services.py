"""Open deadlines are stored, and recomputed (and audited) when the holiday table changes."""

import datetime as dt

import pytest

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.deadlines.compute import Pause
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.services import deadline_close, deadline_open, deadline_update
from gongkai.workdays.calendar import HOLIDAY, DayRule
from gongkai.workdays.models import CalendarYear
from gongkai.workdays.notice import parse_notice
from gongkai.workdays.services import calendar_year_load
from tests.workdays.fixtures import notice_text

D = dt.date


@pytest.fixture
def open_reply(dept_a, clerk_a):
    # The subject stands in for an application (the applications app attaches its own).
    return deadline_open(
        actor=clerk_a,
        agency=dept_a,
        subject=dept_a,
        kind=Deadline.Kind.REPLY,
        start=D(2026, 9, 28),
    )


def test_opening_computes_and_audits(open_reply):
    assert open_reply.due == D(2026, 10, 30)
    assert open_reply.regime == "2019"
    assert open_reply.trace["limit"]["workdays"] == 20
    assert AuditEvent.objects.for_object(open_reply).get().action == "deadline.open"


def test_loading_a_notice_moves_an_open_deadline_and_audits_old_and_new(open_reply):
    days = [
        *parse_notice(notice_text(2026)).days,
        DayRule(D(2026, 10, 12), HOLIDAY, "测试补充假日"),
    ]
    calendar_year_load(year=2026, days=days, source="更正通知", actor=None)
    open_reply.refresh_from_db()
    assert open_reply.due == D(2026, 11, 2)
    event = AuditEvent.objects.filter(action="deadline.change").get()
    assert event.changes == {"due": ["2026-10-30", "2026-11-02"]}
    assert "节假日安排变更" in event.note


def test_closed_deadlines_are_not_recomputed(open_reply):
    deadline_close(actor=None, deadline=open_reply, note="已答复")
    days = [*parse_notice(notice_text(2026)).days, DayRule(D(2026, 10, 12), HOLIDAY, "测试")]
    calendar_year_load(year=2026, days=days, source="更正通知", actor=None)
    open_reply.refresh_from_db()
    assert open_reply.due == D(2026, 10, 30)


def test_a_deadline_into_an_unloaded_year_is_provisional_and_settled_when_the_year_arrives(dept_a):
    """Received 2026-12-20 with 2027 not loaded: the date is counted with the statutory
    holidays (元旦 2027-01-01) and marked provisional; loading 2027 recomputes it and clears
    the mark, audited."""
    deadline = deadline_open(
        actor=None, agency=dept_a, subject=dept_a, kind="reply", start=D(2026, 12, 20)
    )
    assert (deadline.due, deadline.provisional) == (D(2027, 1, 18), True)
    assert deadline.pending_reason == ""
    assert deadline.trace["assumption"]["years"] == [2027]
    calendar_year_load(
        year=2027, days=[DayRule(D(2027, 1, 1), HOLIDAY, "元旦")], source="测试2027", actor=None
    )
    deadline.refresh_from_db()
    assert deadline.pending_reason == "" and not deadline.provisional
    assert deadline.due == D(2027, 1, 18)
    assert "assumption" not in deadline.trace


def test_a_deadline_into_a_year_no_holiday_rule_covers_waits_with_its_reason(dept_a):
    """Before 2025 no text of the 办法 is declared: with 2024 missing there is no date, only
    the reason, and loading the year fills it."""
    CalendarYear.objects.filter(year=2024).delete()
    deadline = deadline_open(
        actor=None, agency=dept_a, subject=dept_a, kind="reply", start=D(2024, 12, 20)
    )
    assert deadline.due is None and not deadline.provisional
    assert "2024年的节假日安排尚未载入" in deadline.pending_reason
    calendar_year_load(
        year=2024, days=[DayRule(D(2024, 1, 1), HOLIDAY, "元旦")], source="测试2024", actor=None
    )
    deadline.refresh_from_db()
    assert deadline.pending_reason == "" and deadline.due == D(2025, 1, 20)


def test_extension_pause_and_restart_are_audited(open_reply, dept_a):
    deadline = deadline_update(
        actor=None, deadline=open_reply, extended=True, note="负责人批准延期"
    )
    assert deadline.due == D(2026, 11, 27)
    deadline = deadline_update(
        actor=None,
        deadline=deadline,
        add_pause=Pause(D(2026, 11, 2), D(2026, 11, 6)),
        note="征求第三方意见",
    )
    assert deadline.due == D(2026, 12, 4)
    changes = [
        e.changes["due"] for e in AuditEvent.objects.filter(action="deadline.change").order_by("id")
    ]
    assert changes == [["2026-10-30", "2026-11-27"], ["2026-11-27", "2026-12-04"]]


def test_one_open_deadline_per_subject_and_kind(open_reply, dept_a):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        deadline_open(actor=None, agency=dept_a, subject=dept_a, kind="reply", start=D(2026, 9, 29))


def test_closed_deadline_cannot_change(open_reply):
    deadline_close(actor=None, deadline=open_reply)
    with pytest.raises(DomainError):
        deadline_update(actor=None, deadline=open_reply, extended=True, note="x")


def test_a_regime_without_such_a_limit_is_a_clear_error(dept_a):
    with pytest.raises(DomainError) as info:
        deadline_open(
            actor=None, agency=dept_a, subject=dept_a, kind="correction_notice", start=D(2017, 3, 1)
        )
    assert "没有规定" in info.value.message


def test_year_reload_with_identical_days_moves_nothing(open_reply):
    year = CalendarYear.objects.get(year=2026)
    before = AuditEvent.objects.filter(action="deadline.change").count()
    calendar_year_load(
        year=2026, days=parse_notice(notice_text(2026)).days, source=year.source, actor=None
    )
    assert AuditEvent.objects.filter(action="deadline.change").count() == before
