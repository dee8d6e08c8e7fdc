"""The API's request parsers (kept apart from core.api, which imports DRF's views: the
settings name this module, and DRF reads its settings when its views are imported)."""

from rest_framework import exceptions
from rest_framework.parsers import JSONParser


class JSONObjectParser(JSONParser):
    """JSON bodies are objects of named fields: an array, a string, a number or null is the
    API's 400 `parse_error` (not a 500 when a view reads its fields), and so are text that is
    not JSON at all and a NUL character anywhere in it, with a Chinese message. The API's one
    JSON parser (settings and every view that lists its parsers)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except exceptions.ParseError as error:
            raise exceptions.ParseError("请求体不是有效的 JSON。") from error
        if not isinstance(data, dict):
            raise exceptions.ParseError('请求体应为 JSON 对象（{"字段": 值, …}）。')
        if _has_nul(data):  # PostgreSQL refuses it in any query
            raise exceptions.ParseError("请求体中含有空字符（\\u0000），无法处理。")
        return data


def _has_nul(value) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False
