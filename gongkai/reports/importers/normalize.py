"""One spelling for the same text: full-width and half-width forms, PDF glyph variants (Kangxi
radicals such as ⼀ for 一), page footers inside tables, and runs of spaces."""

from __future__ import annotations

import re
import unicodedata

# After NFKC, the few marks that still have two spellings in published reports.
MARKS = str.maketrans(
    {
        "〔": "[",
        "〕": "]",
        "【": "[",
        "】": "]",
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "—": "-",
        "–": "-",
        "－": "-",
        "·": ".",
        "．": ".",
        "。": "。",
        "\u3000": " ",
        "\xa0": " ",
    }
)
# "- 3 -" (spaces inside: "-3" is a number) and "第3页 共5页".
FOOTER = re.compile(r"[-—–]\s+\d{1,3}\s+[-—–](?!\d)|第\s*\d+\s*页\s*(?:[,，/]?\s*共\s*\d+\s*页)?")


def normalize(text: str) -> str:
    """NFKC (（一）→(一), ：→:, full-width digits → ASCII, ⼀ → 一), one spelling of the marks
    above, page footers removed, spaces collapsed (tabs and newlines kept: they separate cells)."""
    text = unicodedata.normalize("NFKC", text).translate(MARKS)
    text = FOOTER.sub(" ", text)
    text = re.sub(r"[ \f\v]+", " ", text)
    return text


def squeeze(text: str) -> str:
    """Normalised with every space removed: for matching labels across line breaks."""
    return re.sub(r"\s+", "", normalize(text))
