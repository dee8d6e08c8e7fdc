"""The one mechanism that reads untrusted files (core.parsing): the ZIP directory read before
anything is expanded, nesting, XML entity declarations, PDF page trees, and the child process
that bounds a reader's memory and time. tests/core/test_bounded_uploads.py sends the same
bombs through every place the platform takes a file.
"""

import ast
import io
import time
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile

import gongkai
from gongkai.core import parsing
from gongkai.core.errors import DomainError
from gongkai.core.parsing import Limits, ParseRefused, sandbox
from gongkai.core.parsing.xml import declares_dtd
from gongkai.core.uploads import DOCX, XLSX, check_upload
from tests.core import bombs
from tests.core.bombs import MB, assert_cheap, measured

# The ZIP directory, read before anything is expanded ------------------------------------------


def test_a_zip_with_more_parts_than_the_limit_is_refused_from_its_directory(settings):
    settings.GONGKAI_PARSE_LIMITS = {"entries": 100}
    parts = [bombs.stored(f"word/part{n}.xml", b"<a/>") for n in range(150)]
    data = bombs.write_zip([bombs.stored("word/document.xml", b"<w/>"), *parts])
    with pytest.raises(ParseRefused) as refused:
        check_upload(ContentFile(data, name="多.docx"), allowed=(DOCX,))
    assert refused.value.code == "upload_too_many_entries"
    assert refused.value.message == "“多.docx”包含100个以上的文件，超过文件数上限（100个）。"


def test_the_directory_walk_stops_at_the_limit_without_building_every_entry(settings):
    """zipfile would make an object per entry first; the walk gives up at entry limit + 1."""
    settings.GONGKAI_PARSE_LIMITS = {"entries": 1000}
    data = bombs.write_zip([bombs.stored(f"{n}", b"") for n in range(20_000)])
    with measured() as cost, pytest.raises(ParseRefused):
        parsing.check_directory(data, name="x.zip")
    assert cost.seconds < 1


def test_a_part_that_compresses_like_a_bomb_is_refused_by_its_ratio():
    with pytest.raises(ParseRefused) as refused:
        check_upload(ContentFile(bombs.docx_bomb(), name="方案.docx"), allowed=(DOCX,))
    assert refused.value.code == "upload_compression_ratio"
    assert "“方案.docx”中的“word/document.xml”的压缩比为" in refused.value.message
    assert "超过压缩比上限（200:1）" in refused.value.message


def test_parts_that_expand_beyond_the_limit_are_refused_by_their_sum(settings):
    settings.GONGKAI_PARSE_LIMITS = {"ratio": 100_000, "expanded_bytes": 100 * MB}
    with pytest.raises(ParseRefused) as refused:
        check_upload(ContentFile(bombs.xlsx_bomb(), name="表.xlsx"), allowed=(XLSX,))
    assert refused.value.code == "upload_too_large_expanded"
    assert refused.value.message.endswith("超过解压后大小上限（100MB）。")


def test_small_parts_may_compress_well():
    """Below 1 MB a part is not judged by its ratio: Office's own small XML compresses well."""
    part = bombs.deflated("word/styles.xml", b"<w:style/>" * 50_000)  # 500 KB, ratio > 200
    data = bombs.replaced(bombs.word_file(), part)
    assert check_upload(ContentFile(data, name="样式.docx"), allowed=(DOCX,)) is DOCX


def test_a_part_whose_directory_understates_its_size_is_never_expanded_past_it():
    """Headers can lie: the directory says 1 KB, the data expands to 100 MB. zipfile stops at
    the stated size (and the checksum then fails); Archive.read counts against it too."""
    part = bombs.repeated("附件.pdf", b"%PDF-1.4\n", b"\0" * MB, 100, b"%%EOF")
    part.declared_size = 1024
    data = bombs.write_zip([part])
    archive = parsing.open_archive(io.BytesIO(data), name="附件.zip")
    with measured() as cost, pytest.raises(zipfile.BadZipFile):
        archive.read("附件.pdf")
    assert_cheap(cost, seconds=1, megabytes=20)


