"""The redaction engine removes what lies under a box; drawing a black box is not enough."""

import shutil

import pymupdf
import pytest
from django.core.exceptions import ValidationError

from gongkai.core.identifiers import validate_resident_id
from gongkai.redaction import engine

from .files import ID_NUMBER, MOBILE, NAME, docx_naming, pdf_with_id_on_page_two

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def is_id(text):
    try:
        validate_resident_id(text)
    except ValidationError:
        return False
    return True


def test_the_fixture_holds_the_number_as_text_and_as_raw_bytes():
    """The checks below mean something: before redaction, both searches find the number."""
    pdf = pdf_with_id_on_page_two()
    assert ID_NUMBER in engine.extracted_text(pdf)
    assert ID_NUMBER.encode() in engine.raw_streams(pdf)


def test_proposals_find_a_valid_id_number_and_a_mobile_number_on_page_two():
    proposals = engine.propose(pdf_with_id_on_page_two(), is_id_number=is_id)

    found = {(p.kind, p.box.page, p.box.text) for p in proposals}
    assert found == {("id_number", 2, ID_NUMBER), ("mobile", 2, MOBILE)}


def test_a_number_with_a_wrong_check_character_is_not_proposed_as_an_id_number():
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "110101199003071234", fontname="helv")

    assert engine.propose(doc.tobytes(), is_id_number=is_id, mobiles=False) == []


def test_typed_terms_are_proposed_wherever_they_occur():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Wang Wu visited; Wang Wu signed.", fontname="helv")

    proposals = engine.propose(doc.tobytes(), is_id_number=is_id, terms=["Wang Wu"])

    assert [(p.kind, p.box.text) for p in proposals] == [("term", "Wang Wu")] * 2


def test_after_applying_neither_text_extraction_nor_a_raw_search_finds_the_number():
    pdf = pdf_with_id_on_page_two()
    boxes = [p.box for p in engine.propose(pdf, is_id_number=is_id, mobiles=False)]

    redacted = engine.apply(pdf, boxes)

    assert ID_NUMBER not in engine.extracted_text(redacted)
    assert ID_NUMBER.encode() not in engine.raw_streams(redacted)
    assert "补助金额" in engine.extracted_text(redacted)  # the rest of the page stays


def test_applying_strips_metadata_annotations_and_attachments():
    pdf = pdf_with_id_on_page_two(author="李四")

    redacted = engine.apply(pdf, [])

    with pymupdf.open(stream=redacted, filetype="pdf") as doc:
        assert not any(doc.metadata.get(k) for k in ("author", "title", "subject", "keywords"))
        assert doc.embfile_count() == 0
        assert all(not list(page.annots()) for page in doc)
    assert "李四".encode("utf-16-be") not in engine.raw_streams(redacted)


def test_a_box_drawn_by_hand_removes_the_image_pixels_under_it():
    doc = pymupdf.open()
    page = doc.new_page()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 100, 100), False)
    pixmap.set_rect(pixmap.irect, (200, 30, 30))
    page.insert_image(pymupdf.Rect(100, 100, 200, 200), pixmap=pixmap)

    redacted = engine.apply(doc.tobytes(), [engine.Box(1, 100, 100, 150, 200)])

    image = pymupdf.open(stream=redacted, filetype="pdf")[0].get_pixmap(dpi=72)
    assert image.pixel(120, 150) == (0, 0, 0)  # the covered half is black, not red
    assert image.pixel(180, 150)[0] > 150  # the other half is still red


def test_a_box_whose_text_survives_is_refused():
    pdf = pdf_with_id_on_page_two()
    elsewhere = engine.Box(1, 0, 0, 10, 10, text=ID_NUMBER)  # a box that misses the number

    with pytest.raises(engine.RedactionLeak, match=ID_NUMBER):
        engine.apply(pdf, [elsewhere])


def test_a_box_on_a_page_that_does_not_exist_is_refused():
    with pytest.raises(engine.RedactionError, match="没有第3页"):
        engine.apply(pdf_with_id_on_page_two(), [engine.Box(3, 0, 0, 10, 10)])


def test_a_file_that_is_no_document_is_refused_with_a_clear_message():
    with pytest.raises(engine.RedactionError, match="只能对 PDF"):
        engine.to_pdf(b"hello", "notes.txt")


def test_pages_render_as_png_images():
    png = engine.render_page(pdf_with_id_on_page_two(), 2)

    assert png[:8] == b"\x89PNG\r\n\x1a\n"


@needs_libreoffice
def test_a_word_document_is_converted_then_the_name_redacted():
    pdf = engine.to_pdf(docx_naming(), "说明.docx")
    assert NAME in engine.extracted_text(pdf)

    boxes = [p.box for p in engine.propose(pdf, is_id_number=is_id, terms=[NAME])]
    redacted = engine.apply(pdf, boxes)

    assert len(boxes) == 1
    assert NAME not in engine.extracted_text(redacted)
    assert "补助金额" in engine.extracted_text(redacted)
    assert NAME.encode("utf-8") not in engine.raw_streams(redacted)
    assert NAME.encode("utf-16-be") not in engine.raw_streams(redacted)


def test_grouped_and_full_width_numbers_and_credit_codes_are_proposed():
    """What the release check would refuse is what the search proposes."""
    import pymupdf

    from gongkai.core.identifiers import credit_code_check_char

    code = "92110105MA0000001"
    code += credit_code_check_char(code)
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 72), "电话 139-1234-5678", fontname="china-s")
        page.insert_text((72, 100), f"代码 {code}", fontname="china-s")
        pdf = doc.tobytes()
    kinds = {(p.kind, p.box.text) for p in engine.propose(pdf, is_id_number=lambda t: True)}
    assert ("mobile", "139-1234-5678") in kinds and ("credit_code", code) in kinds
