"""Every write to the catalogue. Each is one atomic service: lock, check the transition table
and the permission, save, record the event, audit, and keep search in step."""

from .batches import batch_approve, batch_return, batch_submit
from .guide import catalog_settings_save, category_save, guide_save
from .importer import ImportFailed, catalog_import
from .items import (
    attachment_add,
    attachment_open,
    attachment_remove,
    attachment_strip_metadata,
    item_create,
    item_update,
)
from .register import channel_record, channel_remove, item_set_validity, normative_register
from .release import (
    item_approve,
    item_publish,
    item_return,
    item_schedule,
    item_submit,
    item_withdraw,
    publish_due,
)

__all__ = [
    "ImportFailed",
    "attachment_add",
    "attachment_open",
    "attachment_remove",
    "attachment_strip_metadata",
    "batch_approve",
    "batch_return",
    "batch_submit",
    "catalog_import",
    "catalog_settings_save",
    "category_save",
    "channel_record",
    "channel_remove",
    "guide_save",
    "item_approve",
    "item_create",
    "item_publish",
    "item_return",
    "item_schedule",
    "item_set_validity",
    "item_submit",
    "item_update",
    "item_withdraw",
    "normative_register",
    "publish_due",
]
