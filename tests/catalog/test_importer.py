"""Importing an existing catalogue: all rows or none, every problem named by row and column."""

import csv
import datetime as dt
import io
import json
import zipfile

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from gongkai.catalog import services as s
from gongkai.catalog.models import Attachment, Category, ChannelRecord, Item, NormativeRecord
from gongkai.catalog.services.importer import COLUMNS, folder_source, read_rows, zip_source
from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.search.backends import SearchQuery, get_backend
from tests.catalog.fixtures import draft
from tests.catalog.test_attachments import docx_with_text, pdf_with_text

pytestmark = pytest.mark.django_db

ON_SQLITE = "sqlite" in django_settings.DATABASES["default"]["ENGINE"]


def csv_bytes(rows: list[dict], encoding: str = "utf-8-sig") -> bytes:
    names = [c for c in COLUMNS if any(c in row for row in rows)]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=names)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def run(actor, agency, data: bytes, name: str = "旧目录.csv", **kwargs):
    rows = read_rows(data, name)
    return s.catalog_import(actor=actor, agency=agency, rows=rows, source_name=name, **kwargs)


def failures(actor, agency, data, name="旧目录.csv", **kwargs):
    """The (row, column) of every error; asserts nothing at all was imported."""
    before = (Item.objects.count(), Attachment.objects.count(), ChannelRecord.objects.count())
    with pytest.raises(s.ImportFailed) as caught:
        run(actor, agency, data, name, **kwargs)
    assert caught.value.code == "import_failed"
    after = (Item.objects.count(), Attachment.objects.count(), ChannelRecord.objects.count())
    assert after == before
    assert not AuditEvent.objects.filter(action="catalog.import").exists()
    return caught.value.errors


def search_ids(text, **facets):
    return sorted(get_backend().search(SearchQuery(text, facets=facets)).doc_ids)


def category(code):
    return Category.objects.get(agency=None, code=code)


GOOD_ROWS = [
    {
        "index_number": "GXW-2017-0001",
        "title": "关于印发测试市工业转型升级实施方案的通知",
        "doc_number": "测工信〔2017〕12号",
        "created_on": "2017-03-01",
        "published_on": "2017-03-02",
        "summary": "印发工业转型升级实施方案。",
        "body": "<p onclick='x()'>现将方案印发给你们。<script>alert(1)</script></p>",
        "categories": "F03;G06",
        "channels": "政务微博:2017-03-02;政府门户网站:2017-03-01",
        "normative_number": "测政规〔2017〕1号",
        "attachments": "方案.docx",
    },
    {
        "index_number": "GXW-2017-0002",
        "title": "《工业转型升级实施方案》政策解读",
        "created_on": "2017-03-02",
        "published_on": "2017-03-03",
        "summary": "图解实施方案的主要内容。",
        "categories": "G15",
        "channels": "政务微信",
        "interprets": "GXW-2017-0001",
        "interpretation_form": "图解",
        "validity": "失效",
    },
    {
        "title": "2026年政务公开工作要点（征求意见稿）",
        "created_on": "2026-01-05",
        "summary": "工作要点草稿。",
        "categories": "T01",
    },
    {
        "title": "某企业环评报告（涉及商业秘密）",
        "created_on": "2016-05-01",
        "disclosure": "不予公开",
        "non_disclosure_reason": "涉及商业秘密（条例第十五条）",
    },
]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "方案.docx").write_bytes(docx_with_text("蓝湾精密铸造有限公司技术改造项目"))
    return tmp_path


