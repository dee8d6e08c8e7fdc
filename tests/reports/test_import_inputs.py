"""Bad input to the importer: each file that cannot be read as a report is a clear error, named
by its reason, and `gongkai report check` exits with status 2. Good input in the other file
kinds (HTML as a publisher's page has it, DOCX) parses.
"""

from __future__ import annotations

import base64
import io
import random
from pathlib import Path

import pytest
from django.core.management import call_command
from docx import Document
from PIL import Image

from gongkai.reports.importers.extract import Unreadable
from gongkai.reports.importers.parse import parse_file
from tests.data import CORPUS

pytestmark = pytest.mark.django_db  # `report check` looks for earlier reports kept here


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def _png() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), "white").save(buffer, "PNG")
    return base64.b64encode(buffer.getvalue()).decode()


def _docx(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def check(*paths: Path) -> tuple[int, str, str]:
    """`gongkai report check FILE…`: (exit status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("report", "check", *map(str, paths), stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


NO_REPORT = "找不到政府信息公开工作年度报告的内容"

# (file name, content made on demand, the reason the message must name)
BAD = [
    ("empty.txt", lambda: b"", "文件是空的"),
    ("whitespace.txt", lambda: b" \n\t\n", "文件是空的"),
    ("minutes.pdf", lambda: _pdf("<p>会议纪要</p>"), NO_REPORT),
    ("minutes.docx", lambda: _docx("会议纪要", "讨论了办公用品采购事项。"), NO_REPORT),
    ("scan.pdf", lambda: _pdf(f'<img src="data:image/png;base64,{_png()}">'), "没有文字层"),
    ("broken.docx", lambda: random.Random(7).randbytes(4096), "Word文件已损坏或不是.docx格式"),
    ("broken.pdf", lambda: b"%PDF-1.7\n" + random.Random(8).randbytes(2048), "PDF文件无法读取"),
    ("broken.xlsx", lambda: random.Random(9).randbytes(4096), "Excel文件已损坏或不是.xlsx格式"),
    ("report.doc", lambda: b"\xd0\xcf\x11\xe0 an old Word file", "不支持的文件类型“.doc”"),
    ("report", lambda: "某局2019年政府信息公开工作年度报告".encode(), "不支持的文件类型"),
    ("notes.txt", lambda: "会议纪要：讨论了办公用品采购，共3项。".encode(), NO_REPORT),
]


@pytest.mark.parametrize(("name", "content", "reason"), BAD, ids=[b[0] for b in BAD])
def test_unreadable_input_is_a_clear_error(tmp_path, name, content, reason):
    """parse_file raises Unreadable saying why; `report check` prints the file's name and the
    reason and exits with status 2."""
    path = tmp_path / name
    path.write_bytes(content())
    with pytest.raises(Unreadable, match=reason):
        parse_file(path)
    status, out, _ = check(path)
    assert status == 2
    assert f"{name}：无法读取：" in out
    assert reason in out


def test_missing_file_is_a_clear_error(tmp_path):
    status, out, _ = check(tmp_path / "nowhere.txt")
    assert status == 2
    assert "无法读取文件" in out


def test_one_unreadable_file_among_good_ones_exits_2_and_still_checks_the_others(tmp_path):
    """Status 2 wins over 0/1, but the readable file's verdict is printed all the same."""
    good = tmp_path / "2019.txt"
    good.write_text(_GB2008_TEXT, encoding="utf-8")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    status, out, _ = check(good, bad)
    assert status == 2
    assert "2019.txt：测试县教育局 2017年度，格式 gb2008" in out
    assert "empty.txt：无法读取：文件是空的" in out


# --- good input in other kinds -----------------------------------------------------------------

# The 2011 zone report's statistics table as a publisher's HTML page has it (one <tr> per row,
# the label, unit and the two columns in <td>s), below a title and one paragraph.
_FJ_ROWS = [
    ("主动公开信息数", "条", "425", "1516"),
    ("其中：1.网站公开", "条", "418", "1509"),
    ("2.政府公报公开", "条", "7", "7"),
    ("受理依申请公开信息总数", "条", "3", "5"),
    ("其中：1.当面申请数", "条", "1", "2"),
    ("2.传真申请数", "条", "0", "0"),
    ("3.电子邮件申请数", "条", "2", "3"),
    ("4.网上申请数", "条", "0", "0"),
    ("5.信函申请数", "条", "0", "0"),
    ("6.其它形式申请数", "条", "0", "0"),
    ("对申请的答复数", "条", "3", "5"),
    ("其中：1.同意公开答复数", "条", "2", "4"),
    ("2.同意部分公开答复数", "条", "1", "1"),
    ("3.否决公开答复数", "条", "0", "0"),
    ("行政复议数", "条", "0", "0"),
    ("行政诉讼数", "条", "0", "0"),
    ("行政申诉数", "条", "0", "0"),
]


def _fj_html() -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td><p>{cell}</p></td>" for cell in row) + "</tr>" for row in _FJ_ROWS
    )
    return (
        "<html><head><meta charset='utf-8'><style>td{border:1px solid}</style>"
        "<script>var x = '主动公开信息数 9 9';</script></head><body>"
        "<h1>平潭综合实验区2011年政府信息公开工作年度报告</h1>"
        "<p>2011年主动公开政府信息425条。</p>"
        "<p>附件1：平潭综合实验区管委会2011年政府信息公开情况统计表</p>"
        "<table><tr><th>指标名称</th><th>计量单位</th><th>2011年度</th><th>历年累计</th></tr>"
        f"{rows}</table></body></html>"
    )


