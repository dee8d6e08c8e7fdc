"""Writes of annual reports: start, enter figures, edit the text, override a failed check with a
reason, finalise (snapshot), publish, and revise as a new version. Each is one atomic function;
every status change goes through the report's workflow (states.WORKFLOW: lock, permission,
table, changed fields, history row, audit row)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.release import release_check
from gongkai.facts.selectors import is_locked
from gongkai.facts.services.locks import year_lock, year_unlock

from . import selectors
from .check import problem_key
from .formats import format_for_year, get_format
from .models import AnnualReport, CheckOverride, Narrative
from .narrative import prefill
from .permissions import POLICY
from .release import export_releases
from .states import STANDING, WORKFLOW, ReportStatus


def _person(actor):
    return actor if actor is not None and actor.is_authenticated else None


def _written_reason(text: str | None, what: str, *, code: str) -> str:
    reason = (text or "").strip()
    if len(reason) < 4:
        raise DomainError(f"请写明{what}（至少4个字）。", code=code)
    return reason


@transaction.atomic
def report_start(
    *, actor, agency: Agency, year: int, format_id: str = "", subtree: bool = False
) -> AnnualReport:
    """A draft for `year`, its text prefilled from the records. Refused while one is open."""
    POLICY.require(actor, "create", agency)
    fmt = get_format(format_id) if format_id else format_for_year(year)
    if not fmt.official:
        raise DomainError(
            f"“{fmt.name}”是地方样式，只用于导入和检查已发布的年报。", code="not_official"
        )
    if year > timezone.localdate().year:
        raise DomainError(f"{year}年度尚未开始，不能编制年度报告。", code="future_year")
    existing = AnnualReport.objects.filter(agency=agency, year=year, subtree=subtree)
    if existing.exists():
        raise DomainError(
            f"{agency}{year}年度的年度报告已经存在，请打开它继续编辑或修订。",
            code="report_exists",
        )
    report = WORKFLOW.execute(
        AnnualReport(agency=agency, year=year, subtree=subtree, created_by=_person(actor)),
        "create",
        actor=actor,
        audited=("format",),
        format=fmt.id,
    )
    data = selectors.report_data(report)
    Narrative.objects.create(
        report=report, number=1, sections=prefill(data, agency=agency), prefilled=True
    )
    return report


@transaction.atomic
def report_save_entered(*, actor, report: AnnualReport, entered: dict) -> AnnualReport:
    """Figures typed in for cells no record holds; only those cells, as numbers."""
    report = WORKFLOW.lock(report)
    allowed = selectors.entered_cells(report)
    clean = {}
    for key, raw in entered.items():
        if key not in allowed:
            raise DomainError(f"“{key}”不是本报告需要填报的数字。", code="not_an_entered_cell")
        text = str(raw).strip().replace(",", "").replace("，", "")
        if text == "":
            continue
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise DomainError(f"{allowed[key]}：“{raw}”不是数字。", code="not_a_number") from None
        if not number.is_finite():
            raise DomainError(f"{allowed[key]}：“{raw}”不是数字。", code="not_a_number")
        clean[key] = format(number.normalize(), "f")
    old = report.entered
    # The figures' old and new values go into their own audit row ("report.entered").
    report = WORKFLOW.execute(report, "edit", actor=actor, audited=(), entered=clean)
    audit_record(
        actor=actor, action="report.entered", obj=report, changes={"entered": [old, clean]}
    )
    return report


@transaction.atomic
def report_save_narrative(*, actor, report: AnnualReport, sections: dict) -> Narrative:
    """The text is kept as numbered versions of its own (Narrative): the report row is unchanged."""
    report = WORKFLOW.lock(report)
    POLICY.require(actor, "edit", report)
    WORKFLOW.check("edit", report.status)
    known = {s.key for s in get_format(report.format).sections}
    unknown = set(sections) - known
    if unknown:
        raise DomainError(
            f"报告没有这些部分：{'、'.join(sorted(unknown))}。", code="unknown_section"
        )
    latest = report.narratives.first()
    narrative = Narrative.objects.create(
        report=report,
        number=(latest.number + 1) if latest else 1,
        sections={key: str(sections.get(key, "")) for key in known},
        saved_by=_person(actor),
    )
    audit_record(
        actor=actor, action="report.narrative", obj=report, note=f"正文第{narrative.number}稿"
    )
    return narrative


@transaction.atomic
def report_override(*, actor, report: AnnualReport, problem: str, reason: str) -> CheckOverride:
    """Allow finalising despite one failed check; the written reason stays with the report."""
    report = WORKFLOW.lock(report)
    POLICY.require(actor, "override", report)
    WORKFLOW.check("override", report.status)
    reason = _written_reason(reason, "允许定稿的理由", code="override_reason")
    current = {problem_key(p): p for p in selectors.report_problems(report)}
    if problem not in current:
        raise DomainError("该问题已不存在，无需说明理由。", code="no_such_problem")
    try:
        override = CheckOverride.objects.create(
            report=report,
            problem=problem,
            message=current[problem].message,
            reason=reason,
            by=actor,
        )
    except IntegrityError:
        raise DomainError("该问题已经说明过理由。", code="already_overridden") from None
    WORKFLOW.execute(report, "override", actor=actor, note=f"{problem}：{reason}")
    return override


@transaction.atomic
def report_finalise(*, actor, report: AnnualReport) -> AnnualReport:
    """Lock the figures: a snapshot of every cell, the checks, the overrides and the record
    counts behind them. Refused while an error-level problem has no override."""
    report = WORKFLOW.lock(report)
    # Asked before the figures are computed (the executor asks again when it moves the report).
    POLICY.require(actor, "finalise", report)
    WORKFLOW.check("finalise", report.status)
    data = selectors.report_data(report)
    problems = selectors.report_problems(report, data=data)
    overridden = set(report.overrides.values_list("problem", flat=True))
    blocking = [p for p in problems if p.severity == "error" and problem_key(p) not in overridden]
    if blocking:
        listed = "；".join(p.message for p in blocking[:5])
        more = f"等{len(blocking)}项" if len(blocking) > 5 else ""
        raise DomainError(
            f"报告有{len(blocking)}项数字关系不成立，不能定稿：{listed}{more}。"
            "请核对记录，或由审核人逐项说明理由后定稿。",
            code="checks_failed",
        )
    now = timezone.now()
    data.problems = problems
    snapshot = data.to_json()
    snapshot["provenance"] = data.provenance | {
        "finalised_at": now.isoformat(timespec="seconds"),
        "records": selectors.record_counts(report),
        "overrides": [
            {"problem": o.problem, "reason": o.reason, "by": str(o.by), "at": o.at.isoformat()}
            for o in report.overrides.select_related("by")
        ],
    }
    if not report.subtree:  # the agency's own facts of the year freeze with its report
        year_lock(
            actor=None,
            agency=report.agency,
            year=report.year,
            reason=f"{report.year}年度报告第{report.version}版定稿",
        )
    # The audit row records the status; the snapshot is on the report itself.
    return WORKFLOW.execute(
        report,
        "finalise",
        actor=actor,
        audited=("status",),
        snapshot=snapshot,
        finalised_by=_person(actor),
        finalised_at=now,
    )


def _supersede(versions, *, actor, note: str) -> None:
    """Every standing version among `versions` is replaced: the published one, and a final one
    that was revised before it was ever published."""
    for older in versions.filter(status__in=STANDING):
        older = WORKFLOW.lock(older)
        WORKFLOW.execute(older, "supersede", actor=actor, note=note)


@transaction.atomic
def report_publish(
    *, actor, report: AnnualReport, findings_seen: bool = False, release_override: str = ""
) -> AnnualReport:
    """Publish to the portal's 年报 column; the version it replaces becomes superseded. The
    exports pass the release check first (reports/release.py)."""
    report = WORKFLOW.lock(report)
    POLICY.require(actor, "publish", report)
    WORKFLOW.check("publish", report.status)
    release_check(
        actor=actor,
        releases=export_releases(report),
        agency=report.agency,
        owner=report,
        findings_seen=findings_seen,
        reason=release_override,
        can_override=True,  # publishing is the reviewer's (the policy above)
    )
    older = AnnualReport.objects.filter(
        agency_id=report.agency_id,
        year=report.year,
        subtree=report.subtree,
        version__lt=report.version,
    )
    _supersede(older, actor=actor, note=f"被第{report.version}版替代")
    return WORKFLOW.execute(
        report, "publish", actor=actor, audited=("status",), published_at=timezone.now()
    )


@transaction.atomic
def report_new_version(*, actor, report: AnnualReport, reason: str) -> AnnualReport:
    """Revise a final or published report: a new draft with the same entries and text."""
    report = WORKFLOW.lock(report)
    POLICY.require(actor, "new_version", report)
    WORKFLOW.check("new_version", report.status)
    reason = _written_reason(reason, "修订理由", code="revision_reason")
    versions = AnnualReport.objects.filter(
        agency_id=report.agency_id, year=report.year, subtree=report.subtree
    )
    if versions.filter(status=ReportStatus.DRAFT).exists():
        raise DomainError("已有一个修订中的新版本。", code="draft_exists")
    latest_version = versions.order_by("-version").values_list("version", flat=True).first()
    # The new version's creation, allowed by the state of the version it revises.
    revised = WORKFLOW.execute(
        AnnualReport(
            agency=report.agency,
            year=report.year,
            format=report.format,
            subtree=report.subtree,
            revision_reason=reason,
            entered=report.entered,
            created_by=_person(actor),
        ),
        "new_version",
        actor=actor,
        state=report.status,
        note=reason,
        audited=("version",),
        version=latest_version + 1,
    )
    if not report.subtree and is_locked(report.agency, report.year):
        year_unlock(
            actor=None, agency=report.agency, year=report.year, reason=f"修订年度报告：{reason}"
        )
    text = report.narratives.first()
    Narrative.objects.create(report=revised, number=1, sections=text.sections if text else {})
    return revised


@transaction.atomic
def report_settings_save(*, actor, agency: Agency, channel_map: dict, jump_ratio) -> None:
    """The agency's report settings: which old-form row each channel is counted in, and the
    roll-up's year-on-year threshold."""
    from .models import ReportSettings
    from .sources.catalog import DEFAULT_CHANNEL_MAP, LEGACY_CHANNEL_ROWS

    POLICY.require(actor, "settings", agency)
    unknown = [c for c, row in channel_map.items() if c not in DEFAULT_CHANNEL_MAP]
    wrong = [row for row in channel_map.values() if row not in LEGACY_CHANNEL_ROWS]
    if unknown or wrong:
        raise DomainError("渠道或统计表行不存在。", code="bad_channel_map")
    try:
        ratio = Decimal(str(jump_ratio))
    except InvalidOperation:
        raise DomainError("同比变动提示阈值必须是数字。", code="bad_ratio") from None
    if not Decimal("0.01") <= ratio <= Decimal("100"):
        raise DomainError("同比变动提示阈值应在0.01到100之间。", code="bad_ratio")
    settings, _ = ReportSettings.objects.select_for_update().get_or_create(agency=agency)
    old = {"channel_map": settings.channel_map, "jump_ratio": str(settings.jump_ratio)}
    settings.channel_map = {c: r for c, r in channel_map.items() if DEFAULT_CHANNEL_MAP[c] != r}
    settings.jump_ratio = ratio
    settings.save()
    audit_record(
        actor=actor,
        action="report.settings",
        obj=agency,
        changes={
            "channel_map": [old["channel_map"], settings.channel_map],
            "jump_ratio": [old["jump_ratio"], str(ratio)],
        },
    )


