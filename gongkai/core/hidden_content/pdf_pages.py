"""What a PDF's pages draw, read with PyMuPDF: content covered by what is drawn after it, dark
text on dark fills (pdf_paint.py), pages that are only a scanned image, and the text of every
page, note and form field for the personal-number check.

Notes, form fields and other annotations are drawn over the page but are not part of it: they
are left out of the painting order (a yellow highlight note is not a cover), except the ones
that hide what is under them: an unapplied redaction mark, and squares, circles, polygons and
text notes with an opaque fill.

Work is bounded: a page is traced operation by operation only when the blocks of its text
page show a fill or an image on its text (most pages have none); pdf_paint.py caps the
comparisons per page and the places per file; looking for covers stops after COVER_SHARE of
the reading's time limit. Pages left unchecked, or too complex to check whole, are named in a
covered_content finding: not checked is not cleared. The text of every page is still read.
"""

from __future__ import annotations

import time

from .colours import is_dark
from .common import Finding, excerpt
from .pdf_paint import MAX_PAIRS, MAX_PLACES, OPAQUE, Place, opaque_path, overlap, painted

SCANNED_SHARE = 0.7  # of the page covered by images, on a page without text
COVER_SHARE = 0.4  # of the time a reading may take (core.parsing.Limits.seconds: 12 of 30 s)
COVERING_ANNOTS = {"Square", "Circle", "Polygon", "FreeText"}


def scan_pages(doc):
    """(places, pages not checked for covers, numbers of scanned pages, (place, text) pieces)
    of a PyMuPDF document. Pages not checked: (numbers of pages too complex to check whole,
    the first page from which time ran out or None)."""
    import pymupdf

    from ..parsing import Limits

    deadline = time.monotonic() + COVER_SHARE * Limits.current().seconds
    unchecked, partial = None, []
    places: list[Place] = []
    scanned: list[int] = []
    pieces: list[tuple[str, str]] = []
    for index in range(doc.page_count):
        number = index + 1
        page = doc[index]
        annot_covers = []
        if page.first_annot is not None or page.first_widget is not None:
            for annot in page.annots():
                content = (annot.info or {}).get("content") or ""
                if content.strip():
                    pieces.append((f"第{number}页批注", content))
                if _covers(annot):
                    annot_covers.append(tuple(annot.rect))
            for widget in page.widgets():
                value = widget.field_value
                if isinstance(value, str) and value.strip():
                    pieces.append((f"第{number}页表单", value))
            doc.xref_set_key(page.xref, "Annots", "null")  # out of the painting order
            page = doc.reload_page(page)
        textpage = page.get_textpage(flags=pymupdf.TEXTFLAGS_TEXT | pymupdf.TEXT_PRESERVE_IMAGES)
        text = textpage.extractText()
        pieces.append((f"第{number}页", text))
        blocks = textpage.extractBLOCKS()
        texts = [tuple(b[:4]) for b in blocks if b[6] == 0]
        images = [tuple(b[:4]) for b in blocks if b[6] == 1]
        if not text.strip() and _share(images, tuple(page.rect)) >= SCANNED_SHARE:
            scanned.append(number)
        if len(places) >= MAX_PLACES or unchecked:
            continue
        if time.monotonic() > deadline:
            unchecked = number
            continue
        fills = {d["seqno"]: d for d in page.get_cdrawings() if opaque_path(d)}
        # A rotated page's text page is turned, its drawings not: trace it without comparing.
        if annot_covers or page.rotation or _suspect(texts, images, fills.values()):
            found, whole = painted(doc, page, number, fills, annot_covers)
            places.extend(found)
            if not whole:
                partial.append(number)
    return places[:MAX_PLACES], (partial, unchecked), scanned, pieces


def _covers(annot) -> bool:
    kind = annot.type[1]
    if kind == "Redact":  # marked for redaction, never applied: the text is all there
        return True
    fill = (annot.colors or {}).get("fill")
    opacity = annot.opacity if annot.opacity is not None and annot.opacity >= 0 else 1
    return kind in COVERING_ANNOTS and bool(fill) and opacity >= OPAQUE


def _suspect(texts, images, fills) -> bool:
    """Whether anything on the page may cover something: a fill or an image on text, or a dark
    fill on an image."""
    budget = MAX_PAIRS
    for fill in fills:
        rect = fill["rect"]
        dark = is_dark(tuple(fill["fill"][:3]))
        for box in texts + images if dark else texts:
            budget -= 1
            if budget < 0 or overlap(rect, box) > 0:
                return True
    return any(overlap(image, box) > 0 for image in images for box in texts[:1000])


def _share(rects, page_rect) -> float:
    covered = sum(overlap(rect, page_rect) for rect in rects)
    page_area = (page_rect[2] - page_rect[0]) * (page_rect[3] - page_rect[1])
    return min(1.0, covered / (page_area or 1))


def _quoted(places: list[Place]) -> str:
    shown = "；".join(
        f"第{p.page}页" + (f"“{excerpt(p.text)}”" if p.text else "的图片") for p in places[:5]
    )
    return shown + ("等" if len(places) > 5 else "")


def _pages(places: list[Place]) -> str:
    return "、".join(dict.fromkeys(str(p.page) for p in places))


def painted_findings(places: list[Place], unchecked=((), None)) -> list[Finding]:
    """covered_content, dark_highlight and hidden_text findings of the places; pages not
    checked (see scan_pages) are named in the covered_content finding."""
    covered = [p for p in places if p.kind in ("covered", "image")]
    partial, unchecked = unchecked
    findings = []
    if covered or partial or unchecked:
        message = ""
        if covered:
            texts = any(p.text for p in covered)
            images = any(p.kind == "image" for p in covered)
            what = "文字或图片" if texts and images else ("文字" if texts else "图片")
            message = (
                f"文档第{_pages(covered)}页共有{len(covered)}处{what}被后绘制的色块或图片遮盖，"
                f"遮盖下的内容仍保存在文件中，可被复制、检索或移开遮盖后看到：{_quoted(covered)}"
            )
        if partial:
            message += ("。" if message else "") + (
                f"第{'、'.join(map(str, partial[:10]))}页{'等' if len(partial) > 10 else ''}"
                "内容过于复杂，未能完整检查是否有被遮盖的内容，请人工核对"
            )
        if unchecked:
            message += ("。" if message else "") + (
                f"文件页数较多，第{unchecked}页及以后各页未能在时限内检查是否有被遮盖的内容，"
                "请人工核对"
            )
        findings.append(Finding("covered_content", "被遮盖的内容", message))
    dark = [p for p in places if p.kind == "dark"]
    if dark:
        message = (
            f"文档第{_pages(dark)}页共有{len(dark)}处深色底上的深色文字（如黑色突出显示），"
            f"看上去像已遮盖，但文字仍在文件中，可被复制和检索：{_quoted(dark)}"
        )
        findings.append(Finding("dark_highlight", "深色底上的文字", message))
    faint = [p for p in places if p.kind == "faint"]
    if faint:
        message = (
            f"文档第{_pages(faint)}页共有{len(faint)}处文字的颜色与其下的底色相同或接近，"
            f"看不见但仍在文件中：{_quoted(faint)}"
        )
        findings.append(Finding("hidden_text", "看不见的文字", message))
    return findings
