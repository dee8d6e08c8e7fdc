"""Issue 16, point 1: behind nginx every visitor was 127.0.0.1. Under the production settings
(loaded from config/settings/production.py as deployed, one nginx in front) two forwarded
addresses are two clients everywhere the address matters: the login lockout, the audit trail,
the SMS and case-lookup limits; and an address a client writes into X-Forwarded-For itself
changes nothing."""

import importlib.util
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

import config.settings
from gongkai.accounts.models import SmsCode
from gongkai.core.models import AuditEvent
from tests.accounts.factories import PASSWORD, UserFactory

NGINX = "127.0.0.1"
ALICE, BOB = "203.0.113.5", "198.51.100.23"


def _production_settings(monkeypatch, **env):
    """config/settings/production.py evaluated afresh with a production environment, and the
    base settings it was built on."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "a-production-secret-key-for-this-test-" + "x" * 20)
    monkeypatch.setenv("GONGKAI_ALLOW_SQLITE", "1")
    for name in ("GONGKAI_PROXY_COUNT", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    # base.py reads the environment too: evaluate it afresh for production.py to import.
    base = _load("base")
    monkeypatch.setitem(sys.modules, "config.settings.base", base)
    return _load("production"), base


def _load(name: str):
    path = Path(config.settings.__file__).with_name(f"{name}.py")
    spec = importlib.util.spec_from_file_location(f"config.settings.{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def production(settings, monkeypatch):
    """The test settings with every setting production.py adds or changes over base.py (proxy,
    axes, DRF, HTTPS, DEBUG …); only the test database, hashers and outboxes stay."""
    deployed, base = _production_settings(monkeypatch)
    for name in dir(deployed):
        value = getattr(deployed, name)
        if name.isupper() and value != getattr(base, name, object()):
            setattr(settings, name, value)
    cache.clear()
    yield settings
    cache.clear()


def via_nginx(address: str, spoofed: str | None = None) -> dict:
    """What nginx passes on for a visitor at `address` (who may have sent a header himself)."""
    forwarded = f"{spoofed}, {address}" if spoofed else address
    return {
        "REMOTE_ADDR": NGINX,
        "HTTP_X_FORWARDED_FOR": forwarded,
        "HTTP_X_FORWARDED_PROTO": "https",
    }


def test_production_trusts_one_proxy_unless_told_otherwise(monkeypatch):
    deployed, _base = _production_settings(monkeypatch)
    assert deployed.GONGKAI_PROXY_COUNT == 1
    assert deployed.REST_FRAMEWORK["NUM_PROXIES"] == 1
    assert deployed.AXES_CLIENT_IP_CALLABLE == "gongkai.core.client.client_address"
    assert not [name for name in dir(deployed) if name.startswith("AXES_IPWARE")]
    two, _base = _production_settings(monkeypatch, GONGKAI_PROXY_COUNT="2")
    assert two.GONGKAI_PROXY_COUNT == two.REST_FRAMEWORK["NUM_PROXIES"] == 2
    none, _base = _production_settings(monkeypatch, GONGKAI_PROXY_COUNT="0")
    assert none.GONGKAI_PROXY_COUNT == none.REST_FRAMEWORK["NUM_PROXIES"] == 0


@pytest.mark.parametrize("value", ["-1", "one", "1.5"])
def test_a_proxy_count_that_is_not_a_whole_number_stops_the_start(monkeypatch, value):
    with pytest.raises(ImproperlyConfigured, match="GONGKAI_PROXY_COUNT"):
        _production_settings(monkeypatch, GONGKAI_PROXY_COUNT=value)


def test_healthz_client_prints_the_address_the_application_sees(client, production):
    """The check docs/deploy.md gives for after a deployment."""
    response = client.get("/healthz/client", **via_nginx(ALICE))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == f"{ALICE}\n"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert client.get("/healthz/client", **via_nginx(ALICE, spoofed=BOB)).content.decode() == (
        f"{ALICE}\n"
    )


def _login(client, address, password, spoofed=None):
    return client.post(
        "/accounts/login/",
        {"username": "wanger", "password": password},
        **via_nginx(address, spoofed),
    )


def test_five_wrong_passwords_lock_one_address_not_another(client, production, db):
    UserFactory(username="wanger")
    for _ in range(5):
        _login(client, ALICE, "wrong-password")
    assert _login(client, ALICE, PASSWORD).status_code == 429
    assert _login(client, BOB, PASSWORD).status_code == 302


def test_a_spoofed_forwarded_entry_neither_escapes_nor_spreads_a_lockout(client, production, db):
    UserFactory(username="wanger")
    for _ in range(5):
        _login(client, ALICE, "wrong-password", spoofed=BOB)
    # Alice claiming to be someone else is still Alice, and still locked …
    assert _login(client, ALICE, PASSWORD, spoofed="192.0.2.77").status_code == 429
    # … and the address she wrote into the header was never locked.
    assert _login(client, BOB, PASSWORD).status_code == 302


def test_audit_rows_record_the_forwarded_address(client, production, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "password1": "Changed-pass-8", "password2": "Changed-pass-8"},
        **via_nginx(ALICE, spoofed=BOB),
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="user.password_change", object_id=str(user.pk))
    assert event.ip == ALICE


def _send_code(client, phone, address):
    return client.post(
        "/accounts/register/", {"phone": phone, "send_code": "1"}, **via_nginx(address)
    ).content.decode()


def test_the_sms_limit_counts_each_address_on_its_own(client, production, db):
    production.GONGKAI_SMS_LIMITS = {**production.GONGKAI_SMS_LIMITS, "per_ip_per_hour": 2}
    assert "验证码已发送" in _send_code(client, "13900000001", ALICE)
    assert "验证码已发送" in _send_code(client, "13900000002", ALICE)
    assert "您所在网络获取验证码过于频繁" in _send_code(client, "13900000003", ALICE)
    # Another visitor behind the same nginx is not blocked by Alice.
    assert "验证码已发送" in _send_code(client, "13900000003", BOB)
    assert set(SmsCode.objects.values_list("ip", flat=True)) == {ALICE, BOB}


def test_the_case_lookup_limit_counts_each_address_on_its_own(client, production, db):
    from gongkai.applications.views.applicant import QUERY_ATTEMPTS

    def look_up(address, spoofed=None):
        return client.post(
            "/applications/query/",
            {"number": "2026-0001", "code": "ABCDEFGHJK"},
            **via_nginx(address, spoofed),
        )

    for _ in range(QUERY_ATTEMPTS):
        assert look_up(ALICE, spoofed=f"192.0.2.{_}").status_code == 200
    assert look_up(ALICE).status_code == 429
    response = look_up(BOB)
    assert response.status_code == 200
    assert "受理编号或查询码不正确" in response.content.decode()
