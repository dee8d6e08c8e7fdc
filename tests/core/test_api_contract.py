"""The API's contract: /api/openapi.json is valid OpenAPI and types every body; errors have one
shape and a status that says what kind of error they are; and the contract check that runs on
every test (tests/contract.py) refuses a response the schema does not describe."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from openapi_spec_validator import validate

from gongkai.core.api import ErrorSerializer, error_response
from gongkai.core.errors import DomainError, InvalidTransition, RateLimited
from tests.contract import (
    UNTYPED_ACTION_ENDPOINTS,
    ContractViolation,
    check_response,
    openapi_schema,
)

ERROR_COMPONENTS = {"#/components/schemas/Error", "#/components/schemas/ImportRefused"}


def _typed(schema: dict) -> bool:
    """A body is typed when it names a component or declares its properties or items."""
    if "$ref" in schema:
        return True
    if "properties" in schema:
        return True
    if "items" in schema:
        return _typed(schema["items"])
    choices = schema.get("oneOf") or schema.get("anyOf") or schema.get("allOf")
    return bool(choices) and all(_typed(choice) for choice in choices)


def _operations(schema: dict):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if (method, path) not in UNTYPED_ACTION_ENDPOINTS:
                yield method, path, operation


def _bodies(operation: dict):
    for content_type, body in operation.get("requestBody", {}).get("content", {}).items():
        yield f"request {content_type}", body.get("schema", {})
    for status, response in operation["responses"].items():
        if not response.get("content"):
            yield f"{status} (no body)", {}
        for content_type, body in response.get("content", {}).items():
            yield f"{status} {content_type}", body.get("schema", {})


def _free_form_objects(node, where="components"):
    """Object schemas that say nothing of their keys, unless documented as free-form."""
    if isinstance(node, dict):
        if node.get("type") == "object" and not (
            "properties" in node or "oneOf" in node or "anyOf" in node or "allOf" in node
        ):
            extra = node.get("additionalProperties")
            if extra in (None, True, {}) and not node.get("description"):
                yield where
        for key, value in node.items():
            yield from _free_form_objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _free_form_objects(value, f"{where}/{index}")


def test_the_schema_is_valid_openapi():
    validate(openapi_schema())


def test_the_schema_generates_without_warnings(tmp_path):
    """What `manage.py spectacular --validate --fail-on-warn` checks (e.g. two components or
    choice sets with one name)."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))


def test_the_served_schema_is_the_one_the_contract_checks_against(client, db):
    assert client.get("/api/openapi.json").json() == openapi_schema()


def test_every_request_and_response_body_is_typed():
    untyped = [
        f"{method.upper()} {path} {where}"
        for method, path, operation in _operations(openapi_schema())
        for where, body in _bodies(operation)
        if not _typed(body)
    ]
    assert untyped == []


def test_no_component_is_an_object_without_declared_keys():
    schema = openapi_schema()
    assert list(_free_form_objects(schema["components"]["schemas"])) == []


def test_every_error_response_has_the_error_shape():
    wrong = [
        f"{method.upper()} {path} {status}"
        for method, path, operation in _operations(openapi_schema())
        for status, response in operation["responses"].items()
        if status.startswith("4")
        and response["content"]["application/json"]["schema"].get("$ref") not in ERROR_COMPONENTS
    ]
    assert wrong == []


def test_endpoints_that_need_a_login_declare_403():
    schema = openapi_schema()
    missing = [
        f"{method.upper()} {path}"
        for method, path, operation in _operations(schema)
        if {} not in operation.get("security", [])  # {}: anonymous allowed
        and "403" not in operation["responses"]
    ]
    assert missing == []


def test_no_endpoint_is_left_untyped():
    assert UNTYPED_ACTION_ENDPOINTS == []


