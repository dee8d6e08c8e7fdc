"""The demo is its own app: installed for development and tests only, imported by no runtime app,
and telling what it does through the command that runs it (no print())."""

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from gongkai.demo.management.commands.demo import Command
from gongkai.demo.progress import SILENT

ROOT = Path(__file__).resolve().parents[2]
GONGKAI = ROOT / "gongkai"
DEMO = GONGKAI / "demo"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_production_settings_do_not_install_the_demo():
    """A production install has no `gongkai demo`, which creates accounts with known passwords."""
    env = os.environ | {
        "DJANGO_SECRET_KEY": "x" * 50,
        "GONGKAI_ALLOW_SQLITE": "1",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    code = "import config.settings.production as s; print('gongkai.demo' in s.INSTALLED_APPS)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_test_settings_install_the_demo_after_the_apps_it_loads():
    apps = settings.INSTALLED_APPS
    assert apps[-1] == "gongkai.demo"
    assert apps.index("gongkai.portal") < apps.index("gongkai.demo")


def test_no_runtime_app_imports_the_demo():
    for path in GONGKAI.rglob("*.py"):
        if DEMO in path.parents:
            continue
        demo = {name for name in _imports(path) if name.split(".")[:2] == ["gongkai", "demo"]}
        assert not demo, f"{path.relative_to(ROOT)} imports {sorted(demo)}"


def test_the_demo_never_prints():
    for path in DEMO.rglob("*.py"):
        calls = [
            node
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "print"
        ]
        assert not calls, path.relative_to(ROOT)


def test_loaders_called_directly_are_silent_and_keep_their_loops_unchanged():
    assert SILENT.note("anything") is None
    assert list(SILENT.steps(range(5), desc="x")) == [0, 1, 2, 3, 4]


def test_the_command_writes_notes_to_its_stdout_only_with_verbosity_2():
    for verbosity, expected in ((1, ""), (2, "目录：7 条\n")):
        out = io.StringIO()
        command = Command(stdout=out, stderr=io.StringIO())
        command.reporter(verbosity).note("目录：7 条")
        assert out.getvalue() == expected


def test_the_commands_progress_yields_every_item_in_order_and_draws_nothing_off_a_terminal():
    err = io.StringIO()
    command = Command(stdout=io.StringIO(), stderr=err)
    assert list(command.reporter(1).steps(["a", "b", "c"], desc="目录")) == ["a", "b", "c"]
    assert err.getvalue() == ""
