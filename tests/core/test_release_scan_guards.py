"""The release check file type by file type: what it finds, and what it must not mistake for a
leak (shaded tables, amounts, serial numbers, an enterprise's credit code, a dark header in
white). Every file is built in the test."""

import io
import time
import zipfile

import docx
import openpyxl
import pymupdf
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import RGBColor
from openpyxl.styles import Font, PatternFill

from gongkai.core.hidden_content import check_file, findings_of
from gongkai.core.hidden_content import pdf_pages as pages
from gongkai.core.hidden_content.numbers import find_numbers, mask_numbers
from gongkai.core.identifiers import credit_code_check_char, resident_id_check_char

ID_NUMBER = "110101199003071233"
BORN_1949 = "11010519491231002X"


def kinds(data: bytes, name: str) -> list[str]:
    return [f.kind for f in check_file(data, name)]


def numbers(text: str) -> list[tuple[str, str]]:
    return [(n.kind, n.value) for n in find_numbers(text)]


# Numbers in text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"身份证号{ID_NUMBER}。",
        "身份证号：１１０１０１１９９００３０７１２３３",  # full-width digits
        "身份证号 110101 19900307 1233",  # printed in groups
        "证件号码：110101-19900307-1233",
    ],
)
def test_a_valid_id_number_is_found_however_it_is_written(text):
    assert numbers(text) == [("id_number", ID_NUMBER)]


def test_an_id_number_with_x_is_found_in_either_case():
    assert numbers(BORN_1949.lower()) == [("id_number", BORN_1949)]


@pytest.mark.parametrize(
    "text",
    [
        "11010119900307123",  # 17 digits
        "110101199003071234",  # wrong check character
        "1101011990030712331",  # 19 digits: an account number
        "A110101199003071233",  # part of a longer code
        "110101199013071230",  # month 13
        "110101 1990030712 33",  # not the 6-8-4 grouping
    ],
)
def test_what_is_not_an_id_number_is_not_reported(text):
    assert [kind for kind, _value in numbers(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "电话13800138000",
        "电话 138 0013 8000",
        "电话138-0013-8000",
        "+86 13800138000",
        "+8613800138000",
        "0086 13800138000",
        "８６１３８００１３８０００",
        "Tel:13800138000;",
    ],
)
def test_a_mobile_number_is_found_however_it_is_written(text):
    assert numbers(text) == [("mobile_number", "13800138000")]


@pytest.mark.parametrize(
    "text",
    [
        "913800138000",  # a longer run of digits
        "138001380001",
        "6222021380013800012",  # a bank card
        "12800138000",  # 12x is not a mobile prefix
        "金额13800138000.00元",  # an amount
        "1380013800",  # 10 digits
        "138 0013-8000",  # mixed separators
    ],
)
def test_what_is_not_a_mobile_number_is_not_reported(text):
    assert numbers(text) == []


def _credit(first17: str) -> str:
    return first17 + credit_code_check_char(first17)


def test_only_a_person_business_credit_code_is_reported():
    person, company = _credit("92110105MA01ABCD7"), _credit("91110000100000000")
    wrong = person[:17] + ("0" if person[17] != "0" else "1")
    text = f"当事人：张记小吃店（{person}）；某某公司（{company}）；{wrong}"
    assert numbers(text) == [("person_business_code", person)]


def test_masking_hides_every_long_number_and_keeps_the_rest():
    text = f"张三，身份证{ID_NUMBER}，电话138-0013-8000，账号6222021234567890123，金额3000元"
    assert mask_numbers(text) == (
        "张三，身份证110***********1233，电话138****8000，账号622************0123，金额3000元"
    )


def test_an_id_number_check_character_helper_agrees():
    assert resident_id_check_char(ID_NUMBER[:17]) == ID_NUMBER[17]


# PDF ---------------------------------------------------------------------------------------------


def _page():
    doc = pymupdf.open()
    return doc, doc.new_page(width=595, height=842)


