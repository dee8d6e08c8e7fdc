"""What happens next to an object, and who does it: the "下一步：…，由…办理" line of every page
with an action table (core.actions).

Nothing is written per page: the line is read from three declarations that exist anyway.
- The table's **workflow** (core.workflow): the transitions possible from the object's state,
  their labels, and the states in which the next move is outside the office (`Workflow.waiting`:
  the applicant's 补正 or fee, a consulted party's answer, a date).
- The **table**: a transition is a step only when the table offers an action for it whose
  condition (`Action.when`) holds.
- The **permission policy** behind the table (agencies.policy): who may take each step, in
  official words (`Rule.who`: the holder of the rule's capability, 承办人 or 审核人, or the
  申请人), and whether the current user may.
Only steps that move the status count (an edit, an extension request, a register entry keep
it), and not the ways out a workflow marks `aside` (a withdrawal, a new version). No step and
nothing awaited: the work on the object is finished.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Step:
    """One step the object's state allows: the transition, its label, who may take it ("承办人",
    "审核人", "承办人或申请人": empty when the rule names nobody in particular), and whether the
    user asking may take it now."""

    transition: str
    label: str | Promise
    holders: tuple[str | Promise, ...] = ()
    yours: bool = False


@dataclass(frozen=True)
class NextSteps:
    state_label: str | Promise
    steps: tuple[Step, ...] = ()
    waiting: str | Promise | None = None  # what the object waits for outside the office

    @property
    def finished(self) -> bool:
        """No step is left and nothing is awaited: the work on the object is done."""
        return not self.steps and not self.waiting

    @property
    def others(self) -> list[Step]:
        """The steps someone else must take (the user's own are the page's forms)."""
        return [step for step in self.steps if not step.yours]

    @property
    def parts(self) -> list[str]:
        """What the line says after "下一步：": what is awaited, then the others' steps grouped
        by who takes them ("退回答复稿或审核通过答复，由审核人办理"). Empty when every step is
        the user's own."""
        parts = [str(self.waiting)] if self.waiting else []
        groups: dict[tuple, list] = {}
        for step in self.others:
            groups.setdefault(step.holders, []).append(step.label)
        for holders, labels in groups.items():
            steps = alternatives(labels)
            if holders:
                parts.append(
                    _("%(steps)s，由%(who)s办理") % {"steps": steps, "who": alternatives(holders)}
                )
            else:
                parts.append(steps)
        return parts

    @property
    def sentence(self) -> str:
        """The whole line, as the shared include (includes/next_step.html) shows it; "" when
        there is nothing to say (every step is the user's own)."""
        if self.finished:
            return finished_sentence(self.state_label)
        parts = self.parts
        return _("下一步：%(steps)s。") % {"steps": "；".join(parts)} if parts else ""


def finished_sentence(state_label) -> str:
    return _("办理流程已结束（%(state)s），没有待办的下一步。") % {"state": state_label}


def alternatives(words) -> str:
    """ "甲", "甲或乙", "甲、乙或丙"."""
    words = [str(word) for word in words]
    if len(words) < 2:
        return "".join(words)
    return _("%(some)s或%(last)s") % {"some": "、".join(words[:-1]), "last": words[-1]}


def next_steps(table, target, *, user=None) -> NextSteps:
    """The steps `table`'s workflow allows `target` from its state (table.state: a derived
    phase where the table has one), in the workflow's order, each with who may take it and
    whether `user` may; and what the object waits for. A table without a workflow has no
    steps."""
    workflow = table.workflow
    if workflow is None:
        return NextSteps(state_label="")
    state = table.state(target)
    by_transition: dict[str, list] = {}
    for action in table:
        if action.transition is not None:
            by_transition.setdefault(action.transition, []).append(action)
    steps = []
    for name in workflow.actions_from(state):
        transition = workflow.transitions[name]
        if transition.target is None or transition.aside:
            continue
        actions = [
            action
            for action in by_transition.get(name, ())
            if action.when is None or action.when(target)
        ]
        holders: tuple = ()
        admitted = False
        for action in actions:
            who = table.policy.rule(action.rule).who(target)
            if who == ():
                continue  # nobody may take it in this state
            admitted = True
            holders = tuple(dict.fromkeys((*holders, *(who or ()))))
        if not admitted:
            continue
        yours = user is not None and any(
            table.policy.allows(user, action.rule, target) for action in actions
        )
        steps.append(Step(name, workflow.label(name), holders, yours))
    return NextSteps(
        state_label=workflow.state_label(state),
        steps=tuple(steps),
        waiting=workflow.waiting_for(target, state),
    )
