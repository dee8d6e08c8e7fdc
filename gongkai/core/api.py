"""API conventions: every error is JSON with a stable `code` and a Chinese `message`."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import DomainError, RateLimited


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


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        code = status.HTTP_429_TOO_MANY_REQUESTS if isinstance(exc, RateLimited) else 400
        return Response(exc.as_dict(), status=code)
    if isinstance(exc, DjangoValidationError):
        errors = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        return Response(
            {"code": "invalid", "message": _first_message(errors), "errors": errors}, status=400
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # unexpected: let Django's 500 handling log it
    if isinstance(exc, exceptions.ValidationError):
        response.data = {
            "code": "invalid",
            "message": _first_message(exc.detail),
            "errors": exc.detail,
        }
    else:
        code = getattr(exc, "default_code", "error")
        response.data = {"code": code, "message": _first_message(response.data)}
    return response
