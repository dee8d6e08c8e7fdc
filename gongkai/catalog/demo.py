"""Demo catalogue (主动公开目录) for the demo agencies. Deterministic (fixed random seed).

The seed agency 商丘市工业和信息化委员会 (411400-gxw) in 2017 reproduces its annual report:
395 主动公开 items published on the working days of 2017, each on exactly one channel —
77 政府门户网站 (`portal`), 52 政务微博 (`weibo`), 53 政务微信 (`wechat`) and the report's 213
“其他方式” split as 200 on the agency's own website (`agency_website`) and 13 in 报刊、广播、电视
(`media`). No 规范性文件 that year. Its two 政策解读 are among the 395, as is the policy the
first one interprets:

- May 2017, 文字解读 《关于支持工业企业开展大众创业万众创新的实施意见》解读, interpreting the
  agency's own item 《商丘市2017年企业服务工作实施方案》(商企服〔2017〕6号, March 2017);
- December 2017, 图解 (on the portal) of 《商丘市人民政府办公室关于促进酒业健康发展的意见》,
  which is the city government's (411400) document: it is in the city's catalogue, imported
  before the seed agency's rows so the 图解 can reference its 索引号.

Every other demo agency except the province (the city government, its departments, 睢阳区 and
its 教体局), and the seed agency too, gets 30–80 items a year for 2019–2026 (published up to
2026-11-20): mostly on the agency's website (the city's own on the portal) with some portal,
微博, 微信, 公报 and media records; a few 规范性文件 a year (some later 废止 or 已修订 through the
register services), interpretations of some of them, a few 依申请公开 / 不予公开 records (not
published) and, in November 2026, a few drafts. A handful of items carry a small DOCX.

Everything goes through `catalog_import` (actor None: the system), so the rows are checked
exactly like an uploaded file, numbered by the default 索引号 scheme
`{统一社会信用代码}/{法定分类代码}-{year}-{serial:05d}`, and indexed for search.
"""

import datetime as dt
import io
import random
import time

from django.db import transaction

from gongkai.agencies.demo import SEED_AGENCY_CODE, load_agencies
from gongkai.workdays.calendar import YearNotLoaded
from gongkai.workdays.selectors import work_calendar

from .models import IndexSequence, Item
from .services import catalog_import, item_set_validity, normative_register

CITY = "411400"
SOURCE = "演示数据"
SEED_YEAR = 2017
SEED_TOTAL = 395
# The report's 77 / 52 / 53 / 213 (“其他方式”: 200 own website + 13 media).
SEED_CHANNELS = {"portal": 77, "weibo": 52, "wechat": 53, "agency_website": 200, "media": 13}
YEARS = range(2019, 2027)
LAST_PUBLISHED = dt.date(2026, 11, 20)
DRAFTS_FROM = dt.date(2026, 11, 2)
DRAFTS_TO = dt.date(2026, 11, 26)  # not after the demo's "today", 2026-11-27
# Agencies (by code) that get a catalogue for 2019–2026, in import order (the city first).
AGENCIES = [
    "411400",
    "411400-gxw",
    "411400-czj",
    "411400-jyj",
    "411400-hbj",
    "411403",
    "411403-jyj",
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗宋郑梁谢韩唐冯"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超华平刚辉鹏霞红玲"
COUNTIES = [
    "梁园区",
    "睢阳区",
    "永城市",
    "夏邑县",
    "虞城县",
    "柘城县",
    "宁陵县",
    "睢县",
    "民权县",
    "城乡一体化示范区",
]
# The county's characteristic industry and the word a company there would carry.
INDUSTRY = {
    "梁园区": ("针织童装", "服饰"),
    "睢阳区": ("电动车", "电动车"),
    "永城市": ("面粉食品", "面业"),
    "夏邑县": ("纺织服装", "纺织"),
    "虞城县": ("五金工量具", "量具"),
    "柘城县": ("超硬材料", "金刚石材料"),
    "宁陵县": ("农副产品加工", "农产品"),
    "睢县": ("制鞋", "鞋业"),
    "民权县": ("制冷装备", "制冷设备"),
    "城乡一体化示范区": ("装备制造", "机械"),
}
PLACE = {"永城市": "永城", "夏邑县": "夏邑", "虞城县": "虞城", "柘城县": "柘城"}
PLACE |= {"宁陵县": "宁陵", "睢县": "睢县", "民权县": "民权"}
BRANDS = "华鼎 金源 恒达 中联 豫丰 瑞丰 宏昌 新锐 天利 佳和 永盛 国泰 德润 科亿 鑫源 福润 汇通"
BRANDS = BRANDS.split()
TOWNS = [
    "古宋街道",
    "新城街道",
    "文化街道",
    "东方街道",
    "宋城街道",
    "古城街道",
    "坞墙镇",
    "郭村镇",
    "李口镇",
    "高辛镇",
    "包公庙乡",
    "冯桥镇",
    "路河镇",
    "宋集镇",
]
SCHOOLS = [
    "商丘市第一高级中学",
    "商丘市第一中学",
    "商丘市实验中学",
    "商丘市第四高级中学",
    "商丘市实验小学",
    "商丘市第二实验小学",
    "商丘市特殊教育学校",
    "商丘市第十六中学",
]


def _company(rng) -> str:
    county = rng.choice(COUNTIES)
    place = PLACE.get(county, "商丘")
    product = INDUSTRY[county][1]
    if rng.random() < 0.25:
        return f"河南{rng.choice(BRANDS)}{product}股份有限公司"
    return f"{place}{rng.choice(BRANDS)}{product}有限公司"


def _cluster(rng) -> str:
    county = rng.choice(COUNTIES)
    return f"{county}{INDUSTRY[county][0]}"


def _person(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))


