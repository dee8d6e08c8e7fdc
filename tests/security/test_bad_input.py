"""The server errors of issue 16 (point 5), each now a 400 (or 409, or the page's message) that
says what was wrong: a correction on a case that awaits none, a query parameter that is not a
number or is too large for a date or the database, a JSON body that is not an object, a
malformed Word file in the report check. tests/security/test_no_500.py walks every URL for the
rest."""

import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.applications.models import Application
from tests.applications.fixtures import register, submit_online

HUGE = "99999999999999999999"


def _client(user=None) -> Client:
    client = Client(raise_request_exception=True)
    if user is not None:
        client.force_login(user)
    return client


def _api(user=None) -> APIClient:
    api = APIClient(raise_request_exception=True)
    if user is not None:
        api.force_authenticate(user)
    return api


# A correction on a case that awaits none --------------------------------------------------


@pytest.fixture
def awaiting_confirmation(applicant_user, dept_a):
    """Submitted online: no correction was ever asked for."""
    return submit_online(applicant_user, dept_a)


def _unchanged(application):
    fresh = Application.objects.get(pk=application.pk)
    assert fresh.status == application.status and fresh.correction_text == ""


REFUSAL = "申请当前状态为“已提交，待确认”，不能“收到补正”。"


def test_an_applicant_correcting_a_case_not_awaiting_one_is_told_so_on_the_page(
    applicant_user, awaiting_confirmation
):
    response = _client(applicant_user).post(
        reverse("applications:submit_correction", args=[awaiting_confirmation.pk]),
        {"submit_correction-text": "补充了所需信息的文号"},
        follow=True,
    )
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    _unchanged(awaiting_confirmation)


def test_an_applicant_correcting_a_case_not_awaiting_one_gets_409_from_the_api(
    applicant_user, awaiting_confirmation
):
    response = _api(applicant_user).post(
        f"/api/applications/{awaiting_confirmation.number}/correction/",
        {"text": "补充了所需信息的文号"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"
    assert response.json()["message"] == REFUSAL
    _unchanged(awaiting_confirmation)


def test_staff_recording_a_correction_on_a_case_not_awaiting_one_are_told_so(
    clerk_a, awaiting_confirmation
):
    page = _client(clerk_a).post(
        reverse("applications_office:act", args=[awaiting_confirmation.pk, "submit_correction"]),
        {
            "submit_correction-text": "申请人来电补充",
            "submit_correction-corrected_on": "2026-03-10",
        },
    )
    assert page.status_code == 400 and REFUSAL in page.content.decode()
    response = _api(clerk_a).post(
        f"/api/office/applications/{awaiting_confirmation.number}/actions/submit_correction/",
        {"text": "申请人来电补充"},
        format="json",
    )
    assert response.status_code == 409 and response.json()["message"] == REFUSAL
    _unchanged(awaiting_confirmation)


@pytest.mark.parametrize(
    "action, data",
    [
        ("record_payment", {"paid_on": "2026-03-10"}),
        ("finish_consultation", {"answered_on": "2026-03-10", "opinion": "consent"}),
        ("serve", {"method": "direct", "served_on": "2026-03-10", "confirm": True}),
        ("send_fee_notice", {"method": "piece", "units": 30, "notice_received_on": "2026-03-10"}),
        ("draft_decision", {"outcome": "granted", "legal_basis": "第三十六条"}),
    ],
)
def test_a_step_the_case_is_not_ready_for_is_a_409_not_a_server_error(
    clerk_a, awaiting_confirmation, action, data
):
    """Each of these read what an earlier step sets (the fee notice's date, the open
    consultation, the receipt's date and regime) before the workflow refused the step."""
    response = _api(clerk_a).post(
        f"/api/office/applications/{awaiting_confirmation.number}/actions/{action}/",
        data,
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_transition"


# Query parameters ---------------------------------------------------------------------------


def test_an_unknown_agency_on_the_staff_queue_is_the_forms_error(clerk_a, dept_a):
    register(clerk_a, dept_a)
    for value in ("abc", HUGE, "-1"):
        page = _client(clerk_a).get(reverse("applications_office:queue"), {"agency": value})
        assert page.status_code == 400
        assert "没有这个机关，或您不能查看它的申请。" in page.content.decode()
        response = _api(clerk_a).get("/api/office/applications/", {"agency": value})
        assert response.status_code == 400
        assert response.json()["errors"] == {"agency": ["没有这个机关，或您不能查看它的申请。"]}


@pytest.mark.parametrize("value", [HUGE, "abc", "²", "-5"])
def test_a_year_that_is_not_a_year_on_the_public_catalogue_is_a_400_that_says_so(
    client, dept_a, value
):
    response = client.get(reverse("catalog:catalogue", args=[dept_a.code]), {"year": value})
    assert response.status_code == 400
    assert "年份应为1900至2999之间的整数。" in response.content.decode()


def test_a_huge_year_or_category_in_the_catalogue_api_is_a_400_naming_the_parameter(dept_a):
    api = _api()
    for name, message in (("year", "年份应为1900至2999之间的整数。"), ("category", "分类")):
        response = api.get("/api/catalog/items/", {name: HUGE})
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "bad_parameter" and body["field"] == name
        assert body["message"].startswith(message)


def test_a_huge_year_in_the_consultations_api_is_a_400_and_a_huge_page_the_first_page(dept_a):
    api = _api()
    response = api.get("/api/engagement/consultations/", {"year": HUGE})
    assert response.status_code == 400 and response.json()["field"] == "year"
    response = api.get("/api/engagement/consultations/", {"page": HUGE})
    assert response.status_code == 200 and response.json()["page"] == 1


def test_a_huge_agency_on_the_staff_power_list_is_a_400(client, clerk_a):
    client.force_login(clerk_a)
    response = client.get(reverse("powerlists_office:index"), {"agency": HUGE})
    assert response.status_code == 400
    assert "机关应为1至" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/appeals/{code}/?year=²",
        "/engagement/{code}/consultations/?year=²",
        "/gk/{code}/guide/?version=²",
        "/gk/{code}/feed/rss/?category=²",
    ],
)
def test_a_digit_that_int_cannot_read_is_no_server_error(client, dept_a, url):
    """ "²" is a digit to str.isdigit, which these pages asked before int()."""
    assert client.get(url.format(code=dept_a.code)).status_code in (200, 400)


# JSON bodies that are not objects -----------------------------------------------------------


def _api_patterns():
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, namespace + (pattern.namespace or ""))
            elif isinstance(pattern, URLPattern) and namespace == "api":
                yield pattern

    return list(walk(get_resolver().url_patterns))


