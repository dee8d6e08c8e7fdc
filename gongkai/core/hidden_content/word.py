"""Word: comments, tracked changes (with the deleted text still in the file), hidden text (set
hidden, or in the colour of its background), dark highlight and shading, filled shapes in front
of the text, embedded objects, personal numbers in any text and document properties.

A Word file cannot carry speaker notes (a PowerPoint part; PowerPoint files are refused at
upload), so no `speaker_notes` finding comes from here."""

import io
import re
import zipfile

from lxml import etree

from .common import (
    NS,
    Finding,
    W,
    comment_finding,
    embedded_objects,
    excerpt,
    joined,
    listed,
    package_properties,
    property_texts,
    read_part,
)
from .personal import personal_findings
from .word_text import covering_shapes, paragraphs, part_label, unseen

# Where Word keeps text that can carry revisions or hidden runs.
WORD_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def _text(element) -> str:
    return "".join(element.itertext())


def check_docx(data: bytes) -> list[Finding]:
    findings: list[Finding] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        roots = {n: read_part(archive, n) for n in archive.namelist() if part_label(n)}
        comments = roots.get("word/comments.xml")
        entries = comments.findall("w:comment", NS) if comments is not None else []
        if entries:
            authors = (entry.get(f"{W}author") for entry in entries)
            findings.append(
                comment_finding("批注", "文档包含", authors, [("", _text(e)) for e in entries])
            )
        parts = [root for name, root in roots.items() if WORD_PARTS.match(name)]
        findings.extend(_tracked_changes(parts))
        labelled = [(part_label(name), root) for name, root in roots.items()]
        findings.extend(_unseen(parts, labelled))
        pieces = [piece for label, root in labelled for piece in paragraphs(label, root)]
        findings.extend(personal_findings(pieces + property_texts(archive)))
        findings.extend(embedded_objects(archive.namelist(), "文档"))
        findings.extend(package_properties(archive))
    return findings


def _unseen(parts, labelled) -> list[Finding]:
    """covered_content (filled shapes in front of text), dark_highlight and hidden_text."""
    findings = []
    shapes = covering_shapes(labelled)
    if shapes:
        message = (
            f"文档中有{len(shapes)}个浮于文字上方的实心填充图形，可能遮盖了下面的文字，"
            f"被遮盖的文字仍保存在文件中：{listed(shapes, len(shapes))}（所在段落）"
        )
        findings.append(Finding("covered_content", "浮于文字上方的图形", message))
    dark, faint = unseen(labelled)
    if dark:
        message = (
            f"文档中有{len(dark)}处文字设置了黑色或深色的突出显示或底纹，看上去像已遮盖，"
            f"但文字仍在文件中，可被复制和检索：{listed(dark, len(dark))}"
        )
        findings.append(Finding("dark_highlight", "深色突出显示或底纹", message))
    vanished = "".join(
        _text(run)
        for part in parts
        for run in part.iter(f"{W}r")
        if _vanished(run.find("w:rPr/w:vanish", NS))
    )
    messages = [f"文档包含隐藏文字：“{excerpt(vanished, 60)}”"] if vanished.strip() else []
    if faint:
        messages.append(
            ("另有" if messages else "文档中有")
            + f"{len(faint)}处文字的颜色与背景相同或接近（或字号极小），看不见但仍在文件中："
            + listed(faint, len(faint))
        )
    if messages:
        findings.append(Finding("hidden_text", "隐藏文字", "；".join(messages)))
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
    people = joined(authors)
    message = f"文档包含修订痕迹（{summary}" + (f"；修订人：{people}" if people else "") + "）"
    if "".join(deleted).strip():
        message += f"，被删除的文字仍保存在文件中：“{excerpt(''.join(deleted))}”"
    return [Finding("tracked_change", "修订", message)]
