"""RSS 2.0 and Atom feeds per agency (and per category), and the sitemap. Withdrawn items are
not published items, so they leave both at once."""

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.agencies.models import Agency
from gongkai.core.params import id_param

from .selectors import categories_for, public_items

FEED_SIZE = 50


class AgencyFeed(Feed):
    def get_object(self, request, code: str):
        agency = get_object_or_404(Agency, code=code, is_active=True)
        category = None
        category_id = id_param(request.GET, "category", label="分类")
        if category_id is not None:
            category = categories_for(agency).filter(pk=category_id).first()
        return agency, category

    def title(self, obj):
        agency, category = obj
        return f"{agency.name}政府信息公开" + (f" · {category.name}" if category else "")

    def link(self, obj):
        return reverse("catalog:column", args=[obj[0].code])

    def description(self, obj):
        return f"{obj[0].name}主动公开的政府信息"

    def items(self, obj):
        agency, category = obj
        items = public_items().filter(agency=agency)
        if category is not None:
            items = items.filter(categories=category)
        return items.select_related("agency").order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.doc_number or item.title

    def item_link(self, item):
        return reverse("catalog:item", args=[item.agency.code, item.public_id])

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return item.index_number

    item_guid_is_permalink = False


class AgencyAtomFeed(AgencyFeed):
    feed_type = Atom1Feed
    subtitle = AgencyFeed.description


class ItemSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return public_items().select_related("agency").order_by("pk")

    def location(self, item):
        return reverse("catalog:item", args=[item.agency.code, item.public_id])

    def lastmod(self, item):
        return item.updated_at


class ColumnSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Agency.objects.filter(is_active=True).order_by("pk")

    def location(self, agency):
        return reverse("catalog:column", args=[agency.code])


SITEMAPS = {"columns": ColumnSitemap, "items": ItemSitemap}
