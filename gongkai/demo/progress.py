"""How the demo loaders tell what they are doing, without knowing where it goes.

`gongkai demo` passes a `Reporter` that writes notes to its stdout (with `--verbosity 2`) and
shows progress bars on its stderr; loaders called directly (tests, a shell) stay silent."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any


def _no_note(text: str) -> None:
    return None


def _no_bar(iterable: Iterable, *, desc: str, total: int | None = None) -> Iterable:
    return iterable


@dataclass(frozen=True)
class Reporter:
    """`note(text)` says one line; `steps(iterable, desc=…, total=…)` wraps a long loop and
    yields the same items in the same order (so the demo's random draws do not change)."""

    note: Callable[[str], Any] = _no_note
    steps: Callable[..., Iterable] = _no_bar


SILENT = Reporter()
