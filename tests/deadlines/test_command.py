"""`gongkai deadline`: the same answer as the library, as text or JSON; bad input exits 2."""

import json
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _run(*args):
    import io

    out = io.StringIO()
    call_command("deadline", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_text_output_has_due_dates_and_explanation():
    output = _run("--received", "2026-09-28", "--extended")
    assert "答复期限：2026-10-30" in output
    assert "延长后期限：2026-11-27" in output
    assert "2026-10-01 至 2026-10-07：国庆节放假，不计入" in output


@pytest.mark.django_db
def test_json_shape():
    data = json.loads(
        _run(
            "--received",
            "2026-09-28",
            "--pause",
            "2026-10-09:2026-10-20",
            "--restart",
            "2026-10-12",
            "--json",
        )
    )
    assert {"regime", "received", "due", "extended_due", "trace"} <= set(data)
    assert data["regime"] == "2019"
    assert data["received"] == "2026-09-28"
    assert data["due"] == "2026-11-17"
    assert data["extended_due"] is None
    assert data["trace"][0] == {
        "date": "2026-10-13",
        "counted": None,
        "reason": "暂停计算（工作日）",
    }
    assert data["trace"][-1]["counted"] == 20


@pytest.mark.django_db
def test_regime_can_be_forced():
    data = json.loads(_run("--received", "2019-05-14", "--regime", "2008", "--json"))
    assert data["regime"] == "2008"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--received", "2026-09-28", "--regime", "2017"], "未知的条例版本"),
        (["--received", "2026-02-30"], "无法识别"),
        (["--received", "yesterday"], "无法识别"),
        (["--received", "2003-06-01"], "早于"),
        (["--received", "2026-09-28", "--pause", "2026-10-09"], "暂停区间"),
        (["--received", "9999-12-20"], "超出可计算的日期范围"),
    ],
)
def test_bad_input_is_one_clear_error_with_status_2(args, message):
    with pytest.raises(CommandError) as info:
        _run(*args)
    assert info.value.returncode == 2
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.django_db
def test_a_year_no_holiday_rule_covers_is_still_one_error_with_status_2():
    """Only a year whose notice is missing AND that no text of the 办法 declared here governs
    (before 2025) is refused: the provisional calendar never guesses with the wrong law."""
    from gongkai.workdays.models import CalendarYear

    CalendarYear.objects.filter(year=2024).delete()
    with pytest.raises(CommandError) as info:
        _run("--received", "2024-12-20")
    assert info.value.returncode == 2
    assert "2024年的节假日安排尚未载入" in str(info.value)


def test_real_process_exit_status_and_stderr(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "PATH": "/usr/bin:/bin",
        "GONGKAI_VAR_DIR": str(tmp_path),
    }
    subprocess.run([sys.executable, "-m", "gongkai", "migrate", "-v0"], env=env, check=True)
    ok = subprocess.run(
        [sys.executable, "-m", "gongkai", "deadline", "--received", "2025-09-26", "--json"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0 and json.loads(ok.stdout)["due"] == "2025-10-30"
    bad = subprocess.run(
        [sys.executable, "-m", "gongkai", "deadline", "--received", "2025-13-01"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1
