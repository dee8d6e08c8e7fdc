"""The catalogue in the report: items published, 规范性文件, and items per channel."""

from __future__ import annotations

from django.db.models import Case, CharField, Count, Q, Value, When

from gongkai.catalog import counts as catalog
from gongkai.catalog.models import ChannelRecord, Item, NormativeRecord
from gongkai.catalog.states import WAS_PUBLISHED

from . import UnknownMeasure

CATALOG_MEASURES = (
    "published",
    "published_normative",
    "normative_issued",
    "normative_abolished",
    "normative_in_force",
    "interpretations",
)


def _published_in(scope):
    return catalog.published_items_in_year(scope.agency_ids, scope.year)


class CatalogSource:
    @staticmethod
    def accepts(measure: str) -> bool:
        return measure in CATALOG_MEASURES

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        wanted = set(CATALOG_MEASURES) if wanted is None else wanted
        ids, year = scope.agency_ids, scope.year
        values = {}
        if wanted & {"normative_issued", "normative_abolished", "normative_in_force"}:
            normative = catalog.normative_counts(ids, year)
            values |= {
                "normative_issued": normative["issued"],
                "normative_abolished": normative["abolished"],
                "normative_in_force": normative["in_force"],
            }
        if "published" in wanted:
            values["published"] = catalog.published_count(ids, year)
        if "published_normative" in wanted:
            values["published_normative"] = (
                _published_in(scope).filter(normative__isnull=False).count()
            )
        if "interpretations" in wanted:
            values["interpretations"] = catalog.interpretation_counts(ids, year)["total"]
        return values

    @staticmethod
    def records(scope, measure: str):
        items = Item.objects.filter(agency_id__in=scope.agency_ids).select_related("agency")
        normative = NormativeRecord.objects.filter(item__agency_id__in=scope.agency_ids)
        if measure == "published":
            return _published_in(scope).filter(disclosure=Item.Disclosure.ACTIVE)
        if measure == "published_normative":
            return _published_in(scope).filter(normative__isnull=False)
        if measure == "interpretations":
            return _published_in(scope).filter(interprets__isnull=False)
        if measure == "normative_issued":
            return items.filter(normative__in=normative.filter(issued_on__year=scope.year))
        if measure == "normative_abolished":
            return items.filter(normative__in=normative.filter(abolished_on__year=scope.year))
        if measure == "normative_in_force":
            end = scope.last_day
            ids = [r.item_id for r in normative.filter(issued_on__lte=end) if r.in_force_on(end)]
            return items.filter(pk__in=ids)
        raise UnknownMeasure(measure)


# The old form's five channel rows. Which of our channels goes in which row is an agency
# setting (reports.ReportSettings): the seed agency counts the city government's portal as
# 政府网站 and its own website and media as 其他方式, which is the default.
LEGACY_CHANNEL_ROWS = ("gazette", "website", "weibo", "weixin", "other")
DEFAULT_CHANNEL_MAP = {
    ChannelRecord.Channel.GAZETTE: "gazette",
    ChannelRecord.Channel.PORTAL: "website",
    ChannelRecord.Channel.WEIBO: "weibo",
    ChannelRecord.Channel.WECHAT: "weixin",
    ChannelRecord.Channel.AGENCY_WEBSITE: "other",
    ChannelRecord.Channel.MEDIA: "other",
    ChannelRecord.Channel.OTHER: "other",
}


def _row_expression(scope):
    """CASE mapping (agency, channel) to the row, with each agency's own mapping."""
    from gongkai.reports.selectors import channel_maps

    whens = []
    for agency_ids, mapping in channel_maps(scope.agency_ids):
        for channel, row in mapping.items():
            whens.append(When(Q(item__agency_id__in=agency_ids, channel=channel), then=Value(row)))
    return Case(*whens, default=Value("other"), output_field=CharField())


class ChannelsSource:
    """Items per row of 通过不同渠道和方式公开政府信息的情况: an item published on two channels
    of the same row counts once in it; on channels of two rows, once in each."""

    @staticmethod
    def accepts(measure: str) -> bool:
        return measure in LEGACY_CHANNEL_ROWS

    @staticmethod
    def _records_in_year(scope):
        return ChannelRecord.objects.filter(
            item__agency_id__in=scope.agency_ids,
            item__status__in=WAS_PUBLISHED,
            published_on__gte=scope.first_day,
            published_on__lte=scope.last_day,
        )

    @staticmethod
    def measures(scope, wanted=None) -> dict:
        counts = dict.fromkeys(LEGACY_CHANNEL_ROWS, 0)
        rows = (
            ChannelsSource._records_in_year(scope)
            .order_by()
            .annotate(row=_row_expression(scope))
            .values("row")
            .annotate(n=Count("item", distinct=True))
        )
        counts.update({r["row"]: r["n"] for r in rows})
        return counts

    @staticmethod
    def records(scope, measure: str):
        if measure not in LEGACY_CHANNEL_ROWS:
            raise UnknownMeasure(measure)
        ids = (
            ChannelsSource._records_in_year(scope)
            .annotate(row=_row_expression(scope))
            .filter(row=measure)
            .values("item_id")
        )
        return Item.objects.filter(pk__in=ids).select_related("agency")
