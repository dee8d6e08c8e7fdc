"""Shared steps of the engagement services: the clock, the first checks of a staff step, what
files each kind of attachment accepts, and required text."""

import datetime

from django.utils import timezone

from gongkai.agencies.permissions import can
from gongkai.agencies.roles import Capability
from gongkai.core.errors import DomainError
from gongkai.core.files import FileRules
from gongkai.core.release import release_check, stored
from gongkai.core.uploads import DOCX, JPEG, PDF, PNG, XLSX

from ..models import Comment, Consultation
from ..permissions import POLICY
from ..states import COMMENT_WORKFLOW, CONSULTATION_WORKFLOW

# What staff may attach to a draft (up to the platform's attachment limit), and what the public
# may attach to a comment. Both are looked into for hidden content (comments, tracked changes,
# document properties): a draft's files are public once it is published, a comment's once it
# is; the findings are shown to the staff who publish them.
STAFF_FILES = FileRules(allowed=(PDF, DOCX, XLSX, JPEG, PNG))
# A comment's files come from the public and are published by the platform: their document
# properties (the sender's name as author …) are cleared on arrival.
COMMENT_FILES = FileRules(
    allowed=(PDF, DOCX, JPEG, PNG), max_bytes=10 * 1024 * 1024, strip_properties=True
)


def release_attachments(*, actor, owner, files, agency, findings_seen: bool, reason: str) -> None:
    """The release check of files about to become public (core.release): a consultation's
    draft files when it is published, a comment's when it is. Only staff who review for the
    agency may release a file that refuses release, with a written reason."""
    release_check(
        actor=actor,
        releases=[stored(file) for file in files],
        agency=agency,
        owner=owner,
        findings_seen=findings_seen,
        reason=reason,
        can_override=can(actor, Capability.REVIEW, agency),
    )


def clock(now: datetime.datetime | None) -> tuple[datetime.datetime, datetime.date]:
    """The moment of the write and its day in Asia/Shanghai (the window is counted in days)."""
    now = now or timezone.now()
    return now, timezone.localdate(now)


def consultation_step(
    consultation: Consultation, action: str, *, actor, today: datetime.date
) -> tuple[Consultation, str]:
    """The locked consultation and its phase on `today`, once the policy and the table allow
    `action`: asked before the input is checked, so that a refusal says the right thing (404
    for another agency's staff, 403 for a reader, "not in this phase")."""
    consultation = CONSULTATION_WORKFLOW.lock(consultation)
    POLICY.require(actor, action, consultation)
    phase = consultation.phase(today)
    CONSULTATION_WORKFLOW.check(action, phase)
    return consultation, phase


def comment_step(comment: Comment, action: str, *, actor, today: datetime.date) -> Comment:
    """The locked comment, once the policy and its consultation's phase allow `action`
    (moderate, answer, assess: rows of the consultation's table)."""
    comment = COMMENT_WORKFLOW.lock(comment)
    POLICY.require(actor, action, comment)
    CONSULTATION_WORKFLOW.check(action, comment.consultation.phase(today))
    return comment


def required_text(value, *, field: str, message: str, max_length: int | None = None) -> str:
    text = (value or "").strip()
    if not text:
        raise DomainError(message, code=f"{field}_required", field=field)
    if max_length and len(text) > max_length:
        raise DomainError(
            f"内容过长（{len(text)}字），最多{max_length}字。",
            code=f"{field}_too_long",
            field=field,
        )
    return text
