"""Documents to redact, made in the tests: a PDF with a person's ID number on its second page,
and a Word document naming a person."""

import io

import docx
import pymupdf

ID_NUMBER = "110101199003071233"  # a valid GB 11643 number (check character 3)
MOBILE = "13800138000"
NAME = "张三丰"


def pdf_with_id_on_page_two(*, author: str = "李四") -> bytes:
    """Two pages; the ID number and a mobile number on page 2, written in a Latin font so that
    their digits stand as plain bytes in the page's content stream (a raw search can see them);
    an image, a note annotation, an attachment and document properties naming a person."""
    doc = pymupdf.open()
    first = doc.new_page()
    first.insert_text((72, 72), "关于补助发放情况的说明", fontname="china-s")
    second = doc.new_page()
    second.insert_text((72, 100), "身份证号：", fontname="china-s")
    second.insert_text((140, 100), ID_NUMBER, fontname="helv")
    second.insert_text((72, 130), "联系电话：", fontname="china-s")
    second.insert_text((140, 130), MOBILE, fontname="helv")
    second.insert_text((72, 160), "补助金额 3000 元", fontname="china-s")
    second.add_text_annot((300, 300), f"核对 {ID_NUMBER}")
    doc.embfile_add("note.txt", ID_NUMBER.encode(), filename="note.txt")
    doc.set_metadata({"author": author, "title": ID_NUMBER})
    return doc.tobytes(deflate=False)


def docx_naming(name: str = NAME) -> bytes:
    document = docx.Document()
    document.add_paragraph("关于补助发放情况的说明")
    document.add_paragraph(f"申请人：{name}，补助金额 3000 元。")
    document.core_properties.author = name
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
