"""The editable templates: defaults shipped by migration, agency overrides, validation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from gongkai.letters.context import letter_context
from gongkai.letters.models import LetterKind, LetterTemplate
from gongkai.letters.selectors import letter_template_for
from gongkai.letters.services import letter_issue, letter_template_save
from gongkai.letters.text import render_blocks
from gongkai.regimes import get_regime
from gongkai.regimes.outcomes import G_GRANTED, G_PARTIAL
from tests.accounts.factories import UserFactory
from tests.agencies.factories import MembershipFactory
from tests.applications.fixtures import register
from tests.letters.helpers import decided, pdf_text, stored


def _override(
    agency, kind="receipt", group="", body="<{{ applicant.name }}：\n甲局专用的回执正文。"
):
    return letter_template_save(
        actor=None,
        template=LetterTemplate(agency=agency, kind=kind, group=group, title="甲局回执", body=body),
    )


def _letter_text(application, clerk, kind="receipt"):
    return pdf_text(stored(letter_issue(actor=clerk, application=application, kind=kind)))


# Defaults ---------------------------------------------------------------------------------------


def test_every_kind_and_every_2019_outcome_group_has_a_default_template(db):
    defaults = set(LetterTemplate.objects.filter(agency=None).values_list("kind", "group"))
    groups = {o.group for o in get_regime("2019").outcomes}
    assert {(kind, "") for kind in LetterKind.values} <= defaults
    assert {("decision", group) for group in groups} <= defaults


@pytest.mark.parametrize(
    "outcome", [o for o in get_regime("2019").outcomes if not o.automatic], ids=lambda o: o.code
)
def test_default_decision_text_cites_each_outcomes_basis(outcome, in_progress, clerk_a, reviewer_a):
    application = decided(in_progress, clerk_a, reviewer_a, outcome.code)
    template = letter_template_for(agency=application.agency, kind="decision", group=outcome.group)
    text = "".join(
        b.text for b in render_blocks(template.body, letter_context(application, "decision"))
    )
    assert outcome.basis.removesuffix("相关规定") in text
    assert "张三：" in text and application.number in text


# Overrides --------------------------------------------------------------------------------------


def test_agency_override_is_used_for_that_agency_only(
    in_progress, clerk_a, dept_a, dept_b, clerk_b
):
    _override(dept_a)
    assert "甲局专用的回执正文。" in _letter_text(in_progress, clerk_a)
    other = register(clerk_b, dept_b)
    text = _letter_text(other, clerk_b)
    assert "甲局专用的回执正文。" not in text
    assert "本机关已予登记" in text  # the installation's default


def test_group_template_wins_over_the_general_one_within_the_same_scope(dept_a):
    general = _override(dept_a, kind="decision", body="通用答复")
    partial = _override(dept_a, kind="decision", group=G_PARTIAL, body="部分公开答复")
    assert letter_template_for(agency=dept_a, kind="decision", group=G_PARTIAL) == partial
    assert letter_template_for(agency=dept_a, kind="decision", group=G_GRANTED) == general


def test_default_group_template_is_used_when_the_agency_overrides_another_group(dept_a):
    _override(dept_a, kind="decision", group=G_PARTIAL, body="部分公开答复")
    chosen = letter_template_for(agency=dept_a, kind="decision", group=G_GRANTED)
    assert (chosen.agency, chosen.group) == (None, G_GRANTED)


# Validation and invariants ---------------------------------------------------------------------


def test_broken_template_body_is_refused_with_a_chinese_message_naming_the_line(dept_a):
    template = LetterTemplate(
        agency=dept_a,
        kind="receipt",
        title="回执",
        body="<{{ applicant.name }}：\n{% if extended %}已延期",
    )
    with pytest.raises(ValidationError) as info:
        template.full_clean()
    [message] = info.value.message_dict["body"]
    assert message.startswith("第2行有模板语法错误：")
    assert message.endswith("请检查 {% %} 标签是否成对、名称是否正确。")


def test_unknown_tag_in_the_title_is_refused_too(dept_a):
    template = LetterTemplate(agency=dept_a, kind="receipt", title="{% bogus %}", body="正文")
    with pytest.raises(ValidationError) as info:
        template.full_clean()
    assert "title" in info.value.message_dict


def test_only_decision_templates_are_split_by_outcome_group(dept_a):
    template = LetterTemplate(agency=dept_a, kind="receipt", group=G_GRANTED, title="t", body="b")
    with pytest.raises(ValidationError) as info:
        template.full_clean()
    assert info.value.message_dict["group"] == ["只有答复书按答复类型区分模板。"]


def test_database_keeps_one_default_per_kind_and_group(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        LetterTemplate.objects.create(agency=None, kind="receipt", title="第二个默认", body="b")


def test_database_keeps_one_override_per_agency_kind_and_group(dept_a):
    _override(dept_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        LetterTemplate.objects.create(agency=dept_a, kind="receipt", title="又一个", body="b")


# Who may edit -----------------------------------------------------------------------------------


def test_agency_administrator_may_keep_the_agencys_own_templates(admin_a, dept_a):
    template = letter_template_save(
        actor=admin_a,
        template=LetterTemplate(agency=dept_a, kind="receipt", title="甲局回执", body="正文"),
    )
    assert template.updated_by == admin_a


def test_only_platform_administrators_change_the_defaults(admin_a):
    default = LetterTemplate.objects.get(agency=None, kind="receipt")
    default.body = "改过的默认正文"
    with pytest.raises(PermissionDenied):
        letter_template_save(actor=admin_a, template=default)
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert letter_template_save(actor=superuser, template=default).updated_by == superuser


def test_other_agencys_administrator_cannot_override_for_it(admin_b, dept_a):
    from django.http import Http404

    with pytest.raises(Http404):
        letter_template_save(
            actor=admin_b,
            template=LetterTemplate(agency=dept_a, kind="receipt", title="t", body="b"),
        )


def test_admin_refuses_a_broken_template_and_shows_why(client, db):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(superuser)
    default = LetterTemplate.objects.get(agency=None, kind="receipt")
    url = f"/admin/letters/lettertemplate/{default.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"kind": "receipt", "group": "", "agency": "", "title": "回执", "body": "{% if x %}"}
    )
    assert response.status_code == 200
    assert "第1行有模板语法错误" in response.content.decode()
    default.refresh_from_db()
    assert default.body != "{% if x %}"


def test_admin_is_for_platform_administrators_only(client, dept_a):
    staff = MembershipFactory(agency=dept_a, role="admin").user
    staff.is_staff = True
    staff.save()
    client.force_login(staff)
    assert client.get("/admin/letters/lettertemplate/").status_code == 403


def test_the_migration_makes_installed_defaults_say_a_due_date_is_provisional(dept_a):
    """Defaults installed before issue 14 gain "该日期暂定…" after a provisional date, exactly
    as the current defaults say it; a template an agency rewrote is left alone."""
    import importlib

    from django.apps import apps

    from gongkai.letters.defaults import DEFAULTS

    migration = importlib.import_module("gongkai.letters.migrations.0004_provisional_due_dates")
    now = {kind: body for kind, _group, _title, body in DEFAULTS}
    LetterTemplate.objects.filter(agency=None, kind__in=[c[0] for c in migration.CHANGES]).delete()
    for kind, old, new in migration.CHANGES:
        assert new in now[kind], kind
        LetterTemplate.objects.create(agency=None, kind=kind, title=kind, body=f"甲{old}乙")
    own = LetterTemplate.objects.create(
        agency=dept_a, kind="fee", title="自定义", body=migration.CHANGES[3][1]
    )
    migration._replace(apps, True)
    for kind, _old, new in migration.CHANGES:
        assert LetterTemplate.objects.get(agency=None, kind=kind).body == f"甲{new}乙", kind
    own.refresh_from_db()
    assert own.body == migration.CHANGES[3][1]
    migration._replace(apps, False)
    assert (
        LetterTemplate.objects.get(agency=None, kind="fee").body == f"甲{migration.CHANGES[3][1]}乙"
    )


def test_the_migration_gives_installed_decisions_the_remedy_and_the_referral(dept_a):
    """Default 答复书 installed before issue 17 take {{ remedy }} and the Art. 36(7) referral,
    exactly as the current defaults say them; a template an agency rewrote is left alone, and
    the current defaults are not changed twice."""
    import importlib

    from django.apps import apps

    from gongkai.letters.defaults import DEFAULTS

    migration = importlib.import_module("gongkai.letters.migrations.0005_remedy_and_referral")
    now = {group: body for kind, group, _title, body in DEFAULTS if kind == "decision"}
    assert migration.NEW_DENIED in now["不予公开"]
    assert all(migration.NEW_REMEDY in body for body in now.values())
    old = f"甲{migration.OLD_DENIED}乙{migration.OLD_REMEDY}"
    LetterTemplate.objects.filter(agency=None, kind="decision", group="不予公开").update(body=old)
    current = LetterTemplate.objects.get(agency=None, kind="decision", group="予以公开").body
    own = LetterTemplate.objects.create(agency=dept_a, kind="decision", title="自定义", body=old)
    migration._replace(apps, True)
    new = f"甲{migration.NEW_DENIED}乙{migration.NEW_REMEDY}"
    assert LetterTemplate.objects.get(agency=None, kind="decision", group="不予公开").body == new
    assert (
        LetterTemplate.objects.get(agency=None, kind="decision", group="予以公开").body == current
    )
    own.refresh_from_db()
    assert own.body == old
    migration._replace(apps, False)
    assert LetterTemplate.objects.get(agency=None, kind="decision", group="不予公开").body == old


def test_the_migration_gives_the_installed_consultation_letter_its_articles(dept_a):
    """The default 征求意见书 installed before issue 17 cites Art. 32 / Art. 34 by whom it is
    sent to, exactly as the current default; a template an agency rewrote is left alone."""
    import importlib

    from django.apps import apps

    from gongkai.letters.defaults import CONSULTATION

    migration = importlib.import_module("gongkai.letters.migrations.0006_consultation_articles")
    assert migration.NEW_WHY in CONSULTATION and migration.NEW_SILENCE in CONSULTATION
    old = f"甲{migration.OLD_WHY}乙{migration.OLD_SILENCE}丙{{% endif %}}"
    LetterTemplate.objects.filter(agency=None, kind="consultation").update(body=old)
    own = LetterTemplate.objects.create(
        agency=dept_a, kind="consultation", title="自定义", body=old
    )
    migration._replace(apps, True)
    new = f"甲{migration.NEW_WHY}乙{migration.NEW_SILENCE}丙{{% endif %}}"
    assert LetterTemplate.objects.get(agency=None, kind="consultation").body == new
    own.refresh_from_db()
    assert own.body == old
    migration._replace(apps, False)
    assert LetterTemplate.objects.get(agency=None, kind="consultation").body == old
