"""Bulk import of an existing catalogue (CSV or JSON, attachments from a folder or a ZIP).

Every row is checked first and every problem is reported with its row number; only a file
without a single problem is imported, in one transaction. Rows with a 发布日期 become published
items (their 保密审查 happened in the old system, which the record says); rows without one
become drafts that go through review here.
"""

import datetime
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.core import imports
from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.core.files import file_store
from gongkai.core.imports import ImportFailed, RowError
from gongkai.core.parsing import Archive
from gongkai.core.uploads import UploadRejected, check_upload

from ..indexing import index_doc, searchable
from ..models import Attachment, Category, ChannelRecord, Item, NormativeRecord
from ..permissions import POLICY
from ..states import ItemStatus
from ..text import sanitise_html
from .base import next_index_number
from .items import ATTACHMENT_RULES, attachment_fields
from .publication import publication_deadline_sync

COLUMNS = {
    "index_number": "索引号（留空则按规则生成）",
    "title": "名称（必填）",
    "doc_number": "发文字号",
    "created_on": "生成日期 YYYY-MM-DD（必填）",
    "published_on": "发布日期 YYYY-MM-DD（留空则导入为草稿）",
    "summary": "内容概述",
    "body": "正文（HTML 或纯文本）",
    "categories": "分类代码，多个用分号分隔",
    "disclosure": "公开属性：主动公开/依申请公开/不予公开（默认主动公开）",
    "non_disclosure_reason": "不主动公开的理由",
    "validity": "有效性：有效/失效/废止/已修订（默认有效）",
    "channels": "发布渠道，如 政务微博:2017-03-02;政府门户网站:2017-03-01",
    "normative_number": "规范性文件登记号（填写即登记为规范性文件）",
    "abolished_on": "规范性文件的废止日期 YYYY-MM-DD",
    "attachments": "附件文件名，多个用分号分隔",
    "interprets": "所解读政策的索引号（政策解读填写；可为本文件中靠前的行）",
    "interpretation_form": "解读形式：文字解读/图解/视频解读/其他形式",
    "video_url": "视频解读的链接",
}
Channel = ChannelRecord.Channel
MAX_FILE_BYTES = 50 * 1024 * 1024

__all__ = ["COLUMNS", "ImportFailed", "RowError", "catalog_import", "read_rows"]


@dataclass
class ParsedRow:
    number: int
    fields: dict
    categories: list = field(default_factory=list)
    channels: list = field(default_factory=list)
    attachments: list = field(default_factory=list)  # (name, read): read() gives the bytes
    published_on: datetime.date | None = None
    normative_number: str = ""
    abolished_on: datetime.date | None = None
    interprets: str = ""  # the 索引号 of the interpreted policy


def read_rows(data: bytes, filename: str) -> list[dict]:
    """Rows of a CSV (UTF-8 with or without BOM; GB18030 accepted) or a JSON array."""
    return imports.read_rows(
        data, filename, COLUMNS, kinds=("csv", "json"), max_bytes=MAX_FILE_BYTES
    )


def folder_source(folder: Path | None):
    def read(name: str) -> bytes | None:
        if folder is None:
            return None
        path = (folder / name).resolve()
        if folder.resolve() not in path.parents or not path.is_file():
            return None
        return path.read_bytes()

    return read


def zip_source(archive: Archive | zipfile.ZipFile | None):
    """Attachments from a ZIP opened once for the import (core.parsing.open_archive: its
    directory checked before anything is expanded); each is expanded when a row needs it."""
    names = {Path(n).name: n for n in archive.namelist()} if archive else {}

    def read(name: str) -> bytes | None:
        if archive is None or name not in names:
            return None
        info = archive.getinfo(names[name])
        limit = settings.GONGKAI_MAX_ATTACHMENT_BYTES
        if info.file_size > limit:
            raise UploadRejected(
                f"“{name}”大小为{info.file_size / 1024 / 1024:.1f}MB，超过{limit // 1024 // 1024}MB的上限。",
                code="upload_too_large",
            )
        return archive.read(names[name])

    return read


