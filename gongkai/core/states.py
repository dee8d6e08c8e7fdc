"""What every workflow's transition table is made of (each app keeps its own table in its
states.py: the statuses, the actions, and the words of its refusals)."""

from dataclasses import dataclass

from .errors import InvalidTransition


@dataclass(frozen=True)
class Transition:
    """An action: the statuses it may start from, the status it leads to (None: the status
    stays, e.g. an edit), and its label as shown to staff."""

    sources: frozenset
    target: str | None
    label: str

    def target_from(self, status: str, *, refusal: str, code: str = "invalid_transition") -> str:
        """The status after this action from `status`, or InvalidTransition(refusal)."""
        if status not in self.sources:
            raise InvalidTransition(refusal, code=code)
        return self.target or status