def test_a_pdf_table_with_shaded_cells_ruled_after_its_text_is_not_covered():
    doc, page = _page()
    for row in range(5):
        cell = pymupdf.Rect(72, 100 + row * 20, 300, 120 + row * 20)
        page.draw_rect(cell, color=None, fill=(0.3, 0.3, 0.6) if row == 0 else (0.9, 0.9, 0.9))
        colour = (1, 1, 1) if row == 0 else (0, 0, 0)
        page.insert_text((76, cell.y1 - 6), f"第{row}行 项目", fontname="china-s", color=colour)
        page.draw_rect(cell, color=(0, 0, 0), width=0.5)  # rules after the text
        page.draw_rect(
            pymupdf.Rect(76, cell.y1 - 4, 140, cell.y1 - 3.2), color=None, fill=(0, 0, 0)
        )
    assert kinds(doc.tobytes(), "表.pdf") == []


def test_a_white_box_over_text_is_covered_content_too():
    doc, page = _page()
    page.insert_text((72, 100), "内部意见：不予公开", fontname="china-s")
    page.draw_rect(pymupdf.Rect(70, 85, 250, 105), color=None, fill=(1, 1, 1))
    [finding] = check_file(doc.tobytes(), "a.pdf")
    assert finding.kind == "covered_content" and "“内部意见：不予公开”" in finding.message


def test_a_translucent_box_over_text_is_not_a_cover():
    doc, page = _page()
    page.insert_text((72, 100), "重点内容", fontname="china-s")
    page.draw_rect(pymupdf.Rect(70, 85, 250, 105), color=None, fill=(1, 1, 0), fill_opacity=0.3)
    assert kinds(doc.tobytes(), "a.pdf") == []


def test_a_filled_square_note_over_text_is_covered_content_and_a_highlight_is_not():
    doc, page = _page()
    page.insert_text((72, 100), "申请人张三", fontname="china-s")
    page.insert_text((72, 140), "重点内容", fontname="china-s")
    square = page.add_rect_annot(page.search_for("张三")[0])
    square.set_colors(stroke=(0, 0, 0), fill=(0, 0, 0))
    square.update()
    page.add_highlight_annot(page.search_for("重点内容")[0])
    findings = {f.kind: f for f in check_file(doc.tobytes(), "a.pdf")}
    assert "“张三”" in findings["covered_content"].message
    assert "重点" not in findings["covered_content"].message
    assert "comment" in findings  # the notes themselves are still reported


def test_an_unapplied_redaction_mark_is_covered_content():
    doc, page = _page()
    page.insert_text((72, 100), f"身份证号 {ID_NUMBER}", fontname="china-s")
    page.add_redact_annot(page.search_for(ID_NUMBER)[0])
    findings = {f.kind: f for f in check_file(doc.tobytes(), "a.pdf")}
    assert "110***********1233" in findings["covered_content"].message


def test_dark_text_on_a_dark_fill_is_dark_highlight_and_white_on_it_is_not():
    doc, page = _page()
    page.draw_rect(pymupdf.Rect(70, 85, 200, 105), color=None, fill=(0, 0, 0))
    page.insert_text((72, 100), "张三丰", fontname="china-s", color=(0, 0, 0))
    page.draw_rect(pymupdf.Rect(70, 125, 200, 145), color=None, fill=(0, 0, 0))
    page.insert_text((72, 140), "表头文字", fontname="china-s", color=(1, 1, 1))
    [finding] = check_file(doc.tobytes(), "a.pdf")
    assert finding.kind == "dark_highlight" and "“张三丰”" in finding.message
    assert "表头" not in finding.message


def test_a_black_box_on_a_scanned_image_is_covered_content():
    doc, page = _page()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 120, 160), False)
    pixmap.clear_with(255)
    pixmap.set_rect(pymupdf.IRect(10, 10, 110, 20), (20, 20, 20))
    page.insert_image(page.rect, pixmap=pixmap)
    page.draw_rect(pymupdf.Rect(0, 40, 595, 110), color=None, fill=(0, 0, 0))
    findings = {f.kind: f for f in check_file(doc.tobytes(), "扫描件.pdf")}
    assert set(findings) == {"covered_content", "scanned_page"}
    assert findings["covered_content"].message.endswith("第1页的图片")
    assert findings["scanned_page"].message == (
        "第1页为扫描图像，其中的文字无法自动检查，请逐页目视核对"
    )


