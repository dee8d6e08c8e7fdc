from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "gongkai.letters"
    label = "letters"
    verbose_name = _("文书")

    def ready(self):
        from .defaults import load_default_templates

        post_migrate.connect(load_default_templates, sender=self)
