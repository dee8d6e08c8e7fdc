"""Items as plain data: the API, the JSON export and (later) reports use the same shape."""

from django.urls import reverse
from django.utils import timezone

from . import selectors as sel
from .models import Item


def item_summary(item: Item, request) -> dict:
    return {
        "id": str(item.public_id),
        "index_number": item.index_number,
        "title": item.title,
        "doc_number": item.doc_number,
        "agency": {"code": item.agency.code, "name": item.agency.name},
        "created_on": item.created_on.isoformat(),
        "published_at": timezone.localtime(item.published_at).isoformat()
        if item.published_at
        else None,
        "summary": item.summary,
        "validity": item.validity,
        "url": request.build_absolute_uri(
            reverse("catalog:item", args=[item.agency.code, item.public_id])
        ),
    }


def item_detail(item: Item, request) -> dict:
    data = item_summary(item, request)
    data.update(
        body=item.body,
        issuer=item.issuer.name,
        co_issuers=item.co_issuers,
        categories=[
            {"id": c.pk, "facet": c.facet, "code": c.code, "name": c.name}
            for c in item.categories.all()
        ],
        attachments=[
            {
                "title": a.title,
                "size": a.size,
                "content_type": a.content_type,
                "url": request.build_absolute_uri(
                    reverse("catalog:attachment", args=[item.agency.code, item.public_id, a.pk])
                ),
            }
            for a in item.attachments.public()
        ],
        channels=[
            {"channel": c.channel, "published_on": c.published_on.isoformat(), "url": c.url}
            for c in item.channels.all()
        ],
        # Only what the public may see: a policy not (or no longer) published is not named.
        interprets=(
            item.interprets.index_number
            if item.interprets is not None and item.interprets.is_public
            else None
        ),
        interpretations=[i.index_number for i in sel.public_items().filter(interprets=item)],
    )
    return data