def check_good_import(items, importer, reviewer, dept_a, source="旧目录.csv"):
    """A history migration: nothing is public until a reviewer who is not the importer
    approves the batch; then the migrated rows are published on their former dates."""
    policy, reading, plan, secret = items
    batch = policy.import_batch
    assert Item.objects.filter(agency=dept_a).count() == 4
    assert {i.import_batch for i in items} == {batch} and batch.kind == "history"
    # The rows the former system published wait for the 保密审查; the others are drafts.
    assert [i.status for i in items] == ["submitted", "submitted", "draft", "draft"]
    assert {i.author for i in items} == {importer} and batch.imported_by == importer
    assert not any(i.published_at or i.review for i in items)
    assert not ChannelRecord.objects.exists()
    assert policy.migrated_published_on == dt.date(2017, 3, 2) and not plan.migrated
    assert policy.imported_from == source == plan.imported_from
    assert policy.issuer == dept_a
    assert set(policy.categories.all()) == {category("F03"), category("G06")}
    assert reading.interprets == policy and reading.interpretation_form == "graphic"
    assert reading.validity == Item.Validity.EXPIRED
    assert policy.normative.registration_number == "测政规〔2017〕1号"
    assert policy.normative.issued_on == dt.date(2017, 3, 1)
    assert "<script" not in policy.body and "onclick" not in policy.body
    assert "现将方案印发给你们。" in policy.body
    [attachment] = policy.attachments.all()
    assert attachment.title == "方案.docx" and "蓝湾精密铸造" in attachment.text
    assert attachment.content_type.endswith("wordprocessingml.document")
    assert plan.index_number == f"{dept_a.credit_code}/T01-2026-00001"
    assert secret.disclosure == "not_disclosed" and secret.non_disclosure_reason
    event = AuditEvent.objects.get(action="catalog.import")
    assert event.agency == dept_a and event.changes == {"items": [0, 4]}
    assert event.actor == importer and source in event.note
    assert search_ids("转型升级") == []  # nothing is searchable before its review

    s.batch_approve(actor=reviewer, batch=batch)
    policy, reading, plan, secret = (Item.objects.get(pk=i.pk) for i in items)
    assert [i.status for i in (policy, reading, plan, secret)] == [
        "published",
        "published",
        "draft",
        "draft",
    ]
    assert timezone.localtime(policy.published_at).date() == dt.date(2017, 3, 2)
    assert policy.review.reviewer == reviewer and policy.review.batch == batch
    assert sorted(policy.channels.values_list("channel", "published_on")) == [
        ("portal", dt.date(2017, 3, 1)),
        ("weibo", dt.date(2017, 3, 2)),
    ]
    # A channel without its own date went out on the day of publication.
    assert list(reading.channels.values_list("channel", "published_on")) == [
        ("wechat", dt.date(2017, 3, 3))
    ]
    # Published rows are searchable once approved, with their attachments; drafts are not.
    assert search_ids("转型升级") == sorted([policy.pk, reading.pk])
    assert search_ids("蓝湾精密铸造") == [policy.pk]
    assert search_ids("转型升级", year=["2017"], validity=["expired"]) == [reading.pk]
    assert search_ids("政务公开工作要点") == [] and search_ids("环评报告") == []


def test_a_good_csv_with_a_bom_imports_every_row(admin_a, catalog_reviewer_a, dept_a, folder):
    data = csv_bytes(GOOD_ROWS)
    assert data.startswith(b"\xef\xbb\xbf")
    items = run(admin_a, dept_a, data, read_attachment=folder_source(folder), history=True)
    check_good_import(items, admin_a, catalog_reviewer_a, dept_a)


def test_a_good_json_imports_every_row(admin_a, catalog_reviewer_a, dept_a, folder):
    rows = [dict(row, doc_number=None, video_url=None) for row in GOOD_ROWS]
    data = json.dumps(rows, ensure_ascii=False).encode()
    items = run(
        admin_a, dept_a, data, "旧目录.json", read_attachment=folder_source(folder), history=True
    )
    check_good_import(items, admin_a, catalog_reviewer_a, dept_a, source="旧目录.json")
    assert items[0].doc_number == ""


