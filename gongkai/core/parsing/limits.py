"""The limits on reading an untrusted file, and the error that names the one exceeded.

Defaults here; a deployment changes any of them in `GONGKAI_PARSE_LIMITS` (a dict with the
field names below; docs/uploads.md explains each one for administrators).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..errors import UploadRejected

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # A Word or Excel file's parts, uncompressed, added up (archives inside it included).
    expanded_bytes: int = 256 * MB
    # A ZIP of attachments for a catalogue import, uncompressed, added up.
    archive_expanded_bytes: int = 2048 * MB
    # Uncompressed : compressed size of any part of at least `ratio_floor_bytes`. Office XML
    # compresses 5-20 times; a zip bomb about 1000 times.
    ratio: int = 200
    ratio_floor_bytes: int = 1 * MB
    # Parts of one file, or files in one ZIP.
    entries: int = 20_000
    # Archives inside archives: a Word file (1) with an embedded workbook (2) inside a ZIP (3).
    depth: int = 3
    pdf_pages: int = 5_000
    # Wall-clock time and memory of the process that reads one file (see sandbox.py).
    seconds: float = 30
    memory_bytes: int = 512 * MB
    # False: read in the web process itself (only the checks before reading protect it).
    isolate: bool = True

    @classmethod
    def current(cls) -> Limits:
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured

        configured = dict(getattr(settings, "GONGKAI_PARSE_LIMITS", None) or {})
        unknown = set(configured) - {f.name for f in fields(cls)}
        if unknown:
            raise ImproperlyConfigured(
                f"GONGKAI_PARSE_LIMITS has unknown keys: {', '.join(sorted(unknown))}"
            )
        return cls(**configured)


# The API code of each limit (the `code` of the JSON error) and its name for people.
CODES = {
    "expanded_bytes": "upload_too_large_expanded",
    "archive_expanded_bytes": "upload_too_large_expanded",
    "ratio": "upload_compression_ratio",
    "entries": "upload_too_many_entries",
    "depth": "upload_nested_too_deep",
    "xml_entities": "upload_xml_entities",
    "pdf_pages": "upload_too_many_pages",
    "seconds": "upload_parse_timeout",
    "memory_bytes": "upload_parse_memory",
}
LABELS = {
    "expanded_bytes": "解压后大小上限",
    "archive_expanded_bytes": "压缩包解压后大小上限",
    "ratio": "压缩比上限",
    "entries": "文件数上限",
    "depth": "嵌套层数上限",
    "xml_entities": "XML实体声明禁令",
    "pdf_pages": "页数上限",
    "seconds": "读取时间上限",
    "memory_bytes": "读取内存上限",
}


class ParseRefused(UploadRejected):
    """A file beyond one of the limits; `limit` is the field of `Limits` (or `xml_entities`).
    Nothing was read past the limit and nothing is kept."""

    def __init__(self, message: str, *, limit: str):
        super().__init__(message, code=CODES[limit])
        self.limit = limit


def size(n: float) -> str:
    """1536 -> '1.5KB', 300*MB -> '300MB', for messages."""
    for unit, factor in (("GB", 1024 * MB), ("MB", MB), ("KB", 1024)):
        if n >= factor:
            value = n / factor
            return (
                f"{value:.0f}{unit}" if value >= 10 or value.is_integer() else f"{value:.1f}{unit}"
            )
    return f"{int(n)}字节"


def refuse(limit: str, what: str, found: str, allowed: str) -> ParseRefused:
    """'“a.docx”解压后为1.2GB，超过解压后大小上限（256MB）。' and the code of the limit."""
    return ParseRefused(f"{what}{found}，超过{LABELS[limit]}（{allowed}）。", limit=limit)


def quoted(name: str, member: str = "") -> str:
    return f"“{name}”" + (f"中的“{member}”" if member else "")
