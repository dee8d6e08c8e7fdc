"""The report as a Word document to edit, sign and stamp: A4, laid out the way published
reports are (GB/T 9704 fonts: 小标宋 title, 黑体 headings, 楷体 sub-headings, 仿宋 text,
宋体 五号 in tables), tables with their header cells merged as printed, charts as pictures."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from . import charts
from .layout import Block, Figure, TableLayout, build_layout

if TYPE_CHECKING:
    from . import ExportInput

LATIN_FONT = "Times New Roman"  # digits and Latin letters, as official documents set them
TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
PART_FONT = "楷体"
BODY_FONT = "仿宋"  # present on every Windows since Vista, unlike 仿宋_GB2312
TABLE_FONT = "宋体"
# Word shows the alternate name where the font is missing (方正小标宋 is not part of Windows).
FONT_FALLBACKS = {TITLE_FONT: "宋体"}
TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
CAPTION_SIZE = Pt(12)  # 小四
TABLE_SIZE = Pt(10.5)  # 五号
LINE = Pt(28)
TEXT_WIDTH = Mm(156)  # A4 less 28 mm and 26 mm margins
STATUS_COLOUR = RGBColor(0xC0, 0x00, 0x00)
NARROW_CELL_MARGIN = 28  # twentieths of a point: 0.5 mm


def set_fonts(run_or_style, east_asia: str, latin: str = LATIN_FONT) -> None:
    """python-docx sets only w:ascii/w:hAnsi; Word takes Chinese glyphs from w:eastAsia."""
    run_or_style.font.name = latin
    fonts = run_or_style.element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would win over the named one
    fonts.set(qn("w:eastAsia"), east_asia)


def _text_run(paragraph, text: str, font: str, size, *, bold: bool = False):
    run = paragraph.add_run(text)
    set_fonts(run, font)
    run.font.size = size
    run.bold = bold
    return run


# --- document setup --------------------------------------------------------------------------


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _restyle(style, font: str, size, *, bold: bool) -> None:
    set_fonts(style, font)
    style.font.size, style.font.bold = size, bold
    style.font.color.rgb = RGBColor(0, 0, 0)
    borders = style.element.pPr.find(qn("w:pBdr")) if style.element.pPr is not None else None
    if borders is not None:
        borders.getparent().remove(borders)


def _styles(document) -> None:
    normal = document.styles["Normal"]
    set_fonts(normal, BODY_FONT)
    normal.font.size = BODY_SIZE
    language = OxmlElement("w:lang")
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)
    # Built-in heading styles keep Word's navigation pane and outline working.
    _restyle(document.styles["Title"], TITLE_FONT, TITLE_SIZE, bold=False)
    _restyle(document.styles["Heading 1"], HEADING_FONT, BODY_SIZE, bold=False)
    _restyle(document.styles["Heading 2"], PART_FONT, BODY_SIZE, bold=False)
    for name in ("Heading 1", "Heading 2"):
        layout = document.styles[name].paragraph_format
        layout.space_before, layout.space_after, layout.line_spacing = Pt(0), Pt(0), LINE
        layout.first_line_indent = BODY_SIZE * 2


def _font_fallbacks(document) -> None:
    part = next(
        p for p in document.part.package.iter_parts() if p.partname.endswith("fontTable.xml")
    )
    fonts = etree.fromstring(part.blob)
    for name, alternate in FONT_FALLBACKS.items():
        font = parse_xml(
            f'<w:font {nsdecls("w")} w:name="{name}"><w:altName w:val="{alternate}"/>'
            '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        )
        fonts.append(font)
    # A plain Part holds its XML as bytes; python-docx has no API for the font table.
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _header_and_footer(document, status_note: str) -> None:
    section = document.sections[0]
    if status_note:
        paragraph = section.header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _text_run(
            paragraph, status_note, HEADING_FONT, CAPTION_SIZE, bold=True
        ).font.color.rgb = STATUS_COLOUR
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _text_run(paragraph, "- ", TABLE_FONT, Pt(14))
    field = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    )
    paragraph._p.append(field)
    _text_run(paragraph, " -", TABLE_FONT, Pt(14))


# --- blocks ----------------------------------------------------------------------------------


def _body_paragraph(document, text: str):
    """Justified text with the two-character first-line indent of Chinese prose."""
    paragraph = document.add_paragraph()
    layout = paragraph.paragraph_format
    layout.line_spacing, layout.space_after = LINE, Pt(0)
    layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    layout.first_line_indent = BODY_SIZE * 2
    # Word's own "2 字符" setting, which follows the font size if it changes.
    layout.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "200")
    _text_run(paragraph, text, BODY_FONT, BODY_SIZE)
    return paragraph


def _line(document, text: str, font: str, size, *, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(4)
    _text_run(paragraph, text, font, size)
    return paragraph


def _mark_header_row(row) -> None:
    """Repeat the header rows on each page a long table runs onto."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _cell_text(cell, text: str, *, bold=False, center=True, indent_level=0) -> None:
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)  # merging joins the cells' texts; start clean
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.space_after = Pt(0)
    if indent_level:
        paragraph.paragraph_format.left_indent = TABLE_SIZE * indent_level
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if text:
        _text_run(paragraph, text, TABLE_FONT, TABLE_SIZE, bold=bold)


