"""What the hidden-content checks of every kind of file share: the finding, the namespaces of
Office files, wording helpers, and reading a package's parts and properties."""

import re
import zipfile
from dataclasses import dataclass

from ..parsing import parse_xml
from .numbers import mask_numbers


@dataclass(frozen=True)
class Finding:
    kind: str  # stable code: hidden_sheet, comment, id_number … (kinds.py names them all)
    where: str  # the place in the file, for people
    message: str  # for people; quotes from the file have their personal numbers masked
    # The raw values a gate needs to decide (person_business_code: the codes found); stored
    # with the finding (`vars(finding)` as JSON, a list), never shown.
    values: tuple = ()

    def __post_init__(self):
        # Without values, `vars()` leaves the field out (reading it still gives the class's
        # default ()): stored findings of every other kind keep the shape they always had,
        # {kind, where, message}, for the screens, the API and findings stored before.
        if self.values:
            object.__setattr__(self, "values", tuple(self.values))
        else:
            object.__delattr__(self, "values")


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
# The fields that name a person give `metadata_person` findings (PERSON_FIELDS), the rest
# `metadata`.
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
PERSON_FIELDS = {"dc:creator", "cp:lastModifiedBy", "ep:Manager", "/Author"}


def excerpt(text: str, limit: int = 30) -> str:
    """The start of `text` for a message, personal numbers masked. A number cut by the limit
    is masked whole: masking reads 40 characters past it (more than any number is long)."""
    text = mask_numbers(re.sub(r"\s+", " ", text or "").strip()[: limit + 40])
    return text if len(text) <= limit else text[:limit] + "……"


def joined(values, unit: str = "人", limit: int = 5) -> str:
    values = list(dict.fromkeys(str(v) for v in values if v))  # unique, in order of appearance
    return "、".join(values[:limit]) + (f"等{len(values)}{unit}" if len(values) > limit else "")


def ranges(numbers: list[int], label) -> str:
    """[3, 5, 6, 7] -> '第3行、第5至7行' (label(a) or label(a, b) names one run)."""
    spans: list[list[int]] = []
    for n in sorted(set(numbers)):
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    parts = [label(a) if a == b else label(a, b) for a, b in spans]
    return "、".join(parts[:10]) + (f"等{len(parts)}处" if len(parts) > 10 else "")


def metadata(label: str, value, field: str = "") -> Finding:
    """A document property; one naming a person (the author, the last editor, the manager) is
    a `metadata_person` finding."""
    kind = "metadata_person" if field in PERSON_FIELDS else "metadata"
    return Finding(kind, "文档属性", f"文档属性中含有{label}“{excerpt(str(value))}”")


def comment_finding(where: str, prefix: str, authors, notes: list[tuple[str, str]]) -> Finding:
    """'文档包含2条批注（作者：张三）：“…”；“…”' for any kind of file; notes are (place, text)."""
    people = joined(authors)
    shown = "；".join(f"{place}“{excerpt(text)}”" for place, text in notes[:5] if text.strip())
    return Finding(
        "comment",
        where,
        f"{prefix}{len(notes)}条批注"
        + (f"（作者：{people}）" if people else "")
        + (f"：{shown}" if shown else "")
        + ("等" if len(notes) > 5 else ""),
    )


def read_part(archive: zipfile.ZipFile, name: str):
    """The parsed XML part, or None if the package has no such part. The file has passed
    core.parsing.inspect: no part expands beyond the limits, no part declares a DTD."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    return parse_xml(archive.read(info), name="文件", member=name)


def package_properties(archive: zipfile.ZipFile) -> list[Finding]:
    """docProps/core.xml and app.xml are the same in Word and Excel files."""
    findings = []
    for name, fields in (("docProps/core.xml", CORE_FIELDS), ("docProps/app.xml", APP_FIELDS)):
        part = read_part(archive, name)
        for path, label in fields if part is not None else ():
            value = (part.findtext(path, default="", namespaces=NS) or "").strip()
            if value:
                findings.append(metadata(label, value, path))
    custom = read_part(archive, "docProps/custom.xml")
    if custom is not None and len(custom):
        names = joined((prop.get("name") for prop in custom), unit="项")
        findings.append(
            Finding("metadata", "文档属性", f"文档包含{len(custom)}项自定义属性（{names}）")
        )
    return findings


def property_texts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """('文档属性', text) of every value of a package's properties, for the number check."""
    parts = ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")
    roots = [read_part(archive, name) for name in parts]
    return [("文档属性", t) for root in roots if root is not None for t in root.itertext()]


def listed(places: list[tuple[str, str]], total: int, limit: int = 5) -> str:
    """'第2页“110***********1233”；批注“…”等' for up to `limit` (place, text) pairs of `total`."""
    shown = "；".join(f"{place}“{excerpt(text)}”" for place, text in places[:limit])
    return shown + ("等" if total > limit else "")


def embedded_objects(names, what: str) -> list[Finding]:
    """Files embedded in a Word or Excel package (OLE objects, workbooks in a document …):
    the check does not look inside them."""
    embedded = [n for n in names if re.match(r"^(word|xl)/embeddings/[^/]+$", n)]
    if not embedded:
        return []
    shown = joined((n.rsplit("/", 1)[-1] for n in embedded), unit="个")
    message = (
        f"{what}包含{len(embedded)}个嵌入对象（{shown}），其中的内容未经本检查，"
        "可能含有不应公开的信息"
    )
    return [Finding("embedded_object", "嵌入对象", message)]
