"""What the annual report counts of the catalogue: items first published in a year, by channel,
interpretations, and the 规范性文件 register (issued, abolished, in force at the year's end)."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .models import ChannelRecord, Item
from .states import WAS_PUBLISHED


def _in_year(queryset, field: str, year: int):
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return queryset.filter(**{f"{field}__gte": start, f"{field}__lt": start.replace(year=year + 1)})


def published_items_in_year(agency_ids, year: int) -> QuerySet[Item]:
    """Items first published in `year` (withdrawn later or not: they were published)."""
    queryset = Item.objects.filter(agency_id__in=agency_ids, status__in=WAS_PUBLISHED)
    return _in_year(queryset, "published_at", year)


def published_count(agency_ids, year: int) -> int:
    """主动公开 items first published in `year`."""
    return (
        published_items_in_year(agency_ids, year).filter(disclosure=Item.Disclosure.ACTIVE).count()
    )


def channel_counts(agency_ids, year: int) -> dict[str, int]:
    """Items per channel, by the channel's own publication date in `year`."""
    rows = (
        ChannelRecord.objects.filter(item__agency_id__in=agency_ids, published_on__year=year)
        .values_list("channel")
        .annotate(n=Count("item", distinct=True))
    )
    counts = dict.fromkeys(ChannelRecord.Channel.values, 0)
    counts.update(dict(rows))
    return counts


def interpretation_counts(agency_ids, year: int) -> dict[str, int]:
    queryset = _in_year(
        Item.objects.filter(
            agency_id__in=agency_ids,
            interprets__isnull=False,
            status__in=WAS_PUBLISHED,
        ),
        "published_at",
        year,
    )
    counts = dict.fromkeys(Item.InterpretationForm.values, 0)
    counts.update(dict(queryset.values_list("interpretation_form").annotate(n=Count("pk"))))
    counts["total"] = sum(v for k, v in counts.items() if k != "total")
    return counts


def normative_counts(agency_ids, year: int) -> dict[str, int]:
    """规范性文件: issued in the year, abolished in the year, in force at the year's end (issued
    by then, not abolished by then, not expired before it), in one query."""
    from .models import NormativeRecord

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    in_force = (
        Q(issued_on__lte=end)
        & (Q(abolished_on__isnull=True) | Q(abolished_on__gt=end))
        & (Q(expires_on__isnull=True) | Q(expires_on__gte=end))
    )
    return NormativeRecord.objects.filter(item__agency_id__in=agency_ids).aggregate(
        issued=Count("pk", filter=Q(issued_on__gte=start, issued_on__lte=end)),
        abolished=Count("pk", filter=Q(abolished_on__gte=start, abolished_on__lte=end)),
        in_force=Count("pk", filter=in_force),
    )
