"""The statistics on demand (reports/statistics.py) as charts and as a workbook.

Two charts, drawn as the annual report's are (charts.py: matplotlib, SVG text kept as text,
Okabe–Ito colours, <title> and <desc>): received and concluded by channel and by applicant type,
and the outcome mix by the report's groups. The page shows the same figures as tables. The
workbook (openpyxl, the report's fonts and borders) has a 说明 sheet saying what was counted and
how, then one sheet per table.
"""

from __future__ import annotations

import io
from functools import lru_cache

from django.utils.translation import gettext as _
from matplotlib.figure import Figure
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..statistics import Statistics
from .charts import (
    CHANNEL_COLOUR,
    OUTCOME_COLOURS,
    RECEIVED_COLOUR,
    WIDTH_INCHES,
    chart_settings,
    svg_text,
)
from .svg import accessible_svg
from .xlsx import BORDER, CENTER, FONT, HEADER_FILL

# The report's six outcome groups, in its order (regimes.outcomes).
GROUPS = ("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理")


def period_text(stats: Statistics) -> str:
    return f"{stats.start:%Y-%m-%d}至{stats.end:%Y-%m-%d}"


def scope_text(stats: Statistics) -> str:
    if stats.subtree:
        return _("%(name)s及下级机关（共%(n)s个机关）") % {
            "name": stats.agency.name,
            "n": stats.agencies,
        }
    return stats.agency.name


# Charts -------------------------------------------------------------------------------------


def _bars(axes, rows: tuple, title: str) -> None:
    """Received beside concluded, one pair of horizontal bars per (label, received, concluded)."""
    labels = [label for label, _received, _concluded in rows]
    positions = list(range(len(rows)))
    height = 0.38
    received = axes.barh(
        [p - height / 2 for p in positions],
        [n for _label, n, _concluded in rows],
        height,
        label=_("收到"),
        color=RECEIVED_COLOUR,
    )
    concluded = axes.barh(
        [p + height / 2 for p in positions],
        [n for _label, _received, n in rows],
        height,
        label=_("办结"),
        color=CHANNEL_COLOUR,
    )
    for bars in (received, concluded):
        axes.bar_label(bars, padding=2, fontsize=7)
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_title(title, fontsize=9, loc="left")
    axes.set_xmargin(0.1)
    axes.xaxis.get_major_locator().set_params(integer=True)


@lru_cache(maxsize=32)  # same figures, same chart: a page shown again is not drawn again
def _flow_svg(channels: tuple, applicants: tuple, caption: str, description: str) -> str:
    rows = len(channels) + len(applicants)
    with chart_settings():
        figure = Figure(figsize=(WIDTH_INCHES, 1.6 + 0.36 * rows), layout="constrained")
        top, bottom = figure.subplots(
            2, 1, height_ratios=[len(channels), len(applicants)], sharex=False
        )
        _bars(top, channels, _("按申请渠道"))
        _bars(bottom, applicants, _("按申请人类型"))
        bottom.set_xlabel("件")
        handles, labels = top.get_legend_handles_labels()
        figure.legend(
            handles, labels, loc="outside lower center", ncols=2, frameon=False, fontsize=8
        )
        text = svg_text(figure)
    return accessible_svg(
        text, prefix="chart-statistics-flow", title=caption, description=description
    )


@lru_cache(maxsize=32)
def _outcomes_svg(groups: tuple, caption: str, description: str) -> str:
    with chart_settings():
        figure = Figure(figsize=(WIDTH_INCHES, 1.0 + 0.36 * len(groups)), layout="constrained")
        axes = figure.subplots()
        labels = [label for label, _n in groups]
        bars = axes.barh(
            labels,
            [n for _label, n in groups],
            color=[OUTCOME_COLOURS[GROUPS.index(label)] for label, _n in groups],
            height=0.6,
        )
        axes.bar_label(bars, padding=3, fontsize=8)
        axes.invert_yaxis()
        axes.set_xlabel("件")
        axes.set_xmargin(0.08)
        axes.xaxis.get_major_locator().set_params(integer=True)
        text = svg_text(figure)
    return accessible_svg(
        text, prefix="chart-statistics-outcomes", title=caption, description=description
    )


