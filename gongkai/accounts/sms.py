"""Pluggable SMS delivery, chosen by settings.GONGKAI_SMS_BACKEND (like Django's e-mail backends).

A provider backend is a class with `send(phone: str, text: str) -> None` that raises
SmsDeliveryError when the provider refuses. See docs/sms.md for how to plug in a provider.
"""

import logging
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsDeliveryError(Exception):
    pass


class BaseSmsBackend:
    def send(self, phone: str, text: str) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    """Prints each message and writes it to var/sms/<time>-<phone>.txt: a demo needs no provider."""

    def send(self, phone: str, text: str) -> None:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")
        line = f"[SMS → {phone}] {text}"
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
        directory = Path(settings.GONGKAI_SMS_DIR)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / f"{stamp}-{phone}.txt").write_text(text + "\n", encoding="utf-8")


@dataclass(frozen=True)
class SentSms:
    phone: str
    text: str
    at: datetime


# Like django.core.mail.outbox: tests read what was "sent".
outbox: list[SentSms] = []


class LocmemSmsBackend(BaseSmsBackend):
    def send(self, phone: str, text: str) -> None:
        outbox.append(SentSms(phone=phone, text=text, at=timezone.now()))


def get_backend() -> BaseSmsBackend:
    return import_string(settings.GONGKAI_SMS_BACKEND)()


def send_sms(phone: str, text: str) -> None:
    get_backend().send(phone, text)
