"""A deterministic synthetic corpus of Chinese government-disclosure items for bench/search.py.

`generate(n, seed)` yields `IndexDoc`s with doc_id 1..n. The same seed always gives the same
items in the same order, so the first k items of a large run are exactly `generate(k, seed)`
(the benchmark's recall check relies on this).

Each item looks like a catalogue entry of a municipal agency:

* a title from a few dozen templates (关于印发《商丘市2017年工业转型升级实施方案》的通知 ...);
* a 文号 such as 商工信〔2017〕12号, numbered consecutively per agency and year;
* a ~500-character body: salutation, purpose, three numbered sections of sentences, a sentence
  with figures and place names, a signature with the agency and date, a contact person;
* a publication time spread uniformly over 2008-01-01 .. 2026-06-30 (China time);
* facets: agency (the department and its city government, e.g. ["1", "2"]), category, year.

Sentences are drawn from a pool built once per seed out of several hundred phrases with
Zipf-like weights, so a few bigrams (工作, 建设, 发展 ...) occur in almost every item while
most occur rarely; names of people, villages and companies add a long tail of rare bigrams.
Generation runs at well over 50,000 items/s and keeps nothing per item in memory.
"""

import datetime
import itertools
import random
from bisect import bisect_right
from collections.abc import Iterator

from gongkai.search.backends.base import IndexDoc

CHINA = datetime.timezone(datetime.timedelta(hours=8), "CST")
START = datetime.datetime(2008, 1, 1, tzinfo=CHINA)
END = datetime.datetime(2026, 6, 30, 23, 59, 59, tzinfo=CHINA)
SPAN_SECONDS = int((END - START).total_seconds())
POOL_SIZE = 8192
TAIL_POOL_SIZE = 32768

# (city, 文号 abbreviation, counties)
CITIES = [
    ("商丘", "商", "梁园区 睢阳区 民权县 睢县 宁陵县 柘城县 虞城县 夏邑县 永城市"),
    ("郑州", "郑", "中原区 二七区 金水区 惠济区 中牟县 巩义市 荥阳市 新密市 新郑市 登封市"),
    ("开封", "汴", "龙亭区 顺河回族区 鼓楼区 禹王台区 祥符区 杞县 通许县 尉氏县 兰考县"),
    (
        "洛阳",
        "洛",
        "老城区 西工区 瀍河回族区 涧西区 偃师区 孟津区 新安县 栾川县 嵩县 汝阳县 宜阳县 洛宁县 伊川县",
    ),
    ("平顶山", "平", "新华区 卫东区 石龙区 湛河区 宝丰县 叶县 鲁山县 郏县 舞钢市 汝州市"),
    ("安阳", "安", "文峰区 北关区 殷都区 龙安区 安阳县 汤阴县 滑县 内黄县 林州市"),
    ("鹤壁", "鹤", "鹤山区 山城区 淇滨区 浚县 淇县"),
    (
        "新乡",
        "新",
        "红旗区 卫滨区 凤泉区 牧野区 新乡县 获嘉县 原阳县 延津县 封丘县 卫辉市 辉县市 长垣市",
    ),
    ("焦作", "焦", "解放区 中站区 马村区 山阳区 修武县 博爱县 武陟县 温县 沁阳市 孟州市"),
    ("濮阳", "濮", "华龙区 清丰县 南乐县 范县 台前县 濮阳县"),
    ("许昌", "许", "魏都区 建安区 鄢陵县 襄城县 禹州市 长葛市"),
    ("漯河", "漯", "源汇区 郾城区 召陵区 舞阳县 临颍县"),
    ("三门峡", "三", "湖滨区 陕州区 渑池县 卢氏县 义马市 灵宝市"),
    (
        "南阳",
        "宛",
        "宛城区 卧龙区 南召县 方城县 西峡县 镇平县 内乡县 淅川县 社旗县 唐河县 新野县 桐柏县 邓州市",
    ),
    ("信阳", "信", "浉河区 平桥区 罗山县 光山县 新县 商城县 固始县 潢川县 淮滨县 息县"),
    ("周口", "周", "川汇区 淮阳区 扶沟县 西华县 商水县 沈丘县 郸城县 太康县 鹿邑县 项城市"),
    ("驻马店", "驻", "驿城区 西平县 上蔡县 平舆县 正阳县 确山县 泌阳县 汝南县 遂平县 新蔡县"),
    ("济源", "济", "沁园街道 济水街道 北海街道 天坛街道 玉泉街道 克井镇 五龙口镇 轵城镇"),
]