def test_ocr_text_laid_under_its_scan_is_not_covered():
    doc, page = _page()
    page.insert_text((72, 100), "扫描件识别文字", fontname="china-s", render_mode=3)
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    pixmap.clear_with(200)
    page.insert_image(page.rect, pixmap=pixmap)  # drawn after the text, as some scanners do
    assert kinds(doc.tobytes(), "a.pdf") == []


def test_a_pdf_searches_notes_and_form_fields_for_numbers():
    doc, page = _page()
    page.add_text_annot((300, 300), f"核对 {ID_NUMBER}")
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "phone"
    widget.field_value = "13800138000"
    widget.rect = pymupdf.Rect(72, 400, 300, 420)
    page.add_widget(widget)
    found = {f.kind: f for f in check_file(doc.tobytes(), "a.pdf")}
    assert "第1页批注“110***********1233”" in found["id_number"].message
    assert "第1页表单“138****8000”" in found["mobile_number"].message


def test_a_hidden_layer_is_hidden_text():
    doc, page = _page()
    layer = doc.add_ocg("内部", on=False)
    page.insert_text((72, 100), "内部意见", fontname="china-s", oc=layer)
    [finding] = check_file(doc.tobytes(), "a.pdf")
    assert finding.kind == "hidden_text" and "1个隐藏的图层（内部）" in finding.message


def test_a_page_crowded_with_covers_is_checked_in_bounded_time():
    doc, page = _page()
    for row in range(150):
        page.insert_text((20, 20 + row * 5), "1" * 120, fontname="helv", fontsize=4)
    shape = page.new_shape()
    for k in range(3000):  # tiny boxes over everything, drawn after the text
        x, y = 20 + (k % 60) * 9, 16 + (k // 60) * 15
        shape.draw_rect(pymupdf.Rect(x, y, x + 4, y + 4))
        shape.finish(color=None, fill=(0, 0, 0))  # one fill operation each
    shape.commit()
    data = doc.tobytes()
    started = time.monotonic()
    findings = check_file(data, "a.pdf")
    assert time.monotonic() - started < 10
    assert "covered_content" in {f.kind for f in findings}


def test_pages_left_unchecked_for_time_are_named_and_block(monkeypatch):
    monkeypatch.setattr(pages, "COVER_SHARE", -1)
    doc, page = _page()
    page.insert_text((72, 100), "正文", fontname="china-s")
    [finding] = findings_of(doc.tobytes(), "a.pdf")
    assert finding.kind == "covered_content"
    assert "第1页及以后各页未能在时限内检查" in finding.message


# Word --------------------------------------------------------------------------------------------


def _document() -> docx.Document:
    document = docx.Document()
    document.core_properties.author = ""
    document.core_properties.comments = ""
    return document


def _bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _shade(element_properties, fill: str):
    element_properties.append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    )


def test_docx_dark_table_header_in_automatic_or_white_text_is_not_reported():
    document = _document()
    table = document.add_table(rows=2, cols=2)
    for column, cell in enumerate(table.rows[0].cells):
        cell.text = "项目"
        _shade(cell._tc.get_or_add_tcPr(), "1F3864")
        if column:
            cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(255, 255, 255)
    assert kinds(_bytes(document), "a.docx") == []


def test_docx_dark_cell_shading_under_explicit_black_text_is_dark_highlight():
    document = _document()
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.text = "张三"
    cell.paragraphs[0].runs[0].font.color.rgb = RGBColor(0, 0, 0)
    _shade(cell._tc.get_or_add_tcPr(), "000000")
    assert kinds(_bytes(document), "a.docx") == ["dark_highlight"]


@pytest.mark.parametrize("colour", [WD_COLOR_INDEX.YELLOW, WD_COLOR_INDEX.BRIGHT_GREEN])
def test_docx_light_highlight_is_not_reported(colour):
    document = _document()
    document.add_paragraph().add_run("重点").font.highlight_color = colour
    assert kinds(_bytes(document), "a.docx") == []


def test_docx_dark_gray_highlight_and_run_shading_are_dark_highlight():
    document = _document()
    document.add_paragraph().add_run("张三").font.highlight_color = WD_COLOR_INDEX.GRAY_50
    run = document.add_paragraph().add_run("李四")
    _shade(run._r.get_or_add_rPr(), "000000")
    [finding] = check_file(_bytes(document), "a.docx")
    assert finding.kind == "dark_highlight" and finding.message.endswith("正文“张三”；正文“李四”")


