"""Which format, year and agency a report's text is."""

from __future__ import annotations

import re

from ..formats import FORMATS
from ..formats.base import Format
from .locate import label_pattern, row_labels

MIN_LABELS = 5  # fewer rows found than this: the text has no statistics table
TITLE = re.compile(
    r"([\u3400-\u9fff()]{2,40}?)\s*((?:19|20)\d\d)\s*年\s*度?\s*(?:政\s*府\s*)?信\s*息\s*公\s*开"
    r"\s*(?:工\s*作\s*)?(?:年\s*度\s*)?报\s*告"
)
PERIOD = re.compile(r"统计期限自\s*((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日")
PREFIXES = ("当前位置:", "首页", "附件1:", "附件:")


def _labels(fmt: Format) -> set[str]:
    labels = set()
    for table in fmt.tables:
        for row in table.cell_rows:
            labels.update(label for label in row_labels(fmt, table, row) if len(label) >= 4)
        labels.update(c.label for c in table.columns if len(c.label) >= 4)
    return labels


def detect_format(text: str) -> tuple[Format | None, int]:
    """The format whose row and column labels the text holds most of (None: no table)."""
    best, best_count = None, 0
    for fmt in FORMATS.values():
        count = sum(1 for label in _labels(fmt) if label_pattern(label).search(text))
        if count > best_count:
            best, best_count = fmt, count
    return (best, best_count) if best_count >= MIN_LABELS else (None, best_count)


def detect_year(text: str) -> int | None:
    for pattern in (TITLE, PERIOD):
        match = pattern.search(text)
        if match:
            return int(match.group(2) if pattern is TITLE else match.group(1))
    return None


def detect_agency(text: str) -> str:
    match = TITLE.search(text)
    if not match:
        return ""
    name = match.group(1)
    for prefix in PREFIXES:
        name = name.split(prefix)[-1]
    return name.strip()
