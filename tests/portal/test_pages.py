"""Public pages: Chinese first, accessible forms, security headers, friendly errors."""

import io
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from tests.accounts.factories import UserFactory

PUBLIC_PAGES = [
    "/",
    "/accounts/login/",
    "/accounts/register/",
    "/accounts/password/reset/",
]


class _FormAudit(HTMLParser):
    """Collects inputs needing labels, label targets, inline styles/scripts, and the skip link."""

    def __init__(self):
        super().__init__()
        self.controls, self.labelled, self.problems, self.links = [], set(), [], []
        self._in_fieldset_legend = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.problems.append(f"inline style on <{tag}>")
        if tag == "script" and "src" not in attrs:
            self.problems.append("inline <script>")
        if tag == "label" and attrs.get("for"):
            self.labelled.add(attrs["for"])
        if tag == "a":
            self.links.append(attrs.get("href"))
        if tag in {"input", "select", "textarea"}:
            kind = attrs.get("type", "text")
            if kind not in {"hidden", "submit", "button", "radio"}:
                self.controls.append(attrs.get("id"))


@pytest.fixture
def demo(db):
    call_command("demo", "--quiet-logins", "--without-cases", stdout=io.StringIO())


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_page_is_chinese_accessible_and_csp_clean(client, demo, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    audit = _FormAudit()
    audit.feed(html)
    assert audit.links[0] == "#main", "the skip link must be the first link"
    assert audit.problems == []
    unlabelled = [c for c in audit.controls if c not in audit.labelled]
    assert unlabelled == [], f"controls without a <label for>: {unlabelled}"


def test_security_headers(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_forms_require_csrf(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403


def test_english_when_chosen_with_the_language_switch(client, db):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="en">' in html
    assert "Log in" in html
    assert "Username or mobile number" in html


def test_unknown_page_is_a_chinese_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_agency_page_shows_the_disclosure_office(client, demo):
    html = client.get("/agencies/411400-gxw/").content.decode()
    assert "商丘市工业和信息化委员会" in html
    assert "商丘市工业和信息化委员会办公室" in html


def test_profile_form_has_labels_for_every_control(client, db):
    client.force_login(UserFactory())
    audit = _FormAudit()
    audit.feed(client.get("/accounts/profile/").content.decode())
    assert [c for c in audit.controls if c not in audit.labelled] == []
