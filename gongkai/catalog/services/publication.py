"""The publication period of a 主动公开 item (2019 Regulation Art. 26, 2008 Regulation Art. 18):
one open `deadlines.Deadline` while the item is not yet out, counted from its 生成日期 under the
regime of that date, recomputed with the other deadlines when a holiday year changes."""

from gongkai.core.errors import DomainError
from gongkai.deadlines.models import Deadline
from gongkai.deadlines.selectors import deadlines_of
from gongkai.deadlines.services import deadline_close, deadline_open, deadline_update
from gongkai.regimes import Regime, regime_for

from ..models import Item
from ..states import UNPUBLISHED

KIND = Deadline.Kind.PUBLICATION


def publication_regime(item: Item) -> Regime | None:
    """The regime whose publication period runs for `item` now, or None: published, withdrawn,
    not 主动公开, migrated from a system that published it already (it waits for its review
    here, not for its publication), or drafted before the Regulation was in force."""
    if item.disclosure != Item.Disclosure.ACTIVE or item.status not in UNPUBLISHED:
        return None
    if item.migrated.get("published_on"):
        return None
    try:
        return regime_for(item.created_on)
    except DomainError:  # before the 2008 Regulation: no statutory period
        return None


def publication_deadline_sync(item: Item, *, actor, note: str) -> Deadline | None:
    """Bring the item's publication deadline in line with the item: open it, move it to a new
    生成日期, or close it (published, no longer 主动公开). Every change is audited by the
    deadlines service. Called inside the item service's transaction, after its save."""
    regime = publication_regime(item)
    current = deadlines_of(subject=item).filter(kind=KIND).first()
    if current is not None and (regime is None or current.regime != regime.code):
        # A 生成日期 moved across 2019-05-15 changes the rule itself: a new period begins.
        deadline_close(actor=actor, deadline=current, note=note)
        current = None
    if regime is None:
        return None
    if current is None:
        return deadline_open(
            actor=actor,
            agency=item.agency,
            subject=item,
            kind=KIND,
            start=item.created_on,
            regime=regime.code,
        )
    if current.start != item.created_on:
        return deadline_update(actor=actor, deadline=current, note=note, start=item.created_on)
    return current
