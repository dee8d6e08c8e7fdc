"""Moderation: staff publish or hide comments (hidden ones are kept, with the reason), and
answer published ones. Only staff handling the agency may."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import Http404

from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import AuditEvent
from gongkai.engagement import selectors as sel
from gongkai.engagement import services as s
from gongkai.engagement.models import Comment
from tests.engagement.fixtures import AFTER, DURING, frozen, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(consultation, citizen):
    with frozen(DURING):
        return submit(consultation, citizen)


def test_a_pending_comment_is_not_public(consultation, comment):
    assert list(sel.public_comments(consultation)) == []


def test_publishing_makes_a_comment_public(consultation, comment, clerk_a):
    with frozen(DURING):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
    comment.refresh_from_db()
    assert comment.status == "published" and comment.moderated_by == clerk_a
    assert list(sel.public_comments(consultation)) == [comment]


def test_hiding_keeps_the_comment_with_who_why_and_when(consultation, comment, clerk_a):
    with frozen(DURING):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="hide", reason="广告信息")
    kept = Comment.objects.get(pk=comment.pk)
    assert kept.status == "hidden" and kept.hidden_reason == "广告信息"
    assert kept.moderated_by == clerk_a and kept.moderated_at == DURING
    assert kept.text == comment.text
    assert list(sel.public_comments(consultation)) == []
    audit = AuditEvent.objects.get(action="engagement.comment_hide")
    assert audit.note == "广告信息" and audit.changes["status"] == ["pending", "hidden"]


def test_hiding_needs_a_reason(comment, clerk_a):
    with frozen(DURING), pytest.raises(DomainError) as refused:
        s.comment_moderate(actor=clerk_a, comment=comment, decision="hide", reason="  ")
    assert refused.value.field == "reason"
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_the_database_refuses_a_hidden_comment_without_reason(comment):
    with pytest.raises(IntegrityError):
        Comment.objects.filter(pk=comment.pk).update(status="hidden", hidden_reason="")


def test_a_hidden_comment_can_be_published_again(comment, clerk_a):
    with frozen(DURING):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="hide", reason="误判")
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
    comment.refresh_from_db()
    assert comment.status == "published" and comment.hidden_reason == ""


def test_a_published_comment_cannot_be_published_twice(comment, clerk_a):
    with frozen(DURING):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
        with pytest.raises(InvalidTransition):
            s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")


def test_abuse_found_after_the_window_can_still_be_hidden(comment, clerk_a):
    with frozen(DURING):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
    with frozen(AFTER):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="hide", reason="含个人信息")
    comment.refresh_from_db()
    assert comment.status == "hidden"


def test_staff_of_another_agency_do_not_see_the_comment(comment, clerk_b):
    with frozen(DURING), pytest.raises(Http404):
        s.comment_moderate(actor=clerk_b, comment=comment, decision="publish")


def test_a_supervisor_may_look_but_not_moderate(comment, supervisor):
    with frozen(DURING), pytest.raises(PermissionDenied):
        s.comment_moderate(actor=supervisor, comment=comment, decision="publish")


def test_the_public_cannot_moderate(comment, another_citizen):
    with frozen(DURING), pytest.raises(Http404):
        s.comment_moderate(actor=another_citizen, comment=comment, decision="publish")


def test_an_answer_is_recorded_with_who_and_when(comment, clerk_a):
    with frozen(DURING):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
        s.comment_answer(actor=clerk_a, comment=comment, text="感谢建议，将在正式文件中明确。")
    comment.refresh_from_db()
    assert comment.answer == "感谢建议，将在正式文件中明确。"
    assert comment.answered_by == clerk_a and comment.answered_at == DURING


def test_only_published_comments_are_answered(comment, clerk_a):
    with frozen(DURING), pytest.raises(DomainError) as refused:
        s.comment_answer(actor=clerk_a, comment=comment, text="感谢")
    assert refused.value.code == "comment_not_public"
