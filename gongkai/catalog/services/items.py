"""Drafting catalogue items: create, edit, attachments (checked for hidden content)."""

import datetime

from django.db import transaction
from django.utils import timezone

from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError
from gongkai.core.files import FileRules, file_remove, file_store, file_strip_metadata
from gongkai.core.uploads import ALL_KINDS

from ..models import Attachment, Category, Item
from ..permissions import POLICY
from ..selectors import referable_items
from ..states import EDITABLE, FILES_CLEANABLE, WORKFLOW
from ..text import extract_text, sanitise_html
from .base import next_index_number
from .publication import publication_deadline_sync

# Every kind the platform accepts, up to the attachment limit (imports use the same), checked
# for hidden content so that the reviewer sees it before anything is released.
ATTACHMENT_RULES = FileRules(
    allowed=ALL_KINDS, limit_setting="GONGKAI_MAX_ATTACHMENT_BYTES", check_hidden=True
)


def attachment_fields(data: bytes) -> dict:
    """What a catalogue attachment keeps besides the file: its text, for full-text search."""
    return {"text": extract_text(data)}


# The fields a draft form edits; `categories` is the many-to-many set.
EDITABLE_FIELDS = (
    "title",
    "doc_number",
    "issuer",
    "co_issuers",
    "created_on",
    "summary",
    "body",
    "disclosure",
    "non_disclosure_reason",
    "validity",
    "replaced_by",
    "interprets",
    "interpretation_form",
    "video_url",
)


def _clean(agency, fields: dict, *, today: datetime.date, instance: Item | None = None) -> dict:
    """Check the fields against the catalogue's rules; DomainError names the first problem."""
    fields = dict(fields)
    if "title" in fields:
        fields["title"] = " ".join((fields["title"] or "").split())
        if not fields["title"]:
            raise DomainError("请填写信息名称。", code="title_required", field="title")
    if "body" in fields:
        fields["body"] = sanitise_html(fields["body"])
    created_on = fields.get("created_on")
    if created_on is not None and created_on > today:
        raise DomainError("生成日期不能晚于今天。", code="created_in_future", field="created_on")
    disclosure = fields.get(
        "disclosure", instance.disclosure if instance else Item.Disclosure.ACTIVE
    )
    reason = fields.get("non_disclosure_reason", instance.non_disclosure_reason if instance else "")
    if disclosure != Item.Disclosure.ACTIVE and not (reason or "").strip():
        raise DomainError(
            "依申请公开或不予公开的信息须写明理由和依据。",
            code="non_disclosure_reason_required",
            field="non_disclosure_reason",
        )
    if disclosure == Item.Disclosure.ACTIVE:
        fields["non_disclosure_reason"] = ""
    interprets = fields.get("interprets", instance.interprets if instance else None)
    form = fields.get("interpretation_form", instance.interpretation_form if instance else "")
    if interprets is not None and not form:
        raise DomainError(
            "请选择解读形式。", code="interpretation_form_required", field="interpretation_form"
        )
    if interprets is None:
        fields["interpretation_form"] = ""
    if instance is not None:
        for name in ("replaced_by", "interprets"):
            if fields.get(name) is not None and fields[name].pk == instance.pk:
                raise DomainError("不能关联条目自身。", code="self_reference", field=name)
    for name in ("replaced_by", "interprets"):
        if fields.get(name) is not None:
            check_reference(agency, fields[name], field=name)
    if instance is None and fields.get("issuer") is None:
        fields["issuer"] = agency
    return fields


def check_reference(agency, target: Item, *, field: str) -> None:
    """`agency`'s records may point at its own items and at published items of any agency;
    another agency's unpublished or withdrawn item answers exactly as a missing one. Read
    from the database, not from the object passed in."""
    if not referable_items(agency).filter(pk=target.pk).exists():
        raise DomainError(
            f"没有索引号为“{target.index_number}”的条目。", code="reference_not_found", field=field
        )


def _check_categories(agency, categories) -> list[Category]:
    categories = list(categories or [])
    for category in categories:
        if category.agency_id not in (None, agency.pk) or not category.is_active:
            raise DomainError(
                f"分类“{category.name}”不属于本机关或已停用。",
                code="bad_category",
                field="categories",
            )
    return categories


