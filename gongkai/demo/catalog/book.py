"""One agency's demo catalogue as rows for `catalog_import`: the entries, their days (working
days of the calendar), their 索引号 and 文号, and the channels they were published on."""

import datetime as dt

from gongkai.workdays.calendar import YearNotLoaded

from ..data.catalog import CITY, LAST_PUBLISHED
from .bodies import Body
from .words import Words


class Book:
    """The rows of one agency's catalogue; `rows()` numbers them and orders them for import."""

    def __init__(self, agency, profile, rng, calendar):
        self.agency = agency
        self.profile = profile
        self.rng = rng
        self.calendar = calendar
        self.body = Body(rng, profile, agency)
        self.entries: list[dict] = []
        # Titles are unique within a year (a 宣传月 or a 常务会议 comes back every year).
        self.titles: set[tuple[int, str]] = set()
        self.all_titles: set[str] = set()
        self._workdays: dict[int, list[dt.date]] = {}
        self.sequences: dict[str, int] = {}
        self.normatives: list[dict] = []

    # Days ------------------------------------------------------------------------------------

    def workdays(self, year: int) -> list[dt.date]:
        if year not in self._workdays:
            day, days = dt.date(year, 1, 1), []
            end = min(dt.date(year, 12, 31), LAST_PUBLISHED)
            while day <= end:
                try:
                    working = self.calendar.is_workday(day)
                except YearNotLoaded:
                    working = day.weekday() < 5
                if working:
                    days.append(day)
                day += dt.timedelta(days=1)
            self._workdays[year] = days
        return self._workdays[year]

    def on(self, year, month, day) -> dt.date:
        """The first working day on or after the date."""
        wanted = dt.date(year, month, day)
        return next(d for d in self.workdays(year) if d >= wanted)

    def any_day(self, year, month_from=1, month_to=12) -> dt.date:
        days = [d for d in self.workdays(year) if month_from <= d.month <= month_to]
        return self.rng.choice(days)

    def after(self, day: dt.date, workdays: int) -> dt.date:
        days = self.workdays(day.year)
        later = [d for d in days if d >= day]
        return later[min(workdays, len(later) - 1)]

    # Entries ---------------------------------------------------------------------------------

    def words(self, year, **fixed):
        return Words(self.rng, self.profile["words"], year=str(year), prev=str(year - 1), **fixed)

    def unique(self, template: str, words, year: int) -> str | None:
        for _attempt in range(12):
            title = words.fill(template)
            if (year, title) not in self.titles:
                return title
        return None

    def add(
        self,
        title,
        day,
        codes,
        *,
        body_kind=None,
        words=None,
        body="",
        summary="",
        doc_prefix="",
        doc_number="",
        published=True,
        channels=(),
        news=False,
        **extra,
    ) -> dict:
        year = day.year
        words = words or self.words(year)
        if body_kind:
            body, summary = self.body(body_kind, title, day, words)
        if published:
            created = max(
                dt.date(year, 1, 1), day - dt.timedelta(days=self.rng.choice([0, 0, 1, 2, 3, 6]))
            )
        else:
            created = day
        if "_target" in extra:  # an interpretation is not older than its policy: rows stay in order
            created = max(created, extra["_target"]["created_on"])
        entry = {
            "title": title,
            "body": body,
            "summary": summary,
            "created_on": created,
            "published_on": day if published else None,
            "doc_number": doc_number,
            "_doc": doc_prefix,
            "_codes": codes,
            "_channels": list(channels),
            "_news": news,
            "_seq": len(self.entries),
            **extra,
        }
        self.titles.add((year, title))
        self.all_titles.add(title)
        self.entries.append(entry)
        return entry

    def template(self, spec, day, doc_share=None, **extra) -> dict | None:
        statutory, genre, template, kind, share = spec
        doc_share = share if doc_share is None else doc_share
        words = self.words(day.year, month=str(max(1, day.month - 1)))
        title = self.unique(template, words, day.year)
        if title is None:
            return None
        prefix = ""
        if self.rng.random() < doc_share:
            prefix = self.profile["doc"] if self.rng.random() < 0.8 else self.profile["office_doc"]
            prefix = self.profile.get("special_docs", {}).get(kind, prefix)
        topic = self.profile["topic"]
        return self.add(
            title,
            day,
            (statutory, genre, topic),
            body_kind=kind,
            words=words,
            doc_prefix=prefix,
            **extra,
        )

    def news(self, day, **extra) -> dict | None:
        words = self.words(day.year)
        title = self.unique(self.rng.choice(self.profile["news"]), words, day.year)
        if title is None:
            return None
        return self.add(
            title,
            day,
            ("F15", "G16", self.profile["topic"]),
            body_kind="news",
            words=words,
            news=True,
            **extra,
        )

    # Output ----------------------------------------------------------------------------------

    def rows(self) -> list[dict]:
        entries = sorted(self.entries, key=lambda e: (e["created_on"], e["_seq"]))
        prefix = self.agency.credit_code or self.agency.code
        doc_serials: dict[tuple, int] = {}
        for entry in entries:
            year = entry["created_on"].year
            statutory = entry["_codes"][0]
            scope = f"{year}/{statutory}"
            self.sequences[scope] = self.sequences.get(scope, 0) + 1
            entry["index_number"] = f"{prefix}/{statutory}-{year}-{self.sequences[scope]:05d}"
            if entry["_doc"] and not entry["doc_number"]:
                key = (entry["_doc"], year)
                doc_serials[key] = doc_serials.get(key, 0) + self.rng.choice([1, 1, 1, 2])
                entry["doc_number"] = f"{entry['_doc']}〔{year}〕{doc_serials[key]}号"
        rows = []
        for entry in entries:
            target = entry.pop("_target", None)
            if target is not None:
                entry["interprets"] = target["index_number"]
            row = {k: v for k, v in entry.items() if not k.startswith("_")}
            row["categories"] = ";".join(entry["_codes"])
            row["channels"] = ";".join(f"{c}:{d.isoformat()}" for c, d in entry["_channels"])
            row["created_on"] = entry["created_on"].isoformat()
            row["published_on"] = entry["published_on"].isoformat() if entry["published_on"] else ""
            rows.append(row)
        return rows


def channels_for(book, entry, day, rng):
    """Channels of a 2019–2026 item: the agency's own website (the city's: the portal) and,
    for some, the portal, 微博, 微信, 公报 or the media a day or two later."""
    primary = book.profile.get("primary", "agency_website")
    chosen = [primary]
    if entry.get("_news"):
        chances = {"wechat": 0.35, "weibo": 0.2, "media": 0.08}
    else:
        chances = {"portal": 0.3, "wechat": 0.1}
        if book.agency.code == CITY:
            chances["gazette"] = 0.35
    for channel, chance in chances.items():
        if channel not in chosen and rng.random() < chance:
            chosen.append(channel)
    out = []
    for channel in chosen:
        when = day if channel == primary else day + dt.timedelta(days=rng.choice([0, 0, 1, 2]))
        if channel == "gazette":
            when = day + dt.timedelta(days=rng.randint(5, 25))
        out.append((channel, min(when, LAST_PUBLISHED)))
    return out
