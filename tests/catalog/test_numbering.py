"""索引号: made by each agency's own scheme (CatalogSettings), never reused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from gongkai.agencies.models import Agency
from gongkai.catalog import services as s
from gongkai.catalog.models import CatalogSettings, Category, IndexSequence, Item
from gongkai.catalog.models.publishing import validate_index_pattern
from gongkai.core.errors import DomainError
from tests.catalog.fixtures import draft

pytestmark = pytest.mark.django_db


def category(code):
    return Category.objects.get(agency=None, code=code)


def number(actor, agency, year=2026, code="F03"):
    categories = [category(code)] if code else []
    return draft(actor, agency, created_on=dt.date(year, 3, 2), categories=categories).index_number


def scheme(agency, pattern, prefix="GXW"):
    return CatalogSettings.objects.create(agency=agency, index_prefix=prefix, index_pattern=pattern)


def test_without_a_category_placeholder_the_serial_runs_per_year(clerk_a, dept_a):
    scheme(dept_a, "{prefix}-{year}-{serial:04d}")
    assert [
        number(clerk_a, dept_a, 2026, "F03"),
        number(clerk_a, dept_a, 2026, "F07"),
        number(clerk_a, dept_a, 2026, None),
        number(clerk_a, dept_a, 2025, "F03"),
        number(clerk_a, dept_a, 2026, "F03"),
    ] == ["GXW-2026-0001", "GXW-2026-0002", "GXW-2026-0003", "GXW-2025-0001", "GXW-2026-0004"]
    assert set(IndexSequence.objects.filter(agency=dept_a).values_list("scope", "last")) == {
        ("2026", 4),
        ("2025", 1),
    }


def test_with_a_category_placeholder_the_serial_runs_per_year_and_category(clerk_a, dept_a):
    scheme(dept_a, "{prefix}/{category}-{year}-{serial:03d}")
    assert [
        number(clerk_a, dept_a, 2026, "F03"),
        number(clerk_a, dept_a, 2026, "F07"),
        number(clerk_a, dept_a, 2026, "F03"),
        number(clerk_a, dept_a, 2025, "F03"),
        number(clerk_a, dept_a, 2026, None),
    ] == [
        "GXW/F03-2026-001",
        "GXW/F07-2026-001",
        "GXW/F03-2026-002",
        "GXW/F03-2025-001",
        "GXW/000-2026-001",
    ]


def test_the_first_category_chosen_gives_the_code(clerk_a, dept_a):
    scheme(dept_a, "{prefix}/{category}-{year}-{serial:03d}")
    item = draft(clerk_a, dept_a, categories=[category("G06"), category("F03")])
    assert item.index_number == "GXW/G06-2026-001"


def test_without_settings_the_default_scheme_and_the_credit_code_are_used(clerk_a, dept_a):
    assert dept_a.credit_code
    assert not CatalogSettings.objects.filter(agency=dept_a).exists()
    assert number(clerk_a, dept_a) == f"{dept_a.credit_code}/F03-2026-00001"


def test_a_blank_prefix_falls_back_to_the_credit_code(clerk_a, dept_a):
    scheme(dept_a, "{prefix}-{year}-{serial:04d}", prefix="")
    assert number(clerk_a, dept_a) == f"{dept_a.credit_code}-2026-0001"


def test_without_a_credit_code_the_agency_code_is_the_prefix(clerk_a, dept_a):
    Agency.objects.filter(pk=dept_a.pk).update(credit_code="")
    dept_a.refresh_from_db()
    scheme(dept_a, "{prefix}-{year}-{serial:04d}", prefix="")
    assert number(clerk_a, dept_a) == "dept-a-2026-0001"


def test_each_agency_has_its_own_sequence(clerk_a, clerk_b, dept_a, dept_b):
    scheme(dept_a, "{prefix}-{year}-{serial:04d}", prefix="JIA")
    scheme(dept_b, "{prefix}-{year}-{serial:04d}", prefix="YI")
    assert number(clerk_a, dept_a) == "JIA-2026-0001"
    assert number(clerk_b, dept_b) == "YI-2026-0001"
    assert number(clerk_a, dept_a) == "JIA-2026-0002"


def test_a_number_taken_by_an_import_is_skipped(clerk_a, dept_a):
    scheme(dept_a, "{prefix}-{year}-{serial:04d}")
    rows = [
        {"index_number": "GXW-2026-0001", "title": "导入的旧目录一", "created_on": "2026-01-05"},
        {"index_number": "GXW-2026-0002", "title": "导入的旧目录二", "created_on": "2026-01-06"},
        {"index_number": "GXW-2026-0004", "title": "导入的旧目录四", "created_on": "2026-01-08"},
    ]
    s.catalog_import(actor=clerk_a, agency=dept_a, rows=rows, source_name="old.csv")
    assert number(clerk_a, dept_a) == "GXW-2026-0003"
    assert number(clerk_a, dept_a) == "GXW-2026-0005"
    assert Item.objects.filter(agency=dept_a).count() == 5


def test_a_pattern_without_a_year_still_never_repeats_a_number(clerk_a, dept_a):
    scheme(dept_a, "{prefix}-{serial:06d}")
    assert number(clerk_a, dept_a, 2025) == "GXW-000001"
    assert number(clerk_a, dept_a, 2026) == "GXW-000002"
    assert number(clerk_a, dept_a, 2025) == "GXW-000003"


def test_a_number_longer_than_the_field_is_refused(clerk_a, dept_a):
    scheme(dept_a, "{prefix}/{prefix}/{category}-{year}-{serial:05d}", prefix="X" * 40)
    with pytest.raises(DomainError) as caught:
        draft(clerk_a, dept_a)
    assert caught.value.code == "index_too_long"
    assert not Item.objects.exists()


# The pattern validator ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    [
        "{prefix}/{category}-{year}-{serial:05d}",
        "{prefix}-{year}-{serial:04d}",
        "{serial}",
        "{prefix}〔{year}〕{serial:3d}号",
    ],
)
def test_valid_patterns_are_accepted(pattern):
    validate_index_pattern(pattern)
    CatalogSettings(agency=Agency(), index_pattern=pattern).clean_fields(exclude=["agency"])


@pytest.mark.parametrize(
    ("pattern", "says"),
    [
        ("{prefix}-{year}", "{serial}"),
        ("{prefix}-{year}-{month}-{serial:04d}", "month"),
        ("{prefix}-{year}-{serial:04d}-{dept}", "dept"),
        ("{prefix-{year}-{serial:04d}", "花括号"),
        ("{prefix}}-{year}-{serial:04d}", "花括号"),
        ("{prefix}-{year}-{serial:04d}{", "花括号"),
    ],
)
def test_invalid_patterns_are_refused_with_the_reason(pattern, says):
    with pytest.raises(ValidationError) as caught:
        validate_index_pattern(pattern)
    assert says in caught.value.messages[0]
    with pytest.raises(ValidationError):
        CatalogSettings(agency=Agency(), index_pattern=pattern).clean_fields(exclude=["agency"])


@pytest.mark.parametrize("pattern", ["{prefix:05d}-{serial}", "{category:03d}-{serial}"])
def test_a_number_format_on_a_text_placeholder_is_refused(pattern):
    with pytest.raises(ValidationError):
        validate_index_pattern(pattern)
