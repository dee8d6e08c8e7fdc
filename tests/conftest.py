import pytest

from gongkai.accounts import sms


@pytest.fixture(autouse=True)
def _clear_sms_outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


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
]
