"""The item timeline moves into the platform's one history table (core.StatusChange)."""

from django.db import migrations

from gongkai.core.history_migration import copy_into_core

forwards, backwards = copy_into_core("catalog", "ItemEvent", "item", "Item")


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
        ("core", "0003_status_change"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.DeleteModel(name="ItemEvent"),
    ]