# (department, 文号 abbreviation); the first is the city government itself.
DEPARTMENTS = [
    ("人民政府", "政"),
    ("工业和信息化局", "工信"),
    ("人民政府办公室", "政办"),
    ("发展和改革委员会", "发改"),
    ("财政局", "财"),
    ("教育局", "教"),
    ("住房和城乡建设局", "建"),
    ("生态环境局", "环"),
    ("市场监督管理局", "市场监管"),
    ("应急管理局", "应急"),
    ("农业农村局", "农"),
    ("人力资源和社会保障局", "人社"),
    ("自然资源和规划局", "自然资源"),
    ("交通运输局", "交"),
    ("卫生健康委员会", "卫健"),
    ("民政局", "民"),
    ("水利局", "水"),
    ("商务局", "商务"),
    ("文化广电和旅游局", "文广旅"),
    ("科学技术局", "科"),
    ("公安局", "公"),
    ("司法局", "司"),
    ("统计局", "统"),
    ("医疗保障局", "医保"),
]

CATEGORIES = [
    "通知公告",
    "政策文件",
    "工作动态",
    "规划计划",
    "财政预决算",
    "行政处罚",
    "行政许可",
    "人事信息",
    "建议提案办理",
    "统计数据",
    "政府信息公开年报",
    "应急管理",
]

TOPICS = [
    "工业转型升级",
    "安全生产大检查",
    "大气污染防治",
    "乡村振兴",
    "优化营商环境",
    "高标准农田建设",
    "义务教育均衡发展",
    "城镇老旧小区改造",
    "食品安全监督抽检",
    "河长制",
    "脱贫攻坚",
    "疫情防控",
    "森林防火",
    "秸秆禁烧",
    "全国文明城市创建",
    "扫黑除恶专项斗争",
    "减税降费",
    "招商引资",
    "安全生产月",
    "消防安全",
    "防汛抗旱",
    "政务公开",
    "数字政府建设",
    "人才引进",
    "农村人居环境整治",
    "危险化学品安全整治",
    "节能减排",
    "重点项目建设",
    "中小企业发展",
    "5G基站建设",
    "新能源汽车推广应用",
    "医疗保障",
    "住房公积金管理",
    "道路交通安全",
    "校园安全",
    "企业上云",
    "质量强市",
    "知识产权保护",
    "就业创业",
    "根治欠薪",
    "养老服务体系建设",
    "城乡居民医疗保险",
    "水污染防治",
    "土壤污染防治",
    "黑臭水体治理",
    "耕地保护",
    "粮食安全",
    "非洲猪瘟防控",
    "农产品质量安全",
    "冬季清洁取暖",
    "散煤治理",
    "扬尘污染治理",
    "建筑市场监管",
    "物业服务管理",
    "国有资产管理",
    "政府采购",
    "预算绩效管理",
    "审计整改",
    "统计执法检查",
    "第七次全国人口普查",
    "经济普查",
    "双随机一公开监管",
    "放管服改革",
    "一网通办",
    "信用体系建设",
    "社会救助",
    "残疾人两项补贴",
    "退役军人服务保障",
    "全民健身",
    "文物保护",
    "非物质文化遗产保护",
    "旅游市场整治",
    "地质灾害防治",
    "矿产资源管理",
    "林长制",
    "国土空间规划",
    "交通基础设施建设",
    "农村公路建设",
    "职业技能提升行动",
    "学前教育",
    "高中阶段教育普及",
    "爱国卫生运动",
    "家庭医生签约服务",
    "药品安全",
    "特种设备安全",
    "电梯安全",
    "燃气安全",
    "烟花爆竹安全管理",
    "网络安全",
    "保密工作",
    "法治政府建设",
    "普法宣传",
    "信访工作",
    "营商环境评价",
    "民营经济发展",
    "科技创新",
    "高新技术企业认定",
    "专精特新企业培育",
]

