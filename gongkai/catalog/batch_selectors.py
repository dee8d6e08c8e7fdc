"""Reads of import batches: what the 批量审查 page shows and which batches wait for a reviewer."""

from django.db.models import Count, Q, QuerySet

from gongkai.agencies.permissions import agency_ids_with
from gongkai.agencies.roles import Capability

from .models import ImportBatch, Item
from .states import ItemStatus


def flagged_in_review(batch: ImportBatch | None) -> QuerySet[Item]:
    """The batch's items under review whose files have hidden-content findings: each needs the
    reviewer's tick before the batch is approved."""
    if batch is None:
        return Item.objects.none()
    waiting = batch.items.filter(status=ItemStatus.SUBMITTED).prefetch_related("attachments")
    flagged = [item.pk for item in waiting if any(a.findings for a in item.attachments.public())]
    return Item.objects.filter(pk__in=flagged).order_by("pk")


def status_counts(batch: ImportBatch) -> list[tuple[str, str, int]]:
    """[(status, label, count)] of the batch's items, in the workflow's order, none omitted."""
    counts = dict(
        batch.items.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return [(status, label, counts.get(status, 0)) for status, label in ItemStatus.choices]


def batches_awaiting_review(user) -> QuerySet[ImportBatch]:
    """Batches with items under review in the agencies this user reviews for, not imported by
    this user (an importer never reviews their own batch), with `waiting` counted."""
    return (
        ImportBatch.objects.filter(agency_id__in=agency_ids_with(user, Capability.REVIEW))
        .exclude(imported_by=user)
        .annotate(waiting=Count("items", filter=Q(items__status=ItemStatus.SUBMITTED)))
        .filter(waiting__gt=0)
        .select_related("agency", "imported_by")
        .order_by("created_at", "pk")
    )


def batches_of(user) -> QuerySet[ImportBatch]:
    """Every batch of the user's agencies, newest first, with its item count."""
    return (
        ImportBatch.objects.visible_to(user)
        .annotate(total=Count("items"))
        .select_related("agency", "imported_by")
        .order_by("-created_at", "-pk")
    )
