"""How days are counted and which date counts as receipt — configurable per installation.

Defaults and their basis (see docs/deadlines.md):
- The day of receipt is not counted; day 1 is the next working day; the deadline is the N-th
  working day. No text of the Regulation says so explicitly; it is the procedure-law rule on
  periods, 《民事诉讼法》 Art. 85 (期间开始的时和日，不计算在期间内), and common agency practice.
  (《行政诉讼法》 Art. 83 is on the simplified procedure, not on periods.)
- The receipt date follows Art. 31 of the 2019 Regulation by channel.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import DomainError


@dataclass(frozen=True)
class CountingRules:
    count_receipt_day: bool = False

    @property
    def description(self) -> str:
        if self.count_receipt_day:
            return "收到申请当日为工作日的，计为第1个工作日（本平台配置）。"
        return (
            "收到申请当日不计入，自次日起算，期限届满日为第N个工作日"
            "（参照《中华人民共和国民事诉讼法》第八十五条：期间开始的时和日，不计算在期间内）。"
        )


def counting_rules() -> CountingRules:
    return CountingRules(**getattr(settings, "GONGKAI_COUNTING_RULES", {}))


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("当面提交")
    REGISTERED_MAIL = "registered_mail", _("邮寄（需签收的挂号信、特快专递等）")
    ORDINARY_MAIL = "ordinary_mail", _("邮寄（平常信函等无需签收）")
    ONLINE = "online", _("网络（在线申请平台）")
    EMAIL = "email", _("电子邮件")
    FAX = "fax", _("传真")


class ReceiptBasis(models.TextChoices):
    SUBMITTED = "submitted", _("提交之日")
    SIGNED = "signed", _("签收之日")
    CONFIRMED = "confirmed", _("确认之日")


# 2019 Regulation Art. 31: which event fixes the receipt date for each channel.
RECEIPT_BASIS: dict[str, tuple[str, str]] = {
    Channel.IN_PERSON: (
        ReceiptBasis.SUBMITTED,
        "第三十一条第（一）项：当面提交的，以提交之日为收到申请之日",
    ),
    Channel.REGISTERED_MAIL: (
        ReceiptBasis.SIGNED,
        "第三十一条第（二）项：以邮寄方式提交的，以行政机关签收之日为收到申请之日",
    ),
    Channel.ORDINARY_MAIL: (
        ReceiptBasis.CONFIRMED,
        "第三十一条第（二）项：以平常信函等无需签收的邮寄方式提交的，"
        "政府信息公开工作机构应当于收到申请的当日与申请人确认，确认之日为收到申请之日",
    ),
    Channel.ONLINE: (
        ReceiptBasis.CONFIRMED,
        "第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日",
    ),
    Channel.EMAIL: (
        ReceiptBasis.CONFIRMED,
        "第三十一条第（三）项：通过互联网渠道提交的，以双方确认之日为收到申请之日",
    ),
    Channel.FAX: (
        ReceiptBasis.CONFIRMED,
        "第三十一条第（三）项：通过政府信息公开工作机构的传真提交的，以双方确认之日为收到申请之日",
    ),
}


def receipt_date(
    channel: str,
    *,
    submitted: dt.date | None = None,
    signed: dt.date | None = None,
    confirmed: dt.date | None = None,
) -> tuple[dt.date, str, str]:
    """(receipt date, basis code, legal basis text) for an application on `channel`."""
    try:
        basis, text = RECEIPT_BASIS[channel]
    except KeyError:
        raise DomainError(f"未知的申请渠道“{channel}”。", code="unknown_channel") from None
    value = {"submitted": submitted, "signed": signed, "confirmed": confirmed}[basis]
    if value is None:
        label = ReceiptBasis(basis).label
        raise DomainError(
            f"{Channel(channel).label}的申请以{label}为收到申请之日，请先登记{label}。",
            code="receipt_date_missing",
        )
    if submitted is not None and value < submitted:
        raise DomainError("签收或确认日期不能早于提交日期。", code="receipt_before_submission")
    return value, basis, text
