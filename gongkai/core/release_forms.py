"""The two fields of every form that releases files (a reply's approval, a catalogue item's
保密审查, a consultation's or a report's publication): see `core.release`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .release import OVERRIDE_FIELD, SEEN_FIELD


class ReleaseDecisionForm(forms.Form):
    """With `releases_pending=False` (nothing to decide on: the page knows) the two fields
    are left out; the API's schema and any other use keep them."""

    def __init__(self, *args, releases_pending: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not releases_pending:
            del self.fields[SEEN_FIELD], self.fields[OVERRIDE_FIELD]

    findings_seen = forms.BooleanField(
        label=_("我已逐项查看待公开文件的发布前检查结果"),
        required=False,
        help_text=_("待公开的文件有检查结果时须勾选；没有检查结果时可不勾选。"),
    )
    release_override = forms.CharField(
        label=_("仍予公开的理由"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "仅当发布前检查发现不能直接公开的内容（如身份证号码、手机号码、遮盖下仍可提取的文字、"
            "隐藏的工作表或批注），且审核人确认可以公开时填写；理由记入审计记录。"
        ),
    )


def release_arguments(data: dict) -> dict:
    """The service arguments from a cleaned ReleaseDecisionForm."""
    return {
        "findings_seen": bool(data.get(SEEN_FIELD)),
        "release_override": data.get(OVERRIDE_FIELD) or "",
    }
