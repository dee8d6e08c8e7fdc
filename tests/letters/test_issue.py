"""Issuing each notice of the 2019 Regulation onto a case, as DOCX and PDF."""

import io

import docx
import pytest
from django.core.exceptions import PermissionDenied
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from gongkai.applications.models import ApplicationDocument
from gongkai.core.errors import DomainError
from gongkai.core.hidden_content import check_file
from gongkai.core.models import AuditEvent
from gongkai.letters.models import LetterTemplate
from gongkai.letters.services import letter_issue
from tests.letters.helpers import (
    D,
    decided,
    docx_east_asia_fonts,
    docx_text,
    pdf_text,
    served,
    stored,
    with_consultation,
    with_correction,
    with_extension,
    with_fee_notice,
)


def _issue(application, clerk, kind, today=None):
    today = today or D(2026, 3, 25)
    pdf = letter_issue(actor=clerk, application=application, kind=kind, today=today)
    word = application.documents.filter(kind=pdf.kind, content_type__contains="word").latest("pk")
    return word, pdf


def _assert_says(word, pdf, *phrases):
    """Both files say every phrase (the PDF's CJK text is extractable: fonts are embedded)."""
    text, printed = docx_text(stored(word)), pdf_text(stored(pdf))
    for phrase in phrases:
        assert phrase in text, phrase
        assert phrase in printed, phrase


def test_receipt_names_applicant_number_agency_and_the_reply_period(in_progress, clerk_a, office):
    word, pdf = _issue(in_progress, clerk_a, "receipt", today=D(2026, 3, 3))
    _assert_says(
        word,
        pdf,
        "张三：",
        in_progress.number,
        "测试市甲局",
        "《中华人民共和国政府信息公开条例》（国务院令第711号）第三十三条第二款",
        "20个工作日内作出答复（即2026年3月30日前）",
        "联系电话：0370-3221234",
        "2026年3月3日",
    )


def test_correction_notice_lists_what_to_correct_and_cites_article_30(in_progress, clerk_a):
    application = with_correction(in_progress, clerk_a)
    word, pdf = _issue(application, clerk_a, "correction", today=D(2026, 3, 5))
    _assert_says(
        word,
        pdf,
        "张三：",
        application.number,
        "测试市甲局",
        "第三十条",
        "请写明所需文件的文号或年份",
        "请您于2026年3月20日前",
    )


def test_extension_notice_gives_the_new_due_date(in_progress, clerk_a, head_a):
    application = with_extension(in_progress, clerk_a, head_a)
    word, pdf = _issue(application, clerk_a, "extension", today=D(2026, 3, 20))
    _assert_says(
        word,
        pdf,
        "张三：",
        application.number,
        "测试市甲局",
        "第三十三条第二款",
        "因需调取档案，",
        "答复期限延长20个工作日，本机关将于2026年4月28日前作出答复",
    )


def test_consultation_letter_is_addressed_to_the_third_party_and_not_shown_to_the_applicant(
    in_progress, clerk_a
):
    application = with_consultation(in_progress, clerk_a)
    word, pdf = _issue(application, clerk_a, "consultation", today=D(2026, 3, 9))
    _assert_says(
        word,
        pdf,
        "征求第三方意见书",
        "商丘示例科技有限公司：",
        application.number,
        "测试市甲局",
        "第三十二条",
        "15个工作日内（即2026年3月31日前）",
    )
    # The third party learns what is asked for, not who asked.
    assert "张三" not in docx_text(stored(word))
    assert not word.visible_to_applicant and not pdf.visible_to_applicant


def test_fee_notice_states_amount_calculation_and_payment_period(in_progress, clerk_a):
    application = with_fee_notice(in_progress, clerk_a)
    word, pdf = _issue(application, clerk_a, "fee", today=D(2026, 3, 16))
    _assert_says(
        word,
        pdf,
        "张三：",
        application.number,
        "测试市甲局",
        "第四十二条",
        "人民币1100元",
        "20个工作日内（即2026年4月14日前）",
    )


@pytest.mark.parametrize(
    "outcome, citation",
    [
        ("partial", "第三十七条"),
        ("granted", "第三十六条第（一）项、第（二）项"),
        ("denied_state_secret", "第十四条、第三十六条第（三）项"),
        ("unable_not_held", "第三十六条第（四）项、第（五）项"),
        ("np_repeat", "第三十六条第（六）项"),
    ],
)
def test_decision_letter_cites_the_outcomes_articles(
    outcome, citation, in_progress, clerk_a, reviewer_a
):
    application = decided(in_progress, clerk_a, reviewer_a, outcome)
    word, pdf = _issue(application, clerk_a, "decision")
    _assert_says(
        word,
        pdf,
        "政府信息公开申请答复书",
        "张三：",
        application.number,
        "测试市甲局",
        "《中华人民共和国政府信息公开条例》（国务院令第711号）" + citation,
        "向测试市人民政府申请行政复议",
    )


def test_2008_case_letters_take_the_old_regulations_numbers(clerk_a, reviewer_a, dept_a):
    from gongkai.applications.services import application_start
    from tests.applications.fixtures import register

    application = application_start(
        actor=clerk_a, application=register(clerk_a, dept_a, received=D(2017, 6, 1))
    )
    word, pdf = _issue(application, clerk_a, "receipt", today=D(2017, 6, 1))
    _assert_says(word, pdf, "国务院令第492号", "第二十四条第二款", "15个工作日内作出答复")
    application = decided(application, clerk_a, reviewer_a, "s3_rep_partial")
    word, pdf = _issue(application, clerk_a, "decision", today=D(2017, 6, 20))
    _assert_says(
        word,
        pdf,
        "同意部分公开。本答复依据《中华人民共和国政府信息公开条例》（国务院令第492号）第二十二条",
    )


