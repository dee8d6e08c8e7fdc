"""Issue 15, bounded parsing: every place the platform takes a file refuses a bomb within 5 s and
200 MB of extra memory, with a message naming the limit, and keeps nothing of it; normal files
are still accepted.

Each bomb is built in the test (tests/core/bombs.py) and is what a naive reader chokes on: a
Word file of ~600 KB whose document.xml expands to 200 MB (the issue's 179 KB file took 118 s
and 1 GB), the same for an Excel sheet, the issue's 48 KB ZIP named in 8 rows of an import,
archives nested inside archives, "billion laughs" XML, and a PDF of a million pages in 1 KB.
The cost is measured by `measured`: wall time, this process's peak memory (its kernel
high-water mark, reset first) and every reading child's peak (its own getrusage).
"""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.appeals import services as appeals
from gongkai.applications.models import Application
from gongkai.applications.services import application_submit_online
from gongkai.catalog import services as catalog
from gongkai.catalog.models import Attachment, Item
from gongkai.catalog.services.importer import zip_source
from gongkai.core import parsing
from gongkai.core.imports import ImportFailed
from gongkai.core.parsing import ParseRefused
from gongkai.engagement.models import Comment
from gongkai.powerlists import services as powerlists
from gongkai.powerlists.models import PowerItem
from gongkai.reports.importers.extract import Unreadable
from gongkai.reports.importers.parse import parse_file
from tests.applications.test_intake import REQUEST
from tests.catalog.fixtures import draft
from tests.core import bombs
from tests.core.bombs import MB, assert_cheap, measured
from tests.engagement.fixtures import DURING, frozen, submit
from tests.powerlists.fixtures import adjustment

pytestmark = pytest.mark.django_db

# (bomb, file name, the code of the limit it hits first)
OFFICE_BOMBS = {
    "docx_bomb": (bombs.docx_bomb, "方案.docx", "upload_compression_ratio"),
    "xlsx_bomb": (bombs.xlsx_bomb, "清单.xlsx", "upload_compression_ratio"),
    "zip_in_zip": (lambda: bombs.docx_with_nested_zips(5), "套娃.docx", "upload_nested_too_deep"),
    "docx_laughs": (bombs.docx_laughs, "实体.docx", "upload_xml_entities"),
    "xlsx_laughs": (bombs.xlsx_laughs, "实体.xlsx", "upload_xml_entities"),
    "pdf_pages": (bombs.pdf_with_pages, "百万页.pdf", "upload_too_many_pages"),
}


def upload(build, name) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, build())


# Catalogue attachments: upload, API, import ---------------------------------------------------


@pytest.mark.parametrize("bomb", OFFICE_BOMBS)
def test_a_catalogue_attachment_bomb_is_refused_cheaply_and_nothing_is_kept(bomb, clerk_a, dept_a):
    build, name, code = OFFICE_BOMBS[bomb]
    item = draft(clerk_a, dept_a)
    file = upload(build, name)
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        catalog.attachment_add(actor=clerk_a, item=item, file=file)
    assert_cheap(cost)
    assert refused.value.code == code and f"“{name}”" in refused.value.message
    assert not Attachment.objects.exists()


