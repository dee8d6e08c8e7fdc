"""Adjustments of a power list, one item at a time: add, change, remove, re-list. Each is one
atomic service that locks the item, checks the transition table and the date rule, appends a
version with the item's full content, mirrors it on the item and writes an audit row."""

from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from ..models import CONTENT_FIELDS, PowerItem, PowerItemVersion
from ..permissions import require_action
from ..states import ChangeKind, status_after
from .rules import clean_adjustment, clean_content, code_problem, next_code

AUDITED = (*CONTENT_FIELDS, "status", "last_version", "last_effective_on")


def _lock(item: PowerItem) -> PowerItem:
    return PowerItem.objects.select_for_update().select_related("agency").get(pk=item.pk)


def lock_agency(agency: Agency) -> None:
    """Serialise the numbering of an agency's new items."""
    Agency.objects.select_for_update().filter(pk=agency.pk).first()


def record_version(actor, item: PowerItem, change: str, content: dict, adjustment: dict, action):
    """Append the version and mirror it on the item; inside a transaction, item locked."""
    before = snapshot(item, AUDITED) if item.pk else {}
    item.status = status_after(item.status or None, change)
    for name, value in content.items():
        setattr(item, name, value)
    item.last_version += 1
    item.last_effective_on = adjustment["effective_on"]
    item.save()
    PowerItemVersion.objects.create(
        item=item,
        number=item.last_version,
        change_kind=change,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
        **adjustment,
        **content,
    )
    audit_record(
        actor=actor,
        action=f"powerlists.{action}",
        obj=item,
        changes=diff(before, snapshot(item, AUDITED)),
        note=f"{adjustment['document']}：{adjustment['reason']}"[:1000],
    )
    return item


@transaction.atomic
def power_item_add(
    *, actor, agency: Agency, effective_on, reason: str, document: str, code: str = "", **content
) -> PowerItem:
    """List a new power. Without a code it gets the next one of its type (行政许可-005)."""
    require_action(actor, agency.pk, "add")
    content = clean_content(content)
    adjustment = clean_adjustment(effective_on, reason, document)
    code = (code or "").strip()
    if code and code_problem(code):
        raise DomainError(code_problem(code), code="invalid_code", field="code")
    lock_agency(agency)
    code = code or next_code(agency, content["power_type"])
    existing = PowerItem.objects.filter(agency=agency, code=code).first()
    if existing is not None:
        raise DomainError(
            f"本机关已有编码为“{code}”的事项（{existing.name}）；已取消的事项请用“重新列入”。",
            code="code_taken",
            field="code",
        )
    item = PowerItem(agency=agency, code=code, status="")
    return record_version(actor, item, ChangeKind.ADDED, content, adjustment, "add")


def _merged(item: PowerItem, changes: dict) -> dict:
    unknown = set(changes) - set(CONTENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    return clean_content(item.content() | changes)


@transaction.atomic
def power_item_change(
    *, actor, item: PowerItem, effective_on, reason: str, document: str, **changes
) -> PowerItem:
    """Change an item in force (legal basis revised, unit renamed …); fields not given stay."""
    item = _lock(item)
    require_action(actor, item.agency_id, "change")
    status_after(item.status, ChangeKind.CHANGED)
    content = _merged(item, changes)
    adjustment = clean_adjustment(effective_on, reason, document, not_before=item.last_effective_on)
    if content == item.content():
        raise DomainError("调整后的内容与现行内容相同，没有可登记的变更。", code="no_change")
    return record_version(actor, item, ChangeKind.CHANGED, content, adjustment, "change")


@transaction.atomic
def power_item_remove(
    *, actor, item: PowerItem, effective_on, reason: str, document: str
) -> PowerItem:
    """Take an item off the list from `effective_on`; its history stays public."""
    item = _lock(item)
    require_action(actor, item.agency_id, "remove")
    status_after(item.status, ChangeKind.REMOVED)
    adjustment = clean_adjustment(effective_on, reason, document, not_before=item.last_effective_on)
    return record_version(actor, item, ChangeKind.REMOVED, item.content(), adjustment, "remove")


@transaction.atomic
def power_item_relist(
    *, actor, item: PowerItem, effective_on, reason: str, document: str, **changes
) -> PowerItem:
    """Put a removed item back on the list under its old code, with its content as given."""
    item = _lock(item)
    require_action(actor, item.agency_id, "relist")
    status_after(item.status, ChangeKind.ADDED)
    content = _merged(item, changes)
    adjustment = clean_adjustment(effective_on, reason, document, not_before=item.last_effective_on)
    return record_version(actor, item, ChangeKind.ADDED, content, adjustment, "relist")
