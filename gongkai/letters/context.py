"""What a letter template can say: the case's facts, the agency, and the law from the regime.

Variables (all templates):
  today, letter_number (〔2026〕第3号), number (受理编号), application (number, info_title,
  doc_number, description, provision_form, delivery_method, channel, submitted_on, received_on,
  served_on, service_method: labels, not codes),
  applicant.name / .you (您 or 贵单位) / .type / .address / .phone / .email,
  agency (name, short_name, office_name, office_phone, office_address, office_postcode …),
  agency_short, review_body (the agency that hears a 行政复议, when it can be read from the tree),
  remedy (the 答复书's remedy paragraph, from the outcome and the decision date: 复议前置 for
  不予公开 since 2024, regimes.remedies),
  regime (citation, reply.workdays, reply.basis, extension.workdays, extension.basis,
  correction_notice, consultation, fee_payment …), received_on, channel, reply_due, extended,
  reply_due_provisional (the date assumed the holidays of a year whose notice is not out:
  say so with provisional_note, "暂定，以国务院办公厅公布的节假日安排为准"),
  outcome (code, label, basis, group, discloses, withholds), outcome_label (the label without
  report numbering), outcome_citation (《…》第三十七条),
  decision (legal_basis, extra_basis, reasons, withheld (the drafter's words, then one line per
  part the redacted files withhold: file, pages, ground and article), withheld_parts, referral_procedure (Art. 36(7): where the applicant is referred to)),
  correction (instructions,
  requested_on, due_on, corrected_on), fee (amount, method, units, explanation,
  notice_received_on, payment_due, payment_due_provisional), consultation (party_name,
  party_kind, is_agency, jointly_produced, basis (Art. 32 for a third party, Art. 34 for a
  co-producing agency, else ""), silence_is_consent (Art. 34 only), started_on, letter_received_on, answer_due, answer_due_provisional,
  opinion), extension (reason, decided_at).
"""

import datetime as dt
import re

from django.utils import timezone

from gongkai.accounts.models import ApplicantType
from gongkai.agencies.models import Agency
from gongkai.applications.models import Application, Consultation
from gongkai.applications.states import DECIDED
from gongkai.core.errors import DomainError
from gongkai.core.identifiers import mask_address, mask_email, mask_identifier
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.redaction.selectors import withheld_parts
from gongkai.regimes.remedies import remedy_for, remedy_law, remedy_paragraph, review_body_words

from .models import LetterKind

# Templates are edited by agency administrators, so they see plain values, never model
# instances (through which {{ application.applicant.password }} would reach a password hash).
AGENCY_FIELDS = ("name", "short_name", *Agency.OFFICE_FIELDS)
_NUMBER = re.compile(r"-(\d{4})-(\d+)$")
# Report-row decorations around an outcome's label: "（二）", "1.", "（区分处理的…）", "答复数".
_DECORATION = re.compile(r"^(?:（[一二三四五六七八九十]+）|\d+\.)|（[^）]*）$|(?:答复)?数$")


def letter_number(application: Application) -> str:
    """'〔2026〕第3号' from the 受理编号 '<agency>-2026-00003'; other numbers are kept whole."""
    match = _NUMBER.search(application.number)
    if match:
        return f"〔{match.group(1)}〕第{int(match.group(2))}号"
    return f"〔{application.submitted_on.year}〕第{application.number}号"


def review_body(agency: Agency, decided_on: dt.date | None = None) -> str:
    """The 复议机关 as the letter names it, from the agency tree and the remedy law of the
    decision's date (regimes.remedies): the nearest people's government above a government or
    a department (2023 行政复议法 Art. 24; before 2024 a department's act could also go to its
    上一级主管部门, Art. 12). "" where it cannot be derived (another kind of body, or no
    government above): the letter then says 依法. Vertically managed offices differ; their
    templates name the body themselves."""
    if agency.kind not in (Agency.Kind.GOVERNMENT, Agency.Kind.DEPARTMENT):
        return ""
    above = (
        Agency.objects.filter(pk__in=agency.ancestor_ids(), kind=Agency.Kind.GOVERNMENT)
        .order_by("-depth")
        .first()
    )
    return review_body_words(
        remedy_law(decided_on or timezone.localdate()),
        is_department=agency.kind == Agency.Kind.DEPARTMENT,
        government=above.name if above else "",
    )


