"""An import batch reviewed as one (批量审查): its drafts submitted together, its submitted items
approved or returned together by one reviewer who is not the importer.

A batch decision is the items' own decisions, one by one: each item gets its review row, its
history entry and its audit row exactly as on its own page (release.approve_one,
release.item_return); the batch adds one audit row of its own. A hidden-content finding in any
item's files must be acknowledged item by item.
"""

from django.db import transaction

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.release import pending, stored
from gongkai.search.backends import get_backend

from ..indexing import index_doc, searchable
from ..models import ImportBatch, Item
from ..permissions import POLICY
from ..states import WORKFLOW, ItemStatus
from .release import approve_locked, flagged_files, item_return, item_submit, release_files


def _lock(batch: ImportBatch) -> ImportBatch:
    return ImportBatch.objects.select_for_update().select_related("agency").get(pk=batch.pk)


def _items(batch: ImportBatch, status: str) -> list[Item]:
    return list(batch.items.filter(status=status).prefetch_related("attachments").order_by("pk"))


def _names(items: list[Item], most: int = 10) -> str:
    names = "、".join(f"“{item.title}”" for item in items[:most])
    return names + (f"等{len(items)}条" if len(items) > most else "")


@transaction.atomic
def batch_submit(*, actor, batch: ImportBatch) -> list[Item]:
    """Submit every draft of the batch for the 保密审查 (each as item_submit does)."""
    batch = _lock(batch)
    POLICY.require(actor, "batch_submit", batch)
    drafts = _items(batch, ItemStatus.DRAFT)
    if not drafts:
        raise DomainError("本批没有待提交的草稿。", code="batch_no_drafts")
    empty = [i for i in drafts if not (i.body or i.summary or i.attachments.all())]
    if empty:
        raise DomainError(
            f"{_names(empty)}没有正文、内容概述或附件，请先补充后再提交。", code="empty_item"
        )
    note = f"随导入批次提交：{batch.source_name}"
    submitted = [item_submit(actor=actor, item=item, note=note) for item in drafts]
    audit_record(
        actor=actor,
        action="catalog.batch_submit",
        obj=batch,
        changes={"submitted": [0, len(submitted)]},
    )
    return submitted


@transaction.atomic
def batch_approve(*, actor, batch: ImportBatch, opinion: str = "", acknowledged=()) -> list[Item]:
    """Approve every submitted item of the batch: one review row, history entry and audit row
    per item. Items whose files have hidden-content findings must each be among
    `acknowledged` (the reviewer ticked them after reading their findings). Items migrated
    from a former system are published on their former 发布日期 at once."""
    batch = _lock(batch)
    POLICY.require(actor, "batch_approve", batch)
    waiting = WORKFLOW.lock_all(
        batch.items.filter(status=ItemStatus.SUBMITTED)
        .prefetch_related("attachments")
        .order_by("pk")
    )
    if not waiting:
        raise DomainError("本批没有待保密审查的条目。", code="batch_nothing_to_review")
    seen = {item.pk for item in acknowledged}
    unconfirmed = [item for item in waiting if flagged_files(item) and item.pk not in seen]
    if unconfirmed:
        raise DomainError(
            f"{_names(unconfirmed)}的附件含有隐藏内容或文档属性，请逐条查看后勾选确认，"
            "或退回修改。",
            code="findings_unconfirmed",
            field="acknowledged",
        )
    refusing = [
        item
        for item in waiting
        if any(
            p.blocking for p in pending(map(stored, item.attachments.public()), agency=item.agency)
        )
    ]
    if refusing:
        raise DomainError(
            f"{_names(refusing)}的附件存在不能直接公开的内容（如身份证号码、遮盖下仍可提取的"
            "文字、隐藏的工作表），不能批量通过：请逐条审查（审核人可说明理由后通过），"
            "或退回修改。",
            code="release_blocked",
            field="acknowledged",
        )
    for item in waiting:
        release_files(actor=actor, item=item, findings_seen=True)
    approved = approve_locked(actor=actor, items=waiting, opinion=opinion, batch=batch)
    published = searchable(
        Item.objects.filter(pk__in=[i.pk for i in approved if i.status == ItemStatus.PUBLISHED])
    )
    get_backend().index(index_doc(item) for item in published)
    audit_record(
        actor=actor,
        action="catalog.batch_approve",
        obj=batch,
        changes={"approved": [0, len(approved)]},
        note=(opinion or "").strip(),
    )
    return approved


@transaction.atomic
def batch_return(*, actor, batch: ImportBatch, opinion: str) -> list[Item]:
    """Return every submitted item of the batch to draft, each with the opinion."""
    if not (opinion or "").strip():
        raise DomainError("退回时请写明审查意见。", code="opinion_required", field="opinion")
    batch = _lock(batch)
    POLICY.require(actor, "batch_return", batch)
    waiting = _items(batch, ItemStatus.SUBMITTED)
    if not waiting:
        raise DomainError("本批没有待保密审查的条目。", code="batch_nothing_to_review")
    returned = [
        item_return(actor=actor, item=item, opinion=opinion, batch=batch) for item in waiting
    ]
    audit_record(
        actor=actor,
        action="catalog.batch_return",
        obj=batch,
        changes={"returned": [0, len(returned)]},
        note=opinion.strip(),
    )
    return returned
