from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "gongkai.deadlines"
    label = "deadlines"
    verbose_name = _("法定期限")

    def ready(self):
        from gongkai.workdays.signals import calendar_changed

        from .services import recompute_on_calendar_change

        calendar_changed.connect(recompute_on_calendar_change, dispatch_uid="deadlines-recompute")
