"""Reads of annual reports and their settings."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Case, IntegerField, Value, When

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.appeals.models import AppealCase
from gongkai.catalog.counts import published_items_in_year
from gongkai.catalog.models import ChannelRecord
from gongkai.engagement.models import ConcernResponse

from .check import check
from .compute import binding_sources, bindings_of, build
from .document import Problem, ReportData
from .formats import get_format
from .models import AnnualReport, ReportSettings
from .sources import Scope
from .sources.applications import in_scope
from .sources.catalog import DEFAULT_CHANNEL_MAP
from .states import STANDING, ReportStatus


def channel_map_of(agency_id: int) -> dict[str, str]:
    settings = ReportSettings.objects.filter(agency_id=agency_id).first()
    return DEFAULT_CHANNEL_MAP | (settings.channel_map if settings else {})


def channel_maps(agency_ids) -> list[tuple[list[int], dict[str, str]]]:
    """[(agency ids, mapping)] grouping the agencies that share a mapping (usually all)."""
    custom = dict(
        ReportSettings.objects.filter(agency_id__in=list(agency_ids))
        .exclude(channel_map={})
        .values_list("agency_id", "channel_map")
    )
    groups: dict = defaultdict(list)
    for agency_id in agency_ids:
        mapping = DEFAULT_CHANNEL_MAP | custom.get(agency_id, {})
        groups[tuple(sorted(mapping.items()))].append(agency_id)
    return [(ids, dict(mapping)) for mapping, ids in groups.items()]


# Reports ---------------------------------------------------------------------------------------


def report_data(report):
    """The report's tables: the frozen snapshot once final, else computed from the records."""
    if report.snapshot:
        data = ReportData.from_json(report.snapshot)
        data.sources = binding_sources(get_format(report.format))
        return data
    return build(
        get_format(report.format),
        report.agency,
        report.year,
        subtree=report.subtree,
        entered=report.entered,
    )


def previous_report(report):
    """Last year's report of the same agency and scope that counts: the published one, else the
    latest final or imported one."""
    candidates = AnnualReport.objects.filter(
        agency_id=report.agency_id,
        year=report.year - 1,
        subtree=report.subtree,
        snapshot__isnull=False,
        status__in=STANDING,
    )
    published_first = Case(
        When(status=ReportStatus.PUBLISHED, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return candidates.order_by(published_first, "-version").first()


def report_problems(report, *, data=None):
    data = data or report_data(report)
    last = previous_report(report)
    return check(data, report_data(last) if last else None) + missing_entries(report)


def entered_cells(report) -> dict[str, str]:
    """{entered key: cell label} for the cells of this report's format typed in by staff."""
    cells = {}
    for table, row, column, name, measure in bindings_of(get_format(report.format)):
        if name == "entered":
            label = next(c.label for c in table.columns if c.key == column)
            cells[measure] = f"{table.title} {table.row(row).label}（{label}）"
    return cells


def missing_entries(report):
    if report.snapshot:
        return []
    return [
        Problem(
            kind="missing",
            where=key,
            expected="数字",
            found=None,
            message=f"尚未填报：{label}（记录中没有这项数字，请在“填报数”中填写，没有则填0）",
            severity="warning",
            identity="entered",
        )
        for key, label in entered_cells(report).items()
        if key not in (report.entered or {})
    ]


def record_counts(report) -> dict[str, int]:
    """How many records of each kind the figures were computed from (kept in the snapshot)."""
    scope = Scope(agency=report.agency, year=report.year, subtree=report.subtree)
    ids = scope.agency_ids
    return {
        "agencies": len(ids),
        "applications": in_scope(scope).count(),
        "catalog_items": published_items_in_year(ids, report.year).count(),
        "channel_records": ChannelRecord.objects.filter(
            item__agency_id__in=ids, published_on__year=report.year
        ).count(),
        "appeal_cases": AppealCase.objects.filter(
            agency_id__in=ids, filed_on__year=report.year
        ).count(),
        "responses": ConcernResponse.objects.filter(
            agency_id__in=ids, held_on__year=report.year
        ).count(),
    }


def latest_narrative(report):
    return report.narratives.first()


def reports_visible_to(user):
    return AnnualReport.objects.filter(
        agency_id__in=agency_ids_with(user, Capability.VIEW)
    ).select_related("agency")


def published_reports(agency):
    return AnnualReport.objects.filter(agency=agency, status=ReportStatus.PUBLISHED).order_by(
        "-year"
    )


def versions_of(report):
    """Every version of the report's agency, year and scope, oldest first."""
    return AnnualReport.objects.filter(
        agency_id=report.agency_id, year=report.year, subtree=report.subtree
    ).order_by("version")


def report_history(report):
    """The report's steps (started, overrides, finalised, published, superseded …), in order."""
    return report.status_changes.select_related("actor").order_by("at", "id")
