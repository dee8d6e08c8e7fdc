"""gb2019: 《中华人民共和国政府信息公开工作年度报告格式（试行）》, 国办公开办函〔2019〕60号, used for
the 2019 and 2020 reports. Differs from gb2021 in table 二 (columns, an extra 政府集中采购 block)
and in table 三's single （六）其他处理 row (shared/reference/report_formats.json)."""

from .base import Binding, CrossYear, Format, Identity, Row, Table, col
from .common import SECTIONS, T4_IDENTITIES, T4_TABLE, t3_identities, t3_table

SECTION_2 = "二、主动公开政府信息情况"
ITEMS = [("prev_year_items", "上一年项目数量"), ("change", "本年增/减")]


def _block(key, heading, columns, rows, sources, amount=(), signed=()):
    return Table(
        key=f"t2_{key}",
        title=heading,
        section=SECTION_2,
        headers=tuple(col(k, label) for k, label in columns),
        rows=tuple(Row(k, label) for k, label in rows),
        row_header="信息内容",
        amount_columns=frozenset(amount),
        signed_columns=frozenset(signed),
        bindings={cell: Binding(source) for cell, source in sources.items()},
    )


def _entered(block: str, rows, columns) -> dict:
    """Cells no record holds (project counts kept in other systems): typed in on the report."""
    return {(r, c): f"entered:{block}.{r}.{c}" for r in rows for c in columns}


T2_BLOCKS = (
    _block(
        "art20_1",
        "第二十条第（一）项",
        [("new_made", "本年新制作数量"), ("new_published", "本年新公开数量"),
         ("total_public", "对外公开总数量")],
        [("regulations", "规章"), ("normative_documents", "规范性文件")],
        {
            ("regulations", "new_made"): "figures:regulations.made",
            ("regulations", "new_published"): "figures:regulations.made",
            ("regulations", "total_public"): "figures:regulations.valid",
            ("normative_documents", "new_made"): "catalog:normative_issued",
            ("normative_documents", "new_published"): "catalog:published_normative",
            ("normative_documents", "total_public"): "catalog:normative_in_force",
        },
    ),
    _block(
        "art20_5",
        "第二十条第（五）项",
        [*ITEMS, ("decisions", "处理决定数量")],
        [("licensing", "行政许可"), ("other_external_services", "其他对外管理服务事项")],
        {
            **_entered("art20_5", ["licensing", "other_external_services"],
                       ["prev_year_items", "change"]),
            ("licensing", "decisions"): "figures:licensing.decisions",
            ("other_external_services", "decisions"): "entered:art20_5.other_external_services.decisions",
        },
        signed=("change",),
    ),
    _block(
        "art20_6",
        "第二十条第（六）项",
        [*ITEMS, ("decisions", "处理决定数量")],
        [("punishment", "行政处罚"), ("coercion", "行政强制")],
        {
            **_entered("art20_6", ["punishment", "coercion"], ["prev_year_items", "change"]),
            ("punishment", "decisions"): "figures:punishment.decisions",
            ("coercion", "decisions"): "figures:coercion.decisions",
        },
        signed=("change",),
    ),
    _block(
        "art20_8",
        "第二十条第（八）项",
        ITEMS,
        [("admin_fees", "行政事业性收费")],
        _entered("art20_8", ["admin_fees"], ["prev_year_items", "change"]),
        signed=("change",),
    ),
    _block(
        "art20_9",
        "第二十条第（九）项",
        [("procurement_items", "采购项目数量"), ("procurement_amount", "采购总金额")],
        [("central_procurement", "政府集中采购")],
        _entered("art20_9", ["central_procurement"], ["procurement_items", "procurement_amount"]),
        amount=("procurement_amount",),
    ),
)  # fmt: skip

T3 = t3_table(other_split=False)

FORMAT = Format(
    id="gb2019",
    name="中华人民共和国政府信息公开工作年度报告格式（试行）",
    document="国办公开办函〔2019〕60号",
    first_year=2019,
    last_year=2020,
    sections=SECTIONS,
    tables=(*T2_BLOCKS, T3, T4_TABLE),
    identities=(
        Identity(
            "t2_19_published_le_total",
            "le",
            "t2_art20_1",
            left=("new_published",),
            right=("total_public",),
            per_row=True,
            severity="warning",
            description="本年新公开数量一般不大于对外公开总数量（仅提示）",
        ),
        *t3_identities(T3.rows),
        *T4_IDENTITIES,
    ),
    cross_year=(
        CrossYear(
            "t3_carry",
            this="t3:carried_over.{column}",
            last="t3:carried_forward.{column}",
            description="本年“上年结转”等于上年报告的“结转下年度继续办理”",
        ),
    ),
    outcome_family="gb2019",
)
