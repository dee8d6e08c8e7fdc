from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiTokensConfig(AppConfig):
    name = "gongkai.apitokens"
    label = "apitokens"
    verbose_name = _("API 令牌")

    def ready(self):
        from . import schema  # noqa: F401  (the Bearer scheme in the OpenAPI schema)
