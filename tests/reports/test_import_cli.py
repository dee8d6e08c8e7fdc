"""`gongkai report import FILE… --agency CODE [--yes]`: a published report kept as the agency's
report for its year (published, marked imported, its cells frozen in the snapshot, the original
file kept); a year that has one already is replaced only when confirmed. And `gongkai report
check` then compares the next year's file with the imported one.
"""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command

from gongkai.agencies.models import Agency
from gongkai.reports.models import AnnualReport
from gongkai.reports.states import ReportStatus
from tests.agencies.factories import AgencyFactory
from tests.data import CORPUS

Y2021 = CORPUS / "2021_2021_pingtan-zone.txt"


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch):
    """Tests run without an interactive terminal (as in CI): stdin is not a TTY."""
    monkeypatch.setattr(sys, "stdin", io.StringIO())


def report(*args) -> tuple[int, str, str]:
    """`gongkai report …`: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("report", *map(str, args), stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def t3_row(snapshot: dict, row: str) -> list:
    (t3,) = [t for t in snapshot["tables"] if t["key"] == "t3"]
    return next(r["values"] for r in t3["rows"] if r["key"] == row)


def test_import_stores_a_published_imported_report(dept_a):
    """Stored as version 1, published, imported, format and year as read, the cells in the
    snapshot (provenance: imported from the file), the original file kept byte for byte."""
    status, out, err = report("import", Y2021, "--agency", dept_a.code)
    assert (status, err) == (0, "")
    assert "2021_2021_pingtan-zone.txt：已导入为测试市甲局2021年度年报（第1版，格式 gb2021）" in out
    (stored,) = AnnualReport.objects.filter(agency=dept_a)
    assert (stored.year, stored.format, stored.version, stored.subtree) == (
        2021,
        "gb2021",
        1,
        False,
    )
    assert stored.status == ReportStatus.PUBLISHED
    assert stored.imported is True
    assert stored.published_at is not None
    assert stored.revision_reason == ""
    assert t3_row(stored.snapshot, "new_received") == [64, 0, 0, 2, 0, 4, 70]
    assert t3_row(stored.snapshot, "results_total") == [63, 0, 0, 2, 0, 4, 69]
    assert stored.snapshot["format"] == "gb2021" and stored.snapshot["year"] == 2021
    assert stored.snapshot["provenance"]["source"] == "imported"
    assert stored.snapshot["provenance"]["file"] == "2021_2021_pingtan-zone.txt"
    assert stored.source_file.name.endswith(".txt")
    with stored.source_file.open("rb") as kept:
        assert kept.read() == Y2021.read_bytes()


def test_importing_the_same_year_again_without_yes_keeps_the_old_one(dept_a):
    """No --yes and no terminal to ask on: nothing is replaced, and the output says so."""
    report("import", Y2021, "--agency", dept_a.code)
    status, out, err = report("import", Y2021, "--agency", dept_a.code)
    assert status == 0
    assert "未导入（保留原有年报）" in out
    assert "请加 --yes 确认替换" in err
    (kept,) = AnnualReport.objects.filter(agency=dept_a, year=2021)
    assert (kept.version, kept.status) == (1, ReportStatus.PUBLISHED)


def test_importing_again_with_yes_replaces(dept_a):
    """--yes: the earlier version is superseded, version 2 is the published one, with the
    reason for the revision."""
    report("import", Y2021, "--agency", dept_a.code)
    status, out, _ = report("import", Y2021, "--agency", dept_a.code, "--yes")
    assert status == 0
    assert "（第2版，格式 gb2021）" in out
    versions = {r.version: r for r in AnnualReport.objects.filter(agency=dept_a, year=2021)}
    assert set(versions) == {1, 2}
    assert versions[1].status == ReportStatus.SUPERSEDED
    assert versions[2].status == ReportStatus.PUBLISHED
    assert versions[2].imported is True
    assert versions[2].revision_reason == "导入已发布的年报：2021_2021_pingtan-zone.txt"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("2013_2008_pingtan-dishui.txt", None, "文件中没有统计表"),  # a year, but no table
        ("empty.txt", b"", "文件是空的"),
    ],
)
def test_a_file_without_a_table_is_not_imported(dept_a, tmp_path, name, content, reason):
    """Exit status 2, the reason on stderr, nothing stored."""
    path = CORPUS / name if content is None else tmp_path / name
    if content is not None:
        path.write_bytes(content)
    status, _, err = report("import", path, "--agency", dept_a.code)
    assert status == 2
    assert f"{name}：不能导入：" in err and reason in err
    assert not AnnualReport.objects.filter(agency=dept_a).exists()


def test_unknown_agency_is_refused(db):
    status, _, err = report("import", Y2021, "--agency", "no-such-agency")
    assert status == 2
    assert "找不到机关“no-such-agency”" in err
    assert not AnnualReport.objects.exists()


def test_several_files_show_a_progress_bar_from_three_on(dept_a, capsys):
    """Three or more files: a progress bar (读取年报) on stderr while they are read; fewer: none.
    Every file is imported; the exit status reflects the inconsistencies found (2016's
    cumulatives drop, 2017's restarts: 1)."""
    names = ["2015_2008_pingtan-zone.txt", "2016_2008_pingtan-zone.txt"]
    status, out, _ = report("import", *(CORPUS / n for n in names), "--agency", dept_a.code)
    assert status == 1
    assert "读取年报" not in capsys.readouterr().err
    status, out, _ = report(
        "import",
        *(CORPUS / n for n in [*names, "2017_2008_pingtan-zone.txt"]),
        "--agency",
        dept_a.code,
        "--yes",
    )
    assert status == 1
    assert "读取年报" in capsys.readouterr().err
    assert out.count("已导入为测试市甲局") == 3
    assert sorted(
        AnnualReport.objects.filter(agency=dept_a, status=ReportStatus.PUBLISHED).values_list(
            "year", "format"
        )
    ) == [(2015, "fj2008"), (2016, "fj2008"), (2017, "fj2008")]


def test_an_imported_previous_year_is_used_by_check(db):
    """The 2016 report imported for 平潭综合实验区管委会 (the text calls itself 平潭综合实验区):
    checking the 2017 file alone now finds the 累计 restart (85376 + 2122 = 87498 due, 10037
    printed); before the import the 2017 file alone has nothing to compare with."""
    AgencyFactory(code="pingtan-zone", name="平潭综合实验区管委会", level=Agency.Level.CITY)
    y2017 = CORPUS / "2017_2008_pingtan-zone.txt"
    status, out, _ = report("check", y2017)
    assert status == 0 and "未发现不一致" in out

    status, _, _ = report(
        "import", CORPUS / "2016_2008_pingtan-zone.txt", "--agency", "pingtan-zone"
    )
    assert status == 0
    status, out, _ = report("check", y2017)
    assert status == 1
    assert "上年为85376，加本年2122，应为87498，本年为10037" in out

    status, out, _ = report("check", y2017, "--json")
    assert status == 1
    (result,) = json.loads(out)
    cross = {
        (p["where"], p["expected"], p["found"])
        for p in result["problems"]
        if p["kind"] == "cross_year"
    }
    assert cross == {
        ("fj_tongjibiao:pub.cumulative", 87498, 10037),
        ("fj_tongjibiao:pub_web.cumulative", 87498, 10037),
    }


def test_a_superseded_import_is_not_used_by_check(db):
    """Only the agency's current report of the previous year counts."""
    agency = AgencyFactory(
        code="pingtan-zone", name="平潭综合实验区管委会", level=Agency.Level.CITY
    )
    report("import", CORPUS / "2016_2008_pingtan-zone.txt", "--agency", agency.code)
    AnnualReport.objects.filter(agency=agency, year=2016).update(status=ReportStatus.SUPERSEDED)
    status, out, _ = report("check", CORPUS / "2017_2008_pingtan-zone.txt")
    assert status == 0, out


def test_an_imported_report_shows_its_original_file_and_no_click_through(client, dept_a, tmp_path):
    """The office page of an imported report offers the original document for download, and its
    numbers (the document's, not the records') are not linked to records."""
    from django.urls import reverse

    from gongkai.reports.importers.parse import parse_file
    from gongkai.reports.services import report_import
    from tests.agencies.factories import MembershipFactory

    source = CORPUS / "2021_2021_pingtan-zone.txt"
    report = report_import(
        actor=None,
        agency=dept_a,
        parsed=parse_file(source),
        filename=source.name,
        content=source.read_bytes(),
    )
    client.force_login(MembershipFactory(agency=dept_a, role="clerk").user)
    page = client.get(reverse("reports_office:detail", args=[report.pk])).content.decode()
    assert "/cells/" not in page
    download = client.get(reverse("reports_office:source", args=[report.pk]))
    assert b"".join(download.streaming_content) == source.read_bytes()
