"""Excel: the values of every cell of every sheet (hidden sheets too) and of cell comments, and
cells whose value a reader does not see: a dark fill under a dark font (a "blacked out" cell),
a font in the colour of the fill (or white on no fill), or a number format that shows nothing
(";;;").

Only a cell's own formatting is read; conditional formats and table styles are not.
"""

from .colours import BLACK, OFFICE_THEME, THEME_ORDER, WHITE, is_dark, parse, tinted, unreadable

# A number is searched for personal numbers only when shown as typed: a mobile-number-like
# amount formatted as money (#,##0.00) is an amount.
PLAIN_FORMATS = {"General", "0", "@"}


class Palette:
    """A workbook's colours: its theme's, Excel's indexed palette, RGB."""

    def __init__(self, workbook):
        self.theme = dict(OFFICE_THEME)
        if workbook.loaded_theme:
            self.theme.update(_theme(workbook.loaded_theme))

    def colour(self, colour, default=None):
        if colour is None:
            return default
        try:
            kind = colour.type
            if kind == "rgb":
                value = parse(colour.rgb)
            elif kind == "theme":
                names = THEME_ORDER
                name = names[colour.theme] if 0 <= colour.theme < len(names) else None
                value = parse(self.theme.get(name)) if name else None
            elif kind == "indexed":
                value = _indexed(colour.indexed, default)
            else:  # auto
                value = default
            if value is not None and colour.tint:
                value = tinted(value, colour.tint)
        except (AttributeError, TypeError, ValueError):  # a colour openpyxl could not read
            return default
        return default if value is None else value


def _indexed(index, default):
    from openpyxl.styles.colors import COLOR_INDEX

    if 0 <= index < len(COLOR_INDEX):
        return parse(COLOR_INDEX[index])
    return default  # 64 and 65: the system's window text and window colours


def _theme(data: bytes) -> dict:
    from ..parsing import parse_xml

    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    root = parse_xml(data, name="文件", member="xl/theme/theme1.xml")
    scheme = root.find(f"{a}themeElements/{a}clrScheme")
    colours = {}
    for entry in scheme if scheme is not None else ():
        name = entry.tag.rsplit("}", 1)[-1]
        for value in entry:
            colours[name] = value.get("val") if value.tag == f"{a}srgbClr" else value.get("lastClr")
    return {k: v for k, v in colours.items() if v}


def _shown(cell) -> str | None:
    """The text of a cell's value to search, or None for no value."""
    value = cell.value
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, int):
        return str(value) if cell.number_format in PLAIN_FORMATS else ""
    return ""  # floats, dates: there is a value, but no personal number in it


def cells(sheet):
    """The cells a worksheet holds, row by row: not `iter_rows`, which makes every cell of the
    used range (A1 and XFD1048576 would be 17 billion)."""
    return [cell for _key, cell in sorted(sheet._cells.items())]


def read_cells(workbook) -> tuple[list, list, list]:
    """(pieces, dark places, faint places): (place, text) of every cell value and comment of
    every worksheet; cells shown dark on dark; cells whose value cannot be seen."""
    palette = Palette(workbook)
    pieces, dark, faint = [], [], []
    looks: dict = {}
    for sheet in workbook.worksheets:
        where = f"工作表“{sheet.title}”"
        for cell in cells(sheet):
            if cell.comment is not None and cell.comment.text:
                pieces.append((f"{where}{cell.coordinate}的批注", cell.comment.text))
            text = _shown(cell)
            if text is None:
                continue
            if text:
                pieces.append((f"{where}{cell.coordinate}", text))
            style = cell._style
            key = (style.fontId, style.fillId, style.numFmtId)
            if key not in looks:
                looks[key] = _look(cell, palette)
            if looks[key] == "dark":
                dark.append((f"{where}{cell.coordinate}", text or str(cell.value)))
            elif looks[key] == "faint":
                faint.append((f"{where}{cell.coordinate}", text or str(cell.value)))
    return pieces, dark, faint


def _look(cell, palette) -> str:
    """'dark', 'faint' or '' for a cell's formatting."""
    if set(cell.number_format) == {";"}:  # ";;;" shows no value of any sign
        return "faint"
    fill = cell.fill
    background = None
    if getattr(fill, "fill_type", None) == "solid":
        background = palette.colour(fill.fgColor)
    ink = palette.colour(cell.font.color if cell.font else None, default=BLACK)
    if is_dark(background):
        return "dark" if is_dark(ink) or unreadable(ink, background) else ""
    if unreadable(ink, background or WHITE):
        return "faint"
    return ""
