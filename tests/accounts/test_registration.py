"""Registration through the page: get a code, then register; every bad input says why."""

from django.urls import reverse

from gongkai.accounts.models import User
from gongkai.core.models import AuditEvent
from tests.accounts.helpers import last_code

URL = "/accounts/register/"
PHONE = "13912345678"


def _form(code, **overrides):
    data = {
        "username": "liming",
        "phone": PHONE,
        "code": code,
        "password1": "Shangqiu-2026!",
        "password2": "Shangqiu-2026!",
        "register": "1",
    }
    data.update(overrides)
    return data


def test_send_code_button_sends_and_keeps_what_was_typed(client, db, sms_outbox):
    response = client.post(URL, {"username": "liming", "phone": PHONE, "send_code": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert len(sms_outbox) == 1 and sms_outbox[0].phone == PHONE
    assert "验证码已发送" in page
    assert 'value="liming"' in page


def test_send_code_with_invalid_phone_explains(client, db, sms_outbox):
    page = client.post(URL, {"phone": "12345", "send_code": "1"}).content.decode()
    assert "手机号码应为11位数字" in page
    assert sms_outbox == []


def test_register_with_code_logs_in_and_audits(client, db):
    client.post(URL, {"phone": PHONE, "send_code": "1"})
    response = client.post(URL, _form(last_code(PHONE)))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    user = User.objects.get(username="liming")
    assert user.phone == PHONE
    assert user.password.startswith("md5$") or user.password.startswith("argon2")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert AuditEvent.objects.filter(action="user.register", object_id=str(user.pk)).exists()


def test_wrong_code_is_a_field_error_and_creates_nothing(client, db):
    client.post(URL, {"phone": PHONE, "send_code": "1"})
    code = last_code(PHONE)
    wrong = "000000" if code != "000000" else "111111"
    page = client.post(URL, _form(wrong)).content.decode()
    assert "验证码错误" in page
    assert not User.objects.filter(username="liming").exists()


def test_reused_code_is_refused(client, db):
    """The page says the code is spent, not that the number now has an account."""
    client.post(URL, {"phone": PHONE, "send_code": "1"})
    code = last_code(PHONE)
    client.post(URL, _form(code))
    client.logout()
    page = client.post(URL, _form(code, username="other", phone=PHONE)).content.decode()
    assert "验证码无效或已使用" in page and "已注册" not in page
    assert User.objects.filter(phone=PHONE).count() == 1


def test_expired_code_is_refused(client, db):
    import time_machine

    with time_machine.travel("2026-05-01 10:00 +0800", tick=False):
        client.post(URL, {"phone": PHONE, "send_code": "1"})
        code = last_code(PHONE)
    with time_machine.travel("2026-05-01 10:11 +0800", tick=False):
        page = client.post(URL, _form(code)).content.decode()
    assert "验证码已过期" in page
    assert not User.objects.exists()


def test_password_rules_and_mismatch_are_explained(client, db):
    page = client.post(URL, _form("123456", password1="12345678", password2="12345678")).content
    assert "密码" in page.decode() and not User.objects.exists()
    page = client.post(URL, _form("123456", password2="Different-2026!")).content.decode()
    assert "两次输入的密码不一致" in page


def test_username_rules(client, db):
    page = client.post(URL, _form("123456", username="1abc")).content.decode()
    assert "用户名须以字母开头" in page
