"""Sending the daily digests: one per person and day, each person on their own, so that one
provider error, one bad address or one broken account stops nobody else's reminder."""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.accounts.phones import looks_like_phone, normalize_phone
from gongkai.accounts.sms import send_sms

from ..models import ReminderDigest
from .plan import Digest, reminder_plan

logger = logging.getLogger(__name__)

# An SMS lists the most urgent cases only; the e-mail and the 工作台 list them all.
SMS_CASES = 5


@dataclass
class ReminderRun:
    """What one run did. `failed` digests reached nobody (the next run the same day tries
    again); `skipped` people had today's digest already; `unreachable` have neither a mobile
    number nor an e-mail address."""

    today: dt.date
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    unreachable: int = 0
    digests: list[Digest] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "skipped": self.skipped,
            "unreachable": self.unreachable,
        }


def _header(digest: Digest) -> str:
    return _("【%(site)s】您有%(count)d件事项的期限临近、已过或待确认：") % {
        "site": settings.GONGKAI_SITE_NAME,
        "count": len(digest.cases()),
    }


def _rows(cases) -> list[str]:
    return [
        f"{number}. {subject}：" + "；".join(line.text() for line in lines)
        for number, (subject, lines) in enumerate(cases, start=1)
    ]


def sms_text(digest: Digest) -> str:
    cases = digest.cases()
    text = _header(digest) + " ".join(_rows(cases[:SMS_CASES]))
    if len(cases) > SMS_CASES:
        text += _("……另有%(rest)d件，请登录工作台查看。") % {"rest": len(cases) - SMS_CASES}
    return text


def mail_text(digest: Digest) -> str:
    text = "\n".join([_header(digest), *_rows(digest.cases())])
    if settings.GONGKAI_SITE_URL:
        text += "\n\n" + _("工作台：%(url)s") % {
            "url": settings.GONGKAI_SITE_URL.rstrip("/") + "/office/"
        }
    return text


def channels_of(person) -> list[str]:
    """How a person can be reached: "sms" (a mainland mobile number), "email"."""
    found = []
    if person.phone and looks_like_phone(person.phone):
        found.append("sms")
    if person.email:
        found.append("email")
    return found


def _send(person, channel: str, digest: Digest) -> None:
    if channel == "sms":
        send_sms(normalize_phone(person.phone), sms_text(digest))
    else:
        subject = _("政府信息公开期限提醒（%(count)d件）") % {"count": len(digest.cases())}
        send_mail(subject, mail_text(digest), None, [person.email])


def _claim(digest: Digest, today: dt.date) -> ReminderDigest | None:
    """Record today's digest for the person before sending it; None if one exists already
    (another run got there first)."""
    try:
        with transaction.atomic():
            return ReminderDigest.objects.create(
                recipient=digest.recipient,
                day=today,
                item_count=len(digest.cases()),
                text=mail_text(digest),
            )
    except IntegrityError:
        return None


def _deliver(digest: Digest, today: dt.date, channels: list[str]) -> str:
    """ "sent", "failed" or "skipped". Never raises."""
    person = digest.recipient
    record = _claim(digest, today)
    if record is None:
        return "skipped"
    delivered = []
    for channel in channels:
        try:
            _send(person, channel, digest)
        except Exception:  # a provider outage or a bad address: the next person still gets theirs
            logger.exception("reminder by %s to user %s failed", channel, person.pk)
        else:
            delivered.append(channel)
    if not delivered:
        record.delete()  # nothing reached them: the next run today tries again
        return "failed"
    record.channels = ",".join(delivered)
    record.save(update_fields=["channels"])
    return "sent"


def send_reminders(*, today: dt.date | None = None, dry_run: bool = False) -> ReminderRun:
    """The daily reminder: every person with something overdue, due soon, without a date or
    waiting for confirmation gets one digest (SMS and e-mail), at most once a day. With
    `dry_run` nothing is sent or recorded; `run.digests` lists what would be."""
    today = today or timezone.localdate()
    run = ReminderRun(today=today)
    plan = reminder_plan(today=today)
    reminded = set(ReminderDigest.objects.filter(day=today).values_list("recipient_id", flat=True))
    for digest in plan:
        person = digest.recipient
        if person.pk in reminded:
            run.skipped += 1
            continue
        channels = channels_of(person)
        if not channels:
            logger.warning("user %s has no mobile number or e-mail for reminders", person.pk)
            run.unreachable += 1
            continue
        run.digests.append(digest)
        if dry_run:
            continue
        try:
            outcome = _deliver(digest, today, channels)
        except Exception:  # the record itself failed (database): still go on to the others
            logger.exception("reminder to user %s failed", person.pk)
            outcome = "failed"
        setattr(run, outcome, getattr(run, outcome) + 1)
    return run
