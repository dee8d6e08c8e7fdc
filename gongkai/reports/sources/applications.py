"""Disclosure applications in the report: received (by applicant type and channel), carried over
and forward from their state at the year boundary, and concluded (by outcome row).

The rules, for the report on year Y (docs/reports.md):
* 本年新收: received_on in Y. 上年结转: received before Y and not concluded before Y.
* concluded: concluded_on (the reply served, or closed without one) in Y; counted in the row the
  regime maps its outcome to (a withdrawal is 其他处理 in the 2019/2021 formats).
* 结转下年度: received by the end of Y and not concluded in or before Y.
So 新收 + 上年结转 = 办结 + 结转 for every applicant column, by construction.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Q, Sum

from gongkai.accounts.models import ApplicantType
from gongkai.applications.models import Application
from gongkai.applications.states import Status
from gongkai.regimes import REGIMES
from gongkai.regimes.outcomes import WITHDRAWN, report_row
from gongkai.regimes.rules import Channel

from . import UnknownMeasure

COLUMNS = (*ApplicantType.values, "total")
# The old form's four channels (收到申请数 1–4); e-mail counts as 网络申请.
LEGACY_CHANNELS = {
    Channel.IN_PERSON: "in_person",
    Channel.FAX: "fax",
    Channel.ONLINE: "online",
    Channel.EMAIL: "online",
    Channel.REGISTERED_MAIL: "letter",
    Channel.ORDINARY_MAIL: "letter",
}
PHASES = ("new", "carried_over", "concluded", "carried_forward")
SCALARS = ("closed", "closed_on_time", "closed_extended", "replies", "refused", "fees_wan")


def outcome_of(status: str, outcome: str) -> str:
    return WITHDRAWN if status == Status.WITHDRAWN else outcome


def phase_filters(scope) -> dict[str, Q]:
    """The report's phases of an application for the scope's period (a year, or any period
    for the statistics on demand): new (received in it), carried over, concluded in it,
    carried forward."""
    start, end = scope.first_day, scope.last_day
    open_at_start = Q(concluded_on__isnull=True) | Q(concluded_on__gte=start)
    return {
        "new": Q(received_on__gte=start, received_on__lte=end),
        "carried_over": Q(received_on__lt=start) & open_at_start,
        "concluded": Q(concluded_on__gte=start, concluded_on__lte=end),
        "carried_forward": Q(concluded_on__isnull=True) | Q(concluded_on__gt=end),
    }


def in_scope(scope, *, carried: bool = True):
    """Applications that matter for Y: received in it, or received before it and not concluded
    before it (three index ranges rather than one open-ended one). Without the carry-over
    columns (the old form), only those received or concluded in Y."""
    start, end = scope.first_day, scope.last_day
    received_in_year = Q(received_on__gte=start, received_on__lte=end)
    if carried:
        before = Q(received_on__lt=start) & (
            Q(concluded_on__gte=start) | Q(concluded_on__isnull=True)
        )
    else:
        before = Q(received_on__lt=start, concluded_on__gte=start, concluded_on__lte=end)
    return Application.objects.filter(agency_id__in=scope.agency_ids).filter(
        received_in_year | before
    )


class ApplicationsSource:
    @staticmethod
    def accepts(measure: str) -> bool:
        head, _, rest = measure.partition(".")
        if head in PHASES:
            return rest in COLUMNS
        if head == "result":
            row, _, column = rest.rpartition(".")
            return bool(row) and column in COLUMNS
        if head == "new_by_channel":
            return rest in set(LEGACY_CHANNELS.values())
        return measure in SCALARS

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        values: dict = defaultdict(int)
        phases = phase_filters(scope)
        carried = wanted is None or any(
            m.startswith(("carried_over.", "carried_forward.")) for m in wanted
        )
        grouped = (
            in_scope(scope, carried=carried)
            .order_by()
            .values("regime", "applicant_type", "channel", "status", "outcome", "extended")
            .annotate(
                **{f"{name}_n": Count("pk", filter=q) for name, q in phases.items()},
                concluded_on_time_n=Count("pk", filter=phases["concluded"] & ~Q(on_time=False)),
            )
        )
        for row in grouped:
            applicant = row["applicant_type"]
            for phase in PHASES:
                n = row[f"{phase}_n"]
                if n:
                    values[f"{phase}.{applicant}"] += n
                    values[f"{phase}.total"] += n
            values[f"new_by_channel.{LEGACY_CHANNELS.get(row['channel'], 'online')}"] += row[
                "new_n"
            ]
            concluded = row["concluded_n"]
            if not concluded:
                continue
            outcome = outcome_of(row["status"], row["outcome"])
            result = report_row(row["regime"], outcome, scope.family)
            if result:
                values[f"result.{result}.{applicant}"] += concluded
                values[f"result.{result}.total"] += concluded
            values["closed"] += concluded
            # 延期办结: concluded after the standard period, with an extension or (late) without.
            on_time = 0 if row["extended"] else row["concluded_on_time_n"]
            values["closed_on_time"] += on_time
            values["closed_extended"] += concluded - on_time
            if scope.family == "gb2008" and result:
                values["replies"] += concluded
                if result.startswith("s3_ref_"):
                    values["refused"] += concluded
        if wanted is None or "fees_wan" in wanted:
            values["fees_wan"] = fees_collected(scope) / Decimal(10000)
        return values

    @staticmethod
    def records(scope, measure: str):
        if not ApplicationsSource.accepts(measure):
            raise UnknownMeasure(measure)
        head, _, rest = measure.partition(".")
        phases = phase_filters(scope)
        queryset = in_scope(scope).select_related("agency")
        if head in PHASES:
            queryset = queryset.filter(phases[head])
            return _by_column(queryset, rest)
        if head == "new_by_channel":
            channels = [c for c, name in LEGACY_CHANNELS.items() if name == rest]
            return queryset.filter(phases["new"], channel__in=channels)
        if head == "fees_wan":
            return Application.objects.filter(
                agency_id__in=scope.agency_ids,
                fee_paid_on__gte=scope.first_day,
                fee_paid_on__lte=scope.last_day,
            )
        queryset = queryset.filter(phases["concluded"])
        if head == "result":
            row, _, column = rest.rpartition(".")
            return _by_column(queryset.filter(_outcome_q(scope.family, {row})), column)
        if head == "closed_extended":
            return queryset.filter(Q(extended=True) | Q(on_time=False))
        if head == "closed_on_time":
            return queryset.filter(extended=False).exclude(on_time=False)
        if head in {"replies", "refused"}:
            rows = _family_rows(scope.family)
            if head == "refused":
                rows = {r for r in rows if r.startswith("s3_ref_")}
            return queryset.filter(_outcome_q(scope.family, rows))
        return queryset  # closed


def _by_column(queryset, column: str):
    return queryset if column == "total" else queryset.filter(applicant_type=column)


def _pairs():
    for regime in REGIMES.values():
        for outcome in regime.outcomes:
            yield regime.code, outcome.code
        yield regime.code, WITHDRAWN


def _family_rows(family: str) -> set[str]:
    return {r for regime, code in _pairs() if (r := report_row(regime, code, family))}


def _outcome_q(family: str, rows: set[str]) -> Q:
    """Applications whose (regime, outcome) the family counts in one of `rows`."""
    q = Q(pk__in=[])
    for regime, code in _pairs():
        if report_row(regime, code, family) in rows:
            if code == WITHDRAWN:
                q |= Q(regime=regime, status=Status.WITHDRAWN)
            else:
                q |= Q(regime=regime, outcome=code) & ~Q(status=Status.WITHDRAWN)
    return q


def fees_collected(scope) -> Decimal:
    """信息处理费 paid in the year, in 元."""
    total = Application.objects.filter(
        agency_id__in=scope.agency_ids,
        fee_paid_on__gte=scope.first_day,
        fee_paid_on__lte=scope.last_day,
    ).aggregate(s=Sum("fee_amount"))["s"]
    return Decimal(total or 0)