def test_docx_white_text_on_white_is_hidden_text():
    document = _document()
    document.add_paragraph().add_run("内部意见").font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    [finding] = check_file(_bytes(document), "a.docx")
    assert finding.kind == "hidden_text"
    assert finding.message == (
        "文档中有1处文字的颜色与背景相同或接近（或字号极小），看不见但仍在文件中：正文“内部意见”"
    )


def test_docx_text_under_two_points_is_hidden_text():
    document = _document()
    document.add_paragraph("正文").add_run("内部意见").font.size = docx.shared.Pt(1)
    [finding] = check_file(_bytes(document), "a.docx")
    assert finding.kind == "hidden_text" and finding.message.endswith("正文“内部意见”")


FLOATING_BOX = """
<w:r {ns} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<w:drawing><wp:anchor behindDoc="{behind}" distT="0" distB="0" distL="0" distR="0"
 simplePos="0" relativeHeight="2" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset>
</wp:positionV><wp:extent cx="914400" cy="228600"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapNone/><wp:docPr id="1" name="Rectangle 1"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="228600"/>
</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}</wps:spPr><wps:bodyPr/>
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"""


def _floating_box(behind="0", fill="<a:solidFill><a:srgbClr val='000000'/></a:solidFill>"):
    document = _document()
    paragraph = document.add_paragraph("申请人：张三，电话见下。")
    xml = FLOATING_BOX.format(ns=nsdecls("w", "wp", "a"), behind=behind, fill=fill)
    paragraph._p.append(parse_xml(xml))
    return _bytes(document)


def test_docx_filled_shape_in_front_of_text_is_covered_content():
    [finding] = check_file(_floating_box(), "a.docx")
    assert finding.kind == "covered_content"
    assert finding.message == (
        "文档中有1个浮于文字上方的实心填充图形，可能遮盖了下面的文字，被遮盖的文字仍保存在"
        "文件中：正文“申请人：张三，电话见下。”（所在段落）"
    )


@pytest.mark.parametrize("behind, fill", [("1", None), ("0", "<a:noFill/>")])
def test_docx_shape_behind_text_or_without_fill_is_not_reported(behind, fill):
    data = _floating_box(behind, fill) if fill else _floating_box(behind)
    assert kinds(data, "a.docx") == []


TEXT_BOX = """<w:r {ns} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>
<v:shape style="position:absolute;width:100pt;height:20pt;z-index:1"><v:textbox><w:txbxContent>
<w:p><w:r><w:t>身份证 {number}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>
</w:pict></w:r>"""


def test_docx_numbers_are_found_in_headers_text_boxes_and_deleted_text():
    document = _document()
    document.sections[0].header.paragraphs[0].text = "联系电话 13800138000"
    box = TEXT_BOX.format(ns=nsdecls("w"), number=BORN_1949)
    document.add_paragraph("见文本框")._p.append(parse_xml(box))
    paragraph = document.add_paragraph()
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="1" w:author="" w:date="2026-03-01T00:00:00Z">'
            f"<w:r><w:delText>{ID_NUMBER}</w:delText></w:r></w:del>"
        )
    )
    found = {f.kind: f for f in check_file(_bytes(document), "a.docx")}
    assert found["mobile_number"].message == "文件中有1处手机号码：页眉“138****8000”"
    assert found["id_number"].message == (
        "文件中有2处居民身份证号码：文本框“110***********002X”；正文“110***********1233”"
    )
    assert "110***********1233" in found["tracked_change"].message


def test_docx_embedded_objects_are_reported():
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_bytes(_document()))) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0")
    [finding] = check_file(out.getvalue(), "a.docx")
    assert finding.kind == "embedded_object"
    assert finding.message.startswith("文档包含1个嵌入对象（oleObject1.bin）")


# Excel -------------------------------------------------------------------------------------------


def _workbook():
    workbook = openpyxl.Workbook()
    workbook.properties.creator = None
    return workbook, workbook.active


