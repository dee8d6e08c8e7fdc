"""PDF: document properties and XMP metadata, annotations (notes), attached files, JavaScript,
hidden layers (pypdf and PyMuPDF); what the pages draw (pdf_pages.py): covered text and images,
scanned pages, and personal numbers in the text of pages, notes and form fields."""

import io

from .common import Finding, comment_finding, excerpt, joined, metadata, ranges
from .pdf_pages import painted_findings, scan_pages
from .personal import personal_findings

PDF_FIELDS = (
    ("/Author", "作者"),
    ("/Creator", "创建程序"),
    ("/Producer", "生成程序"),
    ("/Title", "标题"),
    ("/Subject", "主题"),
    ("/Keywords", "关键词"),
)


def check_pdf(data: bytes) -> list[Finding]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        return [Finding("encrypted", "文件", "PDF文件已加密，无法检查其中的隐藏内容。")]
    info = reader.metadata or {}
    findings = [
        metadata(label, info[key], key)
        for key, label in PDF_FIELDS
        if str(info.get(key) or "").strip()
    ]
    root = reader.trailer["/Root"].get_object()
    if "/Metadata" in root:
        message = "文档包含XMP元数据（可能含作者、编辑软件和修改记录）"
        findings.append(Finding("metadata", "文档属性", message))
        findings.extend(_xmp_authors(reader))
    pages, authors, notes, attached = [], [], [], list(reader.attachments)
    scripts = _is_script(root.get("/OpenAction"))
    for number, page in enumerate(reader.pages, 1):
        for ref in page.get("/Annots") or []:
            annotation = ref.get_object()
            subtype = annotation.get("/Subtype")
            scripts = scripts or _is_script(annotation.get("/A"))
            if subtype == "/FileAttachment":
                spec = annotation.get("/FS")
                attached.append(str(spec.get_object().get("/F", "")) if spec else "")
            elif subtype not in ("/Link", "/Widget", "/Popup"):  # popups belong to a note
                pages.append(str(number))
                authors.append(annotation.get("/T"))
                notes.append(("", str(annotation.get("/Contents") or "")))
    if notes:
        prefix = f"文档第{'、'.join(dict.fromkeys(pages))}页共有"
        findings.append(comment_finding("批注", prefix, authors, notes))
    if attached:
        message = f"文档包含{len(attached)}个附件（{joined(attached, unit='个')}）"
        findings.append(Finding("attachment", "附件", message))
    names = root.get("/Names")
    names = names.get_object() if names is not None else None  # may be null (our engine's)
    if scripts or (isinstance(names, dict) and "/JavaScript" in names):
        findings.append(Finding("javascript", "脚本", "文档包含JavaScript脚本"))
    properties = [("文档属性", str(info[key])) for key in info]
    return findings + _drawn(data, properties)


def _is_script(action) -> bool:
    action = action.get_object() if action is not None else None
    return isinstance(action, dict) and action.get("/S") == "/JavaScript"


def _xmp_authors(reader) -> list[Finding]:
    """The authors XMP names (dc:creator), which outlive a cleared information dictionary."""
    try:
        creators = [str(c).strip() for c in (reader.xmp_metadata.dc_creator or [])]
    except Exception:  # XMP is free-form XML: unreadable XMP is reported as XMP above
        return []
    people = joined(creators)
    if not people:
        return []
    message = f"文档的XMP元数据中含有作者“{excerpt(people)}”"
    return [Finding("metadata_person", "文档属性", message)]


def _drawn(data: bytes, properties: list[tuple[str, str]]) -> list[Finding]:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as doc:
        if doc.needs_pass:
            doc.authenticate("")
        layers = [layer["name"] for layer in (doc.get_ocgs() or {}).values() if not layer["on"]]
        places, unchecked, scanned, pieces = scan_pages(doc)
    findings = painted_findings(places, unchecked)
    if layers:
        message = (
            f"文档包含{len(layers)}个隐藏的图层（{joined(layers, unit='个')}），"
            "其中的内容不显示，但仍在文件中"
        )
        faint = next((f for f in findings if f.kind == "hidden_text"), None)
        if faint is not None:  # one finding per kind
            findings.remove(faint)
            message = f"{message}；{faint.message}"
        findings.append(Finding("hidden_text", "隐藏的内容", message))
    findings.extend(personal_findings(pieces + properties))
    if scanned:
        pages = ranges(scanned, _page_label)
        message = f"{pages}为扫描图像，其中的文字无法自动检查，请逐页目视核对"
        findings.append(Finding("scanned_page", "扫描页面", message))
    return findings


def _page_label(a, b=None):
    return f"第{a}页" if b is None else f"第{a}至{b}页"
