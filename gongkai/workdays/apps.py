from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WorkdaysConfig(AppConfig):
    name = "gongkai.workdays"
    label = "workdays"
    verbose_name = _("工作日与节假日")

    def ready(self):
        from .loaders import load_bundled_years_after_migrate

        post_migrate.connect(load_bundled_years_after_migrate, sender=self)
