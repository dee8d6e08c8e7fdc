from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedactionConfig(AppConfig):
    name = "gongkai.redaction"
    label = "redaction"
    verbose_name = _("脱敏处理")

    def ready(self):
        from gongkai.applications import withholding

        from .selectors import withheld_parts

        # The boxes' grounds state a 部分公开 reply's withheld parts (the 答复书 lists them).
        withholding.register(lambda application: bool(withheld_parts(application)))
