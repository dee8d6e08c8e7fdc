from .items import Attachment, Category, Item, NormativeRecord
from .publishing import CatalogSettings, ChannelRecord, GuideVersion, IndexSequence

__all__ = [
    "Attachment",
    "CatalogSettings",
    "Category",
    "ChannelRecord",
    "GuideVersion",
    "IndexSequence",
    "Item",
    "NormativeRecord",
]
