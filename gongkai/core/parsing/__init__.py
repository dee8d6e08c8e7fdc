"""The one way the platform reads a file someone gave it: within limits, away from the web worker.

Every upload and import passes through here before a library parses it:

- `check_upload` (core/uploads.py) reads a ZIP-based file's directory with `zip_entries` and
  `check_directory`, in the web process, without expanding anything: the number of parts,
  what they expand to, and how well each part compresses (the ratio of a zip bomb).
- `read(data, name, reader)` calls `reader(data)` in a child process with its own memory and
  time limits (sandbox.py), after `inspect` has walked the whole file: nested archives to the
  depth limit, XML parts that declare a DTD (entity expansion), a PDF's page tree.
- `open_archive` opens a ZIP of attachments once; each member is expanded when asked for, and
  counted while it is (archive.py).

Exceeding a limit raises ParseRefused (an UploadRejected, so a DomainError): a Chinese message
naming the limit, a code per limit for the API (`upload_too_large_expanded` …). The limits are
`Limits` (limits.py), set in settings.GONGKAI_PARSE_LIMITS; docs/uploads.md explains them.
"""

from __future__ import annotations

from . import sandbox
from .archive import Archive, Budget, check, read_directory
from .inspect import inspect
from .limits import CODES, Limits, ParseRefused
from .xml import parse as parse_xml

__all__ = [
    "CODES",
    "Archive",
    "Limits",
    "ParseRefused",
    "check_directory",
    "inspect",
    "open_archive",
    "parse_xml",
    "read",
    "reraise_limits",
    "zip_names",
]

_inspected: set[int] = set()  # in a child: the data `read` has inspected already


def read(data: bytes, name: str, reader, *args, limits: Limits | None = None):
    """`reader(data, *args)` on an untrusted file, once `inspect` passes it, in a child process
    bounded in memory and time. Exceptions raised by the reader reach the caller unchanged."""
    limits = limits or Limits.current()
    return sandbox.run(_inspect_then, data, name, limits, reader, args, name=name, limits=limits)


def _inspect_then(data: bytes, name: str, limits: Limits, reader, args):
    if id(data) not in _inspected:  # a reader called by a reader inspects once
        inspect(data, name=name, limits=limits)
        if sandbox.inside():  # a child is short-lived: `data` lives as long as it
            _inspected.add(id(data))
    return reader(data, *args)


def check_directory(file, *, name: str, limits: Limits | None = None) -> list | None:
    """The entries of a ZIP-based upload (None if it is not a ZIP), refused if there are too
    many, they expand beyond `expanded_bytes` or one compresses beyond `ratio`. Reads only the
    directory; cheap enough for the web process."""
    limits = limits or Limits.current()
    entries = read_directory(file, name=name, limits=limits)
    if entries is not None:
        check(
            entries,
            name=name,
            limits=limits,
            budget=Budget("expanded_bytes", limits.expanded_bytes),
        )
    return entries


def zip_names(file, *, name: str = "文件") -> set[str] | None:
    """The part names of a ZIP-based file, or None if it is not a readable ZIP."""
    entries = read_directory(file, name=name, limits=Limits.current())
    return None if entries is None else {entry.name for entry in entries}


def open_archive(file, *, name: str, limits: Limits | None = None) -> Archive:
    """A ZIP of attachments (a catalogue import's), opened once for the whole import."""
    return Archive(file, name=name, limits=limits)


# libxml2 reports running out of memory, and its own limits, as syntax errors.
_XML_LIMIT_MESSAGES = ("Memory allocation failed", "amplification", "huge text node")


def reraise_limits(error: BaseException) -> None:
    """For a reader that reports damaged files instead of raising: re-raise `error` if it is a
    limit (ParseRefused, or memory running out) rather than damage."""
    if isinstance(error, ParseRefused | MemoryError):
        raise error
    if any(text in str(error) for text in _XML_LIMIT_MESSAGES):
        raise MemoryError(str(error)) from error
