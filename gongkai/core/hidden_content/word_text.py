"""Word: the text of every part, by paragraph, and text a reader does not see although the file
holds it: black or dark highlight or shading under dark text (what a fake redaction in Word
looks like), text in the colour of its background or under 2 points in size, and filled shapes
laid over the text.

Only direct formatting is read (the run's, its paragraph's, its table cell's and table's):
formatting that comes from a style, a table style or a theme is not. Text with automatic colour
on a dark paragraph or cell shading is not reported: Word shows it in white (a table's dark
header row). On a dark highlight or run shading it is: that is how text is "blacked out" in
Word, and other programs (and printing in black and white) do not all lighten it.
"""

import re

from .colours import BLACK, HIGHLIGHTS, WHITE, is_dark, parse, unreadable
from .common import W

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
WPS = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
V = "{urn:schemas-microsoft-com:vml}"
TEXT_TAGS = (f"{W}t", f"{W}delText", f"{W}instrText")
PART_LABELS = (
    (re.compile(r"^word/document\.xml$"), "正文"),
    (re.compile(r"^word/header\d*\.xml$"), "页眉"),
    (re.compile(r"^word/footer\d*\.xml$"), "页脚"),
    (re.compile(r"^word/footnotes\.xml$"), "脚注"),
    (re.compile(r"^word/endnotes\.xml$"), "尾注"),
    (re.compile(r"^word/comments\.xml$"), "批注"),
)
UNKNOWN = ("unknown",)  # a background set by a style
VML_SHAPES = tuple(f"{V}{tag}" for tag in ("rect", "roundrect", "shape", "oval", "polyline"))


def part_label(name: str) -> str | None:
    return next((label for pattern, label in PART_LABELS if pattern.match(name)), None)


def _owner(element):
    """(paragraph, in a text box) of a text element; (None, _) inside mc:Fallback, which
    repeats an mc:Choice Word reads instead."""
    paragraph, boxed = None, False
    for ancestor in element.iterancestors():
        if ancestor.tag == MC_FALLBACK:
            return None, False
        if ancestor.tag == f"{W}p" and paragraph is None:
            paragraph = ancestor
        elif ancestor.tag == f"{W}txbxContent":
            boxed = True
    return paragraph, boxed


def paragraphs(label: str, root) -> list[tuple[str, str]]:
    """(place, text) of each paragraph of a part, the text of text boxes and of deleted
    revisions included, each paragraph once."""
    texts: dict = {}
    for element in root.iter(*TEXT_TAGS, f"{W}tab", f"{W}br"):
        paragraph, boxed = _owner(element)
        if paragraph is None:
            continue
        entry = texts.setdefault(paragraph, ["文本框" if boxed else label, []])
        entry[1].append((element.text or "") if element.tag in TEXT_TAGS else " ")
    return [(place, "".join(chunks)) for place, chunks in texts.values()]


def _shading(element) -> tuple | None:
    """The colour a w:shd paints (None for none or automatic)."""
    if element is None:
        return None
    pattern = element.get(f"{W}val") or "clear"
    if pattern == "nil":
        return None
    if pattern == "solid":  # the pattern colour covers everything
        colour = element.get(f"{W}color")
        return BLACK if colour in (None, "auto") else parse(colour)
    return parse(element.get(f"{W}fill"))


def _background(run, paragraph, page):
    """(colour, whether the run itself sets it) behind a run: its highlight or shading, else its
    paragraph's, table cell's or table's shading, else UNKNOWN in a table with a table style,
    else the page colour (None: white)."""
    properties = run.find(f"{W}rPr")
    if properties is not None:
        highlight = properties.find(f"{W}highlight")
        if highlight is not None and highlight.get(f"{W}val") in HIGHLIGHTS:
            return parse(HIGHLIGHTS[highlight.get(f"{W}val")]), True
        colour = _shading(properties.find(f"{W}shd"))
        if colour is not None:
            return colour, True
    block, styled = paragraph, False
    while block is not None and block.tag != f"{W}txbxContent":
        tag = {f"{W}p": "pPr", f"{W}tc": "tcPr", f"{W}tbl": "tblPr"}.get(block.tag)
        colour = _shading(block.find(f"{W}{tag}/{W}shd")) if tag else None
        if colour is not None:
            return colour, False
        styled = styled or (tag == "tblPr" and block.find(f"{W}tblPr/{W}tblStyle") is not None)
        block = block.getparent()
    # A table style may shade the cell (a dark header row): its colour is not known here.
    return (UNKNOWN if styled else page), False


