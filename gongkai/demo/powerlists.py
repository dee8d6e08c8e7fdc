"""Demo power lists for the demo agencies. Deterministic; loads nothing if already loaded.

The seed agency 商丘市工业和信息化委员会 (411400-gxw) published “全部34权力清单和相应的责任清单”
through its portal in December 2015 (its 2017 report), with a mechanism of 动态调整. Here the city's
four departments publish their lists on 2015-12-25 under one city notice (商政〔2015〕46号): the
seed's 34 items (4 行政许可, 12 行政处罚, 2 行政强制, 1 行政征收, 1 行政给付, 5 行政检查,
3 行政确认, 2 行政奖励, 1 行政裁决, 3 其他), each with its responsibilities, accountability
and supervision. Later adjustments follow real changes of law: the revised 无线电管理条例
(2016-12-01), the salt reform (食盐准运许可 cancelled 2017-01-01), the 节能审查办法 (2017-01-01),
the 企业投资项目核准和备案管理条例 (2017-02-01), two new 认定 in 2017 (so 34 items are still in
force at the end of 2017), the 2019 institutional reform, the revised 行政处罚法 (2021-07-15, every
agency's 行政处罚 items), a removal in 2022 re-listed in 2024, and data security in 2025. The
others (财政局, 教育局, 环境保护局, and 睢阳区教体局 from June 2016) follow their own laws.

Everything goes through the services (actor None: the system): the first list by
`powerlist_import`, each adjustment by the item services, in date order.
"""

from django.db import transaction

from gongkai.powerlists import selectors as sel
from gongkai.powerlists import services as s
from gongkai.powerlists.models import PowerItem, PowerItemVersion

from .agencies import load_agencies
from .data.agencies import SEED_AGENCY_CODE
from .data.powerlists import BOOKS
from .data.powerlists_duties import TEMPLATES

SOURCE = "演示数据"


def row(spec: tuple, supervision: str) -> dict:
    """An import row from (type, name, legal basis, responsible unit)."""
    power_type, name, basis, unit = spec
    process, duties, faults = TEMPLATES[power_type]
    return {
        "power_type": power_type,
        "name": name,
        "legal_basis": basis,
        "responsible_unit": unit,
        "process": process,
        "responsibilities": duties,
        "accountability": faults,
        "supervision": supervision,
    }


def _apply(agency, book, adjustment) -> None:
    """Record one adjustment of the book's data (a sweep changes every item of a type)."""
    on, kind, codes, document, reason, changes = adjustment
    note = {"effective_on": on, "reason": reason, "document": document}
    if kind == "add":
        s.power_item_add(actor=None, agency=agency, **note, **row(changes, book["supervision"]))
        return
    if kind == "sweep":  # every item of a type in force that day
        items = [v.item for v in sel.list_as_of(agency, on, power_type=codes[0])]
    else:
        items = [PowerItem.objects.get(agency=agency, code=code) for code in codes]
    service = {
        "change": s.power_item_change,
        "sweep": s.power_item_change,
        "remove": s.power_item_remove,
        "relist": s.power_item_relist,
    }[kind]
    for item in items:
        service(actor=None, item=item, **note, **changes)


def load_demo() -> dict:
    """Load the demo power lists unless the seed agency has one. Returns counts (all zero when
    nothing was loaded)."""
    counts = {"agencies": 0, "items": 0, "adjustments": 0}
    agencies = load_agencies()
    if PowerItem.objects.filter(agency=agencies[SEED_AGENCY_CODE]).exists():
        return counts
    with transaction.atomic():
        for book in BOOKS:
            agency = agencies[book["agency"]]
            s.powerlist_import(
                actor=None,
                agency=agency,
                rows=[row(spec, book["supervision"]) for spec in book["items"]],
                effective_on=book["published_on"],
                reason=book["reason"],
                document=book["document"],
                source_name=SOURCE,
            )
            for adjustment in sorted(book["adjustments"], key=lambda a: a[0]):
                _apply(agency, book, adjustment)
    codes = [book["agency"] for book in BOOKS]
    counts.update(
        agencies=len(codes),
        items=PowerItem.objects.filter(agency__code__in=codes).count(),
        adjustments=PowerItemVersion.objects.filter(item__agency__code__in=codes).count(),
    )
    return counts