def test_an_archive_of_attachments_is_checked_once_when_opened():
    with pytest.raises(ParseRefused) as refused:
        parsing.open_archive(io.BytesIO(bombs.zip_bomb()), name="附件.zip")
    assert refused.value.code == "upload_compression_ratio"
    assert "“附件.zip”中的“附件.pdf”" in refused.value.message
    with pytest.raises(zipfile.BadZipFile):
        parsing.open_archive(io.BytesIO(b"PK\x03\x04 not a zip"), name="坏.zip")


# Nesting ----------------------------------------------------------------------------------


def test_archives_nested_deeper_than_the_limit_are_refused():
    with pytest.raises(ParseRefused) as refused:
        parsing.inspect(bombs.docx_with_nested_zips(4), name="套娃.docx", limits=Limits())
    assert refused.value.code == "upload_nested_too_deep"
    assert "是第4层压缩包，超过嵌套层数上限（3层）" in refused.value.message


def test_archives_within_the_nesting_limit_are_read():
    parsing.inspect(bombs.docx_with_nested_zips(3), name="内嵌.docx", limits=Limits())


def test_nested_archives_share_one_expansion_budget():
    """Ten copies of an archive that expands to 30 MB: each passes alone, the sum does not."""
    inner = bombs.write_zip([bombs.repeated("a.bin", b"", b"\1" * MB, 30, b"")])
    outer = bombs.write_zip([bombs.stored(f"{n}.zip", inner) for n in range(10)])
    limits = Limits(ratio=100_000, expanded_bytes=256 * MB)
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        parsing.inspect(outer, name="多层.zip", limits=limits)
    assert refused.value.code == "upload_too_large_expanded"
    assert_cheap(cost)


# XML -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "declares"),
    [
        (b'<?xml version="1.0"?><w:document/>', False),
        (b'<?xml version="1.0"?>\r\n<!-- note --><root/>', False),
        (b'\xef\xbb\xbf<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><r/>', True),
        (b'<?xml version="1.0"?><!-- <root> --><!DOCTYPE r><r/>', True),
        ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r><r/>'.encode("utf-16"), True),
        ('<?xml version="1.0" encoding="UTF-16"?><r/>'.encode("utf-16"), False),
        (b"\x89PNG\r\n\x1a\n", False),
        (b"<?xml version='1.0'?><!--" + b"x" * (64 * 1024), True),  # a prolog too long to tell
    ],
)
def test_a_dtd_is_found_in_the_prolog_whatever_precedes_it(head, declares):
    assert declares_dtd(head) is declares


def test_xml_is_parsed_without_entities():
    with pytest.raises(ParseRefused) as refused:
        parsing.parse_xml(bombs.billion_laughs("r") + b"<r>&lol9;</r>", name="a.docx", member="x")
    assert refused.value.code == "upload_xml_entities"
    assert parsing.parse_xml(b"<r><a>1</a></r>", name="a.docx")[0].text == "1"


# PDF page trees ------------------------------------------------------------------------------


def test_a_pdf_whose_page_tree_holds_a_million_pages_is_refused_though_it_says_one():
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        parsing.inspect(bombs.pdf_with_pages(), name="页.pdf", limits=Limits())
    assert refused.value.code == "upload_too_many_pages"
    assert refused.value.message == "“页.pdf”有5000页以上，超过页数上限（5000页）。"
    assert_cheap(cost, seconds=2)


def test_a_pdf_that_declares_too_many_pages_is_refused_at_once():
    with pytest.raises(ParseRefused, match="有1000000页以上"):
        parsing.inspect(bombs.pdf_with_pages(declared=None), name="页.pdf", limits=Limits())


def test_a_page_tree_that_loops_back_on_itself_ends():
    looped = bombs._pdf(
        {
            1: "<< /Type /Catalog /Pages 2 0 R >>",
            2: "<< /Type /Pages /Kids [2 0 R 2 0 R] /Count 1 >>",
        }
    )
    with pytest.raises(ParseRefused):
        parsing.inspect(looped, name="环.pdf", limits=Limits())


def test_a_pdf_within_the_page_limit_is_read():
    parsing.inspect(bombs.plain_pdf(40), name="正常.pdf", limits=Limits(pdf_pages=40))