def _day(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


COMMON = {
    "county": COUNTIES,
    "company": _company,
    "cluster": _cluster,
    "town": TOWNS,
    "school": SCHOOLS,
    "n": lambda rng: str(rng.randint(3, 28)),
    "person": _person,
    "q": ["一", "二", "三", "四"],
}


class _Words(dict):
    """`template.format_map(words)`: fixed values, otherwise a random choice from the lists,
    itself filled in (so a word may contain placeholders)."""

    def __init__(self, rng, lists, **fixed):
        super().__init__(fixed)
        self.rng = rng
        self.lists = {**COMMON, **lists}

    def __missing__(self, key):
        options = self.lists[key]
        value = options(self.rng) if callable(options) else self.rng.choice(options)
        return self.fill(value)

    def fill(self, template: str) -> str:
        return template.format_map(self) if "{" in template else template


# ---------------------------------------------------------------------------------------------
# Agency profiles: the words of each agency's catalogue.
# Templates are (statutory, genre, title, body kind, doc-number probability).

GXW = {
    "topic": "T04",
    "doc": "商工信",
    "office_doc": "商工信办",
    "norm_doc": "商工信规",
    "reg": "SQGXW",
    "office": "委运行办",
    "recipients": "各县（市、区）工业和信息化主管部门，各有关企业",
    "duty": "贯彻执行国家和省工业、信息化发展的方针政策，拟订全市工业和信息化发展规划并组织实施，"
    "推进产业结构战略性调整和优化升级，指导中小企业发展和企业服务工作。",
    "notices": [
        ("F15", "G06", "关于组织申报{year}年度河南省{program}的通知", "notice", 0.8),
        ("F15", "G06", "关于开展{year}年度商丘市{cert}认定工作的通知", "notice", 0.9),
        ("F15", "G06", "关于做好{year}年{work}工作的通知", "notice", 0.8),
        ("F15", "G06", "关于召开全市{meeting}的通知", "notice", 0.5),
        ("F15", "G06", "关于举办{training}的通知", "notice", 0.5),
        ("F15", "G06", "关于组织企业参加{expo}的通知", "notice", 0.6),
        ("F15", "G06", "关于报送{report}的通知", "notice", 0.6),
        ("F15", "G06", "关于开展{campaign}的通知", "notice", 0.8),
        ("F15", "G07", "关于{year}年{work}工作情况的通报", "notice", 1.0),
        ("F03", "G05", "关于加快{cluster}产业集群发展的意见", "plan", 1.0),
        ("F15", "G10", "关于商请协助做好{work}工作的函", "notice", 1.0),
        ("F05", "G06", "关于{company}技术改造项目备案的通知", "notice", 1.0),
        ("F15", "G06", "关于转发{upper}的通知", "notice", 0.9),
        ("F15", "G06", "关于下达{year}年{target_kind}目标任务的通知", "notice", 1.0),
        ("F15", "G06", "关于公布{year}年度商丘市{cert}名单的通知", "notice", 1.0),
        ("F15", "G07", "关于{county}{work}工作督导情况的通报", "notice", 1.0),
    ],
    "publicity": [
        ("F15", "G03", "关于{year}年度商丘市{cert}拟认定名单的公示", "publicity", 0.0),
        (
            "F15",
            "G03",
            "关于{year}年商丘市工业发展专项资金拟支持{fund_item}项目名单的公示",
            "publicity",
            0.0,
        ),
        ("F15", "G03", "{year}年度商丘市{cert}评审结果公示", "publicity", 0.0),
        ("F15", "G03", "关于{year}年度河南省{program}拟推荐名单的公示", "publicity", 0.0),
        ("F10", "G03", "{year}年全市重点工业项目{project_stage}情况公告", "publicity", 0.0),
    ],
    "news": [
        "{leader}到{county}调研{topic}",
        "{leader}带队督导{county}{topic}工作",
        "市工信委召开{meeting}",
        "{cluster}产业集群{progress}",
        "市中小企业服务中心举办{event}",
        "我市{n}家企业入选{list}",
        "{company}{achievement}",
        "市工信委组织企业参加{expo}",
        "市工信委开展{campaign}",
        "{county}召开{topic}推进会",
    ],
    "words": {
        "program": [
            "工业强基工程项目",
            "智能制造试点示范项目",
            "中小企业公共服务示范平台",
            "小型微型企业创业创新示范基地",
            "两化融合管理体系贯标试点企业",
            "绿色制造体系建设示范项目",
            "首台（套）重大技术装备",
            "服务型制造示范企业",
            "技术创新示范企业",
            "省级企业技术中心",
        ],
        "cert": [
            "智能工厂智能车间",
            "质量标杆企业",
            "中小企业公共服务示范平台",
            "小型微型企业创业创新示范基地",
            "企业技术中心",
            "工业设计中心",
            "高成长性制造业重点企业",
            "绿色工厂",
        ],
        "work": [
            "淘汰落后产能",
            "工业经济运行监测",
            "企业智能化改造",
            "迎峰度夏电力保障",
            "工业企业冬季错峰生产",
            "重点工业企业安全生产检查",
            "工业领域节能监察",
            "涉企收费清理和中小企业减负",
            "服务企业五项工作制度落实",
            "工业项目建设月度调度",
            "规模以上工业企业培育入统",
            "跨境电子商务发展",
            "电子商务进农村综合示范",
        ],
        "meeting": [
            "工业经济运行分析会",
            "企业服务工作推进会",
            "智能化改造现场观摩会",
            "产业集聚区发展工作会议",
            "工业和信息化工作会议",
            "节能降耗工作会议",
            "中小企业服务工作座谈会",
            "电子商务示范市建设推进会",
        ],
        "training": [
            "中小企业经营管理人才培训班",
            "两化融合管理体系贯标培训会",
            "企业上市融资培训会",
            "跨境电子商务实务培训班",
            "工业企业安全生产培训班",
            "智能制造专题培训班",
            "企业财务管理培训会",
        ],
        "expo": [
            "中国（郑州）产业转移系列对接活动",
            "中国国际中小企业博览会",
            "中国（商丘）针织童装展",
            "商丘电动车展",
            "商丘食品展",
            "中部六省电子商务博览会",
            "世界智能制造大会",
        ],
        "report": [
            "{year}年上半年工业经济运行情况",
            "规模以上工业企业生产经营情况",
            "重点工业项目建设进展情况",
            "工业企业用电量月度统计",
            "智能化改造项目实施情况",
            "淘汰落后产能工作进展",
            "企业服务工作开展情况",
        ],
        "campaign": [
            "“企业服务月”活动",
            "“双创”活动周宣传",
            "工业企业安全生产大检查",
            "“百名干部进百企”帮扶活动",
            "工业领域政策法规宣传月活动",
            "节能宣传周活动",
            "“质量月”活动",
        ],
        "fund_item": [
            "工业企业技术改造（机器换人）",
            "智能化改造",
            "企业技术中心建设",
            "电子商务发展",
            "中小企业公共服务平台建设",
            "新产品开发",
            "两化融合",
        ],
        "project_stage": ["开工", "竣工投产", "建设进展"],
        "upper": [
            "《河南省工业和信息化委员会关于做好{year}年工业企业智能化改造工作的通知》",
            "《河南省人民政府办公厅关于进一步降低实体经济企业成本的通知》",
            "《工业和信息化部办公厅关于开展{year}年中小企业服务月活动的通知》",
            "《河南省工业和信息化委员会关于组织开展{year}年度省级工业设计中心认定工作的通知》",
            "《河南省节能减排领导小组办公室关于做好{year}年工业节能监察工作的通知》",
            "《工业和信息化部关于进一步推进中小企业信息化的指导意见》",
            "《河南省工业和信息化委员会关于推进工业企业电子商务应用的通知》",
            "《河南省中小企业服务局关于开展中小企业公共服务平台网络运营绩效评价的通知》",
        ],
        "target_kind": [
            "工业经济主要指标",
            "淘汰落后产能",
            "规模以上工业企业培育入统",
            "工业节能降耗",
            "企业智能化改造",
            "电子商务交易额",
        ],
        "leader": [
            "市工信委主任刘明亮",
            "委党组书记张红星",
            "市工信委领导班子",
            "市工信委调研组",
            "委分管领导",
        ],
        "topic": [
            "企业智能化改造",
            "工业经济运行",
            "重点项目建设",
            "企业服务工作",
            "产业集聚区建设",
            "淘汰落后产能",
            "电子商务发展",
            "中小企业发展",
            "工业安全生产",
            "节能降耗",
        ],
        "progress": [
            "加快转型升级",
            "发展势头良好",
            "产值实现较快增长",
            "智能化改造成效明显",
            "新签约项目集中开工",
            "品牌建设取得新进展",
        ],
        "event": [
            "线上线下人才招聘会",
            "企业融资对接会",
            "中小企业政策宣讲会",
            "跨境电商培训会",
            "法律服务进企业活动",
            "创业创新沙龙",
            "两化融合专题讲座",
            "银企对接洽谈会",
        ],
        "list": [
            "河南省智能工厂智能车间名单",
            "河南省质量标杆企业名单",
            "省级企业技术中心名单",
            "河南省中小企业公共服务示范平台名单",
            "省级两化融合贯标试点企业名单",
            "河南省“专精特新”中小企业名单",
            "省级绿色工厂名单",
        ],
        "achievement": [
            "智能化生产线建成投产",
            "新产品通过省级鉴定",
            "获评省级企业技术中心",
            "技术改造项目竣工投产",
            "入驻阿里巴巴商丘产业带",
            "跨境电商出口额快速增长",
            "首台（套）装备实现销售",
        ],
        "purpose": [
            "加快推进全市工业转型升级，促进工业经济平稳健康发展",
            "深入落实服务企业五项工作制度，帮助企业解决生产经营中的困难和问题",
            "推动企业智能化改造，提升制造业发展质量和效益",
            "支持中小企业创业创新，营造良好的发展环境",
            "做好工业经济运行监测分析，及时掌握企业生产经营动态",
        ],
        "basis": [
            "《河南省智能制造和工业互联网发展三年行动计划》",
            "《河南省工业和信息化委员会关于做好{year}年工业和信息化工作的通知》",
            "《中华人民共和国中小企业促进法》",
            "市委、市政府关于推进工业转型发展攻坚的工作部署",
            "《商丘市工业发展专项资金管理办法》",
        ],
        "point": [
            "申报范围。在我市行政区域内依法登记注册、具有独立法人资格、生产经营正常的工业企业，"
            "重点支持高成长性制造业和战略性新兴产业",
            "申报条件。企业近三年无重大安全、环保、质量事故，无不良信用记录，项目符合国家产业政策"
            "和行业准入条件",
            "组织方式。各县（市、区）工业和信息化主管部门负责本辖区企业的组织申报和初审工作，"
            "市工信委组织专家进行评审并实地核查",
            "工作重点。围绕食品、装备制造、纺织服装、制冷、超硬材料等重点产业，加快推进企业技术"
            "改造和转型升级",
            "材料要求。申报材料包括申报书、营业执照复印件、上年度财务审计报告及相关证明材料，"
            "申报单位对材料的真实性负责",
            "时间安排。活动分动员部署、组织实施、总结提升三个阶段进行，各阶段工作要环环相扣、"
            "有序推进",
        ],
        "detail": [
            "会议通报了全市工业经济运行情况，分析了当前面临的困难和问题，安排部署了下一阶段重点工作",
            "调研组一行先后深入{company}等企业生产车间，详细了解企业生产经营、项目建设和智能化改造"
            "进展情况",
            "据统计，共有{n}家规模以上工业企业参加活动，现场达成合作意向{n}项",
            "活动现场，服务中心入驻机构为企业提供了政策咨询、融资担保、法律服务等一站式服务",
            "近年来，我市坚持把智能化改造作为推动工业转型升级的重要抓手，一批技术改造项目相继建成投产",
            "与会人员围绕企业用工、融资、用地等方面的困难和问题进行了深入交流",
            "座谈中，企业负责人就生产经营中遇到的实际困难提出了意见建议，调研组逐一进行了解答",
            "{company}负责人介绍，企业新上的自动化生产线使生产效率提高了三成以上，产品合格率明显提升",
        ],
        "closing": [
            "下一步，市工信委将继续深化企业服务，推动全市工业经济稳中向好。",
            "会议要求，各县区要进一步提高认识，压实责任，确保各项工作落到实处。",
            "此次活动进一步营造了全社会关心支持企业发展的良好氛围。",
            "市工信委将持续跟踪服务，协调解决企业发展中遇到的困难和问题。",
        ],
        "goal": [
            "以供给侧结构性改革为主线，以智能化改造为抓手，推动传统产业提质增效、新兴产业发展壮大",
            "到规划期末，全市规模以上工业增加值年均增长8%以上，高成长性制造业占比进一步提高",
        ],
        "task": [
            "实施高成长性工业企业培育工程，建立重点企业培育库",
            "深入推进企业智能化改造，培育一批智能工厂和智能车间",
            "加快产业集群发展，推进产业集聚区提质转型",
            "完善中小企业公共服务体系，提升服务企业能力",
        ],
        "subject": [
            "工业发展专项资金管理",
            "智能工厂智能车间认定管理",
            "中小企业公共服务示范平台认定管理",
            "首台（套）重大技术装备推广应用奖励",
            "“专精特新”中小企业培育",
            "工业企业技术改造项目管理",
            "企业技术中心认定管理",
        ],
    },
    "stats": [
        ("F04", "G17", "{year}年1—{month}月份全市工业经济运行情况", "stats_industry"),
        ("F04", "G17", "{year}年1—{month}月份全市工业用电量情况", "stats_power"),
    ],
}

CZJ = {
    "topic": "T03",
    "doc": "商财",
    "office_doc": "商财办",
    "norm_doc": "商财规",
    "reg": "SQCZJ",
    "office": "局办公室",
    "recipients": "各县（市、区）财政局，市直各预算单位",
    "duty": "贯彻执行财税方针政策，拟订全市财政发展规划，编制年度预决算草案并组织执行，"
    "负责政府非税收入、政府采购、国有资产和财政监督管理。",
    "notices": [
        ("F07", "G06", "关于做好{year}年度{fin_work}工作的通知", "notice", 0.9),
        ("F07", "G06", "关于下达{year}年{fund}的通知", "notice", 1.0),
        ("F15", "G06", "关于开展{year}年度{check}的通知", "notice", 0.8),
        ("F07", "G06", "关于报送{year}年{fin_report}的通知", "notice", 0.6),
        ("F09", "G06", "关于进一步规范{proc_rule}的通知", "notice", 0.8),
    ],
    "publicity": [
        ("F09", "G03", "商丘市{proc}中标（成交）结果公告", "publicity", 0.0),
        ("F07", "G03", "{year}年度{fund}分配结果公示", "publicity", 0.0),
        ("F15", "G03", "{year}年度{fin_item}名单公示", "publicity", 0.0),
    ],
    "news": [
        "市财政局召开{meeting}",
        "市财政局开展{campaign}",
        "{county}财政局{progress}",
        "全市财政系统举办{training}",
        "市财政局{leader}到{county}调研{topic}",
    ],
    "words": {
        "fin_work": [
            "部门预算编制",
            "政府采购预算编制",
            "财政资金绩效自评",
            "行政事业单位国有资产报告编报",
            "会计信息质量检查",
            "部门决算编制",
            "政府财务报告编制",
            "预算绩效目标管理",
            "直达资金监控",
        ],
        "fund": [
            "中央财政衔接推进乡村振兴补助资金",
            "省级工业发展专项资金",
            "城乡义务教育补助经费",
            "农业生产发展资金",
            "基本公共卫生服务补助资金",
            "大气污染防治资金",
            "就业补助资金",
            "城镇老旧小区改造补助资金",
        ],
        "check": [
            "财会监督专项行动",
            "惠民惠农财政补贴资金“一卡通”专项治理",
            "会计信息质量检查",
            "政府采购代理机构监督检查",
            "预算执行审计整改情况检查",
        ],
        "fin_report": ["行政事业单位内部控制报告", "部门决算", "国有资产年报", "预算绩效自评报告"],
        "proc_rule": ["政府采购意向公开", "政府购买服务", "财政票据使用管理", "公务卡强制结算"],
        "proc": [
            "市直机关办公设备采购项目",
            "市第一人民医院医疗设备采购项目",
            "市区道路照明维护项目",
            "市直学校校舍维修项目",
            "政务信息化平台运维服务项目",
            "市直机关物业管理服务项目",
        ],
        "fin_item": ["政府采购评审专家", "会计专业技术人员继续教育合格", "先进会计工作者"],
        "meeting": [
            "全市财政工作会议",
            "预算编制工作会议",
            "财政监督工作推进会",
            "党风廉政建设会议",
        ],
        "campaign": [
            "“财政宣传月”活动",
            "会计法宣传周活动",
            "减税降费政策宣传",
            "惠企政策进企业活动",
        ],
        "progress": ["深化预算绩效管理改革", "推进国库集中支付电子化", "盘活财政存量资金取得实效"],
        "training": ["预算管理一体化业务培训", "政府采购业务培训", "会计人员继续教育培训"],
        "leader": ["主要负责同志", "分管负责同志", "调研组"],
        "topic": ["财政收支运行", "乡村振兴资金使用", "直达资金管理", "政府债务管理"],
        "purpose": [
            "进一步加强财政资金管理，提高资金使用效益",
            "深化预算管理制度改革，推进预算公开透明",
            "规范政府采购行为，维护政府采购当事人合法权益",
        ],
        "basis": [
            "《中华人民共和国预算法》及其实施条例",
            "《河南省财政厅关于做好{year}年预算管理工作的通知》",
            "《中华人民共和国政府采购法》",
        ],
        "point": [
            "工作范围。市直各预算单位及所属二级单位均应按要求完成相关工作",
            "工作要求。各单位要如实反映资金使用和绩效目标完成情况，确保数据真实准确",
            "时间安排。请于规定时间内通过预算管理一体化系统报送，并附纸质材料",
            "资金管理。资金实行专款专用，任何单位不得截留、挤占、挪用",
        ],
        "detail": [
            "会议总结了上年度全市财政工作，分析了当前财政收支形势，部署了今年重点任务",
            "今年以来，全市财政部门坚持过紧日子，压减一般性支出，全力保障基本民生",
            "活动期间，工作人员向群众发放宣传资料{n}00余份，现场解答政策咨询{n}人次",
            "调研组详细了解了资金拨付、项目实施和绩效管理情况",
        ],
        "closing": [
            "下一步，市财政局将持续加强资金监管，确保财政资金安全高效运行。",
            "会议要求，全市财政系统要主动作为，为全市经济社会发展提供坚实财力保障。",
        ],
        "goal": ["建立全面规范透明、标准科学、约束有力的预算制度"],
        "task": [
            "加强预算编制管理，全面实施预算绩效管理",
            "规范资金分配程序，强化资金监督检查",
            "推进预算管理一体化建设",
        ],
        "subject": [
            "市级财政专项资金管理",
            "政府采购内部控制管理",
            "行政事业单位国有资产处置管理",
            "财政支出绩效评价管理",
            "政府投资项目评审管理",
            "市直单位公务卡管理",
            "政府购买服务管理",
        ],
    },
    "stats": [("F04", "G17", "{year}年1—{month}月全市财政收支情况", "stats_finance")],
    "specials": [
        ("F07", "G18", "商丘市{year}年市本级一般公共预算和政府性基金预算", "budget_city", 0.0),
        ("F09", "G03", "商丘市{year}年政府集中采购目录及采购限额标准", "publicity", 1.0),
        ("F07", "G18", "商丘市{year}年地方政府债券发行和还本付息情况", "stats_debt", 0.0),
    ],
}


def _edu(place, short, org, doc, schools):
    return {
        "topic": "T08",
        "doc": doc,
        "office_doc": doc + "办",
        "norm_doc": doc + "规",
        "reg": "SQJYJ" if place == "商丘市" else "SYJTJ",
        "office": "局办公室",
        "recipients": "各县（市、区）教育局，市直各学校"
        if place == "商丘市"
        else "各乡镇（街道）中心校，区直各学校",
        "duty": "贯彻执行教育方针政策，统筹规划和管理"
        + place
        + "各级各类教育事业，负责中小学招生、"
        "教师队伍建设、学生资助和教育督导等工作。",
        "notices": [
            ("F11", "G06", "关于做好{year}年{edu_work}工作的通知", "notice", 0.9),
            ("F13", "G06", "关于开展{year}年度{edu_check}的通知", "notice", 0.8),
            ("F15", "G06", "关于组织参加{year}年{edu_contest}的通知", "notice", 0.5),
            ("F15", "G06", "关于公布{year}年" + place + "{edu_list}名单的通知", "notice", 1.0),
        ],
        "publicity": [
            ("F14", "G03", "{year}年" + place + "公开招聘教师拟聘用人员名单公示", "publicity", 0.0),
            ("F15", "G03", "{year}年" + place + "{edu_list}拟认定名单公示", "publicity", 0.0),
            ("F11", "G03", "{year}年" + place + "义务教育学校招生划片范围公告", "publicity", 0.0),
            ("F11", "G03", "{year}年{season}学生资助资金发放情况公示", "publicity", 0.0),
        ],
        "news": [
            org + "召开{meeting}",
            "{county}扎实推进{topic}",
            org + "督导组到{school}检查{topic}工作",
            "我" + short + "{n}所学校获评{edu_list}",
            "{school}开展{activity}",
        ],
        "words": {
            "school": schools,
            "edu_work": [
                "普通高中招生",
                "义务教育招生入学",
                "中小学教师资格定期注册",
                "学生资助",
                "秋季开学安全检查",
                "中小学“双减”",
                "寒假安全教育",
                "中小学生体质健康测试",
                "教师职称评审",
                "校园食品安全",
            ],
            "edu_check": [
                "中小学校安全隐患排查",
                "民办学校年度检查",
                "校外培训机构专项治理",
                "义务教育优质均衡发展督导评估",
                "学校食堂食品安全专项检查",
            ],
            "edu_contest": [
                "全市中小学生田径运动会",
                "中小学优质课评选",
                "青少年科技创新大赛",
                "中小学生书法比赛",
                "教育教学信息化大奖赛",
            ],
            "edu_list": [
                "示范性幼儿园",
                "文明校园",
                "中小学名师工作室",
                "语言文字规范化示范校",
                "平安校园",
            ],
            "season": ["春季学期", "秋季学期"],
            "meeting": ["全市教育工作会议", "招生工作会议", "校园安全工作会议", "“双减”工作推进会"],
            "topic": ["“双减”工作", "校园安全", "义务教育优质均衡发展", "课后服务", "教师队伍建设"],
            "activity": [
                "防溺水安全教育活动",
                "“开学第一课”活动",
                "消防应急疏散演练",
                "读书节活动",
            ],
            "purpose": [
                "进一步规范招生入学秩序，保障适龄儿童少年平等接受义务教育的权利",
                "切实减轻义务教育阶段学生作业负担和校外培训负担",
                "加强校园安全管理，保障师生生命财产安全",
            ],
            "basis": [
                "《中华人民共和国义务教育法》",
                "《河南省教育厅关于做好{year}年普通中小学招生入学工作的通知》",
                "《中小学幼儿园安全管理办法》",
            ],
            "point": [
                "基本原则。坚持公平、公正、公开，严格执行免试就近入学规定",
                "工作安排。各学校要按照时间节点做好报名、审核、录取等各环节工作",
                "工作要求。各学校要高度重视，主要负责同志亲自抓，确保工作平稳有序",
                "监督保障。招生工作全程接受社会监督，设立监督举报电话",
            ],
            "detail": [
                "会议总结了上学年全市教育工作，安排部署了新学年重点任务",
                "督导组通过听汇报、查资料、看现场等方式，详细了解了学校各项工作开展情况",
                "活动吸引了{n}00余名师生参与，取得了良好效果",
                "近年来，我市持续加大教育投入，新建改扩建中小学校{n}所，新增学位{n}000余个",
            ],
            "closing": [
                "下一步，将持续推进教育高质量发展，办好人民满意的教育。",
                "会议要求，各学校要以高度的责任感抓好各项工作落实。",
            ],
            "goal": ["坚持立德树人根本任务，推动教育优质均衡发展"],
            "task": ["扩大优质教育资源供给", "深化教育评价改革", "加强教师队伍建设"],
            "subject": [
                "中小学生学籍管理",
                "民办学校办学行为管理",
                "校外培训机构管理",
                "学生资助资金管理",
                "中小学教师交流轮岗",
                "中小学招生入学管理",
                "中小学校责任督学挂牌督导",
            ],
        },
        "stats": [("F04", "G17", "{prev}年" + place + "教育事业发展统计公报", "stats_edu")],
        "stats_monthly": False,
    }


HBJ = {
    "topic": "T06",
    "doc": "商环",
    "office_doc": "商环办",
    "norm_doc": "商环规",
    "reg": "SQHBJ",
    "office": "局办公室",
    "recipients": "各县（市、区）环境保护局，各有关单位",
    "duty": "负责全市生态环境保护的统一监督管理，组织实施大气、水、土壤污染防治，"
    "承担建设项目环境影响评价审批和生态环境执法工作。",
    "notices": [
        ("F13", "G06", "关于做好{year}年{env_work}工作的通知", "notice", 0.9),
        ("F13", "G06", "关于开展{year}年{env_check}的通知", "notice", 0.8),
        ("F03", "G06", "关于印发《商丘市{year}年{env_plan}》的通知", "plan", 1.0),
    ],
    "publicity": [
        ("F13", "G03", "{year}年第{q}季度重点排污单位监督性监测结果公示", "publicity", 0.0),
        ("F05", "G03", "{company}{env_project}环境影响评价受理公示", "publicity", 0.0),
    ],
    "news": [
        "市环保局召开{meeting}",
        "市环保局开展{campaign}",
        "{county}{progress}",
        "市环保局{leader}到{county}督导{topic}",
    ],
    "words": {
        "env_work": [
            "重污染天气应急减排清单修订",
            "排污许可证执行报告报送",
            "重点排污单位名录更新",
            "夏季臭氧污染防控",
            "秋冬季大气污染综合治理",
            "危险废物规范化管理",
            "土壤污染重点监管单位名录更新",
            "入河排污口排查整治",
        ],
        "env_check": [
            "涉VOCs企业专项执法检查",
            "饮用水水源地环境保护专项行动",
            "建设项目环保“三同时”检查",
            "环境安全隐患排查",
            "机动车排放检验机构监督检查",
        ],
        "env_plan": [
            "大气污染防治攻坚战实施方案",
            "水污染防治攻坚战实施方案",
            "土壤污染防治攻坚战实施方案",
            "生态环境执法监测计划",
        ],
        "env_project": [
            "年产10万吨面粉生产线项目",
            "制冷设备生产线技术改造项目",
            "金刚石微粉生产项目",
            "年产500万双鞋生产项目",
            "纺织服装加工项目",
            "电动车整车组装项目",
            "食品加工扩建项目",
            "五金工具生产项目",
        ],
        "meeting": ["全市生态环境保护工作会议", "蓝天保卫战推进会", "环境执法工作会议"],
        "campaign": ["“六五环境日”宣传活动", "环境执法大练兵", "“双随机、一公开”执法检查"],
        "progress": ["空气质量持续改善", "扎实开展秸秆禁烧工作", "推进农村生活污水治理"],
        "leader": ["主要负责同志", "督导组", "分管负责同志"],
        "topic": ["大气污染防治", "水污染防治", "秸秆禁烧", "扬尘治理"],
        "purpose": [
            "打好污染防治攻坚战，持续改善全市生态环境质量",
            "严格落实排污许可制度，强化固定污染源监管",
            "防范化解环境风险，保障群众身体健康",
        ],
        "basis": [
            "《中华人民共和国环境保护法》",
            "《中华人民共和国大气污染防治法》",
            "《河南省污染防治攻坚战{year}年工作方案》",
        ],
        "point": [
            "工作范围。全市行政区域内纳入重点排污单位名录的企业事业单位",
            "工作内容。重点检查污染防治设施运行、自行监测和信息公开等情况",
            "工作要求。各县（市、区）要建立工作台账，发现问题及时督促整改",
            "时间安排。专项行动自即日起开展，分排查、整治、验收三个阶段实施",
        ],
        "detail": [
            "会议通报了全市环境空气质量和重点任务进展情况，安排部署下一阶段工作",
            "执法人员对{company}等企业的污染防治设施运行情况进行了现场检查",
            "今年以来，全市PM2.5平均浓度同比下降{n}%，优良天数同比增加{n}天",
        ],
        "closing": [
            "下一步，市环保局将持续加大执法力度，推动全市生态环境质量持续改善。",
            "会议要求，各县区要压实责任，确保完成年度目标任务。",
        ],
        "goal": ["以改善生态环境质量为核心，坚决打好污染防治攻坚战"],
        "task": ["深入开展工业企业深度治理", "强化移动源污染防治", "加强面源污染管控"],
        "subject": [
            "建设项目环境影响评价文件分级审批",
            "排污许可证后监管",
            "生态环境行政处罚自由裁量基准",
            "重污染天气应急减排措施管理",
            "企业环境信用评价",
            "环境违法行为有奖举报",
        ],
    },
    "stats": [("F13", "G17", "{year}年{month}月全市环境空气质量状况", "stats_air")],
    "specials": [
        ("F05", "G09", "关于{company}{env_project}环境影响报告表的批复", "approval", 1.0),
        ("F06", "G18", "商丘市环境保护局行政处罚决定书（{company}）", "penalty", 1.0),
    ],
    "special_docs": {"approval": "商环审", "penalty": "商环罚"},
}

CITYGOV = {
    "topic": "T01",
    "doc": "商政",
    "office_doc": "商政办",
    "norm_doc": "商政规",
    "reg": "SQZF",
    "office": "市政府办公室",
    "recipients": "各县（市、区）人民政府，市人民政府各部门",
    "duty": "执行市人民代表大会及其常务委员会的决议，管理本行政区域内的经济、教育、科学、文化、"
    "卫生、城乡建设等行政工作。",
    "notices": [
        ("F03", "G06", "商丘市人民政府办公室关于印发商丘市{city_plan}的通知", "plan", 1.0),
        ("F02", "G06", "商丘市人民政府关于{person}等同志职务任免的通知", "appointment", 1.0),
        ("F15", "G06", "商丘市人民政府办公室关于做好{year}年{city_work}工作的通知", "notice", 1.0),
        ("F15", "G02", "商丘市人民政府关于{city_decision}的决定", "notice", 1.0),
        ("F12", "G06", "商丘市人民政府办公室关于印发商丘市{plan_emergency}的通知", "plan", 1.0),
    ],
    "publicity": [
        ("F10", "G03", "商丘市{year}年重点建设项目名单", "publicity", 0.0),
        ("F21", "G03", "关于{county}{n}宗地块征收土地的公告", "publicity", 0.0),
        ("F11", "G03", "商丘市{year}年{city_pub}", "publicity", 0.0),
    ],
    "news": [
        "市政府召开第{n}次常务会议",
        "市政府主要领导到{county}调研{topic}",
        "全市{meeting}召开",
        "市政府分管领导督导{county}{topic}工作",
    ],
    "words": {
        "city_plan": [
            "优化营商环境三年行动方案",
            "城市更新行动实施方案",
            "乡村振兴重点工作实施方案",
            "数字政府建设实施方案",
            "制造业高质量发展行动方案",
            "新型城镇化建设实施方案",
            "县域经济高质量发展工作方案",
            "农村人居环境整治提升行动方案",
        ],
        "plan_emergency": ["防汛应急预案", "突发环境事件应急预案", "自然灾害救助应急预案"],
        "city_work": ["春季农业生产", "安全生产大检查", "防汛抗旱", "冬季清洁取暖", "根治欠薪"],
        "city_decision": [
            "表彰{year}年度全市工业企业十强",
            "公布第{n}批市级非物质文化遗产代表性项目名录",
            "修改和废止部分市政府规章",
            "调整市级行政许可事项",
        ],
        "city_pub": ["民生实事完成情况", "城乡居民最低生活保障标准", "重点民生项目实施情况"],
        "meeting": [
            "优化营商环境工作会议",
            "项目建设观摩会",
            "安全生产工作会议",
            "政务公开工作会议",
        ],
        "topic": ["重点项目建设", "乡村振兴", "城市更新", "营商环境", "防汛备汛"],
        "purpose": [
            "深入贯彻落实省委、省政府决策部署，推动全市经济社会高质量发展",
            "持续优化营商环境，激发市场主体活力",
            "扎实推进乡村振兴，促进农业高质高效、乡村宜居宜业",
        ],
        "basis": ["《河南省人民政府关于{year}年重点工作的安排意见》", "国家和省有关规定"],
        "point": [
            "总体要求。坚持稳中求进工作总基调，完整准确全面贯彻新发展理念",
            "重点任务。各地各部门要围绕年度目标任务，细化工作措施，明确时间节点",
            "保障措施。加强组织领导，强化督导考核，确保各项任务落到实处",
        ],
        "detail": [
            "会议研究了{n}项议题，审议通过了有关文件",
            "调研中，详细了解了项目建设进度和存在的困难问题，现场协调解决",
            "会议总结了前一阶段工作，安排部署下一阶段重点任务",
        ],
        "closing": [
            "会议强调，各级各部门要以更大力度抓好落实，确保完成全年目标任务。",
            "下一步，市政府将持续跟踪督办，推动各项工作取得实效。",
        ],
        "goal": ["以高质量发展为主题，加快建设区域中心城市"],
        "task": ["扩大有效投资", "培育壮大主导产业", "持续改善民生", "推进城乡融合发展"],
        "subject": [
            "政府投资项目管理",
            "国有土地上房屋征收与补偿",
            "城市供水节水管理",
            "重大行政决策程序",
            "行政规范性文件制定和监督管理",
            "公共资源交易管理",
            "城市绿化管理",
            "促进民营经济高质量发展",
        ],
    },
    "stats": [("F04", "G17", "{year}年1—{month}月全市主要经济指标", "stats_economy")],
    "specials": [
        ("F04", "G17", "商丘市{prev}年国民经济和社会发展统计公报", "bulletin", 0.0),
        ("F03", "G08", "{year}年商丘市人民政府工作报告", "work_report", 0.0),
    ],
    "primary": "portal",
}

SUIYANG = {
    "topic": "T01",
    "doc": "睢政",
    "office_doc": "睢政办",
    "norm_doc": "睢政规",
    "reg": "SYZF",
    "office": "区政府办公室",
    "recipients": "各乡（镇）人民政府、街道办事处，区直各单位",
    "duty": "执行区人民代表大会及其常务委员会的决议，管理本行政区域内的经济和社会事务。",
    "notices": [
        ("F03", "G06", "睢阳区人民政府办公室关于印发睢阳区{dist_plan}的通知", "plan", 1.0),
        ("F15", "G06", "睢阳区人民政府办公室关于做好{year}年{dist_work}工作的通知", "notice", 1.0),
        ("F12", "G06", "睢阳区人民政府办公室关于印发睢阳区{plan_emergency}的通知", "plan", 1.0),
    ],
    "publicity": [
        ("F21", "G03", "关于{town}{land_use}征收土地的预公告", "publicity", 0.0),
        ("F11", "G03", "睢阳区{year}年{dist_pub}公示", "publicity", 0.0),
        ("F21", "G03", "睢阳区{town}国有土地上房屋征收补偿方案", "publicity", 0.0),
    ],
    "news": [
        "区政府召开第{n}次常务会议",
        "区政府召开{meeting}",
        "区领导到{town}调研{topic}",
        "区领导督导{town}{dist_work}工作",
        "睢阳区{topic}工作现场会在{town}召开",
        "{town}{progress}",
    ],
    "words": {
        "dist_plan": [
            "乡村振兴示范村建设实施方案",
            "农村生活垃圾治理工作方案",
            "高标准农田建设实施方案",
            "人居环境整治提升行动方案",
            "老旧小区改造实施方案",
            "商丘古城保护与利用实施方案",
        ],
        "plan_emergency": ["防汛应急预案", "森林防火应急预案", "突发公共卫生事件应急预案"],
        "dist_work": ["秸秆禁烧", "森林防火", "防汛", "冬春农田水利建设", "安全生产"],
        "land_use": ["城镇建设用地", "道路建设项目用地", "学校建设项目用地"],
        "dist_pub": [
            "城乡居民最低生活保障对象",
            "特困人员供养对象",
            "脱贫人口小额信贷贴息",
            "耕地地力保护补贴发放情况",
            "高标准农田建设项目",
        ],
        "meeting": [
            "乡村振兴工作推进会",
            "安全生产工作会议",
            "古城保护工作会议",
            "优化营商环境工作会议",
            "防汛工作会议",
        ],
        "topic": ["乡村振兴", "人居环境整治", "项目建设", "古城保护", "高标准农田建设"],
        "progress": [
            "人居环境整治见实效",
            "特色种植助农增收",
            "便民服务中心建设完成",
            "新建村级文化广场投入使用",
            "开展矛盾纠纷排查化解",
            "扶贫车间带动群众就近就业",
        ],
        "purpose": ["推进乡村全面振兴", "改善农村人居环境", "保障人民群众生命财产安全"],
        "basis": ["《商丘市人民政府关于{year}年重点工作的安排意见》", "国家和省、市有关规定"],
        "point": [
            "工作目标。按照时间节点完成年度目标任务",
            "工作措施。各乡（镇、街道）要落实属地责任，建立工作台账",
            "工作要求。加强督导检查，对工作不力的予以通报",
        ],
        "detail": ["会议研究了{n}项议题", "调研中，实地察看了项目建设情况", "当地群众对此普遍满意"],
        "closing": ["会议要求，各单位要压实责任，确保各项工作落到实处。"],
        "goal": ["推动全区经济社会高质量发展"],
        "task": ["推进项目建设", "改善人居环境", "保障和改善民生"],
        "subject": [
            "农村宅基地管理",
            "城区道路停车管理",
            "乡村振兴衔接资金项目管理",
            "国有土地上房屋征收补偿安置",
            "区级政府投资项目管理",
        ],
    },
    "stats": [("F04", "G17", "睢阳区{year}年1—{month}月主要经济指标", "stats_economy")],
}

PROFILES = {
    "411400": CITYGOV,
    "411400-gxw": GXW,
    "411400-czj": CZJ,
    "411400-jyj": _edu("商丘市", "市", "市教育局", "商教", SCHOOLS),
    "411400-hbj": HBJ,
    "411403": SUIYANG,
    "411403-jyj": _edu(
        "睢阳区",
        "区",
        "区教体局",
        "睢教体",
        [
            f"睢阳区{name}"
            for name in ("第一中学", "实验小学", "古城中学", "宋城小学", "郭村镇中心校")
        ],
    ),
}

NON_DISCLOSURE = [
    ("not_disclosed", "涉及商业秘密，公开会对第三方合法权益造成损害（《条例》第十五条）"),
    ("not_disclosed", "属于内部事务信息（《条例》第十六条第一款）"),
    ("not_disclosed", "属于过程性信息（《条例》第十六条第二款）"),
    ("on_request", "仅涉及特定申请人，依申请提供（《条例》第二十七条）"),
    ("on_request", "涉及个人隐私，经权利人同意后依申请提供（《条例》第十五条）"),
]


# ---------------------------------------------------------------------------------------------
# Bodies


def _p(*paragraphs) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs if text)