def test_a_gb18030_csv_is_read(clerk_a, dept_a):
    rows = [{"title": "关于做好2017年度防汛工作的通知", "created_on": "2017-05-04"}]
    data = csv_bytes(rows, encoding="gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    [item] = run(clerk_a, dept_a, data)
    assert item.title == "关于做好2017年度防汛工作的通知"


def test_a_csv_without_a_bom_is_read(clerk_a, dept_a):
    data = csv_bytes([{"title": "无BOM的文件", "created_on": "2017-05-04"}], encoding="utf-8")
    assert run(clerk_a, dept_a, data)[0].title == "无BOM的文件"


def test_a_csv_with_bad_rows_imports_nothing_and_names_every_error(clerk_a, dept_a, folder):
    existing = draft(clerk_a, dept_a, index_number="OLD-2016-0001")
    ok = {"created_on": "2017-03-01"}
    rows = [
        dict(ok, index_number="GXW-2017-0001", title="第一行正常"),
        dict(ok, title="  "),
        dict(ok, title="日期错误", created_on="2017-13-45"),
        dict(ok, title="分类错误", categories="F03;Z99"),
        dict(ok, title="渠道无日期", channels="政务微博"),
        dict(ok, title="文件内重复", index_number="GXW-2017-0001"),
        dict(ok, title="与已有条目重复", index_number=existing.index_number),
        dict(ok, title="附件缺失", attachments="方案.docx;不存在.pdf"),
        dict(ok, title="不予公开无理由", disclosure="不予公开"),
        dict(ok, title="解读对象不存在", interprets="NOPE-0001", interpretation_form="文字解读"),
        dict(ok, title="解读靠后的行", interprets="GXW-2017-0012"),
        dict(ok, index_number="GXW-2017-0012", title="最后一行正常"),
    ]
    errors = failures(clerk_a, dept_a, csv_bytes(rows), read_attachment=folder_source(folder))
    assert [(e.row, e.column) for e in errors] == [
        (2, "title"),
        (3, "created_on"),
        (4, "categories"),
        (5, "channels"),
        (6, "index_number"),
        (7, "index_number"),
        (8, "attachments"),
        (9, "non_disclosure_reason"),
        (10, "interprets"),
        (11, "interprets"),
    ]
    messages = {(e.row, e.column): str(e) for e in errors}
    assert messages[(2, "title")] == "第2行 title：名称必填。"
    assert "2017-13-45" in messages[(3, "created_on")]
    assert "Z99" in messages[(4, "categories")]
    assert "政务微博" in messages[(5, "channels")]
    assert "第1行" in messages[(6, "index_number")]
    assert "OLD-2016-0001" in messages[(7, "index_number")]
    assert "不存在.pdf" in messages[(8, "attachments")]
    assert "NOPE-0001" in messages[(10, "interprets")]
    assert "GXW-2017-0012" in messages[(11, "interprets")]
    assert Item.objects.get() == existing


def test_an_unknown_channel_is_a_row_error(admin_a, dept_a):
    rows = [
        {
            "title": "渠道错误",
            "created_on": "2017-03-01",
            "published_on": "2017-03-02",
            "channels": "抖音:2017-03-02;政务微博:2017-03-02",
        }
    ]
    [error] = failures(admin_a, dept_a, csv_bytes(rows), history=True)
    assert (error.row, error.column) == (1, "channels")
    assert "抖音" in error.message and "政务微博" in error.message


def test_every_error_of_one_row_is_named(clerk_a, dept_a):
    rows = [
        {
            "title": "",
            "created_on": "2099-01-01",
            "disclosure": "依申请公开",
            "validity": "作废",
            "channels": "政务微博:2017-03-02",
        }
    ]
    errors = failures(clerk_a, dept_a, csv_bytes(rows))
    assert sorted(e.column for e in errors) == [
        "channels",
        "created_on",
        "non_disclosure_reason",
        "title",
        "validity",
    ]


def test_unknown_csv_columns_are_refused(clerk_a, dept_a):
    data = "名称,created_on,备注\r\n通知,2017-03-01,x\r\n".encode("utf-8-sig")
    with pytest.raises(DomainError) as caught:
        read_rows(data, "旧目录.csv")
    assert caught.value.code == "import_bad_columns"
    assert "名称" in caught.value.message and "备注" in caught.value.message
    assert "created_on" not in caught.value.message


def test_unknown_json_keys_are_refused_like_csv_columns(clerk_a, dept_a):
    data = json.dumps([{"title": "通知", "created_on": "2017-03-01", "categroies": "F03"}])
    with pytest.raises(DomainError) as caught:
        read_rows(data.encode(), "旧目录.json")
    assert "categroies" in caught.value.message


def test_files_other_than_csv_and_json_are_refused(clerk_a, dept_a):
    with pytest.raises(DomainError) as caught:
        read_rows(b"PK\x03\x04", "旧目录.xlsx")
    assert caught.value.code == "import_bad_type"
    with pytest.raises(DomainError) as caught:
        read_rows(b'{"title": "not a list"}', "旧目录.json")
    assert caught.value.code == "import_bad_json"


def test_an_empty_file_is_refused(clerk_a, dept_a):
    with pytest.raises(DomainError) as caught:
        run(clerk_a, dept_a, b"title,created_on\r\n")
    assert caught.value.code == "import_empty"


# Attachments ------------------------------------------------------------------------------------


def attachment_rows(*names):
    return [{"title": "附件测试", "created_on": "2017-03-01", "attachments": ";".join(names)}]


def test_attachments_are_read_from_a_folder(clerk_a, dept_a, tmp_path):
    (tmp_path / "子目录").mkdir()
    (tmp_path / "子目录" / "清单.pdf").write_bytes(pdf_with_text("Annual equipment list"))
    (tmp_path / "方案.docx").write_bytes(docx_with_text("正文"))
    rows = attachment_rows("方案.docx", "子目录/清单.pdf")
    [item] = run(clerk_a, dept_a, csv_bytes(rows), read_attachment=folder_source(tmp_path))
    assert sorted(item.attachments.values_list("title", flat=True)) == [
        "子目录/清单.pdf",
        "方案.docx",
    ]
    assert "equipment" in item.attachments.get(title="子目录/清单.pdf").text


def test_attachments_are_read_from_a_zip(clerk_a, dept_a):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("附件/方案.docx", docx_with_text("蓝湾精密铸造有限公司"))
        archive.writestr("清单.pdf", pdf_with_text("Annual equipment list"))
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        [item] = run(
            clerk_a,
            dept_a,
            csv_bytes(attachment_rows("方案.docx", "清单.pdf")),
            read_attachment=zip_source(archive),
        )
    [docx_file] = item.attachments.filter(title="方案.docx")
    with docx_file.file.open("rb") as handle:
        assert handle.read().startswith(b"PK")
    assert "蓝湾精密铸造" in docx_file.text
    assert "equipment" in item.attachments.get(title="清单.pdf").text


def test_an_attachment_name_cannot_leave_the_folder(clerk_a, dept_a, tmp_path):
    (tmp_path / "secret.pdf").write_bytes(pdf_with_text("secret"))
    folder = tmp_path / "附件"
    folder.mkdir()
    rows = attachment_rows("../secret.pdf", str(tmp_path / "secret.pdf"))
    errors = failures(clerk_a, dept_a, csv_bytes(rows), read_attachment=folder_source(folder))
    assert [(e.row, e.column) for e in errors] == [(1, "attachments"), (1, "attachments")]
    assert all("找不到附件" in e.message for e in errors)


def test_an_attachment_name_cannot_leave_the_zip(clerk_a, dept_a):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("方案.docx", docx_with_text("正文"))
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        errors = failures(
            clerk_a,
            dept_a,
            csv_bytes(attachment_rows("../secret.pdf")),
            read_attachment=zip_source(archive),
        )
    assert [e.message for e in errors] == ["找不到附件“../secret.pdf”。"]


def test_attachments_are_not_read_without_a_source(clerk_a, dept_a):
    errors = failures(clerk_a, dept_a, csv_bytes(attachment_rows("方案.docx")))
    assert [(e.row, e.column) for e in errors] == [(1, "attachments")]


def test_attachments_get_the_upload_check(clerk_a, dept_a, tmp_path):
    (tmp_path / "伪装.pdf").write_bytes(docx_with_text("正文"))
    (tmp_path / "说明.txt").write_bytes("纯文本".encode())
    errors = failures(
        clerk_a,
        dept_a,
        csv_bytes(attachment_rows("伪装.pdf", "说明.txt")),
        read_attachment=folder_source(tmp_path),
    )
    assert len(errors) == 2
    assert "扩展名" in errors[0].message and "不是允许的文件类型" in errors[1].message


def test_an_oversized_attachment_in_a_zip_is_reported_as_too_large(clerk_a, dept_a, settings):
    settings.GONGKAI_MAX_ATTACHMENT_BYTES = 1024
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("大文件.pdf", pdf_with_text("x" * 3000))
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        errors = failures(
            clerk_a,
            dept_a,
            csv_bytes(attachment_rows("大文件.pdf")),
            read_attachment=zip_source(archive),
        )
    [error] = errors
    assert "超过" in error.message and "空文件" not in error.message


def test_an_oversized_attachment_in_a_folder_is_reported_as_too_large(
    clerk_a, dept_a, settings, tmp_path
):
    settings.GONGKAI_MAX_ATTACHMENT_BYTES = 1024
    (tmp_path / "大文件.pdf").write_bytes(pdf_with_text("x" * 3000))
    [error] = failures(
        clerk_a,
        dept_a,
        csv_bytes(attachment_rows("大文件.pdf")),
        read_attachment=folder_source(tmp_path),
    )
    assert "超过" in error.message


# Dry run, permissions, and what the check misses --------------------------------------------------


def test_a_dry_run_checks_but_imports_nothing(admin_a, clerk_a, dept_a, folder):
    assert (
        run(
            admin_a,
            dept_a,
            csv_bytes(GOOD_ROWS),
            read_attachment=folder_source(folder),
            dry_run=True,
            history=True,
        )
        == []
    )
    assert not Item.objects.exists() and not AuditEvent.objects.filter(action="catalog.import")
    bad = [{"title": "", "created_on": "2017-03-01"}]
    errors = failures(clerk_a, dept_a, csv_bytes(bad), dry_run=True)
    assert [(e.row, e.column) for e in errors] == [(1, "title")]


def test_only_handling_staff_may_import_new_items(catalog_reviewer_a, admin_a, dept_a):
    rows = read_rows(csv_bytes([{"title": "通知", "created_on": "2017-03-01"}]), "x.csv")
    for actor in (catalog_reviewer_a, admin_a):
        with pytest.raises(PermissionDenied):
            s.catalog_import(actor=actor, agency=dept_a, rows=rows, source_name="x.csv")
    assert not Item.objects.exists()


def test_only_the_agency_administrator_may_import_a_history_migration(
    clerk_a, catalog_reviewer_a, dept_a
):
    rows = read_rows(csv_bytes([{"title": "通知", "created_on": "2017-03-01"}]), "x.csv")
    for actor in (clerk_a, catalog_reviewer_a):
        with pytest.raises(PermissionDenied, match="管理员"):
            s.catalog_import(
                actor=actor, agency=dept_a, rows=rows, source_name="x.csv", history=True
            )
    assert not Item.objects.exists()


def test_the_agency_own_category_wins_over_a_global_one_with_the_same_code(clerk_a, dept_a):
    ours = Category.objects.create(
        agency=dept_a, facet=Category.Facet.TOPIC, code="T01", name="本局综合事务"
    )
    [item] = run(
        clerk_a,
        dept_a,
        csv_bytes([{"title": "通知", "created_on": "2017-03-01", "categories": "T01"}]),
    )
    assert list(item.categories.all()) == [ours]


def test_a_registration_number_already_used_is_a_row_error(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.normative_register(
        actor=clerk_a,
        item=item,
        issued_on=dt.date(2026, 3, 2),
        registration_number="测政规〔2017〕1号",
    )
    rows = [{"title": "通知", "created_on": "2017-03-01", "normative_number": "测政规〔2017〕1号"}]
    errors = failures(clerk_a, dept_a, csv_bytes(rows))
    assert [(e.row, e.column) for e in errors] == [(1, "normative_number")]


def test_a_registration_number_repeated_in_the_file_is_a_row_error(clerk_a, dept_a):
    rows = [
        {"title": "通知一", "created_on": "2017-03-01", "normative_number": "测政规〔2017〕1号"},
        {"title": "通知二", "created_on": "2017-03-01", "normative_number": "测政规〔2017〕1号"},
    ]
    errors = failures(clerk_a, dept_a, csv_bytes(rows))
    assert [(e.row, e.column) for e in errors] == [(2, "normative_number")]


def test_a_generated_number_does_not_take_one_given_later_in_the_file(clerk_a, dept_a):
    given = f"{dept_a.credit_code}/F03-2017-00001"
    rows = [
        {"title": "无索引号", "created_on": "2017-03-01", "categories": "F03"},
        {"title": "有索引号", "created_on": "2017-03-01", "index_number": given},
    ]
    first, second = run(clerk_a, dept_a, csv_bytes(rows))
    assert second.index_number == given and first.index_number != given


def test_a_publication_date_in_the_future_is_a_row_error(admin_a, dept_a):
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    rows = [{"title": "未来发布", "created_on": "2017-03-01", "published_on": tomorrow}]
    errors = failures(admin_a, dept_a, csv_bytes(rows), history=True)
    assert [(e.row, e.column) for e in errors] == [(1, "published_on")]
    assert "晚于今天" in errors[0].message


def test_registration_numbers_of_imported_items_are_kept(clerk_a, dept_a):
    rows = [{"title": "通知", "created_on": "2017-03-01", "normative_number": "测政规〔2017〕9号"}]
    [item] = run(clerk_a, dept_a, csv_bytes(rows))
    assert NormativeRecord.objects.get().item == item


def test_an_abolished_normative_document_keeps_its_abolition_date(admin_a, dept_a):
    from gongkai.catalog.services.importer import catalog_import

    rows = [
        {
            "title": "关于加强节能监察的规定",
            "created_on": "2018-03-01",
            "published_on": "2018-03-05",
            "normative_number": "测甲规〔2018〕1号",
            "abolished_on": "2024-06-30",
        }
    ]
    [item] = catalog_import(
        actor=admin_a, agency=dept_a, rows=rows, source_name="old.csv", history=True
    )
    assert item.validity == "abolished"
    assert item.normative.abolished_on.isoformat() == "2024-06-30"
