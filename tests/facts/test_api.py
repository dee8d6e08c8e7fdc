"""The facts API: public yearly figures; staff reads, figure writes and imports."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.facts import services as s
from gongkai.facts.models import OtherSystemFigure
from tests.facts.fixtures import record, staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]


def test_public_yearly_figures_need_no_login_and_hide_names(client, clerk_a, dept_a):
    staff(clerk_a, dept_a, "张敏", True, dt.date(2020, 1, 2), position="专职工作人员")
    record(clerk_a, dept_a, "meetings")
    s.figure_save(
        actor=clerk_a, agency=dept_a, year=2024, key="admin_fees", value="0.35", source="非税"
    )
    data = client.get(f"/api/facts/{dept_a.code}/2024/").json()
    assert data["figures"]["s8_staff_fulltime"] == 1 and data["figures"]["s9_meetings"] == 1
    assert data["figures"]["s8_budget"] == "0"
    assert data["other_systems"]["admin_fees"] == {"fee_amount": "0.35"}
    assert data["other_systems"]["licensing"] == {"decisions": 0}
    assert data["other_systems_entered"] == ["admin_fees"]
    assert data["staff_by_position"] == [
        {"position": "专职工作人员", "full_time": 1, "part_time": 0}
    ]
    assert "张敏" not in str(data)


def test_unknown_agency_or_year_is_a_json_404(client, dept_a):
    response = client.get("/api/facts/nowhere/2024/")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client.get(f"/api/facts/{dept_a.code}/2030/").status_code == 404


def test_staff_read_records_with_names_and_figure_sources(client, clerk_a, dept_a):
    staff(clerk_a, dept_a, "张敏", True, dt.date(2020, 1, 2))
    s.figure_save(actor=clerk_a, agency=dept_a, year=2024, key="licensing", value=3, source="审批")
    client.force_login(clerk_a)
    data = client.get(f"/api/office/facts/{dept_a.code}/2024/").json()
    assert data["records"]["staff"][0]["person_name"] == "张敏"
    assert data["other_system_figures"][0]["source"] == "审批"
    assert data["other_system_figures"][0]["entered_by"] == clerk_a.get_username()


def test_staff_save_a_figure_through_the_api(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        "/api/office/facts/figures/",
        {
            "agency": dept_a.code,
            "year": 2025,
            "key": "coercion",
            "value": "2",
            "source": "执法平台",
        },
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["value"] == "2"
    listing = client.get("/api/office/facts/figures/", {"agency": dept_a.code, "year": 2025})
    assert [f["key"] for f in listing.json()] == ["coercion"]


def test_a_figure_for_a_locked_year_is_a_clear_api_error(client, admin_a, clerk_a, dept_a):
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    client.force_login(clerk_a)
    response = client.post(
        "/api/office/facts/figures/",
        {"agency": dept_a.code, "year": 2024, "key": "coercion", "value": "2", "source": "平台"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "year_locked" and "已锁定" in response.json()["message"]
    assert not OtherSystemFigure.objects.exists()


def test_the_public_and_other_agencies_cannot_write(client, public_user, admin_b, dept_a):
    body = {"agency": dept_a.code, "year": 2025, "key": "coercion", "value": "2", "source": "x"}
    assert client.post("/api/office/facts/figures/", body).status_code == 403
    client.force_login(admin_b)
    assert client.post("/api/office/facts/figures/", body).status_code == 404
    assert not OtherSystemFigure.objects.exists()


def test_import_rows_as_json_or_csv_all_or_nothing(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    bad = client.post(
        "/api/office/facts/figures/import/",
        {
            "agency": dept_a.code,
            "source": "执法平台",
            "rows": [
                {"year": 2025, "key": "punishment", "value": 4},
                {"year": 2025, "key": "coercion", "value": -1},
            ],
        },
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["code"] == "import_failed"
    assert bad.json()["errors"] == [{"row": 2, "column": "value", "message": "数值不能为负数。"}]
    assert not OtherSystemFigure.objects.exists()
    csv_file = SimpleUploadedFile("数据.csv", "year,key,value\n2025,行政许可,9\n".encode())
    good = client.post(
        "/api/office/facts/figures/import/",
        {"agency": dept_a.code, "source": "审批系统", "file": csv_file},
    )
    assert good.status_code == 200 and good.json()["saved"] == 1
    assert OtherSystemFigure.objects.get().source == "审批系统"


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/facts/{code}/{year}/",
        "/api/office/facts/{code}/{year}/",
        "/api/office/facts/figures/",
        "/api/office/facts/figures/import/",
    ):
        assert path in paths
