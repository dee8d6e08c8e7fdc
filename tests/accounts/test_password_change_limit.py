"""Issue 16, point 6: old-password guesses on 修改密码 are limited exactly like logins
(django-axes): five wrong ones for an account from one address lock that pair for 15 minutes,
on this page and at the login alike, so a session left open cannot be used to find the
password."""

import time_machine
from django.test import Client

from gongkai.accounts.models import User
from tests.accounts.factories import PASSWORD, UserFactory

URL = "/accounts/password/change/"
NEW = "Changed-pass-8"


def _change(client, old, ip="192.0.2.1"):
    return client.post(
        URL, {"old_password": old, "password1": NEW, "password2": NEW}, REMOTE_ADDR=ip
    )


def test_five_wrong_old_passwords_lock_the_change_for_fifteen_minutes(client, db):
    user = UserFactory()
    client.force_login(user)
    with time_machine.travel("2026-06-01 09:00 +0800", tick=False):
        for _ in range(4):
            response = _change(client, "guess")
            assert response.status_code == 200 and "原密码不正确" in response.content.decode()
        response = _change(client, "guess")
        assert response.status_code == 429
        assert "锁定15分钟" in response.content.decode()
        # While locked, even the right old password changes nothing.
        assert _change(client, PASSWORD).status_code == 429
        assert User.objects.get(pk=user.pk).check_password(PASSWORD)
    with time_machine.travel("2026-06-01 09:16 +0800", tick=False):
        assert _change(client, PASSWORD).status_code == 302
    assert User.objects.get(pk=user.pk).check_password(NEW)


def test_the_lock_is_the_logins_lock_for_that_account_and_address(client, db):
    user = UserFactory(username="wanger")
    client.force_login(user)
    for _ in range(5):
        _change(client, "guess")
    login = Client().post(
        "/accounts/login/", {"username": "wanger", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1"
    )
    assert login.status_code == 429
    # Another address is another pair, as for logins.
    assert _change(client, PASSWORD, ip="192.0.2.99").status_code == 302


def test_a_right_old_password_before_the_limit_changes_the_password(client, db):
    user = UserFactory()
    client.force_login(user)
    for _ in range(4):
        _change(client, "guess")
    assert _change(client, PASSWORD).status_code == 302
    assert User.objects.get(pk=user.pk).check_password(NEW)
