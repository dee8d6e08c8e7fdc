"""The year an item is filed under in search is its year in China time, as the portal's
catalogue and the annual report count it."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.catalog.indexing import index_doc
from gongkai.catalog.models import Item
from tests.catalog.fixtures import published

pytestmark = pytest.mark.django_db


def test_an_item_published_early_on_new_years_day_is_filed_under_the_new_year(
    clerk_a, catalog_reviewer_a, dept_a
):
    new_year = dt.datetime(2026, 1, 1, 7, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # 2025 in UTC
    with time_machine.travel(new_year, tick=False):
        item = published(clerk_a, catalog_reviewer_a, dept_a, created_on=dt.date(2025, 12, 30))
    item = Item.objects.get(pk=item.pk)  # as read back from the database (UTC)
    assert item.published_at.astimezone(dt.UTC).year == 2025
    assert index_doc(item).facets["year"] == ["2026"]
