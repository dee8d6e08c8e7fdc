"""What staff can do on a case: one table read by the case page and the API alike. Letters
adds its own action here from letters/actions.py."""

from django.utils.translation import gettext_lazy as _

from gongkai.core.actions import Action, ActionTable, NoInput
from gongkai.core.release_forms import release_arguments

from . import forms as f
from . import services as s
from .permissions import POLICY
from .states import BEFORE_DECISION, FILES_OPEN, WORKFLOW

TABLE = ActionTable("applications.Application", policy=POLICY, workflow=WORKFLOW)


def _with_case(application) -> dict:
    return {"application": application}


def _confirm(actor, app, d):
    date_field = "signed_on" if app.channel == "registered_mail" else "confirmed_on"
    return s.application_confirm_receipt(
        actor=actor, application=app, **{date_field: d["confirmed_on"]}
    )


def _split(actor, app, d):
    titles = [line.strip() for line in d["titles"].splitlines() if line.strip()]
    return s.application_split(
        actor=actor, application=app, parts=[{"info_title": t} for t in titles]
    )


def _withdraw(actor, app, d):
    return s.application_withdraw(actor=actor, application=app, note=d["reason"])


def _files_open(application) -> bool:
    return application.status in FILES_OPEN


TABLE.add(
    Action("confirm_receipt", _("确认收到申请"), _confirm, f.ConfirmReceiptForm),
    Action("start", _("开始办理"), lambda a, app, d: s.application_start(actor=a, application=app)),
    Action(
        "request_correction",
        _("告知补正"),
        lambda a, app, d: s.application_request_correction(actor=a, application=app, **d),
        f.CorrectionRequestForm,
    ),
    Action(
        "submit_correction",
        _("登记收到补正"),
        lambda a, app, d: s.application_submit_correction(
            actor=a, application=app, text=d["text"], corrected_on=d["corrected_on"]
        ),
        f.CorrectionSubmitForm,
    ),
    Action(
        "lapse_correction",
        _("逾期未补正，不再处理"),
        lambda a, app, d: s.application_lapse_correction(actor=a, application=app),
        confirm=_("确认申请人逾期未补正，本申请视为放弃，不再处理？"),
    ),
    Action(
        "start_consultation",
        _("征求第三方或其他机关意见"),
        lambda a, app, d: s.application_start_consultation(actor=a, application=app, **d),
        f.ConsultationStartForm,
    ),
    Action(
        "finish_consultation",
        _("登记收到意见"),
        lambda a, app, d: s.application_finish_consultation(actor=a, application=app, **d),
        f.ConsultationFinishForm,
    ),
    Action(
        "request_extension",
        _("申请延期"),
        lambda a, app, d: s.application_request_extension(
            actor=a, application=app, reason=d["reason"]
        ),
        f.ExtensionRequestForm,
    ),
    Action(
        "decide_extension",
        _("审批延期"),
        lambda a, app, d: s.application_decide_extension(
            actor=a, application=app, approve=d["approve"], note=d["note"]
        ),
        f.ExtensionDecisionForm,
    ),
    Action(
        "send_fee_notice",
        _("发出收费通知"),
        lambda a, app, d: s.application_send_fee_notice(actor=a, application=app, **d),
        f.FeeNoticeForm,
        done=lambda app: (
            _("按件计算应收0元（本月前10件免费），已记录本申请的件数，未发出收费通知。")
            if app.fee_amount == 0
            else _("已完成：发出收费通知")
        ),
    ),
    Action(
        "record_payment",
        _("登记缴费"),
        lambda a, app, d: s.application_record_payment(
            actor=a, application=app, paid_on=d["paid_on"]
        ),
        f.PaymentForm,
    ),
    Action(
        "lapse_fee",
        _("逾期未缴费，不再处理"),
        lambda a, app, d: s.application_lapse_fee(actor=a, application=app),
        confirm=_("确认申请人逾期未缴纳信息处理费，本申请视为放弃，不再处理？"),
    ),
    Action(
        "draft_decision",
        _("拟定答复"),
        lambda a, app, d: s.application_draft_decision(actor=a, application=app, **d),
        f.DecisionForm,
        form_kwargs=_with_case,
    ),
    Action(
        "return_draft",
        _("退回答复稿"),
        lambda a, app, d: s.application_return_draft(actor=a, application=app, note=d["note"]),
        f.ReturnForm,
    ),
    Action(
        "approve_decision",
        _("审核通过答复"),
        lambda a, app, d: s.application_approve_decision(
            actor=a, application=app, note=d["note"], **release_arguments(d)
        ),
        f.ApprovalForm,
    ),
    Action(
        "serve",
        _("登记送达"),
        lambda a, app, d: s.application_serve(actor=a, application=app, **d),
        f.ServeForm,
        confirm=_("送达后答复即告知申请人，不能撤回。确认已送达？"),
    ),
    Action(
        "close",
        _("办结"),
        lambda a, app, d: s.application_close(actor=a, application=app, closed_on=d["closed_on"]),
        f.CloseForm,
    ),
    Action(
        "withdraw",
        _("登记申请人撤回"),
        _withdraw,
        f.WithdrawForm,
        confirm=_("撤回后本申请终止办理，不能恢复。确认申请人已撤回？"),
    ),
    Action(
        "assign",
        _("分配承办人"),
        lambda a, app, d: s.application_assign(
            actor=a, application=app, assignee=d["assignee"], note=d["note"]
        ),
        f.AssignForm,
        form_kwargs=_with_case,
        done=lambda app: (
            _("已分配给%(name)s承办。")
            % {"name": app.assigned_to.get_full_name() or app.assigned_to.get_username()}
        ),
        order=5,
    ),
    # Not transitions: available while the case is open for files.
    Action(
        "attach",
        _("上传材料"),
        lambda a, app, d: s.application_attach(
            actor=a, application=app, kind=d["kind"], upload=d["upload"], title=d["title"]
        ),
        f.AttachForm,
        when=_files_open,
        order=10,
    ),
    Action(
        "strip_metadata",
        _("清除文件属性信息（作者、单位等）"),
        lambda a, app, d: s.application_strip_metadata(actor=a, document=d["document"]),
        f.DocumentForm,
        when=_files_open,
        form_kwargs=_with_case,
        order=10,
    ),
    Action(
        "split",
        _("拆分为多件申请（一事一申请）"),
        _split,
        f.SplitForm,
        when=_files_open,
        order=10,
    ),
    # The stored similar-request and already-published checks, run again (the catalogue may
    # have grown since): while the reply is still to be decided.
    Action(
        "recheck",
        _("重新检查"),
        lambda a, app, d: s.application_check_request(actor=a, application=app),
        when=lambda application: application.status in BEFORE_DECISION,
        done=_("已重新检查相似的在先申请和可能已主动公开的信息。"),
        order=20,
    ),
)

# What the applicant can do on their own case page (我的申请) and through the applicant API:
# the same form, service and confirmation as the staff's step, asked in the applicant's words.
APPLICANT_TABLE = ActionTable(
    "applications.Application.applicant", policy=POLICY, workflow=WORKFLOW
)
APPLICANT_TABLE.add(
    Action(
        "withdraw",
        _("撤回申请"),
        _withdraw,
        f.WithdrawForm,
        confirm=_(
            "撤回后，本申请即终止办理，不能恢复；如仍需要这些信息，可以重新提出申请。确认撤回？"
        ),
        permission="withdraw_own",
        done=_("申请已撤回。"),
    ),
)

__all__ = ["APPLICANT_TABLE", "TABLE", "NoInput"]
