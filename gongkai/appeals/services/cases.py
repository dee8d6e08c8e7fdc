"""Recording a case, editing it while open, recording its outcome, correcting it once closed.
Each step goes through the workflow (appeals.states.WORKFLOW): history row and audit row."""

import datetime

from django.db import transaction
from django.utils import timezone

from gongkai.core.errors import DomainError

from ..models import AppealCase
from ..permissions import POLICY
from ..privacy import names_in
from ..states import CLOSED, WORKFLOW, AppealKind, Outcome

# What the case is about; editable while open, corrected (with a reason) once closed.
FACT_FIELDS = (
    "kind",
    "application",
    "reconsideration",
    "appellant_name",
    "reviewing_body",
    "case_number",
    "filed_on",
    "summary",
)
OUTCOME_FIELDS = ("outcome", "closed_on", "outcome_note")
ALL_FIELDS = FACT_FIELDS + OUTCOME_FIELDS
DEFAULTS = {
    "application": None,
    "reconsideration": None,
    "case_number": "",
    "summary": "",
    "outcome": Outcome.PENDING,
    "closed_on": None,
    "outcome_note": "",
}
TEXT_FIELDS = ("appellant_name", "reviewing_body", "case_number", "summary", "outcome_note")


def _current(case: AppealCase) -> dict:
    return {name: getattr(case, name) for name in ALL_FIELDS}


def _check_links(agency, values: dict, instance: AppealCase | None) -> None:
    application, earlier = values["application"], values["reconsideration"]
    if application is not None:
        if application.agency_id != agency.pk:
            raise DomainError(
                "所涉申请不属于本机关。", code="application_other_agency", field="application"
            )
        if values["filed_on"] < application.submitted_on:
            raise DomainError(
                "立案日期早于所涉申请的提交日期。",
                code="filed_before_application",
                field="filed_on",
            )
    if earlier is None:
        return
    if values["kind"] != AppealKind.LITIGATION_AFTER_RECONSIDERATION:
        raise DomainError(
            "只有“复议后起诉”的行政诉讼可以关联前置的行政复议。",
            code="reconsideration_not_allowed",
            field="reconsideration",
        )
    if instance is not None and earlier.pk == instance.pk:
        raise DomainError("不能关联案件自身。", code="self_reference", field="reconsideration")
    if earlier.agency_id != agency.pk or earlier.kind != AppealKind.RECONSIDERATION:
        raise DomainError(
            "前置案件须是本机关的行政复议案件。",
            code="bad_reconsideration",
            field="reconsideration",
        )
    if values["filed_on"] < earlier.filed_on:
        raise DomainError(
            "起诉日期早于前置行政复议的立案日期。",
            code="filed_before_reconsideration",
            field="filed_on",
        )
    if application is None:
        values["application"] = earlier.application  # the suit concerns the same reply
    elif earlier.application_id not in (None, application.pk):
        raise DomainError(
            "所涉申请与前置行政复议的申请不一致。",
            code="application_mismatch",
            field="application",
        )


def _check_outcome(values: dict, today: datetime.date) -> None:
    outcome, closed_on = values["outcome"], values["closed_on"]
    if outcome not in Outcome.values:
        raise DomainError("结果无效。", code="bad_outcome", field="outcome")
    if outcome not in CLOSED:
        if closed_on is not None:
            raise DomainError(
                "尚未审结的案件不能填写审结日期；请选择审结结果。",
                code="closed_on_without_outcome",
                field="closed_on",
            )
        return
    if closed_on is None:
        raise DomainError(
            "已审结的案件须填写审结日期。", code="closed_on_required", field="closed_on"
        )
    if closed_on < values["filed_on"]:
        raise DomainError(
            "审结日期不能早于立案日期。", code="closed_before_filed", field="closed_on"
        )
    if closed_on > today:
        raise DomainError("审结日期不能晚于今天。", code="closed_in_future", field="closed_on")