def _core(title: str) -> str:
    core = title.split("关于", 1)[-1]
    for suffix in ("的通知", "的通报", "的函", "的意见", "的决定"):
        core = core.removesuffix(suffix)
    return core


def _table(rng, rows: int) -> str:
    names = []
    while len(names) < rows:
        name = _company(rng)
        if name not in names:
            names.append(name)
    cells = "".join(
        f"<tr><td>{n}</td><td>{name}</td><td>{rng.choice(COUNTIES)}</td></tr>"
        for n, name in enumerate(names, start=1)
    )
    return f"<table><tr><th>序号</th><th>单位名称</th><th>所在地</th></tr>{cells}</table>"


class _Body:
    """Builds an item's body and summary from its kind and the profile's words."""

    def __init__(self, rng, profile, agency):
        self.rng = rng
        self.profile = profile
        self.agency = agency

    def __call__(self, kind, title, day, words):
        return getattr(self, kind)(title, day, words)

    def phone(self):
        base = (self.agency.office_phone or "0370-3250000")[:-4]
        return f"{base}{self.rng.randint(1000, 9999)}"

    def notice(self, title, day, w):
        deadline = day + dt.timedelta(days=self.rng.randint(10, 30))
        body = _p(
            f"{self.profile['recipients']}：",
            f"为{w['purpose']}，根据{w['basis']}有关要求，现就{_core(title)}有关事项通知如下：",
            f"一、{w['point']}。",
            f"二、{w['point']}。",
            f"三、有关要求。请各单位高度重视，明确专人负责，于{_day(deadline)}前将有关材料"
            f"（纸质版一式两份及电子版）报送{self.profile['office']}。逾期不再受理。",
            f"联系人：{_person(self.rng)}，联系电话：{self.phone()}。",
        )
        return body, f"就{_core(title)}有关事项作出安排。"

    def plan(self, title, day, w):
        name = title.split("印发")[-1].removesuffix("的通知").strip("《》")
        suffix = "方案" if "方案" in name else ("预案" if "预案" in name else "意见")
        body = _p(
            f"{self.profile['recipients']}：",
            f"现将《{name}》印发给你们，请结合实际，认真贯彻落实。",
            f"为{w['purpose']}，根据{w['basis']}，结合实际，制定本{suffix}。",
            f"一、总体要求。{w['goal']}。",
            f"二、主要任务。{w['task']}；{w['task']}。",
            "三、保障措施。加强组织领导，强化政策支持，严格督导考核，确保各项任务落到实处。",
        )
        return body, f"印发{name}，明确总体要求、主要任务和保障措施。"

    def appointment(self, title, day, w):
        names = [_person(self.rng) for _ in range(self.rng.randint(2, 4))]
        body = _p(
            f"{self.profile['recipients']}：",
            "经研究决定：",
            *[
                f"任命{n}为{self.rng.choice(['市发展和改革委员会', '市财政局', '市教育局', '市工业和信息化局'])}"
                f"{self.rng.choice(['副主任', '副局长', '总工程师'])}；"
                for n in names[:-1]
            ],
            f"免去{names[-1]}的{self.rng.choice(['市商务局副局长', '市统计局副局长'])}职务。",
        )
        return body, "市政府工作人员任免。"

    def publicity(self, title, day, w):
        end = day + dt.timedelta(days=7)
        body = _p(
            f"根据{w['basis']}，经单位申报、县（市、区）推荐、专家评审和实地核查，"
            f"现将{title.removeprefix('关于').removesuffix('的公示')}有关情况予以公布。",
            f"公示期为{_day(day)}至{_day(end)}。公示期间，任何单位和个人有异议的，可以书面形式向"
            f"{self.agency.name}{self.profile['office']}反映，并提供必要的证明材料。单位提出异议的"
            "须加盖公章，个人提出异议的须署真实姓名并提供联系方式。",
            f"联系电话：{self.phone()}",
        )
        return body + _table(self.rng, self.rng.randint(3, 8)), ""

    def news(self, title, day, w):
        details = self.profile["words"]["detail"]
        closings = self.profile["words"]["closing"]
        if "会" not in title:  # no "会议通报了……" under a visit or a campaign
            details = [d for d in details if not d.startswith(("会议", "与会"))] or details
            closings = [c for c in closings if not c.startswith("会议")] or closings
        first, second = self.rng.sample(details, 2) if len(details) > 1 else (details[0], "")
        body = _p(
            f"{day.month}月{day.day}日，{title}。{w.fill(first)}。",
            f"{w.fill(second)}。" if second else "",
            w.fill(self.rng.choice(closings)),
        )
        return body, ""

    def _pct(self, low=-3.0, high=12.0):
        return f"{self.rng.uniform(low, high):.1f}"

    def stats_industry(self, title, day, w):
        period = title.split("份")[0] if "月份" in title else title[:5] + "全年"
        industries = "、".join(
            self.rng.sample(["食品", "装备制造", "纺织服装", "制冷", "超硬材料", "化工"], 3)
        )
        body = _p(
            f"{period}，全市规模以上工业增加值同比增长{self._pct(4, 10)}%，增速高于全省平均水平"
            f"{self._pct(0.2, 2.5)}个百分点。",
            f"分行业看，{industries}等行业增长较快；六大高成长性制造业增加值增长{self._pct(6, 13)}%，"
            f"占全市规模以上工业的{self._pct(45, 60)}%。",
            f"分县区看，{w['county']}、{w['county']}增速居全市前列。全市规模以上工业企业实现主营业务"
            f"收入{self.rng.randint(800, 2400)}亿元，同比增长{self._pct(3, 12)}%。",
        )
        return body, f"{period}全市工业经济运行情况。"

    def stats_power(self, title, day, w):
        period = title.split("份")[0]
        body = _p(
            f"{period}，全市全社会用电量{self.rng.randint(40, 160)}亿千瓦时，同比增长{self._pct(1, 9)}%；"
            f"其中工业用电量{self.rng.randint(20, 90)}亿千瓦时，同比增长{self._pct(0, 10)}%。",
            f"从重点行业看，{w['cluster']}等产业集群用电量增长明显，反映出工业生产总体平稳。",
        )
        return body, ""

    def stats_finance(self, title, day, w):
        body = _p(
            f"{title.removesuffix('情况')}如下：全市一般公共预算收入{self.rng.randint(40, 180)}亿元，"
            f"同比增长{self._pct(-2, 9)}%，其中税收收入占比{self._pct(55, 72)}%。",
            f"全市一般公共预算支出{self.rng.randint(120, 480)}亿元，同比增长{self._pct(1, 10)}%，"
            f"民生支出占比{self._pct(74, 81)}%，教育、社会保障和就业、卫生健康等重点支出得到有效保障。",
        )
        return body, ""

    def stats_debt(self, title, day, w):
        body = _p(
            f"{title}：全市发行地方政府债券{self.rng.randint(50, 180)}亿元，其中新增一般债券"
            f"{self.rng.randint(5, 30)}亿元、新增专项债券{self.rng.randint(30, 120)}亿元、再融资债券"
            f"{self.rng.randint(10, 60)}亿元；还本付息{self.rng.randint(20, 80)}亿元。",
            "专项债券资金主要用于交通基础设施、市政和产业园区基础设施、保障性安居工程等领域。",
        )
        return body, ""

    def stats_edu(self, title, day, w):
        body = _p(
            f"全市共有各级各类学校{self.rng.randint(2400, 3200)}所，在校生{self.rng.randint(140, 190)}万人，"
            f"专任教师{self.rng.randint(9, 12)}万人。",
            f"学前教育毛入园率{self._pct(90, 96)}%，九年义务教育巩固率{self._pct(96, 99.5)}%，"
            f"高中阶段毛入学率{self._pct(91, 96)}%。",
        )
        return body, ""

    def stats_air(self, title, day, w):
        body = _p(
            f"{title.removesuffix('状况')}：全市PM10平均浓度{self.rng.randint(55, 120)}微克/立方米，"
            f"PM2.5平均浓度{self.rng.randint(30, 80)}微克/立方米，优良天数{self.rng.randint(12, 26)}天。",
            f"各县（市、区）中，{w['county']}、{w['county']}空气质量综合指数较好。",
        )
        return body, ""

    def stats_economy(self, title, day, w):
        body = _p(
            f"{title.removesuffix('主要经济指标').removesuffix('全市')}，地区生产总值同比增长{self._pct(3, 8)}%，规模以上工业"
            f"增加值增长{self._pct(3, 10)}%，固定资产投资增长{self._pct(2, 12)}%，社会消费品零售总额"
            f"增长{self._pct(3, 9)}%。",
            f"居民人均可支配收入增长{self._pct(4, 8)}%，居民消费价格上涨{self._pct(0, 2.5)}%。",
        )
        return body, ""

    def budget(self, title, day, w):
        total = self.rng.randint(800, 9000)
        basic = int(total * self.rng.uniform(0.4, 0.7))
        official = self.rng.uniform(3, 30)
        kind = "决算" if "决算" in title else "预算"
        body = _p(
            f"根据《中华人民共和国预算法》及有关规定，现将{title}公开如下。",
            f"一、部门主要职责。{self.profile['duty']}",
            f"二、收支总体情况。收入总计{total}万元，支出总计{total}万元，其中基本支出{basic}万元，"
            f"项目支出{total - basic}万元。",
            f"三、“三公”经费情况。“三公”经费{kind}{official:.2f}万元，其中因公出国（境）费0万元，"
            f"公务用车购置及运行维护费{official * 0.6:.2f}万元，公务接待费{official * 0.4:.2f}万元。",
            "四、其他重要事项说明。政府采购、国有资产占用、预算绩效等情况详见附表。",
        )
        return body, f"{title}，含“三公”经费。"

    def bulletin(self, title, day, w):
        year = title.split("年国民经济")[0][-4:]
        body = _p(
            f"{year}年，面对复杂严峻的外部环境，全市上下坚持稳中求进工作总基调，经济运行总体平稳。",
            f"一、综合。全年全市地区生产总值{self.rng.randint(2600, 3600)}亿元，比上年增长"
            f"{self._pct(3, 8)}%。其中，第一产业增加值增长{self._pct(2, 5)}%，第二产业增加值增长"
            f"{self._pct(3, 9)}%，第三产业增加值增长{self._pct(3, 9)}%。",
            f"二、工业和建筑业。全年规模以上工业增加值增长{self._pct(3, 10)}%，其中高技术制造业"
            f"增加值增长{self._pct(5, 20)}%。",
            f"三、人民生活。全年居民人均可支配收入{self.rng.randint(22000, 32000)}元，增长"
            f"{self._pct(4, 8)}%。",
        )
        return body, f"{year}年全市国民经济和社会发展主要情况。"

    def work_report(self, title, day, w):
        year = title[:4]
        body = _p(
            f"——{year}年1月在商丘市人民代表大会会议上",
            f"一、{int(year) - 1}年工作回顾。过去一年，全市经济运行稳中有进，主要经济指标好于预期，"
            "重点项目建设扎实推进，民生保障持续加强。",
            f"二、{year}年工作安排。{w['goal']}。重点抓好以下工作：{w['task']}；{w['task']}；"
            f"{w['task']}。",
            "三、加强政府自身建设。坚持依法行政，深化政务公开，持续改进作风，建设人民满意的服务型政府。",
        )
        return body, f"{year}年商丘市人民政府工作报告全文。"

    def budget_city(self, title, day, w):
        body = _p(
            f"{title}经市人民代表大会批准，现予公开。",
            f"市本级一般公共预算收入{self.rng.randint(40, 90)}亿元，一般公共预算支出"
            f"{self.rng.randint(90, 200)}亿元；政府性基金预算收入{self.rng.randint(30, 120)}亿元。",
            "有关预算表格及说明详见附件。",
        )
        return body, ""

    def report(self, title, day, w):
        year = title.split("年政府信息公开")[0][-4:]
        body = _p(
            f"根据《中华人民共和国政府信息公开条例》规定，{self.agency.name}编制了{year}年政府信息公开"
            "工作年度报告。",
            "报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开"
            "行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。",
            f"{year}年，{self.agency.name}主动公开政府信息{self.rng.randint(40, 400)}条，"
            f"收到政府信息公开申请{self.rng.randint(0, 12)}件，均按期答复。",
        )
        return body, f"{year}年政府信息公开工作年度报告。"

    def guide(self, title, day, w):
        body = _p(
            f"为方便公民、法人和其他组织获取{self.agency.name}的政府信息，根据《中华人民共和国政府信息"
            "公开条例》，编制本指南。",
            "一、主动公开。主动公开的政府信息通过本机关网站、政府门户网站、政务微博、政务微信等渠道公开。",
            f"二、依申请公开。申请人可通过网上申请、信函、当面等方式提出申请。受理机构："
            f"{self.agency.office_name}，地址：{self.agency.office_address}，电话：{self.agency.office_phone}。",
        )
        return body, ""

    def normative(self, title, day, w):
        name = title.split("印发")[-1].removesuffix("的通知").strip("《》")
        body = _p(
            f"{self.profile['recipients']}：",
            f"《{name}》已经研究同意，现印发给你们，请认真贯彻执行。",
            f"第一条 为{w['purpose']}，根据{w['basis']}，结合本市实际，制定本办法。",
            "第二条 本办法适用于本市行政区域内的相关管理活动。",
            f"第三条 {self.agency.name}负责本办法的组织实施和监督检查。",
            f"第四条 {w['task']}，具体程序由主管部门另行规定。",
            "第五条 本办法自印发之日起施行，有效期五年。",
        )
        return body, f"印发{name}。"

    def interpretation(self, title, day, w):
        name = title.split("《")[-1].split("》")[0]
        body = _p(
            f"一、出台背景。为{w['purpose']}，{self.agency.name}研究制定了《{name}》。",
            f"二、主要内容。《{name}》共分总则、职责分工、管理程序、监督检查和附则五个部分，"
            f"重点明确了{w['task']}等内容。",
            "三、政策亮点。一是简化办理程序，二是明确办理时限，三是强化监督问责。",
            f"四、解读机关及联系方式。解读机关：{self.agency.name}；联系电话：{self.phone()}。",
        )
        return body, f"对《{name}》的解读。"

    def approval(self, title, day, w):
        company = title.removeprefix("关于").split("环境影响")[0]
        body = _p(
            f"{company}：",
            "你单位报送的环境影响报告表及相关材料收悉。经研究，批复如下：",
            "一、该项目在全面落实报告表提出的各项污染防治措施后，环境不利影响能够得到缓解和控制。"
            "我局同意报告表中所列建设项目的性质、规模、地点和环境保护措施。",
            "二、项目建设必须严格执行环境保护设施与主体工程同时设计、同时施工、同时投产使用的"
            "“三同时”制度。项目竣工后，须按规定开展竣工环境保护验收。",
        )
        return body, ""

    def penalty(self, title, day, w):
        company = title.split("（")[-1].rstrip("）")
        amount = self.rng.randint(2, 30) * 10000
        body = _p(
            f"当事人：{company}。",
            f"经查，你单位存在{self.rng.choice(['未按规定运行大气污染防治设施', '超标排放水污染物', '未按规定设置危险废物识别标志'])}"
            "的环境违法行为。",
            f"依据《中华人民共和国环境保护法》及相关法律法规，我局决定对你单位处以罚款人民币{amount}元。",
            "如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。",
        )
        return body, ""


