"""The 保密审查 and release of catalogue items: submit, return, approve, schedule, publish,
withdraw. Each is one atomic service; search is updated in the same transaction."""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.core.release import release_check, stored

from ..indexing import reindex_item
from ..models import ChannelRecord, Item, ItemReview
from ..permissions import POLICY
from ..states import WORKFLOW, ItemStatus
from .publication import publication_deadline_sync


@transaction.atomic
def item_submit(*, actor, item: Item, note: str = "") -> Item:
    item = WORKFLOW.lock(item)
    if not item.title or not (item.body or item.summary or item.attachments.exists()):
        raise DomainError("提交审查前请填写正文或内容概述，或上传附件。", code="empty_item")
    return WORKFLOW.execute(item, "submit", actor=actor, note=note)


DEFAULT_OPINION = "经审查，不涉及国家秘密、工作秘密、商业秘密和个人隐私，同意公开。"


def _require_reviewer(actor) -> None:
    """A 保密审查 is a person's act: the system (actor None) never reviews."""
    if actor is None or not actor.is_authenticated:
        raise DomainError("保密审查须由审核人本人作出。", code="reviewer_required")


@transaction.atomic
def item_return(*, actor, item: Item, opinion: str, batch=None) -> Item:
    if not (opinion or "").strip():
        raise DomainError("退回时请写明审查意见。", code="opinion_required", field="opinion")
    item = WORKFLOW.lock(item)
    POLICY.require(actor, "return", item)
    WORKFLOW.check("return", item.status)
    _require_reviewer(actor)
    opinion = opinion.strip()
    ItemReview.objects.create(
        item=item,
        reviewer=actor,
        decision=ItemReview.Decision.RETURNED,
        opinion=opinion,
        batch=batch,
    )
    return WORKFLOW.execute(item, "return", actor=actor, note=opinion, review_opinion=opinion)


def flagged_files(item: Item) -> dict[str, list]:
    """{attachment title: findings} of the item's files with hidden-content findings."""
    return {a.title: a.findings for a in item.attachments.public() if a.findings}


def release_files(*, actor, item: Item, findings_seen: bool, reason: str = "") -> None:
    """The release check of the item's files (core.release): every finding seen, and a
    reason from the reviewer for anything that refuses release (Regulation Art 15)."""
    release_check(
        actor=actor,
        releases=[stored(attachment) for attachment in item.attachments.public()],
        agency=item.agency,
        owner=item,
        findings_seen=findings_seen,
        reason=reason,
        can_override=True,  # the 保密审查 reviewer holds Capability.REVIEW (the policy)
    )


@transaction.atomic
def item_approve(
    *,
    actor,
    item: Item,
    opinion: str = "",
    findings_seen: bool = False,
    release_override: str = "",
) -> Item:
    """The 保密审查 decision. The item's files pass the release check first: the reviewer
    confirms having looked at every finding and writes why a file with something that refuses
    release (an ID number, text under a box, a hidden sheet …) may go anyway. An item a
    history migration brought from a system that had published it is published on that
    发布日期 once approved."""
    item = WORKFLOW.lock(item)
    # Permission first: the author (even one holding the reviewer role) is refused here.
    POLICY.require(actor, "approve", item)
    WORKFLOW.check("approve", item.status)
    _require_reviewer(actor)
    release_files(actor=actor, item=item, findings_seen=findings_seen, reason=release_override)
    [item] = approve_locked(actor=actor, items=[item], opinion=opinion)
    if item.status == ItemStatus.PUBLISHED:
        reindex_item(item)
    return item


def approve_locked(*, actor, items: list[Item], opinion: str, batch=None) -> list[Item]:
    """Approve `items` (locked; their findings acknowledged by the caller): for each one a
    review row, then its transition with its history entry and audit row. Search is the
    caller's (a batch indexes its items at once)."""
    for item in items:
        POLICY.require(actor, "approve", item)
        WORKFLOW.check("approve", item.status)
    _require_reviewer(actor)
    opinion = (opinion or "").strip() or DEFAULT_OPINION
    reviews = ItemReview.objects.bulk_create(
        ItemReview(
            item=item,
            reviewer=actor,
            decision=ItemReview.Decision.APPROVED,
            opinion=opinion,
            findings=flagged_files(item),
            batch=batch,
        )
        for item in items
    )
    channels, approved = [], []
    for item, review in zip(items, reviews, strict=True):
        released = {"review_opinion": opinion, "review": review}
        day = item.migrated_published_on
        if day is None or item.disclosure != Item.Disclosure.ACTIVE:
            approved.append(
                WORKFLOW.execute(item, "approve", actor=actor, note=opinion, **released)
            )
            continue
        # Published before it came here: released on that day, with the channels then
        # recorded (not 本机关网站 by this platform); no publication period ran for it here.
        # Noon, so the date reads the same in any time zone within twelve hours.
        at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
        approved.append(
            WORKFLOW.execute(
                item,
                "approve_migrated",
                actor=actor,
                note=f"{opinion}（原系统发布日期 {day.isoformat()}）",
                published_at=at,
                **released,
            )
        )
        channels += [
            ChannelRecord(
                item=item,
                channel=channel,
                published_on=datetime.date.fromisoformat(on),
                recorded_by_id=item.author_id,
            )
            for channel, on in item.migrated.get("channels", [])
        ]
    ChannelRecord.objects.bulk_create(channels)
    return approved


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
