"""fj2008: the 政府信息公开情况统计表 as Fujian's agencies printed it under the 2008 Regulation
(seen 2011–2018 in shared/corpus): two columns, 本年度 and 历年累计 (cumulative since 2008),
and rows whose wording changed over the years. Earlier than, and different from, the seed's form
(gb2008). Each row lists the labels it was printed with; the importer matches any of them.

Not an official national format: `format_for_year` never picks it; it exists for reading and
checking the reports agencies published in it.
"""

from .base import CrossYear, Format, Identity, Row, Section, Table, col

T = "fj_tongjibiao"

# (key, labels as printed over the years, unit)
ROWS = (
    ("pub", ("主动公开信息数", "主动公开文件数", "主动公开政府信息数"), "条"),
    ("pub_web", ("1.网站公开", "1.政府网站公开数", "1.网站公开数"), "条"),
    ("pub_gazette", ("2.政府公报公开", "2.政府公报公开数"), "条"),
    ("req", ("受理依申请公开信息总数", "受理政府信息依申请公开总数"), "条"),
    ("req_in_person", ("1.当面申请数",), "条"),
    ("req_fax", ("2.传真申请数",), "条"),
    ("req_email", ("3.电子邮件申请数",), "条"),
    ("req_online", ("4.网上申请数", "2.网上申请数"), "条"),
    ("req_letter", ("5.信函申请数",), "条"),
    ("req_letter_fax", ("3.信函、传真申请数",), "条"),
    ("req_other", ("6.其它形式申请数", "6.其他形式申请数"), "条"),
    ("rep", ("对申请的答复数", "对申请的答复总数"), "条"),
    ("rep_agree", ("1.同意公开答复数",), "条"),
    ("rep_partial", ("2.同意部分公开答复数",), "条"),
    ("rep_refuse", ("3.否决公开答复数", "3.不予公开答复数"), "条"),
    ("rep_other", ("4.其他类型答复数",), "条"),
    ("fee", ("政府信息公开收费减免金额",), "元"),
    ("complaints", ("行政申诉数", "行政申诉、举报数", "接受行政诉讼、举报数"), "件"),
    ("reconsideration", ("行政复议数",), "件"),
    ("litigation", ("行政诉讼数",), "件"),
)
PARENTS = {
    "pub_web": "pub",
    "pub_gazette": "pub",
    **{k: "req" for k in ("req_in_person", "req_fax", "req_email", "req_online", "req_letter",
                          "req_letter_fax", "req_other")},
    **{k: "rep" for k in ("rep_agree", "rep_partial", "rep_refuse", "rep_other")},
}  # fmt: skip
LABELS = {key: labels for key, labels, _unit in ROWS}

TABLE = Table(
    key=T,
    title="政府信息公开情况统计表",
    section="附件",
    headers=(col("year", "本年度"), col("cumulative", "历年累计")),
    rows=tuple(
        Row(key, labels[0], 1 if key in PARENTS else 0, unit=unit, parent=PARENTS.get(key))
        for key, labels, unit in ROWS
    ),
    row_header="指标名称",
    unit_column=True,
    amount_columns=frozenset(),
)

REQUEST_CHANNELS = ("req_in_person", "req_fax", "req_email", "req_online", "req_letter",
                    "req_letter_fax", "req_other")  # fmt: skip
IDENTITIES = (
    Identity(
        "fj_requests_by_channel",
        "sum",
        T,
        target="req",
        terms=REQUEST_CHANNELS,
        per_column=True,
        description="受理申请总数等于各渠道申请数之和",
    ),
    Identity(
        "fj_replies_by_type",
        "sum",
        T,
        target="rep",
        terms=("rep_agree", "rep_partial", "rep_refuse", "rep_other"),
        per_column=True,
        description="答复总数等于各类答复数之和",
    ),
    *(
        Identity(
            f"fj_{part}_within_total",
            "le",
            T,
            left=(part,),
            right=("pub",),
            per_column=True,
            description="其中项不大于主动公开总数",
        )
        for part in ("pub_web", "pub_gazette")
    ),
    Identity(
        "fj_cumulative_not_below_year",
        "le",
        T,
        left=("year",),
        right=("cumulative",),
        per_row=True,
        description="历年累计不应小于本年度数",
    ),
    Identity("fj_nonnegative", "constraint", T, description="数值不能为负"),
)

FORMAT = Format(
    id="fj2008",
    name="政府信息公开情况统计表（本年度、历年累计）",
    document="2008年条例时期福建省各地使用的统计表样式",
    first_year=2008,
    last_year=2018,
    sections=(
        Section("overview", "一、概述"),
        Section("active", "二、主动公开政府信息情况"),
        Section("requests", "三、政府信息依申请公开工作情况"),
        Section("problems", "四、政府信息公开工作存在的主要问题及改进情况"),
        Section("other", "五、其他需要报告的事项"),
    ),
    tables=(TABLE,),
    identities=IDENTITIES,
    cross_year=(
        CrossYear(
            "fj_cumulative_carry",
            this="fj_tongjibiao:{row}.cumulative",
            last="fj_tongjibiao:{row}.cumulative",
            plus="fj_tongjibiao:{row}.year",
            description="历年累计应等于上年报告的历年累计加本年度数",
        ),
    ),
    official=False,
)
