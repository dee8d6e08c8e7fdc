"""The letter as a Word document, laid out like an official letter (GB/T 9704-2012): A4, title
in a 小标宋-like bold serif, body in 仿宋 at 三号 (16 pt) with a two-character first-line indent,
signature and date on the right."""

import io

from django.utils import timezone
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .text import Block

TITLE_FONT = "Noto Serif CJK SC"
BODY_FONT = "FangSong"
# Word picks CJK glyphs from the eastAsia font; Noto Serif CJK is what the server (and the PDF)
# has, and Word substitutes a local 宋体/仿宋 where it is missing.
EAST_ASIA_FONT = "Noto Serif CJK SC"
BODY_SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE = Pt(28)  # 22 lines a page, as the standard asks
ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
}


def set_fonts(target, latin: str, east_asia: str) -> None:
    """Set the Latin and the East Asian font of a run or style: python-docx sets only w:ascii
    and w:hAnsi, and Word would then show Chinese in its own default font."""
    target.font.name = latin
    fonts = target._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)


def build_docx(title: str, blocks: list[Block], *, author: str, mark: str = "") -> bytes:
    """The letter as DOCX. `mark`: a line on top of every page and in the file's properties
    (a draft: "草稿", never to be sent), for a preview that must not pass for the letter."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    if mark:
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = header.add_run(mark)
        run.bold = True
        run.font.size = Pt(14)
        run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
        set_fonts(run, TITLE_FONT, TITLE_FONT)

    normal = document.styles["Normal"]
    set_fonts(normal, BODY_FONT, EAST_ASIA_FONT)
    normal.font.size = BODY_SIZE
    language = OxmlElement("w:lang")
    language.set(qn("w:eastAsia"), "zh-CN")
    normal.element.get_or_add_rPr().append(language)

    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.paragraph_format.space_after = LINE
    run = heading.add_run(title)
    run.bold = True
    run.font.size = TITLE_SIZE
    set_fonts(run, TITLE_FONT, TITLE_FONT)

    previous = None
    for block in blocks:
        paragraph = document.add_paragraph()
        layout = paragraph.paragraph_format
        layout.alignment = ALIGN[block.align]
        layout.line_spacing = LINE
        layout.space_after = Pt(0)
        if block.indented:
            layout.first_line_indent = BODY_SIZE * 2
            # Word's own "2 字符" setting, which follows the font size if it changes.
            layout._element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "200")
        if block.align == "right":
            layout.right_indent = BODY_SIZE * 2
            if previous is not None and previous.align != "right":
                layout.space_before = LINE * 2  # the signature stands apart from the text
        set_fonts(paragraph.add_run(block.text), BODY_FONT, EAST_ASIA_FONT)
        previous = block

    # The file's properties name the agency, never the clerk who generated it.
    properties = document.core_properties
    properties.author = properties.last_modified_by = author
    properties.title = f"{mark}：{title}" if mark else title
    properties.comments, properties.keywords = mark, ""
    properties.created = properties.modified = timezone.now()
    properties.revision = 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
