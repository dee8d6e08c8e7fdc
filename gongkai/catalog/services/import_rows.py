"""Reading a catalogue import file: the columns, where attachments come from, and every check
of one row (each problem a RowError naming its row and column). The import itself, all rows or
none, is importer.py."""

import datetime
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from gongkai.core import imports
from gongkai.core.imports import RowError
from gongkai.core.parsing import Archive
from gongkai.core.uploads import UploadRejected, check_upload

from ..models import ChannelRecord, Item
from ..text import sanitise_html
from .items import ATTACHMENT_RULES

COLUMNS = {
    "index_number": "索引号（留空则按规则生成）",
    "title": "名称（必填）",
    "doc_number": "发文字号",
    "created_on": "生成日期 YYYY-MM-DD（必填）",
    "published_on": "发布日期 YYYY-MM-DD（仅历史迁移：原系统已发布的日期）",
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


def parse_row(
    raw: dict, number: int, errors, *, categories_by_code, read_attachment, today, history
):
    """One row as a ParsedRow; its problems are appended to `errors`. A 发布日期 (and so a
    channel) is only read in a history migration: a new item is published after its review."""

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
    if published_on and not history:
        errors.append(
            RowError(
                number,
                "published_on",
                "新条目导入为草稿，经保密审查后发布，不能带发布日期；"
                "原系统已发布的目录请由管理员以“历史迁移”导入。",
            )
        )
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
    if parsed.channels and not published_on and history:
        errors.append(RowError(number, "channels", "未发布的条目不能有发布渠道。"))
    elif parsed.channels and not history:
        errors.append(RowError(number, "channels", "发布渠道只在历史迁移中导入。"))
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
