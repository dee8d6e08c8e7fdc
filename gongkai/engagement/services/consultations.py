"""Consultations: drafting, publication, extension, the 采纳情况 and the final decision."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.catalog.models import Item
from gongkai.catalog.states import ItemStatus
from gongkai.catalog.text import sanitise_html
from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from ..models import Comment, Consultation, ConsultationAttachment
from ..permissions import require_action
from ..states import TRANSITIONS, CommentStatus, check
from .base import STAFF_KINDS, clock, lock_consultation, required_text, save_file, stored_file

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
    require_action(actor, agency.pk, "create")
    fields = _clean(fields)
    consultation = Consultation.objects.create(agency=agency, created_by=actor, **fields)
    audit_record(actor=actor, action="engagement.create", obj=consultation, note=consultation.title)
    return consultation


@transaction.atomic
def consultation_update(*, actor, consultation: Consultation, **fields) -> Consultation:
    consultation = lock_consultation(consultation)
    require_action(actor, consultation.agency_id, "edit")
    check("edit", consultation.phase())
    fields = _clean(fields, consultation)
    before = snapshot(consultation, list(fields))
    for name, value in fields.items():
        setattr(consultation, name, value)
    consultation.save()
    audit_record(
        actor=actor,
        action="engagement.edit",
        obj=consultation,
        changes=diff(before, snapshot(consultation, list(fields))),
    )
    return consultation


@transaction.atomic
def consultation_attach(*, actor, consultation: Consultation, file, title: str = ""):
    consultation = lock_consultation(consultation)
    require_action(actor, consultation.agency_id, "edit")
    check("edit", consultation.phase())
    name, data, content_type = stored_file(
        file, allowed=STAFF_KINDS, max_bytes=settings.GONGKAI_MAX_ATTACHMENT_BYTES, fallback="附件"
    )
    attachment = ConsultationAttachment(
        consultation=consultation,
        title=(title or name).strip()[:200],
        content_type=content_type,
        size=len(data),
        uploaded_by=actor,
    )
    save_file(attachment.file, name, data)
    attachment.save()
    audit_record(
        actor=actor,
        action="engagement.attach",
        obj=consultation,
        changes={"attachment": [None, attachment.title]},
    )
    return attachment


@transaction.atomic
def consultation_detach(*, actor, attachment: ConsultationAttachment) -> None:
    consultation = lock_consultation(attachment.consultation)
    require_action(actor, consultation.agency_id, "edit")
    check("edit", consultation.phase())
    audit_record(
        actor=actor,
        action="engagement.detach",
        obj=consultation,
        changes={"attachment": [attachment.title, None]},
    )
    attachment.file.delete(save=False)
    attachment.delete()


def _transition(consultation, action: str, *, actor, note: str = "", **fields):
    """Save `fields` and the action's target status (from the transition table) on a locked
    consultation whose phase was checked, with the audit row."""
    target = TRANSITIONS[action].target
    if target:
        fields["status"] = target
    before = snapshot(consultation, list(fields))
    for name, value in fields.items():
        setattr(consultation, name, value)
    consultation.save(update_fields=[*fields, "updated_at"])
    audit_record(
        actor=actor,
        action=f"engagement.{action}",
        obj=consultation,
        changes=diff(before, snapshot(consultation, list(fields))),
        note=note,
    )
    return consultation


@transaction.atomic
def consultation_publish(
    *, actor, consultation: Consultation, now: datetime.datetime | None = None
) -> Consultation:
    """Put the draft before the public. The window may start later (the page says when), but
    not earlier: the public must have had every day the page claims."""
    now, today = clock(now)
    consultation = lock_consultation(consultation)
    require_action(actor, consultation.agency_id, "publish")
    check("publish", consultation.phase(today))
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
    return _transition(consultation, "publish", actor=actor, published_at=now)


@transaction.atomic
def consultation_extend(
    *, actor, consultation: Consultation, closes_on: datetime.date, now=None
) -> Consultation:
    _now, today = clock(now)
    consultation = lock_consultation(consultation)
    require_action(actor, consultation.agency_id, "extend")
    check("extend", consultation.phase(today))
    if closes_on is None or closes_on <= consultation.closes_on:
        raise DomainError(
            f"新的截止日期须晚于原截止日期{consultation.closes_on:%Y-%m-%d}。",
            code="extension_not_later",
            field="closes_on",
        )
    return _transition(consultation, "extend", actor=actor, closes_on=closes_on)


@transaction.atomic
def consultation_publish_feedback(
    *, actor, consultation: Consultation, summary: str, now: datetime.datetime | None = None
) -> Consultation:
    """Publish the 采纳情况: only after the window, once every comment is moderated and every
    published comment has its own assessment."""
    now, today = clock(now)
    consultation = lock_consultation(consultation)
    require_action(actor, consultation.agency_id, "publish_feedback")
    check("publish_feedback", consultation.phase(today))
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
    return _transition(
        consultation,
        "publish_feedback",
        actor=actor,
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
    _now, today = clock(now)
    consultation = lock_consultation(consultation)
    require_action(actor, consultation.agency_id, "link_decision")
    check("link_decision", consultation.phase(today))
    if item is not None:
        if item.status != ItemStatus.PUBLISHED:
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
    return _transition(consultation, "link_decision", actor=actor, final_decision=item)
