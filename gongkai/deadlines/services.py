"""Opening, changing, closing and recomputing deadlines. Every change of a due date is audited.

Deadlines are counted with the provisional calendar: where a year's holiday notice is not
loaded, with the statutory holidays of 《全国年节及纪念日放假办法》, the date marked provisional
and its trace saying what was assumed. Loading the notice recomputes them (deadlines_recompute)
and tells the owning apps (signals.deadline_changed)."""

import datetime as dt
from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.regimes import get_regime, regime_for
from gongkai.workdays.selectors import provisional_calendar

from .compute import Pause, period_outcome
from .models import Deadline
from .signals import deadline_changed


def limit_for(deadline: Deadline):
    """The regime's time limit for this kind of deadline (the only source of the numbers)."""
    regime = get_regime(deadline.regime)
    limit = {
        Deadline.Kind.REPLY: regime.reply,
        Deadline.Kind.CORRECTION_NOTICE: regime.correction_notice,
        Deadline.Kind.CONSULTATION: regime.consultation,
        Deadline.Kind.FEE_PAYMENT: regime.fee_payment,
        Deadline.Kind.PUBLICATION: regime.proactive_publication,
    }[deadline.kind]
    if limit is None:
        raise DomainError(
            f"{regime.name}没有规定“{deadline.get_kind_display()}”。", code="no_such_limit"
        )
    return limit


def _pauses(deadline: Deadline) -> list[Pause]:
    return [
        Pause(dt.date.fromisoformat(p[0]), dt.date.fromisoformat(p[1]), *(p[2:3] or []))
        for p in deadline.pauses
    ]


def _pause_row(pause: Pause) -> list[str]:
    return [pause.start.isoformat(), pause.end.isoformat(), pause.reason]


def _compute(deadline: Deadline, calendar) -> None:
    """Fill due, provisional, trace and pending_reason from the deadline's facts."""
    limit = limit_for(deadline)
    extra = get_regime(deadline.regime).extension.workdays if deadline.extended else 0
    outcome = period_outcome(
        calendar=calendar,
        start=deadline.start,
        limit=limit,
        extra_workdays=extra,
        pauses=_pauses(deadline),
    )
    deadline.due, deadline.pending_reason = outcome.due, outcome.pending_reason
    deadline.trace, deadline.provisional = outcome.trace, outcome.provisional


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _audit_due_change(
    *, actor, deadline: Deadline, old_due, note: str, old_provisional: bool | None = None
) -> None:
    changes = {"due": [_iso(old_due), _iso(deadline.due)]}
    if old_provisional is not None and old_provisional != deadline.provisional:
        changes["provisional"] = [old_provisional, deadline.provisional]
    audit_record(actor=actor, action="deadline.change", obj=deadline, changes=changes, note=note)


@transaction.atomic
def deadline_open(
    *,
    actor,
    agency,
    subject,
    kind: str,
    start: dt.date,
    regime: str | None = None,
    pauses: Sequence[Pause] = (),
    extended: bool = False,
) -> Deadline:
    deadline = Deadline(
        agency=agency,
        content_type=ContentType.objects.get_for_model(type(subject)),
        object_id=str(subject.pk),
        subject_repr=str(subject)[:300],
        kind=kind,
        regime=regime or regime_for(start).code,
        start=start,
        extended=extended,
        pauses=[_pause_row(p) for p in pauses],
    )
    _compute(deadline, provisional_calendar())
    deadline.save()
    changes = {"due": [None, _iso(deadline.due)]}
    if deadline.provisional:
        changes["provisional"] = [None, True]
    audit_record(
        actor=actor,
        action="deadline.open",
        obj=deadline,
        changes=changes,
        note=deadline.pending_reason or _provisional_note(deadline),
    )
    return deadline


def _provisional_note(deadline: Deadline) -> str:
    if not deadline.provisional:
        return ""
    years = "、".join(f"{y}年" for y in deadline.trace.get("assumption", {}).get("years", []))
    return f"暂定：{years}的节假日安排尚未载入，按法定节假日推算"


