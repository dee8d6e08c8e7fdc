"""Whole numbers read from a query string (page, year, an agency's or category's id), parsed in
one place so that no list answers a 500 to `?year=abc`, `?page=-1`, `?agency=²` (a digit to
`str.isdigit`, not to `int`) or `?year=99999999999999999999` (an OverflowError in the date
library or the database driver).

`text_param` reads a search text the same way for every list.

`int_param` reads leniently: anything that is not a plain decimal number within the bounds is
None, for a value whose absence has a meaning of its own (a page number: the first page).
`int_param_or_error` is for a filter the user chose: a value that is there but is not a number
within the bounds is a `BadParameter` (the API's 400 naming the parameter, a page's 400 with the
message), never silently dropped.
"""

from __future__ import annotations

import re

from django.core.exceptions import BadRequest

from .errors import DomainError

# Bounds that every database and date library accepts: ids of BigAutoField (PostgreSQL bigint,
# SQLite INTEGER); a page number; a calendar year as a list's filter (Python's date stops at 9999).
MAX_ID = 2**63 - 1
MAX_PAGE = 1_000_000
MIN_YEAR, MAX_YEAR = 1900, 2999

_DECIMAL = re.compile(r"[+-]?[0-9]{1,19}")  # ASCII digits only: int() also reads "١٢", "1_0"


class BadParameter(DomainError, BadRequest):
    """A query parameter that is not what it must be: the API's 400 `bad_parameter` (its
    `field` the parameter), a page's 400 with the message (portal.views.error_400)."""

    code = "bad_parameter"


def int_param(value, *, minimum: int | None = None, maximum: int | None = None) -> int | None:
    """`value` (a query string's text) as an int within [minimum, maximum], else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    if minimum is not None and number < minimum:
        return None
    if maximum is not None and number > maximum:
        return None
    return number


def int_param_or_error(
    query, name: str, *, minimum: int | None = None, maximum: int | None = None, label: str = ""
) -> int | None:
    """The parameter `name` of `query` (request.GET, query_params) as an int within the bounds;
    None when it is absent or empty; BadParameter when it is anything else."""
    raw = query.get(name, "")
    if raw in ("", None):
        return None
    number = int_param(raw, minimum=minimum, maximum=maximum)
    if number is None:
        what = label or name
        if minimum is not None and maximum is not None:
            message = f"{what}应为{minimum}至{maximum}之间的整数。"
        else:
            message = f"{what}应为整数。"
        raise BadParameter(message, code="bad_parameter", field=name)
    return number


def page_param(query, name: str = "page") -> int | None:
    """A page number (1-based; None for the first page when absent or not a page number: a
    list's pager clamps it to the pages there are)."""
    return int_param(query.get(name), minimum=1, maximum=MAX_PAGE)


def year_param(query, name: str = "year", *, label: str = "年份") -> int | None:
    return int_param_or_error(query, name, minimum=MIN_YEAR, maximum=MAX_YEAR, label=label)


def id_param(query, name: str, *, label: str = "") -> int | None:
    return int_param_or_error(query, name, minimum=1, maximum=MAX_ID, label=label)


def text_param(query, name: str = "q", *, max_length: int = 100) -> str:
    """A search text: trimmed, at most `max_length` characters, without NUL characters
    (PostgreSQL refuses them in a query: a DataError, not an empty result)."""
    return str(query.get(name, "")).replace("\x00", "").strip()[:max_length]


class RefuseNulMiddleware:
    """A NUL character is part of no address and no query parameter: refused at the door (a
    400 that says so; JSON under /api/), before a view passes it to PostgreSQL, which refuses
    it in any query (a DataError). Forms refuse it in their fields; the API's JSON parser in
    bodies (core.parsers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadParameter("网址或查询参数中含有空字符（NUL），无法处理。")
        return self.get_response(request)
