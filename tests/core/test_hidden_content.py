"""Hidden content a reviewer must see before a file is released; stripping document properties.

Every file here is built in the test, the way Excel, Word and PDF writers leave them.
"""

import io
import zipfile

import docx
import openpyxl
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName
from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.annotations import Text
from pypdf.generic import NameObject, TextStringObject

from gongkai.core.errors import DomainError
from gongkai.core.hidden_content import Finding, check_file, strip_metadata

# Builders --------------------------------------------------------------------------------------


def _bytes(document) -> bytes:
    out = io.BytesIO()
    (document.save if hasattr(document, "save") else document.write)(out)
    return out.getvalue()


def clean_workbook() -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    workbook.properties.creator = None  # openpyxl signs its files "openpyxl" by default
    workbook.active.title = "公开数据"
    workbook.active["A1"] = "项目名称"
    return workbook


def workbook_with_hidden_content() -> bytes:
    workbook = clean_workbook()
    sheet = workbook.active
    sheet["B2"] = 1200
    sheet["B2"].comment = Comment("金额待核实", "张三")
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["C"].hidden = True
    workbook.create_sheet("内部测算").sheet_state = "hidden"
    workbook.properties.creator = "王瑞"
    workbook.properties.lastModifiedBy = "李四"
    return _bytes(workbook)


def clean_document() -> docx.Document:
    document = docx.Document()
    # python-docx's own template names itself as author and comment.
    document.core_properties.author = ""
    document.core_properties.comments = ""
    document.add_paragraph("经检索，现将有关情况答复如下。")
    return document


def _revision(tag: str, text: str, author: str, number: int):
    text_tag = "w:delText" if tag == "w:del" else "w:t"
    return parse_xml(
        f'<{tag} {nsdecls("w")} w:id="{number}" w:author="{author}" w:date="2026-03-01T09:00:00Z">'
        f"<w:r><{text_tag}>{text}</{text_tag}></w:r></{tag}>"
    )


def document_with_hidden_content() -> bytes:
    document = clean_document()
    first = document.add_paragraph("专项资金拟支持项目共十二个。")
    document.add_comment(first.runs, text="此处金额需核实", author="张三", initials="ZS")
    second = document.add_paragraph("名单见附件。")
    document.add_comment(second.runs, text="附件暂不提供", author="张三", initials="ZS")
    changed = document.add_paragraph()
    for number, text in enumerate(["第一批", "第二批", "第三批"], 101):
        changed._p.append(_revision("w:ins", text, "李四", number))
    changed._p.append(_revision("w:del", "拟否决的项目", "李四", 110))
    document.add_paragraph().add_run("内部意见：不宜公开").font.hidden = True
    document.core_properties.author = "王瑞"
    document.core_properties.comments = "初稿"
    return _bytes(document)


def clean_pdf() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.metadata = None  # pypdf signs its files as Producer unless told not to
    return writer


def pdf_with_hidden_content() -> bytes:
    writer = clean_pdf()
    writer.add_metadata({"/Author": "王瑞", "/Title": "内部讨论稿"})
    note = Text(rect=(50, 700, 70, 720), text="请删除第三段")
    note[NameObject("/T")] = TextStringObject("张三")  # the author
    writer.add_annotation(0, note)
    writer.add_attachment("测算.xlsx", b"PK")
    writer.add_open_action(JavaScript("app.alert('x');"))
    return _bytes(writer)


