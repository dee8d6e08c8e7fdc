"""Makes the files of tests/data/release/: fake redactions the release check must refuse, and
clean files it must pass. Run from the repository root after changing it:

    .venv/bin/python tests/data/release/make_fixtures.py

and commit the files with the script. Everything is made with the project's own dependencies
(PyMuPDF, python-docx, openpyxl); the person data are invented, the numbers are valid in form
only (their check characters are computed here).

- fake_box.pdf: page 2 says "身份证号 110101199003071233" and a black rectangle is drawn over
  the number afterwards: it looks redacted, and the number is still text in the file.
- black_highlight.docx: a name and a mobile number under black highlight, in black.
- hidden_sheet.xlsx: a visible sheet of totals and a hidden sheet of names and ID numbers.
- comment_phone.docx: a reply with a comment that gives a mobile number.
- person_business.xlsx: a list naming a 个体工商户 by its 统一社会信用代码 (92…), beside a
  company's code (91…), which is public.
- clean.pdf, clean.docx, clean.xlsx: ordinary files with shaded tables, a yellow highlight, a
  dark table header in white, an amount formatted as money, and no document properties.
"""

import io
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pymupdf
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import RGBColor
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from gongkai.core.identifiers import credit_code_check_char  # noqa: E402

ID_NUMBER = "110101199003071233"  # check character 3 (GB 11643)
MOBILE = "13800138000"
COMMENT_MOBILE = "13912345678"
NAME = "张三丰"


def _with_check(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


# 9 工商, 2 个体工商户 / 1 企业; then the region code and the organisation's own characters.
PERSON_BUSINESS_CODE = _with_check("92110105MA01ABCD7")
COMPANY_CODE = _with_check("91110000100000000")


def _pdf_bytes(doc: pymupdf.Document) -> bytes:
    doc.set_metadata({})  # no producer, creator or dates
    return doc.tobytes(garbage=4, deflate=True, no_new_id=True)


def fake_box_pdf() -> bytes:
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=842)
    first.insert_text((72, 90), "关于补助发放情况的说明", fontname="china-s", fontsize=14)
    first.insert_text((72, 130), "现将补助发放情况说明如下。", fontname="china-s")
    second = doc.new_page(width=595, height=842)
    second.insert_text((72, 100), f"身份证号 {ID_NUMBER}", fontname="china-s")
    second.insert_text((72, 130), "补助金额 3000 元", fontname="china-s")
    [number] = second.search_for(ID_NUMBER)
    box = pymupdf.Rect(number.x0 - 1, number.y0 - 1, number.x1 + 1, number.y1 + 1)
    second.draw_rect(box, color=None, fill=(0, 0, 0))  # drawn after the text
    return _pdf_bytes(doc)


