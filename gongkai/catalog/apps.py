from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    label = "catalog"
    verbose_name = _("主动公开目录")

    def ready(self):
        from gongkai.search.sources import register

        from .defaults import load_default_categories
        from .indexing import CatalogSource

        post_migrate.connect(load_default_categories, sender=self)
        register(CatalogSource())
