from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = _("依申请公开")

    def ready(self):
        from gongkai.accounts.permissions import register_handling_check
        from gongkai.deadlines.reminders import register_owner, register_source

        from . import reminders
        from .models import Application, Consultation
        from .permissions import handles_case_of

        register_handling_check(handles_case_of)
        register_owner(Application, reminders.ApplicationDeadlines())
        register_owner(Consultation, reminders.ConsultationDeadlines())
        register_source(reminders.UnconfirmedApplications())
