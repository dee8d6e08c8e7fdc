"""The redaction engine: pure functions on bytes, no Django models.

A document to redact is first made a PDF (`to_pdf`: office documents through LibreOffice
headless, images through PyMuPDF); staff see its pages as images (`render_page`), the engine
proposes boxes (`propose`), and `apply` removes what lies under every box — text, image pixels
and vector graphics, by PyMuPDF's redaction (MuPDF's `pdf_redact_page`) — then strips what a PDF
can hide besides its pages (metadata, XMP, annotations, embedded files, layers, JavaScript,
form fields, thumbnails), writes the file anew (unused objects dropped, streams rewritten) and
reads the result back: a redacted string still extractable is refused (`RedactionLeak`).

PyMuPDF (AGPL-3.0) and LibreOffice (MPL-2.0) are kept, widely used tools.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pymupdf

from gongkai.core.errors import DomainError
from gongkai.core.hidden_content.numbers import (
    ID_NUMBER,
    MOBILE_NUMBER,
    PERSON_BUSINESS_CODE,
    find_numbers,
)

# What LibreOffice converts; images go through PyMuPDF.
OFFICE_EXTENSIONS = frozenset({"docx", "xlsx", "doc", "xls", "odt", "ods", "rtf"})
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png"})
CONVERT_TIMEOUT = 120  # seconds for one document
MAX_PAGES = 500
RENDER_DPI = 110  # page images for drawing boxes: readable, not huge

# An 18-character number that may be a 居民身份证 number (the validator decides), and a mainland
# mobile number, each not part of a longer run of digits or letters.


class RedactionError(DomainError):
    code = "redaction_failed"


class RedactionLeak(RedactionError):
    """The redacted file still contains a string that was to be removed."""

    code = "redaction_leak"


@dataclass(frozen=True)
class Box:
    """A rectangle on a page (1-based), in PDF points from the page's top left corner."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str = ""  # the text under the box when it was drawn: checked after applying

    @property
    def rect(self) -> pymupdf.Rect:
        return pymupdf.Rect(self.x0, self.y0, self.x1, self.y1)


@dataclass(frozen=True)
class Proposal:
    box: Box
    kind: str  # "id_number", "mobile", "credit_code" (a 个体工商户's) or "term"


def _open(pdf: bytes) -> pymupdf.Document:
    try:
        doc = pymupdf.open(stream=pdf, filetype="pdf")
    except Exception as error:  # MuPDF raises its own errors for damaged files
        raise RedactionError("无法读取该 PDF 文件，文件可能已损坏。") from error
    if doc.needs_pass:
        raise RedactionError("该 PDF 文件有密码保护，请先取得未加密的文件。")
    if doc.page_count > MAX_PAGES:
        raise RedactionError(f"文件超过{MAX_PAGES}页，请拆分后再做脱敏处理。")
    return doc


