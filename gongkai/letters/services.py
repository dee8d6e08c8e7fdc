"""Issuing letters onto a case, and editing the templates they are written from."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction

from gongkai.applications.models import Application, ApplicationDocument
from gongkai.applications.states import WORKFLOW as APPLICATION_WORKFLOW
from gongkai.core.audit import audit_record
from gongkai.core.files import FileRules, file_store
from gongkai.core.uploads import DOCX, PDF

from .models import LetterKind, LetterTemplate
from .permissions import POLICY
from .render import render_letter

# Letters are made here, never uploaded: their type is still checked like any stored file.
LETTER_RULES = FileRules(allowed=(DOCX, PDF), check_hidden=False)

# Notices the applicant is sent at once. The decision is theirs once it is served (the serve
# service then shows every letter); the consultation letter goes to the third party.
VISIBLE_AT_ONCE = frozenset(
    {LetterKind.RECEIPT, LetterKind.CORRECTION, LetterKind.EXTENSION, LetterKind.FEE}
)


@transaction.atomic
def letter_issue(
    *, actor, application: Application, kind: str, today: dt.date | None = None
) -> ApplicationDocument:
    """Render the letter and attach it to the case as DOCX (to edit or print) and PDF (the copy
    sent). Returns the PDF document."""
    application = APPLICATION_WORKFLOW.lock(application)
    POLICY.require(actor, "issue_letter", application)
    letter = render_letter(application, kind, today=today)
    visible = kind in VISIBLE_AT_ONCE or (
        kind == LetterKind.DECISION and application.decision_is_final
    )
    documents = [
        file_store(
            model=ApplicationDocument,
            owner=application,
            upload=ContentFile(content, name=f"{application.number}-{kind}.{file_kind.extension}"),
            actor=actor,
            rules=LETTER_RULES,
            title=f"{letter.title}（{file_kind.extension.upper()}）",
            # A consultation letter is addressed to (and names) the third party: it is kept as
            # a kind of its own, never released to the applicant with the decision.
            kind=ApplicationDocument.Kind.THIRD_PARTY_LETTER
            if kind == LetterKind.CONSULTATION
            else ApplicationDocument.Kind.LETTER,
            visible_to_applicant=visible,
        )
        for file_kind, content in ((DOCX, letter.docx), (PDF, letter.pdf))
    ]
    audit_record(
        actor=actor,
        action="letter.issue",
        obj=application,
        note=letter.title,
        changes={"documents": [None, [document.title for document in documents]]},
    )
    return documents[-1]


@transaction.atomic
def letter_template_save(*, actor, template: LetterTemplate) -> LetterTemplate:
    """Create or change a template. Defaults are platform configuration; an agency's
    administrator may keep the agency's own versions."""
    if actor is not None and not actor.is_superuser:
        if template.agency_id is None:
            raise PermissionDenied("只有平台管理员可以修改默认文书模板。")
        POLICY.require(actor, "edit_template", template.agency_id)
    template.full_clean()
    created = template.pk is None
    template.updated_by = actor if actor is not None and actor.is_authenticated else None
    template.save()
    audit_record(
        actor=actor,
        action="letter.template_create" if created else "letter.template_update",
        obj=template,
        agency=template.agency,
        note=str(template),
    )
    return template