def clean_pdf() -> bytes:
    """A table as Word and LibreOffice draw one: cell shading first, then the text, then the
    rules; an underline drawn as a thin filled rectangle after its text."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 90), "关于补助发放情况的说明", fontname="china-s", fontsize=14)
    page.draw_rect(pymupdf.Rect(72, 93, 226, 94), color=None, fill=(0, 0, 0))  # underline
    for row in range(3):
        top = 120 + row * 20
        for column, text in enumerate(
            ("项目", "金额（元）") if row == 0 else (f"项目{row}", "3,000.00")
        ):
            cell = pymupdf.Rect(72 + column * 150, top, 222 + column * 150, top + 20)
            if row == 0:
                page.draw_rect(cell, color=None, fill=(0.85, 0.85, 0.85))
            page.insert_text((cell.x0 + 4, cell.y1 - 6), text, fontname="china-s", fontsize=10)
            page.draw_rect(cell, color=(0, 0, 0), width=0.5)
    return _pdf_bytes(doc)


def _blank_document() -> docx.Document:
    document = docx.Document()
    document.core_properties.author = ""  # python-docx's template names itself
    document.core_properties.comments = ""
    return document


def _docx_bytes(document: docx.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return _without_properties(out.getvalue())


def _without_properties(data: bytes) -> bytes:
    from gongkai.core.hidden_content.strip import strip_ooxml

    return strip_ooxml(data)


def black_highlight_docx() -> bytes:
    document = _blank_document()
    document.add_paragraph("关于补助发放情况的说明")
    paragraph = document.add_paragraph("申请人：")
    for text in (NAME, "，联系电话：", MOBILE, "。"):
        run = paragraph.add_run(text)
        if text in (NAME, MOBILE):
            run.font.highlight_color = WD_COLOR_INDEX.BLACK
            run.font.color.rgb = RGBColor(0, 0, 0)
    return _docx_bytes(document)


def comment_phone_docx() -> bytes:
    document = _blank_document()
    paragraph = document.add_paragraph("经检索，现将有关情况答复如下。")
    document.add_comment(
        paragraph.runs, text=f"请先电话联系申请人核实：{COMMENT_MOBILE}", author="", initials=""
    )
    return _docx_bytes(document)


def clean_docx() -> bytes:
    document = _blank_document()
    document.add_paragraph("经检索，现将有关情况答复如下。")
    paragraph = document.add_paragraph()
    paragraph.add_run("请注意：").font.highlight_color = WD_COLOR_INDEX.YELLOW
    paragraph.add_run("本答复自送达之日起生效。")
    table = document.add_table(rows=3, cols=2)
    table.style = "Table Grid"
    for row, cells in enumerate(table.rows):
        for column, cell in enumerate(cells.cells):
            cell.text = ("项目", "金额（元）")[column] if row == 0 else f"{row}-{column}"
            shading = "1F3864" if row == 0 else ("D9D9D9" if row == 2 else None)
            if shading:
                cell._tc.get_or_add_tcPr().append(
                    parse_xml(
                        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{shading}"/>'
                    )
                )
            if row == 0:  # a dark header in white: visible
                cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(255, 255, 255)
    return _docx_bytes(document)


def _workbook() -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    workbook.properties.creator = None  # openpyxl signs its files "openpyxl"
    return workbook


def _xlsx_bytes(workbook: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return _without_properties(out.getvalue())


def hidden_sheet_xlsx() -> bytes:
    workbook = _workbook()
    totals = workbook.active
    totals.title = "汇总"
    totals.append(["项目", "人数", "金额（元）"])
    totals.append(["生活补助", 2, 6000])
    names = workbook.create_sheet("发放名单")
    names.append(["姓名", "身份证号", "金额（元）"])
    names.append([NAME, ID_NUMBER, 3000])
    names.sheet_state = "hidden"
    return _xlsx_bytes(workbook)


def person_business_xlsx() -> bytes:
    workbook = _workbook()
    sheet = workbook.active
    sheet.title = "处罚决定"
    sheet.append(["当事人", "统一社会信用代码", "处罚种类"])
    sheet.append(["某某市某某区张记小吃店（个体工商户）", PERSON_BUSINESS_CODE, "警告"])
    sheet.append(["某某有限公司", COMPANY_CODE, "罚款"])
    return _xlsx_bytes(workbook)


def clean_xlsx() -> bytes:
    workbook = _workbook()
    sheet = workbook.active
    sheet.title = "预算"
    sheet.append(["项目", "金额（元）"])
    for cell in sheet[1]:  # a dark header in white: visible
        cell.fill = PatternFill("solid", fgColor="1F3864")
        cell.font = Font(color="FFFFFF", bold=True)
    sheet.append(["专项资金", 13800138000])  # an amount, not a phone number
    sheet["B2"].number_format = "#,##0.00"
    sheet.append(["合计", 13800138000])
    sheet["B3"].number_format = "#,##0.00"
    sheet["A3"].fill = PatternFill("solid", fgColor="D9D9D9")
    return _xlsx_bytes(workbook)


FIXTURES = {
    "fake_box.pdf": fake_box_pdf,
    "black_highlight.docx": black_highlight_docx,
    "hidden_sheet.xlsx": hidden_sheet_xlsx,
    "comment_phone.docx": comment_phone_docx,
    "person_business.xlsx": person_business_xlsx,
    "clean.pdf": clean_pdf,
    "clean.docx": clean_docx,
    "clean.xlsx": clean_xlsx,
}


def main() -> None:
    for name, make in FIXTURES.items():
        data = make()
        if name.endswith((".docx", ".xlsx")):
            zipfile.ZipFile(io.BytesIO(data)).testzip()
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
