"""Excel: hidden sheets, rows and columns, comments, names pointing at hidden sheets, external
links, cells that cannot be seen (dark on dark, the colour of their fill), embedded objects,
personal numbers in any cell or comment (excel_cells.py), and document properties."""

import io
import re
import zipfile

from .common import (
    Finding,
    comment_finding,
    embedded_objects,
    listed,
    package_properties,
    property_texts,
    ranges,
)
from .excel_cells import cells, read_cells
from .personal import personal_findings

SHEET_STATES = {"hidden": "被隐藏", "veryHidden": "被深度隐藏（无法在Excel中直接取消隐藏）"}


def _row_label(a, b=None):
    return f"第{a}行" if b is None else f"第{a}至{b}行"


def _column_label(a, b=None):
    from openpyxl.utils import get_column_letter as letter

    return f"{letter(a)}列" if b is None else f"{letter(a)}至{letter(b)}列"


def check_xlsx(data: bytes) -> list[Finding]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    findings: list[Finding] = []
    hidden = set()
    for sheet in [*workbook.worksheets, *workbook.chartsheets]:
        where = f"工作表“{sheet.title}”"
        if sheet.sheet_state != "visible":
            hidden.add(sheet.title)
            how = SHEET_STATES.get(sheet.sheet_state, "被隐藏")
            findings.append(Finding("hidden_sheet", where, f"{where}{how}"))
    for sheet in workbook.worksheets:
        findings.extend(_check_worksheet(sheet))
    for name, defined in workbook.defined_names.items():
        if name.startswith("_xlnm."):  # print areas and filters Excel keeps for itself
            continue
        try:
            targets = {title for title, _cells in defined.destinations}
        except Exception:  # formulas that are not plain ranges have no target sheet
            targets = set()
        findings.extend(
            Finding("defined_name", f"名称“{name}”", f"名称“{name}”指向隐藏的工作表“{title}”")
            for title in sorted(targets & hidden)
        )
    pieces, dark, faint = read_cells(workbook)
    if dark:
        message = (
            f"工作簿中有{len(dark)}个单元格设置了深色填充和深色文字，看上去像已遮盖，"
            f"但内容仍在文件中，可被复制和检索：{listed(dark, len(dark))}"
        )
        findings.append(Finding("dark_highlight", "深色填充", message))
    if faint:
        message = (
            f"工作簿中有{len(faint)}个单元格的文字颜色与填充颜色相同或接近（或数字格式不显示"
            f"内容），内容看不见但仍在文件中：{listed(faint, len(faint))}"
        )
        findings.append(Finding("hidden_text", "看不见的单元格", message))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        findings.extend(personal_findings(pieces + property_texts(archive)))
        findings.extend(embedded_objects(archive.namelist(), "工作簿"))
        links = [n for n in archive.namelist() if re.match(r"xl/externalLinks/[^/]+\.xml$", n)]
        if links:
            message = f"工作簿包含{len(links)}个外部链接（可能暴露其他文件的名称和路径）"
            findings.append(Finding("external_link", "外部链接", message))
        findings.extend(package_properties(archive))
    return findings


def _check_worksheet(sheet) -> list[Finding]:
    from openpyxl.utils import column_index_from_string

    where = f"工作表“{sheet.title}”"
    findings = []
    # A zero height or width hides a row or column as well as the hidden flag does.
    rows = [n for n, dim in sheet.row_dimensions.items() if dim.hidden or dim.height == 0]
    if rows:
        findings.append(Finding("hidden_row", where, f"{where}中{ranges(rows, _row_label)}被隐藏"))
    columns = []
    for key, dim in sheet.column_dimensions.items():
        if dim.hidden or dim.width == 0:
            first = dim.min or column_index_from_string(key)
            columns.extend(range(first, (dim.max or first) + 1))
    if columns:
        message = f"{where}中{ranges(columns, _column_label)}被隐藏"
        findings.append(Finding("hidden_column", where, message))
    noted = [cell for cell in cells(sheet) if cell.comment]
    if noted:
        notes = [(cell.coordinate, cell.comment.text) for cell in noted]
        findings.append(
            comment_finding(where, f"{where}中有", (c.comment.author for c in noted), notes)
        )
    return findings