# ---------------------------------------------------------------------------------------------
# Rows


class _Book:
    """The rows of one agency's catalogue; `rows()` numbers them and orders them for import."""

    def __init__(self, agency, profile, rng, calendar):
        self.agency = agency
        self.profile = profile
        self.rng = rng
        self.calendar = calendar
        self.body = _Body(rng, profile, agency)
        self.entries: list[dict] = []
        # Titles are unique within a year (a 宣传月 or a 常务会议 comes back every year).
        self.titles: set[tuple[int, str]] = set()
        self.all_titles: set[str] = set()
        self._workdays: dict[int, list[dt.date]] = {}
        self.sequences: dict[str, int] = {}
        self.normatives: list[dict] = []

    # Days ------------------------------------------------------------------------------------

    def workdays(self, year: int) -> list[dt.date]:
        if year not in self._workdays:
            day, days = dt.date(year, 1, 1), []
            end = min(dt.date(year, 12, 31), LAST_PUBLISHED)
            while day <= end:
                try:
                    working = self.calendar.is_workday(day)
                except YearNotLoaded:
                    working = day.weekday() < 5
                if working:
                    days.append(day)
                day += dt.timedelta(days=1)
            self._workdays[year] = days
        return self._workdays[year]

    def on(self, year, month, day) -> dt.date:
        """The first working day on or after the date."""
        wanted = dt.date(year, month, day)
        return next(d for d in self.workdays(year) if d >= wanted)

    def any_day(self, year, month_from=1, month_to=12) -> dt.date:
        days = [d for d in self.workdays(year) if month_from <= d.month <= month_to]
        return self.rng.choice(days)

    def after(self, day: dt.date, workdays: int) -> dt.date:
        days = self.workdays(day.year)
        later = [d for d in days if d >= day]
        return later[min(workdays, len(later) - 1)]

    # Entries ---------------------------------------------------------------------------------

    def words(self, year, **fixed):
        return _Words(self.rng, self.profile["words"], year=str(year), prev=str(year - 1), **fixed)

    def unique(self, template: str, words, year: int) -> str | None:
        for _attempt in range(12):
            title = words.fill(template)
            if (year, title) not in self.titles:
                return title
        return None

    def add(
        self,
        title,
        day,
        codes,
        *,
        body_kind=None,
        words=None,
        body="",
        summary="",
        doc_prefix="",
        doc_number="",
        published=True,
        channels=(),
        news=False,
        **extra,
    ) -> dict:
        year = day.year
        words = words or self.words(year)
        if body_kind:
            body, summary = self.body(body_kind, title, day, words)
        if published:
            created = max(
                dt.date(year, 1, 1), day - dt.timedelta(days=self.rng.choice([0, 0, 1, 2, 3, 6]))
            )
        else:
            created = day
        if "_target" in extra:  # an interpretation is not older than its policy: rows stay in order
            created = max(created, extra["_target"]["created_on"])
        entry = {
            "title": title,
            "body": body,
            "summary": summary,
            "created_on": created,
            "published_on": day if published else None,
            "doc_number": doc_number,
            "_doc": doc_prefix,
            "_codes": codes,
            "_channels": list(channels),
            "_news": news,
            "_seq": len(self.entries),
            **extra,
        }
        self.titles.add((year, title))
        self.all_titles.add(title)
        self.entries.append(entry)
        return entry

    def template(self, spec, day, doc_share=None, **extra) -> dict | None:
        statutory, genre, template, kind, share = spec
        doc_share = share if doc_share is None else doc_share
        words = self.words(day.year, month=str(max(1, day.month - 1)))
        title = self.unique(template, words, day.year)
        if title is None:
            return None
        prefix = ""
        if self.rng.random() < doc_share:
            prefix = self.profile["doc"] if self.rng.random() < 0.8 else self.profile["office_doc"]
            prefix = self.profile.get("special_docs", {}).get(kind, prefix)
        topic = self.profile["topic"]
        return self.add(
            title,
            day,
            (statutory, genre, topic),
            body_kind=kind,
            words=words,
            doc_prefix=prefix,
            **extra,
        )

    def news(self, day, **extra) -> dict | None:
        words = self.words(day.year)
        title = self.unique(self.rng.choice(self.profile["news"]), words, day.year)
        if title is None:
            return None
        return self.add(
            title,
            day,
            ("F15", "G16", self.profile["topic"]),
            body_kind="news",
            words=words,
            news=True,
            **extra,
        )

    # Output ----------------------------------------------------------------------------------

    def rows(self) -> list[dict]:
        entries = sorted(self.entries, key=lambda e: (e["created_on"], e["_seq"]))
        prefix = self.agency.credit_code or self.agency.code
        doc_serials: dict[tuple, int] = {}
        for entry in entries:
            year = entry["created_on"].year
            statutory = entry["_codes"][0]
            scope = f"{year}/{statutory}"
            self.sequences[scope] = self.sequences.get(scope, 0) + 1
            entry["index_number"] = f"{prefix}/{statutory}-{year}-{self.sequences[scope]:05d}"
            if entry["_doc"] and not entry["doc_number"]:
                key = (entry["_doc"], year)
                doc_serials[key] = doc_serials.get(key, 0) + self.rng.choice([1, 1, 1, 2])
                entry["doc_number"] = f"{entry['_doc']}〔{year}〕{doc_serials[key]}号"
        rows = []
        for entry in entries:
            target = entry.pop("_target", None)
            if target is not None:
                entry["interprets"] = target["index_number"]
            row = {k: v for k, v in entry.items() if not k.startswith("_")}
            row["categories"] = ";".join(entry["_codes"])
            row["channels"] = ";".join(f"{c}:{d.isoformat()}" for c, d in entry["_channels"])
            row["created_on"] = entry["created_on"].isoformat()
            row["published_on"] = entry["published_on"].isoformat() if entry["published_on"] else ""
            rows.append(row)
        return rows