def decided_on(application: Application, today: dt.date | None = None) -> dt.date:
    """The day the decision was made (its approval), which fixes the remedy law; a draft not
    yet approved: `today`."""
    if application.approved_at:
        return timezone.localdate(application.approved_at)
    return today or timezone.localdate()


def remedy(application: Application, *, you: str, today: dt.date | None = None) -> str:
    """The 答复书's remedy paragraph for the case's outcome and decision date."""
    day = decided_on(application, today)
    return remedy_paragraph(
        remedy_for(application.outcome_obj, day),
        you=you,
        review_body=review_body(application.agency, day),
    )


def outcome_citation(regime, outcome) -> str:
    """The outcome's legal basis as cited: articles of the Regulation are prefixed with its
    name ('《…条例》（国务院令第711号）第三十七条'); other instruments stand alone."""
    basis = outcome.basis.removesuffix("相关规定")
    return basis if basis.startswith("《") else f"{regime.citation}{basis}"


# What a letter says after a provisional due date (the notice of that year not yet out).
PROVISIONAL_NOTE = "暂定，以国务院办公厅公布的节假日安排为准"


def _deadline(subject, kind: str):
    """The open deadline of this kind, else the latest closed one."""
    rows = deadlines_of(subject=subject, open_only=False).filter(kind=kind)
    return rows.order_by("-is_open", "-opened_at", "-id").first()


def _due(subject, kind: str) -> dt.date | None:
    latest = _deadline(subject, kind)
    return latest.due if latest else None


def _due_provisional(subject, kind: str) -> bool:
    latest = _deadline(subject, kind)
    return bool(latest and latest.due and latest.provisional)


# Facts a letter cannot be written without, checked before anything is rendered.
REQUIRED = {
    LetterKind.RECEIPT: (
        lambda a: a.received_on is not None,
        "申请尚未确认收到，不能出具受理回执。",
    ),
    LetterKind.CORRECTION: (
        lambda a: a.correction_requested_on is not None,
        "本申请没有告知补正，不能出具补正告知书。",
    ),
    LetterKind.EXTENSION: (lambda a: a.extended, "本申请未经批准延期，不能出具延期答复告知书。"),
    LetterKind.CONSULTATION: (
        lambda a: a.consultations.exists(),
        "本申请没有征求意见记录，不能出具征求意见书。",
    ),
    LetterKind.FEE: (lambda a: bool(a.fee_amount), "本申请没有发出收费通知，不能出具收费通知书。"),
    LetterKind.DECISION: (
        lambda a: bool(a.outcome) and a.status in DECIDED,
        "答复经审核通过后才能出具答复书。",
    ),
}


def require_facts(application: Application, kind: str) -> None:
    if kind not in REQUIRED:
        raise DomainError(f"未知的文书类型“{kind}”。", code="letter_kind")
    ready, message = REQUIRED[kind]
    if not ready(application):
        raise DomainError(message, code="letter_not_ready")


