"""Every workflow and every action table of every app, walked: one executor, one registry, one
policy builder (issue 13). Each transition and action has a label (translated lazily, so the
English UI shows English) and a permission rule naming a capability."""

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise

from gongkai.core.actions import ACTION_TABLES, discover
from gongkai.core.workflow import WORKFLOWS

# Each state machine of the platform, by model.
EXPECTED_WORKFLOWS = {
    "applications.Application",
    "catalog.Item",
    "engagement.Consultation",
    "engagement.Comment",
    "reports.AnnualReport",
    "appeals.AppealCase",
    "powerlists.PowerItem",
}


def test_every_state_machine_is_a_declared_workflow():
    assert set(WORKFLOWS) >= EXPECTED_WORKFLOWS


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_each_workflow_belongs_to_a_model_with_its_status_field(name):
    workflow = WORKFLOWS[name]
    model = apps.get_model(name)
    field = model._meta.get_field(workflow.status_field)
    assert set(dict(field.choices)) == set(workflow.statuses.values)


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_each_transition_has_a_lazy_label_and_a_rule_with_a_capability(name):
    workflow = WORKFLOWS[name]
    assert workflow.policy is not None, f"{name} has no permission policy"
    for action, transition in workflow.transitions.items():
        assert isinstance(transition.label, Promise), f"{name}.{action}: label not lazy"
        assert str(transition.label).strip(), f"{name}.{action}: no label"
        rule = workflow.policy.rule(action)
        assert rule.capabilities or rule.public, f"{name}.{action}: no capability"
        assert transition.sources, f"{name}.{action}: from no state"


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_each_transition_leads_to_a_status_of_its_table(name):
    workflow = WORKFLOWS[name]
    for action, transition in workflow.transitions.items():
        targets = (
            transition.target
            if isinstance(transition.target, frozenset)
            else {transition.target} - {None}
        )
        assert set(targets) <= set(workflow.statuses.values), f"{name}.{action}"


def _tables():
    discover()
    return sorted(ACTION_TABLES)


@pytest.mark.parametrize("name", _tables())
def test_each_action_has_a_lazy_label_and_a_rule_with_a_capability(name):
    table = ACTION_TABLES[name]
    for action in table:
        assert isinstance(action.label, Promise), f"{name}.{action.name}: label not lazy"
        rule = table.policy.rule(action.rule)
        assert rule.capabilities or rule.public, f"{name}.{action.name}: no capability"
        if action.transition is not None:
            assert action.transition in table.workflow.transitions


@pytest.mark.parametrize("name", _tables())
def test_each_action_label_is_translated_into_english(name):
    """The catalogue has every label: switched to English, no label still reads Chinese."""
    with translation.override("en"):
        untranslated = [
            str(action.label)
            for action in ACTION_TABLES[name]
            if any("\u4e00" <= ch <= "\u9fff" for ch in str(action.label))
        ]
    assert untranslated == []


def test_the_english_transition_labels_are_english():
    with translation.override("en"):
        untranslated = [
            f"{name}.{action}: {transition.label}"
            for name, workflow in WORKFLOWS.items()
            for action, transition in workflow.transitions.items()
            if any("\u4e00" <= ch <= "\u9fff" for ch in str(transition.label))
        ]
    assert untranslated == []
