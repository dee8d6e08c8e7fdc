"""Demo yearly facts for the demo agencies. Deterministic (fixed random seed), idempotent.

The seed agency 商丘市工业和信息化委员会 (411400-gxw) reproduces its 2017 statistics table
(八、九): at 31 December 2017 one disclosure body (the office named in the report's 制度机制建设
section), one reading point, one full-time and two part-time staff (the table's 填报人 魏红振 and
审核人 吕目知 among them); no dedicated budget (the website's upkeep is recorded, but is not
专项经费); four meetings on disclosure work in 2017 and no training.

Every demo agency except the province then gets 2019–2026 (up to 2026-11-20): staff who leave
and are replaced, a few meetings and trainings a year with attendee counts, budgets, and the
other-system figures of table 二 for 2021–2025 (规章 only for the city government, whose valid
count carries from year to year). The years up to 2025 are locked, as their reports are final.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from gongkai.accounts.models import User
from gongkai.facts.models import DisclosureBody, FigureKey
from gongkai.facts.services import figure_save, record_create, year_lock

from .agencies import load_agencies
from .data.agencies import SEED_AGENCY_CODE
from .data.facts import GIVEN, PROFILES, SEED_MEETINGS, SEED_STAFF, SOURCES, SURNAMES, TOPICS
from .progress import SILENT, Reporter

YEARS = range(2019, 2027)
FIGURE_YEARS = range(2021, 2026)
LOCKED_YEARS = range(2019, 2026)
LAST_DAY = dt.date(2026, 11, 20)
SEED_YEAR = 2017


def _name(rng, taken: set) -> str:
    """A person's name not yet used in the agency (one post per person at a time)."""
    while True:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        name = rng.choice(SURNAMES) + given
        if name not in taken:
            taken.add(name)
            return name


def _workday(rng, year: int, first_month: int = 1, last_month: int = 12) -> dt.date:
    """A weekday away from the long holidays (New Year, Spring Festival, National Day)."""
    while True:
        day = dt.date(year, rng.randint(first_month, last_month), rng.randint(1, 28))
        holiday = (day.month == 2 and day.day < 20) or (day.month == 10 and day.day <= 8)
        if day.weekday() < 5 and not holiday and day.timetuple().tm_yday > 3 and day <= LAST_DAY:
            return day


