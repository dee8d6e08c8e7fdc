"""The supervisor's view of a city or province for one year: every agency's report status and
lateness, the consolidated tables, and the agencies whose figures break an identity or jump
from last year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.agencies.models import Agency
from gongkai.regimes import regime_for

from . import selectors as sel
from .check import check
from .compute import build
from .document import parse_cell
from .formats import format_for_year
from .models import AnnualReport, ReportSettings
from .states import CURRENT, ReportStatus

# The figures compared with last year (table, row, column) per format.
KEY_FIGURES = {
    "gb2008": [("tongjibiao", "s1_pub", "value"), ("tongjibiao", "s3_received", "value")],
    "gb2019": [("t3", "new_received", "total"), ("t3", "results_total", "total")],
    "gb2021": [("t3", "new_received", "total"), ("t3", "results_total", "total")],
}


def report_due_rule(year: int):
    """The rule for the report on `year`: the regime's in force when it is written (the next
    January; the report on 2018 was due under the 2008 Regulation)."""
    return regime_for(dt.date(year + 1, 1, 1)).annual_report


def statutory_date(agency: Agency, year: int) -> dt.date:
    return report_due_rule(year).date_for(year, government=agency.kind == Agency.Kind.GOVERNMENT)


@dataclass(frozen=True)
class OwedReport:
    """Last year's own report of an agency, not yet published (the 工作台's report lines)."""

    agency: Agency
    year: int
    due: dt.date  # the statutory date (2019 Arts. 49–50; 2008 Art. 31)
    late: bool
    report: AnnualReport | None  # the version being written, if one was started


def owed_reports(agency_ids, *, today: dt.date) -> list[OwedReport]:
    """The agencies of `agency_ids` (active) that have not published their own report on last
    year (a roll-up of the subtree is not theirs), with the statutory date and whether it has
    passed. Two queries whatever the number of agencies."""
    year = today.year - 1
    reports = AnnualReport.objects.filter(
        agency_id__in=agency_ids, year=year, subtree=False
    ).order_by("agency_id", "-version")
    latest: dict[int, AnnualReport] = {}
    published = set()
    for report in reports:
        if report.status in (ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED):
            published.add(report.agency_id)
        else:
            latest.setdefault(report.agency_id, report)
    owed = []
    for agency in Agency.objects.filter(pk__in=agency_ids, is_active=True).order_by("path"):
        if agency.pk not in published:
            due = statutory_date(agency, year)
            owed.append(OwedReport(agency, year, due, today > due, latest.get(agency.pk)))
    return owed


def due_rule(year: int) -> str:
    """The rule in words, for the roll-up page."""
    due = report_due_rule(year)
    return _(
        "政府部门应于次年%(dm)s月%(dd)s日前、人民政府应于次年%(gm)s月%(gd)s日前公布年度报告"
        "（条例%(basis)s）。"
    ) % {
        "dm": due.department[0],
        "dd": due.department[1],
        "gm": due.government[0],
        "gd": due.government[1],
        "basis": due.basis,
    }


@dataclass
class AgencyLine:
    agency: Agency
    report: AnnualReport | None
    status: str
    due: dt.date
    late: bool
    problems: list = field(default_factory=list)
    jumps: list = field(default_factory=list)


def _own_data(agency: Agency, year: int, report: AnnualReport | None):
    if report is not None:
        return sel.report_data(report)
    return build(format_for_year(year), agency, year)


def _latest(agency: Agency, year: int) -> AnnualReport | None:
    reports = AnnualReport.objects.filter(
        agency=agency, year=year, subtree=False, status__in=CURRENT
    )
    published = reports.filter(status=ReportStatus.PUBLISHED).first()
    return published or reports.order_by("-version").first()


def agency_lines(root: Agency, year: int, *, today: dt.date | None = None) -> list[AgencyLine]:
    today = today or timezone.localdate()
    settings = ReportSettings.objects.filter(agency=root).first()
    ratio = settings.jump_ratio if settings else Decimal(1)
    lines = []
    for agency in Agency.objects.subtree_of(root).filter(is_active=True):
        report = _latest(agency, year)
        due = statutory_date(agency, year)
        published_on = report.published_at.date() if report and report.published_at else None
        late = (published_on or today) > due
        status = report.get_status_display() if report else "未开始"
        data = _own_data(agency, year, report)
        last_report = _latest(agency, year - 1)
        last = _own_data(agency, year - 1, last_report) if year > 2008 else None
        problems = [p for p in check(data, last) if p.severity == "error"]
        lines.append(
            AgencyLine(agency, report, status, due, late, problems, _jumps(data, last, ratio))
        )
    return lines


def _jumps(data, last, ratio: Decimal) -> list[str]:
    if last is None or last.format.id != data.format.id:
        return []
    jumps = []
    for table, row, column in KEY_FIGURES.get(data.format.id, []):
        now, before = data.number(table, row, column), last.number(table, row, column)
        if before and abs(Decimal(now - before)) / Decimal(before) > ratio:
            label = data.format.table(table).row(row)
            jumps.append(f"{label.short_label or label.label}：上年{before}，本年{now}")
    return jumps


def cell_by_agency(root: Agency, year: int, cell: str) -> list[tuple[Agency, object]]:
    """One consolidated cell split by agency (the drill-down)."""
    table, row, column = parse_cell(cell)
    fmt = format_for_year(year)
    return [
        (agency, build(fmt, agency, year).value(table, row, column))
        for agency in Agency.objects.subtree_of(root).filter(is_active=True)
    ]
