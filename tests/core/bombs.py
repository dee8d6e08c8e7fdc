"""Files built to exhaust a server that reads them naively, made in a fraction of a second, and a
way to measure what refusing them cost (wall time, and peak memory of this process and of every
child process core.parsing started).

A deflate stream can repeat a segment that ends with a full flush: the segment starts from an
empty dictionary and a byte boundary, so N copies expand to N times its content. That gives a
valid 200 MB document.xml in ~200 KB without compressing 200 MB in the test.
"""

from __future__ import annotations

import contextlib
import io
import struct
import time
import zipfile
import zlib
from dataclasses import dataclass, field

import docx
import openpyxl

from gongkai.core.parsing import sandbox

MB = 1024 * 1024


# Writing ZIP files from precompressed parts --------------------------------------------------


@dataclass
class Part:
    name: str
    compressed: bytes
    size: int
    crc: int
    method: int = zipfile.ZIP_DEFLATED
    declared_size: int | None = None  # what the directory says, if it is to lie


def stored(name: str, data: bytes) -> Part:
    return Part(name, data, len(data), zlib.crc32(data), zipfile.ZIP_STORED)


def deflated(name: str, data: bytes) -> Part:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return Part(name, packer.compress(data) + packer.flush(), len(data), zlib.crc32(data))


def repeated(name: str, head: bytes, middle: bytes, copies: int, tail: bytes) -> Part:
    """head + middle * copies + tail, deflated without ever holding it expanded."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    segment = packer.compress(middle) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.compress(tail) + packer.flush()
    crc = zlib.crc32(head)
    for _ in range(copies):
        crc = zlib.crc32(middle, crc)
    crc = zlib.crc32(tail, crc)
    size = len(head) + len(middle) * copies + len(tail)
    return Part(name, start + segment * copies + end, size, crc)


def write_zip(parts: list[Part]) -> bytes:
    out, directory = io.BytesIO(), io.BytesIO()
    for part in parts:
        name = part.name.encode()
        offset = out.tell()
        size = part.size if part.declared_size is None else part.declared_size
        fields = (20, 0x800, part.method, 0, 0x21, part.crc, len(part.compressed), size)
        out.write(struct.pack("<4s5HL2L2H", b"PK\x03\x04", *fields, len(name), 0) + name)
        out.write(part.compressed)
        directory.write(
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                20,
                3,
                20,
                0,
                0x800,
                part.method,
                0,
                0x21,
                part.crc,
                len(part.compressed),
                size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + name
        )
    start, listing = out.tell(), directory.getvalue()
    out.write(listing)
    count = len(parts)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(listing), start, 0))
    return out.getvalue()


def replaced(package: bytes, *parts: Part) -> bytes:
    """A real Word or Excel file with the parts of the same names replaced, or added."""
    wanted = {part.name: part for part in parts}
    result = []
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        for info in source.infolist():
            if info.filename in wanted:
                result.append(wanted.pop(info.filename))
            else:
                result.append(deflated(info.filename, source.read(info)))
    return write_zip(result + list(wanted.values()))


# Real documents to start from ----------------------------------------------------------------


def word_file(text: str = "正常的文件") -> bytes:
    document = docx.Document()
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def excel_file(header=("项目名称",), rows=()) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.properties.creator = None
    workbook.active.append(list(header))
    for row in rows:
        workbook.active.append(list(row))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# The bombs -----------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def huge_document_part(megabytes: int = 200) -> Part:
    """word/document.xml of `megabytes` of paragraphs, ~1000 times compressed."""
    paragraph = b"<w:p><w:r><w:t>\xe5\x85\xac\xe5\xbc\x80</w:t></w:r></w:p>"  # 公开
    middle = paragraph * (MB // len(paragraph))
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
    tail = b"</w:body></w:document>"
    return repeated("word/document.xml", head, middle, megabytes, tail)


def docx_bomb(megabytes: int = 200) -> bytes:
    """A Word file of ~200 KB whose document.xml expands to 200 MB (issue 15's 179 KB file)."""
    return replaced(word_file(), huge_document_part(megabytes))


def xlsx_bomb(megabytes: int = 200) -> bytes:
    """An Excel file whose first sheet's XML expands to 200 MB of rows."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    head = f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>'.encode()
    sheet = repeated(
        "xl/worksheets/sheet1.xml",
        head,
        row * (MB // len(row)),
        megabytes,
        b"</sheetData></worksheet>",
    )
    return replaced(excel_file(), sheet)


def zip_bomb(name: str = "附件.pdf", megabytes: int = 49) -> bytes:
    """A ZIP of attachments whose one member expands to just under the attachment limit (the
    48 KB ZIP of issue 15 that cost 429 MB when named in 8 rows)."""
    member = repeated(name, b"%PDF-1.4\n", b"\0" * MB, megabytes, b"%%EOF\n")
    return write_zip([member])


def nested_zip(levels: int, inner: bytes = b"payload") -> bytes:
    """A ZIP inside a ZIP … `levels` deep (the innermost holds `inner`)."""
    data = write_zip([deflated("payload.txt", inner)])
    for level in range(levels - 1):
        data = write_zip([stored(f"level{levels - level - 1}.zip", data)])
    return data


def docx_with_nested_zips(levels: int) -> bytes:
    """A Word file carrying archives `levels` deep as an embedded object (the Word file is the
    first level)."""
    nested = nested_zip(levels - 1)
    return replaced(word_file(), stored("word/embeddings/package.zip", nested))


def billion_laughs(root: str) -> bytes:
    """XML declaring ten entities of ten of the previous one: one reference expands to 10^9."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    )
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{entities}]>'.encode()


