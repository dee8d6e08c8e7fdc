"""信息处理费 on an application: notice, payment, lapse (Fee Measures 2020; Regulation Art. 42)."""

import datetime as dt

from django.db import transaction
from django.db.models import Case, F, IntegerField, Q, Sum, Value, When

from gongkai.core.audit import audit_record
from gongkai.core.errors import DomainError
from gongkai.deadlines.compute import Pause
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.services import deadline_open, deadline_update
from gongkai.regimes.fees import BY_PIECE, BY_VOLUME, quote_by_piece, quote_by_volume

from ..models import Application
from ..notifications import notify_applicant
from ..states import WORKFLOW
from .base import close_deadlines, open_deadline, record_lapse, today_or


def pieces_filed_earlier_in_month(application: Application) -> int:
    """Pieces (件) the same applicant filed with this agency earlier in the same calendar month:
    the count the per-piece fee progresses on (Fee Measures Art. 4: 同一申请人一个自然月内累计
    申请件数). The month is that of the receipt date (收到申请之日, Regulation Art. 31), the day
    the application counts as made. An application billed by piece counts its billed pieces;
    any other application counts as one piece (一事一申请)."""
    received = application.received_on
    pieces = Case(
        When(fee_method=BY_PIECE, fee_units__isnull=False, then=F("fee_units")),
        default=Value(1),
        output_field=IntegerField(),
    )
    earlier = (
        Application.objects.filter(
            agency_id=application.agency_id,
            applicant_identifier=application.applicant_identifier,
            received_on__year=received.year,
            received_on__month=received.month,
        )
        .exclude(pk=application.pk)
        .filter(Q(received_on__lt=received) | Q(received_on=received, pk__lt=application.pk))
    )
    return earlier.aggregate(total=Sum(pieces))["total"] or 0


@transaction.atomic
def application_send_fee_notice(
    *,
    actor,
    application: Application,
    method: str,
    units: int,
    notice_received_on: dt.date,
) -> Application:
    """Charge 信息处理费 (by piece or by volume, never both). The applicant has the regime's
    period, from the day after receiving the notice, to pay."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "send_fee_notice", actor=actor)
    regime = application.regime_obj
    if (
        regime.fee_payment is None
        or regime.fees_from is None
        or notice_received_on < regime.fees_from
    ):
        raise DomainError(
            "该申请不适用信息处理费（自2021年1月1日起按《政府信息公开信息处理费管理办法》收取）。",
            code="fee_not_applicable",
        )
    if method == BY_PIECE:
        quote = quote_by_piece(
            earlier_pieces_this_month=pieces_filed_earlier_in_month(application), pieces=units
        )
    elif method == BY_VOLUME:
        quote = quote_by_volume(pages=units)
    else:
        raise DomainError("收费方式只能是按件或按量。", code="fee_method", field="method")
    if quote.amount == 0 and method == BY_PIECE:
        return _record_free_pieces(actor, application, units, quote)
    if quote.amount == 0:
        raise DomainError(
            f"按此计算应收0元（{quote.describe()}），无需发出收费通知。", code="fee_zero"
        )
    application = WORKFLOW.execute(
        application,
        "send_fee_notice",
        actor=actor,
        note=quote.describe(),
        fee_method=method,
        fee_units=units,
        fee_amount=quote.amount,
        fee_explanation=f"{quote.basis}。{quote.describe()}",
        fee_notice_received_on=notice_received_on,
    )
    payment = deadline_open(
        actor=actor,
        agency=application.agency,
        subject=application,
        kind=Deadline.Kind.FEE_PAYMENT,
        start=notice_received_on,
        regime=application.regime,
    )
    if regime.fee_period_paused and payment.due is not None:
        deadline_update(
            actor=actor,
            deadline=open_deadline(application, Deadline.Kind.REPLY),
            add_pause=Pause(notice_received_on, payment.due, "等待申请人缴纳信息处理费"),
            note="收费期间不计入答复期限",
        )
    notify_applicant(application, "fee_notice")
    return application


def _record_free_pieces(actor, application: Application, units: int, quote) -> Application:
    """Pieces within the free band: no notice is sent, but the application's pieces are kept so
    that the applicant's later applications this month are counted from them (Art. 4)."""
    application.fee_method, application.fee_units, application.fee_amount = BY_PIECE, units, 0
    application.fee_explanation = f"{quote.basis}。{quote.describe()}不发收费通知。"
    application.save(update_fields=["fee_method", "fee_units", "fee_amount", "fee_explanation"])
    audit_record(
        actor=actor,
        action="application.record_pieces",
        obj=application,
        agency=application.agency,
        changes={"fee_method": BY_PIECE, "fee_units": units, "fee_amount": 0},
        note=f"按件计算应收0元，记录本申请{units}件，不发收费通知",
    )
    return application


@transaction.atomic
def application_record_payment(*, actor, application: Application, paid_on: dt.date) -> Application:
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "record_payment", actor=actor)
    if paid_on < application.fee_notice_received_on:
        raise DomainError("缴费日期不能早于收到收费通知之日。", code="fee_paid_date")
    payment = open_deadline(application, Deadline.Kind.FEE_PAYMENT)
    if payment is not None and payment.due is not None and paid_on > payment.due:
        raise DomainError(
            f"缴费期限已于{payment.due.isoformat()}届满，应按逾期未缴费处理。", code="fee_paid_late"
        )
    application = WORKFLOW.execute(
        application,
        "record_payment",
        actor=actor,
        note=f"已缴纳{application.fee_amount}元",
        fee_paid_on=paid_on,
    )
    close_deadlines(application, actor=actor, note="已缴费", kinds={Deadline.Kind.FEE_PAYMENT})
    if application.regime_obj.fee_period_paused:
        deadline_update(
            actor=actor,
            deadline=open_deadline(application, Deadline.Kind.REPLY),
            replace_last_pause=Pause(
                application.fee_notice_received_on, paid_on, "等待申请人缴纳信息处理费"
            ),
            note="缴费后恢复计算答复期限",
        )
    return application


@transaction.atomic
def application_lapse_fee(
    *, actor, application: Application, today: dt.date | None = None
) -> Application:
    """Unpaid after the payment period: deemed abandoned, counted as 其他处理 2."""
    application = WORKFLOW.lock(application)
    WORKFLOW.guard(application, "lapse_fee", actor=actor)
    today = today_or(today)
    payment = open_deadline(application, Deadline.Kind.FEE_PAYMENT)
    if payment is None or payment.due is None or today <= payment.due:
        raise DomainError("缴费期限尚未届满。", code="fee_not_lapsed")
    return record_lapse(
        application,
        "lapse_fee",
        actor=actor,
        outcome_code="other_overdue_fee",
        closed_on=today,
        note="申请人逾期未缴费，视为放弃申请",
        reasons="申请人逾期未按收费通知要求缴纳费用，视为放弃申请，行政机关不再处理。",
    )
