"""One login form: username or phone with the password; lockout after 5 failures."""

from django.urls import reverse

from gongkai.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory
from tests.accounts.helpers import last_code

URL = "/accounts/login/"


def _login(client, identifier, password=PASSWORD, ip="192.0.2.1"):
    return client.post(URL, {"username": identifier, "password": password}, REMOTE_ADDR=ip)


def test_login_by_username(client, db):
    user = UserFactory(username="wanger")
    response = _login(client, "wanger")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_by_phone_with_or_without_country_code(client, db):
    user = UserFactory(phone="13700001111")
    assert _login(client, "13700001111").status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.logout()
    assert _login(client, "+86 137-0000-1111").status_code == 302


def test_wrong_password_shows_chinese_error(client, db):
    UserFactory(username="wanger")
    page = _login(client, "wanger", "wrong-password").content.decode()
    assert "用户名/手机号码或密码不正确" in page


def test_logout_requires_post_and_ends_session(client, db):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_lockout_after_five_failures_for_fifteen_minutes(client, db):
    import time_machine

    UserFactory(username="wanger", phone="13700002222")
    with time_machine.travel("2026-06-01 09:00 +0800", tick=False):
        for _ in range(4):
            assert _login(client, "wanger", "bad").status_code == 200
        # The fifth failure, tried by phone, counts against the same account.
        response = _login(client, "13700002222", "bad")
        assert response.status_code == 429
        assert "锁定15分钟" in response.content.decode()
        # Even the right password is refused while locked.
        assert _login(client, "wanger").status_code == 429
    with time_machine.travel("2026-06-01 09:14 +0800", tick=False):
        assert _login(client, "wanger").status_code == 429
    with time_machine.travel("2026-06-01 09:16 +0800", tick=False):
        assert _login(client, "wanger").status_code == 302


def test_lockout_is_per_account_and_ip(client, db):
    UserFactory(username="wanger")
    for _ in range(5):
        _login(client, "wanger", "bad", ip="192.0.2.1")
    assert _login(client, "wanger", ip="192.0.2.1").status_code == 429
    assert _login(client, "wanger", ip="192.0.2.99").status_code == 302


def test_password_reset_by_sms(client, db):
    UserFactory(username="wanger", phone="13700003333")
    client.post("/accounts/password/reset/", {"phone": "13700003333", "send_code": "1"})
    response = client.post(
        "/accounts/password/reset/",
        {
            "phone": "13700003333",
            "code": last_code("13700003333"),
            "password1": "Brand-new-pass-7",
            "password2": "Brand-new-pass-7",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert _login(client, "wanger", "Brand-new-pass-7").status_code == 302


def test_password_reset_with_wrong_code_changes_nothing(client, db):
    user = UserFactory(phone="13700004444")
    client.post("/accounts/password/reset/", {"phone": "13700004444", "send_code": "1"})
    code = last_code("13700004444")
    page = client.post(
        "/accounts/password/reset/",
        {
            "phone": "13700004444",
            "code": "000000" if code != "000000" else "111111",
            "password1": "Brand-new-pass-7",
            "password2": "Brand-new-pass-7",
        },
    ).content.decode()
    assert "验证码错误" in page
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_password_change(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "password1": "Changed-pass-8", "password2": "Changed-pass-8"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Changed-pass-8")
    # The session survives the change.
    assert client.get("/accounts/profile/").status_code == 200


def test_password_change_with_wrong_old_password(client, db):
    user = UserFactory()
    client.force_login(user)
    page = client.post(
        "/accounts/password/change/",
        {"old_password": "nope", "password1": "Changed-pass-8", "password2": "Changed-pass-8"},
    ).content.decode()
    assert "原密码不正确" in page
    assert User.objects.get(pk=user.pk).check_password(PASSWORD)
