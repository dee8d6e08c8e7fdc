"""What exporters need besides the tables: the title, the text, the charts' data."""

from __future__ import annotations

from gongkai.agencies.models import Agency
from gongkai.catalog.counts import channel_counts
from gongkai.catalog.models import ChannelRecord

from .document import ReportData
from .sources import Scope
from .sources.applications import ApplicationsSource
from .states import ReportStatus

HISTORY_YEARS = 5
OUTCOME_GROUPS = {
    "granted": ("granted",),
    "partial": ("partial",),
    "denied": ("denied_",),
    "unable": ("unable_",),
    "not_processed": ("np_",),
    "other": ("other_",),
}


def report_title(data: ReportData) -> str:
    suffix = "（汇总）" if data.subtree else ""
    return f"{data.agency}{data.year}年政府信息公开工作年度报告{suffix}"


def application_history(agency: Agency, year: int, *, subtree: bool = False) -> list:
    """[(year, {"received", "granted", …})] for the chart of the last HISTORY_YEARS years,
    counted the 2021 way whatever the format of each year."""
    history = []
    imported = {} if subtree else imported_history(agency, year)
    for y in range(year - HISTORY_YEARS + 1, year + 1):
        if y in imported:  # a year before the records: the figures of the report published then
            history.append((y, imported[y]))
            continue
        values = ApplicationsSource.measures(
            Scope(agency=agency, year=y, subtree=subtree, family="gb2021"),
            {"new.total", "concluded.total"},  # received and outcomes: no fees, no carry-over
        )
        figures = {"received": values.get("new.total", 0)}
        for group, prefixes in OUTCOME_GROUPS.items():
            figures[group] = sum(
                n
                for key, n in values.items()
                if key.startswith("result.")
                and key.endswith(".total")
                and key.split(".")[1].startswith(prefixes)
            )
        history.append((y, figures))
    while history and not any(history[0][1].values()):
        history.pop(0)  # years before the agency's first application
    return history


# Where the imported reports of each format keep the number of applications received.
RECEIVED_CELL = {
    "gb2021": ("t3", "new_received", "total"),
    "gb2019": ("t3", "new_received", "total"),
    "gb2008": ("tongjibiao", "s3_received", "value"),
    "fj2008": ("fj_tongjibiao", "req", "year"),
}


def imported_history(agency: Agency, year: int) -> dict[int, dict[str, int]]:
    """{year: figures} from the reports imported for the agency (published before Gongkai), so
    that the trend covers the years the records do not."""
    from .models import AnnualReport
    from .selectors import report_data

    history = {}
    reports = AnnualReport.objects.filter(
        agency=agency,
        imported=True,
        status=ReportStatus.PUBLISHED,
        subtree=False,
        year__gt=year - HISTORY_YEARS,
        year__lte=year,
    )
    for report in reports:
        data = report_data(report)
        cell = RECEIVED_CELL.get(data.format.id)
        if cell is None:
            continue
        figures = {"received": data.number(*cell)} | dict.fromkeys(OUTCOME_GROUPS, 0)
        if "t3" in data.values:
            for group, prefixes in OUTCOME_GROUPS.items():
                figures[group] = sum(
                    data.number("t3", row, "total")
                    for row in data.values["t3"]
                    if row.startswith(prefixes) and row not in {"results_total"}
                )
        history[report.year] = figures
    return history


def channel_figures(agency: Agency, year: int, *, subtree: bool = False) -> dict[str, int]:
    scope = Scope(agency=agency, year=year, subtree=subtree)
    labels = dict(ChannelRecord.Channel.choices)
    return {str(labels[c]): n for c, n in channel_counts(scope.agency_ids, year).items() if n}


def export_input(data: ReportData, agency: Agency, narrative: dict, *, status_note: str = ""):
    from .exporters import ExportInput

    return ExportInput(
        report=data,
        title=report_title(data),
        narrative=narrative,
        history=application_history(agency, data.year, subtree=data.subtree),
        channels=channel_figures(agency, data.year, subtree=data.subtree),
        status_note=status_note,
    )


def public_body(report) -> str:
    """The report as the public reads it on the 年报 column (the HTML fragment of the same
    exporter as every download): the published page and the staff's preview before
    finalising or publishing show exactly this."""
    from .exporters import render_fragment
    from .selectors import latest_narrative, report_data

    narrative = latest_narrative(report)
    return render_fragment(
        export_input(report_data(report), report.agency, narrative.sections if narrative else {})
    )
