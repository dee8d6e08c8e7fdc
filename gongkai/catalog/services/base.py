"""Shared steps of the catalogue services: 索引号 numbering and the agency's settings."""

from django.db import IntegrityError, transaction

from gongkai.core.errors import DomainError

from ..models import CatalogSettings, Category, IndexSequence, Item
from ..models.publishing import _PLACEHOLDER


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
