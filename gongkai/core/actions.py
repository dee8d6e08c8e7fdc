"""The one action registry: what staff (or the public) can do to an object, declared once.

An action is a label, a form, the service it runs, the permission rule it needs and the
workflow transition that must allow it. Each app declares its tables in `<app>/actions.py`;
the object's page, its API endpoint and the English UI all read the same entries. Another app
adds an action to a table through `ActionTable.register` in its own `actions.py` (letters adds
"生成文书" to the application's table), never by changing a dict it does not own. Every
`actions.py` of every installed app is imported before a table is first used.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from .errors import DomainError


class NoInput(forms.Form):
    """The form of an action that asks for nothing but the button."""


class UnknownAction(DomainError):
    code = "unknown_action"


# The field an irreversible action's form adds: a page shows it as a checkbox under the action's
# question, the API takes it as `"confirm": true`. The action's service never sees it.
CONFIRM_FIELD = "confirm"


class ConfirmCheckbox(forms.CheckboxInput):
    """A yes only when it says yes: JSON true, or "true", "on" (a ticked box), "1". Django's
    checkbox reads any other non-empty text ("no", "off", "否") as ticked."""

    YES = frozenset({"true", "on", "1"})

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        return value is True or (isinstance(value, str) and value.strip().lower() in self.YES)


def with_confirmation(form: type[forms.Form], question) -> type[forms.Form]:
    """`form` with a required 我已确认 checkbox whose help text is the action's question: an
    irreversible step runs only once its consequence was read and confirmed (page and API)."""
    field = forms.BooleanField(
        label=_("我已确认"),
        help_text=question,
        widget=ConfirmCheckbox,
        error_messages={"required": _("此操作不可撤销，请先勾选“我已确认”。")},
    )
    return type(f"Confirmed{form.__name__}", (form,), {CONFIRM_FIELD: field})


@dataclasses.dataclass(frozen=True)
class Action:
    name: str
    label: str | Promise
    run: Callable[[Any, Any, dict], Any]  # (actor, target, cleaned form data) → result
    form: type[forms.Form] = NoInput
    # The policy rule it needs: a rule name of the table's policy (default: the action's name),
    # or a Rule of its own (an action another app registers).
    permission: Any = None
    # The workflow transition that must allow it. "" (default): the action's own name when
    # the workflow has it; None: not a transition (available while `when` says so).
    transition: str | None = ""
    when: Callable[[Any], bool] | None = None
    form_kwargs: Callable[[Any], dict] | None = None  # e.g. the case, for a choice of its files
    initial: Callable[[Any], dict] | None = None
    # Irreversible: the question asked before it runs; its form then requires 我已确认.
    confirm: str | Promise = ""
    # What the page says once it ran (default "已完成：<label>"); a callable gets the result.
    done: str | Promise | Callable[[Any], str] = ""
    order: int = 0

    def done_message(self, result) -> str | Promise:
        if isinstance(self.done, str | Promise) or not self.done:
            return self.done
        return self.done(result)

    @property
    def rule(self):
        return self.permission or self.name


class ActionTable:
    """The actions on one kind of object."""

    def __init__(self, name: str, *, policy, workflow=None, state_of=None, prefixed: bool = True):
        if name in ACTION_TABLES:
            raise ImproperlyConfigured(f"action table {name} is declared twice")
        self.name = name
        self.policy = policy
        self.workflow = workflow
        self.state_of = state_of
        # Whether a page's forms are prefixed by the action's name (several forms with the same
        # fields on one page). False: the fields are posted by their own names, as on pages
        # that show one action's form at a time or whose forms share no field name.
        self.prefixed = prefixed
        self._actions: dict[str, Action] = {}
        ACTION_TABLES[name] = self

    def register(self, action: Action) -> Action:
        if action.name in self._actions:
            raise ImproperlyConfigured(f"{self.name}: action {action.name} registered twice")
        transition = action.transition
        if transition == "":
            in_workflow = self.workflow is not None and action.name in self.workflow.transitions
            transition = action.name if in_workflow else None
        if transition is not None and (
            self.workflow is None or transition not in self.workflow.transitions
        ):
            raise ImproperlyConfigured(f"{self.name}: {action.name} names no transition")
        if not str(action.label).strip():
            raise ImproperlyConfigured(f"{self.name}: action {action.name} has no label")
        changes = {"transition": transition}
        if action.confirm:
            changes["form"] = with_confirmation(action.form, action.confirm)
        action = dataclasses.replace(action, **changes)
        self.policy.rule(action.rule)  # every action names its permission rule
        self._actions[action.name] = action
        return action

    def add(self, *actions: Action) -> None:
        for action in actions:
            self.register(action)

    # Reading -------------------------------------------------------------------------------

    def __iter__(self):
        discover()
        return iter(sorted(self._actions.values(), key=lambda a: a.order))

    def __contains__(self, name) -> bool:
        discover()
        return name in self._actions

    def __getitem__(self, name: str) -> Action:
        discover()
        try:
            return self._actions[name]
        except KeyError:
            raise UnknownAction(str(_("未知的操作“%(action)s”。") % {"action": name})) from None

    def names(self) -> list[str]:
        return [action.name for action in self]

    def forms(self) -> dict[str, type[forms.Form]]:
        """{action: form class}, for the API schema."""
        return {action.name: action.form for action in self}

    def state(self, target):
        if self.state_of is not None:
            return self.state_of(target)
        return getattr(target, self.workflow.status_field) if self.workflow else None

    def available(self, user, target, *, state=None) -> list[Action]:
        """The actions this user may take on `target` now: allowed by the workflow in its
        state, by the action's own condition, and by the permission policy."""
        state = self.state(target) if state is None else state
        return [
            action
            for action in self
            if (action.transition is None or self.workflow.allows(action.transition, state))
            and (action.when is None or action.when(target))
            and self.policy.allows(user, action.rule, target)
        ]

    def form(self, name: str, target, data=None, files=None, *, prefix: str | None = ""):
        """The bound or blank form of an action: prefixed by its name on a page where several
        forms share one page (unless the table is not `prefixed`), unprefixed in the API. Date
        fields start at today."""
        action = self[name]
        today = timezone.localdate()
        initial = {
            key: today
            for key, field in action.form.base_fields.items()
            if isinstance(field, forms.DateField)
        }
        if action.initial is not None:
            initial.update(action.initial(target))
        kwargs = action.form_kwargs(target) if action.form_kwargs is not None else {}
        if prefix == "":
            prefix = name if self.prefixed else None
        return action.form(data, files, prefix=prefix, initial=initial, **kwargs)

    def require(self, user, name: str, target) -> None:
        """Refuse before any input is read: 404 when the user cannot see the target, 403
        when they see it but the action's rule refuses them (the service checks again)."""
        self.policy.require(user, self[name].rule, target)

    def check_state(self, name: str, target) -> None:
        """Refuse, before its input is read and its service runs, an action the object's
        state does not allow (InvalidTransition: 409 in the API, the page's message): a
        service may read what an earlier step sets (the day a correction was asked for)."""
        action = self[name]
        if action.transition is not None:
            self.workflow.check(action.transition, self.state(target))

    def perform(self, actor, name: str, target, cleaned_data: dict):
        """Run the action's service with the form's data (without the confirmation box)."""
        data = {key: value for key, value in cleaned_data.items() if key != CONFIRM_FIELD}
        return self[name].run(actor, target, data)


ACTION_TABLES: dict[str, ActionTable] = {}
_discovered = False


def discover() -> None:
    """Import every installed app's actions.py once, so that actions other apps register are
    in their tables before anyone reads them."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("actions")
