from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PowerlistsConfig(AppConfig):
    name = "gongkai.powerlists"
    label = "powerlists"
    verbose_name = _("权力清单和责任清单")
