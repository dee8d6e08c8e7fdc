"""Opening, changing, closing and recomputing deadlines. Every change of a due date is audited."""

import datetime as dt
from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.regimes import get_regime, regime_for
from gongkai.workdays.selectors import work_calendar

from .compute import Pause, period_fields
from .models import Deadline


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
    """Fill due, trace and pending_reason from the deadline's facts."""
    limit = limit_for(deadline)
    extra = get_regime(deadline.regime).extension.workdays if deadline.extended else 0
    deadline.due, deadline.pending_reason, deadline.trace = period_fields(
        calendar=calendar,
        start=deadline.start,
        limit=limit,
        extra_workdays=extra,
        pauses=_pauses(deadline),
    )


def _audit_due_change(*, actor, deadline: Deadline, old_due, note: str) -> None:
    audit_record(
        actor=actor,
        action="deadline.change",
        obj=deadline,
        changes={
            "due": [
                old_due.isoformat() if old_due else None,
                deadline.due.isoformat() if deadline.due else None,
            ]
        },
        note=note,
    )


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
    _compute(deadline, work_calendar())
    deadline.save()
    audit_record(
        actor=actor,
        action="deadline.open",
        obj=deadline,
        changes={"due": [None, deadline.due.isoformat() if deadline.due else None]},
        note=deadline.pending_reason,
    )
    return deadline


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
    """Restart (补正), pause (consultation) or extend an open deadline; audited."""
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if not deadline.is_open:
        raise DomainError("该期限已结束，不能再修改。", code="deadline_closed")
    old_due = deadline.due
    if start is not None:
        deadline.start = start
    if add_pause is not None:
        deadline.pauses = [*deadline.pauses, _pause_row(add_pause)]
    if replace_last_pause is not None:
        # A provisional pause (consultation still open) becomes the actual one.
        deadline.pauses = [*deadline.pauses[:-1], _pause_row(replace_last_pause)]
    if extended is not None:
        deadline.extended = extended
    _compute(deadline, work_calendar())
    deadline.save()
    _audit_due_change(actor=actor, deadline=deadline, old_due=old_due, note=note)
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


@transaction.atomic
def deadlines_recompute(*, years: Iterable[int], actor, reason: str) -> list[Deadline]:
    """Recompute every open deadline the changed years can affect; audit each moved date.
    Returns the deadlines whose due date changed."""
    years = set(years)
    calendar = work_calendar()
    affected = (
        Deadline.objects.select_for_update()
        .filter(is_open=True)
        .filter(Q(due__isnull=True) | Q(start__year__lte=max(years), due__year__gte=min(years)))
    )
    moved = []
    for deadline in affected:
        old_due, old_reason = deadline.due, deadline.pending_reason
        _compute(deadline, calendar)
        if (deadline.due, deadline.pending_reason) != (old_due, old_reason):
            deadline.save(update_fields=["due", "pending_reason", "trace"])
            _audit_due_change(
                actor=actor,
                deadline=deadline,
                old_due=old_due,
                note=f"节假日安排变更后重新计算：{reason}",
            )
            moved.append(deadline)
    return moved


def recompute_on_calendar_change(sender, *, years, actor, reason, **kwargs):
    deadlines_recompute(years=years, actor=actor, reason=reason)
