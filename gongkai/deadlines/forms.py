from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import DomainError
from gongkai.regimes import REGIMES

from .compute import Pause


class DeadlineQueryForm(forms.Form):
    """The public calculator's input (also used to validate the API's query parameters)."""

    received = forms.DateField(
        label=_("收到申请之日"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("当面提交的为提交之日；挂号信为签收之日；平信、网络、传真为双方确认之日。"),
    )
    regime = forms.ChoiceField(
        label=_("适用条例"),
        required=False,
        choices=[("", _("按收到申请之日自动确定"))] + [(c, r.name) for c, r in REGIMES.items()],
    )
    extended = forms.BooleanField(label=_("同时计算延长后的期限"), required=False)
    restart = forms.DateField(
        label=_("补正后重新起算之日"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("申请人补正的，填写收到补正申请之日，答复期限自该日重新计算。"),
    )
    pauses = forms.CharField(
        label=_("不计入期限的区间"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("征求第三方或其他机关意见的期间，每行一个，如 2026-10-09:2026-10-20。"),
    )

    def reply_deadline(self):
        """The reply deadline these (valid) answers describe, provisional where a year's
        holiday notice is not published yet; DomainError if it cannot be computed."""
        from gongkai.regimes import get_regime
        from gongkai.workdays.selectors import provisional_calendar

        from .compute import reply_deadline

        values = self.cleaned_data
        return reply_deadline(
            calendar=provisional_calendar(),
            received=values["received"],
            regime=get_regime(values["regime"]) if values["regime"] else None,
            extended=values["extended"],
            pauses=values["pauses"],
            restart=values["restart"],
        )

    def clean_pauses(self):
        try:
            return [
                Pause.parse(line)
                for line in self.cleaned_data["pauses"].splitlines()
                if line.strip()
            ]
        except DomainError as error:
            raise ValidationError(error.message, code=error.code) from None