def test_each_action_has_its_own_typed_operation():
    """One path per action of each table, its body the action's form: e.g. 告知补正 takes the
    instructions (required), the correction period and the day it was asked."""
    paths = openapi_schema()["paths"]
    operation = paths["/api/office/applications/{number}/actions/request_correction/"]["post"]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    component = openapi_schema()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    assert set(component["properties"]) == {"instructions", "correction_due_on", "requested_on"}
    assert "instructions" in component["required"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/Application"
    )
    assert {"400", "403", "404", "409"} <= set(operation["responses"])
    for prefix in (
        "/api/office/catalog/items/{id}/actions/",
        "/api/office/engagement/comments/{id}/actions/",
    ):
        assert any(path.startswith(prefix) and "{action}" not in path for path in paths)


# The error shape and statuses ------------------------------------------------------------------


def test_an_action_the_state_does_not_allow_is_a_conflict():
    response = error_response(InvalidTransition("该条目已发布，不能再提交审查。"))
    assert response.status_code == 409
    assert response.data == {
        "code": "invalid_transition",
        "message": "该条目已发布，不能再提交审查。",
    }


def test_a_rate_limit_is_429_and_other_refusals_are_400_with_their_field():
    assert error_response(RateLimited("太频繁了。")).status_code == 429
    refused = error_response(DomainError("署名过长。", code="name_too_long", field="display_name"))
    assert refused.status_code == 400
    assert refused.data == {
        "code": "name_too_long",
        "message": "署名过长。",
        "field": "display_name",
    }


def test_a_model_validation_error_lists_its_messages_by_field():
    response = error_response(ValidationError({"closed_on": ["审结日期必填。"]}))
    assert response.status_code == 400
    assert response.data["errors"] == {"closed_on": ["审结日期必填。"]}
    assert response.data["message"] == "审结日期必填。"
    plain = error_response(ValidationError("不能为空。"))
    assert plain.data["errors"] == {"non_field_errors": ["不能为空。"]}


def test_every_error_the_handler_writes_fits_the_error_serializer():
    for error in (
        InvalidTransition("x"),
        DomainError("x", code="c", field="f"),
        ValidationError({"a": ["x"]}),
    ):
        assert ErrorSerializer(data=error_response(error).data).is_valid()


# The contract check itself ------------------------------------------------------------------------


@pytest.fixture
def deadline_response(client, db):
    return client.get("/api/deadline/", {"received": "2026-03-02"})


def test_a_body_the_schema_does_not_describe_fails_with_method_path_and_status(deadline_response):
    deadline_response.content = json.dumps({"due": "soon"}).encode()
    with pytest.raises(ContractViolation, match=r"GET /api/deadline/\?received=2026-03-02 → 200"):
        check_response(deadline_response)


def test_a_key_the_schema_does_not_declare_fails(deadline_response):
    """So that a field added to a record but not to its serializer is noticed."""
    deadline_response.content = json.dumps({**deadline_response.json(), "extra": 1}).encode()
    with pytest.raises(ContractViolation, match="extra"):
        check_response(deadline_response)


def test_a_status_the_operation_does_not_declare_fails(deadline_response):
    deadline_response.status_code = 418
    with pytest.raises(ContractViolation, match="418"):
        check_response(deadline_response)


def test_a_path_that_is_not_in_the_schema_fails_the_request(client, db):
    with pytest.raises(ContractViolation, match="/api/no-such-endpoint/"):
        client.get("/api/no-such-endpoint/")


def test_every_uploaded_file_is_declared_binary():
    """A multipart body's file is `format: binary` (what a client sends), never a URI."""
    schema = openapi_schema()
    as_uri = [
        f"{name}.{key}"
        for name, component in schema["components"]["schemas"].items()
        for key, prop in component.get("properties", {}).items()
        if prop.get("format") == "uri"
        and key in {"file", "upload", "data", "identity_proof", "scan"}
    ]
    assert as_uri == []
    assert '"format": "binary"' in json.dumps(schema)
