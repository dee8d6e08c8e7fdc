"""Shared pieces of the application services: numbering, query codes, lapses, deadlines."""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction

from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.deadlines.services import deadline_close

from ..models import Application, ApplicationSequence
from ..states import WORKFLOW

# No 0/O, 1/I/L: the code is read aloud and typed from paper receipts.
_QUERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 10  # 31^10 ≈ 8×10^14 possibilities


def new_query_code() -> str:
    return "".join(secrets.choice(_QUERY_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


def hash_query_code(number: str, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    normalised = code.strip().upper().replace("-", "").replace(" ", "")
    return hmac.new(key, f"{number}:{normalised}".encode(), hashlib.sha256).hexdigest()


def next_number(agency, year: int) -> str:
    """The next 受理编号 of `agency` in `year`: '<agency code>-<year>-<serial>'.
    The sequence row is locked, so concurrent registrations never share a number."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                ApplicationSequence.objects.get_or_create(agency=agency, year=year)
            break
        except IntegrityError:  # created concurrently by another transaction
            continue
    sequence = ApplicationSequence.objects.select_for_update().get(agency=agency, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{agency.code}-{year}-{sequence.last:05d}"


def today_or(value):
    """`value`, or today's date in the installation's time zone."""
    from django.utils import timezone

    return value or timezone.localdate()


def record_lapse(
    application, action: str, *, actor, outcome_code: str, closed_on, note: str, reasons: str
):
    """A period the applicant let pass: the application is deemed abandoned (视为放弃申请) and
    closed with the regime's automatic outcome for it."""
    outcome = application.regime_obj.outcome(outcome_code)
    application = WORKFLOW.execute(
        application,
        action,
        actor=actor,
        note=note,
        outcome=outcome.code,
        legal_basis=outcome.basis,
        closed_on=closed_on,
        reasons=reasons,
    )
    close_deadlines(application, actor=actor, note=note)
    return application


def open_deadline(application: Application, kind: str) -> Deadline | None:
    return deadlines_of(subject=application).filter(kind=kind).first()


def close_deadlines(application: Application, *, actor, note: str, kinds=None) -> None:
    for deadline in deadlines_of(subject=application):
        if kinds is None or deadline.kind in kinds:
            deadline_close(actor=actor, deadline=deadline, note=note)
