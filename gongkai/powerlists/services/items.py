"""Adjustments of a power list, one item at a time: add, change, remove, re-list. Each is one
atomic service that locks the item, checks the transition table and the date rule, and moves
the item through the workflow (status, mirrored content, history and audit rows), appending a
version with the item's full content."""

from django.db import transaction

from gongkai.agencies.models import Agency
from gongkai.core.errors import DomainError

from ..models import CONTENT_FIELDS, PowerItem, PowerItemVersion
from ..permissions import POLICY
from ..states import CHANGE_KIND, WORKFLOW
from .rules import clean_adjustment, clean_content, code_problem, next_code


def lock_agency(agency: Agency) -> None:
    """Serialise the numbering of an agency's new items."""
    Agency.objects.select_for_update().filter(pk=agency.pk).first()


def record_version(actor, item: PowerItem, action: str, content: dict, adjustment: dict):
    """Move the item through `action` mirroring the new content, and append the version.
    Inside a transaction, on a locked item (or a new one, for "add")."""
    item = WORKFLOW.execute(
        item,
        action,
        actor=actor,
        note=f"{adjustment['document']}：{adjustment['reason']}"[:1000],
        last_version=item.last_version + 1,
        last_effective_on=adjustment["effective_on"],
        **content,
    )
    PowerItemVersion.objects.create(
        item=item,
        number=item.last_version,
        change_kind=CHANGE_KIND[action],
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
        **adjustment,
        **content,
    )
    return item


@transaction.atomic
def power_item_add(
    *, actor, agency: Agency, effective_on, reason: str, document: str, code: str = "", **content
) -> PowerItem:
    """List a new power. Without a code it gets the next one of its type (行政许可-005)."""
    POLICY.require(actor, "add", agency)
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
    return record_version(actor, PowerItem(agency=agency, code=code), "add", content, adjustment)


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
    item = WORKFLOW.lock(item)
    POLICY.require(actor, "change", item)
    WORKFLOW.check("change", item.status)
    content = _merged(item, changes)
    adjustment = clean_adjustment(effective_on, reason, document, not_before=item.last_effective_on)
    if content == item.content():
        raise DomainError("调整后的内容与现行内容相同，没有可登记的变更。", code="no_change")
    return record_version(actor, item, "change", content, adjustment)


@transaction.atomic
def power_item_remove(
    *, actor, item: PowerItem, effective_on, reason: str, document: str
) -> PowerItem:
    """Take an item off the list from `effective_on`; its history stays public."""
    item = WORKFLOW.lock(item)
    POLICY.require(actor, "remove", item)
    WORKFLOW.check("remove", item.status)
    adjustment = clean_adjustment(effective_on, reason, document, not_before=item.last_effective_on)
    return record_version(actor, item, "remove", item.content(), adjustment)


@transaction.atomic
def power_item_relist(
    *, actor, item: PowerItem, effective_on, reason: str, document: str, **changes
) -> PowerItem:
    """Put a removed item back on the list under its old code, with its content as given."""
    item = WORKFLOW.lock(item)
    POLICY.require(actor, "relist", item)
    WORKFLOW.check("relist", item.status)
    content = _merged(item, changes)
    adjustment = clean_adjustment(effective_on, reason, document, not_before=item.last_effective_on)
    return record_version(actor, item, "relist", content, adjustment)
