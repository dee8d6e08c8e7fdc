"""Figures from other systems: one per agency, year and key, with its source and who entered
it; bad values are refused with a clear error and nothing is saved."""

from decimal import Decimal

import pytest

from gongkai.core.errors import DomainError
from gongkai.core.models import AuditEvent
from gongkai.facts import services as s
from gongkai.facts.models import OtherSystemFigure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("facts_today")]


def save(actor, agency, **overrides):
    fields = {"year": 2025, "key": "punishment", "value": "5", "source": "执法平台"}
    return s.figure_save(actor=actor, agency=agency, **(fields | overrides))


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"value": "-1"}, "negative"),
        ({"value": "2.5"}, "bad_value"),  # a count of decisions is a whole number
        ({"value": "五"}, "bad_value"),
        ({"value": ""}, "bad_value"),
        ({"key": "admin_fees", "value": "0.00001"}, "bad_value"),  # finer than one 元
        ({"source": "  "}, "source_required"),
        ({"key": "subsidies"}, "bad_key"),
        ({"year": 2027}, "bad_year"),
        ({"year": 2007}, "bad_year"),
    ],
)
def test_bad_figures_are_refused_and_nothing_saved(clerk_a, dept_a, overrides, code):
    with pytest.raises(DomainError) as caught:
        save(clerk_a, dept_a, **overrides)
    assert caught.value.code == code and caught.value.message
    assert not OtherSystemFigure.objects.exists()


def test_a_figure_records_its_unit_source_and_who_entered_it(clerk_a, dept_a):
    figure = save(clerk_a, dept_a, key="admin_fees", value="１,234.5", source=" 非税收入系统 ")
    assert figure.value == Decimal("1234.5") and figure.unit == "万元"
    assert figure.source == "非税收入系统" and figure.entered_by == clerk_a
    assert save(clerk_a, dept_a).unit == "件"


def test_correcting_a_figure_replaces_it_and_audits_the_old_value(clerk_a, dept_a):
    save(clerk_a, dept_a, value="5")
    save(clerk_a, dept_a, value="6")
    assert OtherSystemFigure.objects.get().value == 6
    changes = AuditEvent.objects.filter(action="facts.figure_save").order_by("pk").last().changes
    assert changes["value"] == ["5.0000", "6.0000"]


def test_saving_the_same_figure_again_writes_nothing(clerk_a, dept_a):
    save(clerk_a, dept_a)
    save(clerk_a, dept_a)
    assert AuditEvent.objects.filter(action="facts.figure_save").count() == 1


def test_the_year_form_saves_removes_and_checks_every_entry_first(clerk_a, dept_a):
    save(clerk_a, dept_a, key="coercion", value="1")
    changed = s.figures_save(
        actor=clerk_a,
        agency=dept_a,
        year=2025,
        entries={
            "licensing": (Decimal("12"), "审批系统"),
            "punishment": (Decimal("0"), "执法平台"),
            "coercion": (None, ""),  # cleared: no longer entered
            "admin_fees": (None, ""),
        },
    )
    assert changed == 3
    assert set(OtherSystemFigure.objects.values_list("key", flat=True)) == {
        "licensing",
        "punishment",
    }
    with pytest.raises(DomainError) as caught:
        s.figures_save(
            actor=clerk_a,
            agency=dept_a,
            year=2025,
            entries={"licensing": (Decimal("13"), "审批系统"), "punishment": (Decimal("1"), "")},
        )
    assert caught.value.field == "punishment_source"
    assert OtherSystemFigure.objects.get(key="licensing").value == 12
