"""Staff pages: recording dated facts, the year page, the figures form, the lock and the
import; other agencies' staff get 404 and read-only staff 403."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.facts import services as s
from gongkai.facts.models import Meeting, OtherSystemFigure, StaffAssignment
from tests.facts.fixtures import record, staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]


def url(name, *args):
    return reverse(f"facts_office:{name}", args=args)


def test_a_clerk_records_a_meeting_through_the_form(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    assert client.get(url("record_new", dept_a.code, "meetings")).status_code == 200
    response = client.post(
        url("record_new", dept_a.code, "meetings"),
        {
            "held_on": "2025-04-08",
            "topic": "政务公开工作部署会议",
            "kind": "work",
            "attendees": "18",
        },
    )
    assert response.status_code == 302
    assert Meeting.objects.get().attendees == 18
    listing = client.get(url("records", dept_a.code, "meetings")).content.decode()
    assert "政务公开工作部署会议" in listing and "2025-04-08" in listing


def test_bad_dates_are_explained_on_the_form_and_nothing_saved(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        url("record_new", dept_a.code, "staff"),
        {
            "person_name": "张敏",
            "position": "专职工作人员",
            "full_time": "on",
            "started_on": "2025-05-01",
            "ended_on": "2025-04-30",
        },
    )
    assert response.status_code == 400
    assert "离岗日期不能早于到岗日期" in response.content.decode()
    assert not StaffAssignment.objects.exists()


def test_editing_a_record_in_a_locked_year_shows_the_lock(client, admin_a, clerk_a, dept_a):
    meeting = record(clerk_a, dept_a, "meetings")
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    client.force_login(clerk_a)
    response = client.post(
        url("record_edit", dept_a.code, "meetings", meeting.pk),
        {"held_on": "2024-03-12", "topic": "改了主题", "kind": "work", "attendees": "20"},
    )
    assert response.status_code == 400 and "已锁定" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.topic == "政务公开工作部署会议"


def test_deleting_in_a_locked_year_is_refused_with_a_message(client, admin_a, clerk_a, dept_a):
    meeting = record(clerk_a, dept_a, "meetings")
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    client.force_login(clerk_a)
    response = client.post(url("record_delete", dept_a.code, "meetings", meeting.pk), follow=True)
    assert "已锁定" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_year_page_shows_computed_figures_and_records(client, clerk_a, dept_a):
    staff(clerk_a, dept_a, "张敏", True, dt.date(2020, 1, 2))
    record(clerk_a, dept_a, "meetings")
    client.force_login(clerk_a)
    page = client.get(url("year", dept_a.code, 2024))
    text = page.content.decode()
    assert page.status_code == 200
    assert "张敏" in text and "政务公开工作部署会议" in text and "未录入" in text
    assert url("figures", dept_a.code, 2024) in text


def test_the_figures_form_saves_values_with_sources(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(
        url("figures", dept_a.code, 2025),
        {
            "licensing": "12",
            "licensing_source": "审批系统",
            "admin_fees": "0.5",
            "admin_fees_source": "非税系统",
        },
    )
    assert response.status_code == 302
    assert {f.key: f.value for f in OtherSystemFigure.objects.all()} == {
        "licensing": 12,
        "admin_fees": 0.5,
    }


def test_a_figure_without_a_source_is_refused_on_the_form(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    response = client.post(url("figures", dept_a.code, 2025), {"licensing": "12"})
    assert response.status_code == 400 and "请写明数据来源" in response.content.decode()
    assert not OtherSystemFigure.objects.exists()


def test_figures_for_a_locked_year_are_refused_on_the_form(client, admin_a, clerk_a, dept_a):
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    client.force_login(clerk_a)
    response = client.post(
        url("figures", dept_a.code, 2024), {"licensing": "3", "licensing_source": "审批系统"}
    )
    assert response.status_code == 400 and "已锁定" in response.content.decode()
    assert not OtherSystemFigure.objects.exists()


def test_an_administrator_locks_and_unlocks_from_the_year_page(client, admin_a, dept_a):
    client.force_login(admin_a)
    assert "锁定本年度" in client.get(url("year", dept_a.code, 2024)).content.decode()
    client.post(url("lock", dept_a.code, 2024), {"reason": "年度报告已定稿"})
    assert "解除锁定" in client.get(url("year", dept_a.code, 2024)).content.decode()
    refused = client.post(url("unlock", dept_a.code, 2024), {"reason": ""})
    assert refused.status_code == 400
    client.post(url("unlock", dept_a.code, 2024), {"reason": "数据更正"})
    assert "锁定本年度" in client.get(url("year", dept_a.code, 2024)).content.decode()


def test_a_clerk_cannot_lock(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    assert client.post(url("lock", dept_a.code, 2024), {"reason": "x"}).status_code == 403


def test_the_import_page_lists_every_error(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    data = "year,key,value,source\n2025,licensing,12,审批系统\n2025,punishment,-1,执法平台\n"
    response = client.post(
        url("import"),
        {"agency": dept_a.pk, "data": SimpleUploadedFile("数据.csv", data.encode())},
    )
    assert response.status_code == 400
    assert "数值不能为负数" in response.content.decode()
    assert not OtherSystemFigure.objects.exists()
    good = data.splitlines()[:2]
    response = client.post(
        url("import"),
        {"agency": dept_a.pk, "data": SimpleUploadedFile("数据.csv", "\n".join(good).encode())},
    )
    assert response.status_code == 302 and OtherSystemFigure.objects.count() == 1


def test_other_agencies_staff_get_404_and_supervisors_read_only(
    client, admin_b, supervisor, dept_a
):
    client.force_login(admin_b)
    assert client.get(url("agency", dept_a.code)).status_code == 404
    assert client.get(url("record_new", dept_a.code, "meetings")).status_code == 404
    client.force_login(supervisor)
    assert client.get(url("year", dept_a.code, 2024)).status_code == 200
    assert client.get(url("record_new", dept_a.code, "meetings")).status_code == 403
    assert client.get(url("figures", dept_a.code, 2024)).status_code == 403


def test_unknown_kinds_and_years_are_404(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    assert client.get(url("records", dept_a.code, "parties")).status_code == 404
    assert client.get(url("year", dept_a.code, 1999)).status_code == 404


def test_the_agency_page_summarises_every_year(client, clerk_a, dept_a):
    staff(clerk_a, dept_a, "张敏", True, dt.date(2023, 1, 2))
    client.force_login(clerk_a)
    text = client.get(url("agency", dept_a.code)).content.decode()
    for year in ("2023", "2024", "2025", "2026"):
        assert url("year", dept_a.code, int(year)) in text
    assert client.get(url("index")).status_code == 200
