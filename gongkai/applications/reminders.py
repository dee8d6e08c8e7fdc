"""The applications' part in the daily reminder (gongkai.deadlines.reminders): how a case is
named, who answers for its deadlines, and the applications nobody has confirmed yet.

A case's deadlines (答复, 告知补正, 缴费) concern its handler, or every clerk of the agency while
nobody is assigned; a decision awaiting review concerns the reviewers too, and an extension
awaiting approval the head. A consultation's answer period concerns the case's handler.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from gongkai.deadlines.reminders import DeadlineOwner, Line, ReminderSource, Urgency

from .models import Application, ExtensionRequest
from .states import Status


def case_name(application: Application) -> str:
    return f"{application.number}（{application.info_title[:20]}）"


def _group(application: Application) -> str:
    return f"applications.application:{application.pk}"


class ApplicationDeadlines(DeadlineOwner):
    def queryset(self, model):
        pending = ExtensionRequest.objects.filter(application=OuterRef("pk"), approved__isnull=True)
        return model.objects.select_related("assigned_to").annotate(
            extension_pending=Exists(pending)
        )

    def name(self, application, deadline):
        return case_name(application)

    def group(self, application, deadline):
        return _group(application)

    def recipients(self, application, deadline, context):
        staff = context.staff
        people = staff.handler_or_clerks(application.agency_id, application.assigned_to)
        if application.status == Status.DECISION_DRAFTED:
            people += staff.reviewers(application.agency_id)
        if application.extension_pending:
            people += staff.heads(application.agency_id)
        return people


class ConsultationDeadlines(DeadlineOwner):
    """The third party's or other agency's answer period: the case's handler must record the
    answer, or that none came, before the reply clock runs again."""

    def queryset(self, model):
        return model.objects.select_related("application", "application__assigned_to")

    def name(self, consultation, deadline):
        return case_name(consultation.application)

    def group(self, consultation, deadline):
        return _group(consultation.application)

    def recipients(self, consultation, deadline, context):
        application = consultation.application
        return context.staff.handler_or_clerks(application.agency_id, application.assigned_to)


class UnconfirmedApplications(ReminderSource):
    """Applications submitted but not yet confirmed as received (online, or by a channel whose
    receipt date is the confirmation or the signature): the reply clock does not run until the
    office confirms, so the clerks hear of them from the day they arrive, and the head too once
    they have waited GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS working days."""

    name = "applications.unconfirmed"

    def lines(self, context):
        escalation = settings.GONGKAI_UNCONFIRMED_ESCALATION_WORKDAYS
        waiting = Application.objects.filter(status=Status.SUBMITTED).order_by("submitted_on")
        for application in waiting.select_related("assigned_to"):
            age = max(context.workdays_since(application.submitted_on), 0)
            state = (
                _("今日提交")
                if application.submitted_on >= context.today
                else _("%(day)s提交，已等待%(days)d个工作日")
                % {"day": application.submitted_on.isoformat(), "days": age}
            )
            people = context.staff.handler_or_clerks(application.agency_id, application.assigned_to)
            if age >= escalation:
                people += context.staff.heads(application.agency_id)
            yield (
                people,
                Line(
                    subject=case_name(application),
                    group=_group(application),
                    what=_("待确认收到"),
                    due=None,
                    state=state,
                    # Every waiting day delays the reply clock: as urgent as a deadline today.
                    urgency=Urgency.TODAY,
                ),
            )
