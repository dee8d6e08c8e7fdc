"""Every API endpoint is rate-limited: a visitor per client address, a signed-in person per
account, an API token per token, each at a rate the settings (and the environment) set. Over
the limit the answer is 429 `throttled` in Chinese with Retry-After, and the schema says so for
every operation."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from gongkai.core.throttling import AnonymousRateThrottle
from tests.accounts.factories import UserFactory
from tests.apitokens.fixtures import bearer, make_token
from tests.contract import openapi_schema

pytestmark = pytest.mark.django_db

CATALOGUE = "/api/catalog/items/"
QUEUE = "/api/office/applications/"


@pytest.fixture
def rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "4/minute", "token": "5/minute"},
    }


def _api_views():
    def walk(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns)
            elif isinstance(entry, URLPattern) and hasattr(entry.callback, "cls"):
                yield entry.callback.cls

    (api,) = [p for p in get_resolver().url_patterns if getattr(p, "namespace", "") == "api"]
    return list(walk(api.url_patterns))


def test_every_api_view_uses_the_default_rate_limits():
    views = _api_views()
    assert len(views) > 20
    for view in views:
        assert view.throttle_classes == api_settings.DEFAULT_THROTTLE_CLASSES, view


def test_the_default_limits_cover_visitors_people_and_tokens():
    scopes = {cls.scope for cls in api_settings.DEFAULT_THROTTLE_CLASSES}
    assert scopes == {"anon", "user", "token"}
    assert set(api_settings.DEFAULT_THROTTLE_RATES) >= scopes


def test_a_visitor_over_the_limit_gets_429_in_chinese_with_retry_after(rates):
    client = APIClient()
    for _ in range(3):
        assert client.get(CATALOGUE).status_code == 200
    response = client.get(CATALOGUE)
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "throttled"
    assert body["message"].startswith("请求过于频繁，请") and body["message"].endswith("秒后再试。")
    assert 1 <= body["retry_after"] <= 60
    assert response["Retry-After"] == str(body["retry_after"])


def test_visitors_are_counted_per_address(rates):
    client = APIClient()
    for _ in range(3):
        client.get(CATALOGUE, REMOTE_ADDR="198.51.100.1")
    assert client.get(CATALOGUE, REMOTE_ADDR="198.51.100.1").status_code == 429
    assert client.get(CATALOGUE, REMOTE_ADDR="198.51.100.2").status_code == 200


def test_the_client_address_is_one_method_of_the_throttle(rates, monkeypatch):
    """Where the platform's idea of the client address plugs in: change it, and two addresses
    become one client."""
    monkeypatch.setattr(AnonymousRateThrottle, "client_address", lambda self, request: "one")
    client = APIClient()
    for n in range(3):
        client.get(CATALOGUE, REMOTE_ADDR=f"198.51.100.{n + 1}")
    assert client.get(CATALOGUE, REMOTE_ADDR="198.51.100.9").status_code == 429


def test_people_signed_in_are_counted_per_account_not_per_address(rates, clerk_a):
    client = APIClient()
    client.force_login(clerk_a)
    for _ in range(4):
        assert client.get(QUEUE).status_code == 200
    assert client.get(QUEUE).status_code == 429
    colleague = APIClient()
    colleague.force_login(UserFactory())
    assert colleague.get(CATALOGUE).status_code == 200
    assert APIClient().get(CATALOGUE).status_code == 200  # the address is not used up


def test_each_token_is_counted_on_its_own(rates, admin_a, dept_a):
    first = bearer(make_token(admin_a, dept_a, name="OA")[1])
    second = bearer(make_token(admin_a, dept_a, name="看板")[1])
    for _ in range(5):
        assert first.get(QUEUE).status_code == 200
    refused = first.get(QUEUE)
    assert refused.status_code == 429 and refused.json()["code"] == "throttled"
    assert second.get(QUEUE).status_code == 200
    assert APIClient().get(CATALOGUE).status_code == 200


def test_the_rates_come_from_the_settings(settings, admin_a, dept_a):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1/minute", "user": "1/minute", "token": "2/minute"},
    }
    client = bearer(make_token(admin_a, dept_a)[1])
    assert [client.get(QUEUE).status_code for _ in range(3)] == [200, 200, 429]


def test_every_operation_declares_401_and_429_with_retry_after():
    for path, operations in openapi_schema()["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"401", "429"} <= set(responses), (method, path)
            assert "Retry-After" in responses["429"]["headers"], (method, path)
