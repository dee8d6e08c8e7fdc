"""The text PostgreSQL is given: `tsvector` literals for documents and `tsquery` literals for
queries. Terms come from tokens.py; filter values are lexemes "#key" + "x" + value; time blocks
are lexemes "@level" + "x" + index (time_slices.py). None of these prefixes occurs in a term.

A tsquery here only finds candidates: every plan rechecks each phrase with a LIKE on the
canonical text, which is what makes the answer exact. So a tsquery may leave out a condition
whenever that makes the index cheaper to read, never add one.
"""

from .base import SearchQuery, facet_term

COMMON_TERM = 0.5  # share of documents from which a term is left to the recheck


def lexeme(term: str) -> str:
    # Terms hold only letters, digits and CJK (tokens.py), but quote defensively.
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def tsvector_literal(
    title_terms: list[str], body_terms: list[str], facets: list[str], time: list[str] = ()
) -> str:
    """The distinct terms, filter values and time lexemes (time_slices.py), without positions:
    the GIN index needs only the lexemes, exactness comes from the recheck, and a vector
    without positions is a third of the size."""
    lexemes = dict.fromkeys([*title_terms, *body_terms])
    parts = [lexeme(term) for term in lexemes]
    parts.extend(lexeme("#" + term) for term in facets)
    parts.extend(lexeme(term) for term in time)
    return " ".join(parts)


def facet_lexemes(query: SearchQuery) -> dict[str, list[str]]:
    """Per filtered facet, the lexemes of its accepted values (OR within a facet)."""
    return {
        key: ["#" + facet_term(key, value) for value in values]
        for key, values in query.facets.items()
        if values
    }


def text_tsquery(query: SearchQuery, share=None, keep_one: bool = True) -> str | None:
    """The query's terms ANDed, less two kinds that cost GIN more than they save:

    * a phrase's last term when it is a prefix (号 in 商工信〔2017〕12号, 1 in 〔2017〕1), if
      the phrase has other terms: GIN reads a prefix by merging every lexeme that starts with
      it (号文, 号的 … all documents);
    * given `share` (lexeme -> share of documents), a term in at least COMMON_TERM of them
      (管理, 监督): GIN advances through its long posting list for every candidate, which
      costs more than rechecking the few more rows it would have excluded.

    The LIKE checks every phrase in full anyway. With `keep_one`, the rarest term stays when
    all are common (nothing else, such as a filter, narrows the candidates)."""
    terms: dict[str, float] = {}
    for phrase in query.phrases:
        phrase_terms = list(phrase.terms)
        if phrase.last_is_prefix and len(phrase_terms) > 1:
            phrase_terms.pop()
        for position, term in enumerate(phrase_terms):
            if phrase.last_is_prefix and position == len(phrase.terms) - 1:
                terms[lexeme(term) + ":*"] = 0.0  # never dropped: its share is unknown
            else:
                terms.setdefault(lexeme(term), share(term) if share else 0.0)
    kept = [term for term, common in terms.items() if common < COMMON_TERM]
    if not kept and terms and keep_one:
        kept = [min(terms, key=terms.get)]
    return " & ".join(kept) or None


def facet_tsquery(query: SearchQuery) -> str | None:
    groups = facet_lexemes(query).values()
    if not groups:
        return None
    return " & ".join("(" + " | ".join(lexeme(v) for v in group) + ")" for group in groups)


def candidates_tsquery(query: SearchQuery, share=None) -> str | None:
    """Terms and filters: what the GIN index is asked for (filters are checked nowhere else,
    so they always stay). None if the query has no terms."""
    facets = facet_tsquery(query)
    text = text_tsquery(query, share, keep_one=facets is None)
    if text is None and facets is None:
        return None
    return " & ".join(part for part in (text, facets) if part)


def any_of_tsquery(lexemes: list[str]) -> str:
    return " | ".join(lexeme(term) for term in lexemes)
