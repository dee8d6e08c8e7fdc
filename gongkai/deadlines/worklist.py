"""The 工作台 banner while a year's State Council holiday notice is not loaded (from late
November each year until it is): its deadlines are provisional (暂定, counted with the statutory
holidays) or, before any declared text of the 办法, have no date; the office is told which
year and how to load it."""

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from gongkai.agencies.roles import Capability
from gongkai.core.worklist import URGENT, Counter, register
from gongkai.core.worklist_counts import per_agency
from gongkai.workdays.selectors import work_calendar

from .models import Deadline
from .selectors import missing_notices


def _waiting(agency_ids, *, today: dt.date, user=None) -> dict[int, int]:
    rows = Deadline.objects.open().filter(Q(provisional=True) | Q(due__isnull=True))
    return per_agency(rows, agency_ids)


def _which_years(agency_ids, *, today: dt.date, user=None) -> str:
    years = [notice.year for notice in missing_notices(agency_ids=agency_ids)]
    if not years:  # only dates no rule covers (before the 2024 text of the 办法)
        years = [(work_calendar().last_year or today.year - 1) + 1]
    names = "、".join(f"{year}年" for year in years)
    return _(
        "%(years)s的节假日安排尚未载入：期限按法定节假日推算，标为“暂定”。请管理员在“节假日安排”"
        "页面载入国务院办公厅关于部分节假日安排的通知全文，期限会随即重新计算。"
    ) % {"years": names}


register(
    Counter(
        "deadlines.missing_notice",
        _l("暂定或暂时无法计算的期限（节假日安排尚未载入）"),
        Capability.VIEW,
        _waiting,
        lambda agency_id=None: reverse("workdays:year_list"),
        severity=URGENT,
        order=1,
        detail=_which_years,
        banner=True,
    )
)
