"""The default fee notice cites the fee article from the regime ({{ regime.fee_basis }})
instead of typing it: same words for every 2019-regime letter. Templates an agency or the
platform administrator has rewritten are left as they are."""

from django.db import migrations

OLD = "{{ regime.citation }}第四十二条和"
NEW = "{{ regime.citation }}{{ regime.fee_basis }}和"


def forwards(apps, schema_editor):
    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for template in LetterTemplate.objects.filter(agency=None, kind="fee", body__contains=OLD):
        template.body = template.body.replace(OLD, NEW)
        template.save(update_fields=["body"])


def backwards(apps, schema_editor):
    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for template in LetterTemplate.objects.filter(agency=None, kind="fee", body__contains=NEW):
        template.body = template.body.replace(NEW, OLD)
        template.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0002_default_templates")]

    operations = [migrations.RunPython(forwards, backwards)]
