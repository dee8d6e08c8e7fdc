"""The 采纳情况: per comment and overall, only after the window closes, and the final decision
that links back to its draft."""

import datetime as dt

import pytest
from django.template import Context, Template

from gongkai.catalog.models import Item
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.engagement import selectors as sel
from gongkai.engagement import services as s
from tests.agencies.factories import MembershipFactory
from tests.catalog.fixtures import draft as draft_item
from tests.catalog.fixtures import published as published_item
from tests.engagement.fixtures import AFTER, DURING, frozen, shanghai

pytestmark = pytest.mark.django_db

SUMMARY = "共收到意见3条，公开1条，采纳1条。"


def test_assessment_waits_for_the_window_to_close(commented, clerk_a):
    with frozen(DURING), pytest.raises(InvalidTransition):
        s.comment_assess(actor=clerk_a, comment=commented["published"], adoption="adopted")


def test_partly_or_not_adopted_needs_the_reason(commented, clerk_a):
    with frozen(AFTER), pytest.raises(DomainError) as refused:
        s.comment_assess(actor=clerk_a, comment=commented["published"], adoption="not_adopted")
    assert (refused.value.code, refused.value.field) == ("reason_required", "reason")


def test_feedback_waits_for_the_window_to_close(consultation, clerk_a):
    with frozen(DURING), pytest.raises(InvalidTransition):
        s.consultation_publish_feedback(actor=clerk_a, consultation=consultation, summary=SUMMARY)


def test_feedback_needs_every_comment_moderated(commented, consultation, clerk_a):
    with frozen(AFTER), pytest.raises(DomainError) as refused:
        s.consultation_publish_feedback(actor=clerk_a, consultation=consultation, summary=SUMMARY)
    assert refused.value.code == "comments_pending"


def test_feedback_needs_every_published_comment_assessed(commented, consultation, clerk_a):
    with frozen(AFTER):
        s.comment_moderate(
            actor=clerk_a, comment=commented["pending"], decision="hide", reason="重复"
        )
        with pytest.raises(DomainError) as refused:
            s.consultation_publish_feedback(
                actor=clerk_a, consultation=consultation, summary=SUMMARY
            )
    assert refused.value.code == "comments_unassessed"


def test_feedback_is_published_with_each_comments_assessment(commented, consultation, clerk_a):
    with frozen(AFTER):
        s.comment_moderate(
            actor=clerk_a, comment=commented["pending"], decision="hide", reason="重复"
        )
        s.comment_assess(
            actor=clerk_a,
            comment=commented["published"],
            adoption="partly",
            reason="申报条件已明确，评审标准另行制定。",
        )
        s.consultation_publish_feedback(actor=clerk_a, consultation=consultation, summary=SUMMARY)
    consultation.refresh_from_db()
    assert consultation.status == "feedback_published"
    assert consultation.feedback_summary == SUMMARY and consultation.feedback_published_at == AFTER
    tally = sel.comment_tally(consultation)
    assert (tally["partly"], tally["hidden"], tally["published"]) == (1, 2, 1)


def test_feedback_needs_a_summary(consultation, clerk_a):
    with frozen(AFTER), pytest.raises(DomainError) as refused:
        s.consultation_publish_feedback(actor=clerk_a, consultation=consultation, summary=" ")
    assert refused.value.field == "summary"


def test_a_closed_consultation_stays_readable(consultation, commented, client):
    with frozen(AFTER):
        page = client.get(consultation.get_absolute_url())
    assert page.status_code == 200
    assert commented["published"].text in page.content.decode()


@pytest.fixture
def decision(clerk_a, catalog_reviewer_a, dept_a):
    with frozen(shanghai(2026, 4, 20)):
        return published_item(
            clerk_a,
            catalog_reviewer_a,
            dept_a,
            title="关于印发《测试市工业企业技术改造项目管理办法》的通知",
            created_on=dt.date(2026, 4, 15),
        )


def test_the_final_decision_links_back_to_its_draft(consultation, decision, clerk_a):
    with frozen(shanghai(2026, 4, 21)):
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=decision)
    assert sel.consultation_for_item(decision) == consultation
    with frozen(shanghai(2026, 4, 22)):
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=None)
    assert sel.consultation_for_item(decision) is None


def test_the_final_decision_comes_after_the_consultation(
    consultation, clerk_a, catalog_reviewer_a, dept_a
):
    with frozen(shanghai(2026, 2, 20)):
        earlier = published_item(
            clerk_a, catalog_reviewer_a, dept_a, created_on=dt.date(2026, 2, 18)
        )
    with frozen(AFTER), pytest.raises(DomainError) as refused:
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=earlier)
    assert refused.value.code == "decision_before_consultation"


def test_the_final_decision_is_a_published_item_of_this_or_a_higher_agency(
    consultation, clerk_a, clerk_b, reviewer_b, dept_b
):
    with frozen(shanghai(2026, 4, 20)):
        elsewhere = published_item(clerk_b, reviewer_b, dept_b, created_on=dt.date(2026, 4, 15))
    with frozen(shanghai(2026, 4, 21)), pytest.raises(DomainError) as refused:
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=elsewhere)
    assert refused.value.code == "decision_wrong_agency"


def test_a_draft_item_cannot_be_the_final_decision(consultation, clerk_a, dept_a):
    with frozen(shanghai(2026, 4, 20)):
        unpublished = draft_item(clerk_a, dept_a, created_on=dt.date(2026, 4, 15))
    with frozen(shanghai(2026, 4, 21)), pytest.raises(DomainError) as refused:
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=unpublished)
    assert refused.value.code == "decision_not_published"
    assert not Item.objects.filter(consultations=consultation).exists()


def test_the_city_government_may_issue_what_its_department_drafted(consultation, clerk_a, city):
    city_clerk = MembershipFactory(agency=city, role="clerk").user
    city_reviewer = MembershipFactory(agency=city, role="reviewer").user
    with frozen(shanghai(2026, 4, 20)):
        issued = published_item(city_clerk, city_reviewer, city, created_on=dt.date(2026, 4, 15))
    with frozen(shanghai(2026, 4, 21)):
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=issued)
    assert sel.consultation_for_item(issued) == consultation


def test_the_decisions_page_tag_links_back_to_the_draft(consultation, decision, clerk_a):
    page = Template("{% load engagement %}{% draft_link item %}")
    assert page.render(Context({"item": decision})).strip() == ""
    with frozen(shanghai(2026, 4, 21)):
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=decision)
    html = page.render(Context({"item": decision}))
    assert consultation.title in html and consultation.get_absolute_url() in html
