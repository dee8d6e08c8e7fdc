"""The 保密审查 and release of catalogue items: submit, return, approve, schedule, publish,
withdraw. Each is one atomic service; search is updated in the same transaction."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.core.errors import DomainError

from ..indexing import reindex_item
from ..models import ChannelRecord, Item
from ..permissions import POLICY
from ..states import WORKFLOW, ItemStatus
from .publication import publication_deadline_sync


@transaction.atomic
def item_submit(*, actor, item: Item, note: str = "") -> Item:
    item = WORKFLOW.lock(item)
    if not item.title or not (item.body or item.summary or item.attachments.exists()):
        raise DomainError("提交审查前请填写正文或内容概述，或上传附件。", code="empty_item")
    return WORKFLOW.execute(item, "submit", actor=actor, note=note)


@transaction.atomic
def item_return(*, actor, item: Item, opinion: str) -> Item:
    if not (opinion or "").strip():
        raise DomainError("退回时请写明审查意见。", code="opinion_required", field="opinion")
    item = WORKFLOW.lock(item)
    return WORKFLOW.execute(
        item,
        "return",
        actor=actor,
        note=opinion,
        review_opinion=opinion.strip(),
        reviewed_by=None,
        reviewed_at=None,
    )


@transaction.atomic
def item_approve(*, actor, item: Item, opinion: str = "", findings_seen: bool = False) -> Item:
    """The 保密审查 decision. Files with hidden-content findings need the reviewer to confirm
    having looked at them (or to strip the metadata first)."""
    item = WORKFLOW.lock(item)
    # Permission first: the author (even one holding the reviewer role) is refused here.
    POLICY.require(actor, "approve", item)
    flagged = [a.title for a in item.attachments.all() if a.findings]
    if flagged and not findings_seen:
        raise DomainError(
            "附件“" + "”“".join(flagged) + "”含有隐藏内容或文档属性，请逐项查看后确认，"
            "或先清除文档属性。",
            code="findings_unconfirmed",
            field="findings_seen",
        )
    return WORKFLOW.execute(
        item,
        "approve",
        actor=actor,
        note=opinion,
        review_opinion=(opinion or "").strip()
        or "经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。",
        reviewed_by=actor,
        reviewed_at=timezone.now(),
    )


@transaction.atomic
def item_schedule(*, actor, item: Item, when: datetime.datetime | None) -> Item:
    """Set (or clear, with None) the time an approved item goes out by itself."""
    item = WORKFLOW.lock(item)
    if when is not None and when <= timezone.now():
        raise DomainError("定时发布时间须晚于现在。", code="schedule_in_past", field="when")
    note = timezone.localtime(when).strftime("%Y-%m-%d %H:%M") if when else "取消定时"
    return WORKFLOW.execute(item, "schedule", actor=actor, note=note, scheduled_for=when)


def item_url(item: Item) -> str:
    path = reverse("catalog:item", args=[item.agency.code, item.public_id])
    return settings.GONGKAI_SITE_URL.rstrip("/") + path


@transaction.atomic
def item_publish(*, actor, item: Item, at: datetime.datetime | None = None) -> Item:
    """Publish an approved item now (or at `at`, the scheduled time, for the scheduler). The
    agency's own website — this site — is recorded as the first channel. The publication
    period ends."""
    item = WORKFLOW.lock(item)
    if item.disclosure != Item.Disclosure.ACTIVE:
        raise DomainError(
            f"公开属性为“{item.get_disclosure_display()}”的信息不能主动发布。", code="not_active"
        )
    at = at or timezone.now()
    item = WORKFLOW.execute(item, "publish", actor=actor, published_at=at, scheduled_for=None)
    ChannelRecord.objects.get_or_create(
        item=item,
        channel=ChannelRecord.Channel.AGENCY_WEBSITE,
        defaults={
            "published_on": timezone.localdate(at),
            "url": item_url(item),
            "recorded_by": actor,
        },
    )
    publication_deadline_sync(item, actor=actor, note="已发布")
    reindex_item(item)
    return item


@transaction.atomic
def item_withdraw(*, actor, item: Item, reason: str) -> Item:
    """Take a published item down: it leaves search and feeds, its page becomes a notice, and
    the record (with its channels) stays for the register and the report."""
    if not (reason or "").strip():
        raise DomainError("请写明撤回理由。", code="reason_required", field="reason")
    item = WORKFLOW.lock(item)
    item = WORKFLOW.execute(
        item,
        "withdraw",
        actor=actor,
        note=reason,
        withdrawal_reason=reason.strip()[:300],
        withdrawn_at=timezone.now(),
    )
    publication_deadline_sync(item, actor=actor, note="已撤回")
    reindex_item(item)
    return item


def publish_due(now: datetime.datetime | None = None) -> list[Item]:
    """Publish every approved item whose scheduled time has come (Celery beat and cron)."""
    now = now or timezone.now()
    published = []
    due = Item.objects.filter(status=ItemStatus.APPROVED, scheduled_for__lte=now)
    for item in due.order_by("scheduled_for", "pk"):
        published.append(item_publish(actor=None, item=item, at=item.scheduled_for))
    return published
