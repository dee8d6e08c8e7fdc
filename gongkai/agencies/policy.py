"""The one way to say who may do what: predicates combined into each app's permission policy.

An app's `permissions.py` builds one `Policy` from the shared predicates below (a capability in
the object's agency, the author excluded, the applicant's own case …), one rule per action, the
way django-rules predicates are combined in MuckRock. Building the policy asserts that every
action of the app's workflows has a rule and that every rule names a capability (or says, with
`anyone`, why none is needed). Services call `policy.require(actor, action, obj)`; pages and the
API ask `policy.allows(user, action, obj)` to offer only what will be accepted.

Refusals keep the platform's rule: an object of an agency the user cannot see answers 404 (its
existence is not revealed); a visible object the user may not change answers 403.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Agency
from .permissions import can
from .roles import HOLDERS, Capability


def agency_id_of(target) -> int | None:
    """The agency a target belongs to: an Agency, an agency id, or anything with `agency_id`."""
    if isinstance(target, Agency):
        return target.pk
    if isinstance(target, int):
        return target
    return getattr(target, "agency_id", None)


class Rule:
    """A predicate over (user, target, agency id) with the words of its refusal."""

    def __init__(
        self,
        test: Callable[[object, object, int | None], bool],
        *,
        refusal: str | Promise,
        capabilities: Iterable[str] = (),
        public: bool = False,
        holders: Iterable[str | Promise] = (),
        applies: Callable[[object], bool] | None = None,
    ):
        self.test = test
        self.refusal = refusal
        self.capabilities = frozenset(capabilities)
        self.public = public
        # Who the rule admits, in official words (承办人, 申请人), and a condition on the target
        # alone (its state) under which it admits anyone at all: what `who` reads.
        self.holders = tuple(holders)
        self.applies = applies

    def refusal_for(self, user, target, agency_id) -> str | Promise | None:
        """None when the user may; otherwise why not."""
        return None if self.test(user, target, agency_id) else self.refusal

    def who(self, target) -> tuple[str | Promise, ...] | None:
        """Who may act on `target` under this rule, whoever is asking, in official words
        ("审核人", "申请人"): for the "下一步：…，由…办理" hints (core.next_steps). () when
        nobody may in the target's state; None when the rule names nobody in particular
        (anyone, anyone but the author)."""
        if self.applies is not None and not self.applies(target):
            return ()
        return self.holders or None

    def __and__(self, other: Rule) -> Rule:
        return _All(self, other)

    def __or__(self, other: Rule) -> Rule:
        return _Any(self, other)


class _All(Rule):
    def __init__(self, *rules: Rule):
        self.rules = rules
        self.capabilities = frozenset().union(*(r.capabilities for r in rules))
        self.public = all(r.public for r in rules)

    def refusal_for(self, user, target, agency_id):
        for rule in self.rules:
            refusal = rule.refusal_for(user, target, agency_id)
            if refusal is not None:
                return refusal
        return None

    def who(self, target):
        """Those every part admits: the holders the parts name (a capability and a condition
        that names nobody: the capability's holders); nobody if one part admits nobody."""
        parts = [rule.who(target) for rule in self.rules]
        if any(part == () for part in parts):
            return ()
        return _union(part for part in parts if part) or None


class _Any(Rule):
    def __init__(self, *rules: Rule):
        self.rules = rules
        self.capabilities = frozenset().union(*(r.capabilities for r in rules))
        self.public = any(r.public for r in rules)

    def refusal_for(self, user, target, agency_id):
        first = None
        for rule in self.rules:
            refusal = rule.refusal_for(user, target, agency_id)
            if refusal is None:
                return None
            first = first or refusal
        return first

    def who(self, target):
        """Those any part admits ("承办人或申请人"); nobody in particular if a part names nobody."""
        parts = [rule.who(target) for rule in self.rules]
        if any(part is None for part in parts):
            return None
        return _union(parts)


def _union(parts) -> tuple:
    return tuple(dict.fromkeys(word for part in parts for word in part))


# The shared predicates ---------------------------------------------------------------------


def has_capability(capability: str, *, refusal: str | Promise | None = None) -> Rule:
    """Staff holding `capability` in the target's agency (a supervisor's read-only subtree
    included for VIEW)."""
    return Rule(
        lambda user, target, agency_id: agency_id is not None and can(user, capability, agency_id),
        refusal=refusal or _("您没有执行此操作的岗位。"),
        capabilities={capability},
        holders=(HOLDERS[capability],),
    )


def author_excluded(field: str = "author_id", *, refusal: str | Promise) -> Rule:
    """Anyone but the target's author (a review must be by another person)."""
    return Rule(
        lambda user, target, agency_id: (
            getattr(target, field, None) in (None, "") or getattr(target, field) != user.pk
        ),
        refusal=refusal,
    )


def in_status(statuses: Iterable[str], *, refusal: str | Promise, field: str = "status") -> Rule:
    """The target is in one of `statuses`: for an action whose permission depends on the
    object's state (the clerk cleans a catalogue file while drafting, the reviewer during the
    review). Combine it with a capability; on its own it permits nobody in particular."""
    allowed = frozenset(statuses)

    def applies(target) -> bool:
        return getattr(target, field, None) in allowed

    return Rule(lambda user, target, agency_id: applies(target), refusal=refusal, applies=applies)


def applicant_owns(field: str = "applicant_id", *, refusal: str | Promise | None = None) -> Rule:
    """The applicant whose own case it is."""
    return Rule(
        lambda user, target, agency_id: (
            user.is_authenticated
            and getattr(target, field, None) is not None
            and getattr(target, field) == user.pk
        ),
        refusal=refusal or _("只有申请人本人可以执行此操作。"),
        public=True,
        holders=(_("申请人"),),
    )


def anyone(why: str) -> Rule:
    """No capability needed (a member of the public commenting while the window is open):
    `why` says what governs it instead, so the policy shows it was meant."""
    rule = Rule(lambda user, target, agency_id: True, refusal="", public=True)
    rule.why = why
    return rule


# The policy ----------------------------------------------------------------------------------


class Policy:
    """One app's permission rules, one per action."""

    def __init__(
        self,
        *,
        name: str,
        rules: Mapping[str, Rule],
        workflows: Iterable = (),
        view: Rule | None = None,
        agency_of: Callable[[object], int | None] = agency_id_of,
    ):
        self.name = name
        self.rules = dict(rules)
        self.view = view or has_capability(Capability.VIEW)
        self.agency_of = agency_of
        for action, rule in self.rules.items():
            if not rule.capabilities and not rule.public:
                raise ImproperlyConfigured(f"{name}: the rule for {action} names no capability")
        for workflow in workflows:
            missing = sorted(set(workflow.transitions) - set(self.rules))
            if missing:
                raise ImproperlyConfigured(f"{name}: no rule for {workflow.name} {missing}")
            workflow.bind_policy(self)

    def rule(self, action: str | Rule) -> Rule:
        if isinstance(action, Rule):
            return action
        try:
            return self.rules[action]
        except KeyError:
            raise ImproperlyConfigured(f"{self.name}: no rule for the action {action}") from None

    def can_view(self, user, target) -> bool:
        if user is None:
            return False
        return self.view.refusal_for(user, target, self.agency_of(target)) is None

    def require_view(self, user, target) -> None:
        if not self.can_view(user, target):
            raise Http404

    def allows(self, user, action: str | Rule, target) -> bool:
        if user is None:
            return False
        return self.rule(action).refusal_for(user, target, self.agency_of(target)) is None

    def require(self, actor, action: str | Rule, target) -> None:
        """actor None is the system itself (scheduled work, importers, the demo loader)."""
        if actor is None:
            return
        refusal = self.rule(action).refusal_for(actor, target, self.agency_of(target))
        if refusal is None:
            return
        if not self.can_view(actor, target):
            raise Http404
        raise PermissionDenied(str(refusal))
