"""The staff queue's query parameters, parsed once for the page and the API
(`/office/applications/` and `GET /api/office/applications/`): a bad value is the form's
Chinese error (the page answers 400 with the form, the API its JSON error), never a 500."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.selectors import agencies_visible_to
from gongkai.regimes import REGIMES
from gongkai.regimes.rules import Channel

from .forms import DATE
from .states import Status

# Named sets of statuses. Their values never repeat a status's own value: "closed" is the
# status 已办结 alone, so the set of concluded cases (办结 or 撤回) is "concluded".
STATUS_SETS = [
    ("open", _("未办结")),
    ("concluded", _("已办结或已撤回")),
    ("all", _("全部")),
]
URGENCIES = [
    ("overdue", _("已逾期")),
    ("today", _("今日到期")),
    ("soon", _("即将到期")),
    ("provisional", _("暂定期限")),
    ("pending", _("期限无法计算")),
]
# What a case may be waiting for besides its reply (the 工作台's lines link here): a 补正 window
# or a consultation answer due by the reminder horizon, an extension awaiting the head.
WAITING = [
    ("correction_notice", _("告知补正的期限将届满")),
    ("consultation", _("征求意见的答复期限将届满")),
    ("extension", _("延期申请待审批")),
]
SORTS = [
    ("due", _("按答复期限")),
    ("received", _("按收到日期（先收到的在前）")),
    ("-received", _("按收到日期（后收到的在前）")),
]
PAGE_SIZE = 30
ALL = ("", _("全部"))


def outcome_choices() -> list[tuple[str, str]]:
    """Every reply outcome of every regime, once, with its report group."""
    seen: dict[str, str] = {}
    for regime in REGIMES.values():
        for outcome in regime.outcomes:
            seen.setdefault(outcome.code, f"{outcome.group} · {outcome.label}")
    return list(seen.items())


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("状态"), required=False, choices=[*STATUS_SETS, *Status.choices]
    )
    assignee = forms.RegexField(
        label=_("承办人"),
        required=False,
        regex=r"^(me|none|[1-9][0-9]{0,9})$",
        error_messages={"invalid": _("承办人应为 me（我承办的）、none（待分配）或用户编号。")},
    )
    channel = forms.ChoiceField(
        label=_("申请渠道"), required=False, choices=[ALL, *Channel.choices]
    )
    outcome = forms.ChoiceField(
        label=_("答复类型"), required=False, choices=lambda: [ALL, *outcome_choices()]
    )
    regime = forms.ChoiceField(
        label=_("适用条例"),
        required=False,
        choices=[ALL, *((code, regime.name) for code, regime in REGIMES.items())],
    )
    received_from = forms.DateField(
        label=_("收到日期自"), required=False, input_formats=["%Y-%m-%d"], widget=DATE
    )
    received_to = forms.DateField(
        label=_("收到日期至"), required=False, input_formats=["%Y-%m-%d"], widget=DATE
    )
    q = forms.CharField(
        label=_("关键词"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("受理编号、申请人姓名或名称、所需信息"),
    )
    urgency = forms.ChoiceField(label=_("答复期限"), required=False, choices=[ALL, *URGENCIES])
    waiting = forms.ChoiceField(label=_("待办事项"), required=False, choices=[ALL, *WAITING])
    agency = forms.ModelChoiceField(
        label=_("机关"),
        required=False,
        queryset=None,
        empty_label=_("全部"),
        error_messages={"invalid_choice": _("没有这个机关，或您不能查看它的申请。")},
    )
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=SORTS)
    page = forms.IntegerField(
        label=_("页码"), required=False, min_value=1, max_value=10**6, widget=forms.HiddenInput
    )

    def __init__(self, data=None, *, user, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["agency"].queryset = agencies_visible_to(user=user)

    def offer_assignees(self, users) -> None:
        """On the page: the assignee as a list (me, none, and these clerks by name)."""
        self.fields["assignee"].widget = forms.Select(
            choices=[
                ALL,
                ("me", _("我承办的")),
                ("none", _("待分配")),
                *((str(u.pk), u.get_full_name() or u.get_username()) for u in users),
            ]
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("截止日期不能早于起始日期。"))
        data["status"] = data.get("status") or "open"
        data["sort"] = data.get("sort") or "due"
        return data

    @property
    def filters(self) -> dict:
        """The cleaned filters for applications.selectors.queue_cases (no page number)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "page"}
