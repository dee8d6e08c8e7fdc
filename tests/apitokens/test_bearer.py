"""Calling the API with `Authorization: Bearer <token>`: a valid token acts as its principal; an
unknown, expired or revoked one answers 401 with WWW-Authenticate; a request without credentials
keeps the API's 403; the browser's session is unchanged, CSRF included, and never mixes with a
token; each use is remembered (when, from where)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from gongkai.apitokens.services import token_revoke
from gongkai.catalog.models import Item
from tests.apitokens.fixtures import bearer, make_token, new_item
from tests.applications.fixtures import register

pytestmark = pytest.mark.django_db

QUEUE = "/api/office/applications/"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_valid_token_reads_its_agencys_queue(read_token, clerk_a, dept_a):
    case = register(clerk_a, dept_a)
    _token, secret = read_token
    response = bearer(secret).get(QUEUE)
    assert response.status_code == 200
    assert [row["number"] for row in response.json()["results"]] == [case.number]


@pytest.mark.parametrize(
    "header",
    ["Bearer gk_not-a-token-at-all", "Bearer ", "Bearer two words", "bearer gk_x"],
)
def test_a_token_that_is_not_one_answers_401_token_invalid(header, read_token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get(QUEUE)
    assert response.status_code == 401
    assert response.json()["code"] == "token_invalid"
    assert response["WWW-Authenticate"].startswith("Bearer ")


def test_a_public_endpoint_also_refuses_a_bad_token_rather_than_ignore_it(db):
    response = bearer("gk_wrong").get("/api/deadline/", {"received": "2026-09-28"})
    assert response.status_code == 401 and response.json()["code"] == "token_invalid"


def test_a_revoked_token_answers_401_token_revoked_at_once(read_token, admin_a):
    token, secret = read_token
    client = bearer(secret)
    assert client.get(QUEUE).status_code == 200
    token_revoke(actor=admin_a, token=token)
    response = client.get(QUEUE)
    assert response.status_code == 401 and response.json()["code"] == "token_revoked"


def test_a_token_is_valid_through_its_last_day_then_answers_token_expired(admin_a, dept_a):
    _token, secret = make_token(admin_a, dept_a, expires_on=dt.date(2099, 6, 30))
    with time_machine.travel(dt.datetime(2099, 6, 30, 23, 50, tzinfo=SHANGHAI)):
        assert bearer(secret).get(QUEUE).status_code == 200
    with time_machine.travel(dt.datetime(2099, 7, 1, 0, 10, tzinfo=SHANGHAI)):
        response = bearer(secret).get(QUEUE)
    assert response.status_code == 401 and response.json()["code"] == "token_expired"


def test_a_token_of_an_agency_no_longer_in_use_answers_401(read_token, dept_a):
    dept_a.is_active = False
    dept_a.save()
    response = bearer(read_token[1]).get(QUEUE)
    assert (
        response.status_code == 401 and response.json()["message"] == "API 令牌所属的机关已停用。"
    )


def test_without_credentials_the_api_still_answers_403_not_authenticated(db):
    response = APIClient().get(QUEUE)
    assert response.status_code == 403
    assert response.json()["code"] == "not_authenticated"
    assert "WWW-Authenticate" not in response


def test_the_session_still_works_for_the_browser_and_still_needs_csrf(clerk_a, dept_a):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(clerk_a)
    assert client.get(QUEUE).status_code == 200
    response = client.post("/api/office/catalog/items/", {"agency": dept_a.code}, format="json")
    assert response.status_code == 403 and "CSRF" in response.json()["message"]


def test_a_token_request_needs_no_csrf_and_ignores_the_session_cookie(
    write_token, clerk_b, dept_a, dept_b
):
    """The session of another agency's clerk in the same client plays no part: the request is
    the token's, sees dept_a only, and writes as the token without a CSRF token."""
    token, secret = write_token
    client = bearer(secret)
    client.force_login(clerk_b)
    register(clerk_b, dept_b)
    assert client.get(QUEUE).json()["count"] == 0
    response = client.post("/api/office/catalog/items/", new_item(dept_a), format="json")
    assert response.status_code == 201
    assert Item.objects.get(pk=response.json()["pk"]).author == token.principal


def test_each_use_records_when_and_from_where_at_most_once_a_minute(read_token):
    token, secret = read_token
    client = bearer(secret)
    with time_machine.travel(dt.datetime(2026, 3, 2, 2, 0, tzinfo=dt.UTC), tick=False):
        client.get(QUEUE, REMOTE_ADDR="198.51.100.7")
        token.refresh_from_db()
        first = token.last_used_at
        assert first == timezone.now() and token.last_used_ip == "198.51.100.7"
    with time_machine.travel(dt.datetime(2026, 3, 2, 2, 0, 30, tzinfo=dt.UTC), tick=False):
        client.get(QUEUE, REMOTE_ADDR="198.51.100.8")
        token.refresh_from_db()
        assert token.last_used_at == first
    with time_machine.travel(dt.datetime(2026, 3, 2, 2, 5, tzinfo=dt.UTC), tick=False):
        client.get(QUEUE, REMOTE_ADDR="198.51.100.8")
        token.refresh_from_db()
        assert token.last_used_at > first and token.last_used_ip == "198.51.100.8"
