"""Time blocks: lexemes that let the PostgreSQL GIN index answer "which matches were published
in this period" without reading the others.

Every document carries one lexeme per level naming the aligned block of publication time it
falls in (`@22x421`: seconds >> 22 == 421, a block of 2**22 s ≈ 48.5 days). A query ANDs its
terms with an OR of the blocks that tile a period, so GIN's work and the rows read from the
table are proportional to the matches in that period, not to all matches. PostgreSQL reads
the newest period first and widens only while the relevance window is not yet filled (see
postgres.py). Levels grow by a factor of 4 from 2**16 s (≈ 18 hours) to 2**26 s (≈ 2.1 years),
so any period on the 2**16 s grid is a union of a few dozen blocks at most, and a period
rounded out to a coarser boundary (coarse_level) of a handful.

The lexemes start with "@", which never occurs in an index term (tokens.py: letters, digits
and CJK only) nor in a filter lexeme ("#...").
"""

import datetime

from .base import DOC_ID_BITS

LEVELS = (16, 18, 20, 22, 24, 26)
GRID = 1 << LEVELS[0]  # seconds: every period starts and ends on this grid
# A year filter becomes the period of that calendar year in any time zone (UTC-12 ... UTC+14),
# so it holds whichever zone the caller used to compute the year; the year lexeme itself is
# still checked, which keeps the answer exact.
ZONE_SLACK = datetime.timedelta(hours=14)
# Carried by a document whose year filter value is not its publication year in any zone (the
# catalogue never does that, but the interface allows it): searches read those separately.
YEAR_ELSEWHERE = "@yearelsewhere"


def seconds_of(key: int) -> int:
    """Publication time (Unix seconds) of a sort key (backends.base.sort_key)."""
    return key >> DOC_ID_BITS


def key_at(seconds: int) -> int:
    """The smallest sort key published at `seconds`: keys below it are older."""
    return max(0, seconds) << DOC_ID_BITS


def block_lexeme(level: int, index: int) -> str:
    return f"@{level}x{index}"


def block_lexemes(seconds: int) -> list[str]:
    """The blocks a document published at `seconds` belongs to, one per level."""
    return [block_lexeme(level, seconds >> level) for level in LEVELS]


def grid_floor(seconds: int) -> int:
    return seconds - seconds % GRID


def grid_ceil(seconds: int) -> int:
    return -grid_floor(-seconds)


def coarse_level(span: float) -> int:
    """The largest level whose blocks are at most an eighth of `span` seconds: a period
    rounded out to it grows by at most a quarter and is tiled by fewer, larger blocks."""
    fitting = [level for level in LEVELS if (1 << level) * 8 <= span]
    return fitting[-1] if fitting else LEVELS[0]


def align_down(seconds: int, level: int) -> int:
    return seconds - seconds % (1 << level)


def align_up(seconds: int, level: int) -> int:
    return -align_down(-seconds, level)


def cover(start: int, end: int) -> list[str]:
    """The fewest aligned blocks whose union is [start, end); both on the GRID."""
    if start % GRID or end % GRID:
        raise ValueError(f"period not on the {GRID}-second grid: {start}..{end}")
    blocks = []
    while start < end:
        # The largest block that starts at `start` (aligned) and ends by `end`.
        for level in reversed(LEVELS):
            size = 1 << level
            if start % size == 0 and start + size <= end:
                blocks.append(block_lexeme(level, start >> level))
                start += size
                break
    return blocks


def year_period(years: list[str]) -> tuple[int, int] | None:
    """[start, end) in seconds, on the GRID, holding every document whose publication year is
    one of `years` in any time zone; None if a value is not a year."""
    try:
        numbers = [int(year) for year in years]
    except ValueError:
        return None
    if not numbers or not all(1 <= n < 9999 for n in numbers):
        return None
    utc = datetime.UTC
    first = datetime.datetime(min(numbers), 1, 1, tzinfo=utc) - ZONE_SLACK
    last = datetime.datetime(max(numbers) + 1, 1, 1, tzinfo=utc) + ZONE_SLACK
    # Sort keys clamp times before 1970 to 0 (base.sort_key), so periods are clamped alike.
    start = max(0, grid_floor(int(first.timestamp())))
    return start, max(start + GRID, grid_ceil(int(last.timestamp())))


def year_is_consistent(key: int, year: str) -> bool:
    """Whether `year` is the calendar year, in some time zone, of the publication time in the
    sort key `key`: the assumption under which a year filter may be read as a period."""
    period = year_period([year])
    return period is not None and period[0] <= seconds_of(key) < period[1]
