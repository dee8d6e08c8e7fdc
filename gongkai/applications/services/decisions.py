"""Deciding (Art. 36), approval by a reviewer, service, closing, withdrawal and splitting."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.release import release_check, stored
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.services import deadline_open

from ..models import Application, ApplicationDocument, ServiceMethod
from ..notifications import notify_applicant
from ..permissions import POLICY
from ..states import OPEN_WORK, WORKFLOW
from ..withholding import withheld_stated
from .base import close_deadlines, hash_query_code, new_query_code, next_number, open_deadline
from .checks import check_after_commit


@transaction.atomic
def application_draft_decision(
    *,
    actor,
    application: Application,
    outcome: str,
    legal_basis: str,
    reasons: str = "",
    withheld: str = "",
    referral_procedure: str = "",
) -> Application:
    """A clerk drafts the reply: an outcome from the regime's catalogue, with its legal basis;
    a reply that withholds anything says what and why (Arts. 36, 37): in words, or by the
    grounds of the redaction boxes on the released files."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "draft_decision", actor=actor)
    chosen = application.regime_obj.outcome(outcome)
    if chosen.automatic:
        raise DomainError(
            f"“{chosen.label}”由系统在期限届满时自动记录，不能手工选择。",
            code="outcome_automatic",
            field="outcome",
        )
    if not legal_basis.strip():
        raise DomainError("请写明答复的法律依据。", code="legal_basis_missing", field="legal_basis")
    if chosen.withholds and not (
        withheld.strip() or reasons.strip() or withheld_stated(application)
    ):
        raise DomainError(
            "不予公开或部分公开的，应写明不予公开的内容及理由。",
            code="withheld_missing",
            field="withheld",
        )
    application = WORKFLOW.execute(
        application,
        "draft_decision",
        actor=actor,
        note=chosen.label,
        outcome=chosen.code,
        legal_basis=legal_basis.strip(),
        reasons=reasons.strip(),
        withheld=withheld.strip(),
        # Only a referral (Art. 36(7)) names the procedure of the special law.
        referral_procedure=referral_procedure.strip() if chosen.referral else "",
        decided_by=actor,
        approved_by=None,
        approved_at=None,
    )
    close_deadlines(
        application, actor=actor, note="已拟定答复", kinds={Deadline.Kind.CORRECTION_NOTICE}
    )
    return application


@transaction.atomic
def application_return_draft(*, actor, application: Application, note: str) -> Application:
    """The reviewer sends the draft back to the clerk; a return must say why (the 审核意见,
    kept with the step for staff, never shown to the applicant)."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "return_draft", actor=actor)
    if not note.strip():
        raise DomainError(
            "退回答复稿，请写明审核意见（退回的理由）。", code="return_reason", field="note"
        )
    return WORKFLOW.execute(application, "return_draft", actor=actor, note=note.strip())


@transaction.atomic
def application_approve_decision(
    *,
    actor,
    application: Application,
    note: str = "",
    findings_seen: bool = False,
    release_override: str = "",
) -> Application:
    """A reviewer other than the drafter approves (the policy's rule, even for a drafter who
    holds the reviewer role too), with an optional 审核意见 (`note`: kept with the step for
    staff, never shown to the applicant). The files to be released pass the release check
    first (core.release: the reviewer confirms the findings, and gives a reason for anything
    that refuses release). The row lock makes two reviewers approving at once end with
    exactly one approval; the other sees an invalid transition."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "approve_decision", actor=actor)
    released = application.documents.filter(kind=ApplicationDocument.Kind.RELEASED)
    release_check(
        actor=actor,
        releases=[stored(document) for document in released],
        agency=application.agency,
        owner=application,
        findings_seen=findings_seen,
        reason=release_override,
        can_override=True,  # the approver holds Capability.REVIEW (the policy above)
    )
    return WORKFLOW.execute(
        application,
        "approve_decision",
        actor=actor,
        note=note.strip(),
        approved_by=actor,
        approved_at=timezone.now(),
    )


