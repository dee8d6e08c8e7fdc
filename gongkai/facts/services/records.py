"""Writes of the dated records (bodies, reading points, staff, budgets, meetings, trainings).
One create, update and delete for every kind, driven by the table in kinds.py."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency, Membership
from gongkai.core.audit import audit_record, diff, snapshot
from gongkai.core.errors import DomainError

from ..kinds import KIND_OF_MODEL, KINDS, Kind, values_of
from ..models.records import MAX_YEAR, MIN_YEAR
from ..permissions import POLICY
from .base import lock_agency, refuse_changes_to_locked_years

EARLIEST_DATE = dt.date(1980, 1, 1)


def _label(kind: Kind, name: str) -> str:
    return str(kind.model._meta.get_field(name).verbose_name)


def _check(kind: Kind, agency: Agency, values: dict, *, exclude_pk=None) -> None:
    """The rules a person can break by typing; the database constraints back them up."""
    today = timezone.localdate()
    for name in kind.dates:
        day = values.get(name)
        if day is not None and not (EARLIEST_DATE <= day <= dt.date(MAX_YEAR, 12, 31)):
            raise DomainError(
                f"{_label(kind, name)}有误，请检查年份。", code="bad_date", field=name
            )
        if day is not None and kind.no_future and day > today:
            raise DomainError(
                f"{_label(kind, name)}晚于今天；请在举行后再记录。",
                code="date_in_future",
                field=name,
            )
    if kind.is_period:
        start, end = (values.get(n) for n in kind.dates)
        if start and end and end < start:
            raise DomainError(
                f"{_label(kind, kind.dates[1])}不能早于{_label(kind, kind.dates[0])}。",
                code="ends_before_start",
                field=kind.dates[1],
            )
    if kind.year_field:
        year = values.get(kind.year_field)
        if year is None or not (MIN_YEAR <= year <= today.year + 1):
            raise DomainError(
                f"年度应在{MIN_YEAR}年至{today.year + 1}年之间。",
                code="bad_year",
                field=kind.year_field,
            )
    for name in ("amount", "hours", "attendees", "trainees"):
        if name in kind.fields and values.get(name) is not None and values[name] < 0:
            raise DomainError(f"{_label(kind, name)}不能为负数。", code="negative", field=name)
    if kind.identity:
        _refuse_overlap(kind, agency, values, exclude_pk)
    user = values.get("user")
    if user is not None and not Membership.objects.filter(user=user, agency=agency).exists():
        raise DomainError("关联的平台账号不在本机关任职。", code="user_not_member", field="user")


def _refuse_overlap(kind: Kind, agency: Agency, values: dict, exclude_pk) -> None:
    """One record per person (or body, or reading point) at a time: no double counting."""
    start_name, end_name = kind.dates
    start, end = values.get(start_name), values.get(end_name)
    if start is None:
        return
    others = kind.model.objects.filter(agency=agency, **{kind.identity: values[kind.identity]})
    others = others.exclude(pk=exclude_pk).filter(**({f"{start_name}__lte": end} if end else {}))
    for other in others:
        other_end = getattr(other, end_name)
        if other_end is None or other_end >= start:
            began = getattr(other, start_name)
            raise DomainError(
                f"“{values[kind.identity]}”自{began:%Y-%m-%d}起已有一条记录，与本条的期间重叠。"
                "请修改原记录，或先填写原记录的结束日期。",
                code="overlapping_period",
                field=start_name,
            )


def _clean_values(kind: Kind, fields: dict) -> dict:
    unknown = set(fields) - set(kind.fields)
    if unknown:
        raise TypeError(f"unknown fields for {kind.slug}: {sorted(unknown)}")
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


@transaction.atomic
def record_create(*, actor, agency: Agency, kind: str, values: dict):
    """Record a body, reading point, staff post, budget, meeting or training: `kind` is a
    slug of kinds.KINDS, `values` its fields by name."""
    spec = KINDS[kind]
    POLICY.require(actor, "record", agency.pk)
    agency = lock_agency(agency)
    values = _clean_values(spec, values)
    _check(spec, agency, values)
    refuse_changes_to_locked_years(agency, spec, None, values)
    record = spec.model(agency=agency, **values)
    record.full_clean()
    record.save()
    audit_record(
        actor=actor,
        action=f"facts.{spec.model._meta.model_name}_create",
        obj=record,
        changes=diff({}, snapshot(record, spec.fields)),
    )
    return record


@transaction.atomic
def record_update(*, actor, record, values: dict):
    """Change some of a record's fields (`values` by name); the others stay."""
    spec = KIND_OF_MODEL[type(record)]
    POLICY.require(actor, "record", record.agency_id)
    agency = lock_agency(record.agency_id)
    record = spec.model.objects.select_for_update().get(pk=record.pk)
    before_values = values_of(record)
    after_values = before_values | _clean_values(spec, values)
    _check(spec, agency, after_values, exclude_pk=record.pk)
    refuse_changes_to_locked_years(agency, spec, before_values, after_values)
    before = snapshot(record, spec.fields)
    for name, value in after_values.items():
        setattr(record, name, value)
    record.full_clean()
    record.save()
    changes = diff(before, snapshot(record, spec.fields))
    if changes:
        audit_record(
            actor=actor,
            action=f"facts.{spec.model._meta.model_name}_update",
            obj=record,
            changes=changes,
        )
    return record


@transaction.atomic
def record_delete(*, actor, record) -> None:
    """Remove a record entered by mistake (a post that ended is given an end date instead)."""
    spec = KIND_OF_MODEL[type(record)]
    POLICY.require(actor, "record", record.agency_id)
    agency = lock_agency(record.agency_id)
    record = spec.model.objects.select_for_update().get(pk=record.pk)
    refuse_changes_to_locked_years(agency, spec, values_of(record), None)
    audit_record(
        actor=actor,
        action=f"facts.{spec.model._meta.model_name}_delete",
        obj=record,
        changes={k: [v, None] for k, v in snapshot(record, spec.fields).items()},
    )
    record.delete()