def test_the_api_answers_a_bomb_with_the_code_of_the_limit(client, clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    client.force_login(clerk_a)
    client.get(f"/api/office/catalog/items/{item.pk}/")  # builds the API schema, once a run
    with measured() as cost:
        response = client.post(
            f"/api/office/catalog/items/{item.pk}/attachments/",
            {"file": upload(bombs.docx_bomb, "方案.docx")},
        )
    assert_cheap(cost)
    assert response.status_code == 400
    assert response.json()["code"] == "upload_compression_ratio"
    assert "压缩比上限" in response.json()["message"]


def _import_csv(*names) -> SimpleUploadedFile:
    lines = ["title,created_on,attachments"]
    lines += [f"条目{n},2026-01-05,{name}" for n, name in enumerate(names, 1)]
    return SimpleUploadedFile("目录.csv", "\n".join(lines).encode())


def test_the_issues_48_kb_zip_named_in_eight_rows_is_refused_once_when_opened(
    client, clerk_a, dept_a
):
    archive = bombs.zip_bomb()
    assert len(archive) < 50 * 1024
    client.force_login(clerk_a)
    with measured() as cost:
        response = client.post(
            reverse("catalog_office:import"),
            {
                "agency": dept_a.pk,
                "data": _import_csv(*["附件.pdf"] * 8),
                "attachments": SimpleUploadedFile("附件.zip", archive),
            },
        )
    assert_cheap(cost)
    page = response.content.decode()
    assert response.status_code == 400
    assert "“附件.zip”中的“附件.pdf”的压缩比为" in page and "压缩比上限" in page
    assert not Item.objects.exists()


def test_a_bomb_inside_the_import_zip_is_an_error_on_every_row_naming_it(clerk_a, dept_a):
    """The ZIP itself is honest (stored); the Word file in it is the bomb. Rows are checked one
    attachment at a time, so eight rows cost what one does."""
    archive = bombs.write_zip([bombs.stored("方案.docx", bombs.docx_bomb())])
    rows = [
        {"title": f"条目{n}", "created_on": "2026-01-05", "attachments": "方案.docx"}
        for n in range(8)
    ]
    opened = parsing.open_archive(io.BytesIO(archive), name="附件.zip")
    with measured() as cost, pytest.raises(ImportFailed) as failed:
        catalog.catalog_import(
            actor=clerk_a,
            agency=dept_a,
            rows=rows,
            source_name="目录.csv",
            read_attachment=zip_source(opened),
        )
    assert_cheap(cost)
    assert [e.row for e in failed.value.errors] == list(range(1, 9))
    assert all("压缩比上限" in e.message for e in failed.value.errors)
    assert not Item.objects.exists()


def test_normal_attachments_are_still_accepted_and_read(clerk_a, dept_a):
    """A Word file with an embedded workbook (an archive in an archive), a 40-page PDF and a
    workbook: stored, with their text for search."""
    item = draft(clerk_a, dept_a)
    workbook = bombs.excel_file(("项目名称",), [("技术改造",)])
    word = bombs.replaced(
        bombs.word_file("蓝湾精密铸造有限公司"),
        bombs.stored("word/embeddings/Microsoft_Excel_Worksheet.xlsx", workbook),
    )
    files = {"方案.docx": word, "清单.xlsx": workbook, "图册.pdf": bombs.plain_pdf(40)}
    with measured() as cost:
        for name, data in files.items():
            catalog.attachment_add(actor=clerk_a, item=item, file=SimpleUploadedFile(name, data))
    assert_cheap(cost, seconds=20)
    texts = dict(item.attachments.values_list("title", "text"))
    assert "蓝湾精密铸造有限公司" in texts["方案.docx"] and "技术改造" in texts["清单.xlsx"]
    assert set(texts) == set(files)


def test_when_the_checks_before_reading_are_lifted_the_reading_process_still_stops(
    settings, clerk_a, dept_a
):
    """The memory limit is the last line: with the ratio and size checks set out of reach, the
    200 MB document.xml reaches python-docx and lxml, in a child that may use 150 MB."""
    settings.GONGKAI_PARSE_LIMITS = {
        "ratio": 100_000,
        "expanded_bytes": 1024 * MB,
        "memory_bytes": 150 * MB,
    }
    item = draft(clerk_a, dept_a)
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        catalog.attachment_add(actor=clerk_a, item=item, file=upload(bombs.docx_bomb, "方案.docx"))
    assert refused.value.code == "upload_parse_memory"
    assert refused.value.message == "读取“方案.docx”所需内存超过读取内存上限（150MB），已停止。"
    assert_cheap(cost)
    assert cost.runs and cost.runs[-1].outcome == "memory_bytes"
    assert not Attachment.objects.exists()


# Other uploads: applications, appeals, consultations ------------------------------------------


def test_an_applicants_identity_proof_bomb_refuses_the_whole_application(applicant_user, dept_a):
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        application_submit_online(
            applicant=applicant_user,
            agency=dept_a,
            identity_proof=upload(bombs.pdf_with_pages, "身份证.pdf"),
            **REQUEST,
        )
    assert_cheap(cost)
    assert refused.value.code == "upload_too_many_pages"
    assert not Application.objects.exists()


def test_an_appeal_document_bomb_is_refused(clerk_a, open_case):
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        appeals.document_add(
            actor=clerk_a,
            case=open_case,
            file=upload(lambda: bombs.docx_with_nested_zips(5), "决定书.docx"),
            kind="decision",
        )
    assert_cheap(cost)
    assert refused.value.code == "upload_nested_too_deep"
    assert not open_case.documents.exists()


def test_a_comment_with_a_bomb_attached_is_not_kept_at_all(consultation, citizen):
    """The comment is written before its files; the refused file takes it back with it."""
    with frozen(DURING), measured() as cost, pytest.raises(ParseRefused):
        submit(consultation, citizen, files=[upload(bombs.pdf_with_pages, "意见.pdf")])
    assert_cheap(cost)
    assert not Comment.objects.exists()


# Imports: power lists (CSV, XLSX) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "code"),
    [(bombs.xlsx_bomb, "upload_compression_ratio"), (bombs.xlsx_laughs, "upload_xml_entities")],
    ids=["sheet_bomb", "billion_laughs"],
)
def test_a_workbook_bomb_in_an_import_is_refused(build, code, clerk_a, dept_a):
    with measured() as cost, pytest.raises(ParseRefused) as refused:
        rows = powerlists.read_rows(build(), "清单.xlsx")
        powerlists.powerlist_import(actor=clerk_a, agency=dept_a, rows=rows, **adjustment())
    assert_cheap(cost)
    assert refused.value.code == code
    assert not PowerItem.objects.exists()


