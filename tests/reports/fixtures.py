"""Fixtures of the annual-report tests: records made directly (ORM), each with exactly the
dates, statuses and outcomes a report counts, so that a test can write its expected table out.

The helpers take an agency and the fields that matter; everything else gets a plain default.
"""

import datetime as dt
import itertools
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.appeals.models import AppealCase
from gongkai.applications.models import Application
from gongkai.applications.states import Status
from gongkai.catalog.models import ChannelRecord, Item, NormativeRecord
from gongkai.catalog.states import ItemStatus
from gongkai.engagement.models import ConcernResponse
from gongkai.facts.models import (
    BudgetAllocation,
    DisclosureBody,
    Meeting,
    OtherSystemFigure,
    ReadingPoint,
    StaffAssignment,
    Training,
)
from gongkai.reports.formats import get_format
from tests.agencies.factories import MembershipFactory
from tests.catalog.fixtures import release

SHANGHAI = ZoneInfo("Asia/Shanghai")
_serial = itertools.count(1)

# The t3 columns in printed order (report_formats.json data_columns_in_order).
T3_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
)
T4_COLUMNS = tuple(
    f"{prefix}_{outcome}"
    for prefix in ("rc", "ld", "la")
    for outcome in ("upheld", "corrected", "other", "pending", "total")
)


def at(year, month, day, hour=10) -> dt.datetime:
    """A moment in Asia/Shanghai (the project's time zone)."""
    return dt.datetime(year, month, day, hour, tzinfo=SHANGHAI)


def frozen(year, month, day):
    return time_machine.travel(at(year, month, day), tick=False)


# Applications ---------------------------------------------------------------------------------


def application(
    agency,
    *,
    received,
    regime="2019",
    applicant_type="natural_person",
    channel="online",
    status=None,
    outcome="",
    served=None,
    closed=None,
    **fields,
) -> Application:
    """An application received on `received`; served (a reply) or closed (withdrawn, lapsed)
    on the given day. The status follows from the dates unless given."""
    if status is None:
        status = Status.SERVED if served else Status.CLOSED if closed else Status.IN_PROGRESS
    n = next(_serial)
    values = dict(
        agency=agency,
        number=f"TEST-{n:05d}",
        query_code_hash="0" * 64,
        status=status,
        regime=regime,
        channel=channel,
        applicant_type=applicant_type,
        applicant_name=f"申请人{n}",
        applicant_identifier="11010519491231002X",
        contact_phone="13800000001",
        info_title=f"测试申请{n}",
        provision_form="electronic",
        delivery_method="email",
        submitted_on=received,
        received_on=received,
        outcome=outcome,
        legal_basis="《政府信息公开条例》" if outcome else "",
        served_on=served,
        closed_on=closed,
    )
    values.update(fields)
    return Application.objects.create(**values)


def withdrawn(agency, *, received, closed, **fields) -> Application:
    return application(agency, received=received, status=Status.WITHDRAWN, closed=closed, **fields)


# Catalogue ------------------------------------------------------------------------------------


def item(agency, *, published=None, channels=(), status=None, normative=None, **fields) -> Item:
    """An item published at `published` (a datetime) on `channels` ({channel: date} or
    [channel, …] on the publication day); `normative` ({issued_on, abolished_on …}) adds its
    规范性文件 register entry."""
    n = next(_serial)
    if status is None:
        status = ItemStatus.PUBLISHED if published else ItemStatus.DRAFT
    values = dict(
        agency=agency,
        issuer=agency,
        index_number=f"TEST-{n:05d}",
        title=f"测试信息{n}",
        created_on=(published.date() if published else dt.date(2017, 1, 1)),
        status=ItemStatus.DRAFT,
        published_at=published,
    )
    if status == ItemStatus.WITHDRAWN:
        values["withdrawal_reason"] = "已过时"
    values.update(fields)
    # Drafted, then released the one legal way: an approving 保密审查 row by someone else.
    created = release(Item.objects.create(**values), status)
    if not isinstance(channels, dict):
        channels = dict.fromkeys(channels, published.date() if published else None)
    for channel, day in channels.items():
        ChannelRecord.objects.create(item=created, channel=channel, published_on=day)
    if normative is not None:
        NormativeRecord.objects.create(item=created, **normative)
    return created


