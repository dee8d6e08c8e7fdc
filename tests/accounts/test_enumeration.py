"""Issue 16, point 4: no page tells whether a phone number or a username has an account.

For each of the three places that used to (registration's 获取验证码, the username check, the
second step of the password reset), a registered and an unregistered number (or a taken and a
free username) get the same page, status and message, and the same limits, checked first."""

import re

import pytest
from django.test import Client

from gongkai.accounts.models import User
from tests.accounts.factories import UserFactory
from tests.accounts.helpers import last_code

REGISTER, RESET = "/accounts/register/", "/accounts/password/reset/"
KNOWN, UNKNOWN = "13700005555", "13700006666"


@pytest.fixture
def known(db):
    return UserFactory(username="wanger", phone=KNOWN)


def _page(response, *typed: str) -> tuple[int, str]:
    """Status and page with what differs by construction taken out (the CSRF token, and what
    the visitor typed, which the form shows back)."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    for value in typed:
        page = page.replace(value, "TYPED")
    return response.status_code, page


def _send(url, phone, **extra):
    return _page(Client().post(url, {"phone": phone, "send_code": "1"}, **extra), phone)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def _register(phone, code, username="lisi"):
    data = {
        "username": username,
        "phone": phone,
        "code": code,
        "password1": "Shangqiu-2026!",
        "password2": "Shangqiu-2026!",
    }
    return _page(Client().post(REGISTER, data), phone, username)


def _reset(phone, code):
    data = {"phone": phone, "code": code, "password1": "Brand-new-7", "password2": "Brand-new-7"}
    return _page(Client().post(RESET, data), phone, code)


# 1. Registration: 获取验证码


def test_get_code_for_registration_answers_the_same_for_a_registered_number(known, sms_outbox):
    registered, free = _send(REGISTER, KNOWN), _send(REGISTER, UNKNOWN)
    assert registered == free
    assert free[0] == 200 and "验证码已发送" in free[1] and "已注册" not in free[1]
    # Only the owner of the registered number learns that it is registered.
    assert [m.phone for m in sms_outbox] == [KNOWN, UNKNOWN]
    assert "本号码已注册" in sms_outbox[0].text


def test_get_code_for_registration_is_limited_first_and_alike(known, settings):
    """Before the fix a registered number was told so at once, whatever the limits said."""
    _send(REGISTER, KNOWN)
    _send(REGISTER, UNKNOWN)
    registered, free = _send(REGISTER, KNOWN), _send(REGISTER, UNKNOWN)
    assert registered[1] == free[1]
    assert "验证码发送过于频繁" in free[1]


def test_the_address_limit_counts_registered_and_free_numbers_alike(known, settings):
    settings.GONGKAI_SMS_LIMITS = {**settings.GONGKAI_SMS_LIMITS, "per_ip_per_hour": 2}
    _send(REGISTER, KNOWN, REMOTE_ADDR="198.51.100.9")
    _send(REGISTER, "13700007777", REMOTE_ADDR="198.51.100.9")
    page = _send(REGISTER, UNKNOWN, REMOTE_ADDR="198.51.100.9")[1]
    assert "您所在网络获取验证码过于频繁" in page


# 1b. Registration, second step: a registered number cannot be told from a wrong code


def test_registering_a_registered_number_answers_like_a_wrong_code(known, sms_outbox):
    _send(REGISTER, KNOWN)
    _send(REGISTER, UNKNOWN)
    guess = _wrong(last_code(UNKNOWN))
    registered, free = _register(KNOWN, guess), _register(UNKNOWN, guess)
    assert registered == free
    assert "验证码错误" in free[1] and "已注册" not in free[1]


# 2. The username check


def test_a_taken_username_is_not_told_without_a_valid_code(known):
    _send(REGISTER, UNKNOWN)
    guess = _wrong(last_code(UNKNOWN))
    taken = _register(UNKNOWN, guess, username="wanger")
    free = _register(UNKNOWN, guess, username="zhangsan")
    assert taken == free
    assert "验证码错误" in free[1] and "用户名已被使用" not in free[1]


def test_a_taken_username_is_told_with_a_valid_code_and_spends_one_of_its_attempts(known):
    """So usernames cannot be tried faster than codes can be obtained for free numbers (per
    number and per address): five answers, then the code is dead."""
    _send(REGISTER, UNKNOWN)
    code = last_code(UNKNOWN)
    for _ in range(5):
        status, page = _register(UNKNOWN, code, username="WangEr")
        assert status == 200 and "该用户名已被使用" in page
    status, page = _register(UNKNOWN, code, username="zhangsan")
    assert "验证码错误次数过多" in page
    assert not User.objects.filter(phone=UNKNOWN).exists()


def test_a_free_username_with_a_valid_code_registers(known):
    _send(REGISTER, UNKNOWN)
    response = Client().post(
        REGISTER,
        {
            "username": "zhangsan",
            "phone": UNKNOWN,
            "code": last_code(UNKNOWN),
            "password1": "Shangqiu-2026!",
            "password2": "Shangqiu-2026!",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(phone=UNKNOWN).username == "zhangsan"


# 3. Password reset


def test_get_code_for_a_reset_answers_the_same_for_an_unknown_number(known, sms_outbox):
    assert _send(RESET, KNOWN) == _send(RESET, UNKNOWN)
    assert [m.phone for m in sms_outbox] == [KNOWN]


def test_reset_second_step_answers_the_same_for_an_unknown_number(known):
    """Before the fix an unknown number got "验证码无效或已使用" and a known one "验证码错误"."""
    _send(RESET, KNOWN)
    _send(RESET, UNKNOWN)
    guess = _wrong(last_code(KNOWN))
    registered, unknown = _reset(KNOWN, guess), _reset(UNKNOWN, guess)
    assert registered == unknown
    assert "验证码错误" in unknown[1]


def test_reset_guesses_are_limited_alike_for_known_and_unknown_numbers(known):
    _send(RESET, KNOWN)
    _send(RESET, UNKNOWN)
    guess = _wrong(last_code(KNOWN))
    for _ in range(5):
        assert _reset(KNOWN, guess) == _reset(UNKNOWN, guess)
    registered, unknown = _reset(KNOWN, last_code(KNOWN)), _reset(UNKNOWN, guess)
    assert registered == unknown
    assert "验证码错误次数过多" in unknown[1]
    known.refresh_from_db()
    assert not known.check_password("Brand-new-7")


def test_reset_without_any_code_answers_the_same(known):
    assert _reset(KNOWN, "123456") == _reset(UNKNOWN, "123456")
