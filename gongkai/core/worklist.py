"""The 工作台's to-do list: what each app says is waiting for someone, counted per agency.

Each app declares its counters in its own `worklist.py` (imported, like `actions.py`, before the
list is first read). A counter counts, per agency, what waits for the holders of one capability
(a clerk's overdue cases, a reviewer's items awaiting 保密审查, a head's extensions), and links
to the list that shows exactly those. The staff member's 工作台 adds the counts of the agencies
where they hold that capability; a supervisor's shows them per agency of the subtree. Counting
is one aggregate query per counter, whatever the number of agencies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable

from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

# How a line reads: overdue work first, then work due now, work waiting for a step, notes.
URGENT, DUE, WAITING, INFO = "urgent", "due", "waiting", "info"
SEVERITY_ORDER = (URGENT, DUE, WAITING, INFO)


@dataclasses.dataclass(frozen=True)
class Counter:
    key: str  # stable: "applications.overdue"
    label: str | Promise  # the line, for people: 已逾期的申请
    capability: str  # who is shown the line: holders of this capability in the agency
    # {agency id: count} over the agencies given, as of `today`; `user` for per-person rules
    # (a reviewer never counts their own items).
    count: Callable[..., dict[int, int]]
    # The list that shows these: url(agency id or None for all the user's agencies).
    url: Callable[[int | None], str]
    severity: str = WAITING
    order: int = 100
    # One sentence more about the line (the oldest waiting since …), or None.
    detail: Callable[..., str | None] | None = None
    # Shown as a banner above the list: a condition that concerns the whole office (the
    # holiday notice of a year not loaded, so deadlines cannot be computed).
    banner: bool = False


@dataclasses.dataclass(frozen=True)
class WorkLine:
    counter: Counter
    count: int
    url: str
    detail: str | None = None

    @property
    def label(self):
        return self.counter.label

    @property
    def severity(self) -> str:
        return self.counter.severity

    @property
    def banner(self) -> bool:
        return self.counter.banner


COUNTERS: dict[str, Counter] = {}
_discovered = False


def register(counter: Counter) -> Counter:
    if counter.key in COUNTERS:
        raise ValueError(f"work counter {counter.key} registered twice")
    if counter.severity not in SEVERITY_ORDER:
        raise ValueError(f"work counter {counter.key}: unknown severity {counter.severity}")
    COUNTERS[counter.key] = counter
    return counter


def counters() -> list[Counter]:
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("worklist")
    return sorted(COUNTERS.values(), key=lambda c: (c.order, c.key))


def work_lines(
    *, user, agency_ids_with: Callable[[str], Iterable[int]], today: dt.date
) -> list[WorkLine]:
    """The user's to-do list: each counter over the agencies where the user holds its
    capability, lines with nothing to do left out."""
    lines = []
    for counter in counters():
        agencies = frozenset(agency_ids_with(counter.capability))
        if not agencies:
            continue
        total = sum(counter.count(agencies, today=today, user=user).values())
        if total:
            detail = counter.detail(agencies, today=today, user=user) if counter.detail else None
            lines.append(WorkLine(counter, total, counter.url(None), detail))
    return sorted(lines, key=lambda line: SEVERITY_ORDER.index(line.severity))


def work_table(
    *, user, agency_ids: Iterable[int], today: dt.date
) -> tuple[list[Counter], dict[int, dict[str, int]]]:
    """For a supervisor: (the counters with anything to count, {agency: {counter: count}})
    over the agencies given (read-only: counted whoever would do the work)."""
    agencies = frozenset(agency_ids)
    table: dict[int, dict[str, int]] = {agency: {} for agency in agencies}
    shown = []
    for counter in counters():
        counts = counter.count(agencies, today=today, user=None)
        if any(counts.values()):
            shown.append(counter)
            for agency in agencies:
                table[agency][counter.key] = counts.get(agency, 0)
    return shown, table
