"""Staff pages of the annual report: the list, one report (tables, checks, click-through),
figures typed in, the text, and the steps draft → final → published → new version."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability
from gongkai.agencies.selectors import agencies_visible_to
from gongkai.agencies.views import staff_required
from gongkai.core.action_views import action_forms, action_post, add_service_error
from gongkai.core.errors import DomainError
from gongkai.core.files import field_file_response
from gongkai.core.next_steps import next_steps

from .. import forms as f
from .. import selectors as sel
from .. import services as s
from ..actions import TABLE
from ..check import problem_key
from ..compute import cell_records
from ..document import parse_cell
from ..exporters.layout import narrative_blocks
from ..formats import get_format
from ..models import AnnualReport
from ..permissions import POLICY
from ..preflight import AHEAD, STEPS, publication_due, report_warnings
from ..presentation import export_input
from ..rollup import owed_reports
from ..sources import UnknownMeasure
from ..states import WORKFLOW, ReportStatus
from .tables import table_views


def staff_report(request, pk: int):
    report = get_object_or_404(sel.reports_visible_to(request.user), pk=pk)
    POLICY.require_view(request.user, report)
    return report


@staff_required
def index(request):
    """The reports of the user's agencies; above them, last year's reports still owed by the
    agencies where the user writes them (what the 工作台's report lines count)."""
    handle = agency_ids_with(request.user, Capability.HANDLE)
    agencies = agencies_visible_to(user=request.user).filter(pk__in=handle)
    form = f.StartForm(agencies=agencies)
    return render(
        request,
        "reports/office/index.html",
        {
            "owed": owed_reports([a.pk for a in agencies], today=timezone.localdate()),
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
            add_service_error(form, error)
    return render(
        request,
        "reports/office/index.html",
        {"reports": sel.reports_visible_to(request.user), "form": form},
        status=400,
    )


# Offered where they belong (at each failed check, in the 填报数 section), not with the steps.
PLACED = {"override", "enter_figures"}


def _detail_context(request, report, *, bound=None) -> dict:
    data = sel.report_data(report)
    problems = sel.report_problems(report, data=data)
    overridden = {o.problem: o for o in report.overrides.select_related("by")}
    available = action_forms(TABLE, request.user, report, bound=bound)
    actions = {name: (label, form) for name, label, form, _action in available}
    refusal = _override_refusal(bound)
    keys = [problem_key(p) for p in problems]
    narrative = sel.latest_narrative(report)
    override_label, override_form = actions.get("override", (None, None))
    entered_label, entered_form = actions.get("enter_figures", (None, None))
    return {
        "report": report,
        "fmt": data.format,
        # An imported report's numbers are the document's, not our records': no click-through.
        "tables": table_views(data, link_cells=not report.imported, report=report),
        "problems": [
            (
                p,
                key,
                overridden.get(key),
                refusal if refusal and refusal["problem"] == key else None,
            )
            for p, key in zip(problems, keys, strict=True)
        ],
        "refusal_elsewhere": refusal if refusal and refusal["problem"] not in keys else None,
        "blocking": [
            p
            for p, key in zip(problems, keys, strict=True)
            if p.severity == "error" and key not in overridden
        ],
        "can_edit": _may_edit(request.user, report),
        "override_label": override_label,
        "override_form": override_form,
        "entered_label": entered_label,
        "entered_form": entered_form,
        "steps": [entry for entry in available if entry[0] not in PLACED],
        "narrative": narrative,
        "preflight": preflight(
            report, problems=problems, overridden=overridden, narrative=narrative
        ),
        "preflight_steps": STEPS,
        "next_step": next_steps(TABLE, report, user=request.user),
        "versions": sel.versions_of(report),
        "history": sel.report_history(report),
    }


def preflight(report, *, problems, overridden: dict, narrative) -> dict | None:
    """What to read before the next step (定稿 of a draft, 发布 of a final report): the
    statutory date and the warnings (preflight.py); None once the report is published."""
    if report.status not in AHEAD:
        return None
    return {
        "step": WORKFLOW.transitions[
            "finalise" if report.status == ReportStatus.DRAFT else "publish"
        ].label,
        "due": publication_due(report),
        "warnings": report_warnings(
            report,
            problems=problems,
            overrides=overridden,
            narrative=narrative.sections if narrative else {},
        ),
    }


def _override_refusal(bound) -> dict | None:
    """A refused reason for a failed check: shown at that check, with what was typed."""
    if not bound or bound[0] != "override":
        return None
    form = bound[1]
    errors = [*form.non_field_errors(), *form.errors.get("reason", [])]
    return {
        "problem": form["problem"].value(),
        "reason": form["reason"].value() or "",
        "errors": errors,
    }


def _may_edit(user, report) -> bool:
    return WORKFLOW.allows("edit", report.status) and POLICY.allows(user, "edit", report)


@staff_required
def detail(request, pk: int):
    report = staff_report(request, pk)
    return render(request, "reports/office/detail.html", _detail_context(request, report))


@staff_required
@require_POST
def act(request, pk: int, action: str):
    """One of the page's actions (actions.TABLE): a new version opens on its own page."""
    report = staff_report(request, pk)

    def success_url(result) -> str:
        shown = result if isinstance(result, AnnualReport) else report
        return reverse("reports_office:detail", args=[shown.pk])

    return action_post(
        request,
        table=TABLE,
        target=report,
        name=action,
        success_url=success_url,
        template="reports/office/detail.html",
        context=lambda bound: _detail_context(request, report, bound=bound),
    )


@staff_required
def cell(request, pk: int, cell: str):
    report = staff_report(request, pk)
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
@require_http_methods(["GET", "POST"])
def narrative(request, pk: int):
    """The text: a form to save a new draft of it for those who may edit it now, the text as
    the report prints it (headings and paragraphs, no fields) for everyone else."""
    report = staff_report(request, pk)
    fmt = get_format(report.format)
    latest = sel.latest_narrative(report)
    sections = latest.sections if latest else {}
    editable = _may_edit(request.user, report)
    context = {
        "report": report,
        "editable": editable,
        "locked": not WORKFLOW.allows("edit", report.status),
        "history": report.narratives.select_related("saved_by")[:20],
    }
    if not editable:
        if request.method == "POST":
            raise PermissionDenied
        with_tables = {table.section for table in fmt.tables}
        context["sections"] = [
            (
                section.heading,
                narrative_blocks(section, sections.get(section.key)),
                section.heading in with_tables,
            )
            for section in fmt.sections
        ]
        return render(request, "reports/office/narrative.html", context)
    form = f.narrative_form(fmt, sections)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            s.report_save_narrative(actor=request.user, report=report, sections=form.cleaned_data)
            messages.success(request, "正文已保存为新稿。")
            return redirect("reports_office:detail", report.pk)
        except DomainError as error:
            add_service_error(form, error)
    return render(
        request,
        "reports/office/narrative.html",
        {**context, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required
def download(request, pk: int, kind: str):
    report = staff_report(request, pk)
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

    agency = get_object_or_404(agencies_visible_to(user=request.user), code=code)
    if not POLICY.allows(request.user, "settings", agency):
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
            add_service_error(form, error)
    return render(
        request,
        "reports/office/settings.html",
        {"agency": agency, "form": form},
        status=400 if form.errors else 200,
    )


@staff_required
def source_file(request, pk: int):
    """The original document of an imported report (a file of the report itself, not one of the
    stored-file kinds), served the shared way once the report may be seen."""
    report = staff_report(request, pk)
    if not report.source_file:
        raise Http404
    name = report.source_file.name.rsplit("/", 1)[-1]
    return field_file_response(report.source_file, filename=name)
