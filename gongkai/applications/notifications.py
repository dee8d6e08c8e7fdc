"""Telling the applicant (SMS to a mobile number, and e-mail when given) at the moments the
Regulation makes the agency tell them: receipt, 补正, extension, fee notice, decision; and
telling a clerk a case was assigned to them.

Messages are sent after the transaction commits, so a rolled-back step never notifies.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from gongkai.accounts.phones import looks_like_phone, normalize_phone
from gongkai.accounts.sms import send_sms

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


def _tell_assignee(application, assignee, note: str) -> None:
    text = (
        f"【{settings.GONGKAI_SITE_NAME}】政府信息公开申请（受理编号{application.number}，"
        f"{application.info_title[:30]}）已分配给您承办。" + (f"说明：{note[:60]}" if note else "")
    )
    # Each channel on its own: an SMS outage must not keep the e-mail from going out.
    if assignee.phone and looks_like_phone(assignee.phone):
        try:
            send_sms(normalize_phone(assignee.phone), text)
        except Exception:
            logger.exception("SMS to the assignee of %s failed", application.number)
    if assignee.email:
        try:
            send_mail(
                f"分配承办：政府信息公开申请 {application.number}", text, None, [assignee.email]
            )
        except Exception:
            logger.exception("e-mail to the assignee of %s failed", application.number)


def notify_assignee(application, assignee, *, note: str = "") -> None:
    """Tell the clerk a case was given to them (SMS and e-mail), once the assignment commits."""
    if _suppressed.get():
        return
    transaction.on_commit(lambda: _tell_assignee(application, assignee, note))
