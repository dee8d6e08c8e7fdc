"""Importing other systems' figures from CSV: all rows or none, every problem named by row and
column, locked years refused."""

import csv
import io

import pytest

from gongkai.agencies.permissions import forget_scope
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.facts import services as s
from gongkai.facts.models import OtherSystemFigure
from gongkai.facts.services.importer import read_rows
from tests.agencies.factories import MembershipFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]


def csv_bytes(rows: list[dict], encoding="utf-8-sig") -> bytes:
    names = list(dict.fromkeys(k for row in rows for k in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def run(actor, agency, rows, **kwargs):
    data = read_rows(csv_bytes(rows), "执法数据.csv")
    return s.figures_import(
        actor=actor, agency=agency, rows=data, source_name="执法数据.csv", **kwargs
    )


def failures(actor, agency, rows, **kwargs):
    """(row, column) of every error; asserts nothing at all was saved."""
    with pytest.raises(s.ImportFailed) as caught:
        run(actor, agency, rows, **kwargs)
    assert caught.value.code == "import_failed"
    assert not OtherSystemFigure.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="facts.figure").exists()
    return [(e.row, e.column) for e in caught.value.errors]


GOOD = [
    {"year": "2025", "key": "行政许可", "value": "18", "source": "审批系统"},
    {"year": "2025", "key": "punishment", "value": "3", "unit": "件"},
    {"year": "2025", "key": "admin_fees", "value": "0.42", "unit": "万元"},
]


def test_a_good_file_is_imported_with_sources_and_the_importer(clerk_a, dept_a):
    assert run(clerk_a, dept_a, GOOD, source="河南省行政执法信息服务平台") == 3
    figures = {f.key: f for f in OtherSystemFigure.objects.all()}
    assert figures["licensing"].source == "审批系统"
    assert figures["punishment"].source == "河南省行政执法信息服务平台"
    assert str(figures["admin_fees"].value) == "0.4200"
    assert all(f.entered_by == clerk_a for f in figures.values())
    assert AuditEvent.objects.get(action="facts.figures_import").note == "执法数据.csv"


def test_every_bad_row_is_reported_and_nothing_is_imported(clerk_a, dept_a):
    rows = [
        *GOOD,
        {"year": "二〇二五", "key": "licensing", "value": "1", "source": "甲"},
        {"year": "2025", "key": "补贴", "value": "1", "source": "甲"},
        {"year": "2025", "key": "coercion", "value": "1.5", "source": "甲"},
        {"year": "2025", "key": "coercion", "value": "1", "unit": "万元", "source": "甲"},
        {"year": "2025", "key": "行政许可", "value": "2", "source": "甲"},  # row 1 again
        {"year": "2025", "key": "coercion", "value": "1", "source": ""},
        {"agency": "nowhere", "year": "2025", "key": "coercion", "value": "1", "source": "甲"},
    ]
    assert failures(clerk_a, dept_a, rows) == [
        (2, "source"),
        (3, "source"),
        (4, "year"),
        (5, "key"),
        (6, "value"),
        (7, "unit"),
        (8, "key"),
        (9, "source"),
        (10, "agency"),
    ]


def test_a_row_for_a_locked_year_fails_the_whole_file(admin_a, clerk_a, dept_a):
    s.year_lock(actor=admin_a, agency=dept_a, year=2024)
    rows = [*GOOD, {"year": "2024", "key": "licensing", "value": "9", "source": "审批系统"}]
    assert failures(clerk_a, dept_a, rows, source="平台") == [(4, "year")]


def test_rows_may_name_other_agencies_the_importer_may_enter_for(clerk_a, dept_a, dept_b):
    rows = [
        {"agency": dept_b.code, "year": "2025", "key": "licensing", "value": "1", "source": "甲"}
    ]
    assert failures(clerk_a, dept_a, rows) == [(1, "agency")]
    MembershipFactory(user=clerk_a, agency=dept_b, role="clerk")
    forget_scope(clerk_a)
    assert run(clerk_a, dept_a, rows) == 1
    assert OtherSystemFigure.objects.get().agency == dept_b


def test_an_existing_figure_is_replaced(clerk_a, dept_a):
    s.figure_save(actor=clerk_a, agency=dept_a, year=2025, key="licensing", value=1, source="手工")
    run(clerk_a, dept_a, GOOD[:1])
    assert OtherSystemFigure.objects.get(key="licensing").value == 18


def test_a_dry_run_saves_nothing(clerk_a, dept_a):
    assert run(clerk_a, dept_a, GOOD, source="平台", dry_run=True) == 0
    assert not OtherSystemFigure.objects.exists()


def test_unknown_columns_and_other_file_types_are_refused():
    with pytest.raises(DomainError) as caught:
        read_rows(csv_bytes([{"year": "2025", "备注": "x"}]), "a.csv")
    assert caught.value.code == "import_bad_columns" and "备注" in caught.value.message
    with pytest.raises(DomainError) as caught:
        read_rows(b"%PDF-1.4", "a.pdf")
    assert caught.value.code == "import_bad_type"


def test_a_gb18030_file_from_excel_is_read():
    rows = read_rows(csv_bytes(GOOD[:1], encoding="gb18030"), "a.csv")
    assert rows[0]["key"] == "行政许可"
