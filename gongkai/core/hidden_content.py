"""What a reviewer must see in a file before it is released: hidden sheets, rows and columns,
comments, tracked changes, hidden text, document properties, PDF annotations and attachments.

Pure functions over bytes (no database). `strip_metadata` clears document properties only:
comments and tracked changes are content, and removing them silently would hide exactly what
the reviewer is meant to decide on.
"""

import io
import re
import zipfile
from dataclasses import dataclass

from lxml import etree

from .errors import DomainError
from .uploads import DOCX, JPEG, PDF, PNG, XLSX, sniff


@dataclass(frozen=True)
class Finding:
    kind: str  # stable code: hidden_sheet, hidden_row, comment, tracked_change, metadata …
    where: str  # the place in the file, for people
    message: str


NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
}
W = f"{{{NS['w']}}}"
# docProps/core.xml fields that can name people or reveal drafts; the dates and the revision
# counter are in every file and say nothing about who wrote it, so they are kept.
CORE_FIELDS = (
    ("dc:creator", "作者"),
    ("cp:lastModifiedBy", "最后修改者"),
    ("dc:title", "标题"),
    ("dc:subject", "主题"),
    ("cp:keywords", "关键词"),
    ("dc:description", "备注"),
    ("cp:category", "类别"),
    ("cp:contentStatus", "状态"),
)
CORE_KEPT = {f"{{{NS['dcterms']}}}created", f"{{{NS['dcterms']}}}modified"}
APP_FIELDS = (
    ("ep:Company", "单位"),
    ("ep:Manager", "主管"),
    ("ep:HyperlinkBase", "超链接基础地址"),
)
PDF_FIELDS = (
    ("/Author", "作者"),
    ("/Creator", "创建程序"),
    ("/Producer", "生成程序"),
    ("/Title", "标题"),
    ("/Subject", "主题"),
    ("/Keywords", "关键词"),
)
SHEET_STATES = {"hidden": "被隐藏", "veryHidden": "被深度隐藏（无法在Excel中直接取消隐藏）"}
# Where Word keeps text that can carry revisions or hidden runs.
WORD_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
MAX_PART_BYTES = 200 * 1024 * 1024  # a larger XML part inside a small upload is a zip bomb
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def check_file(data: bytes, filename: str) -> list[Finding]:
    """Everything in the file a reviewer should look at before it is released."""
    kind = sniff(data[:16], io.BytesIO(data))
    checker = {DOCX: _check_docx, XLSX: _check_xlsx, PDF: _check_pdf}.get(kind)
    checker = checker or (_check_image if kind in (JPEG, PNG) else None)
    if checker is None:
        message = (
            f"无法检查“{filename}”中的隐藏内容：只支持Word（.docx）、Excel（.xlsx）、PDF和"
            "图片文件，旧版.doc/.xls文件请另存为新格式后再检查。"
        )
        return [Finding("unsupported", filename, message)]
    try:
        return checker(data)
    except Exception:  # any parser error means the same thing to the reviewer
        message = f"“{filename}”已损坏或格式异常，无法检查其中的隐藏内容。"
        return [Finding("unreadable", filename, message)]


def strip_metadata(data: bytes, filename: str) -> bytes:
    """The same file without its document properties (author, last editor, company …)."""
    kind = sniff(data[:16], io.BytesIO(data))
    if kind in (DOCX, XLSX):
        return _strip_ooxml(data)
    if kind is PDF:
        return _strip_pdf(data)
    raise DomainError(
        f"不能清除“{filename}”的文档属性：只支持Word（.docx）、Excel（.xlsx）和PDF文件。",
        code="strip_unsupported",
    )


# Shared helpers -------------------------------------------------------------------------------


def _excerpt(text: str, limit: int = 30) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[:limit] + "……"


def _joined(values, unit: str = "人", limit: int = 5) -> str:
    values = list(dict.fromkeys(str(v) for v in values if v))  # unique, in order of appearance
    return "、".join(values[:limit]) + (f"等{len(values)}{unit}" if len(values) > limit else "")


def _runs(numbers: list[int], label) -> str:
    """[3, 5, 6, 7] -> '第3行、第5至7行' (label(a) or label(a, b) names one run)."""
    spans: list[list[int]] = []
    for n in sorted(set(numbers)):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    parts = [label(a) if a == b else label(a, b) for a, b in spans]
    return "、".join(parts[:10]) + (f"等{len(parts)}处" if len(parts) > 10 else "")