@transaction.atomic
def item_create(*, actor, agency, categories=(), index_number: str = "", **fields) -> Item:
    """A new draft. The 索引号 comes from the agency's scheme unless given (imports). A 主动公开
    item's publication period starts running from its 生成日期."""
    POLICY.require(actor, "create", agency)
    fields.setdefault("title", "")
    today = timezone.localdate()
    fields = _clean(agency, fields, today=today)
    categories = _check_categories(agency, categories)
    if "created_on" not in fields or fields["created_on"] is None:
        raise DomainError("请填写生成日期。", code="created_on_required", field="created_on")
    index_number = (index_number or "").strip()
    if index_number and Item.objects.filter(index_number=index_number).exists():
        raise DomainError(
            f"索引号“{index_number}”已被使用。", code="index_taken", field="index_number"
        )
    first = categories[0] if categories else None
    item = WORKFLOW.execute(
        Item(
            agency=agency,
            index_number=index_number
            or next_index_number(agency, fields["created_on"].year, first),
            author=actor if actor is not None else None,
        ),
        "create",
        actor=actor,
        note=fields["title"],
        # The audit row names the item (its note); the fields are in the record.
        audited=(),
        **fields,
    )
    item.categories.set(categories)
    publication_deadline_sync(item, actor=actor, note="起草")
    return item


@transaction.atomic
def item_update(*, actor, item: Item, categories=None, **fields) -> Item:
    item = WORKFLOW.lock(item)
    POLICY.require(actor, "edit", item)
    if item.status not in EDITABLE:
        raise DomainError(
            f"“{item.get_status_display()}”的条目不能修改；请先由审核人退回。", code="not_editable"
        )
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(f"不能修改这些字段：{'、'.join(sorted(unknown))}", code="bad_field")
    fields = _clean(item.agency, fields, today=timezone.localdate(), instance=item)
    before = snapshot(item, list(fields))
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    changes = diff(before, snapshot(item, list(fields)))
    if categories is not None:
        old = sorted(item.categories.values_list("pk", flat=True))
        categories = _check_categories(item.agency, categories)
        item.categories.set(categories)
        new = sorted(c.pk for c in categories)
        if old != new:
            changes["categories"] = [old, new]
    audit_record(actor=actor, action="catalog.edit", obj=item, changes=changes)
    if {"created_on", "disclosure"} & set(changes):
        publication_deadline_sync(item, actor=actor, note="修改生成日期或公开属性")
    return item


def lock_editable_item(item: Item, *, actor, message: str) -> Item:
    """The item locked, for a change to its text or files: refused unless the actor may edit
    it and it is still a draft (before the 保密审查, or returned by it). Every change to an
    item's files goes through here (the redaction of an attachment too), so that a file that
    was reviewed is never changed without a new review."""
    item = WORKFLOW.lock(item)
    POLICY.require(actor, "edit", item)
    if item.status not in EDITABLE:
        raise DomainError(message, code="not_editable")
    return item


@transaction.atomic
def attachment_add(*, actor, item: Item, file, title: str = "", is_graphic: bool = False):
    """Attach a file to a draft: type and size checked, text extracted, hidden content found."""
    item = lock_editable_item(item, actor=actor, message="只有草稿可以添加附件。")
    attachment = file_store(
        model=Attachment,
        owner=item,
        upload=file,
        actor=actor,
        rules=ATTACHMENT_RULES,
        title=title,
        derive=attachment_fields,
        is_graphic=is_graphic,
    )
    audit_record(
        actor=actor,
        action="catalog.attach",
        obj=item,
        changes={"attachment": [None, attachment.title]},
        note=f"隐藏内容检查：{len(attachment.findings)}项",
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor, attachment: Attachment) -> None:
    lock_editable_item(attachment.item, actor=actor, message="只有草稿可以删除附件。")
    file_remove(stored=attachment, actor=actor, audit_action="catalog.detach")


@transaction.atomic
def attachment_strip_metadata(*, actor, attachment: Attachment) -> Attachment:
    """Replace the file by a copy without document properties; the check is run again. Allowed
    until approval: the clerk while drafting, the reviewer during the 保密审查."""
    item = WORKFLOW.lock(attachment.item)
    POLICY.require(actor, "strip_metadata", item)
    if item.status not in FILES_CLEANABLE:
        raise DomainError("已通过审查的条目不能再修改附件。", code="not_editable")
    # The item's lock serialises every change to its files; the caller's object is updated.
    attachment.refresh_from_db()
    attachment = file_strip_metadata(
        stored=attachment, actor=actor, audit_action="catalog.strip_metadata"
    )
    attachment.metadata_stripped = True
    attachment.save(update_fields=["metadata_stripped"])
    return attachment


def attachment_open(*, actor, attachment: Attachment) -> Attachment:
    """An attachment for staff to download from the office pages: any file of an item they
    can see; an original a redacted copy was made from only for those who draft or review
    the agency's items, and each time it is recorded on the item."""
    item = attachment.item
    POLICY.require_view(actor, item)
    if attachment.is_original:
        POLICY.require(actor, "view_original", item)
        audit_record(actor=actor, action="catalog.view_original", obj=item, note=attachment.title)
    return attachment
