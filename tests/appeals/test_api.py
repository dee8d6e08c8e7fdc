"""The appeals API: public counts without names; staff reads and writes through the same rules."""

import datetime as dt

import pytest

from gongkai.appeals.models import AppealCase
from tests.appeals.fixtures import closed, pdf

pytestmark = pytest.mark.django_db


def test_public_counts_need_no_login_and_carry_no_names(client, clerk_a, dept_a):
    closed(clerk_a, dept_a, filed_on=dt.date(2025, 12, 1), closed_on=dt.date(2026, 1, 20))
    response = client.get(f"/api/appeals/{dept_a.code}/counts/", {"year": 2025})
    data = response.json()
    assert response.status_code == 200 and "张三" not in response.content.decode()
    (year,) = data["years"]
    assert year["t4"]["rc_pending"] == 1 and year["t4"]["rc_total"] == 1
    assert year["legacy"]["s4"] == 1 and year["legacy"]["s4_other_pending"] == 1


def test_a_bad_year_is_a_json_error(client, dept_a):
    response = client.get(f"/api/appeals/{dept_a.code}/counts/", {"year": "0"})
    assert response.status_code == 400 and response.json()["code"] == "bad_year"


def test_unknown_agency_counts_are_a_json_404(client):
    response = client.get("/api/appeals/nope/counts/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_staff_record_close_and_list_cases(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    created = client.post(
        "/api/office/appeals/cases/",
        {
            "agency": dept_a.code,
            "kind": "litigation_direct",
            "appellant_name": "李四",
            "reviewing_body": "测试市中级人民法院",
            "case_number": "（2026）测行初1号",
            "filed_on": "2026-03-02",
            "outcome": "pending",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["pk"]
    done = client.post(
        f"/api/office/appeals/cases/{pk}/outcome/",
        {"outcome": "upheld", "closed_on": "2026-06-30", "note": "判决驳回诉讼请求"},
        content_type="application/json",
    )
    assert done.json()["outcome"] == "upheld"
    listing = client.get("/api/office/appeals/cases/", {"outcome": "upheld"}).json()
    assert [c["pk"] for c in listing] == [pk]


def test_an_outcome_without_a_closing_date_is_a_json_error_and_saves_nothing(
    client, clerk_a, dept_a
):
    client.force_login(clerk_a)
    response = client.post(
        "/api/office/appeals/cases/",
        {
            "agency": dept_a.code,
            "kind": "reconsideration",
            "appellant_name": "李四",
            "reviewing_body": "测试市人民政府",
            "filed_on": "2026-03-02",
            "outcome": "corrected",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "closed_on_required",
        "message": "已审结的案件须填写审结日期。",
        "field": "closed_on",
    }
    assert not AppealCase.objects.exists()


def test_a_closed_case_is_corrected_only_with_a_reason(client, clerk_a, closed_case):
    client.force_login(clerk_a)
    url = f"/api/office/appeals/cases/{closed_case.pk}/"
    refused = client.patch(url, {"outcome": "other"}, content_type="application/json")
    assert refused.status_code == 400 and "correction_reason" in refused.json()["errors"]
    done = client.patch(
        url,
        {"outcome": "other", "correction_reason": "原结果登记错误"},
        content_type="application/json",
    )
    assert done.status_code == 200 and done.json()["outcome"] == "other"


def test_an_open_case_is_not_closed_by_a_patch(client, clerk_a, open_case):
    client.force_login(clerk_a)
    response = client.patch(
        f"/api/office/appeals/cases/{open_case.pk}/",
        {"outcome": "upheld", "closed_on": "2026-05-01"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "use_record_outcome"


def test_staff_upload_a_document(client, clerk_a, open_case):
    client.force_login(clerk_a)
    response = client.post(
        f"/api/office/appeals/cases/{open_case.pk}/documents/",
        {"kind": "decision", "file": pdf()},
    )
    assert response.status_code == 201 and response.json()["kind"] == "decision"


def test_other_agencies_cases_are_not_found_and_writes_elsewhere_forbidden(
    client, appeals_clerk_b, open_case, dept_a
):
    client.force_login(appeals_clerk_b)
    assert client.get(f"/api/office/appeals/cases/{open_case.pk}/").status_code == 404
    response = client.post(
        "/api/office/appeals/cases/",
        {"agency": dept_a.code, "kind": "complaint"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/appeals/{code}/counts/" in paths
    assert "/api/office/appeals/cases/{id}/outcome/" in paths


def test_staff_read_one_case_in_the_declared_shape(client, clerk_a, closed_case):
    client.force_login(clerk_a)
    response = client.get(f"/api/office/appeals/cases/{closed_case.pk}/")
    assert response.status_code == 200 and response.json()["closed_on"] == "2026-05-06"
