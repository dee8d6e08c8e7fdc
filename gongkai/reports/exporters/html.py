"""The report as HTML: a standalone document (the CSS inlined, nothing fetched: it opens from
a download and WeasyPrint renders it to PDF), and the same body as a fragment for the portal's
report page, which links the stylesheet instead (its CSP allows no inline styles)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from . import charts
from .layout import ReportLayout, build_layout

if TYPE_CHECKING:
    from . import ExportInput

STYLESHEET = "reports/report.css"
BODY_TEMPLATE = "reports/export/body.html"
DOCUMENT_TEMPLATE = "reports/export/document.html"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    """report.css, found like any static file (a project may override it); read once."""
    path = finders.find(STYLESHEET) or Path(__file__).parent.parent / "static" / STYLESHEET
    return Path(path).read_text(encoding="utf-8")


def _block_context(inp: ExportInput, block) -> dict:
    context = {"kind": block.kind, "text": block.text, "table": block.table, "figure": block.figure}
    if block.figure is not None:
        # Style-free inline SVG (svg.py): CSP-safe, its text searchable in the PDF.
        context["svg"] = mark_safe(
            charts.svg(block.figure.key, inp)
        )  # our own SVG, made by charts.py
    return context


def context(inp: ExportInput, layout: ReportLayout | None = None) -> dict:
    layout = layout or build_layout(inp)
    sections = [
        {
            "heading": section.heading,
            "attachment": section.attachment,
            "blocks": [_block_context(inp, block) for block in section.blocks],
        }
        for section in layout.sections
    ]
    first_attachment = next((i for i, s in enumerate(sections) if s["attachment"]), None)
    return {
        "layout": layout,
        "report": inp.report,
        "sections": sections,
        "first_attachment": first_attachment,
    }


def render_fragment(inp: ExportInput) -> str:
    """The body alone: class names only, no style attributes, no scripts."""
    return render_to_string(BODY_TEMPLATE, context(inp))


def render_document(inp: ExportInput, *, extra_css: str = "") -> str:
    data = context(inp)
    data["css"] = mark_safe(stylesheet() + extra_css)  # our own static file
    return render_to_string(DOCUMENT_TEMPLATE, data)


def render(inp: ExportInput) -> bytes:
    return render_document(inp).encode("utf-8")
