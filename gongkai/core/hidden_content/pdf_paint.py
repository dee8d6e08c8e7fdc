"""The painting order of one PDF page, read with PyMuPDF: what is covered by something drawn
after it, and text drawn dark on a dark fill.

A page is painted in order; PyMuPDF's bbox log lists each operation with its rectangle, in that
order (`Page.get_bboxlog`), its text trace gives each character's box with the number of the
operation that drew it (`get_texttrace`, same numbering), and its drawings give each filled
path's colour and opacity under that number (`get_cdrawings`).

- Covered text: an opaque filled path or image drawn later covers at least half of a
  character's box, whatever its colour (a white box hides text as well as a black one).
  Invisible text (an OCR layer) under the scan it was read from is not covered text.
- A covered image: a dark filled path drawn later lies on an image, and the image's own pixels
  under it are not all one colour (an image already redacted is black there).
- Dark on dark: the topmost opaque fill under a character, drawn before it, is dark, and so is
  the text (what black highlight in Word becomes in a PDF); text in the colour of the fill
  under it is faint (hidden_text).

Cell shading drawn before its text, underlines and table rules (thin: they cover little of a
character) and our redaction engine's output (the text under its boxes removed, the image
pixels blacked) are none of these.
"""

from __future__ import annotations

from collections import defaultdict

from .colours import is_dark, unreadable

TEXT_OPS = ("fill-text", "stroke-text", "ignore-text")
COVER_OPS = ("fill-path", "fill-image")
INVISIBLE = 3  # texttrace type of text that is not drawn (render mode 3)
COVERED_SHARE = 0.5  # of a character's box
OPAQUE = 0.9  # fill opacity from which a fill hides what is under it
GRID = 24.0  # points: covers are compared with the text in the same cells of this size
MAX_PAIRS = 200_000  # comparisons of rectangles per page, between operations
MAX_WORK = 500_000  # comparisons of characters with fills per page
MAX_PLACES = 1000
MAX_SAMPLES = 24  # per side of a cover, when reading an image's pixels under it
UNIFORM = 48  # largest spread of a colour channel (0-255) in pixels that are "one colour"


class Place:
    """What one fill hides on one page: characters of text, or part of an image. `kind` is
    covered, image (part of an image covered), dark (dark on dark) or faint."""

    def __init__(self, page: int, kind: str):
        self.page = page
        self.kind = kind
        self.chars: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.chars).strip()


def opaque_path(drawing) -> bool:
    opacity = drawing.get("fill_opacity")
    fill = drawing.get("fill")
    return fill is not None and len(fill) >= 3 and (opacity is None or opacity >= OPAQUE)


def area(r) -> float:
    return max(0.0, r[2] - r[0]) * max(0.0, r[3] - r[1])


def overlap(a, b) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def painted(doc, page, number: int, fills: dict, annot_covers: list) -> tuple[list[Place], bool]:
    """(places, whether the page was checked whole) of one page; `fills` are its opaque filled
    paths by operation number, `annot_covers` the rectangles of annotations that hide what is
    under them. A page beyond MAX_PAIRS or MAX_WORK is not checked whole."""
    log = page.get_bboxlog()
    side = max(page.rect.width, page.rect.height)  # the log is of the page unrotated
    clip = (0.0, 0.0, side, side)
    over, under, covers, whole = _pairs(log, fills, annot_covers, clip)
    on_images, whole_images = _on_images(log, fills)
    whole = whole and whole_images
    if not over and not under and not on_images:
        return [], whole
    images = [(tuple(i["bbox"]), i) for i in page.get_image_info(xrefs=bool(on_images))]
    opaque = {c[0]: _opaque(*c, fills, images) for c in covers.values()}
    grid = Grid(clip)
    for cover in {c for cs in (*over.values(), *under.values()) for c in cs}:
        grid.add(cover, covers[cover][2])
    places: dict = {}
    work = MAX_WORK
    for span in page.get_texttrace() if over or under else ():
        seqno, ink = span["seqno"], _rgb(span)
        hiding = {c for c in over.get(seqno, ()) if opaque[c]}
        if span["type"] == INVISIBLE:  # OCR text under its own scan is not hidden
            hiding = {c for c in hiding if covers[c][1] != "fill-image"}
        beneath = set(under.get(seqno, ())) if span["type"] != INVISIBLE and ink else set()
        if not hiding and not beneath:
            continue
        for char in span["chars"]:
            box = char[3]
            size = area(box)
            near = grid.near(box) if size > 0 else ()
            work -= len(near) + 1
            if work < 0:
                return _found(places), False
            on = [c for c in near if overlap(box, covers[c][2]) >= COVERED_SHARE * size]
            cover = min((c for c in on if c in hiding), default=None)
            top = max((c for c in on if c in beneath), default=None)
            kind, key = None, None
            if cover is not None:
                kind, key = "covered", cover
            elif top is not None:
                background = tuple(fills[top]["fill"][:3])
                if is_dark(background) and is_dark(ink):
                    kind, key = "dark", top
                elif unreadable(ink, background):
                    kind, key = "faint", top
            if kind:
                places.setdefault((kind, key), Place(number, kind)).chars.append(chr(char[0]))
    for cover, image_rect in on_images:
        if ("covered", cover) in places:
            continue
        info = next((i for r, i in images if _same(r, image_rect)), None)
        if info is not None and not _uniform_under(doc, info, log[cover][1]):
            places[("image", cover)] = Place(number, "image")
    return _found(places), whole


