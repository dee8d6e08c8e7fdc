"""The API contract, checked on every test: each response to a path under /api/ that a test gets
from Django's test Client (or DRF's APIClient, its subclass) is validated against the OpenAPI
schema the project generates. A response whose operation is not in the schema, whose status the
operation does not declare, or whose body does not match the declared schema fails the test that
made the request, naming the method, path, status and what did not match.

The schema is generated once per session, when the first API response is checked. The check is
stricter than the served schema in one way: a response object may not carry a key its schema
does not declare, so that a field added to a record but not to its serializer is noticed."""

import json
import re
from contextlib import contextmanager
from functools import cache

import pytest
from django.test.client import Client
from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.exceptions import OpenAPIError

# Endpoints whose bodies are not yet typed: none. (The workflow action endpoints are typed
# from the action registry: one path per action, core.action_api.)
UNTYPED_ACTION_ENDPOINTS: list[tuple[str, str]] = []

NOT_CHECKED = {("get", "/api/openapi.json")}


class ContractViolation(AssertionError):
    """An API response that the OpenAPI schema does not describe."""


@cache
def openapi_schema() -> dict:
    """The schema as /api/openapi.json serves it (plain JSON: lazy strings rendered)."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(schema, renderer_context={}))


def _closed(node):
    """The schema with every object that lists its properties closed to other keys."""
    if isinstance(node, dict):
        node = {key: _closed(value) for key, value in node.items()}
        if "properties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        return node
    if isinstance(node, list):
        return [_closed(value) for value in node]
    return node


@cache
def _openapi() -> OpenAPI:
    # The schema's validity is its own test (tests/core/test_api_contract.py); not re-checked.
    return OpenAPI.from_dict(_closed(openapi_schema()), config=Config(spec_validator_cls=None))


class _Request(DjangoOpenAPIRequest):
    """The request as openapi-core sees it, matched to its operation by the URL pattern that
    served it (drf-spectacular names a `pk` path parameter `id`)."""

    @property
    def path_pattern(self):
        pattern = super().path_pattern
        return pattern and pattern.replace("{pk}", "{id}")

    @property
    def body(self):
        return None  # only responses are checked; a read multipart body cannot be read again


def _template(request) -> str | None:
    match = request.resolver_match
    return _Request(request).path_pattern if match else None


def _untyped(method: str, template: str | None) -> bool:
    return (method, template) in NOT_CHECKED or (method, template) in UNTYPED_ACTION_ENDPOINTS


def _describe(error: Exception) -> str:
    cause = error.__cause__
    details = getattr(cause, "schema_errors", None) or getattr(error, "schema_errors", None)
    if details:
        lines = []
        for detail in details:
            where = "/".join(str(p) for p in detail.absolute_path) or "(body)"
            lines.append(f"  at {where}: {detail.message}")
        return f"{error}\n" + "\n".join(lines)
    return f"{error}: {cause}" if cause else str(error)


def check_response(response) -> None:
    """Raise ContractViolation if the schema does not describe this response to /api/…"""
    request = response.wsgi_request
    method = request.method.lower()
    if _untyped(method, _template(request)):
        return
    try:
        _openapi().validate_response(_Request(request), DjangoOpenAPIResponse(response))
    except OpenAPIError as error:
        raise ContractViolation(
            f"{request.method} {request.get_full_path()} → {response.status_code} does not match "
            f"/api/openapi.json: {_describe(error)}\nbody: {response.content[:500].decode('utf-8', 'replace')}"
        ) from None


API_PATH = re.compile(r"^/api/")
_suspended: list[bool] = []


@contextmanager
def contract_suspended():
    """Responses got inside are not checked: for a fuzz that sends what no operation describes
    (a POST to a read-only endpoint, a body of the wrong shape) and asserts only that nothing
    answers a server error (tests/security/test_no_500.py)."""
    _suspended.append(True)
    try:
        yield
    finally:
        _suspended.pop()


@pytest.fixture(autouse=True, scope="session")
def _api_contract():
    """Every API response a test gets is checked against the schema."""
    original = Client.request

    def request(self, **kwargs):
        response = original(self, **kwargs)
        if (
            not _suspended
            and API_PATH.match(kwargs.get("PATH_INFO", ""))
            and hasattr(response, "wsgi_request")
        ):
            check_response(response)
        return response

    Client.request = request
    yield
    Client.request = original
