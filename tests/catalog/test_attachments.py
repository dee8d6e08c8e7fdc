"""Attachments of catalogue items: the upload check, text for search, hidden content found for
the 保密审查, and stripping document properties."""

import io
import zipfile

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from gongkai.catalog import services as s
from gongkai.catalog.models import Attachment
from gongkai.catalog.states import ItemStatus
from gongkai.core.errors import DomainError
from gongkai.core.hidden_content import check_file
from gongkai.core.models import AuditEvent
from gongkai.core.uploads import UploadRejected
from gongkai.search.backends import SearchQuery, get_backend
from tests.catalog.fixtures import draft
from tests.core.test_hidden_content import (
    clean_document,
    clean_workbook,
    document_with_hidden_content,
    workbook_with_hidden_content,
)

pytestmark = pytest.mark.django_db


# Builders ---------------------------------------------------------------------------------------


def _bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_text(*paragraphs, table=(), author="") -> bytes:
    document = clean_document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=1, cols=len(table))
        for cell, text in zip(grid.rows[0].cells, table, strict=True):
            cell.text = text
    document.core_properties.author = author
    return _bytes(document)


def xlsx_with_text(*cells) -> bytes:
    workbook = clean_workbook()
    for row, value in enumerate(cells, start=2):
        workbook.active.cell(row=row, column=1, value=value)
    return _bytes(workbook)


