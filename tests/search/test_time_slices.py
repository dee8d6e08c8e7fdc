"""Time blocks tile any period exactly, and a year filter's period holds that year in every
time zone (the catalogue computes it in one zone, the portal shows another)."""

import datetime
import itertools

from hypothesis import given
from hypothesis import strategies as st

from gongkai.search.backends.base import sort_key
from gongkai.search.backends.time_slices import (
    GRID,
    LEVELS,
    block_lexemes,
    cover,
    year_is_consistent,
    year_period,
)

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))
UTC = datetime.UTC


def _span(block: str) -> tuple[int, int]:
    level, index = (int(part) for part in block[1:].split("x"))
    return index << level, (index + 1) << level


@given(st.integers(0, 1 << 20), st.integers(1, 20_000))
def test_cover_tiles_the_period_exactly(first_cell, cells):
    start, end = first_cell * GRID, (first_cell + cells) * GRID
    blocks = cover(start, end)
    spans = sorted(_span(block) for block in blocks)
    assert spans[0][0] == start and spans[-1][1] == end
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    # At most three blocks of each smaller size at either end, and the largest in between.
    assert len(blocks) <= 3 * 2 * (len(LEVELS) - 1) + (end - start) // (1 << LEVELS[-1])
    # A moment inside the period is in exactly one of the blocks, one outside in none.
    outside = [end] + ([start - 1] if start else [])
    for moment in (start, end - 1, *outside):
        assert len(set(block_lexemes(moment)) & set(blocks)) == (moment not in outside)


def test_a_year_period_holds_the_year_in_utc_and_in_china():
    start, end = year_period(["2017"])
    for moment in (
        datetime.datetime(2017, 1, 1, tzinfo=SHANGHAI),
        datetime.datetime(2017, 1, 1, tzinfo=UTC),
        datetime.datetime(2017, 12, 31, 23, 59, 59, tzinfo=SHANGHAI),
        datetime.datetime(2017, 12, 31, 23, 59, 59, tzinfo=UTC),
    ):
        assert start <= moment.timestamp() < end
    assert year_period(["2016", "2018"])[0] < start and year_period(["2018"])[1] > end
    assert year_period(["abc"]) is None and year_period([]) is None


def test_a_year_value_is_consistent_only_near_its_year():
    def key(*moment, tz=UTC):
        return sort_key(datetime.datetime(*moment, tzinfo=tz), 1)

    assert year_is_consistent(key(2017, 12, 31, 20, 0), "2018")  # 2018 in China already
    assert year_is_consistent(key(2018, 1, 1, 0, 30, tz=SHANGHAI), "2017")  # 2017 in UTC
    assert not year_is_consistent(key(2017, 6, 1), "2018")
    assert not year_is_consistent(key(2017, 6, 1), "n/a")
    assert year_is_consistent(key(1960, 6, 1), "1960")  # sort keys clamp to 1970
