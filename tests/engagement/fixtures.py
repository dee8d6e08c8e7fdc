"""Fixtures of the engagement tests: a consultation in dept_a open 2026-03-02 to 2026-03-31
(published on 2026-03-01), moments around its window in Asia/Shanghai, and small helpers."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from gongkai.engagement import services as s
from tests.accounts.factories import UserFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")
OPENS = dt.date(2026, 3, 2)
CLOSES = dt.date(2026, 3, 31)


def shanghai(year, month, day, hour=10, minute=0, second=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=SHANGHAI)


DURING = shanghai(2026, 3, 10)
AFTER = shanghai(2026, 4, 2)


def frozen(moment: dt.datetime):
    return time_machine.travel(moment, tick=False)


def draft(actor, agency, **overrides):
    fields = {
        "title": "测试市工业企业技术改造项目管理办法（征求意见稿）",
        "background": "为规范技术改造项目管理，起草了本办法。",
        "basis": "《中华人民共和国中小企业促进法》。",
        "draft_text": "<p>第一条　为规范技术改造项目管理，制定本办法。</p>",
        "opens_on": OPENS,
        "closes_on": CLOSES,
        "allow_anonymous": False,
    }
    fields.update(overrides)
    return s.consultation_create(actor=actor, agency=agency, **fields)


def published(actor, agency, **overrides):
    consultation = draft(actor, agency, **overrides)
    return s.consultation_publish(
        actor=actor, consultation=consultation, now=shanghai(2026, 3, 1, 9)
    )


def submit(consultation, author, text="建议明确技术改造项目的申报条件和评审标准。", **extra):
    return s.comment_submit(consultation=consultation, author=author, text=text, **extra)


def png(name="图.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def consultation(clerk_a, dept_a):
    return published(clerk_a, dept_a)


@pytest.fixture
def open_to_anonymous(clerk_a, dept_a):
    return published(
        clerk_a, dept_a, title="关于征集企业座谈会参会企业的公告", allow_anonymous=True
    )


@pytest.fixture
def citizen(db):
    return UserFactory()


@pytest.fixture
def another_citizen(db):
    return UserFactory()


@pytest.fixture
def commented(consultation, citizen, another_citizen, clerk_a):
    """Three comments during the window: one published, one hidden, one still pending."""
    with frozen(DURING):
        shown = submit(consultation, citizen)
        hidden = submit(consultation, another_citizen, text="代办各类补贴申报，详询客服。")
        pending = submit(consultation, citizen, text="建议把评审结果在网站上公示。")
        s.comment_moderate(actor=clerk_a, comment=shown, decision="publish")
        s.comment_moderate(actor=clerk_a, comment=hidden, decision="hide", reason="广告信息")
    return {"published": shown, "hidden": hidden, "pending": pending}
