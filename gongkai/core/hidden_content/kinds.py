"""The kinds of finding, their names for people, and which of them stop a release.

A blocking kind refuses the release of a file unless a reviewer records an override with a
reason; every other kind is a notice the reviewer acknowledges. The gate itself (who may
override, where it applies) is the caller's; this module only says what each finding is.
"""

from collections.abc import Mapping

LABELS = {
    # Blocking: content that leaves with the file although nobody sees it on the page.
    "covered_content": "遮盖下仍有文字",
    "dark_highlight": "深色突出显示或底纹",
    "hidden_text": "隐藏文字",
    "id_number": "身份证号码",
    "mobile_number": "手机号码",
    "person_business_code": "个体工商户统一社会信用代码",
    "hidden_sheet": "隐藏工作表",
    "hidden_row": "隐藏行",
    "hidden_column": "隐藏列",
    "comment": "批注",
    "tracked_change": "修订痕迹",
    "speaker_notes": "演讲者备注",
    "embedded_object": "嵌入对象",
    "attachment": "PDF附件",
    "javascript": "脚本",
    "metadata_person": "文档属性中的人名",
    "unreadable": "文件无法读取",
    "unsupported": "文件类型无法检查",
    "encrypted": "文件已加密",
    # Notices.
    "metadata": "文档属性",
    "exif": "图片拍摄信息",
    "defined_name": "指向隐藏工作表的名称",
    "external_link": "外部链接",
    "scanned_page": "扫描页面",
}
NOTICES = frozenset({"metadata", "exif", "defined_name", "external_link", "scanned_page"})
BLOCKING: frozenset[str] = frozenset(LABELS) - NOTICES


def label(kind: str) -> str:
    """A short Chinese name of the kind, for the reviewer's screen (the code if unknown)."""
    return LABELS.get(kind, kind)


def _code(value) -> str:
    return str(value or "").strip().upper()


def blocks(finding: Mapping, allowed_codes=frozenset()) -> bool:
    """Whether this finding (a stored one: a dict) refuses the release without an override.

    A `person_business_code` finding blocks only if one of its codes is not in
    `allowed_codes` (codes the agency may release, e.g. of businesses that are parties to a
    published decision); one that lists no codes blocks, as nothing can be matched.
    """
    kind = finding.get("kind")
    if kind not in BLOCKING:
        return False
    if kind != "person_business_code":
        return True
    values = [_code(v) for v in finding.get("values") or ()]
    allowed = {_code(c) for c in allowed_codes}
    return not values or any(v not in allowed for v in values)
