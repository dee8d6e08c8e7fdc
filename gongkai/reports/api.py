"""REST API of the annual reports (OpenAPI at /api/openapi.json), for staff: a report with
its statutory date and the warnings the page shows before 定稿 and 发布, and the page's
actions (actions.TABLE) through the same forms, rules and refusals; finalising and publishing
need `"confirm": true`, as their page needs 我已确认."""

from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from gongkai.core.action_api import ActionAPIView, action_paths
from gongkai.core.api import error_responses

from . import selectors as sel
from . import serializers as api
from .actions import TABLE
from .permissions import POLICY
from .preflight import publication_due, report_warnings
from .states import ReportStatus


def _staff_report(request, pk: int):
    report = get_object_or_404(sel.reports_visible_to(request.user), pk=pk)
    POLICY.require_view(request.user, report)
    return report


def report_data(report, user) -> dict:
    due = publication_due(report)
    overrides = {o.problem: o for o in report.overrides.select_related("by")}
    narrative = sel.latest_narrative(report)
    warnings = report_warnings(
        report,
        problems=sel.report_problems(report),
        overrides=overrides,
        narrative=narrative.sections if narrative else {},
        today=due.today,
    )
    public_url = None
    if report.status == ReportStatus.PUBLISHED:
        public_url = reverse("reports:report", args=[report.agency.code, report.year])
        public_url += "?scope=subtree" if report.subtree else ""
    return {
        "pk": report.pk,
        "agency": {"code": report.agency.code, "name": report.agency.name},
        "year": report.year,
        "subtree": report.subtree,
        "version": report.version,
        "format": report.format,
        "status": report.status,
        "status_label": str(report.get_status_display()),
        "title": report.title,
        "due": {
            "date": due.date.isoformat(),
            "basis": due.basis,
            "days_late": due.days_late,
            "message": due.describe(),
        },
        "warnings": [{"kind": w.kind, "message": w.message, "blocks": w.blocks} for w in warnings],
        "actions": [action.name for action in TABLE.available(user, report)],
        "preview": reverse("reports_office:preview", args=[report.pk]),
        "public_url": public_url,
    }


class OfficeReportAPI(APIView):
    @extend_schema(
        operation_id="office_reports_read",
        summary="年度报告（工作人员）",
        description="与报告页面相同的提示：正文中没有内容的部分、不成立的检查（已说明理由的也列出）"
        "和逾期天数。",
        responses={200: api.StaffAnnualReportSerializer, **error_responses(403, 404)},
    )
    def get(self, request, pk: int):
        return Response(report_data(_staff_report(request, pk), request.user))


class OfficeReportActionAPI(ActionAPIView):
    """The report page's actions (actions.TABLE): reasons for failed checks, figures typed in,
    finalising, publishing, revising."""

    table = TABLE
    operation_base = "office_reports_act"
    description = (
        "说明理由、填报数、定稿、发布、修订等操作（与报告页面相同的表单、规则和拒绝理由）；"
        '定稿和发布不可撤销，须提交 "confirm": true。'
    )
    response_serializer = api.StaffAnnualReportSerializer

    def get_target(self, request, pk: int):
        return _staff_report(request, pk)

    def respond(self, request, target):
        target.refresh_from_db()
        return Response(report_data(target, request.user))


urlpatterns = [
    path("office/reports/<int:pk>/", OfficeReportAPI.as_view(), name="office-report"),
    *action_paths(
        "office/reports/<int:pk>/actions/", OfficeReportActionAPI, name="office-report-act"
    ),
]
