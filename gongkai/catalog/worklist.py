"""What the 工作台 lists of the catalogue: items awaiting 保密审查 (for reviewers other than
their author) and drafts past the publication limit (2019 Art. 26, 2008 Art. 18)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _l

from gongkai.agencies.roles import Capability
from gongkai.core.worklist import INFO, URGENT, WAITING, Counter, register
from gongkai.core.worklist_counts import per_agency
from gongkai.deadlines.counting import counting
from gongkai.deadlines.models import Deadline

from .models import Item
from .states import IN_REVIEW


def _awaiting_review(agency_ids, *, today, user=None):
    rows = Item.objects.filter(status__in=IN_REVIEW)
    if user is not None:
        rows = rows.exclude(author_id=user.pk)  # the author never reviews their own item
    return per_agency(rows, agency_ids)


def _office_list(**params):
    def url(agency_id=None) -> str:
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return reverse("catalog_office:index") + (f"?{query}" if query else "")

    return url


for counter in (
    Counter(
        "catalog.review",
        _l("目录条目待保密审查"),
        Capability.REVIEW,
        _awaiting_review,
        lambda agency_id=None: reverse("catalog_office:review"),
        severity=WAITING,
        order=40,
    ),
    Counter(
        "catalog.overdue",
        _l("超过主动公开期限尚未发布的条目"),
        Capability.HANDLE,
        counting(Item, Deadline.Kind.PUBLICATION, "overdue"),
        _office_list(overdue=1),
        severity=URGENT,
        order=41,
    ),
    Counter(
        "catalog.pending_deadline",
        _l("主动公开期限暂时无法计算的条目"),
        Capability.HANDLE,
        counting(Item, Deadline.Kind.PUBLICATION, "pending"),
        _office_list(status="draft"),
        severity=INFO,
        order=42,
    ),
):
    register(counter)
