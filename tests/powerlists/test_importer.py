"""Publishing a whole list from a file: every row checked, all rows or none, errors by row."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.powerlists import selectors as sel
from gongkai.powerlists import services as s
from gongkai.powerlists.models import PowerItem, PowerItemVersion
from tests.powerlists.fixtures import add, adjustment

pytestmark = pytest.mark.django_db
D = dt.date
HEADER = "code,power_type,name,legal_basis,responsible_unit,responsibilities\n"
GOOD = (
    ",行政许可,固定资产投资项目节能审查,《中华人民共和国节约能源法》第十五条,节能科,受理责任\n"
    ",行政处罚,对使用淘汰用能设备的处罚,《中华人民共和国节约能源法》第七十一条,节能科,\n"
    "XJ-9,行政检查,节能监督检查,《中华人民共和国节约能源法》第十二条,节能监察支队,\n"
)


def run(actor, agency, text, name="清单.csv", encoding="utf-8", **overrides):
    rows = s.read_rows(text.encode(encoding), name)
    return s.powerlist_import(
        actor=actor, agency=agency, rows=rows, source_name=name, **(adjustment() | overrides)
    )


def test_a_whole_list_is_published_as_one_adjustment(clerk_a, dept_a):
    items = run(clerk_a, dept_a, HEADER + GOOD)
    assert [i.code for i in items] == ["行政许可-001", "行政处罚-001", "XJ-9"]
    assert sel.items_in_force([dept_a.pk], D(2015, 12, 20)) == 3
    assert set(PowerItemVersion.objects.values_list("effective_on", "document")) == {
        (D(2015, 12, 20), "商政〔2015〕50号")
    }
    assert AuditEvent.objects.filter(action="powerlists.import").count() == 1


def test_one_bad_row_imports_nothing_and_every_problem_is_listed(clerk_a, dept_a):
    bad = GOOD + ",行政许诺,名称,依据,科室,\n,行政确认,,,科室,\nXJ-9,其他,重复编码,依据,科室,\n"
    with pytest.raises(s.ImportFailed) as failed:
        run(clerk_a, dept_a, HEADER + bad)
    found = {(e.row, e.column) for e in failed.value.errors}
    assert found == {(4, "power_type"), (5, "name"), (5, "legal_basis"), (6, "code")}
    duplicate = next(e for e in failed.value.errors if e.row == 6)
    assert str(duplicate) == "第6行 code：编码“XJ-9”与第3行重复。"
    assert not PowerItem.objects.exists() and not PowerItemVersion.objects.exists()


def test_a_code_already_in_force_is_refused_but_a_removed_one_is_relisted(clerk_a, dept_a):
    kept = add(clerk_a, dept_a, code="XJ-9", on=D(2014, 1, 1))
    with pytest.raises(s.ImportFailed) as failed:
        run(clerk_a, dept_a, HEADER + GOOD)
    assert [(e.row, e.column) for e in failed.value.errors] == [(3, "code")]
    s.power_item_remove(actor=clerk_a, item=kept, **adjustment(D(2015, 1, 1)))
    run(clerk_a, dept_a, HEADER + GOOD)
    kept.refresh_from_db()
    assert kept.status == "in_force" and kept.name == "节能监督检查" and kept.last_version == 3


def test_a_relisting_row_cannot_predate_the_items_last_adjustment(clerk_a, dept_a):
    kept = add(clerk_a, dept_a, code="XJ-9", on=D(2014, 1, 1))
    s.power_item_remove(actor=clerk_a, item=kept, **adjustment(D(2016, 1, 1)))
    with pytest.raises(s.ImportFailed) as failed:
        run(clerk_a, dept_a, HEADER + GOOD)
    assert "2016-01-01" in failed.value.errors[0].message


def test_a_dry_run_checks_and_saves_nothing(clerk_a, dept_a):
    rows = s.read_rows((HEADER + GOOD).encode(), "清单.csv")
    assert (
        s.powerlist_import(actor=clerk_a, agency=dept_a, rows=rows, dry_run=True, **adjustment())
        == []
    )
    assert not PowerItem.objects.exists()


def test_the_batch_needs_a_document(clerk_a, dept_a):
    with pytest.raises(DomainError) as refused:
        run(clerk_a, dept_a, HEADER + GOOD, document="")
    assert refused.value.field == "document" and not PowerItem.objects.exists()


def test_gb18030_csv_and_excel_files_are_read(clerk_a, dept_a):
    assert len(run(clerk_a, dept_a, HEADER + GOOD, encoding="gb18030")) == 3
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["power_type", "name", "legal_basis", "responsible_unit"])
    sheet.append(["行政奖励", "节能表彰", "《中华人民共和国节约能源法》", "节能科"])
    buffer = io.BytesIO()
    book.save(buffer)
    rows = s.read_rows(buffer.getvalue(), "清单.xlsx")
    (item,) = s.powerlist_import(actor=clerk_a, agency=dept_a, rows=rows, **adjustment())
    assert item.code == "行政奖励-001"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        ("code,名称\n1,2\n".encode(), "清单.csv", "import_bad_columns"),
        (b"%PDF-1.4", "清单.pdf", "import_bad_type"),
        (b"PK\x03\x04junk", "清单.xlsx", "upload_type"),
        (b"\xff\xfe\x00a", "清单.csv", "import_bad_type"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, name, code):
    with pytest.raises(DomainError) as refused:
        s.read_rows(data, name)
    assert refused.value.code == code


def test_an_empty_file_is_refused(clerk_a, dept_a):
    with pytest.raises(DomainError) as refused:
        run(clerk_a, dept_a, HEADER)
    assert refused.value.code == "import_empty"


def test_the_import_command_publishes_a_list_or_lists_every_error(tmp_path, dept_a):
    path = tmp_path / "清单.csv"
    path.write_text(HEADER + GOOD + ",行政许诺,名称,依据,科室,\n", encoding="utf-8")
    args = ["powerlists", "import", str(path), "--agency", dept_a.code]
    args += ["--effective-on", "2015-12-20", "--reason", "公布", "--document", "商政〔2015〕50号"]
    errors = io.StringIO()
    with pytest.raises(CommandError, match="未导入任何事项"):
        call_command(*args, stderr=errors)
    assert "第4行 power_type" in errors.getvalue() and not PowerItem.objects.exists()
    path.write_text(HEADER + GOOD, encoding="utf-8")
    out = io.StringIO()
    call_command(*args, stdout=out)
    assert "已列入清单 3 项" in out.getvalue() and PowerItem.objects.count() == 3
