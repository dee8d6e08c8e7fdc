"""The applicant's personal data as each staff reader may see it, in pages, the API and the
draft letter alike (issue 16).

- The identity number (居民身份证, passport, permit or 统一社会信用代码) is shown masked to every
  reader (110***********002X). The staff handling the agency's cases may reveal it in full by an
  explicit action, one page view (or one API answer) at a time, and each reveal is audited
  (services/personal.py: who revealed whose number, when).
- The contact (phone, address, e-mail) is shown in full to the staff handling the case, who call
  and post; masked to everyone else who reads the case (审核人, 督导, 负责人, 管理员).
- The files that carry the identity papers (身份证明, 申请书扫描件: a paper form holds the
  number) are opened only by the staff handling the case, each look audited; the original a
  released copy was redacted from also by the reviewer, who checks the redaction against it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from gongkai.core.identifiers import mask_address, mask_email, mask_identifier

from .models import Application, ApplicationDocument
from .permissions import handles, handles_or_reviews

# Files holding the applicant's identity papers: those who handle the case open them.
IDENTITY_KINDS = (
    ApplicationDocument.Kind.IDENTITY_PROOF,
    ApplicationDocument.Kind.APPLICATION_SCAN,
)
# The original a released copy was redacted from: those who handle or review the case.
ORIGINAL_KINDS = (ApplicationDocument.Kind.ORIGINAL,)


@dataclass(frozen=True)
class ApplicantShown:
    """What one staff reader sees of the applicant of one case."""

    id_label: str  # 居民身份证, 护照 … or 统一社会信用代码
    identifier: str  # masked unless revealed (by this very request)
    revealed: bool
    phone: str
    address: str
    email: str
    contact_masked: bool  # phone, address and e-mail masked: the reader does not handle the case
    can_reveal: bool  # the reader may reveal the full identity number (audited)


def id_label(application: Application) -> str:
    if application.applicant_id_type:
        return str(application.get_applicant_id_type_display())
    return _("统一社会信用代码")


def applicant_shown(user, application: Application, *, revealed: str = "") -> ApplicantShown:
    """The applicant as `user` reads them. `revealed` is the full number a reveal (the audited
    service) has just returned for this request; it is never read from the case here."""
    handler = handles(user, application)
    phone, address, email = (
        application.contact_phone,
        application.contact_address,
        application.contact_email,
    )
    if not handler:
        phone, address, email = mask_identifier(phone), mask_address(address), mask_email(email)
    return ApplicantShown(
        id_label=id_label(application),
        identifier=revealed or mask_identifier(application.applicant_identifier),
        revealed=bool(revealed),
        phone=phone,
        address=address,
        email=email,
        contact_masked=not handler,
        can_reveal=handler,
    )


def hidden_document_kinds(user, application: Application) -> tuple[str, ...]:
    """The kinds of the case's files this staff reader may not open (nor see listed)."""
    hidden = ()
    if not handles(user, application):
        hidden += IDENTITY_KINDS
    if not handles_or_reviews(user, application):
        hidden += ORIGINAL_KINDS
    return hidden