def _narrow_cell_margins(table) -> None:
    """t4's 15 columns: Word's default 1.9 mm cell margins would leave room for one character
    a line; 0.5 mm leaves two, so 结果维持 wraps as 结果/维持 as on the printed form."""
    margins = parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{NARROW_CELL_MARGIN}" w:type="dxa"/>'
        f'<w:right w:w="{NARROW_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>'
    )
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)  # the schema puts tblCellMar just before tblLook
    else:
        properties.append(margins)


def _column_widths(layout: TableLayout) -> list:
    label = 0.42 if layout.label_column else 0
    unit = 0.1 if layout.unit_column else 0
    if layout.unit_column and len(layout.table.columns) == 1:
        label = 0.68  # the 2008 form: one number column beside long labels
    data = (1 - label - unit) / len(layout.table.columns)
    shares = ([label] if layout.label_column else []) + ([unit] if layout.unit_column else [])
    return [int(TEXT_WIDTH * share) for share in shares + [data] * len(layout.table.columns)]


def _table(document, layout: TableLayout) -> None:
    if not layout.caption_repeats_heading:
        _line(document, layout.caption, HEADING_FONT, CAPTION_SIZE)
    for line in layout.caption_lines:
        _line(document, line, BODY_FONT, CAPTION_SIZE)
    if layout.reporting_unit:
        _line(
            document, layout.reporting_unit, BODY_FONT, CAPTION_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT
        )
    table = document.add_table(rows=layout.header_rows + len(layout.body), cols=layout.width)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    if layout.is_wide:
        _narrow_cell_margins(table)
    widths = _column_widths(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for cell in layout.header:
        first = table.cell(cell.row, cell.column)
        if cell.rowspan > 1 or cell.colspan > 1:
            first = first.merge(
                table.cell(cell.row + cell.rowspan - 1, cell.column + cell.colspan - 1)
            )
        _cell_text(first, cell.label, bold=True)
    for index in range(layout.header_rows):
        _mark_header_row(table.rows[index])
    for offset, body in enumerate(layout.body):
        cells = table.rows[layout.header_rows + offset].cells
        column = 0
        if layout.label_column:
            _cell_text(
                cells[0], body.label, bold=body.is_group, center=False, indent_level=body.level
            )
            column = 1
        if layout.unit_column:
            _cell_text(cells[column], body.unit)
        for value_cell, cell in zip(cells[layout.data_offset :], body.cells, strict=True):
            _cell_text(value_cell, cell.text)
    if layout.note:
        paragraph = document.add_paragraph()
        _text_run(paragraph, layout.note, TABLE_FONT, TABLE_SIZE)


def _figure(document, inp: ExportInput, figure: Figure) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    picture = paragraph.add_run().add_picture(
        io.BytesIO(charts.png(figure.key, inp)), width=Mm(150)
    )
    picture._inline.docPr.set("descr", figure.description)  # alt text for screen readers
    picture._inline.docPr.set("title", figure.caption)
    _line(document, figure.caption, BODY_FONT, CAPTION_SIZE)


def _block(document, inp: ExportInput, block: Block) -> None:
    if block.kind == "part":
        _text_run(document.add_paragraph(style="Heading 2"), block.text, PART_FONT, BODY_SIZE)
    elif block.kind == "paragraph":
        _body_paragraph(document, block.text)
    elif block.kind == "table":
        _table(document, block.table)
    elif block.kind == "figure":
        _figure(document, inp, block.figure)
    elif block.kind == "signatures":
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(12)
        _text_run(paragraph, block.text, BODY_FONT, CAPTION_SIZE)


def render(inp: ExportInput) -> bytes:
    layout = build_layout(inp)
    document = Document()
    _page(document)
    _styles(document)
    _font_fallbacks(document)
    _header_and_footer(document, layout.status_note)

    title = document.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = LINE
    _text_run(title, layout.title, TITLE_FONT, TITLE_SIZE)
    for text in layout.intro:
        _body_paragraph(document, text)
    attachments_listed = False
    for section in layout.sections:
        if section.attachment:
            if not attachments_listed and layout.attachments_line:
                _body_paragraph(document, layout.attachments_line)
                attachments_listed = True
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            heading = document.add_paragraph()
            _text_run(heading, section.heading, HEADING_FONT, BODY_SIZE)
        else:
            heading = document.add_paragraph(style="Heading 1")
            _text_run(heading, section.heading, HEADING_FONT, BODY_SIZE)
        for block in section.blocks:
            _block(document, inp, block)

    properties = document.core_properties
    properties.title, properties.author = layout.title, inp.report.agency
    properties.last_modified_by, properties.comments = inp.report.agency, ""
    properties.content_status = layout.status_note
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
