"""The 工作台 banner while a year's State Council holiday notice is not loaded (from late
November each year until it is): its deadlines are provisional (暂定, counted with the statutory
holidays) or, before any declared text of the 办法, have no date; the office is told which
year and how to load it."""

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from gongkai.agencies.roles import Capability
from gongkai.core.worklist import URGENT, Counter, register
from gongkai.core.worklist_counts import per_agency
from gongkai.workdays.permissions import can_manage_calendar
from gongkai.workdays.selectors import work_calendar

from .models import Deadline
from .selectors import missing_notices


def _loads_notices(user) -> bool:
    """Those who may load a notice (platform administrators, administrators of a top-level
    agency: workdays.permissions) are told of every agency's deadlines, since the holiday
    table is installation-wide and their own agency may have none waiting."""
    return user is not None and can_manage_calendar(user)


def _waiting(agency_ids, *, today: dt.date, user=None) -> dict[int, int]:
    rows = Deadline.objects.open().filter(Q(provisional=True) | Q(due__isnull=True))
    if _loads_notices(user):
        return dict(rows.order_by().values_list("agency_id").annotate(n=Count("pk")))
    return per_agency(rows, agency_ids)


def _which_years(agency_ids, *, today: dt.date, user=None) -> str:
    scope = None if _loads_notices(user) else agency_ids
    years = [notice.year for notice in missing_notices(agency_ids=scope)]
    if not years:  # only dates no rule covers (before the 2024 text of the 办法)
        years = [(work_calendar().last_year or today.year - 1) + 1]
    names = "、".join(f"{year}年" for year in years)
    notices = "、".join(f"《国务院办公厅关于{year}年部分节假日安排的通知》" for year in years)
    return _(
        "%(years)s的节假日安排尚未载入：落在其中的期限按《全国年节及纪念日放假办法》规定的"
        "节假日和周末推算，标为“暂定”。%(notices)s公布后，请平台管理员或最上级机关的管理员在"
        "“节假日安排”页面点击“载入节假日安排通知”，粘贴通知全文，预览无误后保存（也可在服务器上"
        "运行 gongkai workdays load-notice 通知文件）；暂定期限随即按通知重新计算，并记入操作记录。"
    ) % {"years": names, "notices": notices}


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
