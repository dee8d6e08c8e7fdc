"""PDF: document properties and XMP metadata, annotations (notes), attached files, JavaScript."""

import io

from .common import Finding, comment_finding, joined, metadata

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
        metadata(label, info[key]) for key, label in PDF_FIELDS if str(info.get(key) or "").strip()
    ]
    root = reader.trailer["/Root"].get_object()
    if "/Metadata" in root:
        message = "文档包含XMP元数据（可能含作者、编辑软件和修改记录）"
        findings.append(Finding("metadata", "文档属性", message))
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
    names = names.get_object() if names is not None else None
    if scripts or (isinstance(names, dict) and "/JavaScript" in names):
        findings.append(Finding("javascript", "脚本", "文档包含JavaScript脚本"))
    return findings


def _is_script(action) -> bool:
    action = action.get_object() if action is not None else None
    return isinstance(action, dict) and action.get("/S") == "/JavaScript"
