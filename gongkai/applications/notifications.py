"""Telling the applicant (SMS to a mobile number, and e-mail when given) at the moments the
Regulation makes the agency tell them: receipt, 补正, extension, fee notice, decision; telling a
clerk a case was assigned to them; and telling the agency's clerks, the day it arrives, of an
online application waiting for their confirmation (it counts as received only once confirmed).

Messages are sent after the transaction commits, so a rolled-back step never notifies. Each
person and each channel on its own: one failing SMS or e-mail stops nobody else's.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from gongkai.accounts.phones import looks_like_phone, normalize_phone
from gongkai.accounts.sms import send_sms
from gongkai.deadlines.reminders import Staff
from gongkai.regimes.rules import RECEIPT_BASIS

from .models import Application

logger = logging.getLogger(__name__)
_suppressed: ContextVar[bool] = ContextVar("gongkai_notifications_suppressed", default=False)


@contextmanager
def suppressed():
    """No notifications inside (loading demo or historical data)."""
    token = _suppressed.set(True)
    try:
        yield
    finally:
        _suppressed.reset(token)


MESSAGES = {
    "received": "您的政府信息公开申请（受理编号{number}）已于{received_on}收到，{agency}将依法答复。",
    "correction": "您的政府信息公开申请（受理编号{number}）需要补正，请于{correction_due_on}前补正，"
    "逾期未补正视为放弃申请。补正事项：{correction_instructions}",
    "extension": "您的政府信息公开申请（受理编号{number}）答复期限经批准延长，{agency}将于{due}前答复。",
    "fee_notice": "您的政府信息公开申请（受理编号{number}）需缴纳信息处理费{fee_amount}元，"
    "请按收费通知书缴纳，逾期未缴纳视为放弃申请。",
    "decision": "您的政府信息公开申请（受理编号{number}）已答复，请登录平台或凭查询码查看答复书。",
}


def _facts(application, due=None, provisional=False) -> dict:
    return {
        "number": application.number,
        "agency": application.agency.name,
        "received_on": application.received_on.isoformat() if application.received_on else "",
        "correction_due_on": application.correction_due_on.isoformat()
        if application.correction_due_on
        else "",
        "correction_instructions": application.correction_instructions[:60],
        "fee_amount": application.fee_amount or 0,
        "due": (
            due.isoformat()
            + ("（暂定，以国务院办公厅公布的节假日安排为准）" if provisional else "")
        )
        if due
        else "",
    }


def _deliver(application, event: str, due, provisional=False) -> None:
    text = MESSAGES[event].format(**_facts(application, due, provisional))
    if looks_like_phone(application.contact_phone):
        try:
            send_sms(
                normalize_phone(application.contact_phone),
                f"【{settings.GONGKAI_SITE_NAME}】{text}",
            )
        except Exception:  # a provider outage must not lose the case's progress
            logger.exception("SMS notification failed for %s", application.number)
    if application.contact_email:
        try:
            send_mail(
                f"政府信息公开申请 {application.number}", text, None, [application.contact_email]
            )
        except Exception:
            logger.exception("e-mail notification failed for %s", application.number)


def notify_applicant(application, event: str, *, due=None, provisional: bool = False) -> None:
    if event not in MESSAGES:
        raise ValueError(event)
    if _suppressed.get():
        return
    transaction.on_commit(lambda: _deliver(application, event, due, provisional))


def _tell_staff(person, *, subject: str, text: str, mail_text: str = "", what: str) -> None:
    """SMS and e-mail to one member of staff, each channel on its own: an SMS outage must not
    keep the e-mail from going out. Never raises."""
    if person.phone and looks_like_phone(person.phone):
        try:
            send_sms(normalize_phone(person.phone), text)
        except Exception:
            logger.exception("SMS to user %s (%s) failed", person.pk, what)
    if person.email:
        try:
            send_mail(subject, mail_text or text, None, [person.email])
        except Exception:
            logger.exception("e-mail to user %s (%s) failed", person.pk, what)


def _tell_assignee(application, assignee, note: str) -> None:
    text = (
        f"【{settings.GONGKAI_SITE_NAME}】政府信息公开申请（受理编号{application.number}，"
        f"{application.info_title[:30]}）已分配给您承办。" + (f"说明：{note[:60]}" if note else "")
    )
    _tell_staff(
        assignee,
        subject=f"分配承办：政府信息公开申请 {application.number}",
        text=text,
        what=f"the assignee of {application.number}",
    )


def notify_assignee(application, assignee, *, note: str = "") -> None:
    """Tell the clerk a case was given to them (SMS and e-mail), once the assignment commits."""
    if _suppressed.get():
        return
    transaction.on_commit(lambda: _tell_assignee(application, assignee, note))


def _tell_clerks_of_submission(pk) -> None:
    """Each clerk on their own: one failing address or provider error stops nobody else."""
    try:
        application = Application.objects.select_related("agency").get(pk=pk)
        people = Staff().responsible(application.agency_id)
    except Exception:  # the applicant's submission is saved: the morning digest lists it
        logger.exception("could not tell the clerks of application %s", pk)
        return
    text = (
        f"【{settings.GONGKAI_SITE_NAME}】新的在线政府信息公开申请待确认收到：受理编号"
        f"{application.number}（{application.info_title[:30]}），"
        f"{application.submitted_on.isoformat()}提交。确认收到后答复期限才开始计算，"
        "请及时登录工作台确认。"
    )
    mail_text = f"{text}\n\n依据：《政府信息公开条例》{RECEIPT_BASIS[application.channel][1]}。"
    if settings.GONGKAI_SITE_URL:
        mail_text += "\n" + settings.GONGKAI_SITE_URL.rstrip("/") + "/office/"
    for person in people:
        _tell_staff(
            person,
            subject=f"待确认收到：政府信息公开申请 {application.number}",
            text=text,
            mail_text=mail_text,
            what=f"new application {application.number}",
        )


def notify_clerks_of_submission(application) -> None:
    """Tell the agency's clerks (who confirm receipt; an agency without one, its head, then its
    administrators), once the submission commits, that an online application waits for their
    confirmation: until then its reply period does not run. The daily digest lists it again
    each day it waits, and the head's too after GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS."""
    if _suppressed.get():
        return
    pk = application.pk
    transaction.on_commit(lambda: _tell_clerks_of_submission(pk))
