from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """No models: the app is here so that `gongkai demo` exists only where it is installed."""

    name = "gongkai.demo"
    label = "demo"
    verbose_name = _("演示数据")
