"""Reading the applicant's personal data beyond its masked form: each time on purpose, by the
staff handling the case, and recorded (who, whose, when) in the audit trail (issue 16;
personal.py says who sees what by default)."""

from django.db import transaction

from gongkai.core.audit import audit_record

from ..models import Application, ApplicationDocument
from ..permissions import POLICY
from ..personal import IDENTITY_KINDS, id_label


@transaction.atomic
def application_reveal_identity(*, actor, application: Application) -> str:
    """The applicant's full identity number, for the staff handling the case (404 for those who
    cannot see the case, 403 for those who only read it). The number itself is never written to
    the audit row: the row says who revealed whose number, on which case, and when."""
    POLICY.require(actor, "reveal_identity", application)
    audit_record(
        actor=actor,
        action="application.reveal_identity",
        obj=application,
        note=f"显示申请人“{application.applicant_name}”的完整{id_label(application)}号码",
    )
    return application.applicant_identifier


@transaction.atomic
def application_document_opened(*, actor, document: ApplicationDocument) -> None:
    """Record that staff opened a file that shows more than the case page: an original a
    released copy was redacted from, or the applicant's identity papers (the full number is on
    them). The applicant opening their own papers is not recorded."""
    application = document.application
    if document.kind == ApplicationDocument.Kind.ORIGINAL:
        action = "application.view_original"
    elif document.kind in IDENTITY_KINDS and actor.pk != application.applicant_id:
        action = "application.view_identity_papers"
    else:
        return
    audit_record(actor=actor, action=action, obj=application, note=document.title)
