"""Reads of the power lists: an agency's list as it stood on any date, an item's state on a
date, the adjustment record, the office's lists, and the counts the annual report needs."""

import datetime
from collections import Counter

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from gongkai.agencies.models import Agency

from .models import CONTENT_FIELDS, TYPE_ORDER, PowerItem, PowerItemVersion, PowerType
from .states import ChangeKind, ItemStatus


def _list_order(version: PowerItemVersion):
    return (TYPE_ORDER.get(version.power_type, 99), version.item.code)


def _in_force_versions(date: datetime.date):
    """Per item, the version in effect on `date` (the newest effective by then), unless that
    version removed the item. Versions of one item never go back in time (the services refuse
    back-dating), so “newest” is the highest number."""
    newest = (
        PowerItemVersion.objects.filter(item=OuterRef("item"), effective_on__lte=date)
        .order_by("-number")
        .values("number")[:1]
    )
    return (
        PowerItemVersion.objects.filter(effective_on__lte=date, number=Subquery(newest))
        .exclude(change_kind=ChangeKind.REMOVED)
        .select_related("item__agency")
    )


def list_as_of(agency: Agency, date: datetime.date, *, power_type: str = "") -> list:
    """The agency's list on `date`: one version per item in force, by type then code. Each
    version carries the item's content as it stood that day."""
    versions = _in_force_versions(date).filter(item__agency=agency)
    if power_type:
        versions = versions.filter(power_type=power_type)
    return with_changed_fields(sorted(versions, key=_list_order))


def item_as_of(item: PowerItem, date: datetime.date) -> PowerItemVersion | None:
    """The item on `date`: None before it was first listed and while it stood removed."""
    version = item.versions.filter(effective_on__lte=date).order_by("-number").first()
    if version is None or version.change_kind == ChangeKind.REMOVED:
        return None
    return version


def type_counts(versions) -> list[tuple[str, str, int]]:
    """(type, label, count) for every type present in `versions`, in list order."""
    counts: dict[str, int] = {}
    for version in versions:
        counts[version.power_type] = counts.get(version.power_type, 0) + 1
    return [(key, label, counts[key]) for key, label in PowerType.choices if key in counts]


def public_item(agency: Agency, code: str) -> PowerItem | None:
    """An item behind a public URL: any item that was ever listed (removed ones keep a page)."""
    return PowerItem.objects.filter(agency=agency, code=code, last_version__gte=1).first()


def with_changed_fields(versions: list) -> list:
    """Set `changed_fields` on each version: the content fields that differ from the item's
    previous version (empty for a first listing and for a removal)."""
    wanted = {(v.item_id, v.number - 1) for v in versions if v.number > 1}
    previous = {
        (p.item_id, p.number): p
        for p in PowerItemVersion.objects.filter(item_id__in={item for item, _n in wanted})
        if (p.item_id, p.number) in wanted
    }
    for version in versions:
        before = previous.get((version.item_id, version.number - 1))
        version.changed_fields = (
            [name for name in CONTENT_FIELDS if getattr(before, name) != getattr(version, name)]
            if before is not None and version.change_kind != ChangeKind.REMOVED
            else []
        )
        version.changed_labels = "、".join(
            str(PowerItemVersion._meta.get_field(name).verbose_name)
            for name in version.changed_fields
        )
    return versions


def history(item: PowerItem) -> list:
    return with_changed_fields(list(item.versions.select_related("recorded_by").order_by("number")))


def adjustments(
    agency: Agency, *, year: int | None = None, change_kind: str = ""
) -> list[PowerItemVersion]:
    """The 调整记录: every adjustment, newest effective date first."""
    versions = PowerItemVersion.objects.filter(item__agency=agency).select_related("item")
    if year:
        versions = versions.filter(effective_on__year=year)
    if change_kind:
        versions = versions.filter(change_kind=change_kind)
    return with_changed_fields(list(versions.order_by("-effective_on", "-item__code", "-number")))


def adjustment_years(agency: Agency) -> list[int]:
    dates = PowerItemVersion.objects.filter(item__agency=agency).dates("effective_on", "year")
    return sorted({d.year for d in dates}, reverse=True)


def agencies_with_lists():
    """Agencies that have published a list, with the number of items in force today."""
    today = timezone.localdate()
    counts = Counter(_in_force_versions(today).values_list("item__agency_id", flat=True))
    listed = Agency.objects.filter(is_active=True, powerlists_poweritem_set__isnull=False)
    return [(agency, counts.get(agency.pk, 0)) for agency in listed.distinct().order_by("path")]


# The office --------------------------------------------------------------------------------


def office_items(user, *, agency_id: int | None = None, status: str = "", text: str = ""):
    items = PowerItem.objects.visible_to(user).select_related("agency")
    if agency_id:
        items = items.filter(agency_id=agency_id)
    if status:
        items = items.filter(status=status)
    if text:
        items = items.filter(Q(name__contains=text) | Q(code__contains=text))
    return items.order_by("agency__path", "code")


# Counts for the annual report ---------------------------------------------------------------


def adjustments_in_year(agency_ids, year: int) -> dict[str, int]:
    """Adjustments taking effect in `year`, by kind: {"added", "changed", "removed"}. An item's
    first listing counts as added (so a list published that year counts all its items), and so
    does re-listing a removed item."""
    rows = (
        PowerItemVersion.objects.filter(item__agency_id__in=agency_ids, effective_on__year=year)
        .values_list("change_kind")
        .annotate(n=Count("pk"))
    )
    counts = dict.fromkeys(ChangeKind.values, 0)
    counts.update(dict(rows))
    return counts


def items_in_force(agency_ids, date: datetime.date) -> int:
    """How many items were on the agencies' lists on `date`."""
    return _in_force_versions(date).filter(item__agency_id__in=agency_ids).count()


def first_publication(agency_ids) -> dict | None:
    """When the agencies' lists were first published and how many items that day put on them:
    {"date": date, "items": n}, or None when nothing was ever listed."""
    first = (
        PowerItemVersion.objects.filter(item__agency_id__in=agency_ids, number=1)
        .order_by("effective_on")
        .values_list("effective_on", flat=True)
        .first()
    )
    if first is None:
        return None
    return {"date": first, "items": items_in_force(agency_ids, first)}


def removed_items(agency: Agency):
    return PowerItem.objects.filter(agency=agency, status=ItemStatus.REMOVED).order_by("code")
