"""Upload checks shared by every app: size, real file type (by content, not by name) and, for
Word and Excel files, what their parts expand to (core.parsing reads only the ZIP directory)."""

from dataclasses import dataclass

from django.conf import settings

from . import parsing
from .errors import UploadRejected


@dataclass(frozen=True)
class FileKind:
    extension: str
    label: str
    content_type: str


PDF = FileKind("pdf", "PDF", "application/pdf")
JPEG = FileKind("jpg", "JPEG 图片", "image/jpeg")
PNG = FileKind("png", "PNG 图片", "image/png")
DOCX = FileKind(
    "docx", "Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
XLSX = FileKind(
    "xlsx", "Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
ALL_KINDS = (PDF, JPEG, PNG, DOCX, XLSX)


def sniff(head: bytes, file) -> FileKind | None:
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        file.seek(0)
        names = parsing.zip_names(file, name=getattr(file, "name", "") or "文件") or set()
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def check_upload(file, *, allowed=ALL_KINDS, max_bytes: int | None = None) -> FileKind:
    """The file's real kind, or UploadRejected saying exactly why (ParseRefused, naming the
    limit, for a Word or Excel file that would expand too far). Reads only headers."""
    max_bytes = max_bytes or settings.GONGKAI_MAX_UPLOAD_BYTES
    name = getattr(file, "name", "") or "文件"
    if file.size == 0:
        raise UploadRejected(f"“{name}”是空文件。", code="upload_empty")
    if file.size > max_bytes:
        raise UploadRejected(
            f"“{name}”大小为{file.size / 1024 / 1024:.1f}MB，超过{max_bytes // 1024 // 1024}MB的上限。",
            code="upload_too_large",
        )
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    kind = sniff(head, file)
    if kind is None or kind not in allowed:
        labels = "、".join(k.label for k in allowed)
        raise UploadRejected(
            f"“{name}”不是允许的文件类型（只接受{labels}），或文件已损坏。", code="upload_type"
        )
    extensions = {kind.extension, "jpeg"} if kind is JPEG else {kind.extension}
    if name.rsplit(".", 1)[-1].lower() not in extensions:
        raise UploadRejected(
            f"“{name}”的扩展名与实际内容（{kind.label}）不符。", code="upload_extension"
        )
    if kind in (DOCX, XLSX):  # a zip bomb is refused here, before anything is expanded
        parsing.check_directory(file, name=name)
    return kind
