"""Reading generated letters back, and bringing cases to the state each letter needs."""

import datetime as dt
import io

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from gongkai.applications import services as s

D = dt.date


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def docx_east_asia_fonts(data: bytes) -> set[str]:
    """The eastAsia font of every run of the document."""
    runs = [r for p in docx.Document(io.BytesIO(data)).paragraphs for r in p.runs]
    return {run._element.rPr.rFonts.get(qn("w:eastAsia")) for run in runs}


def pdf_text(data: bytes) -> str:
    """All text, without the line breaks the layout put in."""
    reader = PdfReader(io.BytesIO(data))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def stored(document) -> bytes:
    document.file.open("rb")
    try:
        return document.file.read()
    finally:
        document.file.close()


def with_correction(application, clerk):
    return s.application_request_correction(
        actor=clerk,
        application=application,
        instructions="请写明所需文件的文号或年份",
        requested_on=D(2026, 3, 5),
        correction_due_on=D(2026, 3, 20),
    )


def with_extension(application, clerk, head):
    s.application_request_extension(actor=clerk, application=application, reason="需调取档案。")
    return s.application_decide_extension(
        actor=head, application=application, approve=True, today=D(2026, 3, 20)
    )


def with_consultation(application, clerk):
    s.application_start_consultation(
        actor=clerk,
        application=application,
        party_kind="third_party",
        party_name="商丘示例科技有限公司",
        started_on=D(2026, 3, 9),
        letter_received_on=D(2026, 3, 10),
    )
    application.refresh_from_db()
    return application


def with_fee_notice(application, clerk):
    return s.application_send_fee_notice(
        actor=clerk,
        application=application,
        method="volume",
        units=120,
        notice_received_on=D(2026, 3, 16),
    )


def decided(application, clerk, reviewer, outcome="partial"):
    application = s.application_draft_decision(
        actor=clerk,
        application=application,
        outcome=outcome,
        legal_basis="《中华人民共和国政府信息公开条例》"
        + application.regime_obj.outcome(outcome).basis,
        reasons="经检索，依法答复如下。",
        withheld="第三页中的个人身份证号码和联系电话",
    )
    return s.application_approve_decision(actor=reviewer, application=application)


def served(application, clerk):
    return s.application_serve(
        actor=clerk, application=application, method="post", served_on=D(2026, 3, 25)
    )
