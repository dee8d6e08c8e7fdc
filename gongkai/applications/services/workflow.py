"""Handling: start, assignment, 补正 (Art. 30), consultation (Arts. 32, 34), extension (Art. 33)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.deadlines.compute import Pause
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.deadlines.services import deadline_open, deadline_update

from ..models import Application, Consultation, ExtensionRequest
from ..notifications import notify_applicant, notify_assignee
from ..permissions import POLICY
from ..states import WORKFLOW
from .base import close_deadlines, open_deadline, record_lapse, today_or


@transaction.atomic
def application_start(*, actor, application: Application) -> Application:
    application = WORKFLOW.lock(application)
    assignee = application.assigned_to or (actor if actor is not None else None)
    return WORKFLOW.execute(application, "start", actor=actor, assigned_to=assignee)


@transaction.atomic
def application_assign(*, actor, application: Application, assignee, note: str = "") -> Application:
    """Give the case to a clerk of its agency (or to another one): a step of the workflow
    (history row, audit row application.assign), and the new assignee is told after commit."""
    from gongkai.agencies.permissions import can
    from gongkai.agencies.roles import Capability

    application = WORKFLOW.lock(application)
    POLICY.require(actor, "assign", application)
    if assignee is None or not can(assignee, Capability.HANDLE, application.agency_id):
        raise DomainError(
            f"{assignee}不是本机关的信息公开工作人员。",
            code="assignee_not_clerk",
            field="assignee",
        )
    if application.assigned_to_id == assignee.pk:
        raise DomainError(f"本申请已由{assignee}承办。", code="assignee_same", field="assignee")
    name = assignee.get_full_name() or assignee.get_username()
    application = WORKFLOW.execute(
        application,
        "assign",
        actor=actor,
        note=f"承办人：{name}" + (f"。{note.strip()}" if note.strip() else ""),
        assigned_to=assignee,
    )
    if actor is None or actor.pk != assignee.pk:
        notify_assignee(application, assignee, note=note.strip())
    return application


@transaction.atomic
def application_request_correction(
    *,
    actor,
    application: Application,
    instructions: str,
    correction_due_on: dt.date,
    requested_on: dt.date | None = None,
) -> Application:
    """Tell the applicant, once, what to correct (Art. 30). Must happen within the regime's
    limit after receipt; the reply period then starts afresh from the corrected application."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "request_correction", actor=actor)
    requested_on = today_or(requested_on)
    if application.correction_requested_on is not None:
        raise DomainError("补正只能一次性告知，本申请已告知过补正。", code="correction_once")
    if not instructions.strip():
        raise DomainError("请写明需要补正的事项。", code="correction_empty", field="instructions")
    if correction_due_on <= requested_on:
        raise DomainError(
            "补正期限应晚于告知日期。", code="correction_period", field="correction_due_on"
        )
    notice = open_deadline(application, Deadline.Kind.CORRECTION_NOTICE)
    if notice is not None and notice.due is not None and requested_on > notice.due:
        raise DomainError(
            f"告知补正的期限已于{notice.due.isoformat()}届满（{application.regime_obj.correction_notice.basis}），"
            "不能再要求补正，请按现有内容答复。",
            code="correction_too_late",
        )
    application = WORKFLOW.execute(
        application,
        "request_correction",
        actor=actor,
        note=instructions,
        correction_requested_on=requested_on,
        correction_instructions=instructions,
        correction_due_on=correction_due_on,
    )
    close_deadlines(
        application,
        actor=actor,
        note="已告知补正，答复期限自收到补正之日重新计算",
        kinds={Deadline.Kind.CORRECTION_NOTICE, Deadline.Kind.REPLY},
    )
    notify_applicant(application, "correction")
    return application


@transaction.atomic
def application_submit_correction(
    *,
    actor,
    application: Application,
    text: str,
    corrected_on: dt.date | None = None,
) -> Application:
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "submit_correction", actor=actor)
    corrected_on = today_or(corrected_on)
    if corrected_on < application.correction_requested_on:
        raise DomainError("收到补正之日不能早于告知补正之日。", code="correction_date")
    application = WORKFLOW.execute(
        application,
        "submit_correction",
        actor=actor,
        note=text[:500],
        corrected_on=corrected_on,
        correction_text=text,
    )
    # Art. 30: the reply period is counted afresh from receipt of the corrected application.
    deadline_open(
        actor=actor,
        agency=application.agency,
        subject=application,
        kind=Deadline.Kind.REPLY,
        start=corrected_on,
        regime=application.regime,
    )
    return application


