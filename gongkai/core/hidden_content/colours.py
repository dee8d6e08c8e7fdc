"""Colours as Word and Excel store them, and whether text stands out from its background.

A colour here is an (r, g, b) tuple of floats from 0 to 1. Lightness is WCAG 2's relative
luminance (black 0, white 1): a background under DARK is one black text cannot be read on,
and two colours closer than FAINT in contrast ratio (1 means equal) cannot be told apart.
"""

import colorsys
import re

Colour = tuple[float, float, float]

DARK = 0.25  # black, darkGray (0.22), darkBlue, darkRed, darkGreen … but not lightGray (0.53)
FAINT = 1.5  # white on white 1.0, light grey EEEEEE on white 1.16, yellow on white 1.07
BLACK: Colour = (0.0, 0.0, 0.0)
WHITE: Colour = (1.0, 1.0, 1.0)

# Word's w:highlight values (ECMA-376 ST_HighlightColor).
HIGHLIGHTS = {
    "black": "000000",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "green": "00FF00",
    "magenta": "FF00FF",
    "red": "FF0000",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "darkBlue": "000080",
    "darkCyan": "008080",
    "darkGreen": "008000",
    "darkMagenta": "800080",
    "darkRed": "800000",
    "darkYellow": "808000",
    "darkGray": "808080",
    "lightGray": "C0C0C0",
}

# Excel's theme colour indexes name a theme's colours in this order (a:clrScheme's first two
# pairs swapped), with the Office theme's own colours for a workbook that carries no theme.
OFFICE_THEME = {
    "lt1": "FFFFFF",
    "dk1": "000000",
    "lt2": "E7E6E6",
    "dk2": "44546A",
    "accent1": "4472C4",
    "accent2": "ED7D31",
    "accent3": "A5A5A5",
    "accent4": "FFC000",
    "accent5": "5B9BD5",
    "accent6": "70AD47",
    "hlink": "0563C1",
    "folHlink": "954F72",
}
THEME_ORDER = tuple(OFFICE_THEME)


def parse(value) -> Colour | None:
    """'1F3864' or an ARGB 'FF1F3864' as a colour; None for 'auto', empty or malformed values."""
    value = (value or "").strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"([0-9A-Fa-f]{2})?[0-9A-Fa-f]{6}", value):
        return None
    value = value[-6:]
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(colour: Colour) -> float:
    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(colour: Colour | None) -> bool:
    return colour is not None and luminance(colour) < DARK


def unreadable(text: Colour, background: Colour) -> bool:
    """Text in this colour cannot be seen on this background."""
    return contrast(text, background) < FAINT


def tinted(colour: Colour, tint: float) -> Colour:
    """An Office theme colour lightened (tint > 0) or darkened (tint < 0), as Excel does."""
    if not tint:
        return colour
    hue, light, saturation = colorsys.rgb_to_hls(*colour)
    light = light * (1 + tint) if tint < 0 else light * (1 - tint) + tint
    return colorsys.hls_to_rgb(hue, min(1.0, max(0.0, light)), saturation)
