"""Who is reminded of what today: every open deadline that is overdue, due within the reminder
horizon or has no date yet, and the waiting work of the registered sources, grouped into one
digest per person."""

import datetime as dt
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from gongkai.workdays.selectors import provisional_calendar

from ..models import Deadline
from ..selectors import reminder_horizon
from .registry import DEFAULT_OWNER, Context, Line, owner_for, registered_sources

logger = logging.getLogger(__name__)


@dataclass
class Digest:
    """Everything one person is reminded of today."""

    recipient: object  # a user
    lines: list[Line] = field(default_factory=list)

    def cases(self) -> list[tuple[str, list[Line]]]:
        """(subject, its lines) per case, the most urgent case first."""
        grouped: dict[str, list[Line]] = defaultdict(list)
        for line in self.lines:
            grouped[line.group].append(line)
        cases = [
            sorted(lines, key=lambda x: (x.urgency, x.due or dt.date.max))
            for lines in grouped.values()
        ]
        cases.sort(key=lambda lines: (lines[0].urgency, lines[0].due or dt.date.max))
        return [(lines[0].subject, lines) for lines in cases]


def _open_deadlines(context: Context):
    # Due by the horizon (passed optional windows aside), or with no date yet.
    attention = Deadline.objects.open().needing_attention(
        today=context.today, horizon=context.horizon
    )
    return (attention | Deadline.objects.open().pending()).order_by("content_type_id", "due", "pk")


def _deadline_lines(context: Context):
    """(people, line) for each deadline to remind of, through its subject's owner."""
    by_type: dict[int, list[Deadline]] = defaultdict(list)
    unattended: Counter[int] = Counter()  # agencies without staff: logged once each
    for deadline in _open_deadlines(context):
        by_type[deadline.content_type_id].append(deadline)
    for type_id, deadlines in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        owner = owner_for(model)
        try:
            with transaction.atomic():  # a failed read must not end the run's transaction
                subjects = (
                    {
                        str(s.pk): s
                        for s in owner.queryset(model).filter(
                            pk__in=[d.object_id for d in deadlines]
                        )
                    }
                    if model is not None
                    else {}
                )
                rows = [_line(owner, subjects.get(d.object_id), d, context) for d in deadlines]
        except Exception:  # one app's broken owner must not silence every other reminder
            logger.exception("reminder owner failed for %s; using the default", model)
            rows = [_line(DEFAULT_OWNER, None, d, context) for d in deadlines]
        for (people, _), deadline in zip(rows, deadlines, strict=True):
            if not people:
                unattended[deadline.agency_id] += 1
        yield from rows
    for agency_id, count in sorted(unattended.items()):
        logger.warning("agency %s has nobody to remind of %s open deadlines", agency_id, count)


def _line(owner, subject, deadline: Deadline, context: Context):
    if subject is None:  # the subject is gone or unknown: name it as stored
        owner = DEFAULT_OWNER
    urgency, state = context.urgency(deadline.due)
    line = Line(
        subject=owner.name(subject, deadline),
        group=owner.group(subject, deadline),
        what=str(deadline.get_kind_display()),
        due=deadline.due,
        state=state,
        urgency=urgency,
        # Dates computed with assumed holidays (a year whose notice is not loaded) say so.
        provisional=bool(getattr(deadline, "provisional", False)),
    )
    people = owner.recipients(subject, deadline, context) or DEFAULT_OWNER.recipients(
        subject, deadline, context
    )
    return people, line


def reminder_plan(*, today: dt.date) -> list[Digest]:
    """One digest per person with anything to be reminded of, in a stable order."""
    # Counted like the due dates (into a year whose notice is not loaded, with the statutory
    # holidays): a provisional date is "2个工作日内到期" like any other, an age is never a guess.
    context = Context(today=today, horizon=reminder_horizon(today), calendar=provisional_calendar())
    rows = list(_deadline_lines(context))
    for source in registered_sources():
        try:
            with transaction.atomic():
                rows += list(source.lines(context))
        except Exception:  # the deadlines and the other sources are still reminded of
            logger.exception("reminder source %s failed", source.name)
    digests: dict[int, Digest] = {}
    for people, line in rows:
        for person in people:
            digest = digests.setdefault(person.pk, Digest(recipient=person))
            if line not in digest.lines:  # two roles, one person: listed once
                digest.lines.append(line)
    return sorted(digests.values(), key=lambda d: d.recipient.pk)