def test_letter_is_attached_as_docx_and_pdf_with_type_size_and_audit(in_progress, clerk_a):
    word, pdf = _issue(in_progress, clerk_a, "receipt")
    assert (word.title, pdf.title) == (
        "政府信息公开申请受理回执（DOCX）",
        "政府信息公开申请受理回执（PDF）",
    )
    assert word.kind == pdf.kind == ApplicationDocument.Kind.LETTER
    assert word.content_type.endswith("wordprocessingml.document")
    assert pdf.content_type == "application/pdf"
    assert (word.size, pdf.size) == (len(stored(word)), len(stored(pdf)))
    assert stored(pdf).startswith(b"%PDF-")
    assert word.uploaded_by == pdf.uploaded_by == clerk_a
    event = AuditEvent.objects.for_object(in_progress).get(action="letter.issue")
    assert (event.actor, event.note) == (clerk_a, "政府信息公开申请受理回执")


@pytest.mark.parametrize("kind", ["receipt", "correction", "extension", "fee"])
def test_notices_to_the_applicant_are_visible_at_once(kind, in_progress, clerk_a, head_a):
    prepare = {
        "receipt": lambda a: a,
        "correction": lambda a: with_correction(a, clerk_a),
        "extension": lambda a: with_extension(a, clerk_a, head_a),
        "fee": lambda a: with_fee_notice(a, clerk_a),
    }[kind]
    word, pdf = _issue(prepare(in_progress), clerk_a, kind)
    assert word.visible_to_applicant and pdf.visible_to_applicant


def test_decision_letter_is_visible_only_once_the_decision_is_served(
    in_progress, clerk_a, reviewer_a
):
    application = decided(in_progress, clerk_a, reviewer_a)
    word, pdf = _issue(application, clerk_a, "decision")
    assert not word.visible_to_applicant and not pdf.visible_to_applicant
    served(application, clerk_a)
    word.refresh_from_db()
    pdf.refresh_from_db()
    assert word.visible_to_applicant and pdf.visible_to_applicant


def test_decision_letter_issued_after_service_is_visible_at_once(in_progress, clerk_a, reviewer_a):
    application = served(decided(in_progress, clerk_a, reviewer_a), clerk_a)
    _word, pdf = _issue(application, clerk_a, "decision")
    assert pdf.visible_to_applicant


def test_decision_letter_before_approval_is_refused_and_nothing_is_stored(in_progress, clerk_a):
    from gongkai.applications.services import application_draft_decision

    application = application_draft_decision(
        actor=clerk_a, application=in_progress, outcome="granted", legal_basis="第三十六条"
    )
    with pytest.raises(DomainError) as info:
        letter_issue(actor=clerk_a, application=application, kind="decision")
    assert (info.value.code, info.value.message) == (
        "letter_not_ready",
        "答复经审核通过后才能出具答复书。",
    )
    assert not application.documents.exists()


def test_letter_needs_the_case_facts_it_reports(in_progress, clerk_a):
    with pytest.raises(DomainError) as info:
        letter_issue(actor=clerk_a, application=in_progress, kind="fee")
    assert info.value.message == "本申请没有发出收费通知，不能出具收费通知书。"


def test_only_handling_staff_of_the_agency_may_issue_letters(in_progress, reviewer_a):
    with pytest.raises(PermissionDenied):
        letter_issue(actor=reviewer_a, application=in_progress, kind="receipt")
    assert not in_progress.documents.exists()


def test_missing_template_is_a_clear_error(in_progress, clerk_a):
    LetterTemplate.objects.filter(kind="receipt").delete()
    with pytest.raises(DomainError) as info:
        letter_issue(actor=clerk_a, application=in_progress, kind="receipt")
    assert info.value.message == "没有可用的“受理回执”模板，请平台管理员在后台添加。"


# The files themselves --------------------------------------------------------------------------


def test_docx_sets_the_east_asian_font_of_every_run(in_progress, clerk_a):
    word, _pdf = _issue(in_progress, clerk_a, "receipt")
    assert docx_east_asia_fonts(stored(word)) == {"Noto Serif CJK SC"}


def test_docx_is_a4_with_bold_title_indented_body_and_signature_on_the_right(in_progress, clerk_a):
    word, _pdf = _issue(in_progress, clerk_a, "receipt")
    document = docx.Document(io.BytesIO(stored(word)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37
    title, number, salutation, body, *_rest = document.paragraphs
    assert title.text == "政府信息公开申请受理回执" and title.runs[0].bold
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert salutation.paragraph_format.first_line_indent is None
    assert body.paragraph_format.first_line_indent.pt == 32  # two characters of 16 pt
    signature = next(p for p in document.paragraphs if p.text == "测试市甲局")
    assert signature.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_letter_files_carry_the_agency_as_author_never_the_clerk(in_progress, clerk_a):
    word, _pdf = _issue(in_progress, clerk_a, "receipt")
    findings = check_file(stored(word), "回执.docx")
    assert [f.message for f in findings] == [
        "文档属性中含有作者“测试市甲局”",
        "文档属性中含有最后修改者“测试市甲局”",
        "文档属性中含有标题“政府信息公开申请受理回执”",
    ]


def test_pdf_is_a4_with_the_chinese_font_embedded(in_progress, clerk_a):
    _word, pdf = _issue(in_progress, clerk_a, "receipt")
    page = PdfReader(io.BytesIO(stored(pdf))).pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (595, 842)
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert all("Noto-Serif-CJK-SC" in name for name in fonts)
