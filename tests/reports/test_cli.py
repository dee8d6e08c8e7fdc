"""`manage.py report build`: a report from the records written to a file whose extension picks
the exporter; exit status 2 with a message for bad input."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from gongkai.agencies.models import Agency
from tests.agencies.factories import AgencyFactory
from tests.reports.fixtures import application, frozen

D = dt.date


@pytest.fixture
def seed_agency(db):
    """An agency with the seed's code and one 2017 application (answered: not this agency's)."""
    agency = AgencyFactory(
        code="411400-gxw", name="商丘市工业和信息化委员会", level=Agency.Level.CITY
    )
    application(
        agency, received=D(2017, 3, 1), served=D(2017, 3, 10), regime="2008",
        outcome="s3_rep_not_this_agency", on_time=True,
    )  # fmt: skip
    return agency


def report(*args):
    out, err = io.StringIO(), io.StringIO()
    with frozen(2026, 3, 1):
        call_command("report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(*args) -> str:
    """Run the command expecting exit status 2; the message it printed."""
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_, frozen(2026, 3, 1):
        call_command("report", *args, stdout=io.StringIO(), stderr=err)
    assert exit_.value.code == 2
    return err.getvalue()


def build_args(out, agency="411400-gxw", year="2017", fmt="gb2008"):
    args = ["build", "--agency", agency, "--year", year, "--out", str(out)]
    return [*args, "--format", fmt] if fmt else args


def test_build_writes_the_json_shape(seed_agency, tmp_path):
    """format, agency, year and tables of rows {key, path, values} in the format's order."""
    out = tmp_path / "r.json"
    stdout, _ = report(*build_args(out))
    assert str(out) in stdout
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["format"], data["agency"], data["agency_code"], data["year"]) == (
        "gb2008",
        "商丘市工业和信息化委员会",
        "411400-gxw",
        2017,
    )
    (table,) = data["tables"]
    assert table["key"] == "tongjibiao"
    assert len(table["rows"]) == 58
    rows = {row["key"]: row for row in table["rows"]}
    assert rows["s3_rep_not_this_agency"] == {
        "key": "s3_rep_not_this_agency",
        "path": ["三、依申请公开情况", "(三)申请答复数", "5.不属于本行政机关公开数"],
        "unit": "件",
        "values": [1],
    }
    assert rows["s3_received"]["values"] == [1]
    assert rows["s1_pub"]["values"] == [0]
    assert data["problems"] == []


def test_build_finds_the_agency_by_name_and_the_format_by_year(seed_agency, tmp_path):
    out = tmp_path / "r.json"
    report(*build_args(out, agency="商丘市工业和信息化委员会", fmt=""))
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "gb2008"


def test_unknown_agency_exits_2(seed_agency, tmp_path):
    message = refused(*build_args(tmp_path / "r.json", agency="999999-none"))
    assert "找不到机关“999999-none”" in message
    assert not (tmp_path / "r.json").exists()


def test_unknown_format_exits_2(seed_agency, tmp_path):
    message = refused(*build_args(tmp_path / "r.json", fmt="gb1999"))
    assert "未知的年报格式“gb1999”" in message


def test_year_without_data_exits_2(seed_agency, tmp_path):
    message = refused(*build_args(tmp_path / "r.json", year="2012"))
    assert "2012年度没有任何记录" in message
    assert not (tmp_path / "r.json").exists()


def test_unsupported_extension_exits_2(seed_agency, tmp_path):
    message = refused(*build_args(tmp_path / "r.txt"))
    assert "不支持的输出格式“.txt”" in message


def test_missing_output_directory_exits_2(seed_agency, tmp_path):
    message = refused(*build_args(tmp_path / "nowhere" / "r.json"))
    assert "不存在" in message
