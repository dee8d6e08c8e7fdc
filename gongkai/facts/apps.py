from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FactsConfig(AppConfig):
    name = "gongkai.facts"
    label = "facts"
    verbose_name = _("机关年度工作情况")
