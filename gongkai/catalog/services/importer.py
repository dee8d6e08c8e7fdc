"""Bulk import of an existing catalogue (CSV or JSON, attachments from a folder or a ZIP).

Every row is checked first (import_rows.py) and every problem is reported with its row
number; only a file without a single problem is imported, in one transaction, as one
`ImportBatch`. Nothing an import writes is public: every item is the importer's own (its
author), so the importer can never pass its 保密审查.

* A new-items import (信息公开工作人员): every row becomes a draft, numbered, checked and
  submitted like one drafted here (one by one, or the whole batch at once).
* A history migration (the agency's 管理员): rows the former system had published keep their
  发布日期 and channels in `Item.migrated` and wait, submitted, for the 保密审查 here (one
  reviewer may approve the whole batch, 批量审查); once approved each is published on its
  former date. Rows without a 发布日期 are drafts as above.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.files import file_store
from gongkai.core.imports import ImportFailed, RowError
from gongkai.core.models import StatusChange

from ..models import Attachment, Category, ImportBatch, Item, NormativeRecord
from ..permissions import POLICY
from ..states import PUBLIC, ItemStatus
from .base import next_index_number
from .import_rows import (
    COLUMNS,
    ParsedRow,
    folder_source,
    parse_row,
    read_rows,
    zip_source,
)
from .items import ATTACHMENT_RULES, attachment_fields
from .publication import publication_deadline_sync

__all__ = [
    "COLUMNS",
    "ImportFailed",
    "RowError",
    "catalog_import",
    "folder_source",
    "read_rows",
    "zip_source",
]


def catalog_import(
    *,
    actor,
    agency,
    rows: list[dict],
    source_name: str,
    history: bool = False,
    read_attachment=None,
    dry_run: bool = False,
    progress=None,
) -> list[Item]:
    """Check every row, then import all of them (one batch) or none. Raises ImportFailed with
    every error. `history`: a migration of a catalogue the former system published."""
    if actor is None or not actor.is_authenticated:
        # Someone answers for every import: the items are theirs, so they cannot review them.
        raise DomainError(
            "导入须以工作人员本人的身份进行（命令行导入请用 --user 指明导入人）。",
            code="importer_required",
        )
    POLICY.require(actor, "import_history" if history else "import", agency)
    read_attachment = read_attachment or folder_source(None)
    if len(rows) > settings.GONGKAI_IMPORT_MAX_ROWS:
        raise DomainError(
            f"一次最多导入{settings.GONGKAI_IMPORT_MAX_ROWS}条。", code="import_too_many"
        )
    if not rows:
        raise DomainError("导入文件中没有数据行。", code="import_empty")
    today = timezone.localdate()
    categories = Category.objects.filter(is_active=True).filter(
        agency__in=[agency]
    ) | Category.objects.filter(is_active=True, agency__isnull=True)
    # Global first, then the agency's own, so an agency's category wins over a global one.
    by_code = {c.code: c for c in sorted(categories, key=lambda c: c.agency_id is not None)}
    errors: list[RowError] = []
    parsed = [
        parse_row(
            raw,
            number,
            errors,
            categories_by_code=by_code,
            read_attachment=read_attachment,
            today=today,
            history=history,
        )
        for number, raw in enumerate(rows, start=1)
    ]
    seen = _check_unique(
        parsed,
        lambda p: p.fields.get("index_number", ""),
        lambda values: Item.objects.filter(index_number__in=values).values_list(
            "index_number", flat=True
        ),
        "index_number",
        "索引号",
        errors,
    )
    _check_unique(
        parsed,
        lambda p: p.normative_number,
        lambda values: NormativeRecord.objects.filter(registration_number__in=values).values_list(
            "registration_number", flat=True
        ),
        "normative_number",
        "登记号",
        errors,
    )
    _check_interpreted(agency, parsed, seen, errors)
    if errors:
        raise ImportFailed(errors)
    if dry_run:
        return []
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            agency=agency,
            kind=ImportBatch.Kind.HISTORY if history else ImportBatch.Kind.NEW,
            source_name=source_name[:200],
            imported_by=actor,
        )
        items = []
        reserved = frozenset(seen)  # numbers the file gives: generated ones must skip them
        for p in _progress(parsed, progress):
            if p.interprets:
                p.fields["interprets"] = Item.objects.get(index_number=p.interprets)
            items.append(_create(actor, batch, p, reserved))
        _record_history(items, actor=actor, batch=batch)
        audit_record(
            actor=actor,
            action="catalog.import",
            obj=batch,
            agency=agency,
            changes={"items": [0, len(items)]},
            note=f"{batch.get_kind_display()}：{source_name}",
        )
    return items


def _check_interpreted(agency, parsed: list[ParsedRow], seen: dict[str, int], errors) -> None:
    """An interpreted policy is an earlier row of the file, an item of this agency, or a
    published item of another agency. Another agency's unpublished item is not found: its
    existence is not revealed, whatever 索引号 is guessed."""
    wanted = [p.interprets for p in parsed if p.interprets]
    known = set(seen) | set(
        Item.objects.filter(index_number__in=wanted)
        .filter(Q(agency=agency) | Q(status__in=PUBLIC))
        .values_list("index_number", flat=True)
    )
    for p in parsed:
        target_row = seen.get(p.interprets)
        if p.interprets and (p.interprets not in known or (target_row or 0) >= p.number):
            errors.append(
                RowError(
                    p.number,
                    "interprets",
                    f"找不到索引号为“{p.interprets}”的政策（须已存在或在本行之前）。",
                )
            )


def _check_unique(parsed, value_of, existing, column: str, label: str, errors) -> dict[str, int]:
    """Values of `column` must be new to the database and appear once in the file; returns
    {value: row} of the values the file gives."""
    given = [value_of(p) for p in parsed if value_of(p)]
    taken = set(existing(given))
    seen: dict[str, int] = {}
    for p in parsed:
        value = value_of(p)
        if not value:
            continue
        if value in taken:
            errors.append(RowError(p.number, column, f"{label}“{value}”已存在。"))
        elif value in seen:
            errors.append(RowError(p.number, column, f"{label}“{value}”与第{seen[value]}行重复。"))
        else:
            seen[value] = p.number
    return seen


def _progress(rows, progress):
    for row in rows:
        yield row
        if progress:
            progress()


def _create(actor, batch: ImportBatch, p: ParsedRow, reserved=frozenset()) -> Item:
    """One row as the importer's item: a draft, or — a row the former system published —
    submitted for the 保密审查 with its former 发布日期 and channels kept aside."""
    agency = batch.agency
    fields = dict(p.fields)
    index_number = fields.pop("index_number", "") or next_index_number(
        agency,
        fields["created_on"].year,
        p.categories[0] if p.categories else None,
        reserved=reserved,
    )
    migrated = {}
    if p.published_on:
        migrated = {
            "published_on": p.published_on.isoformat(),
            "channels": [[channel, day.isoformat()] for channel, day in p.channels],
        }
    item = Item.objects.create(
        agency=agency,
        issuer=agency,
        index_number=index_number,
        author=actor,
        status=ItemStatus.SUBMITTED if migrated else ItemStatus.DRAFT,
        imported_from=batch.source_name,
        import_batch=batch,
        migrated=migrated,
        **fields,
    )
    item.categories.set(p.categories)
    if p.normative_number:
        NormativeRecord.objects.create(
            item=item,
            registration_number=p.normative_number,
            issued_on=p.fields["created_on"],
            abolished_on=p.abolished_on,
        )
    for name, read in p.attachments:
        file_store(
            model=Attachment,
            owner=item,
            upload=ContentFile(read(name), name=name),
            actor=actor,
            rules=ATTACHMENT_RULES,
            title=name,
            derive=attachment_fields,
        )
    if not migrated:
        # A new draft's publication period runs from its 生成日期, as for one drafted here
        # (a migrated row was published already: it has none).
        publication_deadline_sync(item, actor=actor, note=f"导入：{batch.source_name}")
    return item


def _record_history(items: list[Item], *, actor, batch: ImportBatch) -> None:
    """Each item's first history entry: imported, by whom, from which file."""
    content_type = ContentType.objects.get_for_model(Item)
    StatusChange.objects.bulk_create(
        StatusChange(
            content_type=content_type,
            object_id=item.pk,
            action="import",
            old_status="",
            new_status=item.status,
            actor=actor,
            note=f"{batch.get_kind_display()}：{batch.source_name}",
        )
        for item in items
    )