def _xlsx(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_black_fill_under_black_text_is_dark_highlight():
    workbook, sheet = _workbook()
    sheet["A1"] = "张三"
    sheet["A1"].fill = PatternFill("solid", fgColor="000000")
    sheet["A2"] = "李四"
    sheet["A2"].fill = PatternFill("solid", fgColor="333333")
    sheet["A2"].font = Font(color="333333")
    [finding] = check_file(_xlsx(workbook), "a.xlsx")
    assert finding.kind == "dark_highlight"
    assert finding.message.endswith("工作表“Sheet”A1“张三”；工作表“Sheet”A2“李四”")


def test_xlsx_text_in_the_colour_of_its_fill_or_white_or_formatted_away_is_hidden_text():
    workbook, sheet = _workbook()
    sheet["A1"], sheet["A2"], sheet["A3"] = "甲", "乙", 123
    sheet["A1"].fill = PatternFill("solid", fgColor="FFFF00")
    sheet["A1"].font = Font(color="FFFF00")
    sheet["A2"].font = Font(color="FFFFFF")
    sheet["A3"].number_format = ";;;"
    [finding] = check_file(_xlsx(workbook), "a.xlsx")
    assert finding.kind == "hidden_text"
    assert "3个单元格" in finding.message and "A3“123”" in finding.message


def test_xlsx_theme_colours_are_resolved():
    workbook, sheet = _workbook()
    sheet["A1"] = "张三"
    sheet["A1"].fill = PatternFill("solid", fgColor=openpyxl.styles.colors.Color(theme=1))
    assert kinds(_xlsx(workbook), "a.xlsx") == ["dark_highlight"]  # theme 1: black text colour


def test_xlsx_amounts_formatted_as_numbers_are_not_phone_numbers_but_plain_ones_are():
    workbook, sheet = _workbook()
    sheet["A1"] = 13800138000
    sheet["A1"].number_format = "#,##0.00"
    sheet["A2"] = 13912345678
    [finding] = check_file(_xlsx(workbook), "a.xlsx")
    assert finding.message == "文件中有1处手机号码：工作表“Sheet”A2“139****5678”"


def test_xlsx_comments_are_searched_for_numbers():
    workbook, sheet = _workbook()
    sheet["A1"] = "名单"
    sheet["A1"].comment = openpyxl.comments.Comment(f"身份证 {ID_NUMBER}", "")
    found = {f.kind: f for f in check_file(_xlsx(workbook), "a.xlsx")}
    assert found["id_number"].message.endswith("工作表“Sheet”A1的批注“110***********1233”")


def test_docx_white_text_in_a_table_whose_style_may_shade_it_is_not_reported():
    document = _document()
    table = document.add_table(rows=1, cols=1)
    table.style = "Light Shading Accent 1"
    table.rows[0].cells[0].text = "表头"
    table.rows[0].cells[0].paragraphs[0].runs[0].font.color.rgb = RGBColor(255, 255, 255)
    assert kinds(_bytes(document), "a.docx") == []


@pytest.mark.parametrize("name", ["a.docx", "a.xlsx", "a.pdf"])
def test_numbers_in_document_properties_are_found(name):
    if name == "a.docx":
        document = _document()
        document.core_properties.title = f"张三 {ID_NUMBER}"
        data = _bytes(document)
    elif name == "a.xlsx":
        workbook, _sheet = _workbook()
        workbook.properties.title = f"张三 {ID_NUMBER}"
        data = _xlsx(workbook)
    else:
        doc, _blank = _page()
        doc.set_metadata({"title": f"张三 {ID_NUMBER}"})
        data = doc.tobytes()
    found = {f.kind: f for f in check_file(data, name)}
    assert found["id_number"].message == "文件中有1处居民身份证号码：文档属性“110***********1233”"
    assert found["metadata"].message == "文档属性中含有标题“张三 110***********1233”"


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_box_over_text_on_a_rotated_page_is_found(rotation):
    doc, page = _page()
    page.insert_text((72, 700), f"身份证号 {ID_NUMBER}", fontname="china-s")
    page.draw_rect(page.search_for(ID_NUMBER)[0], color=None, fill=(0, 0, 0))
    page.set_rotation(rotation)
    assert kinds(doc.tobytes(), "a.pdf") == ["covered_content", "id_number"]
