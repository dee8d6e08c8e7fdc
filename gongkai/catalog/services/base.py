"""Shared steps of the catalogue services: locking, the transition step, 索引号 numbering."""

from django.db import IntegrityError, transaction

from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from ..models import CatalogSettings, Category, IndexSequence, Item, ItemEvent
from ..models.publishing import _PLACEHOLDER
from ..permissions import require_action
from ..states import target_of


def lock(item: Item) -> Item:
    return Item.objects.select_for_update().select_related("agency").get(pk=item.pk)


def transition(item: Item, action: str, *, actor, note: str = "", audit_fields=(), **fields):
    """Move a locked item through `action`, saving `fields` with it; inside a transaction."""
    require_action(actor, item.agency_id, action, author_id=item.author_id)
    new_status = target_of(action, item.status)
    names = ["status", *fields, *audit_fields]
    before = snapshot(item, names)
    old_status = item.status
    for name, value in fields.items():
        setattr(item, name, value)
    item.status = new_status
    item.save(update_fields=list(dict.fromkeys(["status", *fields, "updated_at"])))
    ItemEvent.objects.create(
        item=item,
        action=action,
        old_status=old_status,
        new_status=new_status,
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note,
    )
    audit_record(
        actor=actor,
        action=f"catalog.{action}",
        obj=item,
        changes=diff(before, snapshot(item, names)),
        note=note,
    )
    return item


def settings_of(agency) -> CatalogSettings:
    found = CatalogSettings.objects.filter(agency=agency).first()
    return found or CatalogSettings(agency=agency)


def _serial_scope(pattern: str, year: int, category_code: str) -> str:
    names = {m.group(1) for m in _PLACEHOLDER.finditer(pattern)}
    return f"{year}/{category_code}" if "category" in names else str(year)


def next_index_number(agency, year: int, category: Category | None, *, reserved=frozenset()) -> str:
    """The next 索引号 by the agency's scheme. The sequence row is locked, so concurrent
    drafts never share a number; a clash with an imported number skips ahead."""
    config = settings_of(agency)
    prefix = config.index_prefix or agency.credit_code or agency.code
    category_code = category.code if category else "000"
    scope = _serial_scope(config.index_pattern, year, category_code)
    for _attempt in range(2):
        try:
            with transaction.atomic():
                IndexSequence.objects.get_or_create(agency=agency, scope=scope)
            break
        except IntegrityError:  # created concurrently
            continue
    sequence = IndexSequence.objects.select_for_update().get(agency=agency, scope=scope)
    while True:
        sequence.last += 1
        number = config.index_pattern.format(
            prefix=prefix, category=category_code, year=year, serial=sequence.last
        )
        if number not in reserved and not Item.objects.filter(index_number=number).exists():
            break
    if len(number) > Item._meta.get_field("index_number").max_length:
        raise DomainError(
            "按本机关的索引号规则生成的索引号过长，请修改规则。", code="index_too_long"
        )
    sequence.save(update_fields=["last"])
    return number
