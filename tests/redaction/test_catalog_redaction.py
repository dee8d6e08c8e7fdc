"""Redacting a catalogue item's attachment (主动公开): the same redaction as a case's file, the
redacted copy published as the item's file, the original kept inside — never on a public page,
download, search, feed, export or the public API; staff downloads of it recorded."""

import json
import shutil

import pymupdf
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse

from gongkai.catalog import services as c
from gongkai.catalog.indexing import index_doc
from gongkai.catalog.models import Attachment
from gongkai.core.errors import DomainError
from gongkai.core.files import file_read
from gongkai.core.models import AuditEvent
from gongkai.redaction import engine
from gongkai.redaction import services as r
from gongkai.redaction.models import Redaction
from gongkai.search.backends import SearchQuery, get_backend
from tests.catalog.fixtures import draft

from .files import ID_NUMBER, MOBILE, NAME, docx_naming, pdf_with_id_on_page_two

pytestmark = pytest.mark.django_db
needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed"
)
AMOUNT = "补助金额"  # on page 2 of the PDF, in a Chinese font: redacted as a term


def attach(clerk, item, name, data, title=""):
    upload = SimpleUploadedFile(name, data)
    return c.attachment_add(actor=clerk, item=item, file=upload, title=title)


@pytest.fixture
def item(clerk_a, dept_a):
    return draft(clerk_a, dept_a)


@pytest.fixture
def listing(clerk_a, item):
    return attach(clerk_a, item, "补助名单.pdf", pdf_with_id_on_page_two(), title="补助名单")


def redact(clerk, attachment, *, terms=()):
    """Propose boxes for the numbers and `terms`, accept each one as personal privacy, apply."""
    redaction = r.redaction_start(actor=clerk, document=attachment)
    for box in r.redaction_propose(actor=clerk, redaction=redaction, terms=terms):
        r.redaction_accept_box(actor=clerk, box=box, ground="personal_privacy")
    return redaction, r.redaction_apply(actor=clerk, redaction=redaction)


def publish(clerk, reviewer, item):
    c.item_submit(actor=clerk, item=item)
    c.item_approve(actor=reviewer, item=item, findings_seen=True)
    return c.item_publish(actor=clerk, item=item)


