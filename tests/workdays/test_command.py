"""`gongkai workdays load-notice FILE`: shows what it parsed, asks, saves; refuses bad text."""

import io
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from gongkai.workdays.models import CalendarDay, CalendarYear
from tests.workdays.fixtures import NOTICES


def _run(*args, stdin=""):
    out = io.StringIO()
    from unittest import mock

    with mock.patch("builtins.input", lambda prompt="": stdin):
        call_command("workdays", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_load_notice_with_yes_saves_the_year_from_the_notice():
    output = _run("load-notice", str(NOTICES / "2025.txt"), "--yes")
    assert "国庆节、中秋节放假：2025-10-01 至 2025-10-08（8天）" in output
    year = CalendarYear.objects.get(year=2025)
    assert year.source == "国务院办公厅关于2025年部分节假日安排的通知 国办发明电〔2024〕12号"
    assert "放假调休" in year.notice_text
    assert CalendarDay.objects.get(date="2025-10-06").name == "国庆节、中秋节"


@pytest.mark.django_db
def test_load_notice_asks_and_saves_nothing_on_no():
    before = CalendarYear.objects.get(year=2025).source
    output = _run("load-notice", str(NOTICES / "2025.txt"), stdin="n")
    assert "未保存" in output
    assert CalendarYear.objects.get(year=2025).source == before


@pytest.mark.django_db
def test_unparsable_notice_is_refused_with_exit_status_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("一、元旦：1月1日放假，另有安排。", encoding="utf-8")
    with pytest.raises(CommandError) as info:
        _run("load-notice", str(bad), "--year", "2030")
    assert info.value.returncode == 2
    assert "另有安排" in str(info.value)


@pytest.mark.django_db
def test_list_shows_sources():
    assert "chinese-calendar" in _run("list")


def test_cli_exit_status_for_a_missing_file():
    result = subprocess.run(
        [sys.executable, "-m", "gongkai", "workdays", "load-notice", "/nonexistent.txt"],
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert "无法读取" in result.stderr
