"""The report as PDF: WeasyPrint renders the standalone HTML (html.py) with report.css's print
rules — A4, official margins, "- N -" page numbers, the draft mark on every page. Charts stay
inline SVG, so their labels are text in the PDF (searchable, and read by pdftotext)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .html import render_document

if TYPE_CHECKING:
    from . import ExportInput

# WeasyPrint reports every layout step at INFO; the installation logs INFO by default.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def _fetch_nothing(url: str, *args, **kwargs):
    """The document is self-contained; refuse any fetch (file:// included) a crafted text
    could otherwise ask for."""
    raise ValueError(f"年报PDF不加载外部资源：{url}")


def render(inp: ExportInput) -> bytes:
    from weasyprint import HTML  # heavy (Pango): loaded when a PDF is made

    html = render_document(inp)
    return HTML(string=html, url_fetcher=_fetch_nothing).write_pdf()
