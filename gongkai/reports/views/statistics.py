"""Statistics on demand of disclosure applications: the page (tables and charts) and the same
figures as a workbook. Both read the conditions from the query string."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.workdays.selectors import work_calendar

from ..exporters.statistics import (
    flow_chart,
    flow_header,
    outcomes_chart,
    period_text,
    scope_text,
    workbook,
)
from ..forms import StatisticsForm
from ..permissions import POLICY
from ..statistics import period_agency_ids, statistics


def definitions() -> list[tuple[str, str]]:
    """What each figure counts, shown under the tables and written into the workbook."""
    return [
        (_("收到"), _("收到申请之日在统计期间内的申请（年报的“本年新收”）。")),
        (
            _("办结"),
            _(
                "答复送达之日（或未经答复而终止之日，如撤回、逾期未补正）在统计期间内的申请"
                "（年报的“办结”）。答复结果按年报表三的行统计，撤回计入“其他处理”。"
            ),
        ),
        (
            _("按期答复率"),
            _(
                "办结申请中按期答复的件数 ÷（按期答复 + 逾期答复）。期限已计入延期和补正、"
                "征求意见等不计算在内的期间；未经答复而终止的、期限无法确定的不计入。"
            ),
        ),
        (
            _("平均答复用时"),
            _(
                "统计期间内送达的答复，自收到申请之日的次日起至送达之日的工作日数的平均值"
                "（按节假日安排计算；补正、征求意见等期间未扣除）。"
            ),
        ),
    ]


def _compute(request):
    """(form, statistics or None): the figures when the conditions are valid."""
    agencies = agencies_visible_to(user=request.user).order_by("path")
    form = StatisticsForm(request.GET, agencies=agencies, today=timezone.localdate())
    if not form.is_valid():
        return form, None
    agency, subtree = form.cleaned_data["agency"], form.cleaned_data["subtree"]
    POLICY.require_view(request.user, agency)
    visible = agency_ids_with(request.user, Capability.VIEW)
    return form, statistics(
        agency=agency,
        start=form.cleaned_data["start"],
        end=form.cleaned_data["end"],
        agency_ids=period_agency_ids(agency, subtree=subtree, visible=visible),
        subtree=subtree,
        calendar=work_calendar(),
    )


@staff_required
def applications(request):
    form, stats = _compute(request)
    context = {"form": form, "stats": stats, "definitions": definitions()}
    if stats is not None:
        context |= {
            "header": flow_header(),
            "scope": scope_text(stats),
            "period": period_text(stats),
            "flow_chart": flow_chart(stats),
            "outcomes_chart": outcomes_chart(stats),
            "query": request.GET.urlencode(),
        }
    return render(
        request,
        "reports/office/statistics.html",
        context,
        status=200 if stats is not None else 400,
    )


@staff_required
def applications_xlsx(request):
    form, stats = _compute(request)
    if stats is None:
        return render(
            request,
            "reports/office/statistics.html",
            {"form": form, "stats": None, "definitions": definitions()},
            status=400,
        )
    name = f"{stats.agency.code}-{stats.start:%Y%m%d}-{stats.end:%Y%m%d}.xlsx"
    response = HttpResponse(
        workbook(stats, definitions()),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="statistics-{name}"'
    return response
