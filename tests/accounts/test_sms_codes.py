"""SMS verification codes: 6 digits, 10 minutes, single use, rate-limited per number and IP."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from gongkai.accounts.models import SmsCode
from gongkai.accounts.services import (
    InvalidCode,
    WrongCode,
    password_reset_by_sms,
    sms_code_send,
    user_register,
)
from gongkai.core.errors import RateLimited
from tests.accounts.helpers import last_code

PHONE = "13812345678"
REGISTER = SmsCode.Purpose.REGISTER


def _register(code, username="newuser", phone=PHONE):
    return user_register(username=username, phone=phone, password="Str0ng-pass-1", code=code)


def test_code_is_six_digits_and_only_a_hash_is_stored(db, sms_outbox):
    record = sms_code_send(phone=PHONE, purpose=REGISTER)
    code = last_code(PHONE)
    assert len(code) == 6 and code.isdigit()
    assert code not in record.code_hash
    assert record.expires_at - record.created_at == timedelta(minutes=10)


def test_correct_code_registers_once_and_cannot_be_reused(db):
    sms_code_send(phone=PHONE, purpose=REGISTER)
    code = last_code(PHONE)
    user = _register(code)
    assert user.phone == PHONE and user.phone_verified_at is not None
    with pytest.raises(InvalidCode):
        _register(code, username="second", phone=PHONE)


def test_wrong_code_is_refused_and_counted(db):
    sms_code_send(phone=PHONE, purpose=REGISTER)
    code = last_code(PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    with pytest.raises(WrongCode):
        _register(wrong)
    assert SmsCode.objects.get(phone=PHONE).failed_attempts == 1


def test_code_dies_after_five_wrong_guesses(db):
    sms_code_send(phone=PHONE, purpose=REGISTER)
    code = last_code(PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        with pytest.raises(WrongCode):
            _register(wrong)
    with pytest.raises(InvalidCode) as info:
        _register(code)
    assert info.value.code == "sms_code_locked"


def test_expired_code_is_refused(db):
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False):
        sms_code_send(phone=PHONE, purpose=REGISTER)
        code = last_code(PHONE)
    with (
        time_machine.travel("2026-03-02 09:10:01 +0800", tick=False),
        pytest.raises(InvalidCode) as info,
    ):
        _register(code)
    assert info.value.code == "sms_code_expired"


def test_code_still_valid_just_before_ten_minutes(db):
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False):
        sms_code_send(phone=PHONE, purpose=REGISTER)
        code = last_code(PHONE)
    with time_machine.travel("2026-03-02 09:09:59 +0800", tick=False):
        assert _register(code).username == "newuser"


def test_a_new_code_supersedes_the_old_one(db):
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False):
        sms_code_send(phone=PHONE, purpose=REGISTER)
        old = last_code(PHONE)
    with time_machine.travel("2026-03-02 09:02 +0800", tick=False):
        sms_code_send(phone=PHONE, purpose=REGISTER)
        new = last_code(PHONE)
        if old != new:
            with pytest.raises(InvalidCode):
                _register(old)
        assert _register(new).phone == PHONE


def test_failed_registration_does_not_spend_the_code(db):
    from django.core.exceptions import ValidationError

    sms_code_send(phone=PHONE, purpose=REGISTER)
    code = last_code(PHONE)
    with pytest.raises(ValidationError):
        user_register(username="weak", phone=PHONE, password="123", code=code)
    assert _register(code).phone == PHONE


def test_a_registered_number_asking_to_register_gets_a_notice_and_no_code(db, sms_outbox):
    """The sender is answered as for any number; the number's owner is told by SMS that it is
    registered, and the code recorded for it matches no guess, not even its own."""
    from tests.accounts.factories import UserFactory

    UserFactory(phone=PHONE)
    record = sms_code_send(phone=PHONE, purpose=REGISTER)
    assert record.delivered is False
    assert len(sms_outbox) == 1 and "本号码已注册" in sms_outbox[0].text
    assert "验证码是" not in sms_outbox[0].text
    with pytest.raises(WrongCode):
        _register("123456", phone=PHONE)


def test_one_code_per_minute_per_number(db):
    with time_machine.travel("2026-03-02 09:00 +0800", tick=False):
        sms_code_send(phone=PHONE, purpose=REGISTER)
        with pytest.raises(RateLimited) as info:
            sms_code_send(phone=PHONE, purpose=REGISTER)
    assert info.value.code == "sms_too_soon"
    assert "秒后再试" in info.value.message


def test_hourly_cap_per_number(db):
    start = timezone.datetime(2026, 3, 2, 9, 0, tzinfo=timezone.get_current_timezone())
    for i in range(5):
        with time_machine.travel(start + timedelta(minutes=2 * i), tick=False):
            sms_code_send(phone=PHONE, purpose=REGISTER)
    with (
        time_machine.travel(start + timedelta(minutes=12), tick=False),
        pytest.raises(RateLimited) as info,
    ):
        sms_code_send(phone=PHONE, purpose=REGISTER)
    assert info.value.code == "sms_phone_hourly_limit"


def test_hourly_cap_per_ip_across_numbers(db, settings):
    settings.GONGKAI_SMS_LIMITS = {**settings.GONGKAI_SMS_LIMITS, "per_ip_per_hour": 3}
    for i in range(3):
        sms_code_send(phone=f"1381234000{i}", purpose=REGISTER, ip="198.51.100.9")
    with pytest.raises(RateLimited) as info:
        sms_code_send(phone="13812340009", purpose=REGISTER, ip="198.51.100.9")
    assert info.value.code == "sms_ip_limit"
    sms_code_send(phone="13812340009", purpose=REGISTER, ip="198.51.100.10")


def test_reset_code_to_unknown_number_sends_nothing_but_answers_the_same(db, sms_outbox):
    record = sms_code_send(phone=PHONE, purpose=SmsCode.Purpose.RESET_PASSWORD)
    assert sms_outbox == []
    assert record.delivered is False
    with pytest.raises(InvalidCode):
        password_reset_by_sms(phone=PHONE, code="000000", new_password="Another-pass-2")