# 2017-03-02, and what spreadsheets export: 2017/3/2, 2017.3.2, 2017年3月2日.
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$")


def _date(value, column, errors, number, required=False):
    value = str(value or "").strip()
    if not value:
        if required:
            errors.append(RowError(number, column, "必填。"))
        return None
    match = _DATE.match(value)
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(part) for part in match.groups())
        return datetime.date(year, month, day)
    except ValueError:
        errors.append(RowError(number, column, f"“{value}”不是有效日期（应为YYYY-MM-DD）。"))
        return None


def _choice(value, choices, column, errors, number, default):
    value = str(value or "").strip()
    if not value:
        return default
    by_label = {str(label): key for key, label in choices}
    if value in by_label:
        return by_label[value]
    if value in dict(choices):
        return value
    errors.append(RowError(number, column, f"“{value}”不是可用的值（{'、'.join(by_label)}）。"))
    return default


def _parse_row(agency, raw: dict, number: int, errors, categories_by_code, read_attachment, today):
    def text(name):
        return str(raw.get(name, "") or "").strip()

    fields = {
        "title": " ".join(text("title").split()),
        "doc_number": text("doc_number"),
        "summary": text("summary"),
        "body": sanitise_html(text("body")),
        "non_disclosure_reason": text("non_disclosure_reason"),
    }
    if not fields["title"]:
        errors.append(RowError(number, "title", "名称必填。"))
    if len(fields["title"]) > 300:
        errors.append(RowError(number, "title", "名称超过300字。"))
    created_on = _date(raw.get("created_on"), "created_on", errors, number, required=True)
    published_on = _date(raw.get("published_on"), "published_on", errors, number)
    if created_on and created_on > today:
        errors.append(RowError(number, "created_on", "生成日期晚于今天。"))
    if published_on and published_on > today:
        errors.append(
            RowError(
                number, "published_on", "发布日期晚于今天；定时发布请导入为草稿后在系统中设置。"
            )
        )
    if created_on and published_on and published_on < created_on:
        errors.append(RowError(number, "published_on", "发布日期早于生成日期。"))
    fields["created_on"] = created_on
    fields["disclosure"] = _choice(
        raw.get("disclosure"), Item.Disclosure.choices, "disclosure", errors, number, "active"
    )
    if fields["disclosure"] != "active" and not fields["non_disclosure_reason"]:
        errors.append(RowError(number, "non_disclosure_reason", "依申请公开或不予公开须写明理由。"))
    if fields["disclosure"] != "active" and published_on:
        errors.append(RowError(number, "published_on", "只有主动公开的信息可以有发布日期。"))
    fields["validity"] = _choice(
        raw.get("validity"), Item.Validity.choices, "validity", errors, number, "valid"
    )
    parsed = ParsedRow(number, fields, published_on=published_on)
    parsed.interprets = text("interprets")
    if parsed.interprets:
        fields["interpretation_form"] = _choice(
            raw.get("interpretation_form"),
            Item.InterpretationForm.choices,
            "interpretation_form",
            errors,
            number,
            "text",
        )
        fields["video_url"] = text("video_url")
    parsed.normative_number = text("normative_number")
    parsed.abolished_on = _date(raw.get("abolished_on"), "abolished_on", errors, number)
    if parsed.abolished_on and not parsed.normative_number:
        errors.append(
            RowError(number, "abolished_on", "只有规范性文件（填写了登记号）才有废止日期。")
        )
    if parsed.abolished_on and created_on and parsed.abolished_on < created_on:
        errors.append(RowError(number, "abolished_on", "废止日期早于生成日期。"))
    if parsed.abolished_on:
        fields["validity"] = Item.Validity.ABOLISHED
    index_number = text("index_number")
    if index_number:
        fields["index_number"] = index_number
    for code in filter(None, (c.strip() for c in text("categories").split(";"))):
        if code not in categories_by_code:
            errors.append(RowError(number, "categories", f"没有代码为“{code}”的分类。"))
        else:
            parsed.categories.append(categories_by_code[code])
    labels = {str(label): key for key, label in Channel.choices} | {k: k for k in Channel.values}
    for part in filter(None, (c.strip() for c in text("channels").split(";"))):
        name, _sep, day = part.replace("：", ":").partition(":")
        if name.strip() not in labels:
            errors.append(
                RowError(
                    number,
                    "channels",
                    f"“{name}”不是发布渠道（{'、'.join(map(str, Channel.labels))}）。",
                )
            )
            continue
        when = _date(day, "channels", errors, number) if day.strip() else published_on
        if when is None and not day:
            errors.append(RowError(number, "channels", f"渠道“{name}”缺少日期。"))
        elif when is not None:
            parsed.channels.append((labels[name.strip()], when))
    if parsed.channels and not published_on:
        errors.append(RowError(number, "channels", "未发布的条目不能有发布渠道。"))
    for name in filter(None, (c.strip() for c in text("attachments").split(";"))):
        try:
            data = read_attachment(name)
        except UploadRejected as error:
            errors.append(RowError(number, "attachments", error.message))
            continue
        if data is None:
            errors.append(RowError(number, "attachments", f"找不到附件“{name}”。"))
            continue
        upload = ContentFile(data, name=name)
        try:
            check_upload(upload, allowed=ATTACHMENT_RULES.allowed, max_bytes=ATTACHMENT_RULES.limit)
        except UploadRejected as error:
            errors.append(RowError(number, "attachments", error.message))
            continue
        # Read again when stored, so that one attachment at a time is held, however many rows.
        parsed.attachments.append((name, read_attachment))
    return parsed


