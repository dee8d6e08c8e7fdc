"""gb2021: 《中华人民共和国政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号 (2021-09-26),
used from the 2021 reports on. Labels and keys: shared/reference/report_formats.json."""

from .base import Binding, CrossYear, Format, Identity, Row, Table, col
from .common import SECTIONS, T4_IDENTITIES, T4_TABLE, t3_identities, t3_table

SECTION_2 = "二、主动公开政府信息情况"


def _block(key, heading, columns, rows, sources, amount=()):
    return Table(
        key=f"t2_{key}",
        title=heading,
        section=SECTION_2,
        headers=tuple(col(k, label) for k, label in columns),
        rows=tuple(Row(k, label, unit=unit) for k, label, unit in rows),
        row_header="信息内容",
        amount_columns=frozenset(amount),
        bindings={cell: Binding(source) for cell, source in sources.items()},
    )


T2_BLOCKS = (
    _block(
        "art20_1",
        "第二十条第（一）项",
        [("made", "本年制发件数"), ("repealed", "本年废止件数"), ("valid", "现行有效件数")],
        [("regulations", "规章", "件"), ("normative_documents", "行政规范性文件", "件")],
        {
            ("regulations", "made"): "figures:regulations.made",
            ("regulations", "repealed"): "figures:regulations.repealed",
            ("regulations", "valid"): "figures:regulations.valid",
            ("normative_documents", "made"): "catalog:normative_issued",
            ("normative_documents", "repealed"): "catalog:normative_abolished",
            ("normative_documents", "valid"): "catalog:normative_in_force",
        },
    ),
    _block(
        "art20_5",
        "第二十条第（五）项",
        [("decisions", "本年处理决定数量")],
        [("licensing", "行政许可", "件")],
        {("licensing", "decisions"): "figures:licensing.decisions"},
    ),
    _block(
        "art20_6",
        "第二十条第（六）项",
        [("decisions", "本年处理决定数量")],
        [("punishment", "行政处罚", "件"), ("coercion", "行政强制", "件")],
        {
            ("punishment", "decisions"): "figures:punishment.decisions",
            ("coercion", "decisions"): "figures:coercion.decisions",
        },
    ),
    _block(
        "art20_8",
        "第二十条第（八）项",
        [("fee_amount", "本年收费金额（单位：万元）")],
        [("admin_fees", "行政事业性收费", "万元")],
        {("admin_fees", "fee_amount"): "figures:admin_fees.fee_amount"},
        amount=("fee_amount",),
    ),
)

T3 = t3_table(other_split=True)

CROSS_YEAR = (
    CrossYear(
        "t3_carry",
        this="t3:carried_over.{column}",
        last="t3:carried_forward.{column}",
        description="本年“上年结转”等于上年报告的“结转下年度继续办理”",
    ),
    CrossYear(
        "t2_valid_carry",
        this="t2_art20_1:normative_documents.valid",
        last="t2_art20_1:normative_documents.valid|normative_documents.total_public",
        plus="t2_art20_1:normative_documents.made",
        minus="t2_art20_1:normative_documents.repealed",
        severity="warning",
        description="现行有效件数约等于上年现行有效件数加本年制发减本年废止（仅提示）",
    ),
)

FORMAT = Format(
    id="gb2021",
    name="中华人民共和国政府信息公开工作年度报告格式",
    document="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    sections=SECTIONS,
    tables=(*T2_BLOCKS, T3, T4_TABLE),
    identities=(
        *(
            Identity(f"{b.key}_nonnegative", "constraint", b.key, description="数值不能为负")
            for b in T2_BLOCKS
        ),
        *t3_identities(T3.rows),
        *T4_IDENTITIES,
    ),
    cross_year=CROSS_YEAR,
    outcome_family="gb2021",
)
