"""The letter as PDF, rendered by WeasyPrint from HTML with the CJK fonts the server has."""

import logging

from django.template.loader import render_to_string

from .text import Block

# WeasyPrint reports every layout step at INFO; the installation logs INFO by default.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def build_pdf(title: str, blocks: list[Block], *, author: str) -> bytes:
    from weasyprint import HTML  # heavy (Pango); loaded when a letter is made

    html = render_to_string(
        "letters/letter.html",
        {"title": title, "blocks": blocks, "author": author, "signature_gap": _gaps(blocks)},
    )
    return HTML(string=html).write_pdf()


def _gaps(blocks: list[Block]) -> set[int]:
    """Indexes of the blocks that open the signature (right-aligned after body text)."""
    return {
        i
        for i, block in enumerate(blocks)
        if block.align == "right" and i and blocks[i - 1].align != "right"
    }
