from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "gongkai.deadlines"
    label = "deadlines"
    verbose_name = _("法定期限")

    def ready(self):
        from gongkai.workdays.signals import calendar_changed

        from .services import recompute_on_calendar_change, settle_after_migrate

        calendar_changed.connect(recompute_on_calendar_change, dispatch_uid="deadlines-recompute")
        post_migrate.connect(settle_after_migrate, sender=self, dispatch_uid="deadlines-settle")
