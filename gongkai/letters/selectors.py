from django.db.models import Q

from .models import ANY_GROUP, LetterTemplate


def letter_template_for(*, agency, kind: str, group: str = ANY_GROUP) -> LetterTemplate | None:
    """The template a letter of `kind` for `agency` is written from: the agency's own before the
    installation's default, and within each the one for the outcome's group before the one for
    any group. An agency that overrides only the general decision letter thus uses it for every
    outcome."""
    candidates = LetterTemplate.objects.filter(
        Q(agency=agency) | Q(agency__isnull=True), kind=kind, group__in={group, ANY_GROUP}
    )
    return min(candidates, key=lambda t: (t.agency_id is None, t.group == ANY_GROUP), default=None)
