"""The engagement API: public reads, comment submission for signed-in users, staff moderation;
errors as JSON with a stable code."""

import datetime as dt

import pytest

from gongkai.engagement import services as s
from gongkai.engagement.models import Comment
from tests.engagement.fixtures import AFTER, DURING, frozen, shanghai, submit

pytestmark = pytest.mark.django_db


def test_public_list_and_detail_need_no_login(client, consultation, commented, dept_a):
    with frozen(DURING):
        listing = client.get("/api/engagement/consultations/", {"agency": dept_a.code}).json()
        detail = client.get(f"/api/engagement/consultations/{consultation.pk}/").json()
    assert [r["id"] for r in listing["results"]] == [consultation.pk]
    assert listing["results"][0]["phase"] == "open"
    assert [c["text"] for c in detail["comments"]] == [commented["published"].text]
    assert "adoption" not in detail["comments"][0]  # not public before the 采纳情况


def test_the_list_filters_by_phase(client, consultation, dept_a):
    with frozen(AFTER):
        closed = client.get("/api/engagement/consultations/", {"phase": "closed"}).json()
        open_now = client.get("/api/engagement/consultations/", {"phase": "open"}).json()
    assert [r["id"] for r in closed["results"]] == [consultation.pk]
    assert open_now["results"] == []


def test_an_unknown_agency_is_a_json_404(client):
    response = client.get("/api/engagement/consultations/", {"agency": "nope"})
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_submitting_needs_a_login(client, consultation):
    with frozen(DURING):
        response = client.post(
            f"/api/engagement/consultations/{consultation.pk}/comments/", {"text": "建议明确条件。"}
        )
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_a_signed_in_citizen_submits_through_the_api(client, consultation, citizen):
    client.force_login(citizen)
    with frozen(DURING):
        response = client.post(
            f"/api/engagement/consultations/{consultation.pk}/comments/",
            {"text": "建议明确申报条件。", "display_name": "王先生"},
            content_type="application/json",
        )
    assert response.status_code == 201 and response.json()["status"] == "pending"
    assert Comment.objects.get().display_name == "王先生"


def test_after_the_window_the_api_says_why(client, consultation, citizen):
    client.force_login(citizen)
    with frozen(AFTER):
        response = client.post(
            f"/api/engagement/consultations/{consultation.pk}/comments/",
            {"text": "建议明确申报条件。"},
            content_type="application/json",
        )
    assert response.status_code == 400
    assert response.json()["code"] == "window_closed" and "截止" in response.json()["message"]
    assert not Comment.objects.exists()


def test_throttled_submissions_get_429(client, consultation, citizen):
    client.force_login(citizen)
    with frozen(DURING):
        for _ in range(5):
            submit(consultation, citizen)
        response = client.post(
            f"/api/engagement/consultations/{consultation.pk}/comments/",
            {"text": "建议明确申报条件。"},
            content_type="application/json",
        )
    assert response.status_code == 429 and response.json()["code"] == "comment_rate_limited"


def test_staff_moderate_through_the_api(client, consultation, commented, clerk_a):
    client.force_login(clerk_a)
    pending = commented["pending"]
    with frozen(DURING):
        listed = client.get(f"/api/office/engagement/consultations/{consultation.pk}/comments/")
        assert {c["status"] for c in listed.json()} == {"pending", "published", "hidden"}
        no_reason = client.post(
            f"/api/office/engagement/comments/{pending.pk}/actions/hide/",
            {},
            content_type="application/json",
        )
        assert no_reason.status_code == 400 and no_reason.json()["code"] == "invalid"
        done = client.post(
            f"/api/office/engagement/comments/{pending.pk}/actions/hide/",
            {"reason": "重复提交"},
            content_type="application/json",
        )
    assert done.status_code == 200 and done.json()["status"] == "hidden"
    assert done.json()["hidden_reason"] == "重复提交"


def test_another_agencys_staff_get_404_from_the_api(client, commented, clerk_b):
    client.force_login(clerk_b)
    response = client.post(
        f"/api/office/engagement/comments/{commented['pending'].pk}/actions/publish/",
        {},
        content_type="application/json",
    )
    assert response.status_code == 404


def test_responses_by_agency_and_year(client, clerk_a, dept_a):
    with frozen(shanghai(2026, 5, 1)):
        s.response_record(
            actor=clerk_a,
            agency=dept_a,
            kind="press_conference",
            topic="一季度经济运行新闻发布会",
            held_on=dt.date(2026, 4, 14),
            principal_leader_took_part=True,
        )
    data = client.get("/api/engagement/responses/", {"agency": dept_a.code, "year": 2026}).json()
    (row,) = data["results"]
    assert row["kind"] == "press_conference" and row["principal_leader_took_part"] is True
    assert client.get(f"/api/engagement/responses/{row['id']}/").json()["topic"] == row["topic"]
    assert client.get("/api/engagement/responses/").json()["code"] == "agency_required"


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/engagement/consultations/{id}/comments/" in paths
    assert "/api/office/engagement/comments/{id}/actions/{action}/" in paths
    assert "/api/engagement/responses/" in paths


def test_a_year_beyond_any_is_bad_input_and_a_page_beyond_any_the_first(client, db):
    """Found by `make fuzz`: the database could not compare such a year (OverflowError)."""
    response = client.get("/api/engagement/consultations/", {"year": "4289851"})
    assert response.status_code == 400 and response.json()["field"] == "year"
    response = client.get("/api/engagement/consultations/", {"page": "9" * 30})
    assert response.status_code == 200 and response.json()["page"] == 1
