"""The annual report's exporters: JSON, XLSX, DOCX, HTML (document and fragment), PDF and the
charts, for each format, on reports made by hand here (no database): every cell holds its own
number, so a number printed in the wrong cell shows."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from decimal import Decimal
from itertools import count

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from lxml import html as lxml_html
from openpyxl import load_workbook

from gongkai.reports.document import Problem, ReportData
from gongkai.reports.exporters import (
    CONTENT_TYPES,
    EXTENSIONS,
    ExportInput,
    charts,
    export,
    render_fragment,
)
from gongkai.reports.formats import get_format
from gongkai.reports.formats.base import Format, Table

YEARS = {"gb2008": 2017, "gb2019": 2019, "gb2021": 2023}
FORMATS = list(YEARS)
AGENCY = "测试市测试局"
HISTORY = [
    (2021, {"received": 12, "granted": 5, "partial": 3, "denied": 2, "unable": 1, "not_processed": 1, "other": 0}),
    (2022, {"received": 7, "granted": 2, "partial": 0, "denied": 0, "unable": 0, "not_processed": 0, "other": 1}),
]  # fmt: skip
CHANNELS = {"本机关网站": 200, "政府门户网站": 77, "政务微博": 52}
SIGNATURES = {"单位负责人": "王瑞", "审核人": "吕目知", "填报人": "魏红振"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# --- reports made by hand --------------------------------------------------------------------


def _is_amount(table: Table, row, column: str) -> bool:
    """Amounts are 万元 cells: gb2008 marks its one column as amounts, so the unit decides."""
    if column not in table.amount_columns:
        return False
    return len(table.column_keys) > 1 or row.unit == "万元"


def _hard_sums(fmt: Format, table: Table):
    identities = [
        i
        for i in fmt.identities
        if i.table == table.key and i.kind == "sum" and i.severity == "error"
    ]
    return sorted(identities, key=lambda i: not i.per_row)  # row totals before column totals


def _sum_instances(table: Table, identity):
    """(target cell, term cells) of each application of a sum identity, as the format says."""
    if identity.per_row:
        for row in table.cell_rows:
            yield (row.key, identity.target), [(row.key, c) for c in identity.terms]
    else:
        columns = table.column_keys if identity.per_column else table.column_keys[:1]
        for column in columns:
            yield (identity.target, column), [(r, column) for r in identity.terms]


def filled_report(format_id: str) -> ReportData:
    """Every cell a distinct number (万元 cells a Decimal with trailing zeros, a few blank),
    then the format's hard totals made to hold, as a built report's do."""
    fmt = get_format(format_id)
    numbers = count(11)
    values: dict = {}
    for table in fmt.tables:
        values[table.key] = {}
        for row in table.cell_rows:
            cells = {}
            for column in table.column_keys:
                n = next(numbers)
                cells[column] = Decimal(f"{n}.2500") if _is_amount(table, row, column) else n
            values[table.key][row.key] = cells
    report = ReportData(format=fmt, agency=AGENCY, year=YEARS[format_id], values=values)
    for table in fmt.tables:
        for identity in _hard_sums(fmt, table):
            for (row, column), terms in _sum_instances(table, identity):
                values[table.key][row][column] = sum(report.number(table.key, *t) for t in terms)
    # One blank: a count that is no total and no term of one (so the totals above still hold).
    involved = {
        (table.key, *cell)
        for table in fmt.tables
        for identity in fmt.identities
        if identity.table == table.key and identity.kind == "sum"
        for target, terms in _sum_instances(table, identity)
        for cell in (target, *terms)
    }
    free = [
        (table.key, row.key, column)
        for table in fmt.tables
        for row in table.cell_rows
        for column in table.column_keys
        if (table.key, row.key, column) not in involved and not _is_amount(table, row, column)
    ]
    table_key, row_key, column = free[-1]
    values[table_key][row_key][column] = None
    return report


def make_input(format_id: str, *, charts_data: bool = True, **changes) -> ExportInput:
    report = filled_report(format_id)
    fmt = report.format
    narrative = {
        section.key: "\n".join(
            [
                *(
                    f"{part}\n{section.heading}第{i}部分的正文。"
                    for i, part in enumerate(section.parts, 1)
                )
            ]
            or [f"{section.heading}的正文第一段。", f"{section.heading}的正文第二段。"]
        )
        for section in fmt.sections
    }
    arguments = {
        "report": report,
        "title": f"{AGENCY}{report.year}年政府信息公开工作年度报告",
        "narrative": narrative,
        "history": HISTORY if charts_data else [],
        "channels": CHANNELS if charts_data else {},
        "signatures": SIGNATURES if format_id == "gb2008" else {},
    }
    arguments.update(changes)
    return ExportInput(**arguments)


def printed(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def tables_in_document_order(fmt: Format) -> list[Table]:
    """Each table in its section, in section order; tables of no section (gb2008's) at the end."""
    headings = [s.heading for s in fmt.sections]
    placed = [t for h in headings for t in fmt.tables if t.section == h]
    return placed + [t for t in fmt.tables if t.section not in headings]


def header_depth(table: Table) -> int:
    return max(h.depth for h in table.headers)


def label_columns(table: Table) -> int:
    """Columns before the numbers: row labels (t4 has none), and the 2008 form's units."""
    has_labels = bool(table.row_header) or any(r.label for r in table.rows)
    return int(has_labels) + int(table.unit_column)


# --- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", FORMATS)
def test_json_round_trip_keeps_every_value(format_id):
    inp = make_input(format_id)
    body = export(inp, "json")
    assert "测试市测试局" in body.decode("utf-8")  # readable, not \u escapes
    again = ReportData.from_json(json.loads(body))
    assert again.format.id == format_id and again.year == inp.report.year
    assert again.values == inp.report.values


# --- DOCX ------------------------------------------------------------------------------------


def _docx(inp) -> Document:
    return Document(io.BytesIO(export(inp, "docx")))


def _east_asia(run) -> str | None:
    fonts = run._element.rPr.rFonts
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


@pytest.mark.parametrize("format_id", FORMATS)
def test_docx_has_title_headings_text_and_every_number_in_its_cell(format_id):
    inp = make_input(format_id)
    document = _docx(inp)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == inp.title
    for section in inp.report.format.sections:
        assert section.heading in texts
    assert f"{inp.report.format.sections[-1].heading}的正文第一段。" in texts

    tables = tables_in_document_order(inp.report.format)
    assert len(document.tables) == len(tables)
    for table, word_table in zip(tables, document.tables, strict=True):
        depth, offset = header_depth(table), label_columns(table)
        assert len(word_table.rows) == depth + len(table.rows)
        for index, row in enumerate(table.rows):
            cells = word_table.rows[depth + index].cells
            if offset:
                assert cells[0].text == row.label
            for position, column in enumerate(table.column_keys):
                expected = (
                    printed(inp.report.value(table.key, row.key, column)) if row.has_cell else ""
                )
                assert cells[offset + position].text == expected, (table.key, row.key, column)


def test_docx_gb2008_table_prints_units_and_dashes_on_heading_rows():
    inp = make_input("gb2008", charts_data=False)
    document = _docx(inp)
    texts = [p.text for p in document.paragraphs]
    for line in ("附件", "政府信息公开情况统计表", "(2017年度)", f"填报单位(盖章):{AGENCY}"):
        assert line in texts
    assert "附件:政府信息公开情况统计表" in texts
    assert any(all(f"{k}:{v}" in t for k, v in SIGNATURES.items()) for t in texts)
    word_table = document.tables[0]
    assert [c.text for c in word_table.rows[0].cells] == ["统 计 指 标", "单位", "统计数"]
    table = inp.report.format.tables[0]
    for index, row in enumerate(table.rows, start=1):
        _label, unit, value = (c.text for c in word_table.rows[index].cells)
        assert unit == (row.unit if row.has_cell else "——")
        if not row.has_cell:
            assert value == ""
    budget = table.rows.index(table.row("s8_budget")) + 1
    assert word_table.rows[budget].cells[2].text.endswith(".25")  # Decimal without zeros


@pytest.mark.parametrize("format_id", ["gb2019", "gb2021"])
def test_docx_merges_multi_level_headers_of_tables_three_and_four(format_id):
    document = _docx(make_input(format_id, charts_data=False))
    t3, t4 = document.tables[-2], document.tables[-1]
    applicants = t3.cell(0, 1)
    assert applicants.text == "申请人情况"
    assert applicants._tc is t3.cell(0, 7)._tc and applicants._tc.grid_span == 7
    assert t3.cell(0, 0)._tc is t3.cell(2, 0)._tc  # the row-label column spans the header rows
    assert t3.cell(1, 2).text == "法人或其他组织" and t3.cell(1, 2)._tc.grid_span == 5
    assert t3.cell(1, 1)._tc is t3.cell(2, 1)._tc and t3.cell(1, 1).text == "自然人"
    review = t4.cell(0, 0)
    assert review.text == "行政复议" and review._tc is t4.cell(1, 4)._tc
    assert t4.cell(0, 5).text == "行政诉讼" and t4.cell(0, 5)._tc.grid_span == 10
    assert t4.cell(1, 5).text == "未经复议直接起诉" and t4.cell(1, 10).text == "复议后起诉"
    assert [t4.cell(2, c).text for c in range(5)] == [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
    ]


def test_docx_page_fonts_grid_and_group_rows():
    inp = make_input("gb2021", charts_data=False)
    document = _docx(inp)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    body = next(p for p in document.paragraphs if p.text.endswith("的正文第一段。"))
    assert {_east_asia(r) for r in body.runs} == {"仿宋"}
    title = document.paragraphs[0]
    assert _east_asia(title.runs[0]) == "方正小标宋简体"
    heading = next(p for p in document.paragraphs if p.text == "二、主动公开政府信息情况")
    assert _east_asia(heading.runs[0]) == "黑体"
    font_table = next(
        p for p in document.part.package.iter_parts() if p.partname.endswith("fontTable.xml")
    )
    assert '<w:altName w:val="宋体"/>' in font_table.blob.decode("utf-8")  # 小标宋 → 宋体
    t3 = document.tables[-2]
    assert t3.style.name == "Table Grid"
    label_run = t3.rows[3].cells[0].paragraphs[0].runs[0]
    assert _east_asia(label_run) == "宋体" and label_run.font.size == Pt(10.5)
    group = next(r for r in t3.rows if r.cells[0].text == "（三）不予公开")
    assert all(c.text == "" for c in group.cells[1:])
    leaf = next(r for r in t3.rows if r.cells[0].text == "1.属于国家秘密")
    assert leaf.cells[0].paragraphs[0].paragraph_format.left_indent > 0  # indented by level
    note = inp.report.format.table("t3").corner_note
    assert note in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("format_id", FORMATS)
def test_docx_embeds_charts_only_when_there_is_data(format_id):
    with_charts = _docx(make_input(format_id))
    assert len(with_charts.inline_shapes) == 2
    captions = [p.text for p in with_charts.paragraphs if p.text.startswith("图")]
    assert len(captions) == 2
    without = _docx(make_input(format_id, charts_data=False))
    assert len(without.inline_shapes) == 0


def test_docx_draft_is_marked_in_the_page_header():
    document = _docx(make_input("gb2021", status_note="草稿"))
    assert document.sections[0].header.paragraphs[0].text == "草稿"
    assert document.core_properties.content_status == "草稿"


# --- XLSX ------------------------------------------------------------------------------------


def _workbook(inp):
    return load_workbook(io.BytesIO(export(inp, "xlsx")), data_only=False)


def _evaluate(ws, value):
    """The number a cell shows: literals as they are, our SUM and + formulas worked out."""
    if not (isinstance(value, str) and value.startswith("=")):
        return 0 if value is None else value
    expression = value[1:]
    match = re.fullmatch(r"SUM\((.+)\)", expression)
    parts = match.group(1).split(",") if match else expression.split("+")
    total = 0
    for part in parts:
        for row in ws[part] if ":" in part else ((ws[part],),):
            for cell in row if isinstance(row, tuple) else (row,):
                total += _evaluate(ws, cell.value)
    return total


def _sheet_cells(ws, table: Table) -> dict:
    """(row key, column key) → sheet cell: the body starts `depth` rows below the row where
    the first column header stands."""
    depth, offset = header_depth(table), label_columns(table)
    top = next(
        r
        for r in range(1, ws.max_row + 1)
        if ws.cell(r, offset + 1).value == table.headers[0].label
    )
    return {
        (row.key, column): ws.cell(top + depth + i, offset + 1 + j)
        for i, row in enumerate(table.rows)
        for j, column in enumerate(table.column_keys)
    }


def test_xlsx_sheets_and_merged_headers():
    inp = make_input("gb2021", status_note="草稿")
    inp.report.problems = [
        Problem(
            "identity", "t3:results_total.total", 5, 6, "（七）总计应为5，表中为6", "error", "x"
        )
    ]
    workbook = _workbook(inp)
    assert workbook.sheetnames == [
        "说明",
        "表二(一)",
        "表二(五)",
        "表二(六)",
        "表二(八)",
        "表三",
        "表四",
    ]
    notes = [c.value for row in workbook["说明"].iter_rows() for c in row if c.value is not None]
    for expected in (inp.title, AGENCY, 2023, inp.report.format.name, "国办公开办函〔2021〕30号"):
        assert expected in notes
    assert "（七）总计应为5，表中为6" in notes and "草稿" in notes
    t3 = workbook["表三"]
    merged = {str(r) for r in t3.merged_cells.ranges}
    assert {"A2:A4", "B2:H2", "B3:B4", "C3:G3", "H3:H4"} <= merged
    assert t3["B2"].value == "申请人情况" and t3["C3"].value == "法人或其他组织"
    t4 = workbook["表四"]
    assert {"A2:E3", "F2:O2", "F3:J3", "K3:O3"} <= {str(r) for r in t4.merged_cells.ranges}


@pytest.mark.parametrize("format_id", FORMATS)
def test_xlsx_totals_are_formulas_that_give_the_report_values(format_id):
    inp = make_input(format_id)
    fmt = inp.report.format
    workbook = _workbook(inp)
    sheets = workbook.worksheets[1:]
    for table, ws in zip(tables_in_document_order(fmt), sheets, strict=True):
        cells = _sheet_cells(ws, table)
        totals = {
            target
            for identity in _hard_sums(fmt, table)
            for target, _ in _sum_instances(table, identity)
        }
        for row in table.cell_rows:
            for column in table.column_keys:
                cell = cells[(row.key, column)]
                expected = inp.report.value(table.key, row.key, column)
                if (row.key, column) in totals:
                    assert str(cell.value).startswith("="), (table.key, row.key, column)
                    assert _evaluate(ws, cell.value) == expected
                else:
                    assert cell.value == expected, (table.key, row.key, column)


def test_xlsx_soft_identities_stay_literal():
    inp = make_input("gb2008")
    ws = _workbook(inp).worksheets[1]
    cells = _sheet_cells(ws, inp.report.format.tables[0])
    # 不同意公开答复数 vs its reasons is a warning (one refusal may cite several reasons).
    assert cells[("s3_rep_refuse", "value")].value == inp.report.value(
        "tongjibiao", "s3_rep_refuse", "value"
    )
    assert cells[("s3_received", "value")].value.startswith("=SUM(")


@pytest.mark.parametrize(
    ("format_id", "table_key", "row", "column"),
    [
        ("gb2008", "tongjibiao", "s3_received", "value"),
        ("gb2021", "t3", "results_total", "commercial"),
        ("gb2019", "t4", "count", "rc_total"),
    ],
)
def test_xlsx_keeps_a_total_that_breaks_its_identity_with_a_comment(
    format_id, table_key, row, column
):
    inp = make_input(format_id)
    inp.report.values[table_key][row][column] += 1  # as an imported report might print it
    workbook = _workbook(inp)
    table = inp.report.format.table(table_key)
    index = tables_in_document_order(inp.report.format).index(table)
    ws = workbook.worksheets[1 + index]
    cells = _sheet_cells(ws, table)
    cell = cells[(row, column)]
    assert cell.value == inp.report.value(table_key, row, column)
    assert cell.comment is not None and "勾稽关系不成立" in cell.comment.text
    first_term = {
        "s3_received": "1.当面申请数",
        "results_total": "（一）予以公开",
        "count": "结果维持",
    }
    assert first_term[row] in cell.comment.text  # names what should have added up


# --- HTML ------------------------------------------------------------------------------------


def _tree(markup: str):
    return lxml_html.fromstring(markup)


@pytest.mark.parametrize("format_id", FORMATS)
def test_html_document_is_standalone_and_accessible(format_id):
    inp = make_input(format_id)
    markup = export(inp, "html").decode("utf-8")
    tree = _tree(markup)
    assert tree.get("lang") == "zh-CN"
    assert tree.findtext(".//title") == inp.title
    assert tree.findtext(".//h1") == inp.title
    assert tree.xpath("//style") and not tree.xpath("//script | //link | //*[@src]")
    assert "http://" not in tree.findtext(".//style") and "url(" not in tree.findtext(".//style")
    headings = [h.text_content() for h in tree.xpath("//h2")]
    for section in inp.report.format.sections:
        assert section.heading in headings
    tables = tree.xpath("//table")
    assert len(tables) == len(inp.report.format.tables)
    for table, element in zip(tables_in_document_order(inp.report.format), tables, strict=True):
        assert table.title in element.xpath("string(caption)")
        assert all(th.get("scope") in {"col", "colgroup", "row"} for th in element.xpath(".//th"))
        for index, row in enumerate(table.rows):
            body_row = element.xpath("./tbody/tr")[index]
            numbers = [td.text_content() for td in body_row.xpath("./td[@class='report-number']")]
            assert numbers == [
                printed(inp.report.value(table.key, row.key, c)) if row.has_cell else ""
                for c in table.column_keys
            ]
    svgs = tree.xpath("//*[local-name()='svg']")
    assert len(svgs) == 2
    for svg in svgs:
        assert svg.xpath("./*[local-name()='title']") and svg.xpath("./*[local-name()='desc']")
        assert svg.get("role") == "img"


def test_html_headers_use_colspan_and_rowspan():
    tree = _tree(export(make_input("gb2019"), "html").decode("utf-8"))
    t3 = next(t for t in tree.xpath("//table") if "收到和处理" in t.xpath("string(caption)"))
    applicants = t3.xpath(".//th[.='申请人情况']")[0]
    assert applicants.get("colspan") == "7" and applicants.get("scope") == "colgroup"
    assert t3.xpath(".//th[.='自然人']")[0].get("rowspan") == "2"
    assert t3.xpath(".//thead//td")[0].get("rowspan") == "3"  # the corner over the row labels
    t4 = tree.xpath("//table")[-1]
    review = t4.xpath(".//th[.='行政复议']")[0]
    assert (review.get("colspan"), review.get("rowspan")) == ("5", "2")
    assert t4.xpath(".//th[.='行政诉讼']")[0].get("colspan") == "10"
    assert (
        t3.xpath(".//tr[contains(@class, 'report-row--group')]/th")[0].text == "三、本年度办理结果"
    )


def test_html_gb2008_attachment():
    inp = make_input("gb2008")
    tree = _tree(export(inp, "html").decode("utf-8"))
    caption = tree.xpath("string(//table/caption)")
    assert "政府信息公开情况统计表" in caption and "(2017年度)" in caption
    assert f"填报单位(盖章):{AGENCY}" in caption
    units = [td.text_content() for td in tree.xpath("//td[@class='report-unit']")]
    assert units[0] == "——" and units[1] == "条"
    assert "单位负责人:王瑞" in tree.xpath("string(//p[@class='report-signatures'])")


def test_fragment_has_no_style_attributes_or_scripts():
    inp = make_input("gb2021", status_note="草稿")
    fragment = render_fragment(inp)
    tree = lxml_html.fragment_fromstring(fragment, create_parent="div")
    assert not tree.xpath(".//*[@style]")
    assert not tree.xpath(".//style | .//script | .//html | .//head | .//link")
    assert "style=" not in fragment and "<style" not in fragment
    assert tree.xpath(".//article[@lang='zh-CN']")
    assert tree.xpath(".//p[@class='report-status']")[0].text == "草稿"
    assert len(tree.xpath(".//*[local-name()='svg']")) == 2


def test_html_has_no_figures_without_chart_data():
    tree = _tree(export(make_input("gb2021", charts_data=False), "html").decode("utf-8"))
    assert not tree.xpath("//figure")


def _outline(inp) -> list[str]:
    """The fragment's headings, tables and figures in document order, as short tags."""
    tree = lxml_html.fragment_fromstring(render_fragment(inp), create_parent="div")
    outline = []
    for element in tree.iter("h2", "h3", "table", "figure"):
        if element.tag == "figure":
            outline.append("figure:" + element.xpath("string(figcaption)"))
        elif element.tag == "table":
            outline.append("table:" + element.xpath("string(caption/span[1])"))
        else:
            outline.append(element.text_content())
    return outline


def test_gb2008_charts_sit_under_their_sub_headings_and_seed_headings_are_recognised():
    narrative = {
        "overview": "\n".join(
            [
                "(一)主动公开情况",
                "主动公开的正文。",
                "(二)政策解读和回应关切情况",
                "解读的正文。",
                "(三)依申请公开情况",
                "依申请公开的正文。",
                "(四)行政复议、行政诉讼、举报投诉情况",
                "(五)推进重点领域信息公开情况",  # not among the format's parts, as in the seed
                "重点领域的正文。",
            ]
        ),
        "plans": "(一)强化业务知识学习。严格按照要求开展学习。",
        "intro": "根据规定，现将本机关2017年政府信息公开工作情况报告如下:",
    }
    inp = make_input("gb2008", narrative=narrative)
    fragment = render_fragment(inp)
    assert fragment.index("现将本机关2017年") < fragment.index("一、政府信息公开工作总体情况")
    outline = _outline(inp)
    channels = next(i for i, e in enumerate(outline) if "各渠道" in e)
    applications = next(i for i, e in enumerate(outline) if "申请收到及办理" in e)
    assert (
        outline[channels - 1] == "(一)主动公开情况"
        and outline[channels + 1] == "(二)政策解读和回应关切情况"
    )
    assert outline[applications - 1] == "(三)依申请公开情况"
    assert outline[channels].startswith("figure:图1 ") and outline[applications].startswith(
        "figure:图2 "
    )
    assert "(五)推进重点领域信息公开情况" in outline  # a sub-heading, not a paragraph
    assert "(一)强化业务知识学习。严格按照要求开展学习。" not in outline
    assert outline[-1] == "table:政府信息公开情况统计表" and outline[-2] == "附件"


def test_gb2021_tables_and_charts_sit_in_their_sections():
    outline = _outline(make_input("gb2021"))
    active = outline.index("二、主动公开政府信息情况")
    requests = outline.index("三、收到和处理政府信息公开申请情况")
    appeals = outline.index("四、政府信息公开行政复议、行政诉讼情况")
    assert outline[active + 1 : active + 5] == [
        "table:第二十条第（一）项",
        "table:第二十条第（五）项",
        "table:第二十条第（六）项",
        "table:第二十条第（八）项",
    ]
    assert outline[active + 5].startswith("figure:图1 ") and "各渠道" in outline[active + 5]
    assert outline[requests + 1] == "table:三、收到和处理政府信息公开申请情况"
    assert outline[requests + 2].startswith("figure:图2 ")
    assert outline[appeals + 1] == "table:四、政府信息公开行政复议、行政诉讼情况"


# --- PDF -------------------------------------------------------------------------------------


def _pdf_text(body: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(body)
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return result.stdout.decode("utf-8")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("format_id", FORMATS)
def test_pdf_contains_title_labels_figures_and_page_numbers(format_id, tmp_path):
    inp = make_input(format_id)
    body = export(inp, "pdf")
    assert body.startswith(b"%PDF")
    text = _pdf_text(body, tmp_path)
    flat = re.sub(r"\s+", "", text)  # the long title wraps
    assert re.sub(r"\s+", "", inp.title) in flat
    assert inp.report.format.sections[1].heading in flat
    assert re.search(r"-\s*1\s*-", text)  # the page number in the footer
    table = inp.report.format.tables[-1]
    row = table.cell_rows[0]
    for column in table.column_keys[:3]:
        assert printed(inp.report.value(table.key, row.key, column)) in text
    assert "本机关网站" in flat and "予以公开" in flat  # chart labels stay text


# --- charts ----------------------------------------------------------------------------------


def test_charts_svg_keeps_cjk_text_and_png_is_png():
    svg = charts.applications_svg(HISTORY)
    assert "<svg" in svg and "予以公开" in svg and "2021年" in svg
    assert "style=" not in svg
    root = etree.fromstring(svg.encode("utf-8"))
    assert root.find("{http://www.w3.org/2000/svg}title").text.startswith("2021—2022年")
    channels = charts.channels_svg(CHANNELS, year=2022)
    assert "本机关网站" in channels and ">77<" in channels
    assert charts.applications_png(HISTORY).startswith(PNG_SIGNATURE)
    assert charts.channels_png(CHANNELS).startswith(PNG_SIGNATURE)


def test_chart_ids_do_not_clash_between_the_two_charts():
    ids = re.findall(r'id="([^"]+)"', charts.applications_svg(HISTORY))
    ids += re.findall(r'id="([^"]+)"', charts.channels_svg(CHANNELS, year=2022))
    assert len(ids) == len(set(ids))


# --- the API ---------------------------------------------------------------------------------


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="odt"):
        export(make_input("gb2021"), "odt")


def test_extensions_and_content_types_cover_every_kind():
    assert set(EXTENSIONS.values()) == set(CONTENT_TYPES) == {"json", "xlsx", "docx", "pdf", "html"}
    assert EXTENSIONS[".xlsx"] == "xlsx"


def test_helper_fills_distinct_numbers_with_blanks_and_amounts():
    report = filled_report("gb2021")
    flat = [v for rows in report.values.values() for cells in rows.values() for v in cells.values()]
    assert None in flat and any(isinstance(v, Decimal) for v in flat)
    numbers = [v for v in flat if v is not None]
    assert len(set(numbers)) > len(numbers) * 0.8  # distinct but for the totals