TITLES = [
    (40, "关于印发《{city}市{year}年{topic}实施方案》的通知"),
    (30, "关于开展{year}年{topic}工作的通知"),
    (20, "关于进一步加强{topic}工作的意见"),
    (20, "{city}市{dept}关于{topic}工作情况的通报"),
    (15, "关于{topic}有关事项的公告"),
    (12, "{city}市{dept}{year}年工作总结和{next}年工作计划"),
    (10, "{city}市{dept}{year}年政府信息公开工作年度报告"),
    (10, "{city}市{dept}{year}年部门预算公开"),
    (8, "{city}市{dept}{year}年部门决算公开"),
    (8, "关于对市人大代表第{n}号建议的答复"),
    (8, "关于对市政协委员第{n}号提案的答复"),
    (8, "行政处罚决定书（{wenhao}）"),
    (6, "关于{county}{topic}项目的批复"),
    (6, "关于公布{year}年度{topic}示范单位名单的通知"),
    (5, "{city}市{dept}关于{topic}的公示"),
    (5, "关于调整{city}市{topic}工作领导小组成员的通知"),
    (4, "关于{year}年{topic}专项资金分配方案的公示"),
    (4, "关于转发《{topic}管理办法》的通知"),
]

ADVERBS = [
    "进一步",
    "切实",
    "认真",
    "全面",
    "加快",
    "积极",
    "扎实",
    "深入",
    "持续",
    "大力",
    "不断",
    "着力",
    "统筹",
    "有序",
    "严格",
    "依法",
    "主动",
    "及时",
    "稳步",
    "协同",
    "广泛",
    "精准",
    "全力",
    "坚决",
    "科学",
]

VERBS = [
    "推进",
    "加强",
    "落实",
    "完善",
    "开展",
    "提升",
    "建立",
    "健全",
    "推动",
    "强化",
    "规范",
    "做好",
    "组织",
    "督促",
    "保障",
    "实施",
    "优化",
    "深化",
    "加大",
    "创新",
    "压实",
    "夯实",
    "构建",
    "培育",
    "整治",
    "排查",
    "抓好",
    "促进",
    "提高",
    "巩固",
    "拓展",
    "打造",
    "引导",
    "支持",
    "发挥",
    "统筹",
    "谋划",
    "部署",
    "研究",
    "制定",
    "修订",
    "指导",
    "协调",
    "监督",
    "检查",
    "考核",
    "评估",
    "总结",
    "宣传",
    "落细",
    "改进",
    "破解",
    "防范",
    "化解",
    "稳定",
    "保护",
    "治理",
]

