"""Word: comments, tracked changes (with the deleted text still in the file), hidden text and
document properties."""

import io
import re
import zipfile

from lxml import etree

from .common import NS, Finding, W, comment_finding, excerpt, joined, package_properties, read_part

# Where Word keeps text that can carry revisions or hidden runs.
WORD_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


def _text(element) -> str:
    return "".join(element.itertext())


def check_docx(data: bytes) -> list[Finding]:
    findings: list[Finding] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        comments = read_part(archive, "word/comments.xml")
        entries = comments.findall("w:comment", NS) if comments is not None else []
        if entries:
            authors = (entry.get(f"{W}author") for entry in entries)
            findings.append(
                comment_finding("批注", "文档包含", authors, [("", _text(e)) for e in entries])
            )
        parts = [read_part(archive, n) for n in archive.namelist() if WORD_PARTS.match(n)]
        findings.extend(_tracked_changes(parts))
        hidden = "".join(
            _text(run)
            for part in parts
            for run in part.iter(f"{W}r")
            if _vanished(run.find("w:rPr/w:vanish", NS))
        )
        if hidden.strip():
            message = f"文档包含隐藏文字：“{excerpt(hidden, 60)}”"
            findings.append(Finding("hidden_text", "隐藏文字", message))
        findings.extend(package_properties(archive))
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
