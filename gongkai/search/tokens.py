"""How Chinese text becomes index terms, and how a query becomes the terms to look up.

Chinese has no spaces, and a word segmenter (jieba) misses any query that cuts across its words.
So, like Lucene's `cjk` analyzer, we index overlapping character bigrams. One change makes every
character findable: the last character of each run of Chinese also stands alone ("terminal
unigram"), so each character position owns exactly one term that starts with that character.

    "商工信〔2017〕12号文"  ->  商工 工信 信 | 2017 | 12 | 号文 文

Letters and digits form whole words (lower-cased, full-width folded by NFKC); everything else
separates terms. The resulting semantics, which `matches()` implements directly and the tests
check every backend against:

* Chinese characters match as a substring of the normalised text (punctuation and spaces in
  the query match any punctuation or spacing in the text);
* a letter/digit word matches a whole word, except the query's last word, which may be the
  start of a longer word (商工信〔2017〕1 finds 〔2017〕12号);
* space-separated query terms must all occur (AND), anywhere in the text.
"""

import re
import unicodedata
from dataclasses import dataclass

# Han ideographs (incl. extensions and compatibility), kana and hangul: scripts written
# without spaces between words.
_CJK = (
    "\u3005\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_SEGMENT = re.compile(f"([{_CJK}]+)|([^\\W_{_CJK}]+)")
MAX_QUERY_TERMS = 8
MAX_TERM_CHARS = 64


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), lower case."""
    return unicodedata.normalize("NFKC", text or "").lower()


def segments(text: str):
    """(kind, chars) pairs in order: kind is "cjk" or "word"; separators are dropped."""
    for match in _SEGMENT.finditer(normalise(text)):
        if match.group(1):
            yield "cjk", match.group(1)
        else:
            yield "word", match.group(2)


def _run_terms(run: str) -> list[str]:
    """Bigrams of a Chinese run plus its last character alone: one term per character."""
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def index_terms(text: str) -> list[str]:
    """The terms of `text`, in position order (one position per term)."""
    terms: list[str] = []
    for kind, chars in segments(text):
        terms.extend(_run_terms(chars) if kind == "cjk" else [chars])
    return terms


@dataclass(frozen=True)
class Phrase:
    """One query term: consecutive index terms; the last may be a prefix."""

    terms: tuple[str, ...]
    last_is_prefix: bool
    text: str  # the normalised query term, for display and highlighting

    @property
    def is_empty(self) -> bool:
        return not self.terms


def phrase_of(term: str) -> Phrase:
    """The index terms a query term must match consecutively (see the module docstring)."""
    parts = list(segments(term))
    terms: list[str] = []
    last_is_prefix = False
    for position, (kind, chars) in enumerate(parts):
        is_last = position == len(parts) - 1
        if kind == "word":
            terms.append(chars)
            last_is_prefix = is_last
            continue
        bigrams = [chars[i : i + 2] for i in range(len(chars) - 1)]
        terms.extend(bigrams)
        if not is_last:
            # Something follows in the query, so the run must end here in the text too.
            terms.append(chars[-1])
            last_is_prefix = False
        elif len(chars) == 1:
            # A lone character at the end: it begins a bigram or ends a run (its unigram).
            terms.append(chars)
            last_is_prefix = True
        else:
            last_is_prefix = False
    display = " ".join(chars for _kind, chars in parts)
    return Phrase(tuple(terms), last_is_prefix, display)


def parse_query(text: str) -> list[Phrase]:
    """Space-separated terms, each a phrase; empty terms dropped, long queries cut."""
    phrases = []
    for raw in (text or "").split():
        phrase = phrase_of(raw[:MAX_TERM_CHARS])
        if not phrase.is_empty:
            phrases.append(phrase)
    return phrases[:MAX_QUERY_TERMS]


def canonical(text: str) -> str:
    """The text as the search sees it: segments joined by one space, with a space between
    Chinese and other words. `matches()` and the PostgreSQL recheck work on this form."""
    return " ".join(chars for _kind, chars in segments(text))


def like_pattern(phrase: Phrase) -> str:
    """A LIKE pattern on ' ' + canonical(text) + ' ' that holds exactly when the phrase's
    terms occur consecutively. The canonical text has no % or _ (they are separators)."""
    # A leading word must start a word; everything inside the term is spelled out by the
    # canonical form's single spaces; the end is open (a trailing word is a prefix, and a
    # trailing Chinese run may continue).
    start = "% " if next(segments(phrase.text))[0] == "word" else "%"
    return f"{start}{phrase.text}%"


def matches(fields: list[str], phrases: list[Phrase]) -> bool:
    """The reference semantics: does every phrase occur in one of `fields` (title, body)?
    A phrase never spans two fields. Slow; for tests and the benchmark's recall check."""
    haystacks = [f" {canonical(text)} " for text in fields]
    return all(
        any(like_pattern(phrase).strip("%") in haystack for haystack in haystacks)
        for phrase in phrases
    )
