from .items import Attachment, Category, Item, ItemEvent, NormativeRecord
from .publishing import CatalogSettings, ChannelRecord, GuideVersion, IndexSequence

__all__ = [
    "Attachment",
    "CatalogSettings",
    "Category",
    "ChannelRecord",
    "GuideVersion",
    "IndexSequence",
    "Item",
    "ItemEvent",
    "NormativeRecord",
]
