"""Issue 15, done when: staff redact an ID number on page 2 of a PDF and a name in a Word
document in the browser, the 部分公开 reply is served, and the applicant's downloads contain
neither (text extraction and a search of the raw bytes), while the 答复书 lists both withheld
parts with their grounds."""

import datetime as dt
import shutil
from pathlib import Path

import pymupdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications import services as s
from gongkai.applications.models import ApplicationDocument
from gongkai.core.files import file_read
from gongkai.letters.services import letter_issue
from gongkai.redaction import engine
from gongkai.redaction.models import Redaction
from tests.applications.fixtures import register
from tests.browser.test_application_flow import _login
from tests.letters.helpers import pdf_text
from tests.redaction.files import ID_NUMBER, NAME, docx_naming, pdf_with_id_on_page_two

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed"),
]
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attach(clerk, application, name, data, content_type, title):
    return s.application_attach(
        actor=clerk,
        application=application,
        kind="released",
        upload=SimpleUploadedFile(name, data, content_type),
        title=title,
    )


def _start(page, application, document):
    page.goto(f"/office/applications/{application.pk}/")
    page.locator("details:has(form[action$='/act/redact/']) > summary").click()
    form = page.locator("form[action$='/act/redact/']")
    form.locator("[name='redact-document']").select_option(str(document.pk))
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/office/redaction/**")
    return Redaction.objects.get(source=document)


def _apply(page):
    page.locator("#action-apply > summary").click()
    form = page.locator("#action-apply form")
    form.locator("[name='apply-confirm']").check()
    form.locator("button[type=submit]").click()
    page.get_by_text("已生成脱敏文件").wait_for()


def test_redacted_replies_reach_the_applicant_without_the_id_number_or_the_name(
    browser, live_server, applicant_user, clerk_a, reviewer_a, dept_a
):
    application = s.application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, applicant=applicant_user)
    )
    pdf_doc = _attach(
        clerk_a,
        application,
        "补助名单.pdf",
        pdf_with_id_on_page_two(),
        "application/pdf",
        "补助名单",
    )
    word_doc = _attach(clerk_a, application, "说明.docx", docx_naming(), DOCX_TYPE, "情况说明")

    def new_page():
        context = browser.new_context(locale="zh-CN", base_url=live_server.url)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    clerk = new_page()
    _login(clerk, clerk_a)

    # The PDF: the search proposes the ID number (and the mobile number) on page 2; both are
    # accepted with the ground the select offers.
    redaction = _start(clerk, application, pdf_doc)
    clerk.locator("#action-propose > summary").click()
    clerk.locator("#action-propose form button[type=submit]").click()
    clerk.get_by_text("找到2处建议遮盖的区域").wait_for()
    clerk.get_by_role("link", name="第2页").first.click()
    clerk.locator("#redaction-page img").wait_for()
    while clerk.locator("form[action*='/act/accept_box/']").count():
        form = clerk.locator("form[action*='/act/accept_box/']").first
        form.locator("select").select_option("personal_privacy")
        form.locator("button[type=submit]").click()
        clerk.get_by_text("已确认遮盖").wait_for()
    _apply(clerk)

    # The Word document, converted to PDF: the name is boxed by drawing on the page image.
    redaction = _start(clerk, application, word_doc)
    hit = pymupdf.open(stream=file_read(redaction), filetype="pdf")[0].search_for(NAME)[0]
    image = clerk.locator("#redaction-page img")
    image.wait_for()
    clerk.wait_for_function("document.querySelector('#redaction-page img').naturalWidth > 0")
    frame = image.bounding_box()
    k = frame["width"] / redaction.page_sizes[0][0]
    clerk.mouse.move(frame["x"] + (hit.x0 - 2) * k, frame["y"] + (hit.y0 - 2) * k)
    clerk.mouse.down()
    clerk.mouse.move(frame["x"] + (hit.x1 + 2) * k, frame["y"] + (hit.y1 + 2) * k, steps=5)
    clerk.mouse.up()
    form = clerk.locator("#action-add_box form")
    assert float(form.locator("[name='add_box-x0']").input_value()) == pytest.approx(
        hit.x0 - 2, abs=2
    )
    form.locator("[name='add_box-ground']").select_option("personal_privacy")
    form.locator("button[type=submit]").click()
    clerk.get_by_text("已添加遮盖区域").wait_for()
    assert NAME in clerk.locator("table").inner_text()
    _apply(clerk)

    application = s.application_draft_decision(
        actor=clerk_a,
        application=application,
        outcome="partial",
        legal_basis="《中华人民共和国政府信息公开条例》第三十七条",
        reasons="依法区分处理。",
    )
    application = s.application_approve_decision(actor=reviewer_a, application=application)
    letter = letter_issue(actor=clerk_a, application=application, kind="decision")
    s.application_serve(
        actor=clerk_a, application=application, method="electronic", served_on=dt.date.today()
    )

    applicant = new_page()
    _login(applicant, applicant_user)
    applicant.goto(f"/applications/{application.pk}/")
    assert applicant.get_by_role("link", name="补助名单", exact=True).count() == 0
    downloads = {}
    for title in ("补助名单（脱敏）", "情况说明（脱敏）"):
        with applicant.expect_download() as download:
            applicant.get_by_role("link", name=title).click()
        downloads[title] = Path(download.value.path()).read_bytes()

    for data in downloads.values():
        text = engine.extracted_text(data)
        raw = engine.raw_streams(data)
        assert ID_NUMBER not in text and NAME not in text
        assert ID_NUMBER.encode() not in raw
        assert NAME.encode("utf-8") not in raw and NAME.encode("utf-16-be") not in raw
    assert "补助金额" in engine.extracted_text(downloads["情况说明（脱敏）"])
    assert not ApplicationDocument.objects.filter(kind="original", visible_to_applicant=True)

    words = "".join(pdf_text(file_read(letter)).split())
    assert "“补助名单（脱敏）”第2页遮盖的内容涉及个人隐私" in words
    assert "“情况说明（脱敏）”第1页遮盖的内容涉及个人隐私" in words
    assert words.count("第十五条不予公开") == 2
