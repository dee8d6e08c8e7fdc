"""Public pages: consultations by phase, a consultation with its published comments and the
comment form, files, the export, and the responses by year."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.engagement import services as s
from gongkai.engagement.models import Comment
from tests.catalog.fixtures import published as published_item
from tests.engagement.fixtures import AFTER, DURING, draft, frozen, png, shanghai, submit

pytestmark = pytest.mark.django_db


def url(consultation):
    return reverse("engagement:consultation", args=[consultation.agency.code, consultation.pk])


def test_the_list_shows_open_consultations_and_hides_drafts(client, consultation, clerk_a, dept_a):
    hidden = draft(clerk_a, dept_a, title="尚未发布的草稿")
    with frozen(DURING):
        page = client.get(reverse("engagement:consultations", args=[dept_a.code]))
    text = page.content.decode()
    assert page.status_code == 200
    assert consultation.title in text and "正在征求意见" in text
    assert hidden.title not in text
    assert client.get(url(hidden)).status_code == 404


def test_the_page_shows_only_published_comments(client, consultation, commented):
    with frozen(DURING):
        text = client.get(url(consultation)).content.decode()
    assert commented["published"].text in text
    assert commented["hidden"].text not in text and commented["pending"].text not in text


def test_a_visitor_is_asked_to_sign_in_where_anonymous_comments_are_not_allowed(
    client, consultation
):
    with frozen(DURING):
        page = client.get(url(consultation))
    assert page.context["form"] is None and page.context["needs_login"]
    assert reverse("accounts:login") in page.content.decode()


def test_a_signed_in_citizen_comments_and_sees_it_pending(client, consultation, citizen):
    client.force_login(citizen)
    with frozen(DURING):
        sent = client.post(
            url(consultation),
            {"display_name": "王先生", "text": "建议明确申报条件。", "files": [png()]},
        )
        assert sent.status_code == 302
        page = client.get(sent["Location"])
    comment = Comment.objects.get()
    assert comment.author == citizen and comment.attachments.count() == 1
    text = page.content.decode()
    assert "经审核后公开" in text and "我提交的意见" in text and "待审核" in text


def test_bad_input_a_comment_after_the_window_is_a_clear_error_and_saves_nothing(
    client, consultation, citizen
):
    client.force_login(citizen)
    with frozen(AFTER):
        page = client.post(url(consultation), {"text": "建议明确申报条件。"})
    assert page.status_code == 400
    assert "已经截止，不能再提交意见" in page.content.decode()
    assert not Comment.objects.exists()


def test_an_empty_comment_shows_the_field_error(client, consultation, citizen):
    client.force_login(citizen)
    with frozen(DURING):
        page = client.post(url(consultation), {"text": ""})
    assert page.status_code == 400 and page.context["form"].errors["text"]
    assert not Comment.objects.exists()


def test_anonymous_comments_where_allowed(client, open_to_anonymous):
    with frozen(DURING):
        sent = client.post(
            url(open_to_anonymous), {"display_name": "某企业", "text": "希望报名参加。"}
        )
    assert sent.status_code == 302
    assert Comment.objects.get().display_name == "某企业"


def test_an_anonymous_post_where_not_allowed_goes_to_sign_in(client, consultation):
    with frozen(DURING):
        sent = client.post(url(consultation), {"text": "建议明确申报条件。"})
    assert sent.status_code == 302 and reverse("accounts:login") in sent["Location"]
    assert not Comment.objects.exists()


def test_too_many_comments_are_refused_with_429(client, consultation, citizen):
    client.force_login(citizen)
    with frozen(DURING):
        for _ in range(5):
            submit(consultation, citizen)
        page = client.post(url(consultation), {"text": "建议明确申报条件。"})
    assert page.status_code == 429 and "提交过于频繁" in page.content.decode()
    assert Comment.objects.count() == 5


def test_a_comments_file_is_public_only_once_the_comment_is(client, consultation, citizen, clerk_a):
    with frozen(DURING):
        comment = submit(consultation, citizen, files=[png()])
    attachment = comment.attachments.get()
    file_url = reverse(
        "engagement:comment_file", args=[consultation.agency.code, comment.pk, attachment.pk]
    )
    assert client.get(file_url).status_code == 404
    client.force_login(clerk_a)
    assert client.get(file_url).status_code == 200  # staff moderating it
    client.logout()
    with frozen(DURING):
        s.comment_moderate(actor=clerk_a, comment=comment, decision="publish")
    assert client.get(file_url).status_code == 200


def test_the_public_export_is_an_xlsx_of_published_comments(client, consultation, commented):
    response = client.get(
        reverse("engagement:export", args=[consultation.agency.code, consultation.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]


def test_the_feedback_and_final_decision_show_after_closing(
    client, consultation, commented, clerk_a, catalog_reviewer_a, dept_a
):
    with frozen(AFTER):
        s.comment_moderate(
            actor=clerk_a, comment=commented["pending"], decision="hide", reason="重复"
        )
        s.comment_assess(
            actor=clerk_a, comment=commented["published"], adoption="not_adopted", reason="超出范围"
        )
        s.consultation_publish_feedback(
            actor=clerk_a, consultation=consultation, summary="共收到意见3条。"
        )
    with frozen(shanghai(2026, 4, 20)):
        decision = published_item(
            clerk_a, catalog_reviewer_a, dept_a, created_on=dt.date(2026, 4, 15)
        )
        s.consultation_link_decision(actor=clerk_a, consultation=consultation, item=decision)
        text = client.get(url(consultation)).content.decode()
    assert "共收到意见3条。" in text and "未采纳" in text and "超出范围" in text
    assert decision.title in text and "已于 2026-03-31 截止" in text


def test_responses_are_listed_by_year_with_the_interpretations(client, clerk_a, dept_a):
    with frozen(shanghai(2026, 5, 1)):
        s.response_record(
            actor=clerk_a,
            agency=dept_a,
            kind="hotline",
            topic="做客《行风热线》",
            held_on=dt.date(2026, 4, 14),
        )
        s.response_record(
            actor=clerk_a,
            agency=dept_a,
            kind="weibo_weixin",
            topic="回应网民关切",
            held_on=dt.date(2025, 8, 14),
        )
    listing = reverse("engagement:responses", args=[dept_a.code])
    latest = client.get(listing)
    assert latest.context["year"] == 2026 and latest.context["years"] == [2026, 2025]
    assert "做客《行风热线》" in latest.content.decode()
    assert "回应网民关切" not in latest.content.decode()
    older = client.get(listing, {"year": 2025}).content.decode()
    assert "回应网民关切" in older


def test_an_unknown_agency_is_404(client):
    assert client.get("/engagement/nope/consultations/").status_code == 404
