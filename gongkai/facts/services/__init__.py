"""Every write to the yearly facts. Each is one atomic service: permission, agency lock, the
year-lock check, save, audit."""

from ..selectors import is_locked
from .figures import figure_delete, figure_save, figures_save
from .importer import ImportFailed, figures_import
from .locks import year_lock, year_unlock
from .records import record_create, record_delete, record_update

__all__ = [
    "ImportFailed",
    "figure_delete",
    "figure_save",
    "figures_import",
    "figures_save",
    "is_locked",
    "record_create",
    "record_delete",
    "record_update",
    "year_lock",
    "year_unlock",
]
