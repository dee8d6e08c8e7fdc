"""What a reviewer must see in a file before it is released: hidden sheets, rows and columns,
comments, tracked changes, hidden text, document properties, PDF annotations and attachments;
what a fake redaction leaves (text under a box, dark highlight, filled shapes over text); ID
numbers, mobile numbers and 个体工商户 credit codes in any text of the file.

kinds.py says which findings block a release (`BLOCKING`, `blocks`) and names them (`label`).

Functions over bytes (no database), one module per kind of file. `check_file` and
`strip_metadata` read the file through core.parsing, in a child process within the limits on
uploaded files: a file beyond a limit raises ParseRefused instead of giving findings.
`strip_metadata` clears document properties only: comments and tracked changes are content,
and removing them silently would hide exactly what the reviewer is meant to decide on.

What the check cannot see, and staff must (docs should say so): text inside pictures and
scanned pages (no OCR: scanned PDF pages get a `scanned_page` notice); names, addresses and
other personal data that are not one of the three numbers; formatting that comes from styles,
table styles, themes or conditional formats (only direct formatting is read); text moved off
the page or drawn tiny in a PDF (tiny text in Word is found); a white box drawn over a scanned
image (only dark boxes on images are looked at); the inside of embedded objects and
attachments (reported, not opened); old .doc/.xls files (`unsupported`).
"""

import io

from .. import parsing
from ..errors import DomainError
from ..uploads import DOCX, JPEG, PDF, PNG, XLSX, sniff
from .common import Finding
from .excel import check_xlsx
from .images import check_image
from .kinds import BLOCKING, blocks, label
from .pdf import check_pdf
from .strip import strip_ooxml, strip_pdf
from .word import check_docx

__all__ = [
    "BLOCKING",
    "Finding",
    "blocks",
    "check_file",
    "findings_of",
    "label",
    "strip_metadata",
]


def check_file(data: bytes, filename: str) -> list[Finding]:
    """Everything in the file a reviewer should look at before it is released."""
    return parsing.read(data, filename, findings_of, filename)


def findings_of(data: bytes, filename: str) -> list[Finding]:
    """`check_file` in this process: for a reader already running under core.parsing."""
    kind = sniff(data[:16], io.BytesIO(data))
    checker = {DOCX: check_docx, XLSX: check_xlsx, PDF: check_pdf}.get(kind)
    checker = checker or (check_image if kind in (JPEG, PNG) else None)
    if checker is None:
        message = (
            f"无法检查“{filename}”中的隐藏内容：只支持Word（.docx）、Excel（.xlsx）、PDF和"
            "图片文件，旧版.doc/.xls文件请另存为新格式后再检查。"
        )
        return [Finding("unsupported", filename, message)]
    try:
        return checker(data)
    except Exception as error:  # any parser error means the same thing to the reviewer
        parsing.reraise_limits(error)  # but a file beyond a limit is refused, not "damaged"
        message = f"“{filename}”已损坏或格式异常，无法检查其中的隐藏内容。"
        return [Finding("unreadable", filename, message)]


def strip_metadata(data: bytes, filename: str) -> bytes:
    """The same file without its document properties (author, last editor, company …)."""
    kind = sniff(data[:16], io.BytesIO(data))
    if kind in (DOCX, XLSX):
        return parsing.read(data, filename, strip_ooxml)
    if kind is PDF:
        return parsing.read(data, filename, strip_pdf)
    raise DomainError(
        f"不能清除“{filename}”的文档属性：只支持Word（.docx）、Excel（.xlsx）和PDF文件。",
        code="strip_unsupported",
    )
