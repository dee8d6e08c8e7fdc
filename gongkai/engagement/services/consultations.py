"""Consultations: drafting, publication, extension, the 采纳情况 and the final decision. Each
step moves the consultation through its workflow (states.CONSULTATION_WORKFLOW), checked
against its phase on the day of the write, with a row on its timeline and an audit row."""

import datetime

from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import Item
from gongkai.catalog.states import PUBLIC
from gongkai.catalog.text import sanitise_html
from gongkai.core.errors import DomainError
from gongkai.core.files import file_remove, file_store

from ..models import Comment, Consultation, ConsultationAttachment
from ..permissions import POLICY
from ..states import CONSULTATION_WORKFLOW, CommentStatus
from .base import STAFF_FILES, clock, consultation_step, release_attachments, required_text

EDITABLE_FIELDS = (
    "title",
    "background",
    "basis",
    "draft_text",
    "opens_on",
    "closes_on",
    "allow_anonymous",
)


def _clean(fields: dict, instance: Consultation | None = None) -> dict:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(f"不能修改这些字段：{'、'.join(sorted(unknown))}", code="bad_field")
    fields = dict(fields)
    if "title" in fields or instance is None:
        fields["title"] = " ".join((fields.get("title") or "").split())
        if not fields["title"]:
            raise DomainError("请填写标题。", code="title_required", field="title")
    for name in ("background", "basis"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    if "draft_text" in fields:
        fields["draft_text"] = sanitise_html(fields["draft_text"])
    opens_on = fields.get("opens_on", instance.opens_on if instance else None)
    closes_on = fields.get("closes_on", instance.closes_on if instance else None)
    if opens_on is None:
        raise DomainError("请填写征求意见开始日期。", code="opens_on_required", field="opens_on")
    if closes_on is None:
        raise DomainError("请填写征求意见截止日期。", code="closes_on_required", field="closes_on")
    if closes_on < opens_on:
        raise DomainError("截止日期不能早于开始日期。", code="window_reversed", field="closes_on")
    return fields


@transaction.atomic
def consultation_create(*, actor, agency, **fields) -> Consultation:
    POLICY.require(actor, "create", agency)
    fields = _clean(fields)
    consultation = Consultation(agency=agency, created_by=actor, **fields)
    return CONSULTATION_WORKFLOW.execute(
        consultation, "create", actor=actor, note=consultation.title, audited=["status"]
    )


@transaction.atomic
def consultation_update(*, actor, consultation: Consultation, **fields) -> Consultation:
    consultation, phase = consultation_step(
        consultation, "edit", actor=actor, today=timezone.localdate()
    )
    fields = _clean(fields, consultation)
    return CONSULTATION_WORKFLOW.execute(consultation, "edit", actor=actor, state=phase, **fields)


@transaction.atomic
def consultation_attach(*, actor, consultation: Consultation, file, title: str = ""):
    """A file of the draft, while it is a draft (attaching is part of editing it)."""
    consultation, _phase = consultation_step(
        consultation, "edit", actor=actor, today=timezone.localdate()
    )
    return file_store(
        model=ConsultationAttachment,
        owner=consultation,
        upload=file,
        actor=actor,
        rules=STAFF_FILES,
        title=title,
        audit_action="engagement.attach",
    )


@transaction.atomic
def consultation_detach(*, actor, attachment: ConsultationAttachment) -> None:
    consultation_step(attachment.consultation, "edit", actor=actor, today=timezone.localdate())
    file_remove(stored=attachment, actor=actor, audit_action="engagement.detach")


@transaction.atomic
def consultation_publish(
    *,
    actor,
    consultation: Consultation,
    now: datetime.datetime | None = None,
    findings_seen: bool = False,
    release_override: str = "",
) -> Consultation:
    """Put the draft before the public. The window may start later (the page says when), but
    not earlier: the public must have had every day the page claims. The attachments pass
    the release check (core.release) first."""
    now, today = clock(now)
    consultation, phase = consultation_step(consultation, "publish", actor=actor, today=today)
    if not consultation.background:
        raise DomainError("发布前请填写起草背景。", code="background_required", field="background")
    if not consultation.basis:
        raise DomainError("发布前请填写起草依据。", code="basis_required", field="basis")
    if not consultation.draft_text and not consultation.attachments.exists():
        raise DomainError(
            "发布前请填写征求意见稿正文或上传附件。", code="draft_text_required", field="draft_text"
        )
    if consultation.opens_on < today:
        raise DomainError(
            f"开始日期{consultation.opens_on:%Y-%m-%d}已过，请改为今天或以后的日期后再发布。",
            code="opens_in_past",
            field="opens_on",
        )
    release_attachments(
        actor=actor,
        owner=consultation,
        files=consultation.attachments.all(),
        agency=consultation.agency,
        findings_seen=findings_seen,
        reason=release_override,
    )
    return CONSULTATION_WORKFLOW.execute(
        consultation, "publish", actor=actor, state=phase, at=now, published_at=now
    )


@transaction.atomic
def consultation_extend(
    *, actor, consultation: Consultation, closes_on: datetime.date, now=None
) -> Consultation:
    now, today = clock(now)
    consultation, phase = consultation_step(consultation, "extend", actor=actor, today=today)
    if closes_on is None or closes_on <= consultation.closes_on:
        raise DomainError(
            f"新的截止日期须晚于原截止日期{consultation.closes_on:%Y-%m-%d}。",
            code="extension_not_later",
            field="closes_on",
        )
    return CONSULTATION_WORKFLOW.execute(
        consultation, "extend", actor=actor, state=phase, at=now, closes_on=closes_on
    )


@transaction.atomic
def consultation_publish_feedback(
    *, actor, consultation: Consultation, summary: str, now: datetime.datetime | None = None
) -> Consultation:
    """Publish the 采纳情况: only after the window, once every comment is moderated and every
    published comment has its own assessment."""
    now, today = clock(now)
    consultation, phase = consultation_step(
        consultation, "publish_feedback", actor=actor, today=today
    )
    summary = required_text(
        summary, field="summary", message="请填写意见采纳情况的总体说明。", max_length=20_000
    )
    comments = Comment.objects.filter(consultation=consultation)
    pending = comments.filter(status=CommentStatus.PENDING).count()
    if pending:
        raise DomainError(f"还有{pending}条意见未审核，请先公开或屏蔽。", code="comments_pending")
    unassessed = comments.filter(status=CommentStatus.PUBLISHED, adoption="").count()
    if unassessed:
        raise DomainError(
            f"还有{unassessed}条公开的意见未填写采纳情况。", code="comments_unassessed"
        )
    return CONSULTATION_WORKFLOW.execute(
        consultation,
        "publish_feedback",
        actor=actor,
        state=phase,
        at=now,
        feedback_summary=summary,
        feedback_published_at=now,
    )


@transaction.atomic
def consultation_link_decision(
    *, actor, consultation: Consultation, item: Item | None, now=None
) -> Consultation:
    """Link (or, with None, unlink) the published catalogue item that is the final decision.
    It must come from this agency or one above it (a city government often issues what its
    department drafted) and be published after the consultation opened."""
    now, today = clock(now)
    consultation, phase = consultation_step(consultation, "link_decision", actor=actor, today=today)
    if item is not None:
        if item.status not in PUBLIC and item.agency_id != consultation.agency_id:
            # Another agency's unpublished item answers as a missing one (reveals nothing).
            raise DomainError(
                f"没有索引号为“{item.index_number}”的条目。",
                code="reference_not_found",
                field="item",
            )
        if item.status not in PUBLIC:
            raise DomainError(
                "只能关联已发布的目录条目。", code="decision_not_published", field="item"
            )
        if not consultation.agency.is_in_subtree_of(item.agency):
            raise DomainError(
                "最终决定须由本机关或上级机关发布。", code="decision_wrong_agency", field="item"
            )
        if timezone.localdate(item.published_at) < consultation.opens_on:
            raise DomainError(
                "该条目在征求意见开始前已经发布，不能作为本次征求意见的最终决定。",
                code="decision_before_consultation",
                field="item",
            )
    return CONSULTATION_WORKFLOW.execute(
        consultation, "link_decision", actor=actor, state=phase, at=now, final_decision=item
    )
