"""Pages that explain a rule cite the regime in force today (help texts on forms), never a
typed article: `current_regime` in every template, computed only when a template reads it."""

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from .registry import regime_for


def current_regime(request):
    return {"current_regime": SimpleLazyObject(lambda: regime_for(timezone.localdate()))}
