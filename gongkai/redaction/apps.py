from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactionConfig(AppConfig):
    name = "gongkai.redaction"
    label = "redaction"
    verbose_name = _("脱敏处理")