# The reading process -------------------------------------------------------------------------


def _allocate(data: bytes) -> int:
    hoard = [bytearray(10 * MB) for _ in range(100)]  # a gigabyte, ten megabytes at a time
    return len(hoard)


def test_a_reader_that_runs_out_of_memory_is_stopped_and_the_limit_named():
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        parsing.read(b"x", "大.pdf", _allocate, limits=Limits(memory_bytes=100 * MB))
    assert refused.value.code == "upload_parse_memory"
    assert refused.value.message == "读取“大.pdf”所需内存超过读取内存上限（100MB），已停止。"
    assert_cheap(cost, megabytes=150)
    assert [run.outcome for run in cost.runs] == ["memory_bytes"]


def _spin(data: bytes):
    while True:
        pass


def test_a_reader_that_takes_too_long_is_stopped_and_the_limit_named():
    started = time.monotonic()
    with pytest.raises(ParseRefused) as refused:
        parsing.read(b"x", "慢.docx", _spin, limits=Limits(seconds=1))
    assert refused.value.code == "upload_parse_timeout"
    assert refused.value.message == "读取“慢.docx”用时超过读取时间上限（1秒），已停止。"
    assert time.monotonic() - started < 3


def _refuse(data: bytes):
    raise DomainError("文件中没有统计表。", code="nothing_to_import", field="file")


def test_a_readers_exception_reaches_the_caller_with_its_code_and_field():
    with pytest.raises(DomainError) as raised:
        parsing.read(b"x", "a.txt", _refuse)
    assert (raised.value.code, raised.value.field) == ("nothing_to_import", "file")
    assert raised.value.message == "文件中没有统计表。"


def _nested(data: bytes):
    return parsing.read(data, "b", len), sandbox.inside()


def test_a_reader_runs_in_a_child_and_a_reader_it_calls_runs_inline():
    with sandbox.recorded() as runs:
        assert parsing.read(b"abc", "a", _nested) == (3, True)
    assert len(runs) == 1 and runs[0].outcome == "ok"
    assert not sandbox.inside()


def test_a_reader_can_be_started_from_a_thread_as_a_threaded_server_does():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(parsing.read, b"abc", "a", _nested).result(timeout=30) == (3, True)


def test_without_isolation_a_reader_runs_in_this_process(settings):
    settings.GONGKAI_PARSE_LIMITS = {"isolate": False}
    with sandbox.recorded() as runs:
        assert parsing.read(b"abc", "a", _nested) == (3, False)
    assert runs == []


def test_limits_come_from_settings_and_unknown_keys_are_an_error(settings):
    settings.GONGKAI_PARSE_LIMITS = {"pdf_pages": 10}
    assert Limits.current().pdf_pages == 10 and Limits.current().depth == 3
    settings.GONGKAI_PARSE_LIMITS = {"pages": 10}
    with pytest.raises(ImproperlyConfigured, match="pages"):
        Limits.current()


# One mechanism ---------------------------------------------------------------------------

PARSERS = {"PdfReader", "load_workbook", "Document", "ZipFile", "fromstring", "parse", "open"}
PARSER_OWNERS = {"PdfReader", "openpyxl", "docx", "zipfile", "etree", "lxml_html", "Image"}
# The modules whose functions read untrusted files, each only as a reader passed to
# core.parsing.read (or inside core.parsing itself); the exporters read only their own output.
READERS = {
    "core/parsing",
    "core/hidden_content",
    "core/imports.py",
    "catalog/text.py",
    "reports/importers/extract.py",
    "reports/exporters",
}


def test_office_pdf_and_xml_files_are_parsed_only_by_readers_under_core_parsing():
    root = Path(gongkai.__file__).parent
    found = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root).as_posix()
        if any(where.startswith(reader) for reader in READERS) or "/migrations/" in where:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
            reads = node.args or node.keywords  # docx.Document() makes a new, empty file
            distinctive = name in ("PdfReader", "load_workbook")
            if name in PARSERS and (owner in PARSER_OWNERS or distinctive) and reads:
                found.append(f"{where}:{node.lineno}")
    assert not found, "Files parsed outside core.parsing readers:\n" + "\n".join(found)
