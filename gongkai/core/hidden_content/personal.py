"""Findings for the personal numbers (numbers.py) in the text of a file.

Each kind of file gives its text as (place, text) pieces: a PDF's pages and notes, a Word
document's paragraphs (body, headers, footers, footnotes, endnotes, comments, text boxes,
deleted revisions), an Excel workbook's cells (hidden sheets too) and comments. Images give no
text: what is in a picture cannot be read without OCR, which the check does not do.
"""

from collections.abc import Iterable

from .common import Finding, listed
from .numbers import ID_NUMBER, MOBILE_NUMBER, PERSON_BUSINESS_CODE, find_numbers

MAX_VALUES = 1000  # distinct codes kept in a finding's values; more are marked by OVERFLOW
OVERFLOW = "…"  # never an allowed code: a finding with more codes than kept always blocks

WORDING = {
    ID_NUMBER: ("身份证号码", "文件中有{n}处居民身份证号码"),
    MOBILE_NUMBER: ("手机号码", "文件中有{n}处手机号码"),
    PERSON_BUSINESS_CODE: (
        "统一社会信用代码",
        "文件中有{n}处个体工商户的统一社会信用代码（属于个人信息）",
    ),
}


def personal_findings(pieces: Iterable[tuple[str, str]]) -> list[Finding]:
    """One finding per kind of number found: a count, up to five places with the number
    masked, and for 个体工商户 codes the codes themselves (the gate compares them with the
    agency's list of codes that may be released)."""
    counts = dict.fromkeys(WORDING, 0)
    places: dict[str, list[tuple[str, str]]] = {kind: [] for kind in WORDING}
    codes: dict[str, None] = {}
    for place, text in pieces:
        for number in find_numbers(text):
            counts[number.kind] += 1
            if len(places[number.kind]) < 5:
                places[number.kind].append((place, number.masked))
            if number.kind == PERSON_BUSINESS_CODE and len(codes) <= MAX_VALUES:
                codes[number.value] = None
    findings = []
    for kind, (where, lead) in WORDING.items():
        if counts[kind]:
            values = tuple(codes) if kind == PERSON_BUSINESS_CODE else ()
            if len(values) > MAX_VALUES:
                values = (*values[:MAX_VALUES], OVERFLOW)
            message = lead.format(n=counts[kind]) + "：" + listed(places[kind], counts[kind])
            findings.append(Finding(kind, where, message, values))
    return findings
