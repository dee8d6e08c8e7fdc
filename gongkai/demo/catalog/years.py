"""A demo agency's catalogue for one year of 2019–2026: its yearly reports and budgets, its
statistics, a few 规范性文件 (some with a 解读, some later 废止 or 已修订), news, notices and
公示 up to a target count, records not for active disclosure and, in November 2026, drafts."""

import datetime as dt

from ..data.catalog import CITY, DRAFTS_FROM, DRAFTS_TO, LAST_PUBLISHED, NON_DISCLOSURE
from .book import Book, channels_for


def load_year(book: Book, year: int, normatives: list) -> None:
    rng, profile = book.rng, book.profile
    agency_name = book.agency.name
    target = rng.randint(30, 80)
    if year == LAST_PUBLISHED.year:
        target = target * 10 // 12
    published = []

    def keep(entry):
        if entry is not None:
            published.append(entry)
        return entry

    report_day = book.on(year, 3, 25) if year == 2019 else book.on(year, 1, rng.randint(15, 28))
    keep(
        book.add(
            f"{agency_name}{year - 1}年政府信息公开工作年度报告",
            report_day,
            ("F15", "G08", "T01"),
            body_kind="report",
        )
    )
    keep(
        book.add(
            f"{agency_name}{year}年部门预算",
            book.any_day(year, 2, 3),
            ("F07", "G18", "T03"),
            body_kind="budget",
        )
    )
    keep(
        book.add(
            f"{agency_name}{year - 1}年部门决算",
            book.any_day(year, 7, 9),
            ("F07", "G18", "T03"),
            body_kind="budget",
        )
    )
    if year in (2019, 2023):
        keep(
            book.add(
                f"{agency_name}政府信息公开指南（{year}年修订）",
                book.any_day(year, 4, 6),
                ("F15", "G18", "T01"),
                body_kind="guide",
            )
        )
    for spec in profile.get("specials", []):
        repeated = "{company}" in spec[2]  # 批复, 处罚: several a year; the rest once
        for _ in range(rng.randint(1, 4) if repeated else 1):
            keep(book.template(spec, book.any_day(year, 1, 11 if repeated else 3)))
    # Statistics: monthly where the agency publishes monthly, else once a year.
    for statutory, genre, template, kind in profile["stats"]:
        if profile.get("stats_monthly", True):
            months = sorted(rng.sample(range(3, 13), rng.randint(4, 9)))
        else:
            months = [rng.randint(3, 6)]
        for month in months:
            day = book.on(year, month, 15) if dt.date(year, month, 15) <= LAST_PUBLISHED else None
            if day is None:
                continue
            words = book.words(year, month=str(month - 1 if month > 2 else 2))
            title = words.fill(template)
            if (year, title) in book.titles:
                continue
            keep(
                book.add(
                    title, day, (statutory, genre, profile["topic"]), body_kind=kind, words=words
                )
            )
    # 规范性文件, some with a 解读.
    for _ in range(rng.randint(2, 4) if book.agency.code == CITY else rng.randint(1, 3)):
        normative(book, year, normatives, keep)
    for _attempt in range(target * 10):  # a small vocabulary may run out of fresh titles
        if len(published) >= target:
            break
        day = book.any_day(year)
        roll = rng.random()
        if roll < 0.47:
            keep(book.news(day))
        elif roll < 0.78:
            keep(book.template(rng.choice(profile["notices"]), day))
        else:
            keep(book.template(rng.choice(profile["publicity"]), day))
    for entry in published:
        if not entry["_channels"]:
            entry["_channels"] = channels_for(book, entry, entry["published_on"], rng)
        if year <= 2021 and entry["_codes"][1] == "G03" and rng.random() < 0.25:
            entry["validity"] = "expired"
    # Not for active disclosure: recorded, never published.
    for _ in range(rng.randint(0, 2)):
        disclosure, reason = rng.choice(NON_DISCLOSURE)
        spec = rng.choice(profile["notices"])
        entry = book.template(spec, book.any_day(year), published=False)
        if entry is not None:
            entry.update(disclosure=disclosure, non_disclosure_reason=reason)
    if year == LAST_PUBLISHED.year:
        for _ in range(rng.randint(1, 3)):
            day = DRAFTS_FROM + dt.timedelta(days=rng.randint(0, (DRAFTS_TO - DRAFTS_FROM).days))
            spec = rng.choice(profile["notices"] + profile["publicity"])
            book.template(spec, day, published=False)


def normative(book: Book, year: int, normatives: list, keep) -> None:
    rng, profile = book.rng, book.profile
    earlier = [n for n in normatives if n["_year"] < year and not n.get("_fate")]
    revising = earlier and rng.random() < 0.2
    if revising:
        old = rng.choice(earlier)
        subject = old["_subject"]
    else:
        subject = rng.choice(profile["words"]["subject"])
    place = "睢阳区" if book.agency.code.startswith("411403") else "商丘市"
    suffix = rng.choice(["办法", "办法", "实施细则", "暂行办法", "规定"])
    name = f"{place}{subject}{suffix}"
    if any(name in title for title in book.all_titles):
        name = f"{place}{subject}{suffix}（{year}年修订）"
    title = f"关于印发《{name}》的通知"
    if (year, title) in book.titles:
        return
    day = book.any_day(year, 1, 11)
    serial = sum(1 for n in normatives if n["_year"] == year) + 1
    entry = keep(
        book.add(
            title,
            day,
            ("F01", "G14", profile["topic"]),
            body_kind="normative",
            doc_prefix=profile["norm_doc"],
            normative_number=f"{profile['reg']}-{year}-{serial:03d}",
            _year=year,
            _subject=subject,
        )
    )
    entry["_channels"] = channels_for(book, entry, day, rng)
    normatives.append(entry)
    if revising:
        old["_fate"] = ("revised", entry)
    elif year <= 2022 and rng.random() < 0.3:
        abolished = dt.date(rng.randint(year + 2, 2025), rng.randint(1, 12), rng.randint(1, 28))
        entry["_fate"] = ("abolished", abolished)
    if rng.random() < 0.6:
        form = rng.choices(["text", "graphic", "video"], weights=[70, 20, 10])[0]
        label = {"text": "《{}》政策解读", "graphic": "图解：《{}》", "video": "视频解读：《{}》"}[
            form
        ]
        when = book.after(day, rng.randint(0, 3))
        interpretation = keep(
            book.add(
                label.format(name),
                when,
                ("F01", "G15", profile["topic"]),
                body_kind="interpretation",
                _target=entry,
                interpretation_form=form,
            )
        )
        if form == "video":
            interpretation["video_url"] = (
                f"https://v.shangqiu.example.cn/jiedu/{year}/{serial:03d}.mp4"
            )
