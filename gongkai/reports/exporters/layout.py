"""What an exported report shows and in which order, whatever the file type.

Every exporter (DOCX, XLSX, HTML/PDF) walks the same `ReportLayout`, so the tables' merged
header cells, the placement of tables and charts in the sections, and the printing of numbers
are decided once here and cannot drift apart between file types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..document import format_number
from ..formats.base import Header, Row, Section, Table
from . import chart_text

if TYPE_CHECKING:
    from . import ExportInput

# Narrative text under this key is printed between the title and the first section (the
# seed's opening paragraph "2017年,市工信委认真贯彻落实……现将我委2017年政府信息公开工作情况报告如下:").
INTRO_KEY = "intro"
# What the 2008 form prints in the unit column of a heading row.
HEADING_ROW_UNIT = "——"
# Charts sit with the text on their topic: the first section whose heading names the topic,
# else the first sub-heading (Section.parts) that does — the 2008 sections are broader.
CHART_TOPICS = {"channels": "主动公开", "applications": "申请"}
WIDE_TABLE_COLUMNS = 10
PART_NUMBER = re.compile(r"[(（][一二三四五六七八九十]+[)）]")
PART_MAX_LENGTH = 30
SENTENCE_MARKS = "。；;，,：:！？"


@dataclass(frozen=True)
class HeaderCell:
    label: str
    row: int  # header row, 0 = top
    column: int  # grid column, 0 = the leftmost (row-label column when there is one)
    rowspan: int = 1
    colspan: int = 1
    scope: str = "col"  # col for a single column, colgroup for a header over several


@dataclass(frozen=True)
class BodyCell:
    column: str  # column key
    value: object  # int | Decimal | None
    text: str


@dataclass(frozen=True)
class BodyRow:
    row: Row
    label: str
    unit: str
    cells: tuple[BodyCell, ...]

    @property
    def level(self) -> int:
        return self.row.level

    @property
    def is_group(self) -> bool:
        """A heading row such as （三）不予公开: printed without numbers."""
        return not self.row.has_cell


@dataclass
class TableLayout:
    table: Table
    caption: str
    caption_lines: tuple[str, ...]  # printed under the caption, e.g. (2017年度)
    reporting_unit: str  # 填报单位(盖章):… on the 2008 form, left-aligned above the table
    caption_repeats_heading: bool  # the section heading already says it (t3, t4)
    label_column: bool
    unit_column: bool
    header: list[HeaderCell]
    header_rows: int
    body: list[BodyRow]
    note: str

    @property
    def data_offset(self) -> int:
        """Grid column of the first data column."""
        return int(self.label_column) + int(self.unit_column)

    @property
    def width(self) -> int:
        return self.data_offset + len(self.table.columns)

    @property
    def is_wide(self) -> bool:
        """Too many columns for the A4 width at the usual size (t4's 15)."""
        return self.width > WIDE_TABLE_COLUMNS

    def header_by_row(self) -> list[list[HeaderCell]]:
        rows: list[list[HeaderCell]] = [[] for _ in range(self.header_rows)]
        for cell in sorted(self.header, key=lambda c: (c.row, c.column)):
            rows[cell.row].append(cell)
        return rows


@dataclass
class Figure:
    key: str  # applications | channels
    title: str
    description: str  # the figures in words, for screen readers and the SVG <desc>
    number: int = 0  # in the order the figures appear

    @property
    def caption(self) -> str:
        return f"图{self.number} {self.title}"


@dataclass
class Block:
    kind: str  # part | paragraph | table | figure | signatures
    text: str = ""
    table: TableLayout | None = None
    figure: Figure | None = None


@dataclass
class SectionLayout:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    attachment: bool = False
    attachment_title: str = ""


@dataclass
class ReportLayout:
    title: str
    status_note: str
    intro: list[str]
    sections: list[SectionLayout]
    attachments_line: str  # "附件:政府信息公开情况统计表" under the last section, or ""

    @property
    def tables(self) -> list[TableLayout]:
        return [b.table for s in self.sections for b in s.blocks if b.table is not None]

    @property
    def figures(self) -> list[Figure]:
        return [b.figure for s in self.sections for b in s.blocks if b.figure is not None]


# --- tables ----------------------------------------------------------------------------------


def header_cells(headers: tuple[Header, ...], depth: int, offset: int) -> list[HeaderCell]:
    """Leaves always sit on the bottom header row; a shallower branch stretches its top cell
    down (t4: 行政复议 spans two rows beside 行政诉讼 > 未经复议直接起诉)."""
    cells: list[HeaderCell] = []

    def place(header: Header, row: int, column: int) -> int:
        width = len(header.leaves())
        rowspan = depth - row - (header.depth - 1)
        scope = "colgroup" if header.children else "col"
        cells.append(HeaderCell(header.label, row, column, rowspan, width, scope))
        child_column = column
        for child in header.children:
            child_column = place(child, row + rowspan, child_column)
        return column + width

    column = offset
    for header in headers:
        column = place(header, 0, column)
    return cells


def table_layout(inp: ExportInput, table: Table, *, attachment: bool) -> TableLayout:
    report = inp.report
    label_column = bool(table.row_header) or any(r.label for r in table.rows)
    depth = max(h.depth for h in table.headers)
    offset = int(label_column) + int(table.unit_column)
    header = header_cells(table.headers, depth, offset)
    if label_column:
        header.insert(0, HeaderCell(table.row_header, 0, 0, depth, 1, "col"))
    if table.unit_column:
        header.insert(int(label_column), HeaderCell("单位", 0, int(label_column), depth, 1, "col"))
    body = []
    for row in table.rows:
        cells = []
        for column in table.columns:
            value = report.value(table.key, row.key, column.key) if row.has_cell else None
            cells.append(BodyCell(column.key, value, format_number(value)))
        unit = (row.unit or "") if row.has_cell else HEADING_ROW_UNIT
        body.append(BodyRow(row, row.label, unit, tuple(cells)))
    caption_lines: tuple[str, ...] = ()
    reporting_unit = ""
    if attachment:  # as the seed prints its 统计表
        caption_lines = (f"({report.year}年度)",)
        reporting_unit = f"填报单位(盖章):{report.agency}"
    return TableLayout(
        table=table,
        caption=table.title,
        caption_lines=caption_lines,
        reporting_unit=reporting_unit,
        caption_repeats_heading=table.title == table.section,
        label_column=label_column,
        unit_column=table.unit_column,
        header=header,
        header_rows=depth,
        body=body,
        note=table.corner_note,
    )


# --- text ------------------------------------------------------------------------------------


def _plain(text: str) -> str:
    """Sub-headings are matched whatever the width of their brackets and spaces."""
    return text.replace("（", "(").replace("）", ")").replace(" ", "").replace("\u3000", "")


def paragraphs(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def _is_part_heading(line: str, parts: set[str]) -> bool:
    """A sub-heading: one the format prefills, or a short line of its own numbered like one,
    such as the seed's "(五)推进重点领域信息公开情况" — not "(一)强化业务知识学习。严格按照……",
    which is a paragraph that opens with its point."""
    if _plain(line) in parts:
        return True
    return (
        bool(PART_NUMBER.match(line))
        and len(line) <= PART_MAX_LENGTH
        and not any(mark in line for mark in SENTENCE_MARKS)
    )


def narrative_blocks(section: Section, text: str | None) -> list[Block]:
    """A section's text as the report prints it: sub-headings ("part") and paragraphs."""
    parts = {_plain(p) for p in section.parts}
    return [
        Block("part" if _is_part_heading(line, parts) else "paragraph", line)
        for line in paragraphs(text)
    ]


def empty_headings(fmt, narrative: dict[str, str]) -> list[tuple[str, str | None]]:
    """Where a reader of the printed report would find a heading with nothing under it:
    (section heading, None) for a section with no text and no table of its own (the 2019
    sections 二 to 四 are their tables), (section heading, sub-heading) for a prefilled
    sub-heading followed directly by the next one or the end of its section. A section whose
    sub-headings were replaced by free text is not empty."""
    with_tables = {table.section for table in fmt.tables}
    empty: list[tuple[str, str | None]] = []
    for section in fmt.sections:
        blocks = narrative_blocks(section, narrative.get(section.key))
        if not blocks and section.heading not in with_tables:
            empty.append((section.heading, None))
        for i, block in enumerate(blocks):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if block.kind == "part" and (following is None or following.kind == "part"):
                empty.append((section.heading, block.text))
    return empty


def _insert_after_part(blocks: list[Block], part: str, block: Block) -> bool:
    """Put `block` at the end of the text under sub-heading `part`; False if it is absent."""
    start = next(
        (i for i, b in enumerate(blocks) if b.kind == "part" and _plain(b.text) == _plain(part)),
        None,
    )
    if start is None:
        return False
    end = next((i for i in range(start + 1, len(blocks)) if blocks[i].kind == "part"), len(blocks))
    blocks.insert(end, block)
    return True


def _place_figure(sections: list[SectionLayout], fmt_sections, topic: str, block: Block) -> None:
    for layout in sections:
        if topic in layout.heading:
            layout.blocks.append(block)
            return
    for layout, section in zip(sections, fmt_sections, strict=False):
        for part in section.parts:
            if topic in part:
                if not _insert_after_part(layout.blocks, part, block):
                    layout.blocks.append(block)
                return
    if sections:  # no section on the topic: the chart still belongs in the report
        sections[0].blocks.append(block)


def build_layout(inp: ExportInput) -> ReportLayout:
    fmt = inp.report.format
    headings = {s.heading for s in fmt.sections}
    sections = []
    for section in fmt.sections:
        layout = SectionLayout(
            section.heading, narrative_blocks(section, inp.narrative.get(section.key))
        )
        for table in fmt.tables:
            if table.section == section.heading:
                layout.blocks.append(
                    Block("table", table=table_layout(inp, table, attachment=False))
                )
        sections.append(layout)

    for key, topic in CHART_TOPICS.items():
        if chart_text.has_data(key, inp):
            figure = Figure(key, chart_text.caption(key, inp), chart_text.describe(key, inp))
            _place_figure(sections, fmt.sections, topic, Block("figure", figure=figure))
    figures = [b.figure for s in sections for b in s.blocks if b.figure is not None]
    for number, figure in enumerate(figures, start=1):
        figure.number = number

    attachments = []
    for table in fmt.tables:
        if table.section in headings:
            continue
        attachment = SectionLayout(
            table.section or "附件", attachment=True, attachment_title=table.title
        )
        attachment.blocks.append(Block("table", table=table_layout(inp, table, attachment=True)))
        if inp.signatures:
            attachment.blocks.append(Block("signatures", signature_line(inp.signatures)))
        attachments.append(attachment)

    # As the seed prints it under the text: "附件:政府信息公开情况统计表".
    attachments_line = "、".join(f"{a.heading}:{a.attachment_title}" for a in attachments)
    return ReportLayout(
        title=inp.title,
        status_note=inp.status_note,
        intro=paragraphs(inp.narrative.get(INTRO_KEY)),
        sections=sections + attachments,
        attachments_line=attachments_line,
    )


def signature_line(signatures: dict[str, str]) -> str:
    """单位负责人:王瑞　　审核人:吕目知　　填报人:魏红振 (the seed's footer, spaced for print)."""
    return "\u3000\u3000".join(f"{role}:{name}" for role, name in signatures.items())