OBJECTS = [
    "工作机制",
    "监督管理",
    "安全生产责任制",
    "风险隐患排查",
    "基础设施建设",
    "公共服务水平",
    "体制机制",
    "责任落实",
    "工作责任",
    "政策措施",
    "制度体系",
    "服务能力",
    "项目建设",
    "资金管理",
    "队伍建设",
    "宣传教育",
    "督导检查",
    "考核评价",
    "信息化建设",
    "标准化建设",
    "应急处置能力",
    "综合执法",
    "源头治理",
    "长效机制",
    "组织领导",
    "工作合力",
    "协调联动",
    "示范引领",
    "典型经验",
    "问题整改",
    "隐患治理",
    "重点任务",
    "目标任务",
    "工作方案",
    "实施细则",
    "管理办法",
    "服务质量",
    "营商环境",
    "市场秩序",
    "行业管理",
    "产业结构",
    "产业链",
    "供应链",
    "创新能力",
    "科技成果转化",
    "人才队伍",
    "干部作风",
    "党风廉政建设",
    "意识形态工作",
    "基层组织建设",
    "群众满意度",
    "民生保障",
    "社会稳定",
    "风险防控",
    "应急预案",
    "值班值守",
    "信息报送",
    "数据共享",
    "政务服务",
    "审批流程",
    "办事效率",
    "网上办理",
    "信用监管",
    "联合惩戒",
    "执法检查",
    "行政处罚",
    "行政许可",
    "备案管理",
    "资质审查",
    "项目申报",
    "资金拨付",
    "绩效评价",
    "预算管理",
    "财务管理",
    "国有资产",
    "政府采购",
    "招标投标",
    "合同管理",
    "档案管理",
    "统计调查",
    "数据质量",
    "监测预警",
    "环境质量",
    "污染排放",
    "生态修复",
    "绿色发展",
    "节能降耗",
    "清洁生产",
    "循环经济",
    "农业生产",
    "粮食生产",
    "农民增收",
    "农村改革",
    "土地流转",
    "基本农田",
    "水利设施",
    "农田水利",
    "饮水安全",
    "道路建设",
    "交通秩序",
    "运输市场",
    "公共交通",
    "住房保障",
    "城市管理",
    "市容环境",
    "垃圾分类",
    "污水处理",
    "供水供气",
    "集中供热",
    "教育质量",
    "师资队伍",
    "校园安全",
    "学生资助",
    "医疗服务",
    "公共卫生",
    "疾病预防控制",
    "健康教育",
    "食品药品安全",
    "社会保险",
    "就业服务",
    "技能培训",
    "劳动保障",
    "工资支付",
    "养老服务",
    "社会救助",
    "困难群众",
    "特殊群体",
    "未成年人保护",
    "社区治理",
    "网格化管理",
    "矛盾纠纷排查",
    "信访维稳",
    "法律服务",
    "普法教育",
    "文化惠民",
    "全民阅读",
    "文物保护",
    "旅游服务",
    "体育设施",
    "消防设施",
    "防灾减灾",
    "防汛物资",
    "森林资源",
    "野生动物保护",
    "国土空间",
    "耕地占补平衡",
    "不动产登记",
    "矿山整治",
    "企业服务",
    "惠企政策",
    "融资服务",
    "招商项目",
    "对外开放",
    "外贸进出口",
    "消费市场",
    "电子商务",
    "物流体系",
    "数字经济",
    "智能制造",
    "技术改造",
    "品牌建设",
    "质量提升",
    "计量检定",
    "特种设备",
    "知识产权",
    "专利申请",
    "统计执法",
    "普查工作",
    "人口监测",
    "退役军人服务",
    "双拥共建",
    "民族宗教工作",
    "保密管理",
    "网络安全",
    "舆情应对",
    "政务公开",
    "信息发布",
    "政策解读",
    "回应关切",
]

SUBJECTS = [
    "各县（市、区）",
    "各有关单位",
    "市直各部门",
    "各乡镇（街道）",
    "各级各部门",
    "各责任单位",
    "牵头单位",
    "主管部门",
    "各企业",
    "行业主管部门",
    "各成员单位",
    "属地政府",
    "各级党组织",
    "领导小组办公室",
    "相关职能部门",
]

RESULTS = [
    "确保各项任务落到实处",
    "取得明显成效",
    "形成工作合力",
    "不断提高群众满意度",
    "切实维护群众合法权益",
    "推动工作提质增效",
    "为经济社会高质量发展提供有力保障",
    "确保按时保质完成任务",
    "营造良好社会氛围",
    "坚决守住安全底线",
    "实现预期目标",
    "切实增强群众获得感",
    "提升人民群众幸福感和安全感",
    "筑牢安全防线",
    "确保工作有序推进",
    "推动政策措施落地见效",
    "防止问题反弹回潮",
    "形成常态长效",
    "确保不发生重大事故",
    "为全市发展大局作出积极贡献",
    "推动各项工作再上新台阶",
    "让群众少跑腿",
    "实现应收尽收",
    "实现应保尽保",
]