@transaction.atomic
def application_lapse_correction(
    *, actor, application: Application, today: dt.date | None = None
) -> Application:
    """The correction period passed without a correction: closed with the regime's outcome for
    it (2019 Art. 30: deemed abandoned, 其他处理 1; 2008 Art. 21(4): the told-to-amend reply,
    统计表 row 7)."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "lapse_correction", actor=actor)
    today = today_or(today)
    if application.correction_due_on is None or today <= application.correction_due_on:
        raise DomainError("补正期限尚未届满。", code="correction_not_lapsed")
    regime = application.regime_obj
    return record_lapse(
        application,
        "lapse_correction",
        actor=actor,
        outcome_code=regime.correction_lapse_outcome,
        closed_on=today,
        note="申请人逾期未补正，不再处理",
        reasons=regime.correction_lapse_reasons,
    )


@transaction.atomic
def application_start_consultation(
    *,
    actor,
    application: Application,
    party_kind: str,
    party_name: str,
    started_on: dt.date,
    letter_received_on: dt.date,
    party_contact: str = "",
    jointly_produced: bool = False,
) -> Consultation:
    """Consult a third party (Art. 32) or another agency (Art. 34 when the information was
    jointly produced: `jointly_produced`); the reply clock stops until the answer, and never
    beyond the end of the party's period (Art. 33(3))."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "start_consultation", actor=actor)
    regime = application.regime_obj
    if party_kind not in regime.paused_for:
        raise DomainError(
            f"{regime.name}不规定征求{Consultation.PartyKind(party_kind).label}意见期间不计入答复期限。",
            code="consultation_not_paused",
        )
    if letter_received_on < started_on:
        raise DomainError("对方收到征求意见书之日不能早于发出之日。", code="consultation_dates")
    application = WORKFLOW.execute(
        application, "start_consultation", actor=actor, note=f"征求{party_name}意见"
    )
    consultation = Consultation.objects.create(
        application=application,
        party_kind=party_kind,
        party_name=party_name,
        party_contact=party_contact,
        started_on=started_on,
        letter_received_on=letter_received_on,
        jointly_produced=bool(jointly_produced) and party_kind == Consultation.PartyKind.AGENCY,
    )
    answer = (
        deadline_open(
            actor=actor,
            agency=application.agency,
            subject=consultation,
            kind=Deadline.Kind.CONSULTATION,
            start=letter_received_on,
            regime=application.regime,
        )
        if regime.consultation is not None
        else None
    )
    reply = open_deadline(application, Deadline.Kind.REPLY)
    # Until the answer arrives the pause runs to the end of the party's period (or, in the
    # 2008 regime, which sets none, to the day the answer is recorded).
    provisional_end = answer.due if answer is not None and answer.due else started_on
    deadline_update(
        actor=actor,
        deadline=reply,
        note=f"征求{party_name}意见，期间不计入答复期限",
        add_pause=Pause(started_on, provisional_end),
    )
    return consultation


@transaction.atomic
def application_finish_consultation(
    *,
    actor,
    application: Application,
    answered_on: dt.date,
    opinion: str,
    opinion_text: str = "",
) -> Consultation:
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "finish_consultation", actor=actor)
    consultation = application.consultations.select_for_update().get(answered_on__isnull=True)
    if answered_on < consultation.started_on:
        raise DomainError("收到意见之日不能早于发出征求意见书之日。", code="consultation_dates")
    if opinion not in Consultation.Opinion.values:
        raise DomainError("请选择对方意见。", code="consultation_opinion", field="opinion")
    consultation.answered_on, consultation.opinion, consultation.opinion_text = (
        answered_on,
        opinion,
        opinion_text,
    )
    consultation.save(update_fields=["answered_on", "opinion", "opinion_text"])
    WORKFLOW.execute(
        application,
        "finish_consultation",
        actor=actor,
        note=f"{consultation.party_name}：{Consultation.Opinion(opinion).label}",
    )
    # The pause ends with the answer, and never after the end of the party's period (Arts. 32,
    # 34: 15 working days): a late answer does not stop the clock any longer.
    answer = deadlines_of(subject=consultation, open_only=False).filter(
        kind=Deadline.Kind.CONSULTATION
    )
    period_end = max((d.due for d in answer if d.due), default=None)
    pause_end = min(answered_on, period_end) if period_end else answered_on
    close_deadlines(consultation, actor=actor, note="已收到意见")
    reply = open_deadline(application, Deadline.Kind.REPLY)
    deadline_update(
        actor=actor,
        deadline=reply,
        note="征求意见结束",
        replace_last_pause=Pause(consultation.started_on, pause_end),
    )
    return consultation


@transaction.atomic
def application_request_extension(
    *, actor, application: Application, reason: str
) -> ExtensionRequest:
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "request_extension", actor=actor)
    if application.extended:
        raise DomainError("本申请已延期一次，不能再延期。", code="extension_once")
    if application.extension_requests.filter(approved__isnull=True).exists():
        raise DomainError("已有待审批的延期申请。", code="extension_pending")
    if not reason.strip():
        raise DomainError("请写明延期理由。", code="extension_reason", field="reason")
    WORKFLOW.execute(application, "request_extension", actor=actor, note=reason)
    return ExtensionRequest.objects.create(
        application=application, reason=reason, requested_by=actor
    )


@transaction.atomic
def application_decide_extension(
    *, actor, application: Application, approve: bool, note: str = "", today: dt.date | None = None
) -> Application:
    """The head of the disclosure office approves or refuses (Art. 33(2)); approval must come
    before the original period ends, and the applicant must then be told. A refusal says why
    (`note`, the 审批意见: kept with the step for staff, never shown to the applicant)."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "decide_extension", actor=actor)
    request = (
        application.extension_requests.select_for_update().filter(approved__isnull=True).first()
    )
    if request is None:
        raise DomainError("没有待审批的延期申请。", code="extension_none")
    if not approve and not note.strip():
        raise DomainError(
            "不批准延期的，请写明理由。", code="extension_refusal_reason", field="note"
        )
    reply = open_deadline(application, Deadline.Kind.REPLY)
    today = today_or(today)
    if approve and reply is not None and reply.due is not None and today > reply.due:
        raise DomainError(
            f"原答复期限已于{reply.due.isoformat()}届满，不能再批准延期。",
            code="extension_too_late",
        )
    request.approved, request.decided_by, request.decided_at, request.decision_note = (
        approve,
        actor,
        timezone.now(),
        note,
    )
    request.save(update_fields=["approved", "decided_by", "decided_at", "decision_note"])
    application = WORKFLOW.execute(
        application,
        "decide_extension",
        actor=actor,
        note=("批准延期" if approve else "不批准延期") + (f"：{note}" if note else ""),
        extended=application.extended or approve,
    )
    if approve:
        reply = deadline_update(actor=actor, deadline=reply, extended=True, note="负责人批准延期")
        notify_applicant(application, "extension", due=reply.due, provisional=reply.provisional)
    return application