@transaction.atomic
def deadline_update(
    *,
    actor,
    deadline: Deadline,
    note: str,
    start: dt.date | None = None,
    add_pause: Pause | None = None,
    replace_last_pause: Pause | None = None,
    extended: bool | None = None,
) -> Deadline:
    """Restart (补正), pause (consultation) or extend an open deadline; audited. A known due date
    is never erased: where the new count cannot be made at all (a year no holiday rule
    covers), the old date stays, marked provisional, until the calendar can count it."""
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if not deadline.is_open:
        raise DomainError("该期限已结束，不能再修改。", code="deadline_closed")
    old_due, old_provisional = deadline.due, deadline.provisional
    if start is not None:
        deadline.start = start
    if add_pause is not None:
        deadline.pauses = [*deadline.pauses, _pause_row(add_pause)]
    if replace_last_pause is not None:
        # A provisional pause (consultation still open) becomes the actual one.
        deadline.pauses = [*deadline.pauses[:-1], _pause_row(replace_last_pause)]
    if extended is not None:
        deadline.extended = extended
    _compute(deadline, provisional_calendar())
    if deadline.due is None and old_due is not None:
        deadline.due, deadline.provisional = old_due, True
        deadline.trace = {
            **deadline.trace,
            "kept": {"due": _iso(old_due), "why": deadline.pending_reason},
        }
    deadline.save()
    _audit_due_change(
        actor=actor,
        deadline=deadline,
        old_due=old_due,
        old_provisional=old_provisional,
        note=note,
    )
    return deadline


@transaction.atomic
def deadline_close(*, actor, deadline: Deadline, note: str = "") -> Deadline:
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if not deadline.is_open:
        return deadline
    deadline.is_open = False
    deadline.closed_at = timezone.now()
    deadline.save(update_fields=["is_open", "closed_at"])
    audit_record(
        actor=actor,
        action="deadline.close",
        obj=deadline,
        note=note,
        changes={"is_open": [True, False]},
    )
    return deadline


def _unsettled() -> Q:
    """Deadlines whose date a holiday notice can still change: no date yet, or provisional."""
    return Q(due__isnull=True) | Q(provisional=True)


@transaction.atomic
def deadlines_recompute(
    *, years: Iterable[int] | None, actor, reason: str, unsettled_only: bool = False
) -> list[Deadline]:
    """Recompute every open deadline the changed years can affect, and every deadline (open
    or closed) whose date was unknown or provisional: a reply served while its date was not
    known is judged on time or late against the real date once it is. Each changed deadline
    is audited and announced (signals.deadline_changed) so that the owning app recomputes
    what it derived from it. `unsettled_only` recomputes only the latter (after migrate).
    Returns the deadlines whose due date or provisional mark changed."""
    calendar = provisional_calendar()
    condition = _unsettled()
    if years and not unsettled_only:
        years = set(years)
        condition |= Q(is_open=True, start__year__lte=max(years), due__year__gte=min(years))
    changed = []
    for deadline in Deadline.objects.select_for_update().filter(condition).order_by("pk"):
        old = (deadline.due, deadline.pending_reason, deadline.provisional)
        _compute(deadline, calendar)
        if (deadline.due, deadline.pending_reason, deadline.provisional) == old:
            continue
        if deadline.due is None and old[0] is not None:
            continue  # never erase a known date (a rule removed? keep what was shown)
        deadline.save(update_fields=["due", "pending_reason", "trace", "provisional"])
        note = f"节假日安排变更后重新计算：{reason}"
        _audit_due_change(
            actor=actor, deadline=deadline, old_due=old[0], old_provisional=old[2], note=note
        )
        deadline_changed.send(
            sender=Deadline,
            deadline=deadline,
            old_due=old[0],
            old_provisional=old[2],
            actor=actor,
            reason=note,
        )
        changed.append(deadline)
    return changed


def _table_ready(using: str = "default") -> bool:
    """The deadlines table exists with today's columns (a post_migrate handler also runs after
    migrating backwards)."""
    from django.db import connections

    from gongkai.core.models import tables_exist

    if not tables_exist(Deadline, using=using):
        return False
    with connections[using].cursor() as cursor:
        columns = connections[using].introspection.get_table_description(
            cursor, Deadline._meta.db_table
        )
    return "provisional" in {column.name for column in columns}


def recompute_on_calendar_change(sender, *, years, actor, reason, **kwargs):
    if _table_ready():
        deadlines_recompute(years=years, actor=actor, reason=reason)


def settle_after_migrate(sender, using="default", **kwargs):
    """After every migrate: recompute the deadlines whose date is unknown or provisional, in
    case the holiday table gained a year by other means, or they were closed before closed
    ones were recomputed (a reply served while its date was unknown)."""
    if using != "default" or not _table_ready(using):
        return
    deadlines_recompute(years=None, actor=None, reason="升级后复核", unsettled_only=True)
