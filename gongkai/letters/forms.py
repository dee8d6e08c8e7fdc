from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LetterKind


class IssueLetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书"), choices=LetterKind.choices)
