"""Locking an agency's year once its annual report is final, and lifting a lock."""

from django.db import transaction
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError

from ..models import YearLock
from ..models.records import MIN_YEAR
from ..permissions import POLICY
from .base import lock_agency

DEFAULT_REASON = "年度报告已定稿"


def _check_year(year: int) -> None:
    if not (MIN_YEAR <= year <= timezone.localdate().year):
        raise DomainError("只能锁定已经开始的年度。", code="bad_year", field="year")


@transaction.atomic
def year_lock(*, actor, agency: Agency, year: int, reason: str = "") -> YearLock:
    """Freeze the agency's facts and figures of `year`. Called when the year's report becomes
    final; locking a locked year changes nothing and returns the existing lock."""
    POLICY.require(actor, "lock", agency.pk)
    _check_year(year)
    agency = lock_agency(agency)
    existing = YearLock.objects.filter(agency=agency, year=year).first()
    if existing is not None:
        return existing
    lock = YearLock.objects.create(
        agency=agency,
        year=year,
        locked_by=actor if actor is not None and actor.is_authenticated else None,
        reason=(reason or "").strip()[:300] or DEFAULT_REASON,
    )
    audit_record(
        actor=actor,
        action="facts.year_lock",
        obj=lock,
        changes={"year": [None, year]},
        note=lock.reason,
    )
    return lock


@transaction.atomic
def year_unlock(*, actor, agency: Agency, year: int, reason: str) -> None:
    """Lift the lock so the year's data can be corrected; the reason goes to the audit trail."""
    POLICY.require(actor, "unlock", agency.pk)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("请写明解除锁定的原因。", code="reason_required", field="reason")
    agency = lock_agency(agency)
    lock = YearLock.objects.filter(agency=agency, year=year).first()
    if lock is None:
        raise DomainError(f"{year}年度没有锁定。", code="not_locked")
    audit_record(
        actor=actor,
        action="facts.year_unlock",
        obj=lock,
        changes={"year": [year, None]},
        note=reason[:1000],
    )
    lock.delete()