def _channels_for(book, entry, day, rng):
    """Channels of a 2019–2026 item: the agency's own website (the city's: the portal) and,
    for some, the portal, 微博, 微信, 公报 or the media a day or two later."""
    primary = book.profile.get("primary", "agency_website")
    chosen = [primary]
    if entry.get("_news"):
        chances = {"wechat": 0.35, "weibo": 0.2, "media": 0.08}
    else:
        chances = {"portal": 0.3, "wechat": 0.1}
        if book.agency.code == CITY:
            chances["gazette"] = 0.35
    for channel, chance in chances.items():
        if channel not in chosen and rng.random() < chance:
            chosen.append(channel)
    out = []
    for channel in chosen:
        when = day if channel == primary else day + dt.timedelta(days=rng.choice([0, 0, 1, 2]))
        if channel == "gazette":
            when = day + dt.timedelta(days=rng.randint(5, 25))
        out.append((channel, min(when, LAST_PUBLISHED)))
    return out


# ---------------------------------------------------------------------------------------------
# The seed agency's 2017


def _seed_2017(book: _Book, city_policy: dict) -> None:
    rng, y = book.rng, SEED_YEAR

    def on(month, day):
        return book.on(y, month, day)

    body = book.body

    def fixed(title, day, codes, kind=None, channel=None, **extra):
        entry = book.add(title, day, codes, body_kind=kind, **extra)
        entry["_fixed"] = channel
        return entry

    fixed(
        "商丘市工业和信息化委员会2017年部门预算",
        on(2, 8),
        ("F07", "G18", "T03"),
        "budget",
        "agency_website",
    )
    fixed(
        "商丘市工业和信息化委员会政府信息公开指南（2017年修订）",
        on(2, 20),
        ("F15", "G18", "T01"),
        "guide",
        "agency_website",
    )
    plan = fixed(
        "商丘市2017年企业服务工作实施方案",
        on(3, 16),
        ("F03", "G13", "T04"),
        channel="portal",
        doc_number="商企服〔2017〕6号",
        summary="实施高成长性工业企业培育，深入落实服务企业五项工作制度，支持工业企业开展大众创业万众创新。",
        body=_p(
            "各县（市、区）企业服务领导小组办公室，市企业服务领导小组各成员单位：",
            "为深入贯彻落实市委、市政府关于服务企业发展的决策部署，帮助企业破解发展难题，推动全市"
            "工业经济稳中向好，制定本方案。",
            "一、实施高成长性工业企业培育。筛选主营业务收入增长快、发展潜力大的工业企业建立培育库，"
            "在项目、资金、用地、融资等方面给予重点支持，力争全年新增主营业务收入超10亿元企业5家。",
            "二、深入落实服务企业五项工作制度。坚持领导分包联系重点企业、企业服务日、问题台账销号、"
            "重大问题会商、服务效果评价五项制度，做到企业有求必应、无事不扰。",
            "三、支持工业企业开展大众创业万众创新。依托市中小企业服务中心和小型微型企业创业创新示范"
            "基地，为创业创新主体提供政务办理、融资担保、人才招聘、法律咨询等八项服务。",
            "四、加强组织保障。各成员单位要明确分管领导和联络员，每月报送工作进展，市企业服务领导小组"
            "办公室定期通报。",
        ),
    )
    fixed(
        "商丘市工业和信息化委员会2016年政府信息公开工作年度报告",
        on(3, 29),
        ("F15", "G08", "T01"),
        "report",
        "portal",
    )
    fixed(
        "关于《关于支持工业企业开展大众创业万众创新的实施意见（征求意见稿）》公开征求意见的公告",
        on(4, 10),
        ("F03", "G03", "T04"),
        channel="agency_website",
        body=_p(
            "为广泛听取社会各界意见，提高决策的科学性和透明度，现将《关于支持工业企业开展大众创业"
            "万众创新的实施意见（征求意见稿）》全文公布，公开征求意见。",
            f"征求意见时间为{_day(on(4, 10))}至{_day(on(4, 10) + dt.timedelta(days=30))}。"
            "有关单位和个人可通过电子邮件、信函等方式提出意见建议。",
            "电子邮箱：gxw@shangqiu.example.cn。",
        ),
    )
    fixed(
        "市工信委主任刘明亮做客《行风热线》解答企业发展热点问题",
        on(4, 14),
        ("F15", "G16", "T04"),
        channel="media",
        body=_p(
            "4月14日，市政协副主席、市工商联主席、市工信委主任刘明亮做客商丘人民广播电台《行风热线》"
            "节目，针对工业经济发展下行压力增大、企业发展面临的困难和问题增多的现实状况，详细介绍了"
            "服务企业、帮助企业排忧解难、产业转型发展攻坚、助推企业智能化改造等方面的具体措施。",
            "节目中，刘明亮现场解答了听众的政策咨询，并安排随行人员对来电反映的具体问题进一步对接落实。",
        ),
    )
    fixed(
        "关于征集市级领导与企业家座谈会参会企业的公告",
        on(4, 20),
        ("F15", "G03", "T04"),
        channel="agency_website",
        body=_p(
            "为进一步畅通政企沟通渠道，听取企业家对全市经济发展的意见建议，市政府拟召开市级领导与"
            "企业家座谈会，现面向全市公开征集参会企业。",
            "凡在我市依法注册、生产经营正常的工业企业均可报名，请于公告发布之日起10个工作日内将"
            "报名表报送市工信委运行办。",
            f"联系电话：{body.phone()}。",
        ),
    )
    fixed(
        "《关于支持工业企业开展大众创业万众创新的实施意见》解读",
        on(5, 16),
        ("F03", "G15", "T04"),
        channel="agency_website",
        _target=plan,
        interpretation_form="text",
        summary="对《商丘市2017年企业服务工作实施方案》（商企服〔2017〕6号）中高成长性工业企业培育、"
        "服务企业五项工作制度等政策的解读。",
        body=_p(
            "一、出台背景。当前工业经济下行压力增大，企业在发展过程中面临的困难和问题增多。为支持工业"
            "企业开展大众创业万众创新，市企业服务领导小组印发了《商丘市2017年企业服务工作实施方案》"
            "（商企服〔2017〕6号）。",
            "二、高成长性工业企业培育。对纳入培育库的企业，实行一企一策、专人服务，在技术改造、"
            "智能化改造、融资担保等方面优先给予支持。",
            "三、服务企业五项工作制度。领导分包联系重点企业、企业服务日、问题台账销号、重大问题会商和"
            "服务效果评价五项制度，确保企业反映的问题件件有着落。",
            "四、创业创新服务。市中小企业服务中心提供政务办理、融资担保、电子商务、人才招聘、法律咨询、"
            "信息交流、创新创业、两化融合八项服务。",
            f"解读机关：商丘市工业和信息化委员会；联系电话：{body.phone()}。",
        ),
    )
    fixed(
        "关于神火集团商丘铝厂24万吨电解铝落后产能拆除情况的公告",
        on(5, 24),
        ("F13", "G03", "T04"),
        channel="portal",
        body=_p(
            "根据国家和省关于淘汰落后产能工作的部署，神火集团商丘铝厂24万吨电解铝生产线已全部拆除，"
            "经市工信委会同有关部门现场核查确认，现予以公告。",
            "欢迎社会各界对淘汰落后产能工作进行监督。",
        ),
    )
    fixed(
        "关于2017年开展阿里巴巴（商丘）产业带建设、电子商务示范市企业项目名单的公示",
        on(6, 12),
        ("F15", "G03", "T05"),
        "publicity",
        "portal",
    )
    fixed(
        "市政府与阿里巴巴集团签署《合作建设电子商务示范市战略合作协议》",
        on(6, 27),
        ("F15", "G16", "T05"),
        news=True,
        body=_p(
            "6月27日，商丘市人民政府与阿里巴巴集团签署《合作建设电子商务示范市战略合作协议》。"
            "双方将在阿里巴巴（商丘）产业带建设、跨境电商、农村淘宝、电商人才培训等方面开展全面合作。",
            "根据协议，阿里巴巴（商丘）产业带将重点引导针织童装、电动车、食品等特色产业企业入驻，"
            "打造“一带三展”电子商务发展格局。",
        ),
    )
    fixed(
        "关于2017年商丘市工业发展专项资金拟支持工业企业技术改造（机器换人）项目名单的公示",
        on(7, 18),
        ("F15", "G03", "T04"),
        "publicity",
        "portal",
        attachments="2017年机器换人项目名单.docx",
    )
    fixed(
        "市工信委主任刘明亮再次做客《行风热线》介绍“一带三展”有关情况",
        on(8, 14),
        ("F15", "G16", "T04"),
        channel="media",
        body=_p(
            "8月14日，市工信委主任刘明亮再次做客《行风热线》，重点介绍了2017年“一带三展”"
            "（阿里巴巴商丘产业带、针织童装展、电动车展、食品展）的基本情况。",
            "刘明亮表示，市工信委将继续在服务企业、支持企业做大做强等方面下功夫，节目现场解答了"
            "听众和观众的政策咨询。",
        ),
    )
    fixed(
        "商丘市工业和信息化委员会2016年部门决算",
        on(8, 28),
        ("F07", "G18", "T03"),
        "budget",
        "agency_website",
    )
    fixed(
        "2017年度商丘市“小型微型企业创业创新示范基地”拟定名单公示",
        on(9, 12),
        ("F15", "G03", "T04"),
        "publicity",
        "portal",
    )
    fixed(
        "关于印发《商丘市工业和信息化委员会12345政府服务热线实施方案》的通知",
        on(9, 20),
        ("F02", "G13", "T01"),
        "plan",
        "agency_website",
        doc_prefix="商工信",
    )
    fixed(
        "关于2017年度首台（套）重大技术装备奖励和保费补贴资金评审结果的公示",
        on(10, 20),
        ("F15", "G03", "T04"),
        "publicity",
        "portal",
    )
    fixed(
        "关于2017年度商丘市智能工厂和智能车间拟认定名单的公示",
        on(11, 15),
        ("F15", "G03", "T04"),
        "publicity",
        "portal",
        attachments="2017年度智能工厂智能车间拟认定名单.docx",
    )
    fixed(
        "关于公布2017年度商丘市智能工厂智能车间认定名单的通知",
        on(12, 5),
        ("F15", "G06", "T04"),
        "notice",
        "agency_website",
        doc_prefix="商工信",
    )
    fixed(
        "关于公布商丘市工业和信息化委员会规范性文件清理结果的公告",
        on(12, 12),
        ("F01", "G03", "T01"),
        channel="agency_website",
        body=_p(
            "根据市政府关于开展规范性文件清理工作的部署，我委对现行有效的规范性文件进行了全面清理。"
            "经清理，继续有效的规范性文件3件，宣布失效的1件，现予公布。",
            "清理结果自公布之日起执行。",
        ),
    )
    fixed(
        "关于公布2017年度商丘市质量标杆企业名单的通知",
        on(12, 15),
        ("F15", "G06", "T04"),
        "notice",
        doc_prefix="商工信",
    )
    fixed(
        "图解：《商丘市人民政府办公室关于促进酒业健康发展的意见》",
        on(12, 21),
        ("F03", "G15", "T04"),
        channel="portal",
        _target=city_policy,  # numbered with the city's rows, which are imported first
        interpretation_form="graphic",
        summary="以图解方式解读酒业发展目标、十大扶持措施和申报政府补贴条件。",
        body=_p(
            "【图解】《商丘市人民政府办公室关于促进酒业健康发展的意见》",
            "一图读懂·发展目标：做大做强本土白酒品牌，培育主营业务收入超亿元酒业企业，推动酒业与文化、"
            "旅游融合发展。",
            "一图读懂·十大扶持措施：品牌培育、技术改造、市场开拓、融资支持、人才引进、质量提升、"
            "园区集聚、电商销售、文化挖掘、服务保障。",
            "一图读懂·申报政府补贴条件：在我市注册的酒类生产企业，依法纳税、诚信经营，近三年未发生"
            "重大质量安全事故，按规定程序向所在县（市、区）工业和信息化主管部门申报。",
        ),
    )
    fixed(
        "市中小企业服务中心再次被工信部评为“国家中小企业公共服务示范平台”",
        on(12, 26),
        ("F15", "G16", "T04"),
        news=True,
        body=_p(
            "近日，工业和信息化部公布了国家中小企业公共服务示范平台名单，商丘市中小企业服务中心再次"
            "榜上有名。",
            "2017年，市中小企业服务中心共为2929家企业办理各类服务事项37300件，为129家中小企业担保融资"
            "6.8亿元；联合入驻机构开展线上线下人才招聘活动，3750家企业共提供就业岗位14900个，解决就业"
            "10090人；组织开展培训会63期，培训企业各类人才3006人。",
        ),
    )
    fixed(
        "商丘市工业和信息化委员会权力清单和责任清单（2017年动态调整）",
        on(12, 28),
        ("F02", "G18", "T01"),
        channel="agency_website",
        body=_p(
            "根据市政府推行权力清单、责任清单制度的要求，我委对全部34项权力事项及相应的责任事项进行了"
            "动态调整，现予以公布。",
            "清单包括行政许可、行政处罚、行政检查、行政奖励等类别，明确了每项权力的实施依据、责任事项"
            "和追责情形。",
        ),
    )
    # The 一带三展 and the monthly figures.
    for title, day in (
        ("阿里巴巴（商丘）产业带正式上线运营", on(7, 6)),
        ("首届中国（商丘）针织童装展开幕", on(9, 22)),
        ("2017商丘电动车展成功举办", on(10, 19)),
        ("2017商丘食品展圆满闭幕", on(11, 10)),
    ):
        book.add(
            title,
            day,
            ("F15", "G16", "T05"),
            body_kind="news",
            news=True,
        )
    book.add(
        "2016年全市工业经济运行情况", on(1, 20), ("F04", "G17", "T04"), body_kind="stats_industry"
    )
    for month in range(3, 13):
        period = f"1—{month - 1}月份" if month > 3 else "1—2月份"
        day = on(month, 18)
        book.add(
            f"2017年{period}全市工业经济运行情况",
            day,
            ("F04", "G17", "T04"),
            body_kind="stats_industry",
        )
    book.add(
        "2017年全市六大高成长性制造业发展情况",
        on(12, 29),
        ("F04", "G17", "T04"),
        body_kind="stats_industry",
    )
    # The rest: news, notices, 公示 and the odd letter or report, on any working day of 2017.
    specs = [spec for spec in GXW["notices"] if spec[1] != "G05"]  # no 意见 in 2017
    while len(book.entries) < SEED_TOTAL:
        day = book.any_day(y)
        roll = rng.random()
        if roll < 0.47:
            book.news(day)
        elif roll < 0.8:
            # The year's 文号 (商工信〔2017〕N号) went on its notices: about a third of all items.
            book.template(rng.choice(specs), day, doc_share=1.0)
        else:
            book.template(rng.choice(GXW["publicity"]), day)
    _seed_channels(book, rng)


