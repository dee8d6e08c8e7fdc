from django import forms
from django.utils.translation import gettext_lazy as _


class NoticeForm(forms.Form):
    text = forms.CharField(
        label=_("通知原文"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("粘贴《国务院办公厅关于某年部分节假日安排的通知》全文，包括标题。"),
    )
    year = forms.IntegerField(
        label=_("年份"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("通知文本中没有标题时填写。"),
    )
