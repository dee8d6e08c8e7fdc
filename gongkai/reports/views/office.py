"""Staff pages of the annual report: the list, one report (tables, checks, click-through),
figures typed in, the text, and the steps draft → final → published → new version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.errors import DomainError

from .. import forms as f
from .. import selectors as sel
from .. import services as s
from ..check import problem_key
from ..compute import cell_records
from ..document import parse_cell
from ..formats import get_format
from ..permissions import may, require_view
from ..presentation import export_input
from ..sources import UnknownMeasure
from ..states import ReportStatus
from .tables import table_views


def _report(request, pk: int):
    report = get_object_or_404(sel.reports_visible_to(request.user), pk=pk)
    require_view(request.user, report)
    return report


def _fail(request, error: DomainError):
    messages.error(request, error.message)


@staff_required
def index(request):
    handle = agency_ids_with(request.user, Capability.HANDLE)
    form = f.StartForm(agencies=agencies_visible_to(user=request.user).filter(pk__in=handle))
    return render(
        request,
        "reports/office/index.html",
        {
            "reports": sel.reports_visible_to(request.user),
            "form": form if handle else None,
            "rollups": _rollup_links(request.user),
            "settings_agencies": agencies_visible_to(user=request.user).filter(
                pk__in=agency_ids_with(request.user, Capability.ADMINISTER)
            ),
        },
    )


def _rollup_links(user) -> list:
    """(agency, year) of every visible agency that has agencies under it, for last year."""
    from django.utils import timezone

    visible = agencies_visible_to(user=user)
    parents = visible.filter(pk__in=visible.values("parent_id"))
    year = timezone.localdate().year - 1
    return [(agency, year) for agency in parents]


@staff_required
@require_POST
def start(request):
    handle = agency_ids_with(request.user, Capability.HANDLE)
    agencies = agencies_visible_to(user=request.user).filter(pk__in=handle)
    form = f.StartForm(request.POST, agencies=agencies)
    if form.is_valid():
        try:
            report = s.report_start(
                actor=request.user,
                agency=form.cleaned_data["agency"],
                year=form.cleaned_data["year"],
                format_id=form.cleaned_data["format"],
                subtree=form.cleaned_data["subtree"],
            )
            return redirect("reports_office:detail", report.pk)
        except DomainError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "reports/office/index.html",
        {"reports": sel.reports_visible_to(request.user), "form": form},
        status=400,
    )


@staff_required
def detail(request, pk: int):
    report = _report(request, pk)
    data = sel.report_data(report)
    problems = sel.report_problems(report, data=data)
    overridden = {o.problem: o for o in report.overrides.select_related("by")}
    draft = report.status == ReportStatus.DRAFT
    can_review = may(request.user, report, "finalise")
    cells = sel.entered_cells(report)
    return render(
        request,
        "reports/office/detail.html",
        {
            "report": report,
            "fmt": data.format,
            # An imported report's numbers are the document's, not our records': no click-through.
            "tables": table_views(data, link_cells=not report.imported, report=report),
            "problems": [(p, problem_key(p), overridden.get(problem_key(p))) for p in problems],
            "blocking": [
                p for p in problems if p.severity == "error" and problem_key(p) not in overridden
            ],
            "can_edit": draft and may(request.user, report, "edit"),
            "can_review": draft and can_review,
            "can_publish": report.status == ReportStatus.FINAL and can_review,
            "can_revise": report.status in {ReportStatus.FINAL, ReportStatus.PUBLISHED}
            and may(request.user, report, "new_version"),
            "entered_form": f.entered_form(cells, report.entered)() if cells and draft else None,
            "narrative": sel.latest_narrative(report),
            "versions": report.__class__.objects.filter(
                agency=report.agency, year=report.year, subtree=report.subtree
            ).order_by("version"),
            "reason_form": f.ReasonForm(),
        },
    )


@staff_required
def cell(request, pk: int, cell: str):
    report = _report(request, pk)
    fmt = get_format(report.format)
    try:
        records = cell_records(
            fmt, report.agency, report.year, cell, subtree=report.subtree, entered=report.entered
        )
        table_key, row, column = parse_cell(cell)
        table = fmt.table(table_key)
        row_label = table.row(row).label
        column_label = "/".join(next(c.path for c in table.columns if c.key == column))
    except (UnknownMeasure, KeyError, StopIteration):
        raise Http404 from None
    data = sel.report_data(report)
    return render(
        request,
        "reports/office/cell.html",
        {
            "report": report,
            "table": table,
            "row_label": row_label,
            "column_label": column_label,
            "value": data.value(table_key, row, column),
            "records": list(records[:500]) if hasattr(records, "__getitem__") else records,
            "source": table.bindings[(row, column)].source,
            "frozen": bool(report.snapshot),
        },
    )


@staff_required
@require_POST
def entered(request, pk: int):
    report = _report(request, pk)
    cells = sel.entered_cells(report)
    values = {key: request.POST.get(key.replace(".", "__"), "") for key in cells}
    try:
        s.report_save_entered(actor=request.user, report=report, entered=values)
        messages.success(request, "填报数已保存。")
    except DomainError as error:
        _fail(request, error)
    return redirect("reports_office:detail", report.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def narrative(request, pk: int):
    report = _report(request, pk)
    fmt = get_format(report.format)
    latest = sel.latest_narrative(report)
    form_class = f.narrative_form(fmt, latest.sections if latest else {})
    form = form_class(request.POST or None)
    editable = report.status == ReportStatus.DRAFT and may(request.user, report, "edit")
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            try:
                s.report_save_narrative(
                    actor=request.user, report=report, sections=form.cleaned_data
                )
                messages.success(request, "正文已保存为新稿。")
                return redirect("reports_office:detail", report.pk)
            except DomainError as error:
                form.add_error(None, error.message)
    return render(
        request,
        "reports/office/narrative.html",
        {
            "report": report,
            "form": form,
            "editable": editable,
            "history": report.narratives.select_related("saved_by")[:20],
        },
        status=400 if form.errors else 200,
    )


@staff_required
@require_POST
def override(request, pk: int):
    report = _report(request, pk)
    form = f.OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请写明理由。")
    else:
        try:
            s.report_override(
                actor=request.user,
                report=report,
                problem=form.cleaned_data["problem"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, "理由已记录。")
        except DomainError as error:
            _fail(request, error)
    return redirect("reports_office:detail", report.pk)


def _step(service, success: str):
    @staff_required
    @require_POST
    def view(request, pk: int):
        report = _report(request, pk)
        try:
            service(actor=request.user, report=report)
            messages.success(request, success)
        except DomainError as error:
            _fail(request, error)
        return redirect("reports_office:detail", report.pk)

    return view


finalise = _step(s.report_finalise, "报告已定稿，数字已锁定。")
publish = _step(s.report_publish, "报告已发布到政府信息公开年报栏目。")


@staff_required
@require_POST
def new_version(request, pk: int):
    report = _report(request, pk)
    try:
        revised = s.report_new_version(
            actor=request.user, report=report, reason=request.POST.get("reason", "")
        )
        messages.success(request, f"已创建第{revised.version}版。")
        return redirect("reports_office:detail", revised.pk)
    except DomainError as error:
        _fail(request, error)
        return redirect("reports_office:detail", report.pk)


@staff_required
def download(request, pk: int, kind: str):
    report = _report(request, pk)
    return export_response(report, kind)


def export_response(report, kind: str) -> HttpResponse:
    from ..exporters import CONTENT_TYPES, export

    if kind not in CONTENT_TYPES:
        raise Http404
    data = sel.report_data(report)
    narrative = sel.latest_narrative(report)
    note = "" if report.snapshot else "草稿"
    body = export(
        export_input(
            data, report.agency, narrative.sections if narrative else {}, status_note=note
        ),
        kind,
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    filename = f"{report.agency.code}-{report.year}-v{report.version}.{kind}"
    disposition = "inline" if kind == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@staff_required
@require_http_methods(["GET", "POST"])
def report_settings(request, code: str):
    from gongkai.catalog.models import ChannelRecord

    from ..models import ReportSettings
    from ..permissions import ACTION_CAPABILITY

    agency = get_object_or_404(agencies_visible_to(user=request.user), code=code)
    if agency.pk not in agency_ids_with(request.user, ACTION_CAPABILITY["settings"]):
        raise PermissionDenied
    stored = ReportSettings.objects.filter(agency=agency).first()
    form_class = f.settings_form(
        dict(ChannelRecord.Channel.choices),
        sel.channel_map_of(agency.pk),
        stored.jump_ratio if stored else 1,
    )
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        ratio = data.pop("jump_ratio")
        try:
            s.report_settings_save(
                actor=request.user, agency=agency, channel_map=data, jump_ratio=ratio
            )
            messages.success(request, "年报设置已保存。")
            return redirect("reports_office:settings", agency.code)
        except DomainError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "reports/office/settings.html",
        {"agency": agency, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required
def source_file(request, pk: int):
    """The original document of an imported report."""
    from django.http import FileResponse

    report = _report(request, pk)
    if not report.source_file:
        raise Http404
    name = report.source_file.name.rsplit("/", 1)[-1]
    return FileResponse(report.source_file.open("rb"), as_attachment=True, filename=name)
