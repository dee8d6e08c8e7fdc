"""The one way a workflow object changes status: a declared table and one executor.

Each app declares its workflows in its `states.py` (the statuses, the named status sets and a
`Workflow` with its transitions); each service moves an object with `Workflow.execute`, which
locks nothing itself but refuses an unlocked row, asks the app's permission policy, checks the
table, saves only the fields that changed, writes the history row (`core.StatusChange`) and the
audit row, and sends notifications once the transaction commits. This is django-oscar's single
`set_status` path, written once for every workflow of the platform.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .audit import audit_record, diff, snapshot
from .errors import InvalidTransition

# The state of an object that does not exist yet: creation is a transition from it.
INITIAL = None

_LOCKED = "_gongkai_locked"


@dataclass(frozen=True)
class Transition:
    """An action: the states it may start from, where it leads, and its label for people.

    `target` is the status after the action: one status; None when the status stays (an
    edit, a register entry); or a set of statuses the caller picks from (an appeal's outcome).
    `aside`: a way out that is open in many states (the applicant withdraws, a published item
    is withdrawn, a new version is started) rather than the work's next step: the "下一步"
    hint (core.next_steps) leaves it out.
    """

    sources: frozenset
    target: str | frozenset | None
    label: str | Promise
    aside: bool = False

    def leads_to(self, chosen: str | None) -> str | None:
        """The status after the action (None: unchanged), given the caller's choice."""
        if isinstance(self.target, frozenset):
            if chosen not in self.target:
                raise InvalidTransition(
                    str(_("所选结果不是此操作允许的结果。")), code="invalid_target"
                )
            return chosen
        if chosen is not None and chosen != self.target:
            raise InvalidTransition(str(_("此操作不能设定这一状态。")), code="invalid_target")
        return self.target


@dataclass(eq=False)
class Workflow:
    """A state machine of one model, declared once in its app's states.py."""

    name: str  # the model's label, "applications.Application"
    statuses: type[models.TextChoices]
    transitions: Mapping[str, Transition]
    # The refusal when an action is not allowed: %(state)s and %(action)s are filled in.
    refusal: str | Promise
    audit_prefix: str  # audit rows read "<prefix>.<action>"
    status_field: str = "status"
    # The state the table is checked against, when it is derived (a consultation's phase
    # depends on today's date); by default the stored status.
    state_labels: type[models.TextChoices] | None = None
    # The error code of a refused action; "{action}" stands for the action's name (a code per
    # action, "publish_not_allowed", where an app's API has always said which).
    refusal_code: str = "invalid_transition"
    lock_related: tuple[str, ...] = ("agency",)
    history: bool = True
    # Labels of history entries written outside the table (records kept from before).
    extra_labels: Mapping[str, str | Promise] = field(default_factory=dict)
    # States in which the next move is outside the office: the applicant's (补正, the fee), a
    # consulted party's, or a date's (a comment window, a scheduled publication). The words
    # the "下一步" hint says ("等待申请人补正"), or a callable of the object giving them (None:
    # not waiting after all, e.g. an approved item with no publication time set).
    waiting: Mapping[object, str | Promise | Callable[[object], str | Promise | None]] = field(
        default_factory=dict
    )
    policy: object = field(default=None, repr=False)

    def __post_init__(self):
        if self.name in WORKFLOWS:
            raise ImproperlyConfigured(f"workflow {self.name} is declared twice")
        for name, transition in self.transitions.items():
            if not str(transition.label).strip():
                raise ImproperlyConfigured(f"{self.name}: action {name} has no label")
        WORKFLOWS[self.name] = self

    # The table -----------------------------------------------------------------------------

    def bind_policy(self, policy) -> None:
        """Called by the app's permission policy when it is built (permissions.py)."""
        if self.policy is not None and self.policy is not policy:
            raise ImproperlyConfigured(f"{self.name} already has a permission policy")
        self.policy = policy

    def allows(self, action: str, state) -> bool:
        transition = self.transitions.get(action)
        return transition is not None and state in transition.sources

    def actions_from(self, state) -> list[str]:
        return [name for name, t in self.transitions.items() if state in t.sources]

    def waiting_for(self, obj, state) -> str | Promise | None:
        """What the object waits for in `state` when the next move is outside the office."""
        words = self.waiting.get(state)
        return words(obj) if callable(words) else words

    def label(self, action: str) -> str | Promise:
        if action in self.transitions:
            return self.transitions[action].label
        return self.extra_labels.get(action, action)

    def state_label(self, state) -> str | Promise:
        if state in (None, ""):
            return ""
        choices = self.state_labels or self.statuses
        try:
            return choices(state).label
        except ValueError:
            return self.statuses(state).label

    def target(self, action: str, state, *, chosen: str | None = None):
        """The status after `action` from `state` (None: unchanged), or InvalidTransition."""
        return self._from(action, state).leads_to(chosen)

    def check(self, action: str, state) -> None:
        """Refuse `action` in `state` (services that change no status but must obey the table,
        or that check the state before the input, whatever status the caller will choose)."""
        self._from(action, state)

    def guard(self, obj: models.Model, action: str, *, actor, state=None) -> None:
        """Refuse `action` before a service reads anything of `obj`: the actor's permission
        (404/403), then the object's state (InvalidTransition). A service whose own checks read
        what an earlier step sets (the day a correction was asked for, the regime the receipt
        fixes) calls it first, so that a step in the wrong state is refused in words ("当前状态
        为…，不能…") rather than failing on a missing value. `execute` checks both again."""
        if self.policy is None:
            raise ImproperlyConfigured(f"{self.name} has no permission policy")
        self.policy.require(actor, action, obj)
        self.check(action, getattr(obj, self.status_field) if state is None else state)

    def _from(self, action: str, state) -> Transition:
        transition = self.transitions.get(action)
        if transition is None:
            raise InvalidTransition(
                str(_("未知的操作“%(action)s”。") % {"action": action}), code="unknown_action"
            )
        if state not in transition.sources:
            raise InvalidTransition(
                str(self.refusal) % {"state": self.state_label(state), "action": transition.label},
                code=self.refusal_code.format(action=action),
            )
        return transition

    # The executor --------------------------------------------------------------------------

    def lock(self, obj: models.Model, *related: str) -> models.Model:
        """The object's row, locked until the transaction ends, marked as locked."""
        manager = type(obj)._default_manager
        queryset = manager.select_for_update(of=("self",))
        queryset = queryset.select_related(*(related or self.lock_related))
        locked = queryset.get(pk=obj.pk)
        setattr(locked, _LOCKED, True)
        return locked

    def lock_all(self, queryset, *related) -> list[models.Model]:
        """Every row of `queryset`, locked until the transaction ends and marked as locked: a
        batch whose objects each go through `execute` (one query for the locks)."""
        queryset = queryset.select_for_update(of=("self",))
        rows = list(queryset.select_related(*(related or self.lock_related)))
        for row in rows:
            setattr(row, _LOCKED, True)
        return rows

    def execute(
        self,
        obj: models.Model,
        action: str,
        *,
        actor,
        note: str = "",
        state=None,
        audited: Iterable[str] | None = None,
        after_commit: Callable[[], None] | None = None,
        at=None,
        **fields,
    ) -> models.Model:
        """Move `obj` through `action`, saving `fields` with it.

        Inside the caller's transaction, on a row from `lock()` (or a new, unsaved object for
        a creating transition). `state` overrides the state checked (a derived phase); a
        value for the status field picks the target among a transition's allowed targets.
        `audited` limits the fields written into the audit row (personal data stays out).
        `at` dates the history row when the service is told the moment of the step (its
        `now=`, e.g. a demo loader's past dates); by default, the moment of the write.
        """
        if not transaction.get_connection().in_atomic_block:
            raise RuntimeError(f"{self.name}.{action} must run inside the service's transaction")
        creating = obj.pk is None
        if not creating and not getattr(obj, _LOCKED, False):
            raise RuntimeError(f"{self.name}.{action}: lock the row first (Workflow.lock)")
        if self.policy is None:
            raise ImproperlyConfigured(f"{self.name} has no permission policy")
        self.policy.require(actor, action, obj)
        current = INITIAL if creating else getattr(obj, self.status_field)
        chosen = fields.pop(self.status_field, None)
        new_status = self.target(action, current if state is None else state, chosen=chosen)
        names = list(dict.fromkeys([self.status_field, *fields]))
        before = snapshot(obj, names) if not creating else dict.fromkeys(names)
        for name, value in fields.items():
            setattr(obj, name, value)
        if new_status is not None:
            setattr(obj, self.status_field, new_status)
        after = snapshot(obj, names)
        if creating:
            obj.save()
        else:
            changed = [name for name in names if before[name] != after[name]]
            obj.save(update_fields=[*changed, *_auto_now_fields(obj)])
        if self.history:
            _write_history(
                obj,
                action,
                old=current,
                new=getattr(obj, self.status_field),
                actor=actor,
                note=note,
                at=at,
            )
        kept = list(audited) if audited is not None else names
        audit_record(
            actor=actor,
            action=f"{self.audit_prefix}.{action}",
            obj=obj,
            changes=diff(
                {k: before[k] for k in kept if k in before},
                {k: after[k] for k in kept if k in after},
            ),
            note=note,
        )
        if after_commit is not None:
            transaction.on_commit(after_commit)
        return obj


WORKFLOWS: dict[str, Workflow] = {}


def workflow_of(model_or_label) -> Workflow | None:
    label = model_or_label if isinstance(model_or_label, str) else model_or_label._meta.label
    return WORKFLOWS.get(label)


def _auto_now_fields(obj: models.Model) -> list[str]:
    return [f.name for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]


def _write_history(obj, action: str, *, old, new, actor, note: str, at=None) -> None:
    from django.contrib.contenttypes.models import ContentType

    from .models import StatusChange

    change = StatusChange.objects.create(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        action=action,
        old_status=old or "",
        new_status=new or "",
        actor=actor if actor is not None and actor.is_authenticated else None,
        note=note,
    )
    if at is not None:  # `at` is auto_now_add: a step dated by its service is dated after
        StatusChange.objects.filter(pk=change.pk).update(at=at)
