"""Shared steps of the engagement services: the clock, locking, stored files."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.core.uploads import DOCX, JPEG, PDF, PNG, XLSX, check_upload

from ..models import Comment, Consultation

# What staff may attach to a draft, and what the public may attach to a comment.
STAFF_KINDS = (PDF, DOCX, XLSX, JPEG, PNG)
PUBLIC_KINDS = (PDF, DOCX, JPEG, PNG)


def clock(now: datetime.datetime | None) -> tuple[datetime.datetime, datetime.date]:
    """The moment of the write and its day in Asia/Shanghai (the window is counted in days)."""
    now = now or timezone.now()
    return now, timezone.localdate(now)


def lock_consultation(consultation: Consultation) -> Consultation:
    return Consultation.objects.select_for_update().select_related("agency").get(pk=consultation.pk)


def lock_comment(comment: Comment) -> Comment:
    return (
        Comment.objects.select_for_update()
        .select_related("consultation__agency")
        .get(pk=comment.pk)
    )


def stored_file(file, *, allowed, max_bytes: int, fallback: str) -> tuple[str, bytes, str]:
    """(name, bytes, content type) of an upload that passed the type and size checks."""
    kind = check_upload(file, allowed=allowed, max_bytes=max_bytes)
    data = file.read()
    name = (getattr(file, "name", "") or f"{fallback}.{kind.extension}").rsplit("/", 1)[-1]
    return name, data, kind.content_type


def save_file(field, name: str, data: bytes) -> None:
    field.save(name, ContentFile(data), save=False)


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
