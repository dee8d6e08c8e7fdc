"""Text out of a published report: .txt, .html, .docx or .pdf, no network access.

Tables keep their cell boundaries where the file has them (HTML and DOCX tables become lines of
tab-separated cells); a flattened text keeps whatever the publisher's tool left. Every file but
plain text is read within the limits on uploaded files, in a child process (core.parsing): a
file beyond a limit is Unreadable with the message naming the limit.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from gongkai.core import parsing

MAX_BYTES = 30 * 1024 * 1024
KINDS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
}


class Unreadable(Exception):
    """The file cannot be read as a report; the message says why (exit status 2)."""


@dataclass
class Extracted:
    text: str
    kind: str
    source_note: str = ""  # the corpus files' first line "source: …", kept apart from the text


def extract(path: Path | str, data: bytes | None = None) -> Extracted:
    path = Path(path)
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise Unreadable(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：可读取 .txt、.html、.docx、.pdf、.xlsx。"
        )
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise Unreadable(f"无法读取文件：{error.strerror or error}。") from None
    if not data.strip():
        raise Unreadable("文件是空的。")
    if len(data) > MAX_BYTES:
        raise Unreadable(f"文件超过{MAX_BYTES // 1024 // 1024}MB。")
    readers = {"html": _html, "docx": _docx, "pdf": _pdf, "xlsx": _xlsx}
    try:
        text = _txt(data) if kind == "txt" else parsing.read(data, path.name, _read, readers[kind])
    except parsing.ParseRefused as error:
        raise Unreadable(error.message) from None
    note = ""
    first, _, rest = text.partition("\n")
    if first.startswith("source:"):
        note, text = first, rest
    if not text.strip():
        raise Unreadable("文件中没有文字。")
    return Extracted(text=text, kind=kind, source_note=note)


def _read(data: bytes, reader) -> str:
    """reader(data), in the child process: what a reader does not foresee is damage too."""
    try:
        return reader(data)
    except Unreadable:
        raise
    except Exception as error:
        parsing.reraise_limits(error)
        raise Unreadable(f"文件已损坏或格式异常：{error}。") from None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unreadable("文本编码无法识别（应为UTF-8或GB18030）。")


def _txt(data: bytes) -> str:
    return _decode(data)


def _html(data: bytes) -> str:
    from lxml import html as lxml_html

    # Without a declared charset lxml would guess Latin-1: decode as text files are.
    head = data[:2048].lower()
    declared = b"charset" in head or data.startswith(b"<?xml")
    source = data if declared else _decode(data)
    try:
        root = lxml_html.fromstring(source)
    except (ValueError, TypeError) as error:
        raise Unreadable(f"HTML无法解析：{error}。") from None
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for row in root.xpath("//tr"):  # a table row: its cells separated by tabs, on its own line
        cells = [" ".join(cell.text_content().split()) for cell in row.xpath("./th|./td")]
        for child in list(row):
            row.remove(child)
        row.text = "\n" + "\t".join(cells) + "\n"
    for block in root.xpath("//p|//div|//br|//h1|//h2|//h3|//h4|//li|//caption|//table"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content()


def _docx(data: bytes) -> str:
    import docx
    from docx.document import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document: Document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise Unreadable(f"Word文件已损坏或不是.docx格式：{error}。") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells, last = [], None
                for cell in row.cells:  # a merged cell repeats: keep it once
                    if cell._tc is last:
                        continue
                    last = cell._tc
                    cells.append(" ".join(cell.text.split()))
                lines.append("\t".join(cells))
    return "\n".join(lines)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise Unreadable(f"PDF文件无法读取：{error}。") from None
    if not any(p.strip() for p in pages):
        raise Unreadable("PDF中没有文字层（可能是扫描件），请先进行文字识别（OCR）。")
    return "\n".join(pages)


def _xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise Unreadable(f"Excel文件已损坏或不是.xlsx格式：{error}。") from None
    lines = []
    for sheet in workbook.worksheets:
        lines.append(sheet.title)
        for row in sheet.iter_rows():
            lines.append("\t".join(_xlsx_text(sheet, cell.value) for cell in row))
    return "\n".join(lines)


def _xlsx_text(sheet, value) -> str:
    value = _xlsx_value(sheet, value, depth=0)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_value(sheet, value, depth: int):
    """A cell's number; the totals Gongkai writes as formulas (=SUM(C5:C9), =C5+C6) are worked
    out, since a file written by a program has no cached results. Other formulas: blank."""
    import re

    from openpyxl.utils import range_boundaries

    if not (isinstance(value, str) and value.startswith("=")) or depth > 20:
        return value if not isinstance(value, str) or not value.startswith("=") else None
    body = value[1:].strip()
    match = re.fullmatch(r"SUM\((.*)\)", body, re.IGNORECASE)
    parts = match.group(1).split(",") if match else body.split("+")
    total = 0
    for part in parts:
        part = part.strip()
        if not re.fullmatch(r"[A-Z]{1,3}\d+(?::[A-Z]{1,3}\d+)?", part):
            return None
        min_col, min_row, max_col, max_row = range_boundaries(part)
        for row in sheet.iter_rows(
            min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col
        ):
            for cell in row:
                number = _xlsx_value(sheet, cell.value, depth + 1)
                if isinstance(number, int | float):
                    total += number
    return total
