"""Two options of the shared mechanisms that the appeals and power-list pages need: checking a
transition whose target the caller picks before the pick is known, and a table whose forms are
posted by their fields' own names (pages with one form per action)."""

import pytest

from gongkai.appeals.actions import TABLE as APPEALS
from gongkai.appeals.states import WORKFLOW
from gongkai.applications.actions import TABLE as APPLICATIONS
from gongkai.core.errors import InvalidTransition


def test_a_state_is_checked_before_the_caller_picks_the_target():
    WORKFLOW.check("record_outcome", "pending")  # the outcome is chosen later
    with pytest.raises(InvalidTransition):
        WORKFLOW.check("record_outcome", "upheld")


def test_the_pick_must_be_one_of_the_transitions_targets():
    assert WORKFLOW.target("record_outcome", "pending", chosen="upheld") == "upheld"
    with pytest.raises(InvalidTransition) as refused:
        WORKFLOW.target("record_outcome", "pending", chosen="pending")
    assert refused.value.code == "invalid_target"


def test_an_unprefixed_tables_forms_read_their_fields_by_name():
    form = APPEALS.form("record_outcome", None, {"outcome": "upheld", "closed_on": "2026-05-08"})
    assert form.prefix is None and form.is_valid()


def test_a_prefixed_tables_forms_read_their_fields_under_the_actions_name():
    form = APPLICATIONS.form("return_draft", None, {"return_draft-note": "请补充理由"})
    assert form.prefix == "return_draft" and form.is_valid()
