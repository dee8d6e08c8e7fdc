"""Every write to the power lists. Each is one atomic, permission-checked service that appends a
version and an audit row."""

from .importer import COLUMNS, ImportFailed, RowError, powerlist_import, read_rows
from .items import power_item_add, power_item_change, power_item_relist, power_item_remove

__all__ = [
    "COLUMNS",
    "ImportFailed",
    "RowError",
    "power_item_add",
    "power_item_change",
    "power_item_relist",
    "power_item_remove",
    "powerlist_import",
    "read_rows",
]