@pytest.mark.parametrize("body", ["[]", '"x"', "1", "null"])
def test_every_api_endpoint_refuses_a_json_body_that_is_not_an_object(
    clerk_a, dept_a, applicant_user, body
):
    """A view that reads a field of a list or a string failed with a 500; the parser refuses
    it first on every endpoint that reads a JSON body (a 400 parse_error) — the others answer
    405 (no such method) or 415 (files only), refuse the user or the object's state first, or
    read no body at all (显示完整号码)."""
    from tests.contract import contract_suspended

    case = register(clerk_a, dept_a)
    arguments = {"number": case.number, "pk": 1, "code": dept_a.code, "year": 2025}
    api = _api(clerk_a)
    with contract_suspended():
        for pattern in _api_patterns():
            kwargs = {name: arguments.get(name, "x") for name in pattern.pattern.converters}
            if "public_id" in kwargs:
                continue
            url = reverse(f"api:{pattern.name}", kwargs=kwargs)
            for method in ("post", "patch"):
                response = getattr(api, method)(url, body, content_type="application/json")
                assert response.status_code < 500, (method, url)
                if response.status_code == 400:
                    assert response.json()["code"] in ("parse_error", "unknown_action"), url


# A malformed Word file in the report check --------------------------------------------------


def _zip(**parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name.replace("__", "/"), text)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


@pytest.mark.parametrize(
    "data",
    [
        _zip(**{"[Content_Types].xml": CONTENT_TYPES, "word__document.xml": "garbage <not xml"}),
        _zip(**{"[Content_Types].xml": CONTENT_TYPES, "word__document.xml": "<?xml?><a/>"}),
        _zip(**{"word__document.xml": "garbage"}),
        os.urandom(4096),
    ],
    ids=["garbage-document-xml", "no-body", "no-content-types", "random-bytes"],
)
def test_a_malformed_word_file_in_the_report_check_is_named_not_a_server_error(supervisor, data):
    response = _client(supervisor).post(
        reverse("reports_office:check"),
        {"files": [SimpleUploadedFile("2025年报.docx", data)]},
    )
    page = response.content.decode()
    assert response.status_code in (200, 400)
    assert "2025年报.docx" in page
    assert "无法读取" in page or "不是允许的文件类型" in page or "不符" in page


@pytest.mark.parametrize("text", [{"a": 1}, ["补正"], 1, None])
def test_a_correction_whose_text_is_not_text_is_asked_for_again(applicant_user, dept_a, text):
    application = submit_online(applicant_user, dept_a)
    response = _api(applicant_user).post(
        f"/api/applications/{application.number}/correction/", {"text": text}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == {"text": ["请填写补正内容。"]}


# NUL characters (PostgreSQL refuses them in any query) ---------------------------------------


def test_a_nul_in_the_query_string_is_a_400_page_or_json(client, clerk_a, dept_a):
    client.force_login(clerk_a)
    page = client.get(reverse("powerlists_office:index"), {"q": "许可\x00"})
    assert page.status_code == 400
    assert "含有空字符（NUL）" in page.content.decode()
    response = client.get("/api/catalog/items/", {"agency": "\x00"})
    assert response.status_code == 400
    assert response.json() == {
        "code": "bad_parameter",
        "message": "网址或查询参数中含有空字符（NUL），无法处理。",
    }


def test_a_nul_in_a_json_body_is_a_parse_error(clerk_a, dept_a):
    response = _api(clerk_a).post(
        "/api/office/catalog/items/",
        '{"agency": "dept-a\\u0000", "title": "通知"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "parse_error",
        "message": "请求体中含有空字符（\\u0000），无法处理。",
    }
