"""Removing document properties from Word, Excel and PDF files; nothing else is changed."""

import io
import zipfile

from lxml import etree

from ..errors import DomainError
from ..parsing import parse_xml
from .common import APP_FIELDS, CORE_KEPT, NS


def strip_ooxml(data: bytes) -> bytes:
    """Rewrite the package with empty properties; every other part is copied unchanged."""
    app_tags = {f"{{{NS['ep']}}}{path[3:]}" for path, _label in APP_FIELDS}
    drop = {
        "docProps/core.xml": lambda element: element.tag not in CORE_KEPT,
        "docProps/app.xml": lambda element: element.tag in app_tags,
        "docProps/custom.xml": lambda element: True,
    }
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            if info.filename in drop:
                root = parse_xml(content, name="文件", member=info.filename)
                for child in [c for c in root if drop[info.filename](c)]:
                    root.remove(child)
                content = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            target.writestr(info, content)
    return out.getvalue()


def strip_pdf(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        raise DomainError("PDF文件已加密，不能清除文档属性。", code="strip_encrypted")
    writer = PdfWriter(clone_from=reader)
    writer.metadata = None  # drops the /Info dictionary
    writer.root_object.pop("/Metadata", None)  # and the XMP stream that repeats it
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
