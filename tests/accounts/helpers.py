import re

from gongkai.accounts import sms


def last_code(phone: str) -> str:
    for message in reversed(sms.outbox):
        if message.phone == phone:
            return re.search(r"验证码是(\d{6})", message.text).group(1)
    raise AssertionError(f"no SMS sent to {phone}")
