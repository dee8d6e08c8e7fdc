"""What changes after publication: channels, validity, the normative-document register."""

import datetime

from django.db import IntegrityError, transaction

from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from ..indexing import reindex_item
from ..models import ChannelRecord, Item, NormativeRecord
from ..permissions import POLICY
from ..states import EDITABLE, REGISTERABLE, WORKFLOW
from .items import check_reference

Channel = ChannelRecord.Channel


@transaction.atomic
def channel_record(
    *, actor, item: Item, channel: str, published_on: datetime.date, url: str = "", note: str = ""
) -> ChannelRecord:
    """Record that the item also went out on `channel` (政务微博, 政府公报 …)."""
    item = WORKFLOW.lock(item)
    WORKFLOW.execute(
        item, "update_register", actor=actor, note=f"发布渠道：{Channel(channel).label}"
    )
    if item.published_at and published_on < item.published_at.date() - datetime.timedelta(days=366):
        raise DomainError(
            "渠道发布日期与条目发布日期相差过远，请核对。",
            code="channel_date",
            field="published_on",
        )
    try:
        with transaction.atomic():
            record = ChannelRecord.objects.create(
                item=item,
                channel=channel,
                published_on=published_on,
                url=url,
                note=note,
                recorded_by=actor,
            )
    except IntegrityError:
        raise DomainError(
            f"该条目已登记过“{Channel(channel).label}”渠道。",
            code="channel_duplicate",
            field="channel",
        ) from None
    audit_record(
        actor=actor,
        action="catalog.channel_add",
        obj=item,
        changes={"channel": [None, channel]},
        note=url,
    )
    return record


@transaction.atomic
def channel_remove(*, actor, record: ChannelRecord) -> None:
    item = WORKFLOW.lock(record.item)
    WORKFLOW.execute(
        item, "update_register", actor=actor, note=f"删除渠道：{record.get_channel_display()}"
    )
    audit_record(
        actor=actor,
        action="catalog.channel_remove",
        obj=item,
        changes={"channel": [record.channel, None]},
    )
    record.delete()


@transaction.atomic
def item_set_validity(*, actor, item: Item, validity: str, replaced_by: Item | None = None) -> Item:
    """有效 / 失效 / 废止 / 已修订; a revised item names the item that replaces it."""
    item = WORKFLOW.lock(item)
    if validity == Item.Validity.REVISED and replaced_by is None:
        raise DomainError(
            "已修订的文件须指明修订后的文件。", code="replacement_required", field="replaced_by"
        )
    if replaced_by is not None and replaced_by.pk == item.pk:
        raise DomainError("不能关联条目自身。", code="self_reference", field="replaced_by")
    if replaced_by is not None:
        check_reference(item.agency, replaced_by, field="replaced_by")
    item = WORKFLOW.execute(
        item,
        "update_register",
        actor=actor,
        note=f"有效性：{Item.Validity(validity).label}",
        validity=validity,
        replaced_by=replaced_by,
    )
    reindex_item(item)
    return item


@transaction.atomic
def normative_register(
    *,
    actor,
    item: Item,
    issued_on: datetime.date,
    registration_number: str = "",
    effective_on=None,
    expires_on=None,
    abolished_on=None,
    abolition_note: str = "",
) -> NormativeRecord:
    """Create or update the item's 规范性文件 register entry (登记号, issued, abolished)."""
    item = WORKFLOW.lock(item)
    POLICY.require(actor, "update_register", item)
    if item.status not in REGISTERABLE:
        raise DomainError("审查中的条目暂不能登记。", code="not_editable")
    if abolished_on and abolished_on < issued_on:
        raise DomainError(
            "废止日期不能早于印发日期。", code="abolished_before_issue", field="abolished_on"
        )
    registration_number = (registration_number or "").strip()
    clash = NormativeRecord.objects.filter(registration_number=registration_number).exclude(
        item=item
    )
    if registration_number and clash.exists():
        raise DomainError(
            f"登记号“{registration_number}”已被使用。",
            code="registration_taken",
            field="registration_number",
        )
    record = NormativeRecord.objects.filter(item=item).first() or NormativeRecord(item=item)
    names = [
        "registration_number",
        "issued_on",
        "effective_on",
        "expires_on",
        "abolished_on",
        "abolition_note",
    ]
    before = snapshot(record, names) if record.pk else {}
    record.registration_number = registration_number
    record.issued_on, record.effective_on, record.expires_on = issued_on, effective_on, expires_on
    record.abolished_on, record.abolition_note = abolished_on, abolition_note
    record.save()
    audit_record(
        actor=actor,
        action="catalog.normative",
        obj=item,
        changes=diff(before, snapshot(record, names)),
    )
    if abolished_on and item.validity == Item.Validity.VALID:
        if item.status in EDITABLE:  # a draft's fields change with it, not as a register entry
            item.validity = Item.Validity.ABOLISHED
            item.save(update_fields=["validity", "updated_at"])
        else:
            item_set_validity(actor=actor, item=item, validity=Item.Validity.ABOLISHED)
    return record
