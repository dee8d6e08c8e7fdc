"""The categories every agency starts with: the statutory items of Regulation 2019 Art. 20–21,
and common topic (主题) and genre (体裁) classes. Loaded after every migrate (missing ones
only), so a test database or a fresh install always has them; agencies add their own."""

STATUTORY = [
    ("F01", "行政法规、规章和规范性文件", "第二十条第（一）项"),
    ("F02", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名", "第二十条第（二）项"),
    ("F03", "国民经济和社会发展规划、专项规划、区域规划及相关政策", "第二十条第（三）项"),
    ("F04", "国民经济和社会发展统计信息", "第二十条第（四）项"),
    ("F05", "行政许可和其他对外管理服务事项", "第二十条第（五）项"),
    ("F06", "行政处罚、行政强制", "第二十条第（六）项"),
    ("F07", "财政预算、决算信息", "第二十条第（七）项"),
    ("F08", "行政事业性收费项目及其依据、标准", "第二十条第（八）项"),
    ("F09", "政府集中采购项目的目录、标准及实施情况", "第二十条第（九）项"),
    ("F10", "重大建设项目的批准和实施情况", "第二十条第（十）项"),
    (
        "F11",
        "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
        "第二十条第（十一）项",
    ),
    ("F12", "突发公共事件的应急预案、预警信息及应对情况", "第二十条第（十二）项"),
    (
        "F13",
        "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
        "第二十条第（十三）项",
    ),
    ("F14", "公务员招考的职位、名额、报考条件等事项以及录用结果", "第二十条第（十四）项"),
    ("F15", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", "第二十条第（十五）项"),
    ("F21", "市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助", "第二十一条"),
]
TOPICS = [
    ("T01", "综合政务"),
    ("T02", "国民经济管理"),
    ("T03", "财政、金融、审计"),
    ("T04", "工业、交通"),
    ("T05", "商贸、海关、旅游"),
    ("T06", "城乡建设、环境保护"),
    ("T07", "农业、林业、水利"),
    ("T08", "科技、教育"),
    ("T09", "文化、广电、新闻出版"),
    ("T10", "卫生、体育"),
    ("T11", "劳动、人事、监察"),
    ("T12", "公安、安全、司法"),
    ("T13", "民政、扶贫、救灾"),
    ("T14", "市场监管、安全生产监管"),
    ("T15", "其他"),
]
GENRES = [
    ("G01", "命令（令）"),
    ("G02", "决定"),
    ("G03", "公告"),
    ("G04", "通告"),
    ("G05", "意见"),
    ("G06", "通知"),
    ("G07", "通报"),
    ("G08", "报告"),
    ("G09", "批复"),
    ("G10", "函"),
    ("G11", "纪要"),
    ("G12", "规划"),
    ("G13", "方案"),
    ("G14", "办法"),
    ("G15", "政策解读"),
    ("G16", "工作动态"),
    ("G17", "统计信息"),
    ("G18", "其他"),
]


def load_default_categories(using: str = "default", **_kwargs) -> int:
    """Create the global categories that are missing; returns how many were created."""
    from gongkai.core.models import tables_exist

    from .models import Category

    if not tables_exist(Category, using=using):
        return 0
    wanted = [(Category.Facet.STATUTORY, code, name, basis) for code, name, basis in STATUTORY]
    wanted += [(Category.Facet.TOPIC, code, name, "") for code, name in TOPICS]
    wanted += [(Category.Facet.GENRE, code, name, "") for code, name in GENRES]
    existing = set(
        Category.objects.using(using).filter(agency__isnull=True).values_list("facet", "code")
    )
    missing = [
        Category(facet=facet, code=code, name=name, basis=basis, sort_order=position)
        for position, (facet, code, name, basis) in enumerate(wanted)
        if (facet, code) not in existing
    ]
    Category.objects.using(using).bulk_create(missing)
    return len(missing)
