"""Responses to public concerns (回应关切): recording, correcting and removing them."""

import datetime

from django.db import transaction
from django.utils import timezone

from gongkai.catalog.states import PUBLIC
from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from ..models import ConcernResponse
from ..permissions import POLICY
from .base import required_text

FIELDS = (
    "kind",
    "topic",
    "held_on",
    "participants",
    "principal_leader_took_part",
    "link",
    "transcript",
    "item",
)


def _clean(agency, fields: dict, *, today: datetime.date, instance=None) -> dict:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise DomainError(f"不能修改这些字段：{'、'.join(sorted(unknown))}", code="bad_field")
    fields = dict(fields)

    def current(name, default=None):
        return fields.get(name, getattr(instance, name) if instance else default)

    kind = current("kind", "")
    if kind not in ConcernResponse.Kind.values:
        raise DomainError("请选择回应方式。", code="kind_required", field="kind")
    if "topic" in fields or instance is None:
        fields["topic"] = required_text(
            " ".join((fields.get("topic") or "").split()),
            field="topic",
            message="请填写主题。",
            max_length=300,
        )
    held_on = current("held_on")
    if held_on is None:
        raise DomainError("请填写日期。", code="held_on_required", field="held_on")
    if held_on > today:
        raise DomainError(
            "日期不能晚于今天：这里记录已经发生的回应。", code="held_in_future", field="held_on"
        )
    if current("principal_leader_took_part", False) and kind not in ConcernResponse.LEADER_KINDS:
        raise DomainError(
            "只有新闻发布会和政府网站在线访谈记录主要负责同志是否参加。",
            code="leader_flag_kind",
            field="principal_leader_took_part",
        )
    for name in ("participants", "transcript", "link"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    link = current("link", "")
    if link and not link.startswith(("http://", "https://")):
        raise DomainError("链接须以 http:// 或 https:// 开头。", code="bad_link", field="link")
    item = current("item")
    if item is not None and item.agency_id != agency.pk and item.status not in PUBLIC:
        # Another agency's unpublished item answers as a missing one (reveals nothing).
        raise DomainError(
            f"没有索引号为“{item.index_number}”的条目。", code="reference_not_found", field="item"
        )
    if item is not None and (item.agency_id != agency.pk or item.status not in PUBLIC):
        raise DomainError("相关公开信息须是本机关已发布的目录条目。", code="bad_item", field="item")
    return fields


@transaction.atomic
def response_record(*, actor, agency, now=None, **fields) -> ConcernResponse:
    POLICY.require(actor, "record_response", agency)
    today = timezone.localdate(now or timezone.now())
    fields = _clean(agency, fields, today=today)
    response = ConcernResponse.objects.create(agency=agency, recorded_by=actor, **fields)
    audit_record(actor=actor, action="engagement.response_record", obj=response)
    return response


@transaction.atomic
def response_update(*, actor, response: ConcernResponse, now=None, **fields) -> ConcernResponse:
    response = ConcernResponse.objects.select_for_update().get(pk=response.pk)
    POLICY.require(actor, "record_response", response)
    today = timezone.localdate(now or timezone.now())
    fields = _clean(response.agency, fields, today=today, instance=response)
    before = snapshot(response, list(fields))
    for name, value in fields.items():
        setattr(response, name, value)
    response.save()
    audit_record(
        actor=actor,
        action="engagement.response_edit",
        obj=response,
        changes=diff(before, snapshot(response, list(fields))),
    )
    return response


@transaction.atomic
def response_delete(*, actor, response: ConcernResponse, reason: str) -> None:
    """Remove a record entered by mistake; the audit row keeps what it said and why it went."""
    response = ConcernResponse.objects.select_for_update().get(pk=response.pk)
    POLICY.require(actor, "record_response", response)
    reason = required_text(reason, field="reason", message="请写明删除理由。", max_length=300)
    audit_record(
        actor=actor,
        action="engagement.response_delete",
        obj=response,
        changes={
            name: [value, None]
            for name, value in snapshot(response, ["kind", "topic", "held_on"]).items()
        },
        note=reason,
    )
    response.delete()
