"""What a reminder is made of, and how the apps that own the subjects take part.

The deadlines app knows every open deadline but not what its subject is (an application, a
consultation, a catalogue item …). The app that owns a kind of subject registers a
`DeadlineOwner` for its model, from its `AppConfig.ready()`: how to name the subject and who
answers for it. Work that is not a `Deadline` but must not wait (an online application nobody
has confirmed yet) comes from a registered `ReminderSource`. Dependencies then point one way:
the apps import this module, never the reverse (docs/architecture.md).
"""

import datetime as dt
import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.agencies.models import Membership
from gongkai.agencies.roles import Role
from gongkai.workdays.calendar import WorkCalendar, YearNotLoaded

from ..models import OVERDUE, PENDING, TODAY
from ..urgency import urgency_of


class Urgency(enum.IntEnum):
    """The order lines are listed in: what is late first, what has no date yet last."""

    OVERDUE = 0
    TODAY = 1
    SOON = 2
    PENDING = 3


@dataclass(frozen=True)
class Line:
    """One thing a person is reminded of: a deadline or waiting work of one subject."""

    subject: str  # how the owner names the case or item: "GK-2026-0012（……）"
    group: str  # lines with the same group are one case in the digest (a case's consultation)
    what: str  # "答复期限", "待确认收到" …
    due: dt.date | None
    state: str  # "已逾期2个工作日", "今日到期", "期限暂时无法计算" …
    urgency: Urgency
    provisional: bool = False

    def text(self) -> str:
        state = _("暂定，%(state)s") % {"state": self.state} if self.provisional else self.state
        if self.due is None:
            return f"{self.what}（{state}）"
        return f"{self.what}{self.due.isoformat()}（{state}）"


class Staff:
    """Who holds which role in an agency, read once per agency and run. Inactive accounts are
    left out: a reminder to an account nobody uses is a reminder to no one."""

    def __init__(self):
        self._roles: dict[int, dict[str, list]] = {}

    def _of(self, agency_id: int) -> dict[str, list]:
        if agency_id not in self._roles:
            roles = defaultdict(list)
            for membership in Membership.objects.filter(
                agency_id=agency_id, user__is_active=True
            ).select_related("user"):
                roles[membership.role].append(membership.user)
            self._roles[agency_id] = roles
        return self._roles[agency_id]

    def holding(self, agency_id: int, role: str) -> list:
        return list(self._of(agency_id).get(role, ()))

    def clerks(self, agency_id: int) -> list:
        return self.holding(agency_id, Role.CLERK)

    def reviewers(self, agency_id: int) -> list:
        return self.holding(agency_id, Role.REVIEWER)

    def heads(self, agency_id: int) -> list:
        return self.holding(agency_id, Role.HEAD)

    def responsible(self, agency_id: int) -> list:
        """Who answers for an agency's work when no one in particular does: its clerks; an
        agency with no clerk, its head; with neither, its administrators. Never nobody while
        the agency has staff, so no deadline goes unreported."""
        for role in (Role.CLERK, Role.HEAD, Role.ADMIN):
            people = self.holding(agency_id, role)
            if people:
                return people
        return []

    def handler_or_clerks(self, agency_id: int, person) -> list:
        """The person in charge (an assignee, an author) while their account is active, else
        whoever answers for the agency."""
        if person is not None and person.is_active:
            return [person]
        return self.responsible(agency_id)


@dataclass
class Context:
    """What every owner and source of one run shares."""

    today: dt.date
    horizon: dt.date
    calendar: WorkCalendar
    staff: Staff = field(default_factory=Staff)

    def workdays_since(self, day: dt.date) -> int:
        """Working days after `day` up to today, counted with the run's calendar (the
        provisional one: statutory holidays where a year's notice is not loaded). Where no
        holiday rule covers a year at all, weekdays count as working days there: an age counted
        too high escalates a day early, never a day late."""
        try:
            return self.calendar.workdays_between(day, self.today)
        except YearNotLoaded:
            days = (self.today - day).days
            return sum((day + dt.timedelta(days=i)).weekday() < 5 for i in range(1, days + 1))

    def urgency(self, due: dt.date | None) -> tuple[Urgency, str]:
        """How urgent a due date is today, in the words every page uses (the one selector:
        deadlines.urgency.urgency_of — 已逾期N个工作日 / 今日到期 / N个工作日内到期 / 期限待定),
        with the order lines are listed in."""
        shown = urgency_of(due=due, today=self.today, horizon=self.horizon, calendar=self.calendar)
        order = {
            OVERDUE: Urgency.OVERDUE,
            TODAY: Urgency.TODAY,
            PENDING: Urgency.PENDING,
        }.get(shown.code, Urgency.SOON)
        return order, shown.label or _("即将到期")


class DeadlineOwner:
    """What the app owning a kind of subject says about the subject's deadlines. Subclass it
    and register one instance per model; unregistered subjects use this default (the
    deadline's stored name, every clerk of the agency)."""

    def queryset(self, model):
        """The subjects, with whatever `name` and `recipients` read (select_related …)."""
        return model._default_manager.all()

    def name(self, subject, deadline) -> str:
        return deadline.subject_repr

    def group(self, subject, deadline) -> str:
        """Lines of the same group are listed together (one case, several deadlines)."""
        return f"{deadline.content_type_id}:{deadline.object_id}"

    def recipients(self, subject, deadline, context: Context) -> Sequence:
        return context.staff.responsible(deadline.agency_id)


class ReminderSource:
    """Work to remind of that is not a `Deadline`. Subclass, implement `lines`, register."""

    name = ""  # unique among sources, e.g. "applications.unconfirmed"

    def lines(self, context: Context) -> Iterable[tuple[Sequence, Line]]:
        """(the people to remind, the line) for each piece of waiting work."""
        raise NotImplementedError


DEFAULT_OWNER = DeadlineOwner()
_owners: dict[str, DeadlineOwner] = {}
_sources: dict[str, ReminderSource] = {}


def register_owner(model, owner: DeadlineOwner) -> DeadlineOwner:
    """Say how the deadlines of `model`'s objects are named and whom they concern. Registering
    the same kind of owner again (ready() run twice) is a no-op."""
    label = model._meta.label_lower
    known = _owners.get(label)
    if known is not None and type(known) is not type(owner):
        raise ValueError(f"Two reminder owners for {label}: {known!r} and {owner!r}")
    _owners.setdefault(label, owner)
    return owner


def owner_for(model) -> DeadlineOwner:
    return _owners.get(model._meta.label_lower, DEFAULT_OWNER) if model else DEFAULT_OWNER


def register_source(source: ReminderSource) -> ReminderSource:
    if not source.name:
        raise ValueError(f"{type(source).__name__} has no name")
    known = _sources.get(source.name)
    if known is not None and type(known) is not type(source):
        raise ValueError(f"Two reminder sources named {source.name!r}")
    _sources.setdefault(source.name, source)
    return source


def registered_sources() -> tuple[ReminderSource, ...]:
    return tuple(_sources.values())
