"""What else states a reply's 不予公开的部分及理由 besides the words the clerk types.

Apps that build on this one register here (the redaction app: the boxes on the released files,
each with its ground, which the 答复书 lists). Asked by application_draft_decision (Art 37:
a reply that withholds anything says what and why)."""

from collections.abc import Callable

# Each: application → whether it states, for that case, what is withheld and on which ground.
STATED_BY: list[Callable] = []


def register(source: Callable) -> None:
    if source not in STATED_BY:
        STATED_BY.append(source)


def withheld_stated(application) -> bool:
    return any(source(application) for source in STATED_BY)
