"""Installed default 答复书 templates, brought up to the current defaults:
- the remedy paragraph comes from the case ({{ remedy }}: the outcome and the decision date,
  regimes.remedies): since 2024-01-01 a 不予公开 reply says that 复议 comes first
  (行政复议法 Art. 23(1)(4), (2));
- the 不予公开 template tells a 行政查询事项 (Art. 36(7)) case to go by the special law's
  procedure instead of announcing 不予公开.
Templates an agency or the platform administrator has rewritten are left as they are."""

from django.db import migrations

EXTRA_BASIS = "{% if decision.extra_basis %}及{{ decision.extra_basis|clause }}{% endif %}"
OLD_REMEDY = (
    "{{ applicant.you }}如对本答复不服，可以自收到本答复之日起六十日内"
    "{% if review_body %}向{{ review_body }}{% else %}依法{% endif %}申请行政复议，"
    "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。\n"
)
NEW_REMEDY = "{{ remedy }}\n"
OLD_DENIED = (
    "{{ applicant.you }}申请获取的政府信息属于“{{ outcome_label }}”的情形。"
    "根据{{ outcome_citation }}" + EXTRA_BASIS + "的规定，本机关决定不予公开。理由如下：\n"
    "{{ decision.withheld }}\n{{ decision.reasons }}\n"
)
NEW_DENIED = (
    "{% if outcome.referral %}{{ applicant.you }}的申请事项{{ outcome_label }}，有关法律、行政法规"
    "对该信息的获取有特别规定。根据{{ outcome_citation }}" + EXTRA_BASIS + "的规定，请"
    "{{ applicant.you }}依照有关法律、行政法规的规定办理"
    "{% if decision.referral_procedure %}（办理途径：{{ decision.referral_procedure|clause }}）"
    "{% endif %}。\n{{ decision.reasons }}\n{% else %}" + OLD_DENIED + "{% endif %}\n"
)
CHANGES = [("", OLD_REMEDY, NEW_REMEDY), ("不予公开", OLD_DENIED, NEW_DENIED)]


def _replace(apps, forwards):
    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for group, old, new in CHANGES:
        old, new = (old, new) if forwards else (new, old)
        rows = LetterTemplate.objects.filter(agency=None, kind="decision", body__contains=old)
        if group:
            rows = rows.filter(group=group)
        for template in rows:
            if forwards and new in template.body:  # installed from the current defaults
                continue
            template.body = template.body.replace(old, new)
            template.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0004_provisional_due_dates")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: _replace(apps, True),
            lambda apps, schema_editor: _replace(apps, False),
        )
    ]