def _seed_channels(book: _Book, rng) -> None:
    """Exactly the report's numbers; news to 微博, 微信 and media, documents to the portal."""
    quota = dict(SEED_CHANNELS)
    for entry in book.entries:
        channel = entry.pop("_fixed", None)
        if channel:
            entry["_channels"] = [(channel, entry["published_on"])]
            quota[channel] -= 1
    free = [e for e in book.entries if not e["_channels"]]
    news = [e for e in free if e["_news"]]
    rng.shuffle(news)
    documents = [e for e in free if not e["_news"]]
    rng.shuffle(documents)
    for channel in ("weibo", "wechat", "media"):
        for _ in range(quota[channel]):
            news.pop()["_channels"] = [(channel, None)]
    rest = news + documents
    pool = documents + news  # the portal takes documents first
    for entry in pool[: quota["portal"]]:
        entry["_channels"] = [("portal", None)]
    for entry in rest:
        if not entry["_channels"]:
            entry["_channels"] = [("agency_website", None)]
    for entry in book.entries:
        entry["_channels"] = [(c, entry["published_on"]) for c, _ in entry["_channels"]]
    assert len(book.entries) == SEED_TOTAL
    for channel, wanted in SEED_CHANNELS.items():
        assert sum(e["_channels"][0][0] == channel for e in book.entries) == wanted, channel