def _found(places: dict) -> list[Place]:
    return [p for p in places.values() if p.text or p.kind == "image"]


class Grid:
    """Rectangles by the GRID-point cells of the page they touch, to find those near another
    rectangle without comparing it with every one."""

    def __init__(self, clip):
        self.clip = clip
        self.cells: dict = defaultdict(list)

    def _cells(self, rect):
        x0, y0 = max(rect[0], self.clip[0]), max(rect[1], self.clip[1])
        x1, y1 = min(rect[2], self.clip[2]), min(rect[3], self.clip[3])
        if x1 < x0 or y1 < y0:
            return
        for i in range(int(x0 // GRID), int(x1 // GRID) + 1):
            for j in range(int(y0 // GRID), int(y1 // GRID) + 1):
                yield i, j

    def add(self, key, rect) -> None:
        for cell in self._cells(rect):
            self.cells[cell].append(key)

    def near(self, rect) -> set:
        return {key for cell in self._cells(rect) for key in self.cells.get(cell, ())}


def _pairs(log, fills, annot_covers, clip):
    """({text op: [cover op …]} for covers drawn after text they overlap, {text op: [fill op …]}
    for opaque fills drawn before text they overlap, {op: (op, kind, rect)} of the covers,
    whether every pair was compared). Annotation covers are numbered after every operation."""
    covers = [(i, op, rect) for i, (op, rect) in enumerate(log) if op in COVER_OPS]
    covers += [(len(log) + k, "annot", rect) for k, rect in enumerate(annot_covers)]
    covers = {c[0]: c for c in covers if area(c[2]) > 0}
    over, under = defaultdict(list), defaultdict(list)
    if not covers:
        return over, under, covers, True
    texts = Grid(clip)
    for i, (op, rect) in enumerate(log):
        if op in TEXT_OPS and area(rect) > 0:
            texts.add(i, rect)
    budget = MAX_PAIRS
    for cover, _op, rect in covers.values():
        near = texts.near(rect)
        budget -= len(near) + 1
        if budget < 0:
            return over, under, covers, False
        for text in near:
            if overlap(log[text][1], rect) <= 0:
                continue
            if text < cover:
                over[text].append(cover)
            elif cover in fills:
                under[text].append(cover)
    return over, under, covers, True


def _opaque(seqno, op, rect, fills, images) -> bool:
    if op == "fill-path":  # `fills` has the page's opaque filled paths
        return seqno in fills
    if op == "fill-image":  # an image with a transparent mask (a seal, a logo) hides less
        info = next((i for r, i in images if _same(r, rect)), None)
        return info is None or not info.get("has-mask")
    return True  # a covering annotation


def _rgb(span):
    """The colour of a span's text as RGB, None if unknown (a pattern, a spot colour)."""
    colour, n = tuple(span.get("color") or ()), span.get("colorspace")
    if n == 1 and len(colour) == 1:
        return colour * 3
    if n == 3 and len(colour) == 3:
        return colour
    if n == 4 and len(colour) == 4:
        c, m, y, k = colour
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _on_images(log, fills) -> tuple[list[tuple[int, tuple]], bool]:
    """(path op, image rect) for dark opaque filled paths drawn on an image drawn before them,
    and whether every path was compared."""
    images = [(i, rect) for i, (op, rect) in enumerate(log) if op == "fill-image"]
    found, budget = [], MAX_PAIRS
    for i, (op, rect) in enumerate(log if images else ()):
        if op != "fill-path" or i not in fills or area(rect) == 0:
            continue
        if not is_dark(tuple(fills[i]["fill"][:3])):
            continue
        for j, image in images:
            budget -= 1
            if j < i and overlap(rect, image) >= COVERED_SHARE * area(rect):
                found.append((i, image))
                break
        if len(found) >= MAX_PLACES or budget < 0:
            return found, False
    return found, True


def _same(a, b) -> bool:
    return all(abs(x - y) < 0.5 for x, y in zip(a, b, strict=True))


def _uniform_under(doc, info, rect) -> bool:
    """Whether the image's pixels under `rect` (a page rectangle) are all about one colour,
    read at up to MAX_SAMPLES² points inside the rectangle's inner part."""
    import pymupdf

    if not info.get("xref"):
        return False  # an inline image: cannot be read back, so not known to be redacted
    pixmap = pymupdf.Pixmap(doc, info["xref"])
    if pixmap.colorspace is None or pixmap.colorspace.n != 3:
        pixmap = pymupdf.Pixmap(pymupdf.csRGB, pixmap)
    inverse = ~pymupdf.Matrix(info["transform"])
    x0, y0, x1, y1 = rect
    mx, my = (x1 - x0) * 0.15, (y1 - y0) * 0.15
    low, high = [255] * 3, [0] * 3
    steps = MAX_SAMPLES - 1
    for a in range(MAX_SAMPLES):
        for b in range(MAX_SAMPLES):
            x = x0 + mx + (x1 - x0 - 2 * mx) * a / steps
            y = y0 + my + (y1 - y0 - 2 * my) * b / steps
            unit = pymupdf.Point(x, y) * inverse
            if not (0 <= unit.x < 1 and 0 <= unit.y < 1):
                continue
            pixel = pixmap.pixel(int(unit.x * pixmap.width), int(unit.y * pixmap.height))
            for c in range(3):
                low[c], high[c] = min(low[c], pixel[c]), max(high[c], pixel[c])
    return all(h - lo <= UNIFORM for lo, h in zip(low, high, strict=True))
