"""Staff pages: drafting and publishing, moderating on the consultation page, the staff
export, recording responses; the agency scope (404 elsewhere, 403 read-only)."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.engagement.models import Comment, ConcernResponse, Consultation
from tests.engagement.fixtures import DURING, draft, frozen, shanghai

pytestmark = pytest.mark.django_db


def test_a_clerk_drafts_and_publishes_through_the_pages(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    with frozen(shanghai(2026, 3, 1)):
        created = client.post(
            reverse("engagement_office:create"),
            {
                "agency": dept_a.pk,
                "title": "测试市促进民营经济发展若干措施（征求意见稿）",
                "background": "为促进民营经济发展。",
                "basis": "《优化营商环境条例》。",
                "draft_text": "<p>一、放宽市场准入。</p>",
                "opens_on": "2026-03-02",
                "closes_on": "2026-04-01",
            },
        )
        consultation = Consultation.objects.get()
        assert created.status_code == 302
        published = client.post(
            reverse("engagement_office:act", args=[consultation.pk, "publish"]),
            {"publish-confirm": "on"},
        )
    assert published.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == "published" and consultation.created_by == clerk_a


def test_a_refused_action_shows_the_reason(client, clerk_a, dept_a):
    consultation = draft(clerk_a, dept_a, basis="")
    client.force_login(clerk_a)
    with frozen(shanghai(2026, 3, 1)):
        page = client.post(
            reverse("engagement_office:act", args=[consultation.pk, "publish"]),
            {"publish-confirm": "on"},
        )
    assert page.status_code == 400 and "发布前请填写起草依据" in page.content.decode()


def test_moderating_from_the_consultation_page(client, consultation, commented, clerk_a):
    client.force_login(clerk_a)
    pending = commented["pending"]
    hide_url = reverse("engagement_office:comment_act", args=[pending.pk, "hide"])
    with frozen(DURING):
        page = client.get(reverse("engagement_office:consultation", args=[consultation.pk]))
        assert pending.text in page.content.decode()  # staff see pending ones
        refused = client.post(hide_url, {f"c{pending.pk}-hide-reason": ""})
        assert refused.status_code == 400
        done = client.post(hide_url, {f"c{pending.pk}-hide-reason": "与本草案无关"})
    assert done.status_code == 302 and done["Location"].endswith(f"#comment-{pending.pk}")
    pending.refresh_from_db()
    assert pending.status == "hidden" and pending.hidden_reason == "与本草案无关"


def test_answering_from_the_page(client, consultation, commented, clerk_a):
    client.force_login(clerk_a)
    shown = commented["published"]
    with frozen(DURING):
        client.post(
            reverse("engagement_office:comment_act", args=[shown.pk, "answer"]),
            {f"c{shown.pk}-answer-text": "感谢您的建议。"},
        )
    assert Comment.objects.get(pk=shown.pk).answer == "感谢您的建议。"


def test_staff_export_includes_the_assessment_so_far(client, consultation, commented, clerk_a):
    client.force_login(clerk_a)
    response = client.get(reverse("engagement_office:export", args=[consultation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_staff_of_another_agency_get_404(client, consultation, commented, clerk_b):
    client.force_login(clerk_b)
    assert (
        client.get(reverse("engagement_office:consultation", args=[consultation.pk])).status_code
        == 404
    )
    hide = reverse("engagement_office:comment_act", args=[commented["pending"].pk, "hide"])
    assert client.post(hide, {}).status_code == 404


def test_a_supervisor_reads_but_cannot_act(client, consultation, commented, supervisor):
    client.force_login(supervisor)
    page = client.get(reverse("engagement_office:consultation", args=[consultation.pk]))
    assert page.status_code == 200 and page.context["action_forms"] == []
    pending = commented["pending"]
    with frozen(DURING):
        refused = client.post(
            reverse("engagement_office:comment_act", args=[pending.pk, "publish"])
        )
    assert refused.status_code == 403
    assert Comment.objects.get(pk=pending.pk).status == "pending"


def test_the_public_cannot_enter_the_office(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("engagement_office:index")).status_code == 403


def test_recording_a_response_through_the_page(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    with frozen(shanghai(2026, 4, 20)):
        sent = client.post(
            reverse("engagement_office:response_create"),
            {
                "agency": dept_a.pk,
                "kind": "online_interview",
                "topic": "优化营商环境在线访谈",
                "held_on": "2026-04-18",
                "participants": "局长 王伟",
                "principal_leader_took_part": "on",
                "link": "https://www.example.gov.cn/ft/1.html",
            },
        )
    assert sent.status_code == 302
    response = ConcernResponse.objects.get()
    assert response.held_on == dt.date(2026, 4, 18) and response.principal_leader_took_part


def test_a_wrong_leader_flag_is_shown_on_its_field(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    with frozen(shanghai(2026, 4, 20)):
        page = client.post(
            reverse("engagement_office:response_create"),
            {
                "kind": "hotline",
                "topic": "做客行风热线",
                "held_on": "2026-04-18",
                "principal_leader_took_part": "on",
            },
        )
    assert page.status_code == 400
    assert page.context["form"].errors["principal_leader_took_part"]
    assert not ConcernResponse.objects.exists()
