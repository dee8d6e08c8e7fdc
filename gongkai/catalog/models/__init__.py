from .items import Attachment, Category, Item, NormativeRecord
from .publishing import CatalogSettings, ChannelRecord, GuideVersion, IndexSequence
from .reviews import ImportBatch, ItemReview

__all__ = [
    "Attachment",
    "CatalogSettings",
    "Category",
    "ChannelRecord",
    "GuideVersion",
    "ImportBatch",
    "IndexSequence",
    "Item",
    "ItemReview",
    "NormativeRecord",
]
