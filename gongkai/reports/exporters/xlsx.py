"""The report's tables as a workbook: a "说明" sheet (what the file is, the checks' problems),
then one sheet per table with its header cells merged as printed and the format's totals as
formulas (formulas.py says which, and when a stored figure is kept instead)."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .formulas import sum_formula, total_cells
from .layout import ReportLayout, TableLayout, build_layout, format_number

if TYPE_CHECKING:
    from . import ExportInput

NOTES_SHEET = "说明"
FONT = "宋体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
COMMENT_AUTHOR = "gongkai"
FORBIDDEN_IN_SHEET_TITLES = re.compile(r"[\[\]:*?/\\]")
SHEET_TITLE_MAX = 31  # Excel's limit


def sheet_title(table) -> str:
    """表三 / 表二(一) after the section numeral and the block's item, else the table title."""
    numeral = table.section.split("、")[0] if "、" in table.section else ""
    if numeral and table.title == table.section:
        title = f"表{numeral}"
    elif numeral:
        item = re.search(r"（(.+?)）", table.title)
        title = f"表{numeral}({item.group(1)})" if item else f"表{numeral}"
    else:
        title = table.title
    return FORBIDDEN_IN_SHEET_TITLES.sub("", title)[:SHEET_TITLE_MAX]


def _unique(title: str, used: set[str]) -> str:
    candidate, n = title, 2
    while candidate in used:
        suffix = f"_{n}"
        candidate, n = title[: SHEET_TITLE_MAX - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def _write_notes(ws: Worksheet, inp: ExportInput, layout: ReportLayout, sheets: list[str]) -> None:
    report = inp.report
    ws.append([layout.title])
    ws["A1"].font = Font(name=FONT, size=14, bold=True)
    facts = [
        ("填报单位", report.agency),
        ("报告年度", report.year),
        ("年报格式", report.format.name),
        ("依据", report.format.document),
    ]
    if report.subtree:
        facts.append(("范围", "本机关及全部下级机关（汇总）"))
    if inp.status_note:
        facts.append(("状态", inp.status_note))
    facts.append(("工作表", "、".join(sheets)))
    facts.append(
        (
            "合计公式",
            "格式规定的合计数以公式写出，修改分项后合计随之更新；"
            "合计与分项之和不符的（如导入的历史年报），保留原数并以批注说明。",
        )
    )
    for label, value in facts:
        ws.append([label, value])
    ws.append([])
    ws.append(["检查发现的问题"])
    ws.cell(ws.max_row, 1).font = Font(name=FONT, bold=True)
    ws.append(["程度", "位置", "说明"])
    for cell in ws[ws.max_row]:
        cell.font = Font(name=FONT, bold=True)
    if not report.problems:
        ws.append(["", "", "无"])
    for problem in report.problems:
        severity = "错误" if problem.severity == "error" else "提示"
        ws.append([severity, problem.where, problem.message])
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 28
    ws.column_dimensions["C"].width = 90
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)


def _merged_line(ws: Worksheet, row: int, width: int, text: str, font: Font) -> None:
    ws.cell(row, 1, text).font = font
    ws.cell(row, 1).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    if width > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _write_header(ws: Worksheet, table: TableLayout, first_row: int) -> None:
    for cell in table.header:
        row, column = first_row + cell.row, cell.column + 1
        for r in range(row, row + cell.rowspan):  # borders on every cell the merge covers
            for c in range(column, column + cell.colspan):
                ws.cell(r, c).border = BORDER
                ws.cell(r, c).fill = HEADER_FILL
        target = ws.cell(row, column, cell.label)
        target.font = Font(name=FONT, bold=True)
        target.alignment = CENTER
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(
                start_row=row,
                start_column=column,
                end_row=row + cell.rowspan - 1,
                end_column=column + cell.colspan - 1,
            )


def _term_label(table: TableLayout, instance, row: str, column: str) -> str:
    """Per-row identities add columns of one row; the others add rows of one column."""
    if instance.identity.per_row:
        return next(c.label for c in table.table.columns if c.key == column)
    found = table.table.row(row)
    return found.short_label or found.label


def _broken_note(table: TableLayout, broken) -> str:
    lines = []
    for instance, expected, found in broken:
        terms = "、".join(
            _term_label(table, instance, row, column) for row, column in instance.terms
        )
        description = instance.identity.description or instance.identity.id
        lines.append(
            f"勾稽关系不成立：{description}。按分项（{terms}）之和应为{format_number(expected)}，"
            f"表中为{format_number(found)}，故保留原数而不写公式。"
        )
    return "\n".join(lines)


