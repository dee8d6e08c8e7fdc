"""ZIP files (and Word and Excel files, which are ZIP files) checked before they are expanded.

`read_directory` walks the central directory itself, entry by entry, and stops at the entry
limit: `zipfile.ZipFile` would first build an object for every entry, and a 20 MB upload can
declare a million of them. The sizes it finds are what each part says it expands to; `check`
refuses a file whose parts add up to too much or compress suspiciously well. Headers can lie:
`zipfile` never expands a part beyond the size its directory entry states (it stops there and
the checksum fails), and `Archive.read` counts what it expands against the same numbers.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

from .limits import Limits, ParseRefused, quoted, refuse, size

_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record
_EOCD64_LOCATOR = struct.Struct("<4sLQL")
_EOCD64 = struct.Struct("<4sQ2H2L4Q")
_ENTRY = struct.Struct("<4s4B4HL2L5H2L")  # central directory file header
_MAX_COMMENT = 65535
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Entry:
    name: str
    compressed: int
    size: int  # as the directory states it


class Budget:
    """Expanded bytes allowed for one file, shared by archives nested inside it."""

    def __init__(self, limit: str, allowed: int):
        self.limit, self.allowed, self.spent = limit, allowed, 0

    def spend(self, amount: int, what: str) -> None:
        self.spent += amount
        if self.spent > self.allowed:
            raise refuse(self.limit, what, f"解压后为{size(self.spent)}以上", size(self.allowed))


def is_zip(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04")


def read_directory(file, *, name: str, limits: Limits) -> list[Entry] | None:
    """The entries of the ZIP in `file` (bytes or a seekable binary file), or None if it is not
    a readable ZIP. ParseRefused past `limits.entries`."""
    file = io.BytesIO(file) if isinstance(file, bytes | bytearray | memoryview) else file
    start = file.tell()
    try:
        return _entries(file, name, limits)
    except (struct.error, ValueError, OSError):
        return None
    finally:
        file.seek(start)


def _entries(file, name: str, limits: Limits) -> list[Entry] | None:
    file.seek(0, io.SEEK_END)
    length = file.tell()
    tail_at = max(0, length - _EOCD.size - _MAX_COMMENT)
    file.seek(tail_at)
    tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _EOCD.size:
        return None
    eocd_at = tail_at + at
    (_sig, _disk, _cd_disk, _n_disk, count, cd_size, cd_offset, _comment) = _EOCD.unpack_from(
        tail, at
    )
    end_of_directory = eocd_at
    if count == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF:  # ZIP64
        locator_at = at - _EOCD64_LOCATOR.size
        if locator_at < 0:
            return None
        sig, _disk, record_at, _disks = _EOCD64_LOCATOR.unpack_from(tail, locator_at)
        if sig != b"PK\x06\x07":
            return None
        file.seek(record_at)
        record = file.read(_EOCD64.size)
        if len(record) < _EOCD64.size or not record.startswith(b"PK\x06\x06"):
            return None
        (*_head, count, cd_size, cd_offset) = _EOCD64.unpack(record)
        end_of_directory = record_at
    # Data before the archive (a self-extracting stub) moves every offset, as zipfile allows.
    directory_at = end_of_directory - cd_size
    if directory_at < 0 or cd_offset > directory_at:
        return None
    if count > limits.entries:
        raise _too_many(name, limits)
    entries: list[Entry] = []
    file.seek(directory_at)
    position = 0
    while position < cd_size:
        header = file.read(_ENTRY.size)
        if len(header) < _ENTRY.size or not header.startswith(b"PK\x01\x02"):
            return None
        fields = _ENTRY.unpack(header)
        flags, compressed, expanded = fields[5], fields[10], fields[11]
        name_length, extra_length, comment_length = fields[12], fields[13], fields[14]
        raw_name = file.read(name_length)
        extra = file.read(extra_length)
        file.seek(comment_length, io.SEEK_CUR)
        position += _ENTRY.size + name_length + extra_length + comment_length
        if len(entries) == limits.entries:
            raise _too_many(name, limits)
        if 0xFFFFFFFF in (compressed, expanded):
            expanded, compressed = _zip64_sizes(extra, expanded, compressed)
        encoding = "utf-8" if flags & 0x800 else "cp437"  # as zipfile names them
        entries.append(Entry(raw_name.decode(encoding, "replace"), compressed, expanded))
    return entries


def _zip64_sizes(extra: bytes, expanded: int, compressed: int) -> tuple[int, int]:
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<2H", extra, at)
        if kind == 1:
            values = list(struct.unpack_from(f"<{length // 8}Q", extra, at + 4))
            if expanded == 0xFFFFFFFF and values:
                expanded = values.pop(0)
            if compressed == 0xFFFFFFFF and values:
                compressed = values.pop(0)
            break
        at += 4 + length
    return expanded, compressed


def _too_many(name: str, limits: Limits) -> ParseRefused:
    return refuse(
        "entries", quoted(name), f"包含{limits.entries}个以上的文件", f"{limits.entries}个"
    )


def check(entries: list[Entry], *, name: str, limits: Limits, budget: Budget) -> None:
    """Refuse a directory whose parts expand beyond the budget, or any part of which
    compresses better than the ratio limit allows."""
    for entry in entries:
        if entry.size >= limits.ratio_floor_bytes and entry.size > limits.ratio * max(
            entry.compressed, 1
        ):
            ratio = entry.size // max(entry.compressed, 1)
            raise refuse(
                "ratio", quoted(name, entry.name), f"的压缩比为{ratio}:1", f"{limits.ratio}:1"
            )
    budget.spend(sum(entry.size for entry in entries), quoted(name))


class Archive:
    """A ZIP of files, opened once: its directory checked before anything is expanded, each
    member expanded only when asked for and counted while it is. Has the part of zipfile's
    interface the importers use (namelist, getinfo, read); zipfile.BadZipFile if `file` is not
    a ZIP, ParseRefused past a limit."""

    def __init__(self, file, *, name: str, limits: Limits | None = None):
        self.name, self.limits = name, limits or Limits.current()
        entries = read_directory(file, name=name, limits=self.limits)
        if entries is None:
            raise _not_a_zip(name)
        budget = Budget("archive_expanded_bytes", self.limits.archive_expanded_bytes)
        check(entries, name=name, limits=self.limits, budget=budget)
        try:
            self.zip = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, ValueError, OSError):
            raise _not_a_zip(name) from None

    def namelist(self) -> list[str]:
        return self.zip.namelist()

    def getinfo(self, member: str) -> zipfile.ZipInfo:
        return self.zip.getinfo(member)

    def read(self, member: str) -> bytes:
        out = io.BytesIO()
        expand(self.zip, self.zip.getinfo(member), out, name=self.name)
        return out.getvalue()

    def close(self) -> None:
        self.zip.close()


def expand(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out, *, name: str) -> int:
    """Copy a member into `out` in chunks, refusing it the moment it expands beyond the size
    its directory entry states (zipfile stops there too; this does not rely on it)."""
    written = 0
    with archive.open(info) as source:
        while chunk := source.read(CHUNK):
            written += len(chunk)
            if written > info.file_size:
                raise ParseRefused(
                    f"{quoted(name, info.filename)}解压后超过其目录中声明的大小"
                    f"（{size(info.file_size)}），文件可能被篡改。",
                    limit="expanded_bytes",
                )
            out.write(chunk)
    return written


def _not_a_zip(name: str) -> zipfile.BadZipFile:
    return zipfile.BadZipFile(f"{name} is not a ZIP file")  # as zipfile.ZipFile raises it
