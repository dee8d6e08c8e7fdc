"""Tables 三 and 四 shared by the 2019 (trial) and 2021 formats, and the sections of both.

Table 三 differs only in （六）其他处理: one row with its own cell in 2019, three rows in 2021.
Labels: shared/reference/report_formats.json (verified on published reports, see there).
"""

from .base import Binding, Header, Identity, Row, Section, Table, col, group

SECTIONS = (
    Section(
        "overview",
        "一、总体情况",
        (
            "（一）主动公开",
            "（二）依申请公开",
            "（三）政府信息管理",
            "（四）平台建设",
            "（五）监督保障",
        ),
    ),
    Section("active", "二、主动公开政府信息情况"),
    Section("requests", "三、收到和处理政府信息公开申请情况"),
    Section("appeals", "四、政府信息公开行政复议、行政诉讼情况"),
    Section("problems", "五、政府信息公开工作存在的主要问题及改进情况"),
    Section("other", "六、其他需要报告的事项"),
)

APPLICANT_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
)
T3_HEADERS = (
    group(
        "申请人情况",
        col("natural_person", "自然人"),
        group(
            "法人或其他组织",
            col("commercial", "商业企业"),
            col("research", "科研机构"),
            col("social_welfare", "社会公益组织"),
            col("legal_service", "法律服务机构"),
            col("other_org", "其他"),
        ),
        col("total", "总计"),
        key="applicant",
    ),
)