@transaction.atomic
def report_import(
    *, actor, agency: Agency, parsed, filename: str, content: bytes, replace: bool = False
) -> AnnualReport:
    """Keep a published report (parsed by importers/) as the agency's report for its year:
    published, marked imported, with its file. A year that has a report already is replaced only
    when asked to (`replace`): the earlier version is then superseded."""
    from django.core.files.base import ContentFile

    POLICY.require(actor, "import", agency)
    if parsed.report is None or not parsed.year:
        raise DomainError(f"{filename}：没有可导入的统计表或年度。", code="nothing_to_import")
    existing = AnnualReport.objects.select_for_update().filter(
        agency=agency, year=parsed.year, subtree=False
    )
    kept = existing.filter(status__in=STANDING)
    if kept.exists() and not replace:
        raise DomainError(
            f"{agency}{parsed.year}年度已有年度报告（第{kept.order_by('-version').first().version}版）。",
            code="report_exists",
        )
    _supersede(existing, actor=actor, note=f"被导入的{filename}替代")
    version = (existing.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    snapshot = parsed.to_json()
    snapshot["provenance"] = {
        "source": "imported",
        "file": filename,
        "imported_at": timezone.now().isoformat(timespec="seconds"),
        "confidence": snapshot.pop("confidence", None),
    }
    report = AnnualReport(
        agency=agency,
        year=parsed.year,
        format=parsed.format_id,
        version=version,
        revision_reason=f"导入已发布的年报：{filename}" if version > 1 else "",
        imported=True,
        snapshot=snapshot,
        published_at=timezone.now(),
        created_by=_person(actor),
    )
    report.source_file.save(filename.rsplit("/", 1)[-1], ContentFile(content), save=False)
    return WORKFLOW.execute(report, "import", actor=actor, note=filename, audited=("status",))