def to_pdf(data: bytes, filename: str) -> bytes:
    """The document as a PDF: a PDF as it is, an image as a one-page PDF, an office document
    converted by LibreOffice headless (own profile folder, time limit)."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if data[:5] == b"%PDF-":
        _open(data).close()
        return data
    if extension in IMAGE_EXTENSIONS:
        try:
            with pymupdf.open(stream=data, filetype=extension) as image:
                return image.convert_to_pdf()
        except Exception as error:
            raise RedactionError("无法读取该图片。") from error
    if extension in OFFICE_EXTENSIONS:
        return _convert_office(data, extension)
    raise RedactionError("只能对 PDF、Word、Excel 文件和 JPEG、PNG 图片做脱敏处理。")


def _convert_office(data: bytes, extension: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="gk-soffice-") as work:
        folder = Path(work)
        source = folder / f"source.{extension}"
        source.write_bytes(data)
        command = [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except FileNotFoundError as error:
            raise RedactionError(
                "服务器未安装 LibreOffice，无法转换 Word、Excel 文件，请上传 PDF。"
            ) from error
        except subprocess.TimeoutExpired as error:
            raise RedactionError(
                f"文件转换超过{CONVERT_TIMEOUT}秒未完成，请转换为 PDF 后上传。"
            ) from error
        result = folder / "out" / "source.pdf"
        if not result.exists():
            raise RedactionError("文件无法转换为 PDF，请检查文件或转换为 PDF 后上传。")
        pdf = result.read_bytes()
    _open(pdf).close()
    return pdf


def page_count(pdf: bytes) -> int:
    with _open(pdf) as doc:
        return doc.page_count


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    with _open(pdf) as doc:
        return [(page.rect.width, page.rect.height) for page in doc]


def render_page(pdf: bytes, page: int, *, dpi: int = RENDER_DPI) -> bytes:
    """Page `page` (1-based) as a PNG."""
    with _open(pdf) as doc:
        if not 1 <= page <= doc.page_count:
            raise RedactionError(f"没有第{page}页（共{doc.page_count}页）。")
        return doc[page - 1].get_pixmap(dpi=dpi, annots=False).tobytes("png")


def text_in(pdf: bytes, box: Box) -> str:
    """The text a box covers (what applying it will remove)."""
    with _open(pdf) as doc:
        if not 1 <= box.page <= doc.page_count:
            raise RedactionError(f"没有第{box.page}页（共{doc.page_count}页）。")
        return doc[box.page - 1].get_textbox(box.rect).strip()


def propose(pdf: bytes, *, is_id_number, terms=(), ids=True, mobiles=True) -> list[Proposal]:
    """Boxes over every valid ID number (`is_id_number(text)` decides: the project's GB 11643
    validator), mobile number and typed term, page by page, in reading order."""
    found: list[Proposal] = []
    with _open(pdf) as doc:
        for index, page in enumerate(doc):
            text = page.get_text()
            wanted: list[tuple[str, str]] = []
            # The release check's own reading of numbers (grouped 6-8-4 or 3-4-4, full-width,
            # +86): what it would refuse is what is proposed here.
            for number in find_numbers(text):
                needle = text[number.start : number.end]
                if number.kind == MOBILE_NUMBER and mobiles:
                    wanted.append((needle, "mobile"))
                elif number.kind == ID_NUMBER and ids and is_id_number(number.value):
                    wanted.append((needle, "id_number"))
                elif number.kind == PERSON_BUSINESS_CODE and ids:
                    wanted.append((needle, "credit_code"))
            wanted += [(term, "term") for term in terms if term and term in text]
            seen = set()
            for needle, kind in wanted:
                if needle in seen:
                    continue
                seen.add(needle)
                for rect in page.search_for(needle):
                    box = Box(index + 1, rect.x0, rect.y0, rect.x1, rect.y1, needle)
                    found.append(Proposal(box, kind))
    return found


def apply(pdf: bytes, boxes: list[Box]) -> bytes:
    """A new PDF in which nothing under `boxes` exists any more, stripped of hidden content;
    RedactionLeak if a box's text can still be found in it."""
    with _open(pdf) as doc:
        for box in boxes:
            if not 1 <= box.page <= doc.page_count:
                raise RedactionError(f"没有第{box.page}页（共{doc.page_count}页）。")
            doc[box.page - 1].add_redact_annot(box.rect, fill=(0, 0, 0))
        for page in doc:
            page.apply_redactions(
                images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
                text=pymupdf.PDF_REDACT_TEXT_REMOVE,
            )
        _strip(doc)
        result = doc.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True)
    verify(result, [box.text for box in boxes])
    return result


def _strip(doc: pymupdf.Document) -> None:
    """Everything a PDF can carry besides what its pages show."""
    doc.scrub(
        attached_files=True,
        clean_pages=True,
        embedded_files=True,
        hidden_text=True,
        javascript=True,
        metadata=True,
        redactions=True,
        redact_images=0,
        remove_links=False,
        reset_fields=True,
        reset_responses=True,
        thumbnails=True,
        xml_metadata=True,
    )
    for page in doc:
        for annot in list(page.annots() or []):
            page.delete_annot(annot)
        for widget in list(page.widgets() or []):
            page.delete_widget(widget)
    doc.set_metadata({})
    doc.del_xml_metadata()
    # Keep only the glyphs still shown, so that a removed word leaves no trace in the fonts;
    # some fonts cannot be subset (their removed text is gone all the same).
    with contextlib.suppress(Exception):
        doc.subset_fonts()
    # Optional content (layers): drop the configuration so nothing is hidden or switchable.
    catalog = doc.pdf_catalog()
    for key in ("OCProperties", "Names", "OpenAction", "AA", "AcroForm", "PieceInfo"):
        if doc.xref_get_key(catalog, key)[0] != "null":
            doc.xref_set_key(catalog, key, "null")


def extracted_text(pdf: bytes) -> str:
    with _open(pdf) as doc:
        return "\n".join(page.get_text() for page in doc)


def raw_streams(pdf: bytes) -> bytes:
    """The file's bytes followed by every stream decompressed: for searching what a file holds
    beyond what text extraction shows."""
    parts = [pdf]
    with _open(pdf) as doc:
        for xref in range(1, doc.xref_length()):
            if doc.xref_is_stream(xref):
                parts.append(doc.xref_stream(xref) or b"")
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def verify(pdf: bytes, strings) -> None:
    """Refuse a result from which a redacted string can still be extracted as text."""
    text = _squeeze(extracted_text(pdf))
    left = sorted({s for s in (_squeeze(s) for s in strings) if s and s in text})
    if left:
        raise RedactionLeak(
            "脱敏后的文件中仍能读出以下被遮盖的内容，已拒绝生成：" + "、".join(left)
        )
