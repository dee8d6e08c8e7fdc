"""The office page of an agency's API tokens: its administrators list, create and revoke them;
the secret is on the creating answer only (not cached, never again); nobody else gets in."""

import re

import pytest
from django.urls import reverse

from gongkai.apitokens.models import ApiToken, digest_of
from tests.apitokens.fixtures import bearer, make_token

pytestmark = pytest.mark.django_db


def _page(agency) -> str:
    return reverse("apitokens:agency_tokens", args=[agency.pk])


def test_the_agency_page_links_the_tokens_for_its_administrator_only(
    client, admin_a, clerk_a, dept_a
):
    detail = reverse("office:agency_detail", args=[dept_a.pk])
    client.force_login(admin_a)
    assert _page(dept_a) in client.get(detail).content.decode()
    client.force_login(clerk_a)
    assert _page(dept_a) not in client.get(detail).content.decode()


def test_an_administrator_creates_a_token_and_sees_it_once(client, admin_a, dept_a):
    client.force_login(admin_a)
    page = client.post(_page(dept_a), {"name": "市政府OA系统", "access": "write"})
    assert page.status_code == 200 and page["Cache-Control"] == "no-store"
    html = page.content.decode()
    token = ApiToken.objects.get()
    (secret,) = set(re.findall(r"gk_[A-Za-z0-9_-]{43}", html))
    assert digest_of(secret) == token.digest and "只显示这一次" in html
    assert bearer(secret).get("/api/office/applications/").status_code == 200
    listing = client.get(_page(dept_a)).content.decode()
    assert "市政府OA系统" in listing and token.prefix in listing and secret not in listing


def test_bad_input_is_shown_on_the_form_and_creates_nothing(client, admin_a, dept_a):
    client.force_login(admin_a)
    html = client.post(
        _page(dept_a), {"name": "看板", "access": "write", "subtree": "on"}
    ).content.decode()
    assert "包括下级机关的令牌只能是只读的。" in html
    html = client.post(_page(dept_a), {"name": "", "access": "read"}).content.decode()
    assert "这个字段是必填项" in html or "该字段是必填项" in html
    assert not ApiToken.objects.exists()


def test_an_administrator_revokes_a_token_after_confirming(client, admin_a, dept_a):
    token, secret = make_token(admin_a, dept_a, name="OA")
    client.force_login(admin_a)
    url = reverse("apitokens:revoke", args=[token.pk])
    unconfirmed = client.post(url, {"reason": "停用"})
    assert unconfirmed.status_code == 200 and "我已确认" in unconfirmed.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    assert client.post(url, {"reason": "停用", "confirm": "on"}).status_code == 302
    token.refresh_from_db()
    assert token.revoked_by == admin_a
    assert bearer(secret).get("/api/office/applications/").status_code == 401
    assert "已撤销" in client.get(_page(dept_a)).content.decode()


def test_nobody_but_the_agencys_administrators_reaches_its_tokens(
    client, admin_a, clerk_a, admin_b, public_user, dept_a
):
    token, _secret = make_token(admin_a, dept_a, name="OA")
    revoke = reverse("apitokens:revoke", args=[token.pk])
    client.force_login(clerk_a)
    assert client.get(_page(dept_a)).status_code == 403
    assert client.post(_page(dept_a), {"name": "x", "access": "read"}).status_code == 403
    assert client.post(revoke, {"confirm": "on"}).status_code == 403
    client.force_login(admin_b)
    assert client.get(_page(dept_a)).status_code == 404
    assert client.post(revoke, {"confirm": "on"}).status_code == 404
    client.force_login(public_user)
    assert client.get(_page(dept_a)).status_code == 403
    token.refresh_from_db()
    assert token.revoked_at is None and ApiToken.objects.count() == 1
