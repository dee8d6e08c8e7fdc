"""Text in and out of catalogue items: the sanitised rich-text body and the plain text of
attachments, which search indexes."""

import io
import logging

import nh3
from django.utils.html import strip_tags

from gongkai.core import parsing
from gongkai.core.uploads import DOCX, PDF, XLSX, sniff

logger = logging.getLogger(__name__)

# What an item body may contain: structure, emphasis, tables, links and images. No scripts,
# styles or event handlers (and the CSP forbids inline ones anyway).
ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "a",
    "img",
    "span",
    "div",
    "hr",
    "pre",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
MAX_EXTRACTED_CHARS = 2_000_000


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def plain_text(html: str) -> str:
    """The body as text, paragraphs kept apart so phrases don't run across them."""
    spaced = (html or "").replace("<", " <").replace(">", "> ")
    return " ".join(strip_tags(spaced).split())


def extract_text(data: bytes, name: str = "附件") -> str:
    """The text of a PDF, DOCX or XLSX file ('' for images and anything unreadable), read
    within the limits on uploaded files (ParseRefused beyond them)."""
    reader = {PDF: _pdf_text, DOCX: _docx_text, XLSX: _xlsx_text}.get(
        sniff(data[:16], io.BytesIO(data))
    )
    return parsing.read(data, name, _extract, reader) if reader else ""


def _extract(data: bytes, reader) -> str:
    try:
        return reader(data)[:MAX_EXTRACTED_CHARS]
    except Exception as error:  # a damaged file is still attached; it adds nothing to search
        parsing.reraise_limits(error)
        logger.warning("Could not extract text from an attachment", exc_info=True)
        return ""


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            values = [str(v) for v in row if v is not None]
            if values:
                parts.append(" ".join(values))
    workbook.close()
    return "\n".join(parts)
