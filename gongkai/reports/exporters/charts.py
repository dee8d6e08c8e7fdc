"""The report's two charts, drawn by matplotlib (Agg, no display): applications received and
their outcomes over the years, and items published per channel in the report year.

SVG keeps its text as text (svg.fonttype "none") so that the PDF can be searched and screen
readers and pdftotext read the labels; PNG is for Word, which shows SVG only in recent
versions. Captions and descriptions in words are in chart_text.py: every document needs them,
drawn or not, without loading matplotlib.
"""

from __future__ import annotations

import io
import threading
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # before pyplot could be imported anywhere: servers have no display

from matplotlib import font_manager
from matplotlib.figure import Figure

from .chart_text import (
    OUTCOMES,
    RECEIVED,
    applications_caption,
    applications_description,
    channels_caption,
    channels_description,
)
from .svg import accessible_svg

if TYPE_CHECKING:
    from . import ExportInput

# Sans-serif CJK, as charts in printed reports use 黑体 for labels. Debian: fonts-noto-cjk.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei")
# Okabe–Ito: distinguishable with the common colour-vision deficiencies and in greyscale print.
RECEIVED_COLOUR = "#444444"
OUTCOME_COLOURS = ("#0072B2", "#56B4E9", "#D55E00", "#E69F00", "#CC79A7", "#999999")
CHANNEL_COLOUR = "#0072B2"
WIDTH_INCHES = 6.2  # the text width of an A4 page with official margins (156 mm)
PNG_DPI = 200
_RC_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def cjk_font_family() -> str:
    """The first installed CJK font matplotlib knows of; without one, labels would be boxes."""
    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), "sans-serif")


def _rc() -> dict:
    return {
        "font.family": [cjk_font_family()],
        "font.size": 9,
        "axes.unicode_minus": False,  # CJK fonts may lack U+2212
        "svg.fonttype": "none",
        "svg.hashsalt": "gongkai-report",  # same data, same file: clip-path ids are stable
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


# --- drawing ---------------------------------------------------------------------------------


def applications_figure(history: list[tuple[int, dict[str, int]]]) -> Figure:
    """Per year, a bar of applications received beside a stacked bar of their outcomes."""
    figure = Figure(figsize=(WIDTH_INCHES, 3.4), layout="constrained")
    axes = figure.subplots()
    positions = list(range(len(history)))
    width = 0.38
    received = [figures.get(RECEIVED[0], 0) for _, figures in history]
    bars = axes.bar(
        [p - width / 2 for p in positions],
        received,
        width,
        label=RECEIVED[1],
        color=RECEIVED_COLOUR,
    )
    axes.bar_label(bars, padding=2, fontsize=8)
    bottom = [0] * len(history)
    for (key, label), colour in zip(OUTCOMES, OUTCOME_COLOURS, strict=True):
        heights = [figures.get(key, 0) for _, figures in history]
        axes.bar(
            [p + width / 2 for p in positions],
            heights,
            width,
            bottom=bottom,
            label=label,
            color=colour,
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    for position, total in zip(positions, bottom, strict=True):  # concluded, atop the stack
        axes.annotate(
            str(total),
            (position + width / 2, total),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=8,
        )
    axes.set_xticks(positions, [f"{year}年" for year, _ in history])
    axes.set_ylabel("件", rotation=0, labelpad=10)
    axes.set_ymargin(0.12)  # room for the figures above the tallest bar
    axes.yaxis.get_major_locator().set_params(integer=True)
    # Below the plot, outside it: inside, the legend would hide the bars of some year.
    figure.legend(loc="outside lower center", ncols=4, frameon=False, fontsize=8)
    return figure


def channels_figure(channels: dict[str, int]) -> Figure:
    """Horizontal bars: channel names are long Chinese labels that would not fit under bars."""
    height = 1.0 + 0.38 * len(channels)
    figure = Figure(figsize=(WIDTH_INCHES, height), layout="constrained")
    axes = figure.subplots()
    labels = list(channels)
    bars = axes.barh(labels, list(channels.values()), color=CHANNEL_COLOUR, height=0.6)
    axes.bar_label(bars, padding=3, fontsize=8)
    axes.invert_yaxis()  # first channel on top, in the order given
    axes.set_xlabel("条")
    axes.set_xmargin(0.08)  # room for the figure after the longest bar
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def svg_text(figure: Figure) -> str:
    out = io.StringIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def _png_bytes(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return out.getvalue()


@contextmanager
def chart_settings():
    """Figures are made and saved inside rc_context (text takes its font from rcParams when
    it is created); rcParams are process-wide, so one chart at a time under threaded servers."""
    with _RC_LOCK, matplotlib.rc_context(_rc()):
        yield


def applications_svg(history) -> str:
    """The chart as an <svg> element for HTML: style-free (CSP), with <title> and <desc>."""
    with chart_settings():
        text = svg_text(applications_figure(history))
    return accessible_svg(
        text,
        prefix="chart-applications",
        title=applications_caption(history),
        description=applications_description(history),
    )


def applications_png(history) -> bytes:
    with chart_settings():
        return _png_bytes(applications_figure(history))


def channels_svg(channels: dict[str, int], *, year: int) -> str:
    with chart_settings():
        text = svg_text(channels_figure(channels))
    return accessible_svg(
        text,
        prefix="chart-channels",
        title=channels_caption(year),
        description=channels_description(channels),
    )


def channels_png(channels: dict[str, int]) -> bytes:
    with chart_settings():
        return _png_bytes(channels_figure(channels))


def svg(key: str, inp: ExportInput) -> str:
    if key == "applications":
        return applications_svg(inp.history)
    return channels_svg(inp.channels, year=inp.report.year)


def png(key: str, inp: ExportInput) -> bytes:
    if key == "applications":
        return applications_png(inp.history)
    return channels_png(inp.channels)
