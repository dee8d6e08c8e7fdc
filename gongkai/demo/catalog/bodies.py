"""The body and summary of a generated catalogue item, by its kind (notice, plan, publicity,
news, statistics, budget, report, guide, normative, interpretation, approval, penalty)."""

import datetime as dt

from ..data.catalog_words import COUNTIES
from .words import company, long_date, person


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts if text)


def title_core(title: str) -> str:
    core = title.split("关于", 1)[-1]
    for suffix in ("的通知", "的通报", "的函", "的意见", "的决定"):
        core = core.removesuffix(suffix)
    return core


def name_table(rng, rows: int) -> str:
    names = []
    while len(names) < rows:
        name = company(rng)
        if name not in names:
            names.append(name)
    cells = "".join(
        f"<tr><td>{n}</td><td>{name}</td><td>{rng.choice(COUNTIES)}</td></tr>"
        for n, name in enumerate(names, start=1)
    )
    return f"<table><tr><th>序号</th><th>单位名称</th><th>所在地</th></tr>{cells}</table>"


class Body:
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
        body = paragraphs(
            f"{self.profile['recipients']}：",
            f"为{w['purpose']}，根据{w['basis']}有关要求，现就{title_core(title)}有关事项通知如下：",
            f"一、{w['point']}。",
            f"二、{w['point']}。",
            f"三、有关要求。请各单位高度重视，明确专人负责，于{long_date(deadline)}前将有关材料"
            f"（纸质版一式两份及电子版）报送{self.profile['office']}。逾期不再受理。",
            f"联系人：{person(self.rng)}，联系电话：{self.phone()}。",
        )
        return body, f"就{title_core(title)}有关事项作出安排。"

    def plan(self, title, day, w):
        name = title.split("印发")[-1].removesuffix("的通知").strip("《》")
        suffix = "方案" if "方案" in name else ("预案" if "预案" in name else "意见")
        body = paragraphs(
            f"{self.profile['recipients']}：",
            f"现将《{name}》印发给你们，请结合实际，认真贯彻落实。",
            f"为{w['purpose']}，根据{w['basis']}，结合实际，制定本{suffix}。",
            f"一、总体要求。{w['goal']}。",
            f"二、主要任务。{w['task']}；{w['task']}。",
            "三、保障措施。加强组织领导，强化政策支持，严格督导考核，确保各项任务落到实处。",
        )
        return body, f"印发{name}，明确总体要求、主要任务和保障措施。"

    def appointment(self, title, day, w):
        names = [person(self.rng) for _ in range(self.rng.randint(2, 4))]
        body = paragraphs(
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
        body = paragraphs(
            f"根据{w['basis']}，经单位申报、县（市、区）推荐、专家评审和实地核查，"
            f"现将{title.removeprefix('关于').removesuffix('的公示')}有关情况予以公布。",
            f"公示期为{long_date(day)}至{long_date(end)}。公示期间，任何单位和个人有异议的，可以书面形式向"
            f"{self.agency.name}{self.profile['office']}反映，并提供必要的证明材料。单位提出异议的"
            "须加盖公章，个人提出异议的须署真实姓名并提供联系方式。",
            f"联系电话：{self.phone()}",
        )
        return body + name_table(self.rng, self.rng.randint(3, 8)), ""

    def news(self, title, day, w):
        details = self.profile["words"]["detail"]
        closings = self.profile["words"]["closing"]
        if "会" not in title:  # no "会议通报了……" under a visit or a campaign
            details = [d for d in details if not d.startswith(("会议", "与会"))] or details
            closings = [c for c in closings if not c.startswith("会议")] or closings
        first, second = self.rng.sample(details, 2) if len(details) > 1 else (details[0], "")
        body = paragraphs(
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
        body = paragraphs(
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
        body = paragraphs(
            f"{period}，全市全社会用电量{self.rng.randint(40, 160)}亿千瓦时，同比增长{self._pct(1, 9)}%；"
            f"其中工业用电量{self.rng.randint(20, 90)}亿千瓦时，同比增长{self._pct(0, 10)}%。",
            f"从重点行业看，{w['cluster']}等产业集群用电量增长明显，反映出工业生产总体平稳。",
        )
        return body, ""

    def stats_finance(self, title, day, w):
        body = paragraphs(
            f"{title.removesuffix('情况')}如下：全市一般公共预算收入{self.rng.randint(40, 180)}亿元，"
            f"同比增长{self._pct(-2, 9)}%，其中税收收入占比{self._pct(55, 72)}%。",
            f"全市一般公共预算支出{self.rng.randint(120, 480)}亿元，同比增长{self._pct(1, 10)}%，"
            f"民生支出占比{self._pct(74, 81)}%，教育、社会保障和就业、卫生健康等重点支出得到有效保障。",
        )
        return body, ""

    def stats_debt(self, title, day, w):
        body = paragraphs(
            f"{title}：全市发行地方政府债券{self.rng.randint(50, 180)}亿元，其中新增一般债券"
            f"{self.rng.randint(5, 30)}亿元、新增专项债券{self.rng.randint(30, 120)}亿元、再融资债券"
            f"{self.rng.randint(10, 60)}亿元；还本付息{self.rng.randint(20, 80)}亿元。",
            "专项债券资金主要用于交通基础设施、市政和产业园区基础设施、保障性安居工程等领域。",
        )
        return body, ""

    def stats_edu(self, title, day, w):
        body = paragraphs(
            f"全市共有各级各类学校{self.rng.randint(2400, 3200)}所，在校生{self.rng.randint(140, 190)}万人，"
            f"专任教师{self.rng.randint(9, 12)}万人。",
            f"学前教育毛入园率{self._pct(90, 96)}%，九年义务教育巩固率{self._pct(96, 99.5)}%，"
            f"高中阶段毛入学率{self._pct(91, 96)}%。",
        )
        return body, ""

    def stats_air(self, title, day, w):
        body = paragraphs(
            f"{title.removesuffix('状况')}：全市PM10平均浓度{self.rng.randint(55, 120)}微克/立方米，"
            f"PM2.5平均浓度{self.rng.randint(30, 80)}微克/立方米，优良天数{self.rng.randint(12, 26)}天。",
            f"各县（市、区）中，{w['county']}、{w['county']}空气质量综合指数较好。",
        )
        return body, ""

    def stats_economy(self, title, day, w):
        body = paragraphs(
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
        body = paragraphs(
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
        body = paragraphs(
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
        body = paragraphs(
            f"——{year}年1月在商丘市人民代表大会会议上",
            f"一、{int(year) - 1}年工作回顾。过去一年，全市经济运行稳中有进，主要经济指标好于预期，"
            "重点项目建设扎实推进，民生保障持续加强。",
            f"二、{year}年工作安排。{w['goal']}。重点抓好以下工作：{w['task']}；{w['task']}；"
            f"{w['task']}。",
            "三、加强政府自身建设。坚持依法行政，深化政务公开，持续改进作风，建设人民满意的服务型政府。",
        )
        return body, f"{year}年商丘市人民政府工作报告全文。"

    def budget_city(self, title, day, w):
        body = paragraphs(
            f"{title}经市人民代表大会批准，现予公开。",
            f"市本级一般公共预算收入{self.rng.randint(40, 90)}亿元，一般公共预算支出"
            f"{self.rng.randint(90, 200)}亿元；政府性基金预算收入{self.rng.randint(30, 120)}亿元。",
            "有关预算表格及说明详见附件。",
        )
        return body, ""

    def report(self, title, day, w):
        year = title.split("年政府信息公开")[0][-4:]
        body = paragraphs(
            f"根据《中华人民共和国政府信息公开条例》规定，{self.agency.name}编制了{year}年政府信息公开"
            "工作年度报告。",
            "报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开"
            "行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。",
            f"{year}年，{self.agency.name}主动公开政府信息{self.rng.randint(40, 400)}条，"
            f"收到政府信息公开申请{self.rng.randint(0, 12)}件，均按期答复。",
        )
        return body, f"{year}年政府信息公开工作年度报告。"

    def guide(self, title, day, w):
        body = paragraphs(
            f"为方便公民、法人和其他组织获取{self.agency.name}的政府信息，根据《中华人民共和国政府信息"
            "公开条例》，编制本指南。",
            "一、主动公开。主动公开的政府信息通过本机关网站、政府门户网站、政务微博、政务微信等渠道公开。",
            f"二、依申请公开。申请人可通过网上申请、信函、当面等方式提出申请。受理机构："
            f"{self.agency.office_name}，地址：{self.agency.office_address}，电话：{self.agency.office_phone}。",
        )
        return body, ""

    def normative(self, title, day, w):
        name = title.split("印发")[-1].removesuffix("的通知").strip("《》")
        body = paragraphs(
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
        body = paragraphs(
            f"一、出台背景。为{w['purpose']}，{self.agency.name}研究制定了《{name}》。",
            f"二、主要内容。《{name}》共分总则、职责分工、管理程序、监督检查和附则五个部分，"
            f"重点明确了{w['task']}等内容。",
            "三、政策亮点。一是简化办理程序，二是明确办理时限，三是强化监督问责。",
            f"四、解读机关及联系方式。解读机关：{self.agency.name}；联系电话：{self.phone()}。",
        )
        return body, f"对《{name}》的解读。"

    def approval(self, title, day, w):
        company = title.removeprefix("关于").split("环境影响")[0]
        body = paragraphs(
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
        body = paragraphs(
            f"当事人：{company}。",
            f"经查，你单位存在{self.rng.choice(['未按规定运行大气污染防治设施', '超标排放水污染物', '未按规定设置危险废物识别标志'])}"
            "的环境违法行为。",
            f"依据《中华人民共和国环境保护法》及相关法律法规，我局决定对你单位处以罚款人民币{amount}元。",
            "如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内提起行政诉讼。",
        )
        return body, ""
