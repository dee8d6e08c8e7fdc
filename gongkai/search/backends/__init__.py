"""The search backend for the current database, or the one named in GONGKAI_SEARCH_BACKEND."""

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from .base import IndexDoc, SearchBackend, SearchPage, SearchQuery

BY_VENDOR = {
    "sqlite": "gongkai.search.backends.sqlite.SQLiteFTS5Backend",
    "postgresql": "gongkai.search.backends.postgres.PostgresBackend",
}

__all__ = ["IndexDoc", "SearchBackend", "SearchPage", "SearchQuery", "get_backend"]


def get_backend() -> SearchBackend:
    path = getattr(settings, "GONGKAI_SEARCH_BACKEND", "") or BY_VENDOR.get(connection.vendor)
    if path is None:
        raise RuntimeError(f"No search backend for the {connection.vendor} database")
    return import_string(path)()
