"""Small helpers the apps' work counters share: a count per agency in one aggregate query."""

from django.db.models import Count, QuerySet


def per_agency(queryset: QuerySet, agency_ids, *, field: str = "agency_id") -> dict[int, int]:
    """{agency id: rows} of `queryset` restricted to `agency_ids`, in one query."""
    rows = (
        queryset.filter(**{f"{field}__in": agency_ids})
        .order_by()
        .values_list(field)
        .annotate(n=Count("pk"))
    )
    return dict(rows)
