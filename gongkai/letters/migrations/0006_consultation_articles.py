"""The installed default consultation letter (征求意见书) cites the right article for whom it
is sent to: a third party under Art. 32 (silence is not consent: the agency decides); another
agency under Art. 34 only when the information was jointly produced, and only then does its
silence count as consent. Templates an agency or the platform administrator has rewritten are
left as they are."""

from django.db import migrations

OLD_WHY = (
    "{% if consultation.is_agency %}经审查，该政府信息涉及贵机关职责或者由本机关与贵机关共同制作，"
    "根据{{ regime.citation }}{% if regime.consultation %}{{ regime.consultation.basis }}{% endif %}"
    "的规定，现征求贵机关意见。"
    "{% else %}经审查，该政府信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开后可能损害贵方的"
    "合法权益。根据{{ regime.citation }}{% if regime.consultation %}{{ regime.consultation.basis }}"
    "{% endif %}的规定，现书面征求贵方意见。{% endif %}\n"
)
NEW_WHY = (
    "{% if consultation.is_agency %}{% if consultation.jointly_produced %}"
    "经审查，该政府信息由本机关与贵机关共同制作。根据{{ regime.citation }}{{ consultation.basis }}"
    "的规定，现征求贵机关意见。{% else %}经审查，该政府信息涉及贵机关职责，现征求贵机关意见。"
    "{% endif %}"
    "{% else %}经审查，该政府信息可能涉及贵方的商业秘密、个人隐私等合法权益，公开后可能损害贵方的"
    "合法权益。根据{{ regime.citation }}{{ consultation.basis }}的规定，现书面征求贵方意见。{% endif %}"
    "\n"
)
OLD_SILENCE = (
    "{% if consultation.is_agency %}{% if regime.consultation %}逾期未提出意见的，视为同意公开。"
    "{% endif %}{% else %}"
)
NEW_SILENCE = (
    "{% if consultation.silence_is_consent %}逾期未提出意见的，视为同意公开。"
    "{% elif consultation.is_agency %}逾期未提出意见的，由本机关依法决定是否公开。{% endif %}"
    "{% if consultation.is_agency %}{% else %}"
)
CHANGES = [(OLD_WHY, NEW_WHY), (OLD_SILENCE, NEW_SILENCE)]


def _replace(apps, forwards):
    LetterTemplate = apps.get_model("letters", "LetterTemplate")
    for old, new in CHANGES:
        old, new = (old, new) if forwards else (new, old)
        for template in LetterTemplate.objects.filter(
            agency=None, kind="consultation", body__contains=old
        ):
            template.body = template.body.replace(old, new)
            template.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("letters", "0005_remedy_and_referral")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: _replace(apps, True),
            lambda apps, schema_editor: _replace(apps, False),
        )
    ]
