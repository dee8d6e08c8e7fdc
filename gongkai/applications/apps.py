from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    label = "applications"
    verbose_name = _("依申请公开")

    def ready(self):
        from gongkai.deadlines.reminders import register_owner, register_source
        from gongkai.deadlines.signals import deadline_changed

        from . import reminders
        from .models import Application, Consultation
        from .services.timeliness import reply_deadline_changed

        register_owner(Application, reminders.ApplicationDeadlines())
        register_owner(Consultation, reminders.ConsultationDeadlines())
        register_source(reminders.UnconfirmedApplications())
        # 按时办结 follows the reply deadline when a holiday notice moves it.
        deadline_changed.connect(reply_deadline_changed, dispatch_uid="applications-on-time")
