"""Consultations and comments keep their timelines in the platform's one history table
(core.StatusChange): every step of their workflows, with who, when and the status after it;
a refused step leaves none."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.engagement import selectors as sel
from gongkai.engagement import services as s
from gongkai.engagement.permissions import POLICY
from tests.engagement.fixtures import AFTER, DURING, draft, frozen, shanghai, submit

pytestmark = pytest.mark.django_db


def steps(changes) -> list[tuple[str, str, str]]:
    return [(c.action, c.old_status, c.new_status) for c in changes]


def test_a_consultations_steps_are_its_timeline(clerk_a, dept_a):
    with frozen(shanghai(2026, 2, 27)):
        consultation = draft(clerk_a, dept_a)
        s.consultation_update(actor=clerk_a, consultation=consultation, title="新标题")
    with frozen(shanghai(2026, 3, 1, 9)):
        s.consultation_publish(actor=clerk_a, consultation=consultation)
    with frozen(DURING):
        s.consultation_extend(
            actor=clerk_a, consultation=consultation, closes_on=dt.date(2026, 4, 10)
        )
    timeline = list(sel.consultation_timeline(consultation))
    assert steps(timeline) == [
        ("create", "", "draft"),
        ("edit", "draft", "draft"),
        ("publish", "draft", "published"),
        ("extend", "published", "published"),
    ]
    assert {c.actor for c in timeline} == {clerk_a}
    assert timeline[2].at == shanghai(2026, 3, 1, 9)
    assert [str(c.action_label) for c in timeline] == [
        "起草征求意见",
        "修改",
        "发布",
        "延长征求意见期",
    ]
    assert str(timeline[2].new_status_label) == "已发布"


def test_publishing_the_feedback_and_linking_the_decision_are_on_the_timeline(
    consultation, clerk_a
):
    with frozen(AFTER):
        s.consultation_publish_feedback(
            actor=clerk_a, consultation=consultation, summary="未收到意见。"
        )
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=None)
    later = list(sel.consultation_timeline(consultation))[-2:]
    assert steps(later) == [
        ("publish_feedback", "published", "feedback_published"),
        ("link_decision", "feedback_published", "feedback_published"),
    ]
    assert str(later[0].new_status_label) == "已公布采纳情况"


def test_a_step_given_its_moment_is_dated_by_it_on_the_timeline(clerk_a, dept_a):
    """The demo loader tells the services when each step happened (now=): the timeline says
    the same as the record (published_at), not the moment of loading."""
    consultation = draft(clerk_a, dept_a)
    s.consultation_publish(actor=clerk_a, consultation=consultation, now=shanghai(2026, 3, 1, 9))
    published = consultation.status_changes.get(action="publish")
    assert published.at == shanghai(2026, 3, 1, 9)


def test_a_comments_steps_are_its_timeline(consultation, citizen, clerk_a):
    with frozen(DURING):
        comment = submit(consultation, citizen)
        s.comment_moderate(actor=clerk_a, comment=comment, decision="hide", reason="误判")
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
        s.comment_answer(actor=clerk_a, comment=comment, text="感谢您的建议。")
    with frozen(AFTER):
        s.comment_assess(actor=clerk_a, comment=comment, adoption="adopted")
    timeline = list(sel.comment_timeline(comment))
    assert steps(timeline) == [
        ("comment", "", "pending"),
        ("comment_hide", "pending", "hidden"),
        ("comment_publish", "hidden", "published"),
        ("comment_answer", "published", "published"),
        ("comment_assess", "published", "published"),
    ]
    assert [c.actor for c in timeline] == [citizen, clerk_a, clerk_a, clerk_a, clerk_a]
    assert timeline[1].note == "误判" and timeline[0].at == DURING
    assert [str(c.action_label) for c in timeline[:3]] == ["提交意见", "屏蔽", "公开"]


def test_an_anonymous_comment_is_on_its_timeline_without_a_person(open_to_anonymous):
    with frozen(DURING):
        comment = submit(open_to_anonymous, None, ip="10.0.0.1")
    (submitted,) = sel.comment_timeline(comment)
    assert submitted.action == "comment" and submitted.actor is None


def test_a_refused_step_leaves_no_history_row(consultation, citizen, clerk_a):
    with frozen(DURING):
        comment = submit(consultation, citizen)
        with pytest.raises(DomainError):
            s.comment_moderate(actor=clerk_a, comment=comment, decision="hide", reason=" ")
        with pytest.raises(InvalidTransition):
            s.comment_assess(actor=clerk_a, comment=comment, adoption="adopted")
    with frozen(AFTER), pytest.raises(InvalidTransition):
        s.consultation_extend(
            actor=clerk_a, consultation=consultation, closes_on=dt.date(2026, 5, 1)
        )
    assert steps(sel.comment_timeline(comment)) == [("comment", "", "pending")]
    assert [c.action for c in sel.consultation_timeline(consultation)] == ["create", "publish"]


def test_a_step_outside_its_phase_says_the_phase_and_names_the_action(consultation, clerk_a):
    with frozen(AFTER), pytest.raises(InvalidTransition) as refused:
        s.consultation_extend(
            actor=clerk_a, consultation=consultation, closes_on=dt.date(2026, 5, 1)
        )
    assert refused.value.code == "extend_not_allowed"
    assert refused.value.message == "征求意见当前为“征求意见已截止”，不能延长征求意见期。"


def test_a_comment_in_the_wrong_status_is_refused_in_the_words_of_its_table(comment_published):
    comment, clerk = comment_published
    with frozen(DURING), pytest.raises(InvalidTransition) as refused:
        s.comment_moderate(actor=clerk, comment=comment, decision="publish")
    assert refused.value.code == "comment_invalid_transition"
    assert refused.value.message == "这条意见当前为“已公开”，不能公开。"


@pytest.fixture
def comment_published(consultation, citizen, clerk_a):
    with frozen(DURING):
        comment = submit(consultation, citizen)
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
    return comment, clerk_a


def test_the_office_page_shows_the_consultations_timeline(client, consultation, clerk_a):
    client.force_login(clerk_a)
    with frozen(DURING):
        page = client.get(reverse("engagement_office:consultation", args=[consultation.pk]))
    text = page.content.decode()
    assert "办理过程" in text and "起草征求意见" in text and "2026-03-01 09:00" in text


def test_commenting_is_open_to_anyone_and_every_other_step_needs_a_role():
    """The public's comment is governed by the window, not by a role; the policy says so."""
    assert POLICY.rules["comment"].public and POLICY.rules["comment"].why
    staff_rules = {name: rule for name, rule in POLICY.rules.items() if name != "comment"}
    assert all(rule.capabilities == {"handle"} for rule in staff_rules.values())
