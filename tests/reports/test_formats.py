"""The format definitions: every binding names a real source and cell, and every row and column
is the one tests/data/reference/report_formats.json records (keys and labels as printed)."""

import json

import pytest

from gongkai.regimes import REGIMES
from gongkai.regimes.outcomes import WITHDRAWN, report_row
from gongkai.reports.compute import validate
from gongkai.reports.document import ReportData
from gongkai.reports.formats import (
    FORMATS,
    OFFICIAL,
    UnknownFormat,
    format_for_year,
    get_format,
)
from tests.data import REFERENCE_FORMATS


@pytest.fixture(scope="module")
def reference() -> dict:
    data = json.loads(REFERENCE_FORMATS.read_text(encoding="utf-8"))
    return {f["id"]: f for f in data["formats"]}


def ref_table(reference, format_id, table_id):
    return next(t for t in reference[format_id]["tables"] if t["id"] == table_id)


def flatten(nodes, parent=None):
    """The reference's row tree, depth first: (key, label, has_cell, parent)."""
    for node in nodes:
        yield node["key"], node["label"], node["has_cell"], parent
        yield from flatten(node.get("children", ()), node["key"])


def leaves(nodes):
    for node in nodes:
        if node.get("children"):
            yield from leaves(node["children"])
        else:
            yield node["key"], node["label"]


# Bindings ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_every_binding_names_an_existing_source_measure_and_cell(format_id):
    assert validate(get_format(format_id)) == []


@pytest.mark.parametrize("format_id", sorted(OFFICIAL))
def test_every_cell_has_a_binding(format_id):
    """No cell of an official format is left without a source (it would print blank forever).
    A regional variant (fj2008) is only read from published reports, never built."""
    fmt = get_format(format_id)
    for table in fmt.tables:
        cells = {(r.key, c) for r in table.cell_rows for c in table.column_keys}
        assert cells == set(table.bindings), table.key


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_identities_name_existing_cells(format_id):
    fmt = get_format(format_id)
    for identity in fmt.identities:
        table = fmt.table(identity.table)
        rows, columns = {r.key for r in table.cell_rows}, set(table.column_keys)
        names = {identity.target, *identity.terms, *identity.left, *identity.right} - {""}
        known = columns if identity.per_row else rows  # per_row: terms are columns
        assert names <= known, identity.id


# Against report_formats.json ------------------------------------------------------------------


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_t3_rows_are_the_references(reference, format_id):
    ours = [(r.key, r.label, r.has_cell, r.parent) for r in get_format(format_id).table("t3").rows]
    assert ours == list(flatten(ref_table(reference, format_id, "t3")["rows"]))


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_t3_columns_are_the_references(reference, format_id):
    ref = ref_table(reference, format_id, "t3")["columns"]
    table = get_format(format_id).table("t3")
    assert [(c.key, c.label) for c in table.columns] == list(leaves(ref["tree"]))
    assert table.column_keys == ref["data_columns_in_order"]
    assert table.corner_note == ref["corner_note"]


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_t4_columns_are_the_references(reference, format_id):
    ref = ref_table(reference, format_id, "t4")
    table = get_format(format_id).table("t4")
    assert [(c.key, c.label) for c in table.columns] == list(leaves(ref["columns"]["tree"]))
    assert [h.label for h in table.headers] == [n["label"] for n in ref["columns"]["tree"]]
    assert [(r.key, r.unit) for r in table.rows] == [(r["key"], r["unit"]) for r in ref["rows"]]


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_t2_blocks_are_the_references(reference, format_id):
    """Table 二: one table per block, with the block's heading, columns and rows."""
    fmt = get_format(format_id)
    ours = [t for t in fmt.tables if t.key.startswith("t2_")]
    blocks = ref_table(reference, format_id, "t2")["blocks"]
    assert [t.key for t in ours] == [f"t2_{b['key']}" for b in blocks]
    for table, block in zip(ours, blocks, strict=True):
        assert table.title == block["heading"]
        assert table.row_header == block["columns"][0]["label"]
        assert [(c.key, c.label) for c in table.columns] == [
            (c["key"], c["label"]) for c in block["columns"] if not c.get("is_row_label")
        ]
        assert [(r.key, r.label, r.unit) for r in table.rows] == [
            (r["key"], r["label"], r.get("unit")) for r in block["rows"]
        ]


@pytest.mark.parametrize("format_id", ["gb2021", "gb2019"])
def test_sections_are_the_references(reference, format_id):
    headings = [s.heading for s in get_format(format_id).sections]
    assert headings == reference[format_id]["sections_in_order"]


