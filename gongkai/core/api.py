"""API conventions: every error is JSON with a stable `code` and a Chinese `message`, and its
status says what kind of error it is: 400 bad input (or a rule of the domain refused it), 401 an
API token that is not valid, 403 not signed in or not allowed, 404 not found (or not visible to
you), 409 not allowed in the object's current state, 429 too many requests (with Retry-After).
`ErrorSerializer` is that shape for the OpenAPI schema, and `error_responses(...)` declares it for
an operation's error statuses."""

import math

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import DomainError, InvalidTransition, RateLimited


class ErrorSerializer(serializers.Serializer):
    # The body of every error response, as exception_handler and form_error_response write
    # it. (Serializer docstrings are the schema's descriptions, so they are in Chinese.)
    """错误：code 为稳定的错误代码，message 为中文说明；输入有误时 errors 按字段列出全部错误。"""

    code = serializers.CharField(
        help_text="稳定的错误代码，如 invalid、not_found、invalid_transition"
    )
    message = serializers.CharField(help_text="给人看的中文说明")
    field = serializers.CharField(required=False, help_text="出错的字段（如有）")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="输入有误时，按字段列出全部错误；不属于某个字段的错误在 non_field_errors 或 __all__ 下",
    )
    retry_after = serializers.IntegerField(
        required=False, help_text="请求过于频繁（429）时：多少秒后可以再试，与 Retry-After 相同"
    )


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="数据行号，从1开始（表头为第0行）")
    column = serializers.CharField()
    message = serializers.CharField()


class ImportFailedSerializer(serializers.Serializer):
    """导入失败（import_failed）：按行、列列出全部问题；未导入任何数据。"""

    code = serializers.CharField()
    message = serializers.CharField()
    errors = RowErrorSerializer(many=True)


# What each status means in this API (the schema's description of the response).
ERROR_STATUSES = {
    400: "输入有误，或业务规则不允许（code 说明原因）",
    401: "API 令牌无效、已过期或已撤销（WWW-Authenticate: Bearer）",
    403: "未登录，或没有权限",
    404: "没有找到（或对您不可见）",
    405: "不支持的请求方法",
    409: "对象当前的状态不允许这一操作",
    429: "请求过于频繁（Retry-After 为可以再试的秒数）",
}


def error_responses(*statuses: int, serializer=ErrorSerializer) -> dict:
    """The `responses` entries of extend_schema for an operation's error statuses, e.g.
    `{**error_responses(400, 403, 404), 200: ItemSerializer}`."""
    return {
        code: OpenApiResponse(serializer, description=ERROR_STATUSES[code]) for code in statuses
    }


# The 400 of an import: bad parameters (ErrorSerializer) or bad rows (ImportFailedSerializer).
IMPORT_REFUSED = OpenApiResponse(
    PolymorphicProxySerializer(
        component_name="ImportRefused",
        serializers=[ErrorSerializer, ImportFailedSerializer],
        resource_type_field_name=None,
    ),
    description="参数有误（errors 按字段），或文件中的数据有误（import_failed，errors 按行列出）",
)


def _first_message(detail) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _first_message(value)
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail)


def form_error_response(form) -> Response:
    """A Django form's errors as the API's JSON error: the first message, led by its field's
    label, plus every message by field."""
    errors = {
        field: [error["message"] for error in items]
        for field, items in form.errors.get_json_data().items()
    }
    field, messages = next(iter(errors.items()))
    label = form.fields[field].label if field in form.fields else ""
    message = f"{label}：{messages[0]}" if label else messages[0]
    return Response({"code": "invalid", "message": message, "errors": errors}, status=400)


def error_response(error: DomainError | DjangoValidationError) -> Response:
    """A refusal of the domain as the API's JSON error. An action the object's state does not
    allow is a conflict (409), not bad input; a rate limit is 429; any other refusal is 400."""
    if isinstance(error, DomainError):
        if isinstance(error, InvalidTransition):
            code = status.HTTP_409_CONFLICT
        elif isinstance(error, RateLimited):
            code = status.HTTP_429_TOO_MANY_REQUESTS
        else:
            code = status.HTTP_400_BAD_REQUEST
        return Response(error.as_dict(), status=code)
    errors = (
        error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
    )
    return Response(
        {"code": "invalid", "message": _first_message(errors), "errors": errors}, status=400
    )


def exception_handler(exc, context):
    if isinstance(exc, DomainError | DjangoValidationError):
        return error_response(exc)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # unexpected: let Django's 500 handling log it
    if isinstance(exc, exceptions.Throttled):
        wait = max(1, math.ceil(exc.wait or 1))
        response.headers["Retry-After"] = str(wait)
        response.data = {
            "code": "throttled",
            "message": f"请求过于频繁，请{wait}秒后再试。",
            "retry_after": wait,
        }
    elif isinstance(exc, exceptions.ValidationError):
        # Errors are always listed by field; a serializer-wide error is a non-field error.
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {"code": "invalid", "message": _first_message(detail), "errors": detail}
    else:
        code = getattr(exc, "default_code", "error")
        response.data = {"code": code, "message": _first_message(response.data)}
    return response


def declare_rate_limit(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation may answer 429 (core.throttling
    applies to the whole API), so every operation declares it."""
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if method in {"get", "post", "put", "patch", "delete"}:
                response = operation.setdefault("responses", {}).setdefault("429", error_ref(429))
                response.setdefault("headers", {})["Retry-After"] = {
                    "schema": {"type": "integer", "minimum": 1},
                    "description": "多少秒后可以再试",
                }
                operation["responses"] = dict(sorted(operation["responses"].items()))
    return result


def error_ref(status: int) -> dict:
    """An error response of the given status, as a schema postprocessing hook writes it."""
    return {
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        "description": ERROR_STATUSES[status],
    }
