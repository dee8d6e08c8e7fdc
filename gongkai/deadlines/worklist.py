"""The 工作台 banner when deadlines cannot be computed: the State Council notice of a year is
not loaded (from late November each year until it is), so the office knows and knows how."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from gongkai.agencies.roles import Capability
from gongkai.core.worklist import URGENT, Counter, register
from gongkai.core.worklist_counts import per_agency
from gongkai.workdays.selectors import work_calendar

from .models import Deadline


def _pending(agency_ids, *, today: dt.date, user=None) -> dict[int, int]:
    return per_agency(Deadline.objects.filter(is_open=True, due__isnull=True), agency_ids)


def _which_year(agency_ids, *, today: dt.date, user=None) -> str:
    year = (work_calendar().last_year or today.year - 1) + 1
    return _(
        "%(year)s年的节假日安排尚未载入，落在%(year)s年的期限暂时无法计算。请管理员在“节假日安排”"
        "页面载入国务院办公厅关于%(year)s年部分节假日安排的通知全文，期限会随即重新计算。"
    ) % {"year": year}


register(
    Counter(
        "deadlines.missing_notice",
        _l("期限暂时无法计算（节假日安排尚未载入）"),
        Capability.VIEW,
        _pending,
        lambda agency_id=None: reverse("workdays:year_list"),
        severity=URGENT,
        order=1,
        detail=_which_year,
        banner=True,
    )
)
