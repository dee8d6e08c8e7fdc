"""Intake on every channel (Art. 29) and receipt (Art. 31)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from gongkai.accounts.models import ApplicantProfile, ApplicantType
from gongkai.core import identifiers
from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.files import FileRules, file_store, file_strip_metadata
from gongkai.core.uploads import ALL_KINDS, JPEG, PDF, PNG
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.services import deadline_open
from gongkai.regimes import regime_for
from gongkai.regimes.rules import Channel, receipt_date

from ..models import Application, ApplicationDocument, DeliveryMethod, ProvisionForm
from ..notifications import notify_applicant, notify_clerks_of_submission
from ..permissions import POLICY
from ..states import RELEASE_EDITABLE, WORKFLOW
from .base import hash_query_code, new_query_code, next_number
from .checks import check_after_commit

IDENTITY_PROOF_KINDS = (PDF, JPEG, PNG)
UPLOAD_LIMIT = "GONGKAI_MAX_UPLOAD_BYTES"
REQUEST_FIELDS = ("info_title", "doc_number", "description", "provision_form", "delivery_method")


def _validate_request(fields: dict) -> None:
    errors = {}
    if not (fields.get("info_title") or "").strip():
        errors["info_title"] = "请填写所需政府信息的名称。"
    if fields.get("provision_form") not in ProvisionForm.values:
        errors["provision_form"] = "请选择提供形式（纸质或电子）。"
    if fields.get("delivery_method") not in DeliveryMethod.values:
        errors["delivery_method"] = "请选择获取方式。"
    if errors:
        raise ValidationError(errors)


def _validate_applicant(*, applicant_type, id_type, identifier, name, contact_phone) -> str:
    """The normalised identifier, or ValidationError naming the field."""
    errors = {}
    if applicant_type not in ApplicantType.values:
        errors["applicant_type"] = "请选择申请人类型。"
    if not (name or "").strip():
        errors["applicant_name"] = "请填写申请人姓名或名称。"
    if not (contact_phone or "").strip():
        errors["contact_phone"] = "请填写联系电话。"
    try:
        if applicant_type == ApplicantType.NATURAL_PERSON:
            validator = ApplicantProfile.ID_VALIDATORS.get(id_type)
            if validator is None:
                raise ValidationError("请选择证件类型。")
            identifier = validator(identifier or "")
        elif applicant_type in ApplicantType.values:
            identifier = identifiers.validate_credit_code(identifier or "")
    except ValidationError as error:
        errors["applicant_identifier"] = error.messages[0]
    if errors:
        raise ValidationError(errors)
    return identifier


# Identity proofs are photos or scans; case files may also be office documents. A released
# file is checked for hidden content before anyone approves its release.
IDENTITY_RULES = FileRules(
    allowed=IDENTITY_PROOF_KINDS, limit_setting=UPLOAD_LIMIT, check_hidden=False
)
CASE_FILE_RULES = FileRules(allowed=ALL_KINDS, limit_setting=UPLOAD_LIMIT, check_hidden=False)
RELEASED_RULES = FileRules(allowed=ALL_KINDS, limit_setting=UPLOAD_LIMIT, check_hidden=True)


def _store(
    application, *, kind: str, upload, actor, title: str = "", visible: bool = False, rules=None
) -> ApplicationDocument:
    if rules is None:
        rules = RELEASED_RULES if kind == ApplicationDocument.Kind.RELEASED else CASE_FILE_RULES
    return file_store(
        model=ApplicationDocument,
        owner=application,
        upload=upload,
        actor=actor,
        rules=rules,
        title=title,
        kind=kind,
        visible_to_applicant=visible,
    )


def _receipt_fields(application: Application) -> dict:
    """Receipt date by channel (Art. 31) and the regime that date selects."""
    received, basis, _text = receipt_date(
        application.channel,
        submitted=application.submitted_on,
        signed=application.signed_on,
        confirmed=application.confirmed_on,
    )
    return {"received_on": received, "receipt_basis": basis, "regime": regime_for(received).code}


def _receive(application: Application, *, actor, note: str) -> Application:
    """Move a locked, submitted application to received and open its statutory deadlines."""
    application = WORKFLOW.execute(
        application,
        "confirm_receipt",
        actor=actor,
        note=note,
        signed_on=application.signed_on,
        confirmed_on=application.confirmed_on,
        **_receipt_fields(application),
    )
    regime = application.regime_obj
    deadline_open(
        actor=actor,
        agency=application.agency,
        subject=application,
        kind=Deadline.Kind.REPLY,
        start=application.received_on,
        regime=regime.code,
    )
    if regime.correction_notice is not None:
        deadline_open(
            actor=actor,
            agency=application.agency,
            subject=application,
            kind=Deadline.Kind.CORRECTION_NOTICE,
            start=application.received_on,
            regime=regime.code,
        )
    notify_applicant(application, "received")
    return application


def _create(*, agency, actor, status_note: str, **fields) -> tuple[Application, str]:
    code = new_query_code()
    number = next_number(agency, fields["submitted_on"].year)
    application = WORKFLOW.execute(
        Application(agency=agency, number=number, query_code_hash=hash_query_code(number, code)),
        "submit",
        actor=actor,
        note=status_note,
        # The audit row names the channel; the applicant's identity stays in the record only.
        audited=("status", "channel"),
        **fields,
    )
    return application, code


@transaction.atomic
def application_submit_online(
    *, applicant, agency, identity_proof, today: dt.date | None = None, **request
) -> tuple[Application, str]:
    """An applicant's online application. It awaits the office's confirmation (Art. 31(3)).
    Returns the application and its query code (shown once; only a hash is kept)."""
    profile = getattr(applicant, "applicant_profile", None)
    if profile is None:
        raise DomainError(
            "请先在“我的账户”中完善申请人信息（身份与联系方式）。", code="profile_missing"
        )
    _validate_request(request)
    if identity_proof is None:
        raise ValidationError({"identity_proof": "请上传身份证明（证件照片或扫描件）。"})
    application, code = _create(
        agency=agency,
        actor=applicant,
        status_note="在线提交",
        channel=Channel.ONLINE,
        applicant=applicant,
        applicant_type=profile.applicant_type,
        applicant_name=profile.display_name,
        applicant_id_type=profile.id_type,
        applicant_identifier=profile.identifier,
        contact_phone=profile.contact_phone,
        contact_address=profile.address,
        contact_email=profile.email,
        submitted_on=today or timezone.localdate(),
        **{name: request.get(name, "") for name in REQUEST_FIELDS},
    )
    _store(
        application,
        kind=ApplicationDocument.Kind.IDENTITY_PROOF,
        upload=identity_proof,
        actor=applicant,
        title="身份证明",
        rules=IDENTITY_RULES,
    )
    check_after_commit(application)
    notify_clerks_of_submission(application)  # the same day, not only in the next digest
    return application, code


@transaction.atomic
def application_register(
    *,
    actor,
    agency,
    channel: str,
    submitted_on: dt.date,
    applicant_type: str,
    applicant_name: str,
    applicant_identifier: str,
    contact_phone: str,
    applicant_id_type: str = "",
    contact_address: str = "",
    contact_email: str = "",
    signed_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
    scan=None,
    applicant=None,
    **request,
) -> tuple[Application, str]:
    """Staff register an application received in person, by letter, fax or e-mail. If the
    receipt date is already known (Art. 31) it is received at once; otherwise it awaits
    confirmation."""
    POLICY.require(actor, "register", agency)
    if channel not in Channel.values:
        raise ValidationError({"channel": "请选择申请渠道。"})
    _validate_request(request)
    identifier = _validate_applicant(
        applicant_type=applicant_type,
        id_type=applicant_id_type,
        identifier=applicant_identifier,
        name=applicant_name,
        contact_phone=contact_phone,
    )
    application, code = _create(
        agency=agency,
        actor=actor,
        status_note=f"登记{Channel(channel).label}申请",
        channel=channel,
        applicant=applicant,
        applicant_type=applicant_type,
        applicant_name=applicant_name.strip(),
        applicant_id_type=applicant_id_type
        if applicant_type == ApplicantType.NATURAL_PERSON
        else "",
        applicant_identifier=identifier,
        contact_phone=contact_phone.strip(),
        contact_address=contact_address,
        contact_email=contact_email,
        submitted_on=submitted_on,
        signed_on=signed_on,
        confirmed_on=confirmed_on,
        **{name: request.get(name, "") for name in REQUEST_FIELDS},
    )
    if scan is not None:
        _store(
            application,
            kind=ApplicationDocument.Kind.APPLICATION_SCAN,
            upload=scan,
            actor=actor,
            title="申请书扫描件",
        )
    check_after_commit(application)
    try:
        receipt_date(channel, submitted=submitted_on, signed=signed_on, confirmed=confirmed_on)
    except DomainError as error:
        if error.code != "receipt_date_missing":
            raise
        return application, code  # awaits signature or confirmation
    return _receive(WORKFLOW.lock(application), actor=actor, note="登记时已确定收到申请之日"), code


@transaction.atomic
def application_confirm_receipt(
    *,
    actor,
    application: Application,
    confirmed_on: dt.date | None = None,
    signed_on: dt.date | None = None,
) -> Application:
    """The office confirms receipt with the applicant (or records the signature date)."""
    application = WORKFLOW.lock(application)
    if confirmed_on is not None:
        application.confirmed_on = confirmed_on
    if signed_on is not None:
        application.signed_on = signed_on
    check_after_commit(application)  # the catalogue may have grown since the submission
    return _receive(application, actor=actor, note="确认收到申请")


@transaction.atomic
def application_attach(
    *,
    actor,
    application: Application,
    kind: str,
    upload,
    title: str = "",
    visible_to_applicant: bool = False,
) -> ApplicationDocument:
    application = WORKFLOW.lock(application)
    POLICY.require(actor, "attach_correction" if kind == "correction" else "attach", application)
    if kind == ApplicationDocument.Kind.ORIGINAL:
        raise DomainError("脱敏前原件只能由脱敏处理生成。", code="document_kind", field="kind")
    if kind == ApplicationDocument.Kind.RELEASED and application.status not in RELEASE_EDITABLE:
        raise DomainError(
            "答复已提交审核，不能再添加或更换公开的文件；请先退回答复稿，修改后重新审核。",
            code="release_frozen",
            field="kind",
        )
    document = _store(
        application,
        kind=kind,
        upload=upload,
        actor=actor,
        title=title,
        visible=visible_to_applicant,
    )
    audit_record(
        actor=actor,
        action="application.attach",
        obj=application,
        changes={"document": [None, document.title]},
    )
    return document


@transaction.atomic
def application_strip_metadata(*, actor, document: ApplicationDocument) -> ApplicationDocument:
    """Clear a released file's document properties (author, company …) and check it again.
    Comments and tracked changes stay: they are content the reviewer must decide on."""
    application = WORKFLOW.lock(document.application)
    POLICY.require(actor, "strip_metadata", application)
    document = ApplicationDocument.objects.select_for_update().get(pk=document.pk)
    return file_strip_metadata(
        stored=document, actor=actor, audit_action="application.strip_metadata"
    )