def pdf_with_text(text: str, author: str = "") -> bytes:
    """A one-page PDF whose text is drawn in Helvetica (ASCII: no CJK font is needed)."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
    page[NameObject("/Contents")] = writer._add_object(content)
    writer.metadata = None
    if author:
        writer.add_metadata({"/Author": author})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def attach(actor, item, name, data, **kwargs) -> Attachment:
    return s.attachment_add(actor=actor, item=item, file=upload(name, data), **kwargs)


def search_ids(text, **facets):
    return get_backend().search(SearchQuery(text, facets=facets)).doc_ids


def submit_and_approve(clerk, reviewer, item, **approve):
    s.item_submit(actor=clerk, item=item)
    return s.item_approve(actor=reviewer, item=item, **approve)


# The upload check -------------------------------------------------------------------------------


def assert_rejected(actor, item, file, code):
    with pytest.raises(UploadRejected) as caught:
        s.attachment_add(actor=actor, item=item, file=file)
    assert caught.value.code == code
    assert not Attachment.objects.filter(item=item).exists()
    assert not AuditEvent.objects.filter(action="catalog.attach").exists()
    return caught.value


def test_a_file_of_a_type_not_accepted_is_rejected(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    assert_rejected(clerk_a, item, upload("说明.txt", "纯文本说明".encode()), "upload_type")
    old_word = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    assert_rejected(clerk_a, item, upload("旧版文件.doc", old_word), "upload_type")
    assert_rejected(clerk_a, item, upload("压缩包.zip", _zip({"a.txt": b"x"})), "upload_type")


def _zip(files: dict) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_an_empty_file_is_rejected(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    assert_rejected(clerk_a, item, upload("空白.pdf", b""), "upload_empty")


def test_an_oversized_file_is_rejected(clerk_a, dept_a, settings):
    settings.GONGKAI_MAX_UPLOAD_BYTES = settings.GONGKAI_MAX_ATTACHMENT_BYTES = 1024
    item = draft(clerk_a, dept_a)
    data = pdf_with_text("x" * 2000)
    assert len(data) > 1024
    assert_rejected(clerk_a, item, upload("大文件.pdf", data), "upload_too_large")


def test_the_attachment_size_limit_is_the_one_imports_use(clerk_a, dept_a, settings):
    settings.GONGKAI_MAX_ATTACHMENT_BYTES = 1024
    item = draft(clerk_a, dept_a)
    data = pdf_with_text("x" * 2000)
    assert_rejected(clerk_a, item, upload("大文件.pdf", data), "upload_too_large")


def test_a_file_whose_extension_does_not_match_its_content_is_rejected(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    error = assert_rejected(
        clerk_a, item, upload("实施方案.pdf", docx_with_text("正文")), "upload_extension"
    )
    assert "Word" in error.message
    assert_rejected(clerk_a, item, upload("统计表.docx", xlsx_with_text("1")), "upload_extension")


def test_a_jpeg_may_be_named_jpeg_or_jpg(clerk_a, dept_a):
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(out, "JPEG")
    item = draft(clerk_a, dept_a)
    attach(clerk_a, item, "图解一.jpeg", out.getvalue(), is_graphic=True)
    attach(clerk_a, item, "图解二.JPG", out.getvalue(), is_graphic=True)
    assert item.attachments.filter(is_graphic=True).count() == 2


def test_an_accepted_file_is_stored_with_its_type_size_uploader_and_audit(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    data = docx_with_text("正文")
    attachment = attach(clerk_a, item, "实施方案.docx", data)
    attachment.refresh_from_db()
    assert attachment.title == "实施方案.docx"
    assert attachment.content_type.endswith("wordprocessingml.document")
    assert attachment.size == len(data) and attachment.uploaded_by == clerk_a
    with attachment.file.open("rb") as stored:
        assert stored.read() == data
    assert attachment.file.name.endswith("/实施方案.docx")
    event = AuditEvent.objects.get(action="catalog.attach", object_id=str(item.pk))
    assert event.changes == {"attachment": [None, "实施方案.docx"]}


def test_a_given_title_replaces_the_file_name(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "a.pdf", pdf_with_text("x"), title=" 附件1：项目清单 ")
    assert attachment.title == "附件1：项目清单"


# Text for search --------------------------------------------------------------------------------


def test_text_is_extracted_from_a_docx_with_its_tables(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    data = docx_with_text("拟支持企业技术改造项目", table=("序号", "蓝湾精密铸造有限公司"))
    attachment = attach(clerk_a, item, "名单.docx", data)
    assert "拟支持企业技术改造项目" in attachment.text
    assert "蓝湾精密铸造有限公司" in attachment.text


def test_text_is_extracted_from_an_xlsx(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "统计.xlsx", xlsx_with_text("青石河综合治理工程", 1200))
    assert "青石河综合治理工程" in attachment.text and "1200" in attachment.text


def test_text_is_extracted_from_a_pdf(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "ledger.pdf", pdf_with_text("Quarterly procurement ledger"))
    assert attachment.text.split() == ["Quarterly", "procurement", "ledger"]


def test_an_image_has_no_text(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "图解.png", png(), is_graphic=True)
    assert attachment.text == "" and attachment.is_graphic


def test_attachment_text_becomes_searchable_once_the_item_is_published(
    clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    attach(clerk_a, item, "名单.docx", docx_with_text("蓝湾精密铸造有限公司"))
    attach(clerk_a, item, "统计.xlsx", xlsx_with_text("青石河综合治理工程"))
    attach(clerk_a, item, "ledger.pdf", pdf_with_text("Quarterly procurement ledger"))
    assert search_ids("蓝湾精密铸造") == []
    submit_and_approve(clerk_a, catalog_reviewer_a, item)
    assert search_ids("青石河综合治理") == []
    s.item_publish(actor=clerk_a, item=item)
    assert search_ids("蓝湾精密铸造") == [item.pk]
    assert search_ids("青石河综合治理") == [item.pk]
    assert search_ids("procurement ledger") == [item.pk]
    assert search_ids("蓝湾 procurement", agency=[str(dept_a.pk)]) == [item.pk]


# Hidden content ---------------------------------------------------------------------------------


def kinds(attachment):
    return {finding["kind"] for finding in attachment.findings}


def test_an_xlsx_with_a_hidden_sheet_produces_findings(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "名单.xlsx", workbook_with_hidden_content())
    attachment.refresh_from_db()
    assert {"hidden_sheet", "hidden_row", "hidden_column", "comment", "metadata_person"} <= kinds(
        attachment
    )
    sheet = next(f for f in attachment.findings if f["kind"] == "hidden_sheet")
    assert sheet == {
        "kind": "hidden_sheet",
        "where": "工作表“内部测算”",
        "message": "工作表“内部测算”被隐藏",
    }
    event = AuditEvent.objects.get(action="catalog.attach", object_id=str(item.pk))
    assert event.note == f"隐藏内容检查：{len(attachment.findings)}项"


def test_a_docx_with_comments_and_tracked_changes_produces_findings(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", document_with_hidden_content())
    assert {"comment", "tracked_change", "hidden_text", "metadata"} <= kinds(attachment)
    comment = next(f for f in attachment.findings if f["kind"] == "comment")
    assert "2条批注" in comment["message"] and "张三" in comment["message"]
    change = next(f for f in attachment.findings if f["kind"] == "tracked_change")
    assert "李四" in change["message"] and "拟否决的项目" in change["message"]


def test_clean_files_produce_no_findings(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    for name, data in [
        ("a.docx", docx_with_text("正文")),
        ("b.xlsx", xlsx_with_text("数据")),
        ("c.pdf", pdf_with_text("clean")),
        ("d.png", png()),
    ]:
        assert attach(clerk_a, item, name, data).findings == [], name


def workbook_with_a_title() -> bytes:
    """A workbook whose only finding is a document property that names no one (a notice)."""
    from tests.core.test_hidden_content import clean_workbook

    workbook = clean_workbook()
    workbook.properties.title = "内部讨论稿"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_approval_with_findings_needs_the_reviewer_to_confirm_them(
    clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    attach(clerk_a, item, "名单.xlsx", workbook_with_a_title(), title="项目名单")
    attach(clerk_a, item, "说明.docx", docx_with_text("说明"))
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(DomainError) as caught:
        s.item_approve(actor=catalog_reviewer_a, item=item)
    assert caught.value.code == "findings_unconfirmed"
    assert "项目名单" in caught.value.message and "说明.docx" not in caught.value.message
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED and item.review is None
    assert not item.reviews.exists()
    s.item_approve(actor=catalog_reviewer_a, item=item, findings_seen=True)
    item.refresh_from_db()
    assert item.status == ItemStatus.APPROVED and item.review.reviewer == catalog_reviewer_a
    # The review row keeps which findings the reviewer acknowledged.
    assert list(item.review.findings) == ["项目名单"]


def test_a_hidden_sheet_refuses_approval_until_the_reviewer_gives_a_reason(
    clerk_a, catalog_reviewer_a, dept_a
):
    item = draft(clerk_a, dept_a)
    attach(clerk_a, item, "名单.xlsx", workbook_with_hidden_content(), title="项目名单")
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(DomainError) as caught:
        s.item_approve(actor=catalog_reviewer_a, item=item, findings_seen=True)
    assert caught.value.code == "release_blocked" and "内部测算" in caught.value.message
    item.refresh_from_db()
    assert item.status == ItemStatus.SUBMITTED and not item.reviews.exists()
    reason = "隐藏的测算表经核对不含不予公开的内容，同意公开。"
    s.item_approve(actor=catalog_reviewer_a, item=item, findings_seen=True, release_override=reason)
    item.refresh_from_db()
    assert item.status == ItemStatus.APPROVED
    assert AuditEvent.objects.for_object(item).get(action="release.override").note == reason


def test_approval_without_findings_needs_no_confirmation(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    attach(clerk_a, item, "说明.docx", docx_with_text("说明"))
    item = submit_and_approve(clerk_a, catalog_reviewer_a, item)
    assert item.status == ItemStatus.APPROVED


# Stripping document properties --------------------------------------------------------------------


def stored(attachment) -> bytes:
    attachment.refresh_from_db()
    with attachment.file.open("rb") as handle:
        return handle.read()


def test_stripping_removes_the_author_findings_and_checks_the_file_again(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    assert attachment.findings == [
        {"kind": "metadata_person", "where": "文档属性", "message": "文档属性中含有作者“王瑞”"}
    ]
    s.attachment_strip_metadata(actor=clerk_a, attachment=attachment)
    attachment.refresh_from_db()
    data = stored(attachment)
    assert attachment.findings == [] and attachment.metadata_stripped
    assert check_file(data, "答复.docx") == []
    assert "王瑞".encode() not in data and attachment.size == len(data)
    assert attachment.file.name.endswith("/答复.docx")
    event = AuditEvent.objects.get(action="catalog.strip_metadata", object_id=str(item.pk))
    assert event.changes == {"findings": [1, 0]} and event.actor == clerk_a


def test_stripping_a_pdf_removes_its_author(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "ledger.pdf", pdf_with_text("ledger", author="Wang Rui"))
    assert kinds(attachment) == {"metadata_person"}
    s.attachment_strip_metadata(actor=clerk_a, attachment=attachment)
    assert attachment.findings == [] and b"Wang Rui" not in stored(attachment)


def test_stripping_keeps_comments_and_tracked_changes_for_the_reviewer(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", document_with_hidden_content())
    s.attachment_strip_metadata(actor=clerk_a, attachment=attachment)
    attachment.refresh_from_db()
    assert kinds(attachment) == {"comment", "tracked_change", "hidden_text"}


def test_once_stripped_a_file_no_longer_blocks_approval(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    s.item_submit(actor=clerk_a, item=item)
    s.attachment_strip_metadata(actor=catalog_reviewer_a, attachment=attachment)
    item = s.item_approve(actor=catalog_reviewer_a, item=item)
    assert item.status == ItemStatus.APPROVED


def test_the_reviewer_can_strip_metadata_during_the_review(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    s.item_submit(actor=clerk_a, item=item)
    s.attachment_strip_metadata(actor=catalog_reviewer_a, attachment=attachment)
    attachment.refresh_from_db()
    assert attachment.findings == [] and attachment.metadata_stripped


def test_metadata_cannot_be_stripped_once_approved(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    submit_and_approve(
        clerk_a, catalog_reviewer_a, item, findings_seen=True, release_override="作者为经办人。"
    )
    with pytest.raises(DomainError) as caught:
        s.attachment_strip_metadata(actor=clerk_a, attachment=attachment)
    assert caught.value.code == "not_editable"
    attachment.refresh_from_db()
    assert not attachment.metadata_stripped and len(attachment.findings) == 1


def test_metadata_cannot_be_stripped_from_an_image(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "图解.png", png())
    with pytest.raises(DomainError) as caught:
        s.attachment_strip_metadata(actor=clerk_a, attachment=attachment)
    assert caught.value.code == "strip_unsupported"


def test_a_supervisor_cannot_strip_metadata(clerk_a, supervisor, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    with pytest.raises(PermissionDenied):
        s.attachment_strip_metadata(actor=supervisor, attachment=attachment)


# Only drafts take attachments ---------------------------------------------------------------------


def test_attachments_cannot_be_added_after_submission(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(DomainError) as caught:
        attach(clerk_a, item, "补充.pdf", pdf_with_text("late"))
    assert caught.value.code == "not_editable"
    assert not item.attachments.exists()


def test_attachments_cannot_be_removed_after_submission(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "名单.pdf", pdf_with_text("list"))
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(DomainError) as caught:
        s.attachment_remove(actor=clerk_a, attachment=attachment)
    assert caught.value.code == "not_editable"
    assert item.attachments.count() == 1


def test_a_draft_attachment_can_be_removed_with_an_audit(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "名单.pdf", pdf_with_text("list"))
    s.attachment_remove(actor=clerk_a, attachment=attachment)
    assert not item.attachments.exists()
    event = AuditEvent.objects.get(action="catalog.detach", object_id=str(item.pk))
    assert event.changes == {"attachment": ["名单.pdf", None]}


def test_a_reviewer_cannot_add_attachments(clerk_a, catalog_reviewer_a, dept_a):
    item = draft(clerk_a, dept_a)
    with pytest.raises(PermissionDenied):
        attach(catalog_reviewer_a, item, "名单.pdf", pdf_with_text("list"))


def test_the_author_cannot_change_files_while_they_are_under_review(clerk_a, dept_a):
    item = draft(clerk_a, dept_a)
    attachment = attach(clerk_a, item, "答复.docx", docx_with_text("正文", author="王瑞"))
    s.item_submit(actor=clerk_a, item=item)
    with pytest.raises(PermissionDenied):
        s.attachment_strip_metadata(actor=clerk_a, attachment=attachment)
