from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    label = "catalog"
    verbose_name = _("主动公开目录")

    def ready(self):
        from gongkai.deadlines.reminders import register_owner
        from gongkai.search.sources import register

        from .defaults import load_default_categories
        from .indexing import CatalogSource
        from .models import Item
        from .reminders import ItemDeadlines

        post_migrate.connect(load_default_categories, sender=self)
        register(CatalogSource())
        register_owner(Item, ItemDeadlines())