TIMES = [
    "今年以来",
    "近年来",
    "下一步",
    "截至目前",
    "上半年",
    "一季度",
    "第三季度",
    "全年",
    "活动期间",
    "检查期间",
    "专项行动期间",
    "汛期",
    "节假日期间",
    "春节前后",
    "年底前",
    "十四五时期",
    "新时代",
]

PRINCIPLES = [
    "坚持以人民为中心的发展思想",
    "坚持稳中求进工作总基调",
    "完整准确全面贯彻新发展理念",
    "坚持问题导向和目标导向",
    "坚持属地管理和分级负责",
    "坚持管行业必须管安全",
    "坚持依法行政",
    "坚持统筹发展和安全",
    "坚持党建引领",
    "坚持标本兼治综合治理",
    "坚持公开为常态不公开为例外",
    "坚持人民至上生命至上",
    "坚持节约优先保护优先自然恢复为主",
]

IMPORTANT = [
    "重要政治任务",
    "重中之重",
    "头等大事",
    "重要抓手",
    "突破口",
    "关键环节",
    "基础性工作",
    "民生实事",
]

HEADINGS = [
    "总体要求",
    "工作目标",
    "主要任务",
    "重点工作",
    "工作措施",
    "保障措施",
    "组织实施",
    "工作要求",
    "实施步骤",
    "基本情况",
    "存在问题",
    "下一步工作打算",
    "职责分工",
    "时间安排",
    "监督考核",
    "资金保障",
    "加强宣传",
    "主要做法",
    "工作成效",
    "有关要求",
]

UPPER = [
    "党中央国务院决策部署",
    "省委省政府工作要求",
    "市委市政府安排部署",
    "习近平总书记重要讲话精神",
    "党的二十大精神",
    "党的十九大精神",
    "上级有关文件精神",
    "全国安全生产电视电话会议精神",
]

LAWS = [
    "《中华人民共和国安全生产法》",
    "《中华人民共和国政府信息公开条例》",
    "《中华人民共和国环境保护法》",
    "《中华人民共和国行政处罚法》",
    "《中华人民共和国食品安全法》",
    "《中华人民共和国预算法》",
    "《优化营商环境条例》",
    "《中华人民共和国行政许可法》",
    "《中华人民共和国消防法》",
    "《中华人民共和国土地管理法》",
    "《中华人民共和国统计法》",
    "《中华人民共和国就业促进法》",
]