def assert_absent(pdf: bytes, *secrets: str):
    """Neither extractable as text (PyMuPDF) nor present in the file's raw or decompressed bytes."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        text = "".join(page.get_text() for page in doc)
    raw = engine.raw_streams(pdf)
    for secret in secrets:
        assert secret not in text
        assert secret.encode() not in raw
        assert secret.encode("utf-16-be") not in raw


# The redaction itself ------------------------------------------------------------------------


def test_redacting_a_pdf_attachment_adds_the_redacted_copy_and_keeps_the_original_inside(
    clerk_a, item, listing
):
    redaction, output = redact(clerk_a, listing, terms=[AMOUNT])

    listing.refresh_from_db()
    redaction.refresh_from_db()
    assert isinstance(output, Attachment) and output.item == item
    assert output.title == "补助名单（脱敏）" and not output.is_original
    assert listing.is_original and listing.text == ""
    assert redaction.owner == item and redaction.output_file == output
    assert redaction.status == Redaction.Status.APPLIED
    assert_absent(file_read(output), ID_NUMBER, MOBILE, AMOUNT)
    # What search will read of the copy: the rest of the text, none of what was boxed.
    assert "补助发放情况" in output.text and AMOUNT not in output.text
    assert ID_NUMBER not in output.text
    assert list(item.attachments.public()) == [output]


@needs_libreoffice
def test_redacting_a_word_attachment_publishes_a_pdf_without_the_name(clerk_a, item):
    word = attach(clerk_a, item, "说明.docx", docx_naming(), title="补助说明")

    redaction = r.redaction_start(actor=clerk_a, document=word)
    [box] = r.redaction_propose(actor=clerk_a, redaction=redaction, terms=[NAME])
    r.redaction_accept_box(actor=clerk_a, box=box, ground="personal_privacy")
    output = r.redaction_apply(actor=clerk_a, redaction=redaction)

    assert output.content_type == "application/pdf" and output.filename.endswith(".pdf")
    assert_absent(file_read(output), NAME)
    assert NAME not in output.text and "补助金额" in output.text
    word.refresh_from_db()
    assert word.is_original


def test_each_step_is_audited_on_the_item(clerk_a, item, listing):
    redact(clerk_a, listing)

    actions = list(
        AuditEvent.objects.for_object(item)
        .filter(action__startswith="redaction.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions[0] == "redaction.start" and actions[-1] == "redaction.apply"
    assert actions.count("redaction.accept_box") == 2
    apply = AuditEvent.objects.for_object(item).get(action="redaction.apply")
    assert apply.changes["attachment"] == ["补助名单", "补助名单（脱敏）"]


def test_the_grounds_are_those_of_the_regulation_in_force(clerk_a, item, listing):
    redaction = r.redaction_start(actor=clerk_a, document=listing)

    box = r.redaction_add_box(
        actor=clerk_a,
        redaction=redaction,
        page=1,
        x0=0,
        y0=0,
        x1=50,
        y1=50,
        ground="enforcement_file",  # 2019 Art. 16(2): no such ground in 2008
    )
    assert box.accepted
    with pytest.raises(DomainError, match="请选择不予公开的理由"):
        r.redaction_add_box(
            actor=clerk_a, redaction=redaction, page=1, x0=0, y0=0, x1=50, y1=50, ground="x"
        )


def test_redacting_again_replaces_the_earlier_copy_and_keeps_its_boxes(clerk_a, item, listing):
    _, first = redact(clerk_a, listing)

    again = r.redaction_start(actor=clerk_a, document=first)
    assert again.version == 2 and again.source_file == listing and again.boxes.count() == 2
    second = r.redaction_apply(actor=clerk_a, redaction=again)

    assert list(item.attachments.public()) == [second]
    assert list(item.attachments.originals()) == [listing]


def test_removing_the_redacted_copy_from_a_draft_leaves_the_original_inside(clerk_a, item, listing):
    redaction, output = redact(clerk_a, listing)

    c.attachment_remove(actor=clerk_a, attachment=output)

    listing.refresh_from_db()
    redaction.refresh_from_db()
    assert listing.is_original and redaction.output_attachment is None
    assert not item.attachments.public().exists()


def test_a_redacted_item_passes_its_review_without_a_reason(
    clerk_a, catalog_reviewer_a, item, listing
):
    """What is released is the redacted copy: the original's ID number, comment and attached
    file refuse nothing, since the original is never released."""
    redact(clerk_a, listing)
    c.item_submit(actor=clerk_a, item=item)

    approved = c.item_approve(actor=catalog_reviewer_a, item=item, findings_seen=True)

    assert approved.review is not None


# Who may, and when ---------------------------------------------------------------------------


def test_a_clerk_of_another_agency_cannot_even_find_the_item(clerk_b, listing):
    with pytest.raises(Http404):
        r.redaction_start(actor=clerk_b, document=listing)


def test_a_reviewer_or_a_supervisor_may_not_redact(catalog_reviewer_a, supervisor, listing):
    for outsider in (catalog_reviewer_a, supervisor):
        with pytest.raises(PermissionDenied):
            r.redaction_start(actor=outsider, document=listing)


def test_once_submitted_for_review_the_files_cannot_be_redacted(clerk_a, item, listing):
    redaction = r.redaction_start(actor=clerk_a, document=listing)
    c.item_submit(actor=clerk_a, item=item)

    with pytest.raises(DomainError) as caught:
        r.redaction_start(actor=clerk_a, document=listing)
    assert caught.value.code == "not_editable" and "退回" in caught.value.message
    with pytest.raises(DomainError):
        r.redaction_propose(actor=clerk_a, redaction=redaction)
    assert not redaction.boxes.exists()


def test_a_returned_item_may_be_redacted_again(clerk_a, catalog_reviewer_a, item, listing):
    c.item_submit(actor=clerk_a, item=item)
    c.item_return(actor=catalog_reviewer_a, item=item, opinion="附件含有身份证号，请脱敏。")

    _, output = redact(clerk_a, listing)

    assert output.item == item


def test_a_published_items_files_cannot_be_redacted_replaced_or_removed(
    clerk_a, catalog_reviewer_a, item, listing
):
    _, output = redact(clerk_a, listing)
    publish(clerk_a, catalog_reviewer_a, item)

    for attachment in (listing, output):
        with pytest.raises(DomainError) as caught:
            r.redaction_start(actor=clerk_a, document=attachment)
        assert caught.value.code == "not_editable"
        with pytest.raises(DomainError):
            c.attachment_remove(actor=clerk_a, attachment=attachment)
    with pytest.raises(DomainError):
        attach(clerk_a, item, "另一份.pdf", pdf_with_id_on_page_two())
    assert set(item.attachments.all()) == {listing, output}


# The database's own rules ----------------------------------------------------------------------


def test_the_database_keeps_no_search_text_and_no_graphic_for_an_original(listing):
    with pytest.raises(IntegrityError), transaction.atomic():
        Attachment.objects.filter(pk=listing.pk).update(is_original=True)  # text still set
    with pytest.raises(IntegrityError), transaction.atomic():
        Attachment.objects.filter(pk=listing.pk).update(is_original=True, text="", is_graphic=True)


def test_the_database_refuses_a_redaction_of_both_a_case_and_an_item(
    clerk_a, item, listing, in_progress
):
    redaction = r.redaction_start(actor=clerk_a, document=listing)

    with pytest.raises(IntegrityError), transaction.atomic():
        Redaction.objects.filter(pk=redaction.pk).update(application=in_progress)
    with pytest.raises(IntegrityError), transaction.atomic():
        Redaction.objects.filter(pk=redaction.pk).update(source_attachment=None)


# Never public ---------------------------------------------------------------------------------


@pytest.fixture
def published_redacted(clerk_a, catalog_reviewer_a, item, listing):
    _, output = redact(clerk_a, listing, terms=[AMOUNT])
    publish(clerk_a, catalog_reviewer_a, item)
    item.refresh_from_db()
    return item, listing, output


def test_the_public_item_page_lists_only_the_redacted_copy(client, published_redacted):
    item, original, output = published_redacted

    page = client.get(reverse("catalog:item", args=[item.agency.code, item.public_id]))

    text = page.content.decode()
    assert output.title in text
    assert reverse("catalog:attachment", args=[item.agency.code, item.public_id, output.pk]) in text
    assert (
        reverse("catalog:attachment", args=[item.agency.code, item.public_id, original.pk])
        not in text
    )
    assert "补助名单</a>" not in text


def test_the_originals_download_address_answers_as_a_missing_file(client, published_redacted):
    item, original, output = published_redacted

    def get(pk):
        return client.get(
            reverse("catalog:attachment", args=[item.agency.code, item.public_id, pk])
        )

    assert get(output.pk).status_code == 200
    assert get(original.pk).status_code == 404


def test_search_finds_the_redacted_copys_text_never_the_originals(published_redacted):
    item, _original, _output = published_redacted

    def found(text):
        return get_backend().search(SearchQuery(text)).doc_ids

    assert found("补助发放情况") == [item.pk]
    assert found(AMOUNT) == []
    body = index_doc(item).body
    assert ID_NUMBER not in body and MOBILE not in body and AMOUNT not in body


def test_the_search_page_quotes_nothing_of_the_original(client, published_redacted):
    page = client.get(reverse("catalog:search"), {"q": "补助发放情况"})

    text = page.content.decode()
    assert page.status_code == 200 and "补助发放情况" in text
    assert ID_NUMBER not in text and AMOUNT not in text


def test_the_public_api_and_the_json_export_name_only_the_redacted_copy(client, published_redacted):
    item, original, output = published_redacted

    detail = client.get(f"/api/catalog/items/{item.public_id}/").json()
    export = client.get(reverse("catalog:export", args=[item.agency.code]))
    exported = b"".join(export.streaming_content).decode()

    assert [a["title"] for a in detail["attachments"]] == [output.title]
    assert all(not a["url"].endswith(f"/files/{original.pk}/") for a in detail["attachments"])
    assert json.loads(exported)[0]["id"] == str(item.public_id)
    assert original.title + '"' not in exported and f"/files/{original.pk}/" not in exported


def test_feeds_do_not_name_the_original(client, published_redacted):
    item, original, _output = published_redacted

    for name in ("catalog:rss", "catalog:atom"):
        feed = client.get(reverse(name, args=[item.agency.code])).content.decode()
        assert item.title in feed and f"/files/{original.pk}/" not in feed


# Staff and the original -------------------------------------------------------------------------


def _download(client, user, attachment):
    client.force_login(user)
    return client.get(
        reverse("catalog_office:attachment", args=[attachment.item_id, attachment.pk])
    )


def test_staff_download_of_the_original_is_audited(client, clerk_a, published_redacted):
    item, original, _output = published_redacted

    response = _download(client, clerk_a, original)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == file_read(original)
    event = AuditEvent.objects.for_object(item).get(action="catalog.view_original")
    assert event.actor == clerk_a and event.note == original.title


def test_the_reviewer_sees_the_original_the_supervisor_and_other_agencies_do_not(
    client, catalog_reviewer_a, supervisor, clerk_b, published_redacted
):
    _item, original, output = published_redacted

    assert _download(client, catalog_reviewer_a, original).status_code == 200
    assert _download(client, supervisor, original).status_code == 403
    assert _download(client, supervisor, output).status_code == 200
    assert _download(client, clerk_b, original).status_code == 404


def test_downloading_the_redacted_copy_is_not_recorded_as_a_look_at_the_original(
    client, clerk_a, published_redacted
):
    item, _original, output = published_redacted

    _download(client, clerk_a, output)

    assert not AuditEvent.objects.for_object(item).filter(action="catalog.view_original").exists()


def test_each_page_image_of_the_working_copy_is_audited_on_the_item(client, clerk_a, item, listing):
    redaction = r.redaction_start(actor=clerk_a, document=listing)
    client.force_login(clerk_a)

    response = client.get(reverse("redaction:page", args=[redaction.pk, 2]))

    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    event = AuditEvent.objects.for_object(item).get(action="redaction.view_original")
    assert event.note == "补助名单 第2页"


# The office item page ---------------------------------------------------------------------------


def test_the_office_page_offers_redaction_on_each_file_of_a_draft(client, clerk_a, item, listing):
    other = attach(clerk_a, item, "图表.pdf", pdf_with_id_on_page_two())
    client.force_login(clerk_a)

    page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()

    action = reverse("catalog_office:act", args=[item.pk, "redact"])
    assert page.count(f'action="{action}"') == 2
    for attachment in (listing, other):
        assert f'name="redact-attachment" value="{attachment.pk}"' in page
        assert f'aria-label="脱敏处理：{attachment.title}"' in page


def test_the_redaction_button_leads_to_the_editor(client, clerk_a, item, listing):
    client.force_login(clerk_a)

    response = client.post(
        reverse("catalog_office:act", args=[item.pk, "redact"]),
        {"redact-attachment": listing.pk},
    )

    redaction = Redaction.objects.get(source_attachment=listing)
    assert response.status_code == 302 and response.url == redaction.office_url


def test_the_office_page_marks_the_original_and_lists_the_redacted_copy(
    client, clerk_a, item, listing
):
    _, output = redact(clerk_a, listing)
    client.force_login(clerk_a)

    page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()

    assert "原件（仅内部可见）" in page and output.title in page
    assert reverse("catalog_office:attachment", args=[item.pk, listing.pk]) in page
    assert reverse("catalog_office:attachment", args=[item.pk, output.pk]) in page


def test_no_redaction_is_offered_once_the_item_is_submitted(client, clerk_a, item, listing):
    c.item_submit(actor=clerk_a, item=item)
    client.force_login(clerk_a)

    page = client.get(reverse("catalog_office:item", args=[item.pk])).content.decode()

    assert reverse("catalog_office:act", args=[item.pk, "redact"]) not in page