@transaction.atomic
def application_serve(
    *, actor, application: Application, method: str, served_on: dt.date
) -> Application:
    """Record service: the applicant's signature date for direct service, the day handed to
    the post for postal service (国办公开办函〔2016〕235号)."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "serve", actor=actor)
    if method not in ServiceMethod.values:
        raise DomainError("请选择送达方式。", code="service_method", field="method")
    if served_on < application.received_on:
        raise DomainError("送达日期不能早于收到申请之日。", code="served_before_receipt")
    reply = open_deadline(application, Deadline.Kind.REPLY)
    # Judged against the reply date; a date not known yet (a year no holiday rule covers)
    # judges nothing: on_time stays unknown (None) until the date is, then it is judged
    # (services/timeliness.py), never stored as on time meanwhile.
    if reply is None:
        on_time = True
    elif reply.due is None:
        on_time = None
    else:
        on_time = served_on <= reply.due
    application = WORKFLOW.execute(
        application,
        "serve",
        actor=actor,
        note=f"{ServiceMethod(method).label}，{served_on.isoformat()}",
        service_method=method,
        served_on=served_on,
        on_time=on_time,
    )
    application.documents.filter(kind__in=["letter", "released"]).update(visible_to_applicant=True)
    close_deadlines(application, actor=actor, note="答复已送达")
    notify_applicant(application, "decision")
    return application


@transaction.atomic
def application_close(
    *, actor, application: Application, closed_on: dt.date | None = None
) -> Application:
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "close", actor=actor)
    closed_on = closed_on or timezone.localdate()
    if application.served_on and closed_on < application.served_on:
        raise DomainError("办结日期不能早于送达日期。", code="closed_before_served")
    return WORKFLOW.execute(application, "close", actor=actor, closed_on=closed_on)


@transaction.atomic
def application_withdraw(
    *, actor, application: Application, note: str = "", withdrawn_on: dt.date | None = None
) -> Application:
    """The applicant withdraws (online, or staff record their letter or call) while no decision
    is approved. The case stops and cannot be resumed; the applicant may apply again. `note` is
    the reason they gave, if any: the history row shows it to staff and to the applicant."""
    application = WORKFLOW.lock(application)
    application = WORKFLOW.execute(
        application,
        "withdraw",
        actor=actor,
        note=note.strip(),
        closed_on=withdrawn_on or timezone.localdate(),
    )
    close_deadlines(application, actor=actor, note="申请已撤回")
    return application


@transaction.atomic
def application_split(*, actor, application: Application, parts: list[dict]) -> list[Application]:
    """一事一申请: items that are unrelated become separate linked applications with the same
    applicant and receipt date, each with its own number and deadlines. Returns the new ones."""
    application = WORKFLOW.lock(application)
    POLICY.require(actor, "split", application)
    if application.status not in OPEN_WORK:
        raise DomainError("只有已收到或办理中的申请可以拆分。", code="split_status")
    if not parts or any(not (p.get("info_title") or "").strip() for p in parts):
        raise DomainError("每一项拆分出的申请都要写明所需信息名称。", code="split_empty")
    copied = [
        "agency",
        "channel",
        "applicant",
        "applicant_type",
        "applicant_name",
        "applicant_id_type",
        "applicant_identifier",
        "contact_phone",
        "contact_address",
        "contact_email",
        "provision_form",
        "delivery_method",
        "submitted_on",
        "signed_on",
        "confirmed_on",
        "received_on",
        "receipt_basis",
        "regime",
        "status",
        "assigned_to",
    ]
    created = []
    reply = open_deadline(application, Deadline.Kind.REPLY)
    for part in parts:
        number = next_number(application.agency, application.submitted_on.year)
        child = Application.objects.create(
            number=number,
            query_code_hash=hash_query_code(number, new_query_code()),
            parent=application,
            info_title=part["info_title"].strip(),
            doc_number=part.get("doc_number", ""),
            description=part.get("description", ""),
            **{name: getattr(application, name) for name in copied},
        )
        if reply is not None:
            deadline_open(
                actor=actor,
                agency=child.agency,
                subject=child,
                kind=Deadline.Kind.REPLY,
                start=reply.start,
                regime=child.regime,
            )
        audit_record(
            actor=actor,
            action="application.split",
            obj=child,
            changes={"parent": [None, application.number]},
        )
        check_after_commit(child)
        created.append(child)
    audit_record(
        actor=actor,
        action="application.split",
        obj=application,
        changes={"parts": [None, [c.number for c in created]]},
    )
    return created
