"""Loads the default letter templates (their text lives in gongkai/letters/defaults.py)."""

from django.db import migrations

from gongkai.letters.defaults import DEFAULTS


def create_defaults(apps, schema_editor):
    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for kind, group, title, body in DEFAULTS:
        LetterTemplate.objects.update_or_create(
            agency=None, kind=kind, group=group, defaults={"title": title, "body": body}
        )


def remove_defaults(apps, schema_editor):
    apps.get_model("letters", "LetterTemplate").objects.filter(agency=None).delete()


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
