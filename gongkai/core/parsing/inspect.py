"""What is checked in an uploaded file before any library parses it: for a ZIP-based file
(Word, Excel, a ZIP) its directory, every part's first bytes (a nested archive, or XML that
declares a DTD) and any archive inside it, to the nesting limit; for a PDF its page tree.

Streaming and counted: nothing is expanded beyond the budget of `Limits.expanded_bytes`, an
archive inside an archive goes to a temporary file rather than memory, and the PDF page tree
is walked with a bound on the nodes visited (a tree can share or loop back to its nodes).
"""

from __future__ import annotations

import io
import tempfile
import zipfile
import zlib

from . import archive
from .archive import Budget
from .limits import MB, Limits, quoted, refuse
from .xml import PROLOG_BYTES, check_prolog

# A part that cannot be opened (encrypted, damaged, an unknown method) is left to the reader,
# which reports the file as damaged; only the limits are this module's business.
_UNREADABLE_PART = (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError)


def inspect(data: bytes, *, name: str, limits: Limits) -> None:
    """ParseRefused (naming the limit) if `data` is beyond a limit; None otherwise, also for a
    damaged file, which the reader then reports as damaged."""
    if archive.is_zip(data[:4]):
        budget = Budget("expanded_bytes", limits.expanded_bytes)
        _zip(io.BytesIO(data), name=name, prefix="", limits=limits, budget=budget, depth=1)
    elif data.startswith(b"%PDF-"):
        pdf_pages(data, name=name, limits=limits)


def _zip(file, *, name: str, prefix: str, limits: Limits, budget: Budget, depth: int) -> None:
    """The ZIP in `file`: the upload `name` itself, or the part `prefix` (ending in /) of it."""
    entries = archive.read_directory(file, name=name, limits=limits)
    if entries is None:
        return
    if prefix:  # messages name the upload, and the part inside it by its path
        entries = [archive.Entry(prefix + e.name, e.compressed, e.size) for e in entries]
    archive.check(entries, name=name, limits=limits, budget=budget)
    try:
        package = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    with package:
        for info in package.infolist():
            if info.is_dir() or not info.file_size:
                continue
            try:
                with package.open(info) as part:
                    head = part.read(PROLOG_BYTES)
            except _UNREADABLE_PART:
                continue
            member = prefix + info.filename
            if not archive.is_zip(head):
                check_prolog(head, name=name, member=member)
                continue
            if depth >= limits.depth:
                found = f"是第{depth + 1}层压缩包"
                raise refuse("depth", quoted(name, member), found, f"{limits.depth}层")
            with tempfile.SpooledTemporaryFile(max_size=4 * MB) as nested:
                try:
                    archive.expand(package, info, nested, name=name)
                except _UNREADABLE_PART:
                    continue
                nested.seek(0)
                inner = {"prefix": member + "/", "limits": limits, "budget": budget}
                _zip(nested, name=name, depth=depth + 1, **inner)


def pdf_pages(data: bytes, *, name: str, limits: Limits) -> None:
    """Refuse a PDF with more pages than the limit, counted in its page tree (the /Count it
    declares can lie), visiting at most a bounded number of tree nodes."""
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return  # the reader reports an encrypted file
        root = reader.trailer["/Root"].get_object()
        tree = root["/Pages"].get_object()
    except MemoryError:
        raise
    except Exception:  # a damaged PDF: the reader reports it
        return

    def too_many(count):
        return refuse("pdf_pages", quoted(name), f"有{count}页以上", f"{limits.pdf_pages}页")

    declared = tree.get("/Count")
    if isinstance(declared, int) and declared > limits.pdf_pages:
        raise too_many(declared)
    pages, visits, stack = 0, 0, [tree]
    while stack:
        visits += 1
        if visits > 2 * limits.pdf_pages + 100:  # more nodes than any tree of so many pages
            raise too_many(limits.pdf_pages)
        try:
            node = stack.pop().get_object()
            kids = node.get("/Kids") if isinstance(node, DictionaryObject) else None
            kids = list(kids.get_object()) if kids is not None else None
        except MemoryError:
            raise
        except Exception:
            continue
        if kids is None:
            pages += 1
            if pages > limits.pdf_pages:
                raise too_many(limits.pdf_pages)
        else:
            stack.extend(reversed(kids))