def catalog_import(
    *,
    actor,
    agency,
    rows: list[dict],
    source_name: str,
    read_attachment=None,
    dry_run: bool = False,
    progress=None,
) -> list[Item]:
    """Check every row, then import all of them or none. Raises ImportFailed with every error."""
    POLICY.require(actor, "import", agency)
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
        _parse_row(agency, raw, number, errors, by_code, read_attachment, today)
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
    known = set(seen) | set(
        Item.objects.filter(
            index_number__in=[p.interprets for p in parsed if p.interprets]
        ).values_list("index_number", flat=True)
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
    if errors:
        raise ImportFailed(errors)
    if dry_run:
        return []
    with transaction.atomic():
        items = []
        reserved = frozenset(seen)  # numbers the file gives: generated ones must skip them
        for p in _progress(parsed, progress):
            if p.interprets:
                p.fields["interprets"] = Item.objects.get(index_number=p.interprets)
            items.append(_create(actor, agency, p, source_name, reserved))
        published = searchable(Item.objects.filter(pk__in=[i.pk for i in items]))
        from gongkai.search.backends import get_backend

        get_backend().index(index_doc(item) for item in published)
        audit_record(
            actor=actor,
            action="catalog.import",
            obj=agency,
            agency=agency,
            changes={"items": [0, len(items)]},
            note=source_name,
        )
    return items


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


def _create(actor, agency, p: ParsedRow, source_name: str, reserved=frozenset()) -> Item:
    fields = dict(p.fields)
    index_number = fields.pop("index_number", "") or next_index_number(
        agency,
        fields["created_on"].year,
        p.categories[0] if p.categories else None,
        reserved=reserved,
    )
    published_at = None
    if p.published_on:
        # Noon, so the date reads the same in any time zone within twelve hours.
        published_at = timezone.make_aware(
            datetime.datetime.combine(p.published_on, datetime.time(12))
        )
    item = Item.objects.create(
        agency=agency,
        issuer=agency,
        index_number=index_number,
        author=None,
        status=ItemStatus.PUBLISHED if published_at else ItemStatus.DRAFT,
        published_at=published_at,
        imported_from=source_name[:200],
        review_opinion="导入前已在原系统完成保密审查。" if published_at else "",
        **fields,
    )
    item.categories.set(p.categories)
    ChannelRecord.objects.bulk_create(
        ChannelRecord(item=item, channel=channel, published_on=day, recorded_by=actor)
        for channel, day in p.channels
    )
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
    # A draft 主动公开 item's publication period runs from its 生成日期, as for one drafted here.
    publication_deadline_sync(item, actor=actor, note=f"导入：{source_name}")
    return item