def letter_context(
    application: Application,
    kind: str,
    *,
    today: dt.date | None = None,
    contact_masked: bool = False,
) -> dict:
    """The template's variables. The letter is addressed to the applicant: their name, and the
    contact the office writes to; never their identity number (a 答复书 names its addressee,
    it does not print the number of their 居民身份证, and a template cannot reach it).
    `contact_masked`: a preview for staff who do not handle the case (a reviewer) shows the
    contact masked as the case page does (applications.personal)."""
    agency = application.agency
    outcome = application.outcome_obj
    consultation = application.consultations.order_by("-started_on", "-id").first()
    extension = application.extension_requests.filter(approved=True).first()
    basis = application.legal_basis.strip()
    # Each part the redacted files withhold, with its page and ground (Art. 37's 区分处理).
    parts = [str(part) for part in withheld_parts(application)]
    applicant = _applicant(application, masked=contact_masked)
    return {
        "kind": kind,
        "today": today or timezone.localdate(),
        "letter_number": letter_number(application),
        "application": _application(application),
        "number": application.number,
        "applicant": applicant,
        "agency": {name: getattr(agency, name) for name in AGENCY_FIELDS},
        "agency_short": agency.short_name or agency.name,
        "review_body": review_body(agency, decided_on(application, today)),
        "remedy": remedy(application, you=applicant["you"], today=today) if outcome else "",
        "regime": application.regime_obj,
        "received_on": application.received_on,
        "channel": application.get_channel_display(),
        "reply_due": _due(application, Deadline.Kind.REPLY),
        "reply_due_provisional": _due_provisional(application, Deadline.Kind.REPLY),
        "provisional_note": PROVISIONAL_NOTE,
        "extended": application.extended,
        "outcome": outcome,
        "outcome_label": _DECORATION.sub("", outcome.label) if outcome else "",
        "outcome_citation": outcome_citation(application.regime_obj, outcome) if outcome else "",
        "decision": {
            "legal_basis": basis,
            # What the drafter cited beyond the outcome's own articles, if anything.
            "extra_basis": basis if outcome and outcome.basis not in basis else "",
            "reasons": application.reasons,
            # What the drafter wrote, then each part the redactions withhold.
            "withheld": "\n".join(filter(None, [application.withheld.strip(), *parts])),
            "withheld_parts": parts,
            # Art. 36(7): the procedure of the special law the applicant is referred to.
            "referral_procedure": application.referral_procedure,
        },
        "correction": {
            "instructions": application.correction_instructions,
            "requested_on": application.correction_requested_on,
            "due_on": application.correction_due_on,
            "corrected_on": application.corrected_on,
        },
        "fee": {
            "amount": application.fee_amount,
            "method": application.get_fee_method_display(),
            "units": application.fee_units,
            "explanation": application.fee_explanation,
            "notice_received_on": application.fee_notice_received_on,
            "payment_due": _due(application, Deadline.Kind.FEE_PAYMENT),
            "payment_due_provisional": _due_provisional(application, Deadline.Kind.FEE_PAYMENT),
        },
        "consultation": (
            _consultation(consultation, application.regime_obj) if consultation else None
        ),
        "extension": (
            {"reason": extension.reason, "decided_at": extension.decided_at} if extension else None
        ),
    }


def _applicant(application: Application, *, masked: bool) -> dict:
    address, phone, email = (
        application.contact_address,
        application.contact_phone,
        application.contact_email,
    )
    if masked:
        address, phone, email = mask_address(address), mask_identifier(phone), mask_email(email)
    return {
        "name": application.applicant_name,
        "you": "您" if application.applicant_type == ApplicantType.NATURAL_PERSON else "贵单位",
        "type": application.get_applicant_type_display(),
        "address": address,
        "phone": phone,
        "email": email,
    }


def _application(application: Application) -> dict:
    return {
        "number": application.number,
        "info_title": application.info_title,
        "doc_number": application.doc_number,
        "description": application.description,
        "provision_form": application.get_provision_form_display(),
        "delivery_method": application.get_delivery_method_display(),
        "channel": application.get_channel_display(),
        "submitted_on": application.submitted_on,
        "received_on": application.received_on,
        "served_on": application.served_on,
        "service_method": application.get_service_method_display(),
    }


def _consultation(consultation: Consultation, regime) -> dict:
    is_agency = consultation.party_kind == Consultation.PartyKind.AGENCY
    # A third party: 2019 Art. 32 (2008 Art. 23). Another agency: Art. 34 only when the
    # information was jointly produced, and only then is its silence consent.
    joint = is_agency and consultation.jointly_produced and bool(regime.joint_consultation_basis)
    if is_agency:
        basis = regime.joint_consultation_basis if joint else ""
    else:
        basis = regime.third_party_consultation_basis
    return {
        "party_name": consultation.party_name,
        "party_kind": consultation.get_party_kind_display(),
        "is_agency": is_agency,
        "jointly_produced": joint,
        "basis": basis,
        "silence_is_consent": joint,
        "party_contact": consultation.party_contact,
        "started_on": consultation.started_on,
        "letter_received_on": consultation.letter_received_on,
        "answer_due": _due(consultation, Deadline.Kind.CONSULTATION),
        "answer_due_provisional": _due_provisional(consultation, Deadline.Kind.CONSULTATION),
        "opinion": consultation.get_opinion_display(),
    }
