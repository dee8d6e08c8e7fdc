"""The default letters that state a due date (受理回执, 延期答复告知书, 征求意见书, 收费通知书) say
when that date is provisional: counted with the statutory holidays of a year whose State
Council notice is not out yet ("该日期暂定，以国务院办公厅公布的节假日安排为准"). Templates an
agency or the platform administrator has rewritten are left as they are."""

from django.db import migrations

CHANGES = [
    (
        "receipt",
        "{% if reply_due %}（即{{ reply_due|cn_date }}前）{% endif %}",
        "{% if reply_due %}（即{{ reply_due|cn_date }}前"
        "{% if reply_due_provisional %}；该日期{{ provisional_note }}{% endif %}）{% endif %}",
    ),
    (
        "extension",
        "{% if reply_due %}，本机关将于{{ reply_due|cn_date }}前作出答复{% endif %}",
        "{% if reply_due %}，本机关将于{{ reply_due|cn_date }}前作出答复"
        "{% if reply_due_provisional %}（该日期{{ provisional_note }}）{% endif %}{% endif %}",
    ),
    (
        "consultation",
        "{% if consultation.answer_due %}（即{{ consultation.answer_due|cn_date }}前）{% endif %}",
        "{% if consultation.answer_due %}（即{{ consultation.answer_due|cn_date }}前"
        "{% if consultation.answer_due_provisional %}；该日期{{ provisional_note }}{% endif %}）"
        "{% endif %}",
    ),
    (
        "fee",
        "{% if fee.payment_due %}（即{{ fee.payment_due|cn_date }}前）{% endif %}",
        "{% if fee.payment_due %}（即{{ fee.payment_due|cn_date }}前"
        "{% if fee.payment_due_provisional %}；该日期{{ provisional_note }}{% endif %}）{% endif %}",
    ),
]


def _replace(apps, forwards: bool):
    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for kind, old, new in CHANGES:
        before, after = (old, new) if forwards else (new, old)
        for template in LetterTemplate.objects.filter(
            agency=None, kind=kind, body__contains=before
        ):
            template.body = template.body.replace(before, after)
            template.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0003_fee_basis_from_regime")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: _replace(apps, True),
            lambda apps, schema_editor: _replace(apps, False),
        )
    ]
