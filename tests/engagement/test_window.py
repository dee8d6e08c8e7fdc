"""The comment window: both days included, counted in Asia/Shanghai, enforced by the server."""

import datetime as dt

import pytest

from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from gongkai.engagement import services as s
from gongkai.engagement.models import Comment
from gongkai.engagement.states import Phase
from tests.engagement.fixtures import draft, frozen, shanghai, submit

pytestmark = pytest.mark.django_db


def test_no_comment_before_the_window_opens(consultation, citizen):
    with frozen(shanghai(2026, 3, 1, 23, 59, 59)), pytest.raises(DomainError) as refused:
        submit(consultation, citizen)
    assert refused.value.code == "window_not_open"
    assert "尚未开始" in refused.value.message
    assert not Comment.objects.exists()


def test_comments_are_taken_from_the_first_moment_of_the_first_day(consultation, citizen):
    with frozen(shanghai(2026, 3, 2, 0, 0, 0)):
        comment = submit(consultation, citizen)
    assert comment.status == "pending"


def test_comments_are_taken_until_the_last_moment_of_the_last_day(consultation, citizen):
    with frozen(shanghai(2026, 3, 31, 23, 59, 59)):
        submit(consultation, citizen)
    assert Comment.objects.count() == 1


def test_no_comment_after_the_window_and_nothing_is_saved(consultation, citizen):
    with frozen(shanghai(2026, 4, 1, 0, 0, 0)), pytest.raises(DomainError) as refused:
        submit(consultation, citizen)
    assert refused.value.code == "window_closed"
    assert "2026年3月31日" in refused.value.message and "已经截止" in refused.value.message
    assert not Comment.objects.exists()
    assert not AuditEvent.objects.filter(action="engagement.comment").exists()


def test_the_window_is_counted_in_shanghai_not_utc(consultation, citizen):
    # 16:30 UTC on 31 March is already 00:30 on 1 April in Beijing.
    with frozen(dt.datetime(2026, 3, 31, 16, 30, tzinfo=dt.UTC)), pytest.raises(DomainError):
        submit(consultation, citizen)


def test_a_draft_takes_no_comments(clerk_a, dept_a, citizen):
    unpublished = draft(clerk_a, dept_a)
    with frozen(shanghai(2026, 3, 10)), pytest.raises(DomainError) as refused:
        submit(unpublished, citizen)
    assert refused.value.code == "window_not_open"


def test_phase_follows_the_dates(consultation):
    assert consultation.phase(dt.date(2026, 3, 1)) == Phase.SCHEDULED
    assert consultation.phase(dt.date(2026, 3, 2)) == Phase.OPEN
    assert consultation.phase(dt.date(2026, 3, 31)) == Phase.OPEN
    assert consultation.phase(dt.date(2026, 4, 1)) == Phase.CLOSED


def test_extending_the_window_lets_comments_in_on_the_new_days(consultation, clerk_a, citizen):
    with frozen(shanghai(2026, 3, 30)):
        s.consultation_extend(
            actor=clerk_a, consultation=consultation, closes_on=dt.date(2026, 4, 10)
        )
    with frozen(shanghai(2026, 4, 5)):
        submit(consultation, citizen)
    assert Comment.objects.count() == 1


def test_an_extension_must_be_later_than_the_old_closing_day(consultation, clerk_a):
    with frozen(shanghai(2026, 3, 30)), pytest.raises(DomainError) as refused:
        s.consultation_extend(
            actor=clerk_a, consultation=consultation, closes_on=dt.date(2026, 3, 31)
        )
    assert refused.value.code == "extension_not_later"


def test_a_closed_window_cannot_be_reopened_by_extension(consultation, clerk_a):
    with frozen(shanghai(2026, 4, 2)), pytest.raises(InvalidTransition):
        s.consultation_extend(
            actor=clerk_a, consultation=consultation, closes_on=dt.date(2026, 4, 30)
        )
    consultation.refresh_from_db()
    assert consultation.closes_on == dt.date(2026, 3, 31)
