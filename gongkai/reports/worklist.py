"""What the 工作台 lists of annual reports: last year's report still to publish before its
statutory date (2019 Arts. 49–50: departments by 31 January, governments by 31 March; 2008
Art. 31: by 31 March), and the report that is past it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from gongkai.agencies.models import Agency
from gongkai.agencies.roles import Capability
from gongkai.core.worklist import DUE, URGENT, Counter, register

from .models import AnnualReport
from .rollup import statutory_date
from .states import ReportStatus


def _unpublished_last_year(agency_ids, today) -> dict[int, bool]:
    """{agency: whether last year's report is late} for the agencies that have not published
    it (an own report, not a roll-up of the subtree)."""
    year = today.year - 1
    published = set(
        AnnualReport.objects.filter(
            agency_id__in=agency_ids,
            year=year,
            subtree=False,
            status__in=[ReportStatus.PUBLISHED, ReportStatus.SUPERSEDED],
        ).values_list("agency_id", flat=True)
    )
    return {
        agency.pk: today > statutory_date(agency, year)
        for agency in Agency.objects.filter(pk__in=agency_ids, is_active=True).only("pk", "kind")
        if agency.pk not in published
    }


def _counting(late: bool):
    def count(agency_ids, *, today, user=None):
        return {
            agency: 1
            for agency, is_late in _unpublished_last_year(agency_ids, today).items()
            if is_late == late
        }

    return count


def _reports(agency_id=None) -> str:
    return reverse("reports_office:index")


for counter in (
    Counter(
        "reports.late",
        _l("上一年度的年度报告已逾期未发布"),
        Capability.HANDLE,
        _counting(late=True),
        _reports,
        severity=URGENT,
        order=50,
    ),
    Counter(
        "reports.due",
        _l("上一年度的年度报告待发布"),
        Capability.HANDLE,
        _counting(late=False),
        _reports,
        severity=DUE,
        order=51,
    ),
):
    register(counter)
