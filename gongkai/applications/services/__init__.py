"""Every write to an application. Each is one atomic service: lock, check the transition table
and the permission, save, record the status change, audit."""

from .checks import application_check_request
from .decisions import (
    application_approve_decision,
    application_close,
    application_draft_decision,
    application_return_draft,
    application_serve,
    application_split,
    application_withdraw,
)
from .fees import application_lapse_fee, application_record_payment, application_send_fee_notice
from .intake import (
    application_attach,
    application_confirm_receipt,
    application_register,
    application_strip_metadata,
    application_submit_online,
)
from .personal import application_document_opened, application_reveal_identity
from .timeliness import application_recheck_on_time
from .workflow import (
    application_assign,
    application_decide_extension,
    application_finish_consultation,
    application_lapse_correction,
    application_request_correction,
    application_request_extension,
    application_start,
    application_start_consultation,
    application_submit_correction,
)

__all__ = [
    "application_approve_decision",
    "application_assign",
    "application_attach",
    "application_check_request",
    "application_close",
    "application_confirm_receipt",
    "application_decide_extension",
    "application_document_opened",
    "application_draft_decision",
    "application_finish_consultation",
    "application_lapse_correction",
    "application_lapse_fee",
    "application_recheck_on_time",
    "application_record_payment",
    "application_register",
    "application_request_correction",
    "application_request_extension",
    "application_return_draft",
    "application_reveal_identity",
    "application_send_fee_notice",
    "application_serve",
    "application_split",
    "application_start",
    "application_start_consultation",
    "application_strip_metadata",
    "application_submit_correction",
    "application_submit_online",
    "application_withdraw",
]
