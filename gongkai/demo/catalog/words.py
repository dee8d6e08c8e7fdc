"""Filling a catalogue template's `{placeholders}` with the agency's words, drawn at random."""

import datetime as dt

from ..data.catalog_words import (
    BRANDS,
    COUNTIES,
    GIVEN,
    INDUSTRY,
    PLACE,
    SCHOOLS,
    SURNAMES,
    TOWNS,
)


def company(rng) -> str:
    county = rng.choice(COUNTIES)
    place = PLACE.get(county, "商丘")
    product = INDUSTRY[county][1]
    if rng.random() < 0.25:
        return f"河南{rng.choice(BRANDS)}{product}股份有限公司"
    return f"{place}{rng.choice(BRANDS)}{product}有限公司"


def cluster(rng) -> str:
    county = rng.choice(COUNTIES)
    return f"{county}{INDUSTRY[county][0]}"


def person(rng) -> str:
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2)))


def long_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# Placeholders every agency may use, besides its profile's own `words`.
COMMON = {
    "county": COUNTIES,
    "company": company,
    "cluster": cluster,
    "town": TOWNS,
    "school": SCHOOLS,
    "n": lambda rng: str(rng.randint(3, 28)),
    "person": person,
    "q": ["一", "二", "三", "四"],
}


class Words(dict):
    """`template.format_map(words)`: fixed values, otherwise a random choice from the lists,
    itself filled in (so a word may contain placeholders)."""

    def __init__(self, rng, lists, **fixed):
        super().__init__(fixed)
        self.rng = rng
        self.lists = {**COMMON, **lists}

    def __missing__(self, key):
        options = self.lists[key]
        value = options(self.rng) if callable(options) else self.rng.choice(options)
        return self.fill(value)

    def fill(self, template: str) -> str:
        return template.format_map(self) if "{" in template else template
