import pytest
from django.core.cache import cache

from gongkai.accounts import sms


@pytest.fixture(autouse=True)
def _clear_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with no request counted against the API's rate limits (their counts
    live in the default cache, which outlives a test)."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _chinese_ui(settings):
    settings.LANGUAGE_CODE = "zh-hans"


@pytest.fixture
def sms_outbox():
    return sms.outbox


pytest_plugins = [
    "tests.contract",
    "tests.agencies.fixtures",
    "tests.workdays.fixtures",
    "tests.applications.fixtures",
    "tests.catalog.fixtures",
    "tests.engagement.fixtures",
    "tests.powerlists.fixtures",
    "tests.appeals.fixtures",
    "tests.facts.fixtures",
    "tests.reports.fixtures",
    "tests.apitokens.fixtures",
]
