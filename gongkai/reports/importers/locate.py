"""Finding a format's row labels in a report's text and the cells that follow each of them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..formats.base import Format, Table
from ..formats.fj2008 import LABELS as FJ_LABELS
from .normalize import normalize

CJK = re.compile(r"[\u3400-\u9fff]")
NUMBERS = re.compile(r"[+-]?\d+(?:\.\d+)?")


def canon(text: str) -> str:
    """Normalised text for matching, same length as `normalize(text)`: 1、 → 1."""
    return re.sub(r"(\d)、", r"\1.", text)


def label_pattern(label: str) -> re.Pattern:
    """A label as printed, allowing whitespace anywhere inside it (crawlers and PDFs break
    lines and cells in the middle of words)."""
    text = re.sub(r"\s+", "", canon(normalize(label)))
    return re.compile(r"\s*".join(re.escape(ch) for ch in text))


def row_labels(fmt: Format, table: Table, row) -> list[str]:
    if fmt.id == "fj2008":
        return list(FJ_LABELS[row.key])
    labels = [row.label]
    if row.short_label:
        labels.append(row.short_label)
    return labels


@dataclass
class Found:
    row: str
    start: int
    end: int


def find_rows(fmt: Format, table: Table, text: str, start: int, stop: int) -> list[Found]:
    """Each row of the table found in text[start:stop], by position. Rows printed with the same
    label (gb2008's two "(二)被依法纠错数") take that label's occurrences in order."""
    taken: set[int] = set()
    found: list[Found] = []
    for row in table.cell_rows:
        best = None
        for label in row_labels(fmt, table, row):
            for match in label_pattern(label).finditer(text, start, stop):
                if match.start() in taken:
                    continue
                if best is None or match.start() < best.start():
                    best = match
                break
        if best is not None:
            taken.add(best.start())
            found.append(Found(row.key, best.start(), best.end()))
    found.sort(key=lambda f: f.start)
    # A longer label found inside another row's label is not a row of its own.
    kept: list[Found] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


def payload_chunks(segment: str) -> tuple[list[str], bool]:
    """The numbers after a label: (chunks, structured). Tab- or |-separated text is structured:
    each field is one cell ('' = blank). Otherwise whitespace-separated chunks, each of which
    may hold several cells run together. Reading stops at the first word after the numbers."""
    if "\t" in segment.split("\n", 1)[0] or segment.count("|") >= 2:
        line = segment.lstrip("\n").split("\n", 1)[0]
        fields = [f.strip() for f in re.split(r"[\t|]", line)]
        while fields and fields[0] == "":
            fields.pop(0)
        cells = []
        for field in fields:
            if field == "" or NUMBERS.fullmatch(field.replace(",", "")):
                cells.append(field.replace(",", ""))
            elif CJK.search(field) and not NUMBERS.search(field):
                if cells:
                    break
                continue  # the unit column (条, 件, ——)
            else:
                match = NUMBERS.search(field)
                cells.append(match.group(0) if match else "")
        while cells and cells[-1] == "":
            cells.pop()
        return cells, True
    chunks, started = [], False
    # A row's numbers share the line its label ends on, or (a long label in a PDF cell) fill
    # the next line on their own.
    first, _, rest = segment.partition("\n")
    following = rest.partition("\n")[0]
    if not NUMBERS.search(first) and NUMBERS.search(following) and not CJK.search(following):
        first = following
    segment = first
    for token in re.split(r"(\s+|[\u3400-\u9fff]+)", segment):
        if not token or token.isspace():
            continue
        if CJK.match(token):
            if started:
                break
            continue
        numbers = NUMBERS.findall(token.replace(",", ""))
        if numbers:
            started = True
            chunks.extend(numbers)
        elif started and token.strip("()（）.:、%") != "":
            break
    return chunks, False
