"""Comments on a consultation: the public's submission, and staff moderation, answers and
the per-comment 采纳情况. Each moves the comment through its workflow
(states.COMMENT_WORKFLOW) once its consultation's phase allows the work (the consultation's
table), with a row on the comment's timeline and an audit row."""

import datetime

from django.db import transaction

from gongkai.core.errors import DomainError, RateLimited
from gongkai.core.files import file_store
from gongkai.core.middleware import current_client_ip
from gongkai.core.uploads import check_upload

from ..models import Comment, CommentAttachment, Consultation
from ..states import (
    COMMENT_WORKFLOW,
    CONSULTATION_WORKFLOW,
    FINISHED_PHASES,
    MODERATION,
    Phase,
)
from .base import COMMENT_FILES, clock, comment_step, release_attachments, required_text

MIN_LENGTH = 5
MAX_LENGTH = 5000
MAX_FILES = 3
MAX_NAME_LENGTH = 40
# Throttle: at most this many comments per user (or per address, when anonymous) per window.
THROTTLE_COUNT = 5
THROTTLE_WINDOW = datetime.timedelta(minutes=10)
ANONYMOUS_NAME = "匿名网友"
DEFAULT_NAME = "网友"


def _day(day: datetime.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _check_window(consultation: Consultation, today: datetime.date) -> None:
    phase = consultation.phase(today)
    if CONSULTATION_WORKFLOW.allows("comment", phase):
        return
    window = f"{_day(consultation.opens_on)}至{_day(consultation.closes_on)}"
    if phase == Phase.SCHEDULED:
        raise DomainError(
            f"征求意见期为{window}，尚未开始，请届时再提交意见。", code="window_not_open"
        )
    if phase in FINISHED_PHASES:
        raise DomainError(f"征求意见期为{window}，已经截止，不能再提交意见。", code="window_closed")
    raise DomainError("该征求意见尚未发布。", code="window_not_open")


def _check_throttle(*, author, ip: str | None, now: datetime.datetime) -> None:
    """Counted from the comments themselves, so every worker process sees the same limit."""
    recent = Comment.objects.filter(submitted_at__gt=now - THROTTLE_WINDOW, submitted_at__lte=now)
    if author is not None:
        recent = recent.filter(author=author)
    elif ip:
        recent = recent.filter(author__isnull=True, ip=ip)
    else:
        return
    if recent.count() >= THROTTLE_COUNT:
        minutes = int(THROTTLE_WINDOW.total_seconds() // 60)
        raise RateLimited(
            f"提交过于频繁：{minutes}分钟内最多提交{THROTTLE_COUNT}条意见，请稍后再试。",
            code="comment_rate_limited",
        )


def _clean_name(display_name: str, *, anonymous: bool) -> str:
    name = " ".join((display_name or "").split())
    if len(name) > MAX_NAME_LENGTH:
        raise DomainError(
            f"署名最多{MAX_NAME_LENGTH}个字。", code="name_too_long", field="display_name"
        )
    return name or (ANONYMOUS_NAME if anonymous else DEFAULT_NAME)


def _clean_text(text: str) -> str:
    text = (text or "").strip()
    if len(text) < MIN_LENGTH:
        raise DomainError(
            f"意见内容过短，请至少写{MIN_LENGTH}个字。", code="comment_too_short", field="text"
        )
    if len(text) > MAX_LENGTH:
        raise DomainError(
            f"意见内容为{len(text)}字，超过{MAX_LENGTH}字的上限；较长的意见可作为附件上传。",
            code="comment_too_long",
            field="text",
        )
    return text


@transaction.atomic
def comment_submit(
    *,
    consultation: Consultation,
    author,
    text: str,
    display_name: str = "",
    files=(),
    ip: str | None = None,
    now: datetime.datetime | None = None,
) -> Comment:
    """A comment from the public, pending moderation. Everything is checked before anything
    is written: the window (inclusive, in Asia/Shanghai), login, length, files, throttle."""
    now, today = clock(now)
    consultation = Consultation.objects.select_related("agency").get(pk=consultation.pk)
    if author is not None and not (author.is_authenticated and author.is_active):
        author = None
    _check_window(consultation, today)
    if author is None and not consultation.allow_anonymous:
        raise DomainError("请先登录后再提交意见。", code="login_required")
    text = _clean_text(text)
    name = _clean_name(display_name, anonymous=author is None)
    files = [f for f in files or () if f]
    if len(files) > MAX_FILES:
        raise DomainError(f"最多上传{MAX_FILES}个附件。", code="too_many_files", field="files")
    rules = COMMENT_FILES
    try:
        # Every file is checked before anything is written (file_store checks each again).
        for file in files:
            check_upload(file, allowed=rules.allowed, max_bytes=rules.limit)
    except DomainError as error:
        error.field = "files"
        raise
    ip = ip or current_client_ip()
    _check_throttle(author=author, ip=ip, now=now)
    comment = COMMENT_WORKFLOW.execute(
        Comment(
            consultation=consultation,
            author=author,
            display_name=name,
            text=text,
            submitted_at=now,
            ip=ip,
        ),
        "comment",
        actor=author,
        at=now,
        note=f"{len(text)}字，附件{len(files)}个",
        audited=["status"],  # the text and the address stay in the record
    )
    for file in files:
        file_store(model=CommentAttachment, owner=comment, upload=file, actor=author, rules=rules)
    return comment


@transaction.atomic
def comment_moderate(
    *,
    actor,
    comment: Comment,
    decision: str,
    reason: str = "",
    now=None,
    findings_seen: bool = False,
    release_override: str = "",
) -> Comment:
    """Publish a comment, or hide it with a reason. A hidden comment is kept, with who hid it
    and why, and can be published again. A published comment's files are public: they pass
    the release check (core.release) first."""
    now, today = clock(now)
    comment = comment_step(comment, "moderate", actor=actor, today=today)
    if decision not in MODERATION:
        raise DomainError("请选择公开或屏蔽。", code="bad_decision", field="decision")
    action = MODERATION[decision]
    COMMENT_WORKFLOW.check(action, comment.status)
    reason = (reason or "").strip()
    if action == "comment_hide":
        reason = required_text(
            reason, field="reason", message="屏蔽意见时请写明理由。", max_length=300
        )
    if action == "comment_publish":
        release_attachments(
            actor=actor,
            owner=comment,
            files=comment.attachments.all(),
            agency=comment.consultation.agency,
            findings_seen=findings_seen,
            reason=release_override,
        )
    return COMMENT_WORKFLOW.execute(
        comment,
        action,
        actor=actor,
        at=now,
        note=reason,
        hidden_reason=reason if action == "comment_hide" else "",
        moderated_by=actor,
        moderated_at=now,
    )


def _require_public(comment: Comment, action: str) -> None:
    """Answers and assessments are for published comments (the comment's table), refused
    with the words people know."""
    if not COMMENT_WORKFLOW.allows(action, comment.status):
        raise DomainError("只能答复或评估已公开的意见。", code="comment_not_public")


@transaction.atomic
def comment_answer(*, actor, comment: Comment, text: str, now=None) -> Comment:
    now, today = clock(now)
    comment = comment_step(comment, "answer", actor=actor, today=today)
    _require_public(comment, "comment_answer")
    text = required_text(text, field="text", message="请填写答复内容。", max_length=MAX_LENGTH)
    return COMMENT_WORKFLOW.execute(
        comment,
        "comment_answer",
        actor=actor,
        at=now,
        answer=text,
        answered_by=actor,
        answered_at=now,
    )


@transaction.atomic
def comment_assess(
    *, actor, comment: Comment, adoption: str, reason: str = "", now=None
) -> Comment:
    """The comment's 采纳情况; a partly or not adopted comment needs the reason."""
    now, today = clock(now)
    comment = comment_step(comment, "assess", actor=actor, today=today)
    _require_public(comment, "comment_assess")
    if adoption not in Comment.Adoption.values:
        raise DomainError("请选择采纳情况。", code="adoption_required", field="adoption")
    reason = (reason or "").strip()
    if adoption != Comment.Adoption.ADOPTED and not reason:
        raise DomainError(
            "部分采纳或未采纳的意见须说明理由。", code="reason_required", field="reason"
        )
    if len(reason) > MAX_LENGTH:
        raise DomainError(f"说明最多{MAX_LENGTH}字。", code="reason_too_long", field="reason")
    return COMMENT_WORKFLOW.execute(
        comment, "comment_assess", actor=actor, at=now, adoption=adoption, adoption_reason=reason
    )