def _clean(agency, values: dict, *, today, instance: AppealCase | None = None) -> dict:
    """The full set of field values checked against the rules; DomainError names the first
    problem. `values` holds every field of ALL_FIELDS."""
    values = dict(values)
    for name in TEXT_FIELDS:
        values[name] = (values[name] or "").strip()
    if values["kind"] not in AppealKind.values:
        raise DomainError("请选择案件类型。", code="bad_kind", field="kind")
    if not values["appellant_name"]:
        raise DomainError(
            "请填写申请人、原告或举报人。", code="appellant_required", field="appellant_name"
        )
    if not values["reviewing_body"]:
        raise DomainError(
            "请填写复议机关、人民法院或受理机关。",
            code="reviewing_body_required",
            field="reviewing_body",
        )
    if values["filed_on"] is None:
        raise DomainError("请填写立案（收到）日期。", code="filed_on_required", field="filed_on")
    if values["filed_on"] > today:
        raise DomainError("立案日期不能晚于今天。", code="filed_in_future", field="filed_on")
    _check_links(agency, values, instance)
    application = values["application"]
    people = [values["appellant_name"], application.applicant_name if application else ""]
    if names_in(values["summary"], people):
        raise DomainError(
            "案情摘要将在门户网站公开，不能写入当事人姓名或名称。",
            code="summary_names_person",
            field="summary",
        )
    _check_outcome(values, today)
    if values["case_number"]:
        clash = AppealCase.objects.filter(
            agency=agency,
            reviewing_body=values["reviewing_body"],
            case_number=values["case_number"],
        )
        if instance is not None:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            raise DomainError(
                f"本机关已登记过{values['reviewing_body']}的案号“{values['case_number']}”。",
                code="case_number_taken",
                field="case_number",
            )
    return values


def _refuse_unknown(fields: dict, allowed, *, closed: bool) -> None:
    unknown = set(fields) - set(allowed)
    if unknown & set(OUTCOME_FIELDS) and not closed:
        raise DomainError("尚未审结的案件请通过“登记审结结果”填写结果。", code="use_record_outcome")
    if unknown:
        raise DomainError(f"不能修改这些字段：{'、'.join(sorted(unknown))}", code="bad_field")


def _actor_or_none(actor):
    return actor if actor is not None and actor.is_authenticated else None


@transaction.atomic
def appeal_create(*, actor, agency, **fields) -> AppealCase:
    """Record a case, open or (for one learnt of late) already closed with its outcome."""
    POLICY.require(actor, "create", agency)
    _refuse_unknown(fields, ALL_FIELDS, closed=True)
    values = _clean(agency, {**DEFAULTS, "filed_on": None, **fields}, today=timezone.localdate())
    case = AppealCase(agency=agency, created_by=_actor_or_none(actor))
    # The outcome among the values picks the status the case is created in.
    return WORKFLOW.execute(case, "create", actor=actor, **values)


@transaction.atomic
def appeal_update(*, actor, case: AppealCase, correction_reason: str = "", **fields):
    """Edit an open case; a closed one only as a correction with its reason (audited as such),
    which may also correct the recorded outcome."""
    case = WORKFLOW.lock(case)
    action = "correct" if case.is_closed else "edit"
    # Permission, then state, then the input: a stranger learns nothing from a refusal.
    POLICY.require(actor, action, case)
    WORKFLOW.check(action, case.outcome)
    _refuse_unknown(fields, ALL_FIELDS if case.is_closed else FACT_FIELDS, closed=case.is_closed)
    correction_reason = (correction_reason or "").strip()
    if case.is_closed and not correction_reason:
        raise DomainError(
            "更正已审结的案件须说明更正理由。",
            code="correction_reason_required",
            field="correction_reason",
        )
    values = _clean(
        case.agency, {**_current(case), **fields}, today=timezone.localdate(), instance=case
    )
    if action == "edit":
        del values["outcome"]  # an edit leaves the status as it is
    return WORKFLOW.execute(case, action, actor=actor, note=correction_reason, **values)


@transaction.atomic
def appeal_record_outcome(
    *, actor, case: AppealCase, outcome: str, closed_on: datetime.date | None, note: str = ""
) -> AppealCase:
    """Close an open case: 维持, 纠正 or 其他, on the date the decision or judgment was made."""
    case = WORKFLOW.lock(case)
    POLICY.require(actor, "record_outcome", case)
    WORKFLOW.check("record_outcome", case.outcome)
    if outcome not in CLOSED:
        raise DomainError(
            "请选择审结结果（维持、纠正或其他）。", code="outcome_required", field="outcome"
        )
    values = _clean(
        case.agency,
        {**_current(case), "outcome": outcome, "closed_on": closed_on, "outcome_note": note},
        today=timezone.localdate(),
        instance=case,
    )
    return WORKFLOW.execute(case, "record_outcome", actor=actor, **values)
