"""The release check refuses fake redactions and personal data: the fixtures of
tests/data/release (made by make_fixtures.py there), which findings block a release, and our own
redaction engine's output passing clean.

False-positive guards and the detections file type by file type are in
test_release_scan_guards.py.
"""

import json
import re
from pathlib import Path

import pymupdf
import pytest
from django.core.exceptions import ValidationError

from gongkai.core.hidden_content import (
    BLOCKING,
    Finding,
    blocks,
    check_file,
    label,
    strip_metadata,
)
from gongkai.core.hidden_content.kinds import LABELS
from gongkai.core.identifiers import validate_resident_id
from gongkai.redaction import engine
from tests.data.release.make_fixtures import COMPANY_CODE, ID_NUMBER, PERSON_BUSINESS_CODE
from tests.redaction.files import ID_NUMBER as ENGINE_ID_NUMBER
from tests.redaction.files import pdf_with_id_on_page_two

RELEASE = Path(__file__).resolve().parents[1] / "data" / "release"


def scan(name: str) -> list[Finding]:
    return check_file((RELEASE / name).read_bytes(), name)


def by_kind(findings) -> dict[str, Finding]:
    kinds = [f.kind for f in findings]
    assert len(kinds) == len(set(kinds)), "one finding per kind per file"
    return {f.kind: f for f in findings}


def stored(findings) -> list[dict]:
    """As core.files stores them: vars() as JSON."""
    return json.loads(json.dumps([vars(f) for f in findings]))


# The fixtures ------------------------------------------------------------------------------------


def test_the_fixture_id_number_is_valid():
    assert validate_resident_id(ID_NUMBER) == ID_NUMBER
    with pytest.raises(ValidationError):
        validate_resident_id("110101199003071234")  # the number has a wrong check digit


def test_a_black_box_over_live_text_in_a_pdf_is_refused_with_the_number_masked():
    found = by_kind(scan("fake_box.pdf"))
    assert set(found) == {"covered_content", "id_number"}
    assert found["covered_content"].message == (
        "文档第2页共有1处文字被后绘制的色块或图片遮盖，遮盖下的内容仍保存在文件中，"
        "可被复制、检索或移开遮盖后看到：第2页“110***********1233”"
    )
    assert found["id_number"].message == "文件中有1处居民身份证号码：第2页“110***********1233”"
    assert all(blocks(f) for f in stored(found.values()))


def test_black_highlight_in_word_is_refused_with_the_name_and_masked_phone():
    found = by_kind(scan("black_highlight.docx"))
    assert set(found) == {"dark_highlight", "mobile_number"}
    assert found["dark_highlight"].message == (
        "文档中有1处文字设置了黑色或深色的突出显示或底纹，看上去像已遮盖，"
        "但文字仍在文件中，可被复制和检索：正文“张三丰、138****8000”"
    )
    assert found["mobile_number"].message == "文件中有1处手机号码：正文“138****8000”"


def test_a_hidden_sheet_is_refused_and_the_id_numbers_in_it_are_found():
    found = by_kind(scan("hidden_sheet.xlsx"))
    assert set(found) == {"hidden_sheet", "id_number"}
    assert found["hidden_sheet"].message == "工作表“发放名单”被隐藏"
    assert found["id_number"].message == (
        "文件中有1处居民身份证号码：工作表“发放名单”B2“110***********1233”"
    )


def test_a_comment_with_a_phone_number_is_refused_and_quoted_masked():
    found = by_kind(scan("comment_phone.docx"))
    assert set(found) == {"comment", "mobile_number"}
    assert found["comment"].message == "文档包含1条批注：“请先电话联系申请人核实：139****5678”"
    assert found["mobile_number"].message == "文件中有1处手机号码：批注“139****5678”"


def test_a_person_business_code_is_found_and_the_company_code_beside_it_is_not():
    [finding] = scan("person_business.xlsx")
    assert finding.kind == "person_business_code"
    assert finding.values == (PERSON_BUSINESS_CODE,)
    assert finding.message == (
        "文件中有1处个体工商户的统一社会信用代码（属于个人信息）："
        "工作表“处罚决定”B2“921***********CD7J”"
    )
    assert PERSON_BUSINESS_CODE == "92110105MA01ABCD7J"
    assert COMPANY_CODE[:2] == "91" and COMPANY_CODE[-4:] not in finding.message


@pytest.mark.parametrize("name", ["clean.pdf", "clean.docx", "clean.xlsx"])
def test_clean_files_give_no_finding_at_all(name):
    assert scan(name) == []


@pytest.mark.parametrize("name", sorted(p.name for p in RELEASE.glob("*.*") if p.suffix != ".py"))
def test_no_message_shows_a_long_number_in_full(name):
    for finding in scan(name):
        assert not re.search(r"\d{11,}", finding.message), finding.message
        assert ID_NUMBER[6:14] not in finding.message  # not even the birth date


def test_fixtures_are_small():
    assert all(p.stat().st_size < 64_000 for p in RELEASE.iterdir())