def docx_laughs() -> bytes:
    body = f"<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    document = billion_laughs("w:document") + body.encode()
    return replaced(word_file(), deflated("word/document.xml", document))


def xlsx_laughs() -> bytes:
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = (
        billion_laughs("worksheet")
        + (
            f'<worksheet {ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t>'
            "</is></c></row></sheetData></worksheet>"
        ).encode()
    )
    return replaced(excel_file(), deflated("xl/worksheets/sheet1.xml", sheet))


def pdf_with_pages(fanout: int = 10, depth: int = 6, declared: int | None = 1) -> bytes:
    """A PDF whose page tree has fanout**depth pages (a million by default) in under 1 KB: each
    level's node lists the next level's one node `fanout` times. Its /Count says `declared`."""
    objects = {1: "<< /Type /Catalog /Pages 2 0 R >>"}
    leaf = 2 + depth
    for level in range(depth):
        number, child = 2 + level, 3 + level
        count = declared if (level == 0 and declared is not None) else fanout ** (depth - level)
        kids = " ".join([f"{child} 0 R"] * fanout)
        parent = f" /Parent {number - 1} 0 R" if level else ""
        objects[number] = f"<< /Type /Pages /Kids [{kids}] /Count {count}{parent} >>"
    objects[leaf] = f"<< /Type /Page /Parent {leaf - 1} 0 R /MediaBox [0 0 595 842] >>"
    return _pdf(objects)


def plain_pdf(pages: int) -> bytes:
    """An honest PDF of `pages` blank pages."""
    kids = " ".join(f"{3 + n} 0 R" for n in range(pages))
    objects = {
        1: "<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>",
    }
    for n in range(pages):
        objects[3 + n] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    return _pdf(objects)


def _pdf(objects: dict[int, str]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = out.tell()
        out.write(f"{number} 0 obj\n{objects[number]}\nendobj\n".encode())
    start = out.tell()
    size = max(objects) + 1
    out.write(f"xref\n0 {size}\n0000000000 65535 f \n".encode())
    for number in range(1, size):
        out.write(f"{offsets[number]:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n".encode())
    return out.getvalue()


# Measuring -----------------------------------------------------------------------------------


@dataclass
class Cost:
    seconds: float = 0.0
    parent_bytes: int = 0  # this process's peak beyond what it held before
    child_bytes: int = 0  # the largest peak of a reading child beyond what it started with
    runs: list = field(default_factory=list)

    @property
    def extra_bytes(self) -> int:
        return self.parent_bytes + self.child_bytes


def _status(key: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise LookupError(key)


@contextlib.contextmanager
def measured():
    """What the block cost: wall time; this process's peak resident memory beyond where it
    started (the kernel's high-water mark, reset first through /proc/self/clear_refs); and each
    reading child's peak beyond the pages it shares with this process (its own getrusage
    ru_maxrss, which os.wait4 returns)."""
    import gc
    import resource

    gc.collect()
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")  # the high-water mark starts again from the current size
        before, peak = _status("VmRSS"), lambda: _status("VmHWM")
    except OSError:  # no /proc: the lifetime peak can only show growth beyond it
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        peak = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # noqa: E731
    cost = Cost()
    start = time.monotonic()
    with sandbox.recorded() as runs:
        yield cost
    cost.seconds = time.monotonic() - start
    cost.parent_bytes = max(0, peak() - before)
    cost.runs = list(runs)
    cost.child_bytes = max((run.extra_bytes for run in runs), default=0)


def assert_cheap(cost: Cost, *, seconds: float = 5, megabytes: int = 200) -> None:
    assert cost.seconds < seconds, f"took {cost.seconds:.1f} s"
    assert cost.extra_bytes < megabytes * MB, (
        f"used {cost.parent_bytes / MB:.0f} MB in this process and "
        f"{cost.child_bytes / MB:.0f} MB in a reading process"
    )