def flow_chart(stats: Statistics) -> str:
    def rows(lines):
        return tuple((line.label, line.received, line.concluded) for line in lines)

    caption = _("%(period)s政府信息公开申请收到和办结情况（件）") % {"period": period_text(stats)}
    description = "；".join(
        _("%(label)s收到%(received)s件、办结%(concluded)s件")
        % {"label": line.label, "received": line.received, "concluded": line.concluded}
        for line in (*stats.by_channel, *stats.by_applicant)
    )
    return _flow_svg(rows(stats.by_channel), rows(stats.by_applicant), caption, description + "。")


def outcomes_chart(stats: Statistics) -> str | None:
    """None when nothing was concluded in the period (an empty chart says nothing)."""
    groups = tuple((group, stats.groups[group]) for group in GROUPS if stats.groups.get(group))
    if not groups:
        return None
    caption = _("%(period)s办结申请的答复结果（件）") % {"period": period_text(stats)}
    description = "；".join(f"{group}{n}件" for group, n in groups) + "。"
    return _outcomes_svg(groups, caption, description)


# Workbook -----------------------------------------------------------------------------------


def flow_header() -> tuple[str, ...]:
    return (
        _("收到"),
        _("办结"),
        _("按期答复"),
        _("逾期答复"),
        _("按期答复率"),
        _("平均答复用时（工作日）"),
    )


def _header(ws, row: int, labels) -> None:
    for column, label in enumerate(labels, start=1):
        cell = ws.cell(row, column, label)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = CENTER


def _cells(ws, row: int, values, *, bold: bool = False, formats: dict | None = None) -> None:
    """One body row; `formats`: {column: number format} (1-based)."""
    for column, value in enumerate(values, start=1):
        cell = ws.cell(row, column, value)
        cell.font = Font(name=FONT, bold=bold)
        cell.border = BORDER
        if column > 1:
            cell.alignment = Alignment(horizontal="center")
        if formats and column in formats:
            cell.number_format = formats[column]


def _flow_sheet(wb, title: str, first: str, lines, total) -> None:
    ws = wb.create_sheet(title)
    header = flow_header()
    _header(ws, 1, (first, *header))
    for row, line in enumerate((*lines, total), start=2):
        rate, average = line.on_time_rate, line.average_days
        values = (
            line.label,
            line.received,
            line.concluded,
            line.on_time,
            line.late,
            float(rate) if rate is not None else None,
            float(average) if average is not None else None,
        )
        _cells(ws, row, values, bold=line is total, formats={6: "0.0%", 7: "0.0"})
    ws.column_dimensions["A"].width = 34
    for column in range(2, len(header) + 2):
        ws.column_dimensions[get_column_letter(column)].width = 14


def workbook(stats: Statistics, definitions: list[tuple[str, str]]) -> bytes:
    wb = Workbook()
    notes = wb.active
    notes.title = _("说明")
    notes.append([_("政府信息公开申请统计")])
    notes["A1"].font = Font(name=FONT, size=14, bold=True)
    facts = [
        (_("机关"), scope_text(stats)),
        (_("统计期间"), period_text(stats)),
        (_("办结但不计按期或逾期"), stats.not_judged),
        (_("未计入平均答复用时"), stats.days_unknown),
        *definitions,
    ]
    for label, value in facts:
        notes.append([label, value])
    notes.column_dimensions["A"].width = 24
    notes.column_dimensions["B"].width = 100
    for row in notes.iter_rows(min_row=2):
        for cell in row:
            cell.font = Font(name=FONT)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    _flow_sheet(wb, _("按申请渠道"), _("申请渠道"), stats.by_channel, stats.total)
    _flow_sheet(wb, _("按申请人类型"), _("申请人类型"), stats.by_applicant, stats.total)
    ws = wb.create_sheet(_("答复结果"))
    _header(ws, 1, (_("类别"), _("答复结果"), _("件数"), _("占办结")))
    percent = {4: "0.0%"}
    for row, line in enumerate(stats.outcomes, start=2):
        _cells(ws, row, (line.group, line.label, line.count, float(line.share)), formats=percent)
    total = (_("合计"), "", stats.total.concluded, 1.0 if stats.outcomes else 0.0)
    _cells(ws, len(stats.outcomes) + 2, total, bold=True, formats=percent)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 60
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
