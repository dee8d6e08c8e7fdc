from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gongkai.core"
    label = "core"
    verbose_name = _("基础")

    def ready(self):
        from .parsing import Limits

        Limits.current()  # a misspelt GONGKAI_PARSE_LIMITS key stops the start, not an upload