class _Loader:
    def __init__(self, agency, profile: dict, rng, clerk=None):
        self.agency, self.profile, self.rng, self.clerk = agency, profile, rng, clerk
        self.counts: dict[str, int] = {}

    def add(self, slug: str, /, **values) -> None:
        record_create(actor=None, agency=self.agency, kind=slug, values=values)
        self.counts[slug] = self.counts.get(slug, 0) + 1

    def institutions(self) -> None:
        for name, established in self.profile["bodies"]:
            self.add("bodies", name=name, established_on=established, dissolved_on=None, note="")
        for name, address, opened, closed in self.profile["reading_points"]:
            self.add(
                "reading-points", name=name, address=address, opened_on=opened, closed_on=closed
            )

    def staff(self) -> None:
        """A roster at the end of 2018, then year by year: someone leaves and is replaced (at
        times only after the year's end), and now and then a part-time post is added."""
        rng = self.rng
        roster, taken = [], set()
        for position, full_time in self.profile["posts"]:
            start = dt.date(rng.randint(2009, 2018), rng.randint(1, 12), 1)
            roster.append([_name(rng, taken), position, full_time, start, None])
        for year in YEARS:
            if rng.random() < 0.5:
                leaver = rng.choice([p for p in roster if p[4] is None])
                leaver[4] = _workday(rng, year, 1, 11)
                joined = leaver[4] + dt.timedelta(days=rng.randint(20, 150))
                if joined <= LAST_DAY:
                    roster.append([_name(rng, taken), leaver[1], leaver[2], joined, None])
            if rng.random() < 0.25:
                position = rng.choice(
                    [p for p, full_time in self.profile["posts"] if not full_time]
                )
                roster.append([_name(rng, taken), position, False, _workday(rng, year, 3, 9), None])
        for name, position, full_time, start, end in roster:
            self.add(
                "staff",
                person_name=name,
                position=position,
                full_time=full_time,
                started_on=start,
                ended_on=end,
                user=None,
            )

    def meetings_and_trainings(self, years) -> None:
        rng, profile = self.rng, self.profile
        for year in years:
            months = sorted(rng.sample(range(1, 13), rng.randint(*profile["meetings"])))
            for month in months:
                topic, kind = rng.choice(TOPICS["meetings"][(month - 1) // 3])
                day = (
                    _workday(rng, year, month, month)
                    if dt.date(year, month, 1) < LAST_DAY
                    else None
                )
                if day is not None:
                    attendees = rng.randint(*profile["attendees"])
                    self.add(
                        "meetings",
                        held_on=day,
                        topic=f"{year}年{topic}",
                        kind=kind,
                        attendees=attendees,
                    )
            for _n in range(rng.randint(*profile["trainings"])):
                topic = rng.choice(TOPICS["trainings"])
                self.add(
                    "trainings",
                    held_on=_workday(rng, year, 3, 11),
                    topic=topic,
                    organiser=profile["organiser"],
                    hosted=True,
                    trainees=rng.randint(*profile["trainees"]),
                    hours=Decimal(rng.choice(["2", "3", "4", "6"])),
                )
            external = (
                "河南省人民政府办公厅" if self.agency.code == "411400" else "商丘市人民政府办公室"
            )
            self.add(
                "trainings",
                held_on=_workday(rng, year, 4, 11),
                topic=f"{year}年全{'省' if external.startswith('河南') else '市'}政务公开业务培训班",
                organiser=external,
                hosted=False,
                trainees=rng.randint(1, 4),
                hours=Decimal("6"),
            )

    def budgets(self) -> None:
        rng, low, high = self.rng, *self.profile["budget"]
        for year in YEARS:
            self.add(
                "budgets",
                year=year,
                amount=Decimal(rng.randint(20, 60)) / 10,
                purpose="门户网站运行维护（不属专项经费）",
                dedicated=False,
            )
            if high and (year >= 2021 or rng.random() < 0.5):
                amount = Decimal(rng.randint(int(low * 10), int(high * 10))) / 10
                self.add(
                    "budgets",
                    year=year,
                    amount=amount,
                    purpose="政府信息公开专栏建设、年报编制和业务培训",
                    dedicated=True,
                )

    def figures(self) -> None:
        rng, ranges = self.rng, self.profile["figures"]
        valid = self.profile.get("regulations_valid")
        for year in FIGURE_YEARS:
            values = {key: rng.randint(*span) for key, span in ranges.items()}
            if valid is not None:
                made, repealed = rng.randint(1, 3), rng.randint(0, 2)
                valid += made - repealed
                values |= {
                    FigureKey.REGULATIONS_MADE: made,
                    FigureKey.REGULATIONS_REPEALED: repealed,
                    FigureKey.REGULATIONS_VALID: valid,
                }
            for key, value in values.items():
                amount = Decimal(value) / 100 if key == FigureKey.ADMIN_FEES else value
                figure_save(
                    actor=self.clerk,
                    agency=self.agency,
                    year=year,
                    key=key,
                    value=amount,
                    source=SOURCES[key],
                )
                self.counts["figures"] = self.counts.get("figures", 0) + 1


def _seed_2017(loader: _Loader) -> None:
    """The seed agency's own history up to 2017, as its 2017 report describes it."""
    loader.institutions()
    for name, position, full_time, start, end, username in SEED_STAFF:
        user = User.objects.filter(username=username).first() if username else None
        loader.add(
            "staff",
            person_name=name,
            position=position,
            full_time=full_time,
            started_on=start,
            ended_on=end,
            user=user,
        )
    loader.add(
        "budgets",
        year=SEED_YEAR,
        amount=Decimal("3.5"),
        purpose="委门户网站运行维护（不属专项经费）",
        dedicated=False,
    )
    for day, topic, kind, attendees in SEED_MEETINGS:
        loader.add("meetings", held_on=day, topic=topic, kind=kind, attendees=attendees)


def load_demo(*, reporter: Reporter = SILENT) -> dict:
    """Load the demo facts unless the seed agency has records already. Returns counts."""
    counts = {"agencies": 0, "records": 0, "figures": 0, "locks": 0}
    agencies = load_agencies()
    if DisclosureBody.objects.filter(agency=agencies[SEED_AGENCY_CODE]).exists():
        return counts
    rng = random.Random(20171231)
    clerks = {
        code: User.objects.filter(username=name).first()
        for code, name in (("411400-gxw", "gxw_clerk"), ("411400-czj", "czj_clerk"))
    }
    with transaction.atomic():
        for code, profile in reporter.steps(
            PROFILES.items(), desc="年度工作记录", total=len(PROFILES)
        ):
            loader = _Loader(agencies[code], profile, rng, clerks.get(code))
            if code == SEED_AGENCY_CODE:
                _seed_2017(loader)
            else:
                loader.institutions()
                loader.staff()
            loader.meetings_and_trainings(YEARS)
            loader.budgets()
            loader.figures()
            locked = ([SEED_YEAR] if code == SEED_AGENCY_CODE else []) + list(LOCKED_YEARS)
            for year in locked:
                year_lock(actor=None, agency=agencies[code], year=year, reason="年度报告已定稿")
            counts["agencies"] += 1
            counts["figures"] += loader.counts.pop("figures", 0)
            counts["records"] += sum(loader.counts.values())
            counts["locks"] += len(locked)
    return counts