def _city_2017(book: _Book) -> dict:
    day = book.on(SEED_YEAR, 11, 8)
    return book.add(
        "商丘市人民政府办公室关于促进酒业健康发展的意见",
        day,
        ("F01", "G05", "T04"),
        doc_number="商政办〔2017〕68号",
        normative_number="SQZF-2017-011",
        channels=[("portal", day), ("gazette", book.on(SEED_YEAR, 11, 30))],
        summary="明确全市酒业发展目标、十大扶持措施和申报政府补贴的条件。",
        body=_p(
            "各县（市、区）人民政府，市人民政府各部门：",
            "酒业是我市传统优势产业。为促进我市酒业健康发展，做大做强本土酒业品牌，经市政府同意，"
            "现提出如下意见：",
            "一、发展目标。到2020年，全市酒业主营业务收入年均增长10%以上，培育主营业务收入超亿元"
            "酒业企业3家以上，打造在全省有影响力的白酒品牌。",
            "二、扶持措施。实施品牌培育、技术改造、市场开拓、融资支持、人才引进、质量提升、园区集聚、"
            "电商销售、文化挖掘、服务保障十大扶持措施。",
            "三、申报政府补贴条件。在我市注册的酒类生产企业，依法纳税、诚信经营，近三年未发生重大"
            "质量安全事故的，可按规定申报有关补贴。",
            "四、保障措施。市工信委牵头，市财政局、市市场监管局等部门配合，建立酒业发展联席会议制度。",
        ),
    )