_R = "results"
_DENIED = (
    ("denied_state_secret", "1.属于国家秘密"),
    ("denied_law_forbidden", "2.其他法律行政法规禁止公开"),
    ("denied_three_security_one_stability", "3.危及“三安全一稳定”"),
    ("denied_third_party", "4.保护第三方合法权益"),
    ("denied_internal_affairs", "5.属于三类内部事务信息"),
    ("denied_process_info", "6.属于四类过程性信息"),
    ("denied_enforcement_file", "7.属于行政执法案卷"),
    ("denied_admin_query", "8.属于行政查询事项"),
)
_UNABLE = (
    ("unable_not_held", "1.本机关不掌握相关政府信息"),
    ("unable_needs_creation", "2.没有现成信息需要另行制作"),
    ("unable_unclear_after_correction", "3.补正后申请内容仍不明确"),
)
_NOT_PROCESSED = (
    ("np_petition_complaint", "1.信访举报投诉类申请"),
    ("np_repeat", "2.重复申请"),
    ("np_publication", "3.要求提供公开出版物"),
    ("np_mass_repeat", "4.无正当理由大量反复申请"),
    ("np_confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息"),
)
OTHER_2021 = (
    (
        "other_overdue_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other_overdue_fee",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other_other", "3.其他"),
)


def _leaves(parent: str, pairs) -> list[Row]:
    return [Row(key, label, 2, parent=parent) for key, label in pairs]


def t3_rows(*, other_split: bool) -> tuple[Row, ...]:
    rows = [
        Row("new_received", "一、本年新收政府信息公开申请数量"),
        Row("carried_over", "二、上年结转政府信息公开申请数量"),
        Row(_R, "三、本年度办理结果", has_cell=False),
        Row("granted", "（一）予以公开", 1, parent=_R),
        Row(
            "partial",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            1,
            parent=_R,
            short_label="（二）部分公开",
        ),
        Row("denied", "（三）不予公开", 1, False, parent=_R),
        *_leaves("denied", _DENIED),
        Row("unable", "（四）无法提供", 1, False, parent=_R),
        *_leaves("unable", _UNABLE),
        Row("not_processed", "（五）不予处理", 1, False, parent=_R),
        *_leaves("not_processed", _NOT_PROCESSED),
    ]
    if other_split:
        rows += [Row("other", "（六）其他处理", 1, False, parent=_R), *_leaves("other", OTHER_2021)]
    else:
        rows.append(Row("other_total", "（六）其他处理", 1, parent=_R))
    rows += [
        Row("results_total", "（七）总计", 1, parent=_R),
        Row("carried_forward", "四、结转下年度继续办理"),
    ]
    return tuple(rows)


def t3_table(*, other_split: bool) -> Table:
    rows = t3_rows(other_split=other_split)
    columns = (*APPLICANT_COLUMNS, "total")
    bindings = {}
    for row in rows:
        if not row.has_cell:
            continue
        measure = {
            "new_received": "new",
            "carried_over": "carried_over",
            "carried_forward": "carried_forward",
            "results_total": "concluded",
        }.get(row.key, f"result.{row.key}")
        for column in columns:
            bindings[(row.key, column)] = Binding(f"applications:{measure}.{column}")
    return Table(
        key="t3",
        title="三、收到和处理政府信息公开申请情况",
        section="三、收到和处理政府信息公开申请情况",
        headers=T3_HEADERS,
        rows=rows,
        row_header="",
        corner_note="（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        bindings=bindings,
    )


def t3_identities(rows: tuple[Row, ...]) -> tuple[Identity, ...]:
    groups = {_R, "denied", "unable", "not_processed", "other"}
    terms = [r.key for r in rows if r.has_cell and r.parent in groups and r.key != "results_total"]
    return (
        Identity(
            "t3_balance",
            "sum_eq",
            "t3",
            left=("new_received", "carried_over"),
            right=("results_total", "carried_forward"),
            per_column=True,
            description="第一项加第二项之和，等于第三项加第四项之和（表格注明的勾稽关系）",
        ),
        Identity(
            "t3_results_total",
            "sum",
            "t3",
            target="results_total",
            terms=tuple(terms),
            per_column=True,
            description="（七）总计等于（一）至（六）各项之和",
        ),
        Identity(
            "t3_row_total",
            "sum",
            "t3",
            target="total",
            terms=APPLICANT_COLUMNS,
            per_row=True,
            description="总计列等于自然人与五类法人或其他组织之和",
        ),
        Identity("t3_nonnegative", "constraint", "t3", description="数值不能为负"),
    )


def _outcome_group(prefix: str, label: str, key: str) -> Header:
    return group(
        label,
        col(f"{prefix}_upheld", "结果维持"),
        col(f"{prefix}_corrected", "结果纠正"),
        col(f"{prefix}_other", "其他结果"),
        col(f"{prefix}_pending", "尚未审结"),
        col(f"{prefix}_total", "总计"),
        key=key,
    )


T4_PREFIXES = ("rc", "ld", "la")
T4_TABLE = Table(
    key="t4",
    title="四、政府信息公开行政复议、行政诉讼情况",
    section="四、政府信息公开行政复议、行政诉讼情况",
    headers=(
        _outcome_group("rc", "行政复议", "reconsideration"),
        group(
            "行政诉讼",
            _outcome_group("ld", "未经复议直接起诉", "lit_direct"),
            _outcome_group("la", "复议后起诉", "lit_after_reconsideration"),
            key="litigation",
        ),
    ),
    rows=(Row("count", "", unit="件"),),
    bindings={
        ("count", f"{p}_{o}"): Binding(f"appeals:{p}_{o}")
        for p in T4_PREFIXES
        for o in ("upheld", "corrected", "other", "pending", "total")
    },
)
T4_IDENTITIES = (
    *(
        Identity(
            f"t4_{p}_total",
            "sum",
            "t4",
            target=f"{p}_total",
            terms=tuple(f"{p}_{o}" for o in ("upheld", "corrected", "other", "pending")),
            per_row=True,
            description=f"{label}总计等于四类结果之和",
        )
        for p, label in (("rc", "行政复议"), ("ld", "未经复议直接起诉"), ("la", "复议后起诉"))
    ),
    Identity("t4_nonnegative", "constraint", "t4", description="数值不能为负"),
)
