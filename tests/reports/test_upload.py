"""The batch check page: a supervisor uploads published reports and gets their problems, each
linked to its place in the document."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.data import CORPUS

pytestmark = pytest.mark.django_db

URL = reverse("reports_office:check")


def corpus_file(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (CORPUS / name).read_bytes(), content_type="text/plain")


def test_the_page_asks_for_files(client, supervisor):
    client.force_login(supervisor)
    page = client.get(URL).content.decode()
    assert 'type="file"' in page and "multiple" in page and 'enctype="multipart/form-data"' in page


def test_problems_are_listed_per_file_and_linked_into_the_text(client, supervisor):
    client.force_login(supervisor)
    files = [corpus_file("2011_2008_pingtan-zone.txt"), corpus_file("2012_2008_pingtan-zone.txt")]
    page = client.post(URL, {"files": files}).content.decode()
    # 2012's 历年累计 is checked against the 2011 report uploaded with it.
    assert "历年累计应等于上年报告的历年累计加本年度数" in page
    assert "正文“年主动公开政府信息1913条”与统计表不一致" in page
    anchors = set(re.findall(r'href="#(doc\d+-p\d+)"', page))
    assert anchors
    for anchor in anchors:
        assert f'<mark id="{anchor}">' in page


def test_a_file_of_the_wrong_type_is_refused_with_its_name(client, supervisor):
    client.force_login(supervisor)
    fake = SimpleUploadedFile("report.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(URL, {"files": [fake]})
    assert response.status_code == 400
    assert "“report.pdf”不是允许的文件类型" in response.content.decode()


def test_an_empty_text_file_is_refused(client, supervisor):
    client.force_login(supervisor)
    response = client.post(URL, {"files": [SimpleUploadedFile("empty.txt", b"")]})
    assert response.status_code == 400


def test_no_file_is_a_clear_error(client, supervisor):
    client.force_login(supervisor)
    response = client.post(URL, {})
    assert response.status_code == 400
    assert "请选择要检查的年报文件" in response.content.decode()


def test_an_unreadable_file_is_reported_not_a_crash(client, supervisor):
    client.force_login(supervisor)
    notes = SimpleUploadedFile("notes.txt", "会议纪要：研究了有关工作。".encode())
    page = client.post(URL, {"files": [notes]}).content.decode()
    assert "无法读取" in page


def test_the_public_cannot_use_it(client, public_user):
    client.force_login(public_user)
    assert client.get(URL).status_code in {302, 403}


def test_imported_years_fill_the_trend_chart(dept_a):
    """The applications chart covers the years before the records with the imported reports."""
    from gongkai.reports.importers.parse import parse_file
    from gongkai.reports.presentation import application_history
    from gongkai.reports.services import report_import

    source = CORPUS / "2021_2021_pingtan-zone.txt"
    parsed = parse_file(source)
    report_import(
        actor=None, agency=dept_a, parsed=parsed, filename=source.name, content=source.read_bytes()
    )
    history = dict(application_history(dept_a, 2022))
    assert history[2021]["received"] == 70
    assert history[2021]["granted"] == 30 and history[2021]["partial"] == 5