SALUTATIONS = [
    "各县（市、区）人民政府，市直各有关单位：",
    "各县（市、区）发展改革委，各有关单位：",
    "各乡镇人民政府、街道办事处，各有关部门：",
    "各县（市、区）主管部门，各有关企业：",
    "各成员单位：",
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "建国军华明伟芳娜敏静丽强磊洋艳勇杰娟涛超秀英霞平刚桂兰玉红志宏海燕鹏飞辉斌波宇浩凯俊峰晨雪琳婷晶欣怡佳嘉颖梦瑶昊然子轩博文思远天佑春生秋菊冬梅国庆振华德胜永福长青连成"
PLACE = "东西南北中前后上下大小新老王李张刘陈杨赵黄周吴孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁许沈吕苏蒋蔡贾丁魏薛叶余潘杜夏田任姜范方石姚廖邹金陆郝孔白崔康毛邱秦史顾侯孟龙段雷钱汤尹常乔贺关桥河湖山岗坡营集寨店庄楼屯堂寺庙湾洼滩坪岭口井园林"
SUFFIX_VILLAGE = ["村", "庄村", "集村", "寨村", "营村", "楼村", "屯村", "湾村"]
SUFFIX_TOWN = ["镇", "乡", "街道"]
COMPANY_KIND = [
    "机械制造有限公司",
    "食品有限公司",
    "建筑工程有限公司",
    "化工有限公司",
    "纺织有限公司",
    "新材料科技有限公司",
    "商贸有限公司",
    "农业开发有限公司",
    "物流有限公司",
    "电子科技有限公司",
    "医药有限公司",
    "环保科技有限公司",
]

FIGURES = [
    "共检查企业{a}家，发现问题隐患{b}处，已整改{c}处，整改率{p}%。",
    "全年累计投入资金{m}万元，完成{obj}项目{a}个，惠及群众{n}人。",
    "在{county}{town}{village}召开现场推进会，{company}等{a}家单位作交流发言。",
    "对{company}作出罚款人民币{m}元的行政处罚，并责令限期改正。",
    "下达专项资金{m}万元，其中{county}{a}万元，用于{obj}。",
    "截至{month}月底，已办理{obj}事项{n}件，按时办结率{p}%。",
    "受理政府信息公开申请{a}件，其中当面申请{b}件、网络申请{c}件，均已按期答复。",
    "{county}{town}新建{obj}设施{a}处，覆盖{village}等{b}个行政村。",
]
CLOSINGS = [
    "联系人：{name}，联系电话：0370-{tel}。",
    "特此通知。",
    "请各单位于{month}月{day}日前将有关材料报送{dept}，联系人：{name}，电话：{tel}。",
    "本方案自印发之日起施行。",
    "监督电话：12345，电子邮箱：{email}@{city_py}.gov.cn。",
]
OPENINGS = [
    "为深入贯彻落实{upper}，根据{law}等有关规定，结合我市实际，现就{topic}有关事项通知如下。",
    "根据{law}和{upper}，经{agency}研究，现将{topic}有关情况报告如下。",
    "{time}，我市认真贯彻落实{upper}，围绕{topic}扎实做好各项工作，现将有关情况公布如下。",
    "为进一步做好{topic}工作，按照{upper}要求，制定本方案。",
    "依据{law}，现将{topic}有关事项公告如下。",
    "{agency}高度重视{topic}，成立工作专班，明确责任分工，各项工作有序推进。",
]
CITY_PY = [
    "sq",
    "zz",
    "kf",
    "ly",
    "pds",
    "ay",
    "hb",
    "xx",
    "jz",
    "py",
    "xc",
    "lh",
    "smx",
    "ny",
    "xy",
    "zk",
    "zmd",
    "jy",
]
NUMERALS = "一二三四五六七八九十"


def _zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for n ranked items."""
    return list(itertools.accumulate(1.0 / (rank**s) for rank in range(1, n + 1)))


class _Vocabulary:
    """Pools and weights built once per seed."""

    def __init__(self, rng: random.Random):
        self.adverbs, self.adverbs_w = ADVERBS, _zipf(len(ADVERBS), 0.8)
        self.verbs, self.verbs_w = VERBS, _zipf(len(VERBS), 0.9)
        self.objects, self.objects_w = OBJECTS, _zipf(len(OBJECTS), 1.0)
        self.topics, self.topics_w = TOPICS, _zipf(len(TOPICS), 0.9)
        self.headings, self.headings_w = HEADINGS, _zipf(len(HEADINGS), 0.7)
        self.titles = [t for _w, t in TITLES]
        self.titles_w = list(itertools.accumulate(w for w, _t in TITLES))
        self.city_w = _zipf(len(CITIES), 0.8)
        self.dept_w = _zipf(len(DEPARTMENTS), 0.6)
        self.counties = [c.split() for _n, _a, c in CITIES]
        self.sentences = [self._sentence(rng) for _ in range(POOL_SIZE)]
        self.sentences_w = _zipf(POOL_SIZE, 0.6)
        # Agencies: ids 1.. in city order, the city government first (the others' parent).
        self.agency_ids = {}
        next_id = 1
        for c in range(len(CITIES)):
            for d in range(len(DEPARTMENTS)):
                self.agency_ids[c, d] = next_id
                next_id += 1

    def _sentence(self, rng: random.Random) -> str:
        def pick(items, weights):
            return rng.choices(items, cum_weights=weights)[0]

        def act():
            return (
                pick(self.adverbs, self.adverbs_w)
                + pick(self.verbs, self.verbs_w)
                + pick(self.objects, self.objects_w)
            )

        kind = rng.random()
        if kind < 0.30:
            return f"{act()}，{act()}。"
        if kind < 0.50:
            return f"{rng.choice(SUBJECTS)}要{act()}，{rng.choice(RESULTS)}。"
        if kind < 0.70:
            return f"{rng.choice(TIMES)}，{rng.choice(SUBJECTS)}{act()}，{act()}，{rng.choice(RESULTS)}。"
        if kind < 0.80:
            return f"{rng.choice(PRINCIPLES)}，{act()}。"
        if kind < 0.90:
            obj = pick(self.objects, self.objects_w)
            return f"把{obj}作为{rng.choice(IMPORTANT)}，{act()}，{rng.choice(RESULTS)}。"
        return f"{act()}、{pick(self.objects, self.objects_w)}和{pick(self.objects, self.objects_w)}，{rng.choice(RESULTS)}。"


def generate(n: int, seed: int = 1) -> Iterator[IndexDoc]:
    """Items 1..n; deterministic for a given seed."""
    rng = random.Random(seed)
    vocab = _Vocabulary(random.Random(seed * 7919 + 1))
    rand = rng.random

    # random.choice/choices/randint cost microseconds each; these inline forms are 3-5x faster.
    def pick(items):
        return items[int(rand() * len(items))]

    def weighted(items, cum_weights, total):
        return items[bisect_right(cum_weights, rand() * total)]

    def number(low, high):
        return low + int(rand() * (high - low + 1))

    def place():
        return pick(PLACE) + pick(PLACE)

    sentences, sentences_w = vocab.sentences, vocab.sentences_w
    sentences_total = sentences_w[-1]
    topics, topics_w, topics_total = vocab.topics, vocab.topics_w, vocab.topics_w[-1]
    titles, titles_w, titles_total = vocab.titles, vocab.titles_w, vocab.titles_w[-1]
    objects, objects_w, objects_total = vocab.objects, vocab.objects_w, vocab.objects_w[-1]
    headings, headings_w, headings_total = vocab.headings, vocab.headings_w, vocab.headings_w[-1]
    city_ids, city_w, city_total = range(len(CITIES)), vocab.city_w, vocab.city_w[-1]
    dept_ids, dept_w, dept_total = range(len(DEPARTMENTS)), vocab.dept_w, vocab.dept_w[-1]
    cat_ids, cat_w, cat_total = [str(i + 1) for i in range(len(CATEGORIES))], _CAT_W, _CAT_W[-1]
    agency_ids = {key: str(value) for key, value in vocab.agency_ids.items()}
    # Sentences with figures, places, companies and people vary the most; drawing them from
    # pools of 32,768 keeps generation fast and still gives a long tail of rare terms.
    figure_pool = [
        pick(FIGURES).format(
            a=number(2, 400),
            b=number(1, 120),
            c=number(1, 90),
            p=number(60, 100),
            m=number(1, 99999),
            n=number(100, 200000),
            month=number(1, 12),
            obj=weighted(objects, objects_w, objects_total),
            county="{county}",
            town=place() + pick(SUFFIX_TOWN),
            village=place() + pick(SUFFIX_VILLAGE),
            company=pick(CITIES)[0] + place() + pick(COMPANY_KIND),
        )
        for _ in range(TAIL_POOL_SIZE)
    ]
    closing_pool = [
        pick(CLOSINGS).format(
            name=pick(SURNAMES) + pick(GIVEN) + (pick(GIVEN) if rand() < 0.7 else ""),
            tel=number(1000000, 9999999),
            month=number(1, 12),
            day=number(1, 28),
            dept="{dept}",
            email="{email}",
            city_py="{city_py}",
        )
        for _ in range(TAIL_POOL_SIZE)
    ]
    counters: dict[tuple[int, int, int], int] = {}
    for doc_id in range(1, n + 1):
        published = START + datetime.timedelta(seconds=int(rand() * SPAN_SECONDS))
        year = published.year
        c = weighted(city_ids, city_w, city_total)
        d = weighted(dept_ids, dept_w, dept_total)
        city, city_abbr, _counties = CITIES[c]
        dept, dept_abbr = DEPARTMENTS[d]
        key = (c, d, year)
        serial = counters[key] = counters.get(key, 0) + 1
        wenhao = f"{city_abbr}{dept_abbr}〔{year}〕{serial}号"
        topic = weighted(topics, topics_w, topics_total)
        county = pick(vocab.counties[c])
        agency = f"{city}市{dept}"
        title = weighted(titles, titles_w, titles_total).format(
            city=city,
            year=year - (rand() < 0.3),
            next=year + 1,
            topic=topic,
            dept=dept,
            n=number(1, 300),
            wenhao=wenhao,
            county=county,
        )
        s = [sentences[bisect_right(sentences_w, rand() * sentences_total)] for _ in range(11)]
        figures = figure_pool[int(rand() * TAIL_POOL_SIZE)].replace("{county}", county)
        closing = closing_pool[int(rand() * TAIL_POOL_SIZE)].format(
            dept=agency, email=f"{dept_abbr}{number(1, 99)}", city_py=CITY_PY[c]
        )
        opening = pick(OPENINGS).format(
            upper=pick(UPPER), law=pick(LAWS), topic=topic, agency=agency, time=pick(TIMES)
        )
        h1 = weighted(headings, headings_w, headings_total)
        h2 = weighted(headings, headings_w, headings_total)
        h3 = weighted(headings, headings_w, headings_total)
        layout = rand()
        if layout < 0.5:  # numbered sections with headings
            middle = (
                "一、",
                h1,
                "\n",
                s[0],
                s[1],
                s[2],
                "\n",
                "二、",
                h2,
                "\n",
                s[3],
                s[4],
                s[5],
                figures,
                "\n",
                "三、",
                h3,
                "\n",
                s[6],
                s[7],
                s[8],
                s[9],
                s[10],
                "\n",
            )
        elif layout < 0.75:  # sub-numbered paragraphs
            middle = (
                "（一）",
                h1,
                "。",
                s[0],
                s[1],
                s[2],
                s[3],
                "\n（二）",
                h2,
                "。",
                s[4],
                s[5],
                figures,
                s[6],
                "\n（三）",
                h3,
                "。",
                s[7],
                s[8],
                s[9],
                s[10],
                "\n",
            )
        else:  # plain paragraphs
            middle = (
                s[0],
                s[1],
                s[2],
                s[3],
                s[4],
                "\n",
                figures,
                s[5],
                s[6],
                s[7],
                s[8],
                s[9],
                s[10],
                "\n",
            )
        body = "".join(
            (
                wenhao,
                "\n",
                pick(SALUTATIONS) if rand() < 0.6 else "",
                opening,
                "\n",
                *middle,
                closing,
                "\n",
                agency,
                "\n",
                f"{published.year}年{published.month}月{published.day}日",
            )
        )
        yield IndexDoc(
            doc_id=doc_id,
            published=published,
            title=title,
            body=body,
            facets={
                "agency": [agency_ids[c, 0], agency_ids[c, d]] if d else [agency_ids[c, 0]],
                "category": [weighted(cat_ids, cat_w, cat_total)],
                "year": [str(year)],
            },
        )


_CAT_W = _zipf(len(CATEGORIES), 0.7)


if __name__ == "__main__":  # a quick look: python bench/corpus.py [n]
    import sys
    import time

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    if count <= 5:
        for item in generate(count):
            print(item.doc_id, item.published, item.facets, item.title, len(item.body))
            print(item.body, "\n")
    else:
        started = time.perf_counter()
        chars = sum(len(item.title) + len(item.body) for item in generate(count))
        elapsed = time.perf_counter() - started
        print(f"{count} items, {chars / count:.0f} chars each, {count / elapsed:,.0f} items/s")