def _property(label: str, value) -> Finding:
    return Finding("metadata", "文档属性", f"文档属性中含有{label}“{_excerpt(str(value))}”")


def _comments(where: str, prefix: str, authors, notes: list[tuple[str, str]]) -> Finding:
    """'文档包含2条批注（作者：张三）：“…”；“…”' for any kind of file; notes are (place, text)."""
    people = _joined(authors)
    shown = "；".join(f"{place}“{_excerpt(text)}”" for place, text in notes[:5] if text.strip())
    return Finding(
        "comment",
        where,
        f"{prefix}{len(notes)}条批注"
        + (f"（作者：{people}）" if people else "")
        + (f"：{shown}" if shown else "")
        + ("等" if len(notes) > 5 else ""),
    )


def _read_part(archive: zipfile.ZipFile, name: str):
    """The parsed XML part, or None if the package has no such part."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise ValueError(f"{name} is too large")
    return etree.fromstring(archive.read(info), _PARSER)


def _package_properties(archive: zipfile.ZipFile) -> list[Finding]:
    """docProps/core.xml and app.xml are the same in Word and Excel files."""
    findings = []
    for name, fields in (("docProps/core.xml", CORE_FIELDS), ("docProps/app.xml", APP_FIELDS)):
        part = _read_part(archive, name)
        for path, label in fields if part is not None else ():
            value = (part.findtext(path, default="", namespaces=NS) or "").strip()
            if value:
                findings.append(_property(label, value))
    custom = _read_part(archive, "docProps/custom.xml")
    if custom is not None and len(custom):
        names = _joined((prop.get("name") for prop in custom), unit="项")
        findings.append(
            Finding("metadata", "文档属性", f"文档包含{len(custom)}项自定义属性（{names}）")
        )
    return findings


# Excel ---------------------------------------------------------------------------------------


def _row_label(a, b=None):
    return f"第{a}行" if b is None else f"第{a}至{b}行"


def _column_label(a, b=None):
    from openpyxl.utils import get_column_letter as letter

    return f"{letter(a)}列" if b is None else f"{letter(a)}至{letter(b)}列"


def _check_xlsx(data: bytes) -> list[Finding]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), data_only=True, keep_links=False)
    findings: list[Finding] = []
    hidden = set()
    for sheet in [*workbook.worksheets, *workbook.chartsheets]:
        where = f"工作表“{sheet.title}”"
        if sheet.sheet_state != "visible":
            hidden.add(sheet.title)
            how = SHEET_STATES.get(sheet.sheet_state, "被隐藏")
            findings.append(Finding("hidden_sheet", where, f"{where}{how}"))
    for sheet in workbook.worksheets:
        findings.extend(_check_worksheet(sheet))
    for name, defined in workbook.defined_names.items():
        if name.startswith("_xlnm."):  # print areas and filters Excel keeps for itself
            continue
        try:
            targets = {title for title, _cells in defined.destinations}
        except Exception:  # formulas that are not plain ranges have no target sheet
            targets = set()
        findings.extend(
            Finding("defined_name", f"名称“{name}”", f"名称“{name}”指向隐藏的工作表“{title}”")
            for title in sorted(targets & hidden)
        )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        links = [n for n in archive.namelist() if re.match(r"xl/externalLinks/[^/]+\.xml$", n)]
        if links:
            message = f"工作簿包含{len(links)}个外部链接（可能暴露其他文件的名称和路径）"
            findings.append(Finding("external_link", "外部链接", message))
        findings.extend(_package_properties(archive))
    return findings


def _check_worksheet(sheet) -> list[Finding]:
    from openpyxl.utils import column_index_from_string

    where = f"工作表“{sheet.title}”"
    findings = []
    # A zero height or width hides a row or column as well as the hidden flag does.
    rows = [n for n, dim in sheet.row_dimensions.items() if dim.hidden or dim.height == 0]
    if rows:
        findings.append(Finding("hidden_row", where, f"{where}中{_runs(rows, _row_label)}被隐藏"))
    columns = []
    for key, dim in sheet.column_dimensions.items():
        if dim.hidden or dim.width == 0:
            first = dim.min or column_index_from_string(key)
            columns.extend(range(first, (dim.max or first) + 1))
    if columns:
        message = f"{where}中{_runs(columns, _column_label)}被隐藏"
        findings.append(Finding("hidden_column", where, message))
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.comment]
    if cells:
        notes = [(cell.coordinate, cell.comment.text) for cell in cells]
        findings.append(_comments(where, f"{where}中有", (c.comment.author for c in cells), notes))
    return findings


# Word ----------------------------------------------------------------------------------------


def _text(element) -> str:
    return "".join(element.itertext())


def _check_docx(data: bytes) -> list[Finding]:
    findings: list[Finding] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comments = _read_part(archive, "word/comments.xml")
        entries = comments.findall("w:comment", NS) if comments is not None else []
        if entries:
            authors = (entry.get(f"{W}author") for entry in entries)
            findings.append(
                _comments("批注", "文档包含", authors, [("", _text(e)) for e in entries])
            )
        parts = [_read_part(archive, n) for n in archive.namelist() if WORD_PARTS.match(n)]
        findings.extend(_tracked_changes(parts))
        hidden = "".join(
            _text(run)
            for part in parts
            for run in part.iter(f"{W}r")
            if _vanished(run.find("w:rPr/w:vanish", NS))
        )
        if hidden.strip():
            message = f"文档包含隐藏文字：“{_excerpt(hidden, 60)}”"
            findings.append(Finding("hidden_text", "隐藏文字", message))
        findings.extend(_package_properties(archive))
    return findings


def _vanished(element) -> bool:
    return element is not None and element.get(f"{W}val", "true") not in {"0", "false", "off"}


def _tracked_changes(parts) -> list[Finding]:
    counts = {"插入": 0, "删除": 0, "格式修改": 0}
    authors, deleted = [], []  # one author (or None) per revision element
    tags = ("ins", "del", "moveTo", "moveFrom", "rPrChange", "pPrChange")
    for part in parts:
        for element in part.iter(*(f"{W}{tag}" for tag in tags)):
            authors.append(element.get(f"{W}author"))
            name = etree.QName(element).localname
            if name.endswith("PrChange"):
                counts["格式修改"] += 1
            # A paragraph mark's own insertion or deletion belongs to the change around it.
            elif element.getparent().tag != f"{W}rPr":
                counts["插入" if name in ("ins", "moveTo") else "删除"] += 1
        deleted.extend(text.text or "" for text in part.iter(f"{W}delText"))
    if not authors:
        return []
    summary = "、".join(f"{label}{n}处" for label, n in counts.items() if n) or "段落标记修改"
    people = _joined(authors)
    message = f"文档包含修订痕迹（{summary}" + (f"；修订人：{people}" if people else "") + "）"
    if "".join(deleted).strip():
        message += f"，被删除的文字仍保存在文件中：“{_excerpt(''.join(deleted))}”"
    return [Finding("tracked_change", "修订", message)]


# PDF -----------------------------------------------------------------------------------------


def _check_pdf(data: bytes) -> list[Finding]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not reader.decrypt(""):
        return [Finding("encrypted", "文件", "PDF文件已加密，无法检查其中的隐藏内容。")]
    info = reader.metadata or {}
    findings = [
        _property(label, info[key]) for key, label in PDF_FIELDS if str(info.get(key) or "").strip()
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
        findings.append(_comments("批注", prefix, authors, notes))
    if attached:
        message = f"文档包含{len(attached)}个附件（{_joined(attached, unit='个')}）"
        findings.append(Finding("attachment", "附件", message))
    names = root.get("/Names")
    if scripts or "/JavaScript" in (names.get_object() if names is not None else {}):
        findings.append(Finding("javascript", "脚本", "文档包含JavaScript脚本"))
    return findings


def _is_script(action) -> bool:
    action = action.get_object() if action is not None else None
    return isinstance(action, dict) and action.get("/S") == "/JavaScript"


# Images --------------------------------------------------------------------------------------


def _check_image(data: bytes) -> list[Finding]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if not exif:
            return []
        gps = bool(exif.get_ifd(0x8825))
    message = "图片包含EXIF信息（拍摄设备、时间等）" + ("，其中含有GPS位置" if gps else "")
    return [Finding("exif", "图片信息", message)]


# Stripping -----------------------------------------------------------------------------------


def _strip_ooxml(data: bytes) -> bytes:
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
                root = etree.fromstring(content, _PARSER)
                for child in [c for c in root if drop[info.filename](c)]:
                    root.remove(child)
                content = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True
                )
            target.writestr(info, content)
    return out.getvalue()


def _strip_pdf(data: bytes) -> bytes:
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
