"""What the 工作台 lists of annual reports: last year's report still to publish before its
statutory date (2019 Arts. 49–50: departments by 31 January, governments by 31 March; 2008
Art. 31: by 31 March), and the report that is past it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from gongkai.agencies.roles import Capability
from gongkai.core.worklist import DUE, URGENT, Counter, register

from .rollup import owed_reports


def _counting(late: bool):
    def count(agency_ids, *, today, user=None):
        return {
            owed.agency.pk: 1 for owed in owed_reports(agency_ids, today=today) if owed.late == late
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
