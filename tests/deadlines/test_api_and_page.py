"""The public calculator page and the API give the same answer as the command."""

import pytest


@pytest.mark.django_db
def test_api_returns_due_dates_and_trace(client):
    response = client.get("/api/deadline/", {"received": "2026-09-28", "extended": "1"})
    assert response.status_code == 200
    data = response.json()
    assert (data["due"], data["extended_due"]) == ("2026-10-30", "2026-11-27")
    assert data["explanation"][0].startswith("适用2019年修订的《政府信息公开条例》")


@pytest.mark.django_db
def test_api_accepts_repeated_pauses_and_restart(client):
    data = client.get(
        "/api/deadline/",
        {"received": "2026-09-28", "pause": ["2026-10-09:2026-10-20"], "restart": "2026-10-12"},
    ).json()
    assert data["due"] == "2026-11-17"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "code", "text"),
    [
        ({}, "invalid", "收到申请之日：该字段是必填项"),
        ({"received": "2026-13-01"}, "invalid", "有效的日期"),
        ({"received": "2026-09-28", "regime": "2017"}, "invalid", "2017"),
        ({"received": "2026-09-28", "pause": "bad"}, "invalid", "暂停区间"),
    ],
)
def test_api_errors_are_json_with_a_code(client, params, code, text):
    response = client.get("/api/deadline/", params)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == code
    assert text in body["message"] or text in str(body.get("errors"))


@pytest.mark.django_db
def test_openapi_document_describes_the_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/deadline/" in schema["paths"]


@pytest.mark.django_db
def test_calculator_page_without_javascript(client):
    page = client.get("/deadline/", {"received": "2024-02-02"}).content.decode()
    assert "2024年3月6日" in page
    assert "2024-02-10 至 2024-02-17：春节放假，不计入" in page


@pytest.mark.django_db
def test_calculator_page_explains_errors_in_chinese(client):
    from gongkai.workdays.models import CalendarYear

    CalendarYear.objects.filter(year=2024).delete()  # a year no holiday rule here covers
    page = client.get("/deadline/", {"received": "2024-12-20"}).content.decode()
    assert "2024年的节假日安排本计算器尚未收录，落在该年的期限暂时无法计算" in page
    assert "载入" not in page  # the public is told, not given an administrator's task
    page = client.get("/deadline/", {"received": "2026-13-01"}).content.decode()
    assert "有效的日期" in page


@pytest.mark.django_db
def test_a_date_at_the_end_of_the_calendar_is_a_clear_error_not_a_500(client):
    page = client.get("/deadline/", {"received": "9999-12-20"})
    assert page.status_code == 200 and "超出可计算的日期范围" in page.content.decode()
    response = client.get("/api/deadline/", {"received": "9999-12-20"})
    assert response.status_code == 400 and response.json()["code"] == "date_out_of_range"


@pytest.mark.django_db
def test_api_refuses_a_year_no_holiday_rule_covers(client):
    from gongkai.workdays.models import CalendarYear

    CalendarYear.objects.filter(year=2024).delete()
    response = client.get("/api/deadline/", {"received": "2024-12-20"})
    assert response.status_code == 400
    assert response.json()["code"] == "calendar_year_not_loaded"
    assert "2024" in response.json()["message"]
