"""The transition table: every action from every status it does not allow is refused."""

import pytest

from gongkai.applications.states import TERMINAL, TRANSITIONS, Status, allowed_actions, target_of
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
        target_of(action, status)
    assert "不能" in info.value.message


def test_terminal_statuses_allow_nothing():
    for status in TERMINAL:
        assert allowed_actions(status) == []


def test_unknown_action_is_refused():
    with pytest.raises(InvalidTransition):
        target_of("teleport", Status.RECEIVED)


def test_extension_keeps_the_status():
    assert target_of("decide_extension", Status.CONSULTING) == Status.CONSULTING


def test_every_status_is_reachable():
    targets = {t.target for t in TRANSITIONS.values() if t.target}
    assert set(Status.values) - {Status.SUBMITTED} <= targets