# Other records --------------------------------------------------------------------------------


def response(agency, kind, held_on, *, leader=False) -> ConcernResponse:
    return ConcernResponse.objects.create(
        agency=agency, kind=kind, topic=f"回应{kind}", held_on=held_on,
        principal_leader_took_part=leader,
    )  # fmt: skip


def appeal(agency, kind, filed_on, outcome="pending", closed_on=None) -> AppealCase:
    return AppealCase.objects.create(
        agency=agency,
        kind=kind,
        appellant_name="张三",
        reviewing_body="测试市人民政府",
        filed_on=filed_on,
        outcome=outcome,
        closed_on=closed_on,
    )


def figure(agency, year, key, value) -> OtherSystemFigure:
    unit = "万元" if key == "admin_fees" else "件"
    return OtherSystemFigure.objects.create(
        agency=agency, year=year, key=key, value=Decimal(str(value)), unit=unit,
        source="测试台账", entered_at=at(year + 1, 1, 10),
    )  # fmt: skip


def body(agency, established_on, dissolved_on=None):
    return DisclosureBody.objects.create(
        agency=agency, name="信息公开办公室", established_on=established_on,
        dissolved_on=dissolved_on,
    )  # fmt: skip


def reading_point(agency, opened_on, closed_on=None):
    return ReadingPoint.objects.create(
        agency=agency, name="查阅点", address="测试市人民路1号", opened_on=opened_on,
        closed_on=closed_on,
    )  # fmt: skip


def staff(agency, full_time, started_on, ended_on=None):
    return StaffAssignment.objects.create(
        agency=agency, person_name="张敏", position="信息公开工作人员", full_time=full_time,
        started_on=started_on, ended_on=ended_on,
    )  # fmt: skip


def budget(agency, year, amount, dedicated=True):
    return BudgetAllocation.objects.create(
        agency=agency, year=year, amount=Decimal(str(amount)), purpose="信息公开专栏",
        dedicated=dedicated,
    )  # fmt: skip


def meeting(agency, held_on):
    return Meeting.objects.create(agency=agency, held_on=held_on, topic="工作会议", attendees=10)


def training(agency, held_on, trainees, hosted=True):
    return Training.objects.create(
        agency=agency, held_on=held_on, topic="条例培训", organiser="测试市甲局",
        hosted=hosted, trainees=trainees,
    )  # fmt: skip


# Reading tables -------------------------------------------------------------------------------


def table(data, key) -> dict:
    """{row: {column: value}} of one table of a ReportData, every cell row included."""
    return {row: dict(cells) for row, cells in data.values[key].items()}


def rows(data, key, columns) -> dict:
    """{row: [value per column in `columns`]}: a wide table compared as literal lists."""
    return {row: [cells[c] for c in columns] for row, cells in data.values[key].items()}


def column(data, key, name="value") -> dict:
    """{row: value} of a one-column table (the 2008 统计表)."""
    return {row: cells[name] for row, cells in data.values[key].items()}


def set_cell(data, cell: str, value):
    """Hand-edit one figure of a built report ("table:row.column")."""
    table_key, _, rest = cell.partition(":")
    row, _, col = rest.partition(".")
    data.values[table_key][row][col] = value
    return data


# Fixtures -------------------------------------------------------------------------------------


@pytest.fixture
def report_reviewer_a(dept_a):
    return MembershipFactory(agency=dept_a, role="reviewer").user


@pytest.fixture
def gb2008():
    return get_format("gb2008")


@pytest.fixture
def gb2019():
    return get_format("gb2019")


@pytest.fixture
def gb2021():
    return get_format("gb2021")
