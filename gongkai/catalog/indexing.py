"""What search indexes for a catalogue item, and keeping the index in step with publication.

Only published 主动公开 items are in the index: a withdrawal removes the item in the same
transaction, so it vanishes from search at once while its record stays.
"""

from django.db.models import Prefetch
from django.utils import timezone

from gongkai.search.backends import IndexDoc, get_backend
from gongkai.search.sources import ModelSource

from .models import Attachment, Item
from .states import ItemStatus
from .text import plain_text

FACETS = ("agency", "owner", "category", "year", "validity")


def index_doc(item: Item) -> IndexDoc:
    # Never an original's text (the database keeps none for it, and it is left out here too).
    attachments = " ".join(a.text for a in item.attachments.all() if a.text and not a.is_original)
    body = " \n ".join(
        part for part in (item.doc_number, item.summary, plain_text(item.body), attachments) if part
    )
    return IndexDoc(
        doc_id=item.pk,
        published=item.published_at,
        title=item.title,
        body=body,
        facets={
            # Every ancestor too, so a city's search covers its departments' items.
            "agency": [str(pk) for pk in item.agency.path.strip("/").split("/")],
            "owner": [str(item.agency_id)],
            "category": [str(c.pk) for c in item.categories.all()],
            # The year in China time, as the portal and the annual report count it.
            "year": [str(timezone.localtime(item.published_at).year)],
            "validity": [item.validity],
        },
    )


def searchable(queryset):
    return (
        queryset.filter(status=ItemStatus.PUBLISHED, disclosure=Item.Disclosure.ACTIVE)
        .select_related("agency")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.public()), "categories"
        )
    )


class CatalogSource(ModelSource):
    """The catalogue as `gongkai search reindex` reads it (registered in CatalogConfig.ready)."""

    name = "catalog"

    def records(self):
        return searchable(Item.objects.all()).order_by("pk")

    def document(self, record: Item) -> IndexDoc:
        return index_doc(record)

    def empty_message(self) -> str:
        # Items exist but none is published and active: most likely not what was meant.
        return "没有已发布的主动公开条目可以索引。" if Item.objects.exists() else ""


def reindex_item(item: Item) -> None:
    """Bring the index in line with the item's current state (call after any change)."""
    backend = get_backend()
    if item.status == ItemStatus.PUBLISHED and item.disclosure == Item.Disclosure.ACTIVE:
        fresh = searchable(Item.objects.filter(pk=item.pk)).first()
        backend.index([index_doc(fresh)])
    else:
        backend.remove([item.pk])