# ---------------------------------------------------------------------------------------------
# 2019–2026 for every demo agency


def _year(book: _Book, year: int, normatives: list) -> None:
    rng, profile = book.rng, book.profile
    agency_name = book.agency.name
    target = rng.randint(30, 80)
    if year == LAST_PUBLISHED.year:
        target = target * 10 // 12
    published = []

    def keep(entry):
        if entry is not None:
            published.append(entry)
        return entry

    report_day = book.on(year, 3, 25) if year == 2019 else book.on(year, 1, rng.randint(15, 28))
    keep(
        book.add(
            f"{agency_name}{year - 1}年政府信息公开工作年度报告",
            report_day,
            ("F15", "G08", "T01"),
            body_kind="report",
        )
    )
    keep(
        book.add(
            f"{agency_name}{year}年部门预算",
            book.any_day(year, 2, 3),
            ("F07", "G18", "T03"),
            body_kind="budget",
        )
    )
    keep(
        book.add(
            f"{agency_name}{year - 1}年部门决算",
            book.any_day(year, 7, 9),
            ("F07", "G18", "T03"),
            body_kind="budget",
        )
    )
    if year in (2019, 2023):
        keep(
            book.add(
                f"{agency_name}政府信息公开指南（{year}年修订）",
                book.any_day(year, 4, 6),
                ("F15", "G18", "T01"),
                body_kind="guide",
            )
        )
    for spec in profile.get("specials", []):
        repeated = "{company}" in spec[2]  # 批复, 处罚: several a year; the rest once
        for _ in range(rng.randint(1, 4) if repeated else 1):
            keep(book.template(spec, book.any_day(year, 1, 11 if repeated else 3)))
    # Statistics: monthly where the agency publishes monthly, else once a year.
    for statutory, genre, template, kind in profile["stats"]:
        if profile.get("stats_monthly", True):
            months = sorted(rng.sample(range(3, 13), rng.randint(4, 9)))
        else:
            months = [rng.randint(3, 6)]
        for month in months:
            day = book.on(year, month, 15) if dt.date(year, month, 15) <= LAST_PUBLISHED else None
            if day is None:
                continue
            words = book.words(year, month=str(month - 1 if month > 2 else 2))
            title = words.fill(template)
            if (year, title) in book.titles:
                continue
            keep(
                book.add(
                    title, day, (statutory, genre, profile["topic"]), body_kind=kind, words=words
                )
            )
    # 规范性文件, some with a 解读.
    for _ in range(rng.randint(2, 4) if book.agency.code == CITY else rng.randint(1, 3)):
        _normative(book, year, normatives, keep)
    for _attempt in range(target * 10):  # a small vocabulary may run out of fresh titles
        if len(published) >= target:
            break
        day = book.any_day(year)
        roll = rng.random()
        if roll < 0.47:
            keep(book.news(day))
        elif roll < 0.78:
            keep(book.template(rng.choice(profile["notices"]), day))
        else:
            keep(book.template(rng.choice(profile["publicity"]), day))
    for entry in published:
        if not entry["_channels"]:
            entry["_channels"] = _channels_for(book, entry, entry["published_on"], rng)
        if year <= 2021 and entry["_codes"][1] == "G03" and rng.random() < 0.25:
            entry["validity"] = "expired"
    # Not for active disclosure: recorded, never published.
    for _ in range(rng.randint(0, 2)):
        disclosure, reason = rng.choice(NON_DISCLOSURE)
        spec = rng.choice(profile["notices"])
        entry = book.template(spec, book.any_day(year), published=False)
        if entry is not None:
            entry.update(disclosure=disclosure, non_disclosure_reason=reason)
    if year == LAST_PUBLISHED.year:
        for _ in range(rng.randint(1, 3)):
            day = DRAFTS_FROM + dt.timedelta(days=rng.randint(0, (DRAFTS_TO - DRAFTS_FROM).days))
            spec = rng.choice(profile["notices"] + profile["publicity"])
            book.template(spec, day, published=False)


def _normative(book: _Book, year: int, normatives: list, keep) -> None:
    rng, profile = book.rng, book.profile
    earlier = [n for n in normatives if n["_year"] < year and not n.get("_fate")]
    revising = earlier and rng.random() < 0.2
    if revising:
        old = rng.choice(earlier)
        subject = old["_subject"]
    else:
        subject = rng.choice(profile["words"]["subject"])
    place = "睢阳区" if book.agency.code.startswith("411403") else "商丘市"
    suffix = rng.choice(["办法", "办法", "实施细则", "暂行办法", "规定"])
    name = f"{place}{subject}{suffix}"
    if any(name in title for title in book.all_titles):
        name = f"{place}{subject}{suffix}（{year}年修订）"
    title = f"关于印发《{name}》的通知"
    if (year, title) in book.titles:
        return
    day = book.any_day(year, 1, 11)
    serial = sum(1 for n in normatives if n["_year"] == year) + 1
    entry = keep(
        book.add(
            title,
            day,
            ("F01", "G14", profile["topic"]),
            body_kind="normative",
            doc_prefix=profile["norm_doc"],
            normative_number=f"{profile['reg']}-{year}-{serial:03d}",
            _year=year,
            _subject=subject,
        )
    )
    entry["_channels"] = _channels_for(book, entry, day, rng)
    normatives.append(entry)
    if revising:
        old["_fate"] = ("revised", entry)
    elif year <= 2022 and rng.random() < 0.3:
        abolished = dt.date(rng.randint(year + 2, 2025), rng.randint(1, 12), rng.randint(1, 28))
        entry["_fate"] = ("abolished", abolished)
    if rng.random() < 0.6:
        form = rng.choices(["text", "graphic", "video"], weights=[70, 20, 10])[0]
        label = {"text": "《{}》政策解读", "graphic": "图解：《{}》", "video": "视频解读：《{}》"}[
            form
        ]
        when = book.after(day, rng.randint(0, 3))
        interpretation = keep(
            book.add(
                label.format(name),
                when,
                ("F01", "G15", profile["topic"]),
                body_kind="interpretation",
                _target=entry,
                interpretation_form=form,
            )
        )
        if form == "video":
            interpretation["video_url"] = (
                f"https://v.shangqiu.example.cn/jiedu/{year}/{serial:03d}.mp4"
            )


# ---------------------------------------------------------------------------------------------
# Attachments


def _docx(title: str, rng, rows: int) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "单位名称", "所在地"), strict=True):
        cell.text = text
    for n in range(1, rows + 1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = str(n), _company(rng), rng.choice(COUNTIES)
    properties = document.core_properties
    for name in ("author", "last_modified_by", "title", "subject", "keywords", "comments"):
        setattr(properties, name, "")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _attachments(books, rng) -> dict[str, bytes]:
    """Small DOCX name lists: the seed's 2017 ones, and one 名单 a year or so from 2024 on."""
    files = {}
    for book in books:
        lists = [
            e
            for e in book.entries
            if e["published_on"]
            and e["published_on"].year >= 2024
            and e["_codes"][1] == "G03"
            and "名单" in e["title"]
        ]
        for entry in rng.sample(lists, min(2, len(lists))):
            name = entry["title"].split("关于", 1)[-1]
            for suffix in ("的公示", "的公告", "公示", "公告"):
                name = name.removesuffix(suffix)
            entry["attachments"] = f"{name[:40]}.docx"
        for entry in book.entries:
            name = entry.get("attachments")
            if name and name not in files:
                files[name] = _docx(name.removesuffix(".docx"), rng, rng.randint(6, 15))
    return files


# ---------------------------------------------------------------------------------------------


def load_catalog(quiet: bool = False) -> dict:
    """Load the demo catalogue unless the seed agency has catalogue items already.
    Returns counts (all zero when nothing was loaded)."""
    counts = {"agencies": 0, "items": 0, "published": 0, "channels": 0, "normative": 0}
    counts |= {"interpretations": 0, "attachments": 0}
    agencies = load_agencies()
    if Item.objects.filter(agency=agencies[SEED_AGENCY_CODE]).exists():
        return counts
    started = time.monotonic()
    rng = random.Random(20170395)
    calendar = work_calendar()
    books = {code: _Book(agencies[code], PROFILES[code], rng, calendar) for code in AGENCIES}
    city_policy = _city_2017(books[CITY])
    for code in AGENCIES:
        for year in YEARS:
            _year(books[code], year, books[code].normatives)
    seed_book = _Book(agencies[SEED_AGENCY_CODE], GXW, rng, calendar)
    _seed_2017(seed_book, city_policy)
    # One book per agency: the seed's 2017 entries join its 2019–2026 ones.
    for entry in seed_book.entries:
        entry["_seq"] += 100_000
    books[SEED_AGENCY_CODE].entries[:0] = seed_book.entries
    files = _attachments(books.values(), rng)
    # AGENCIES starts with the city: the seed's 图解 takes the city policy's 索引号.
    rows = {code: books[code].rows() for code in AGENCIES}
    with transaction.atomic():
        for code in AGENCIES:
            items = catalog_import(
                actor=None,
                agency=agencies[code],
                rows=rows[code],
                source_name=f"{SOURCE}·{agencies[code].short_name or agencies[code].name}",
                read_attachment=files.get,
            )
            if not quiet:
                print(f"  {agencies[code].name}：{len(items)} 条")
        _register_fates(books.values())
        _save_sequences(books.values())
        _guides()
    loaded = Item.objects.filter(agency__in=[agencies[code] for code in AGENCIES])
    counts.update(
        agencies=len(AGENCIES),
        items=loaded.count(),
        published=loaded.filter(status="published").count(),
        channels=sum(
            len(r["channels"].split(";")) for rs in rows.values() for r in rs if r["channels"]
        ),
        normative=loaded.filter(normative__isnull=False).count(),
        interpretations=loaded.filter(interprets__isnull=False).count(),
        attachments=len(files),
    )
    if not quiet:
        print(f"  目录演示数据：{counts}，用时 {time.monotonic() - started:.1f} 秒")
    return counts


def _guides() -> None:
    """Version 1 of the 指南 for every demo agency whose office facts are complete."""
    from gongkai.agencies.models import Agency

    from .services.guide import (
        DEFAULT_ARRANGEMENT,
        DEFAULT_HOW_TO_OBTAIN,
        guide_save,
        missing_office_facts,
    )

    for agency in Agency.objects.order_by("path"):
        if not missing_office_facts(agency):
            guide_save(
                actor=None,
                agency=agency,
                arrangement=DEFAULT_ARRANGEMENT,
                how_to_obtain=DEFAULT_HOW_TO_OBTAIN,
            )


def _register_fates(books) -> None:
    """Abolish or mark as revised the 规范性文件 whose fate was drawn, through the services."""
    for book in books:
        for entry in book.normatives:
            fate = entry.get("_fate")
            if not fate:
                continue
            item = Item.objects.get(index_number=entry["index_number"])
            if fate[0] == "abolished":
                normative_register(
                    actor=None,
                    item=item,
                    issued_on=entry["created_on"],
                    registration_number=entry["normative_number"],
                    abolished_on=max(fate[1], entry["published_on"]),
                    abolition_note="根据规范性文件清理结果，宣布废止。",
                )
            else:
                replacement = Item.objects.get(index_number=fate[1]["index_number"])
                item_set_validity(
                    actor=None, item=item, validity=Item.Validity.REVISED, replaced_by=replacement
                )


def _save_sequences(books) -> None:
    """Leave the 索引号 sequences where the demo numbering stopped, so new items continue."""
    IndexSequence.objects.bulk_create(
        IndexSequence(agency=book.agency, scope=scope, last=last)
        for book in books
        for scope, last in book.sequences.items()
    )