def unseen(parts: list[tuple[str, object]]) -> tuple[list, list]:
    """Places ((place, text) per paragraph) of text on a dark highlight or shading that is not
    made light, and of text in (nearly) the colour of its background."""
    dark: dict = {}
    faint: dict = {}
    for label, root in parts:
        background = root.find(f"{W}background") if root.tag == f"{W}document" else None
        page = parse(background.get(f"{W}color")) if background is not None else None
        for run in root.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if not text.strip():
                continue
            paragraph, boxed = _owner(run)
            if paragraph is None:
                continue
            colour, own = _background(run, paragraph, page)
            font = run.find(f"{W}rPr/{W}color")
            ink = parse(font.get(f"{W}val")) if font is not None else None
            if colour is UNKNOWN:
                target = None
            elif is_dark(colour):
                hidden = (ink is None or is_dark(ink)) if own else is_dark(ink)
                target = dark if hidden else None
            else:
                target = faint if ink is not None and unreadable(ink, colour or WHITE) else None
            if target is None and _tiny(run):
                target = faint
            if target is not None:
                entry = target.setdefault(paragraph, ["文本框" if boxed else label, [], None])
                if entry[2] is not None and entry[2].getnext() is not run:
                    entry[1].append("、")  # runs apart in the paragraph: quoted apart
                entry[1].append(text)
                entry[2] = run
    return (
        [(place, "".join(chunks)) for place, chunks, _run in dark.values()],
        [(place, "".join(chunks)) for place, chunks, _run in faint.values()],
    )


def _tiny(run) -> bool:
    """A font size under 2 points (w:sz counts half points): text too small to be read."""
    size = run.find(f"{W}rPr/{W}sz")
    value = size.get(f"{W}val") if size is not None else None
    return bool(value and value.isdigit() and int(value) < 4)


def covering_shapes(parts: list[tuple[str, object]]) -> list[tuple[str, str]]:
    """(place, text of the paragraph it is anchored to) of each filled shape laid in front of
    the text: a DrawingML shape anchored 'in front of text' (wrapNone, not behindDoc), or a VML
    shape positioned absolutely above the text; text boxes and pictures are not counted."""
    found = []
    for label, root in parts:
        for anchor in root.iter(f"{WP}anchor"):
            if anchor.get("behindDoc") in ("1", "true") or anchor.find(f"{WP}wrapNone") is None:
                continue
            if any(a.tag == MC_FALLBACK for a in anchor.iterancestors()):
                continue
            for shape in anchor.iter(f"{WPS}wsp"):
                if _filled(shape) and not _has_text(shape):
                    found.append(_anchored(label, anchor))
        for shape in root.iter(*VML_SHAPES):
            if any(a.tag == MC_FALLBACK for a in shape.iterancestors()):
                continue
            style = (shape.get("style") or "").replace(" ", "")
            if "position:absolute" not in style or re.search(r"z-index:-", style):
                continue
            if shape.get("filled") in ("f", "false"):
                continue
            if any(shape.iter(f"{V}textbox", f"{V}imagedata", f"{V}textpath")):
                continue
            found.append(_anchored(label, shape))
    return found


def _filled(shape) -> bool:
    properties = shape.find(f"{WPS}spPr")
    if properties is not None:
        if properties.find(f"{A}noFill") is not None:
            return False
        fills = ("solidFill", "gradFill", "pattFill", "blipFill")
        if any(properties.find(f"{A}{tag}") is not None for tag in fills):
            return True
    reference = shape.find(f"{WPS}style/{A}fillRef")
    return reference is not None and reference.get("idx") not in (None, "0")


def _has_text(shape) -> bool:
    return any((t.text or "").strip() for t in shape.iter(f"{W}t"))


def _anchored(label: str, element) -> tuple[str, str]:
    paragraph = next(element.iterancestors(f"{W}p"), None)
    text = "".join(t.text or "" for t in paragraph.iter(f"{W}t")) if paragraph is not None else ""
    return label, text