# Blocking, labels, storage -----------------------------------------------------------------------


def test_the_blocking_kinds_are_the_agreed_ones():
    assert (
        frozenset(
            {
                "covered_content",
                "dark_highlight",
                "hidden_text",
                "id_number",
                "mobile_number",
                "person_business_code",
                "hidden_sheet",
                "hidden_row",
                "hidden_column",
                "comment",
                "tracked_change",
                "speaker_notes",
                "embedded_object",
                "attachment",
                "javascript",
                "metadata_person",
                "unreadable",
                "unsupported",
                "encrypted",
            }
        )
        == BLOCKING
    )


@pytest.mark.parametrize(
    "kind", ["metadata", "exif", "defined_name", "external_link", "scanned_page"]
)
def test_notices_do_not_block(kind):
    assert not blocks({"kind": kind, "where": "", "message": ""})


def test_every_kind_has_a_short_chinese_label():
    assert label("covered_content") == "遮盖下仍有文字"
    assert label("id_number") == "身份证号码"
    assert label("mobile_number") == "手机号码"
    assert label("person_business_code") == "个体工商户统一社会信用代码"
    assert label("hidden_sheet") == "隐藏工作表"
    assert label("comment") == "批注"
    assert label("tracked_change") == "修订痕迹"
    assert set(LABELS) >= BLOCKING
    assert all(re.search(r"[\u4e00-\u9fff]", text) and len(text) <= 14 for text in LABELS.values())
    assert label("something_new") == "something_new"


def test_a_person_business_code_blocks_unless_every_code_is_allowed():
    [finding] = stored(scan("person_business.xlsx"))
    assert finding["values"] == [PERSON_BUSINESS_CODE]
    assert blocks(finding)
    assert blocks(finding, allowed_codes={"92110105MA01ABCD7X"})
    assert not blocks(finding, allowed_codes={PERSON_BUSINESS_CODE})
    assert not blocks(finding, allowed_codes=[PERSON_BUSINESS_CODE.lower() + " "])
    two = {**finding, "values": [PERSON_BUSINESS_CODE, "92OTHER"]}
    assert blocks(two, allowed_codes={PERSON_BUSINESS_CODE})
    assert blocks({**finding, "values": []}), "nothing to match against the list: blocks"


def test_findings_are_stored_with_their_values_as_a_list_and_others_as_before():
    [finding] = stored(scan("person_business.xlsx"))
    assert set(finding) == {"kind", "where", "message", "values"}
    assert all(set(f) == {"kind", "where", "message"} for f in stored(scan("fake_box.pdf")))
    assert Finding("comment", "批注", "…").values == ()


# Our own redaction engine's output passes -----------------------------------------------------------


def _is_id(text):
    try:
        validate_resident_id(text)
    except ValidationError:
        return False
    return True


def test_the_redaction_engines_output_has_no_covered_content_or_numbers_left():
    pdf = pdf_with_id_on_page_two()
    assert {"id_number", "mobile_number"} <= {f.kind for f in check_file(pdf, "a.pdf")}
    boxes = [p.box for p in engine.propose(pdf, is_id_number=_is_id)]

    redacted = engine.apply(pdf, boxes)

    assert check_file(redacted, "答复.pdf") == []
    assert ENGINE_ID_NUMBER not in engine.extracted_text(redacted)


def test_redacting_the_fake_box_fixture_properly_clears_it():
    pdf = (RELEASE / "fake_box.pdf").read_bytes()
    boxes = [p.box for p in engine.propose(pdf, is_id_number=_is_id)]
    assert [b.page for b in boxes] == [2]

    assert check_file(engine.apply(pdf, boxes), "答复.pdf") == []


def test_the_engines_boxes_on_a_scanned_page_are_not_covered_content():
    """The engine blacks the image's pixels under each box: nothing is under the box."""
    doc = pymupdf.open()
    page = doc.new_page()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 160), False)
    pixmap.clear_with(255)
    pixmap.set_rect(pymupdf.IRect(10, 10, 110, 20), (20, 20, 20))  # a line of "text"
    page.insert_image(page.rect, pixmap=pixmap)
    scanned = doc.tobytes()
    box = engine.Box(1, 0, 40, page.rect.width, 150)  # over the line of text

    kinds = [f.kind for f in check_file(engine.apply(scanned, [box]), "扫描件.pdf")]

    assert kinds == ["scanned_page"]


# Stripping ---------------------------------------------------------------------------------------


def test_stripping_removes_the_metadata_naming_people(tmp_path):
    from tests.core.test_hidden_content import (
        document_with_hidden_content,
        pdf_with_hidden_content,
        workbook_with_hidden_content,
    )

    for name, data in [
        ("a.docx", document_with_hidden_content()),
        ("a.xlsx", workbook_with_hidden_content()),
        ("a.pdf", pdf_with_hidden_content()),
    ]:
        assert "metadata_person" in {f.kind for f in check_file(data, name)}, name
        stripped = strip_metadata(data, name)
        assert "metadata_person" not in {f.kind for f in check_file(stripped, name)}, name
