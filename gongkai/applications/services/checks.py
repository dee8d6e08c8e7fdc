"""The stored similar-request and already-published checks of an application (similarity.py).

They are computed once the case is created (its request text is then fixed), again when it is
received (the catalogue may have grown since an online submission), when its text is found
changed, and when staff ask (重新检查) — not on every view of the case page. A new catalogue
item does not recheck open cases: the page says when the check ran and offers 重新检查.
"""

import logging

from django.db import transaction
from django.utils import timezone

from gongkai.core.audit import audit_record

from ..models import Application, RequestCheck
from ..permissions import POLICY
from ..similarity import application_digest, find_published, find_similar, request_words

logger = logging.getLogger(__name__)


@transaction.atomic
def application_check_request(*, actor=None, application: Application) -> RequestCheck:
    """Compute both checks and store them. `actor` None: the system (after intake, or the
    page finding no check or an out-of-date one); a user's 重新检查 is audited."""
    POLICY.require(actor, "recheck", application)
    words = request_words(application)
    similar = [
        {"id": pk, "score": score, "same": same}
        for score, pk, same in find_similar(application, words=words)
    ]
    published = [{"id": pk, "words": matched} for matched, pk in find_published(application)]
    old = RequestCheck.objects.filter(application=application).first()
    check, _created = RequestCheck.objects.update_or_create(
        application=application,
        defaults={
            "digest": application_digest(application),
            "keywords": sorted(words),
            "similar": similar,
            "published": published,
            "checked_at": timezone.now(),
        },
    )
    if actor is not None:
        audit_record(
            actor=actor,
            action="application.recheck",
            obj=application,
            changes={
                "similar": [_ids(old.similar) if old else None, _ids(similar)],
                "published": [_ids(old.published) if old else None, _ids(published)],
            },
        )
    return check


def _ids(found: list[dict]) -> list[int]:
    return [entry["id"] for entry in found]


def check_after_commit(application: Application) -> None:
    """Run the checks once the intake's transaction has committed: slow work stays out of the
    transaction, and a failure (the search backend down) never loses an application — the
    case page checks again when it finds no stored check."""
    pk = application.pk

    def run():
        try:
            application_check_request(application=Application.objects.get(pk=pk))
        except Exception:
            logger.exception("request check failed for application %s", pk)

    transaction.on_commit(run)
