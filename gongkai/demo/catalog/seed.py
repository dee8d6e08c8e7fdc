"""The seed agency's 2017 catalogue: 395 items, each on exactly one channel, in the numbers of
its annual report; and the city's 2017 policy that the seed's 图解 interprets."""

from ..data.catalog import SEED_CHANNELS, SEED_TOTAL, SEED_YEAR
from ..data.catalog_gxw import GXW
from ..data.catalog_seed import (
    CITY_POLICY_2017,
    SEED_EXPO_NEWS,
    SEED_FIXED,
    SEED_STATS_CODES,
    SEED_STATS_MONTHLY,
    SEED_STATS_PREVIOUS_YEAR,
    SEED_STATS_SUMMARY,
)
from .bodies import paragraphs
from .book import Book

# Keys of a fixed item that are not import fields.
_SPEC_KEYS = {"key", "title", "on", "codes", "kind", "channel", "body", "interprets"}


def _fixed(book: Book, spec: dict, targets: dict) -> dict:
    """Add one item of `SEED_FIXED`: its day first, then the office phone of its body (if any),
    then the item, so the random draws come in the order the items are listed."""
    day = book.on(SEED_YEAR, *spec["on"])
    extra = {k: v for k, v in spec.items() if k not in _SPEC_KEYS}
    if "interprets" in spec:
        extra = {"_target": targets[spec["interprets"]], **extra}
    if "body" in spec:
        extra["body"] = paragraphs(
            *(
                text.replace("{phone}", book.body.phone()) if "{phone}" in text else text
                for text in spec["body"]
            )
        )
    entry = book.add(spec["title"], day, spec["codes"], body_kind=spec.get("kind"), **extra)
    entry["_fixed"] = spec.get("channel")
    if "key" in spec:
        targets[spec["key"]] = entry
    return entry


def seed_2017(book: Book, city_policy: dict) -> None:
    rng, year = book.rng, SEED_YEAR
    targets = {"city_policy": city_policy}
    for spec in SEED_FIXED:
        _fixed(book, spec, targets)
    # The 一带三展 and the monthly figures.
    for title, (month, day) in SEED_EXPO_NEWS:
        book.add(
            title, book.on(year, month, day), ("F15", "G16", "T05"), body_kind="news", news=True
        )
    title, (month, day) = SEED_STATS_PREVIOUS_YEAR
    book.add(title, book.on(year, month, day), SEED_STATS_CODES, body_kind="stats_industry")
    for month in range(3, 13):
        period = f"1—{month - 1}月份" if month > 3 else "1—2月份"
        book.add(
            SEED_STATS_MONTHLY.format(period=period),
            book.on(year, month, 18),
            SEED_STATS_CODES,
            body_kind="stats_industry",
        )
    title, (month, day) = SEED_STATS_SUMMARY
    book.add(title, book.on(year, month, day), SEED_STATS_CODES, body_kind="stats_industry")
    # The rest: news, notices, 公示 and the odd letter or report, on any working day of 2017.
    specs = [spec for spec in GXW["notices"] if spec[1] != "G05"]  # no 意见 in 2017
    while len(book.entries) < SEED_TOTAL:
        day = book.any_day(year)
        roll = rng.random()
        if roll < 0.47:
            book.news(day)
        elif roll < 0.8:
            # The year's 文号 (商工信〔2017〕N号) went on its notices: about a third of all items.
            book.template(rng.choice(specs), day, doc_share=1.0)
        else:
            book.template(rng.choice(GXW["publicity"]), day)
    seed_channels(book, rng)


def seed_channels(book: Book, rng) -> None:
    """Exactly the report's numbers; news to 微博, 微信 and media, documents to the portal."""
    quota = dict(SEED_CHANNELS)
    for entry in book.entries:
        channel = entry.pop("_fixed", None)
        if channel:
            entry["_channels"] = [(channel, entry["published_on"])]
            quota[channel] -= 1
    free = [e for e in book.entries if not e["_channels"]]
    news = [e for e in free if e["_news"]]
    rng.shuffle(news)
    documents = [e for e in free if not e["_news"]]
    rng.shuffle(documents)
    for channel in ("weibo", "wechat", "media"):
        for _ in range(quota[channel]):
            news.pop()["_channels"] = [(channel, None)]
    rest = news + documents
    pool = documents + news  # the portal takes documents first
    for entry in pool[: quota["portal"]]:
        entry["_channels"] = [("portal", None)]
    for entry in rest:
        if not entry["_channels"]:
            entry["_channels"] = [("agency_website", None)]
    for entry in book.entries:
        entry["_channels"] = [(c, entry["published_on"]) for c, _ in entry["_channels"]]
    assert len(book.entries) == SEED_TOTAL
    for channel, wanted in SEED_CHANNELS.items():
        assert sum(e["_channels"][0][0] == channel for e in book.entries) == wanted, channel


def city_2017(book: Book) -> dict:
    """The city's policy of November 2017, on the portal and in the 公报 three weeks later."""
    spec = CITY_POLICY_2017
    day = book.on(SEED_YEAR, *spec["on"])
    return book.add(
        spec["title"],
        day,
        spec["codes"],
        doc_number=spec["doc_number"],
        normative_number=spec["normative_number"],
        channels=[("portal", day), ("gazette", book.on(SEED_YEAR, *spec["gazette_on"]))],
        summary=spec["summary"],
        body=paragraphs(*spec["body"]),
    )
