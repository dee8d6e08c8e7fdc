"""The annual report as files: JSON (the data), XLSX (tables with live totals), DOCX (the
document to edit and sign), HTML (standalone, or a fragment for the portal page) and PDF.

    body = export(ExportInput(report=data, title=..., narrative={...}), "docx")

All of them lay the report out the same way (layout.py); docs/report_exports.md describes
what each file contains.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from ..document import ReportData


@dataclass
class ExportInput:
    report: ReportData
    title: str  # 商丘市工业和信息化委员会2017年政府信息公开工作年度报告
    # Section key (Format.sections[i].key) → text, paragraphs separated by "\n". The key
    # "intro" (layout.INTRO_KEY) holds an opening paragraph printed before the first section.
    narrative: dict[str, str]
    # Ascending years including the report year: (year, {"received", "granted", "partial",
    # "denied", "unable", "not_processed", "other"}); empty: no chart.
    history: list[tuple[int, dict[str, int]]] = field(default_factory=list)
    channels: dict[str, int] = field(default_factory=dict)  # channel label → items published
    signatures: dict[str, str] = field(default_factory=dict)  # 单位负责人/审核人/填报人 (gb2008)
    status_note: str = ""  # "草稿" on drafts; empty on the final report


# kind → module with `render(inp) -> bytes`; modules load on use (WeasyPrint and matplotlib
# take a while to import and most requests need neither).
RENDERERS = {
    "json": "json_export",
    "xlsx": "xlsx",
    "docx": "docx",
    "pdf": "pdf",
    "html": "html",
}
EXTENSIONS = {f".{kind}": kind for kind in RENDERERS}
CONTENT_TYPES = {
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def export(inp: ExportInput, kind: str) -> bytes:
    module = RENDERERS.get(kind)
    if module is None:
        raise ValueError(f"不支持的导出格式“{kind}”：可用 {'、'.join(RENDERERS)}。")
    return import_module(f"{__name__}.{module}").render(inp)


def render_fragment(inp: ExportInput) -> str:
    """The report's body as HTML for embedding in a portal page (no <html>, no inline
    styles or scripts; the page links static reports/report.css)."""
    from .html import render_fragment as fragment

    return fragment(inp)


__all__ = ["CONTENT_TYPES", "EXTENSIONS", "ExportInput", "export", "render_fragment"]
