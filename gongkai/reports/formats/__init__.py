"""The registry of annual-report formats: one module per format, looked up by id or by year."""

from gongkai.core.errors import DomainError

from . import fj2008, gb2008, gb2019, gb2021
from .base import Format

FORMATS: dict[str, Format] = {
    f.id: f for f in (gb2008.FORMAT, gb2019.FORMAT, gb2021.FORMAT, fj2008.FORMAT)
}
OFFICIAL = {key: f for key, f in FORMATS.items() if f.official}
ALIASES = {alias: f.id for f in FORMATS.values() for alias in f.aliases}


class UnknownFormat(DomainError):
    code = "unknown_format"


def get_format(format_id: str) -> Format:
    key = ALIASES.get(str(format_id), str(format_id))
    try:
        return FORMATS[key]
    except KeyError:
        raise UnknownFormat(f"未知的年报格式“{format_id}”，可选：{'、'.join(FORMATS)}。") from None


def format_for_year(year: int) -> Format:
    """The format the official notices prescribe for the report on `year`."""
    for fmt in OFFICIAL.values():
        if fmt.applies_to(year):
            return fmt
    raise UnknownFormat(f"{year}年度没有适用的年报格式。")
