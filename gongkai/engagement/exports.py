"""The published comments of a consultation as an XLSX workbook (pending and hidden ones are
never exported)."""

import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import selectors as sel
from .models import Consultation
from .states import ConsultationStatus

HEADERS = [
    "序号",
    "署名",
    "提交时间",
    "意见内容",
    "附件",
    "答复",
    "答复时间",
    "采纳情况",
    "采纳情况说明",
]
WIDTHS = [6, 16, 18, 60, 24, 40, 18, 10, 40]


def _text(cell, value) -> None:
    """Public text stays text: a comment starting with “=” must not become a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    cell.alignment = Alignment(wrap_text=True, vertical="top")


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def comments_workbook(consultation: Consultation, *, with_assessment: bool | None = None) -> bytes:
    """The workbook's bytes. The 采纳情况 columns are filled once it is public, or always for
    staff (with_assessment=True)."""
    if with_assessment is None:
        with_assessment = consultation.status == ConsultationStatus.FEEDBACK_PUBLISHED
    book = Workbook()
    sheet = book.active
    sheet.title = "公开意见"
    sheet.append([consultation.title])
    sheet["A1"].font = Font(bold=True, size=13)
    window = f"征求意见期：{consultation.opens_on:%Y-%m-%d} 至 {consultation.closes_on:%Y-%m-%d}"
    sheet.append([f"{consultation.agency.name}　{window}"])
    sheet.append(HEADERS)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for position, comment in enumerate(sel.public_comments(consultation), start=1):
        row = sheet.max_row + 1
        values = [
            position,
            comment.display_name,
            _when(comment.submitted_at),
            comment.text,
            "、".join(a.title for a in comment.attachments.all()),
            comment.answer,
            _when(comment.answered_at),
            comment.get_adoption_display() if with_assessment else "",
            comment.adoption_reason if with_assessment else "",
        ]
        for column, value in enumerate(values, start=1):
            _text(sheet.cell(row=row, column=column), value)
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A4"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_filename(consultation: Consultation) -> str:
    return f"征求意见-{consultation.pk}-公开意见.xlsx"
