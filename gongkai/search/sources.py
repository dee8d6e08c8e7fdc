"""What goes into the index: a registry of sources, so search depends on no app that it indexes.

An app that wants its records searchable defines a `SearchSource` and registers one instance
from its `AppConfig.ready()`. `gongkai search reindex` rebuilds the index from every
registered source; the app itself keeps the index in step as its records change (it calls
`get_backend().index()` / `.remove()` in the transaction that publishes or withdraws).
Dependencies then point one way: the app imports search, never the reverse.
"""

from collections.abc import Iterator

from .backends import IndexDoc


class SearchSource:
    """One kind of record in the index. Subclass and implement `count` and `documents`."""

    name = ""  # unique among the sources, e.g. "catalog"

    def count(self) -> int:
        """How many documents `documents()` will yield (for the progress bar)."""
        raise NotImplementedError

    def documents(self, *, chunk_size: int) -> Iterator[IndexDoc]:
        """Every document the index should hold for this source, read in chunks."""
        raise NotImplementedError

    def empty_message(self) -> str:
        """Why finding nothing at all to index is an error (the source holds records, but none
        that belongs in the index), or "" when an empty index is simply right."""
        return ""


class ModelSource(SearchSource):
    """A source read from one queryset: implement `records` and `document`."""

    def records(self):
        """The queryset of every record the index should hold, in a stable order."""
        raise NotImplementedError

    def document(self, record) -> IndexDoc:
        raise NotImplementedError

    def count(self) -> int:
        return self.records().count()

    def documents(self, *, chunk_size: int) -> Iterator[IndexDoc]:
        for record in self.records().iterator(chunk_size=chunk_size):
            yield self.document(record)


_sources: dict[str, SearchSource] = {}


def register(source: SearchSource) -> SearchSource:
    """Add a source; registering the same kind of source again (ready() run twice) is a no-op."""
    if not source.name:
        raise ValueError(f"{type(source).__name__} has no name")
    known = _sources.get(source.name)
    if known is not None and type(known) is not type(source):
        raise ValueError(f"Two search sources named {source.name!r}: {known!r} and {source!r}")
    _sources.setdefault(source.name, source)
    return source


def registered() -> tuple[SearchSource, ...]:
    """The sources in the order they registered (the order of INSTALLED_APPS)."""
    return tuple(_sources.values())
