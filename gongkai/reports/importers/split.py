"""Cutting flattened table rows back into cells.

A crawler or a PDF may run a row's cells together: `640020470` is 64|0|0|2|0|4|70. A row's text
gives a list of chunks (whatever whitespace or tabs still separate); each chunk holds one or more
whole cells. Numbers never start with 0 unless they are 0, and a decimal point never ends a cell,
which bounds the ways a chunk can be cut. Which cut is right is then decided by the table's
identities (`solve.py`); when more than one fits, the caller says so instead of guessing.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import product

TOKEN = re.compile(r"[+-]?\d+(?:\.\d+)?")
Cells = tuple  # tuple[int | Decimal | None, ...]


@cache
def cuts(chunk: str, k: int) -> tuple[tuple[str, ...], ...]:
    """Every way to cut `chunk` (digits, maybe one '.' per number, maybe a leading sign) into
    exactly k numbers."""
    if k == 0:
        return ((),) if chunk == "" else ()
    if not chunk:
        return ()
    results = []
    sign = chunk[0] if chunk[0] in "+-" else ""
    body = chunk[len(sign) :]
    for end in range(1, len(body) + 1):
        head = body[:end]
        if not _is_number(head) or (end < len(body) and body[end] == "."):
            continue
        for rest in cuts(body[end:], k - 1):
            results.append((sign + head, *rest))
    return tuple(results)


def _is_number(text: str) -> bool:
    if not re.fullmatch(r"\d+(?:\.\d+)?", text):
        return False
    whole = text.split(".")[0]
    return whole == "0" or not whole.startswith("0")


def _compositions(total: int, parts: int, limits: list[int]):
    """Ways to give each of `parts` chunks at least one cell, `total` in all."""
    if parts == 0:
        if total == 0:
            yield ()
        return
    for first in range(1, min(limits[0], total - parts + 1) + 1):
        for rest in _compositions(total - first, parts - 1, limits[1:]):
            yield (first, *rest)


def row_candidates(chunks: list[str], n: int, limit: int = 5000) -> list[tuple[str | None, ...]]:
    """Every reading of a row's chunks as n cells (strings; None = blank). With fewer numbers
    than cells and nothing to cut, some cells were left blank: every placement of the blanks is a
    candidate."""
    chunks = [c for c in chunks if c]
    if not chunks:
        return [(None,) * n]
    digits = [len(re.sub(r"[^\d]", "", c)) for c in chunks]
    found: list[tuple[str | None, ...]] = []
    seen = set()
    for sizes in _compositions(n, len(chunks), digits):
        options = [cuts(chunk, size) for chunk, size in zip(chunks, sizes, strict=True)]
        for combo in product(*options):
            cells = tuple(cell for part in combo for cell in part)
            if cells not in seen:
                seen.add(cells)
                found.append(cells)
                if len(found) >= limit:
                    return found
    if not found and len(chunks) < n and all(cuts(c, 1) for c in chunks):
        return _blanks(tuple(chunks), n)
    return found


def _blanks(values: tuple[str, ...], n: int) -> list[tuple[str | None, ...]]:
    from itertools import combinations

    result = []
    for positions in combinations(range(n), len(values)):
        cells: list[str | None] = [None] * n
        for position, value in zip(positions, values, strict=True):
            cells[position] = value
        result.append(tuple(cells))
    return result