def test_gb2008_rows_are_the_references(reference):
    """Keys, labels (as printed in the seed), levels, parents and which rows carry a number."""
    ours = [
        (r.key, r.label, r.level, r.parent, r.has_cell)
        for r in get_format("gb2008").table("tongjibiao").rows
    ]
    ref = [
        (r["key"], r["label"], r["level"], r["parent"], r["has_cell"])
        for r in reference["legacy_tongjibiao"]["rows"]
    ]
    assert ours == ref


def test_gb2008_units_are_the_references_where_it_gives_one(reference):
    """The reference leaves some units null; where it gives one, ours is the same. Ours prints
    the seed's unit on every row with a number (件 under 三 to 六, 人 for staff)."""
    table = get_format("gb2008").table("tongjibiao")
    for ref in reference["legacy_tongjibiao"]["rows"]:
        row = table.row(ref["key"])
        if ref["unit"] is not None:
            assert row.unit == ref["unit"], row.key
        assert (row.unit is not None) == row.has_cell, row.key


def test_gb2008_has_58_cells():
    assert len(get_format("gb2008").table("tongjibiao").cell_rows) == 58


# The registry ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "format_id"),
    [(2008, "gb2008"), (2017, "gb2008"), (2018, "gb2008"), (2019, "gb2019"), (2020, "gb2019"),
     (2021, "gb2021"), (2026, "gb2021")],
)  # fmt: skip
def test_format_for_year(year, format_id):
    assert format_for_year(year).id == format_id


def test_format_by_alias_and_unknown_format():
    assert get_format("legacy_tongjibiao").id == "gb2008"
    with pytest.raises(UnknownFormat) as error:
        get_format("gb1999")
    assert "gb2008、gb2019、gb2021" in str(error.value)
    with pytest.raises(UnknownFormat):
        format_for_year(2007)


# The outcome mapping ---------------------------------------------------------------------------


def _outcomes():
    for regime in REGIMES.values():
        for outcome in regime.outcomes:
            yield regime.code, outcome.code
        yield regime.code, WITHDRAWN


@pytest.mark.parametrize("family", ["gb2021", "gb2019"])
def test_every_outcome_of_both_regimes_has_a_result_row(family):
    """Every reply of either Regulation, and a withdrawal, lands in a 本年度办理结果 row."""
    t3 = get_format(family).table("t3")
    result_rows = {r.key for r in t3.cell_rows} - {
        "new_received", "carried_over", "results_total", "carried_forward",
    }  # fmt: skip
    for regime, code in _outcomes():
        assert report_row(regime, code, family) in result_rows, (regime, code)


def test_every_outcome_has_a_reply_row_in_the_old_form_but_withdrawals_and_lapses():
    """In the 统计表 a reply counts in one 答复 row; a withdrawal or a lapse (2019 Regulation)
    is 办结 only."""
    table = get_format("gb2008").table("tongjibiao")
    reply_rows = {r.key for r in table.cell_rows if r.key.startswith(("s3_rep_", "s3_ref_"))}
    reply_rows.discard("s3_rep_refuse")  # the sum of its reasons, never counted directly
    no_row = set()
    for regime, code in _outcomes():
        row = report_row(regime, code, "gb2008")
        if row is None:
            no_row.add((regime, code))
        else:
            assert row in reply_rows, (regime, code)
    assert no_row == {
        ("2008", WITHDRAWN),
        ("2019", WITHDRAWN),
        ("2019", "other_overdue_correction"),
        ("2019", "other_overdue_fee"),
    }


def test_gb2019_folds_the_three_other_rows_into_one():
    for code in ("other_overdue_correction", "other_overdue_fee", "other_other", WITHDRAWN):
        assert report_row("2019", code, "gb2019") == "other_total"
        assert report_row("2019", code, "gb2021") == ("other_other" if code == WITHDRAWN else code)


# The document -----------------------------------------------------------------------------------


def test_report_json_round_trip():
    """to_json/from_json keep every value: counts, Decimal amounts, blanks."""
    from decimal import Decimal

    fmt = get_format("gb2019")
    values = {
        t.key: {r.key: dict.fromkeys(t.column_keys, 1) for r in t.cell_rows} for t in fmt.tables
    }
    values["t2_art20_9"]["central_procurement"]["procurement_amount"] = Decimal("12.3456")
    values["t2_art20_8"]["admin_fees"]["change"] = None
    data = ReportData(
        format=fmt, agency="测试市甲局", agency_code="dept-a", year=2020, values=values
    )
    shape = json.loads(json.dumps(data.to_json(), ensure_ascii=False))
    assert (shape["format"], shape["agency"], shape["year"]) == ("gb2019", "测试市甲局", 2020)
    t3 = next(t for t in shape["tables"] if t["key"] == "t3")
    assert t3["rows"][0] == {
        "key": "new_received",
        "path": ["一、本年新收政府信息公开申请数量"],
        "values": [1, 1, 1, 1, 1, 1, 1],
    }
    assert ReportData.from_json(shape).values == values