def test_html_page_with_a_table_parses(tmp_path):
    """An HTML page: table cells keep their boundaries (no splitting needed, 1516 stays one
    number), scripts are ignored, the title gives the agency and year."""
    path = tmp_path / "report.html"
    path.write_text(_fj_html(), encoding="utf-8")
    parsed = parse_file(path)
    assert (parsed.format_id, parsed.year, parsed.agency) == ("fj2008", 2011, "平潭综合实验区")
    table = parsed.report.format.table("fj_tongjibiao")
    printed = {
        row.key: [parsed.report.value("fj_tongjibiao", row.key, c) for c in table.column_keys]
        for row in table.cell_rows
        if parsed.report.value("fj_tongjibiao", row.key, "year") is not None
    }
    assert printed == {
        "pub": [425, 1516],
        "pub_web": [418, 1509],
        "pub_gazette": [7, 7],
        "req": [3, 5],
        "req_in_person": [1, 2],
        "req_fax": [0, 0],
        "req_email": [2, 3],
        "req_online": [0, 0],
        "req_letter": [0, 0],
        "req_other": [0, 0],
        "rep": [3, 5],
        "rep_agree": [2, 4],
        "rep_partial": [1, 1],
        "rep_refuse": [0, 0],
        "reconsideration": [0, 0],
        "litigation": [0, 0],
        "complaints": [0, 0],
    }
    assert parsed.problems == []
    status, out, _ = check(path)
    assert (status, "未发现不一致" in out) == (0, True)


def _corpus_2021_body() -> str:
    source = CORPUS / "2021_2021_pingtan-zone.txt"
    return source.read_text(encoding="utf-8").partition("\n")[2]


def _assert_2021(parsed):
    assert (parsed.format_id, parsed.year, parsed.agency) == ("gb2021", 2021, "平潭综合实验区")
    table = parsed.report.format.table("t3")
    assert [parsed.report.value("t3", "new_received", c) for c in table.column_keys] == [
        64, 0, 0, 2, 0, 4, 70,
    ]  # fmt: skip


def test_html_from_a_corpus_text_parses(tmp_path):
    """The 2021 zone report's flattened text in an HTML page (charset declared) reads as the
    .txt does: 640020470 is 64|0|0|2|0|4|70."""
    path = tmp_path / "2021.html"
    path.write_text(
        f"<html><head><meta charset='utf-8'></head><body><div>{_corpus_2021_body()}</div>"
        "</body></html>",
        encoding="utf-8",
    )
    _assert_2021(parse_file(path))


def test_html_without_a_charset_declaration_parses(tmp_path):
    """Saved pages often carry no <meta charset> (the server sent it in a header): UTF-8 (or
    GB18030) text must still be read as such, as .txt files are."""
    path = tmp_path / "2021.html"
    path.write_text(f"<html><body><div>{_corpus_2021_body()}</div></body></html>", encoding="utf-8")
    _assert_2021(parse_file(path))


_GB2008_TEXT = "\n".join(
    [
        "测试县教育局2017年政府信息公开工作年度报告",
        "附件：政府信息公开情况统计表",
        "(一)主动公开政府信息数 | 条 | 20 |",
        "其中:主动公开规范性文件数 | 条 | 2 |",
        "2.政府网站公开政府信息数 | 条 | 20 |",
        "(一)收到申请数 | 件 | 3 |",
        "1.当面申请数 | 件 | 1 |",
        "2.传真申请数 | 件 | 0 |",
        "3.网络申请数 | 件 | 2 |",
        "4.信函申请数 | 件 | 0 |",
        "(二)申请办结数 | 件 | 3 |",
        "1.按时办结数 | 件 | 3 |",
        "2.延期办结数 | 件 | 0 |",
    ]
)


def test_docx_with_a_table_parses(tmp_path):
    """A Word file whose table rows are real table rows: each cell read as one cell."""
    document = Document()
    document.add_paragraph("测试县教育局2017年政府信息公开工作年度报告")
    document.add_paragraph("附件：政府信息公开情况统计表")
    lines = [line.split(" | ")[:3] for line in _GB2008_TEXT.splitlines()[2:]]
    table = document.add_table(rows=len(lines), cols=3)
    for row, cells in zip(table.rows, lines, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text.strip(" |")
    path = tmp_path / "report.docx"
    document.save(path)
    parsed = parse_file(path)
    assert (parsed.format_id, parsed.year, parsed.agency) == ("gb2008", 2017, "测试县教育局")
    value = lambda row: parsed.report.value("tongjibiao", row, "value")  # noqa: E731
    assert [value(r) for r in ("s1_pub", "s1_pub_normative", "s1_ch_website")] == [20, 2, 20]
    assert [value(r) for r in ("s3_received", "s3_rec_inperson", "s3_rec_online")] == [3, 1, 2]
    assert [value(r) for r in ("s3_closed", "s3_closed_ontime", "s3_closed_extended")] == [3, 3, 0]
    assert parsed.consistent
