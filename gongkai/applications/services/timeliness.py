"""What an application derives from its reply deadline, kept right when the deadline changes.

An application served while its due date was provisional (or, before provisional dates, not
known at all) was judged 按时办结 against that date. When the holiday notice is loaded and the
date moves, the judgement is made again against the real date, audited. The annual report's
按时办结 / 延期办结 rows read `on_time` (reports/sources/applications.py), so they follow.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from gongkai.core.audit import audit_record
from gongkai.deadlines.models import Deadline

from ..models import Application


@transaction.atomic
def application_recheck_on_time(
    *, actor, application: Application, reply_due, note: str
) -> Application:
    """Judge a served reply on time or late against `reply_due`; audited when it changes."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.served_on is None or reply_due is None:
        return application
    on_time = application.served_on <= reply_due
    if application.on_time == on_time:
        return application
    old, application.on_time = application.on_time, on_time
    application.save(update_fields=["on_time", "updated_at"])
    audit_record(
        actor=actor,
        action="application.on_time",
        obj=application,
        changes={"on_time": [old, on_time]},
        note=f"答复期限重新计算为{reply_due.isoformat()}（{note}）",
    )
    return application


def reply_deadline_changed(sender, *, deadline: Deadline, actor, reason: str, **kwargs) -> None:
    """Receiver of gongkai.deadlines.signals.deadline_changed (connected in apps.py)."""
    if deadline.kind != Deadline.Kind.REPLY:
        return
    if deadline.content_type_id != ContentType.objects.get_for_model(Application).pk:
        return
    application = Application.objects.filter(pk=deadline.object_id).first()
    if application is not None:
        application_recheck_on_time(
            actor=actor, application=application, reply_due=deadline.due, note=reason
        )
