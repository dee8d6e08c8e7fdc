"""The charts' captions and their figures in words (for screen readers, the SVG <desc> and
Word's alt text), and whether a chart has data at all: a chart whose data is empty is left
out of the document. Kept apart from charts.py so that laying out a document (layout.py, also
for XLSX) does not load matplotlib."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import ExportInput

RECEIVED = ("received", "收到申请")
OUTCOMES = (
    ("granted", "予以公开"),
    ("partial", "部分公开"),
    ("denied", "不予公开"),
    ("unable", "无法提供"),
    ("not_processed", "不予处理"),
    ("other", "其他处理"),
)


def has_data(key: str, inp: ExportInput) -> bool:
    return bool(inp.history) if key == "applications" else bool(inp.channels)


def applications_caption(history) -> str:
    first, last = history[0][0], history[-1][0]
    years = f"{first}年" if first == last else f"{first}—{last}年"
    return f"{years}政府信息公开申请收到及办理情况（件）"


def channels_caption(year: int) -> str:
    return f"{year}年各渠道主动公开政府信息数量（条）"


def applications_description(history) -> str:
    labelled = (RECEIVED, *OUTCOMES)
    return (
        "；".join(
            f"{year}年" + "，".join(f"{label}{figures.get(key, 0)}件" for key, label in labelled)
            for year, figures in history
        )
        + "。"
    )


def channels_description(channels: dict[str, int]) -> str:
    return "；".join(f"{label}{count}条" for label, count in channels.items()) + "。"


def caption(key: str, inp: ExportInput) -> str:
    if key == "applications":
        return applications_caption(inp.history)
    return channels_caption(inp.report.year)


def describe(key: str, inp: ExportInput) -> str:
    if key == "applications":
        return applications_description(inp.history)
    return channels_description(inp.channels)