def _write_body(ws: Worksheet, inp: ExportInput, table: TableLayout, first_row: int) -> None:
    rows = {body.row.key: first_row + i for i, body in enumerate(table.body)}
    columns = {c.key: table.data_offset + 1 + i for i, c in enumerate(table.table.columns)}
    blank_rows = {rows[b.row.key] for b in table.body if b.is_group}
    totals = total_cells(inp.report, table.table)
    for body in table.body:
        row = rows[body.row.key]
        if table.label_column:
            label = ws.cell(row, 1, body.label)
            label.alignment = Alignment(vertical="center", wrap_text=True, indent=body.level)
            label.font = Font(name=FONT, bold=body.is_group)
        if table.unit_column:
            ws.cell(row, 2, body.unit).alignment = CENTER
        for cell in body.cells:
            target = ws.cell(row, columns[cell.column])
            total = totals.get((body.row.key, cell.column))
            if total and total.holds:
                terms = total.holds[0].terms
                target.value = sum_formula([(rows[r], columns[c]) for r, c in terms], blank_rows)
            else:
                target.value = cell.value
            if total and total.broken:
                target.comment = Comment(
                    _broken_note(table, total.broken), COMMENT_AUTHOR, 120, 360
                )
            target.alignment = Alignment(horizontal="center", vertical="center")
        for column in range(1, table.width + 1):
            ws.cell(row, column).border = BORDER
            if ws.cell(row, column).font.name != FONT:
                ws.cell(row, column).font = Font(name=FONT)


def _title_lines(table: TableLayout, heading: str) -> list[tuple[str, str, Font]]:
    """(text, alignment, font) of the lines above the table, laid out as printed: the
    section (or 附件) heading, the caption, and the 2008 form's year and 填报单位 lines."""
    bold, plain = Font(name=FONT, size=12, bold=True), Font(name=FONT)
    lines = [(heading, "left", bold)] if heading else []
    lines.append((table.caption, "center", bold))
    lines += [(line, "center", plain) for line in table.caption_lines]
    if table.reporting_unit:
        lines.append((table.reporting_unit, "left", plain))
    return lines


def _write_table(
    ws: Worksheet, inp: ExportInput, table: TableLayout, heading: str, footer: list[str]
) -> None:
    row = 1
    for text, horizontal, font in _title_lines(table, heading):
        _merged_line(ws, row, table.width, text, font)
        ws.cell(row, 1).alignment = Alignment(horizontal=horizontal, vertical="center")
        row += 1
    header_row = row
    _write_header(ws, table, header_row)
    body_row = header_row + table.header_rows
    _write_body(ws, inp, table, body_row)
    row = body_row + len(table.body)
    for line in (table.note, *footer):
        if line:
            _merged_line(ws, row, table.width, line, Font(name=FONT))
            ws.cell(row, 1).alignment = Alignment(horizontal="left", wrap_text=True)
            row += 1

    if table.label_column:
        longest = max((len(b.label) + 2 * b.level for b in table.body), default=8)
        ws.column_dimensions["A"].width = min(max(longest * 1.8, 14), 60)
    if table.unit_column:
        ws.column_dimensions["B"].width = 8
    for index in range(table.data_offset + 1, table.width + 1):
        ws.column_dimensions[get_column_letter(index)].width = 12
    ws.freeze_panes = ws.cell(body_row, table.data_offset + 1)
    ws.print_title_rows = f"{header_row}:{body_row - 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if table.width > 6 else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if inp.status_note:
        ws.oddHeader.center.text = inp.status_note


def render(inp: ExportInput) -> bytes:
    layout = build_layout(inp)
    workbook = Workbook()
    notes = workbook.active
    notes.title = NOTES_SHEET
    used = {NOTES_SHEET}
    sheets = []
    for section in layout.sections:
        signatures = [b.text for b in section.blocks if b.kind == "signatures"]
        for block in section.blocks:
            if block.table is None:
                continue
            table = block.table
            heading = "" if table.caption_repeats_heading else section.heading
            ws = workbook.create_sheet(_unique(sheet_title(table.table), used))
            _write_table(ws, inp, table, heading, signatures)
            sheets.append(ws.title)
    _write_notes(notes, inp, layout, sheets)
    properties = workbook.properties
    properties.title, properties.creator = layout.title, inp.report.agency
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