def test_an_import_stops_reading_one_row_past_the_limit(settings):
    settings.GONGKAI_IMPORT_MAX_ROWS = 10
    text = "code,power_type,name\n" + "x,行政许可,事项\n" * 50_000
    with pytest.raises(Exception, match="一次最多导入10条"):
        powerlists.read_rows(text.encode(), "清单.csv")


# Annual reports: `report check`, the check page ---------------------------------------------


@pytest.mark.parametrize("bomb", OFFICE_BOMBS)
def test_report_check_names_the_limit_a_bomb_exceeds(bomb, tmp_path):
    build, name, _code = OFFICE_BOMBS[bomb]
    if name.endswith(".xlsx"):
        name = "年报.xlsx"
    path = tmp_path / name
    path.write_bytes(build())
    with measured() as cost, pytest.raises(Unreadable, match=r"上限|禁令"):
        parse_file(path)
    assert_cheap(cost)


def test_the_report_check_page_refuses_a_bomb_by_name(client, supervisor):
    client.force_login(supervisor)
    files = [upload(bombs.docx_bomb, "年报.docx"), upload(bombs.pdf_with_pages, "年报.pdf")]
    with measured() as cost:
        response = client.post(reverse("reports_office:check"), {"files": files})
    assert_cheap(cost)
    assert response.status_code == 400 and "压缩比上限" in response.content.decode()


def test_a_report_page_declaring_entities_is_read_without_expanding_them(tmp_path):
    """HTML is not XML: lxml's HTML parser leaves an entity it does not know as text."""
    page = bombs.billion_laughs("html") + b"<html><body><p>&lol9;</p></body></html>"
    path = tmp_path / "年报.html"
    path.write_bytes(page)
    with measured() as cost, pytest.raises(Unreadable, match="找不到政府信息公开工作年度报告"):
        parse_file(path)
    assert_cheap(cost)


# The check before reading, for uploads only stored ----------------------------------------


def test_even_a_file_that_is_never_read_is_refused_beyond_the_limits(settings):
    from gongkai.core.uploads import ALL_KINDS, check_upload

    with pytest.raises(ParseRefused):
        check_upload(ContentFile(bombs.docx_bomb(), name="a.docx"), allowed=ALL_KINDS)
    with zipfile.ZipFile(io.BytesIO(bombs.docx_bomb())) as archive:  # and it is a real file
        assert archive.getinfo("word/document.xml").file_size > 199 * MB