def with_part(data: bytes, name: str, content: str) -> bytes:
    """The package with one part replaced (what openpyxl and python-docx cannot write)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = content.encode() if info.filename == name else source.read(info)
            target.writestr(info, body)
    return out.getvalue()


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Microsoft Excel</Application><Company>商丘市工业和信息化局</Company>"
    "<Manager>王局长</Manager></Properties>"
)


# Excel -----------------------------------------------------------------------------------------


def test_xlsx_hidden_sheet_row_column_comment_and_authors_are_all_reported():
    assert check_file(workbook_with_hidden_content(), "名单.xlsx") == [
        Finding("hidden_sheet", "工作表“内部测算”", "工作表“内部测算”被隐藏"),
        Finding("hidden_row", "工作表“公开数据”", "工作表“公开数据”中第3行被隐藏"),
        Finding("hidden_column", "工作表“公开数据”", "工作表“公开数据”中C列被隐藏"),
        Finding(
            "comment",
            "工作表“公开数据”",
            "工作表“公开数据”中有1条批注（作者：张三）：B2“金额待核实”",
        ),
        Finding("metadata_person", "文档属性", "文档属性中含有作者“王瑞”"),
        Finding("metadata_person", "文档属性", "文档属性中含有最后修改者“李四”"),
    ]


def test_xlsx_very_hidden_sheet_is_named_as_such():
    workbook = clean_workbook()
    workbook.create_sheet("底稿").sheet_state = "veryHidden"
    assert check_file(_bytes(workbook), "a.xlsx") == [
        Finding(
            "hidden_sheet", "工作表“底稿”", "工作表“底稿”被深度隐藏（无法在Excel中直接取消隐藏）"
        )
    ]


def test_xlsx_hidden_rows_and_columns_are_named_in_runs():
    workbook = clean_workbook()
    sheet = workbook.active
    for row in (3, 5, 6, 7):
        sheet.row_dimensions[row].hidden = True
    for column in ("B", "D", "E"):
        sheet.column_dimensions[column].hidden = True
    messages = [f.message for f in check_file(_bytes(workbook), "a.xlsx")]
    assert messages == [
        "工作表“公开数据”中第3行、第5至7行被隐藏",
        "工作表“公开数据”中B列、D至E列被隐藏",
    ]


def test_xlsx_name_pointing_into_a_hidden_sheet_is_reported():
    workbook = clean_workbook()
    workbook.create_sheet("内部测算").sheet_state = "hidden"
    workbook.defined_names["测算结果"] = DefinedName("测算结果", attr_text="'内部测算'!$A$1:$B$3")
    assert Finding(
        "defined_name", "名称“测算结果”", "名称“测算结果”指向隐藏的工作表“内部测算”"
    ) in check_file(_bytes(workbook), "a.xlsx")


def test_xlsx_company_and_manager_in_app_properties_are_reported():
    data = with_part(_bytes(clean_workbook()), "docProps/app.xml", APP_XML)
    assert check_file(data, "a.xlsx") == [
        Finding("metadata", "文档属性", "文档属性中含有单位“商丘市工业和信息化局”"),
        Finding("metadata_person", "文档属性", "文档属性中含有主管“王局长”"),
    ]


# Word ------------------------------------------------------------------------------------------


def test_docx_comments_tracked_changes_hidden_text_and_properties_are_all_reported():
    assert check_file(document_with_hidden_content(), "答复.docx") == [
        Finding(
            "comment", "批注", "文档包含2条批注（作者：张三）：“此处金额需核实”；“附件暂不提供”"
        ),
        Finding(
            "tracked_change",
            "修订",
            "文档包含修订痕迹（插入3处、删除1处；修订人：李四），"
            "被删除的文字仍保存在文件中：“拟否决的项目”",
        ),
        Finding("hidden_text", "隐藏文字", "文档包含隐藏文字：“内部意见：不宜公开”"),
        Finding("metadata_person", "文档属性", "文档属性中含有作者“王瑞”"),
        Finding("metadata", "文档属性", "文档属性中含有备注“初稿”"),
    ]


def test_docx_run_explicitly_not_hidden_is_not_reported():
    document = clean_document()
    run = document.add_paragraph().add_run("正文")
    run.font.hidden = False  # <w:vanish w:val="0"/>
    assert check_file(_bytes(document), "a.docx") == []


# PDF -------------------------------------------------------------------------------------------


def test_pdf_metadata_annotations_attachments_and_scripts_are_all_reported():
    assert check_file(pdf_with_hidden_content(), "答复.pdf") == [
        Finding("metadata_person", "文档属性", "文档属性中含有作者“王瑞”"),
        Finding("metadata", "文档属性", "文档属性中含有标题“内部讨论稿”"),
        Finding("comment", "批注", "文档第1页共有1条批注（作者：张三）：“请删除第三段”"),
        Finding("attachment", "附件", "文档包含1个附件（测算.xlsx）"),
        Finding("javascript", "脚本", "文档包含JavaScript脚本"),
    ]


# Clean files, other types ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, name",
    [
        (_bytes(clean_workbook()), "clean.xlsx"),
        (_bytes(clean_document()), "clean.docx"),
        (_bytes(clean_pdf()), "clean.pdf"),
    ],
    ids=["xlsx", "docx", "pdf"],
)
def test_clean_file_gives_no_findings(data, name):
    assert check_file(data, name) == []


def test_unknown_type_gives_a_single_finding_saying_it_cannot_be_checked():
    assert check_file("申请人名单".encode(), "名单.txt") == [
        Finding(
            "unsupported",
            "名单.txt",
            "无法检查“名单.txt”中的隐藏内容：只支持Word（.docx）、Excel（.xlsx）、PDF和图片文件，"
            "旧版.doc/.xls文件请另存为新格式后再检查。",
        )
    ]


def test_damaged_pdf_is_reported_as_unreadable_not_as_clean():
    [finding] = check_file(b"%PDF-1.7\n garbage", "坏.pdf")
    assert finding.kind == "unreadable"


def test_photo_with_gps_exif_is_reported():
    image = Image.new("RGB", (8, 8))
    exif = image.getexif()
    exif[0x010F] = "Camera Maker"
    exif.get_ifd(0x8825)[1] = "N"
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    assert check_file(out.getvalue(), "现场.jpg") == [
        Finding("exif", "图片信息", "图片包含EXIF信息（拍摄设备、时间等），其中含有GPS位置")
    ]


# Stripping -------------------------------------------------------------------------------------


def _kinds(data, name):
    return [f.kind for f in check_file(data, name)]


def test_strip_metadata_clears_word_properties_but_keeps_comments_and_revisions():
    stripped = strip_metadata(document_with_hidden_content(), "答复.docx")
    assert _kinds(stripped, "答复.docx") == ["comment", "tracked_change", "hidden_text"]
    properties = docx.Document(io.BytesIO(stripped)).core_properties
    assert (properties.author, properties.comments) == ("", "")


def test_strip_metadata_clears_excel_properties_but_keeps_hidden_parts_and_comments():
    data = with_part(workbook_with_hidden_content(), "docProps/app.xml", APP_XML)
    stripped = strip_metadata(data, "名单.xlsx")
    assert _kinds(stripped, "名单.xlsx") == [
        "hidden_sheet",
        "hidden_row",
        "hidden_column",
        "comment",
    ]
    with zipfile.ZipFile(io.BytesIO(stripped)) as package:
        properties = package.read("docProps/core.xml") + package.read("docProps/app.xml")
    assert "王瑞".encode() not in properties
    assert "工业和信息化局".encode() not in properties
    assert b"<Application>Microsoft Excel</Application>" in properties  # the rest is kept
    openpyxl.load_workbook(io.BytesIO(stripped))  # and Excel files still open


def test_strip_metadata_drops_the_pdf_information_dictionary():
    stripped = strip_metadata(pdf_with_hidden_content(), "答复.pdf")
    assert _kinds(stripped, "答复.pdf") == ["comment", "attachment", "javascript"]


def test_strip_metadata_refuses_files_it_cannot_rewrite():
    with pytest.raises(DomainError) as info:
        strip_metadata(b"plain text", "a.txt")
    assert info.value.code == "strip_unsupported"
