"""The transition table: every action from every status it does not allow is refused."""

import pytest

from gongkai.applications.states import TERMINAL, TRANSITIONS, WORKFLOW, Status
from gongkai.core.errors import InvalidTransition

INVALID = [
    (action, status)
    for action, transition in TRANSITIONS.items()
    for status in Status.values
    if status not in transition.sources
]


@pytest.mark.parametrize(("action", "status"), INVALID)
def test_invalid_transition_is_refused(action, status):
    with pytest.raises(InvalidTransition) as info:
        WORKFLOW.target(action, status)
    assert "不能" in info.value.message


def test_terminal_statuses_allow_nothing():
    for status in TERMINAL:
        assert WORKFLOW.actions_from(status) == []


def test_unknown_action_is_refused():
    with pytest.raises(InvalidTransition):
        WORKFLOW.target("teleport", Status.RECEIVED)


def test_extension_keeps_the_status():
    """None: the status stays."""
    assert WORKFLOW.target("decide_extension", Status.CONSULTING) is None


def test_every_status_is_reachable():
    targets = {t.target for t in TRANSITIONS.values() if t.target}
    assert set(Status.values) <= targets
