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

from gongkai.agencies.demo import SEED_AGENCY_CODE, load_agencies

from . import selectors as sel
from . import services as s
from .demo_data import BOOKS
from .models import PowerItem, PowerItemVersion

SOURCE = "演示数据"

# The usual text of a 责任清单 entry, by type: (办理流程, 责任事项, 追责情形).
_OTHER_DUTY = "其他法律法规规章文件规定应履行的责任。"
_OTHER_FAULT = "其他违反法律法规规章文件规定的行为。"
_PREAMBLE = "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任："


def _numbered(*lines: str) -> str:
    return "\n".join(f"{n}.{line}" for n, line in enumerate(lines, start=1))


TEMPLATES = {
    "licensing": (
        "申请—受理—审查（含现场核查）—决定—送达—公开",
        _numbered(
            "受理责任：公示依法应当提交的材料，一次性告知补正材料，依法受理或不予受理（不予受理的告知理由）。",
            "审查责任：对申请材料进行审查，必要时进行现场核查，提出审查意见。",
            "决定责任：作出准予许可或不予许可的决定（不予许可的告知理由），按时办结。",
            "送达责任：制发并送达许可文书，依法公开。",
            "事后监管责任：对被许可人从事许可事项的活动进行监督检查。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "对符合法定条件的申请不予受理、不予许可或者不在法定期限内作出决定的；",
            "对不符合法定条件的申请准予许可或者超越法定职权作出许可决定的；",
            "擅自增设条件或者收取费用的；",
            "在许可工作中玩忽职守、滥用职权的；",
            "索取或者收受他人财物或者谋取其他利益的；",
            _OTHER_FAULT,
        ),
    ),
    "punishment": (
        "立案—调查取证—审查—告知（听证）—决定—送达—执行—结案归档",
        _numbered(
            "立案责任：对发现的涉嫌违法行为进行初步核实，符合立案条件的予以立案。",
            "调查责任：全面、客观、公正地调查取证，执法人员不少于两人并出示执法证件。",
            "审查责任：对违法事实、证据、程序、法律适用、处罚种类和幅度进行审查。",
            "告知责任：作出决定前告知当事人拟处罚的事实、理由、依据和陈述、申辩、要求听证的权利。",
            "决定责任：依法作出处罚决定，制作行政处罚决定书。",
            "送达责任：在规定期限内送达行政处罚决定书。",
            "执行责任：监督当事人履行处罚决定，逾期不履行的依法申请人民法院强制执行。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "没有法律和事实依据实施行政处罚的；",
            "擅自改变行政处罚种类、幅度的；",
            "违反法定的行政处罚程序的；",
            "应当依法移送追究刑事责任而未移送的；",
            "在执法过程中滥用职权、玩忽职守、徇私舞弊的；",
            _OTHER_FAULT,
        ),
    ),
    "coercion": (
        "报告审批—通知当事人到场—告知并听取陈述申辩—实施并制作现场笔录和清单—作出处理决定—解除或依法处理",
        _numbered(
            "审批责任：实施前向行政机关负责人报告并经批准。",
            "告知责任：告知当事人采取强制措施的理由、依据及其依法享有的权利、救济途径，听取陈述申辩。",
            "实施责任：由两名以上执法人员实施，出示执法证件，制作现场笔录和查封、扣押清单。",
            "处理责任：在法定期限内查清事实并作出处理决定，对不再需要查封、扣押的及时解除。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "没有法律、法规依据实施行政强制的；",
            "改变行政强制对象、条件、方式或者违反法定程序的；",
            "扩大查封、扣押范围，或者使用、损毁查封、扣押财物的；",
            "在法定期间不作出处理决定或者未依法及时解除查封、扣押的；",
            _OTHER_FAULT,
        ),
    ),
    "levy": (
        "核定—通知—征收—出具票据—缴入国库",
        _numbered(
            "核定责任：依据法定标准核定应缴数额，告知缴纳义务人。",
            "征收责任：按照规定的程序、期限和标准征收，出具合法票据。",
            "管理责任：征收款项全额缴入国库，不得截留、挪用。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "擅自设立征收项目或者提高征收标准的；",
            "不依法征收或者多征、少征的；",
            "截留、挪用、私分征收款项或者不出具合法票据的；",
            _OTHER_FAULT,
        ),
    ),
    "payment": (
        "发布申报通知—受理—审核（实地核查）—公示—决定—拨付—绩效评价",
        _numbered(
            "受理责任：公示给付条件、标准和申请材料，依法受理申请。",
            "审核责任：审核申请材料，必要时实地核查。",
            "公示责任：拟给付对象和金额向社会公示。",
            "决定责任：作出给付决定，按规定拨付资金。",
            "监管责任：对资金使用情况进行跟踪检查和绩效评价。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "对符合条件的申请不予受理或者不予给付的；",
            "对不符合条件的予以给付的；",
            "截留、挪用、滞留给付资金或者未按规定公示的；",
            _OTHER_FAULT,
        ),
    ),
    "inspection": (
        "制定计划—随机抽取检查对象和执法人员—实施检查—出具检查意见—督促整改—结果公开",
        _numbered(
            "检查责任：按照“双随机、一公开”要求确定检查对象，两名以上执法人员出示证件实施检查，不得妨碍正常生产经营。",
            "处置责任：对发现的问题责令改正，需要处罚的按程序办理，属于其他部门职责的及时移送。",
            "公开责任：依法公开检查结果。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "无法定依据或者超越职权实施检查的；",
            "违反法定程序实施检查的；",
            "对发现的违法行为未依法处理或者未及时移送的；",
            "在检查中索取、收受财物，或者泄露检查中知悉的商业秘密的；",
            _OTHER_FAULT,
        ),
    ),
    "confirmation": (
        "申报—受理—审查（专家评审、现场核查）—公示—认定—公布",
        _numbered(
            "受理责任：公示认定条件、程序和申请材料，依法受理。",
            "审查责任：组织材料审查、专家评审和现场核查。",
            "公示责任：拟认定结果向社会公示。",
            "决定责任：作出认定决定，公布名单。",
            "监管责任：实行动态管理，对不再符合条件的依法撤销。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "对符合条件的不予认定或者对不符合条件的予以认定的；",
            "未按规定组织评审、公示的；",
            "索取或者收受财物、谋取其他利益的；",
            _OTHER_FAULT,
        ),
    ),
    "reward": (
        "制定方案—申报推荐—审核评审—公示—决定—表彰兑现",
        _numbered(
            "制定方案责任：明确奖励条件、标准和程序。",
            "审核责任：对推荐对象进行审核评审。",
            "公示责任：拟奖励对象向社会公示。",
            "表彰责任：作出奖励决定并兑现。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "对符合条件的不予奖励或者对不符合条件的予以奖励的；",
            "未按规定程序评审、公示的；",
            _OTHER_FAULT,
        ),
    ),
    "ruling": (
        "申请—受理—调查核实—协调—裁决—送达",
        _numbered(
            "受理责任：依法受理裁决申请，告知当事人权利义务。",
            "审理责任：调查核实争议事实，听取双方陈述和申辩，组织协调。",
            "裁决责任：依法作出裁决，制作裁决书。",
            "送达责任：在规定期限内送达当事人，告知救济途径。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "对应当受理的争议不予受理的；",
            "未依法调查核实即作出裁决，或者裁决违反法律法规的；",
            "徇私舞弊、偏袒一方的；",
            _OTHER_FAULT,
        ),
    ),
    "other": (
        "申请—受理—审查—决定—送达—公开",
        _numbered(
            "受理责任：公示办理条件、程序和所需材料，依法受理。",
            "审查责任：对材料进行审查，提出意见。",
            "决定责任：在规定期限内办结并作出决定（不予办理的说明理由）。",
            "送达责任：送达办理结果并依法公开。",
            "监管责任：对办理事项实施事后监管。",
            _OTHER_DUTY,
        ),
        _PREAMBLE
        + "\n"
        + _numbered(
            "对符合条件的不予办理或者不在规定期限内办结的；",
            "对不符合条件的予以办理，或者擅自增设条件、收取费用的；",
            "索取或者收受财物、谋取其他利益的；",
            _OTHER_FAULT,
        ),
    ),
}


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
