"""Dependencies between apps point one way (issue 13), read from the import statements.

Every module under gongkai/ (migrations aside) is parsed; every import counts, at the top of a
module or inside a function, absolute or relative. An app is the first package under gongkai/.
A lower layer never imports a higher one, and no apps import each other in a circle. Apps of
one layer may import each other (letters uses applications), as long as there is no circle.
"""

import ast
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

import gongkai

# Lowest first. An app may import its own layer and those below it, never one above.
LAYERS = (
    ("core",),
    ("agencies",),
    # apitokens: who calls the API for an agency; it knows agencies and core, nothing above.
    ("accounts", "workdays", "regimes", "apitokens"),
    ("deadlines",),
    # Below the case apps: each of them registers itself as a source (search/sources.py).
    ("search",),
    (
        "applications",
        "appeals",
        "catalog",
        "engagement",
        "facts",
        "letters",
        "powerlists",
        "redaction",
    ),
    ("reports",),
    ("portal",),
    # Builds the demonstration site from every app (it may not exist yet).
    ("demo",),
)
LAYER_OF = {app: level for level, apps in enumerate(LAYERS) for app in apps}
PACKAGE = Path(gongkai.__file__).parent


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, absolute dotted name) of each import in the module at `path`. `from a import b`
    gives a.b, since b may be a module (`from gongkai import catalog`)."""
    package = list(path.relative_to(root.parent).parts[:-1])  # a module's own package
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def app_edges(root: Path = PACKAGE) -> dict[tuple[str, str], list[str]]:
    """{(importing app, imported app): ["gongkai/x/y.py:12", ...]} for imports between apps."""
    edges = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if len(parts) < 2 or "migrations" in parts:
            continue  # modules at the top of the package belong to no app
        app = parts[0]
        for line, name in imported_modules(path, root):
            dotted = name.split(".")
            if dotted[0] == root.name and len(dotted) > 1 and dotted[1] != app:
                where = f"{path.relative_to(root.parent)}:{line}"
                if where not in edges[(app, dotted[1])]:  # `from x import a, b`: one line
                    edges[(app, dotted[1])].append(where)
    return dict(edges)


def apps_in(root: Path = PACKAGE) -> set[str]:
    return {p.parent.name for p in root.glob("*/__init__.py")}


def cycles(edges) -> list[list[str]]:
    """One circle through each group of apps that reach each other, e.g. [a, b, a]."""
    graph = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
    found, covered = [], set()
    for start in sorted(graph):
        if start in covered:
            continue
        # Breadth first from start's successors back to start: the shortest circle.
        previous, queue = {}, [start]
        while queue and start not in previous:
            node = queue.pop(0)
            for successor in sorted(graph[node]):
                if successor not in previous:
                    previous[successor] = node
                    queue.append(successor)
        if start in previous:
            circle, node = [start], previous[start]
            while node != start:
                circle.append(node)
                node = previous[node]
            circle.append(start)
            circle.reverse()
            covered.update(circle)
            found.append(circle)
    return found


def describe(circle, edges) -> str:
    steps = [f"  {a} → {b}: {', '.join(edges[(a, b)])}" for a, b in pairwise(circle)]
    return " → ".join(circle) + "\n" + "\n".join(steps)


def test_no_two_apps_import_each_other_even_through_others():
    edges = app_edges()
    found = cycles(edges)
    assert not found, "Import cycles between apps:\n" + "\n".join(describe(c, edges) for c in found)


def test_no_app_imports_an_app_of_a_higher_layer():
    edges = app_edges()
    upward = [
        f"  {a} (layer {LAYER_OF[a]}) → {b} (layer {LAYER_OF[b]}): {', '.join(where)}"
        for (a, b), where in sorted(edges.items())
        if a in LAYER_OF and b in LAYER_OF and LAYER_OF[a] < LAYER_OF[b]
    ]
    assert not upward, "Imports that point up the layers:\n" + "\n".join(upward)


def test_every_app_has_its_place_in_the_layers():
    """A new app is placed on purpose; otherwise the layering check would not see it."""
    unplaced = apps_in() - set(LAYER_OF)
    assert not unplaced, f"Add to LAYERS in {Path(__file__).name}: {sorted(unplaced)}"


def test_the_scan_sees_imports_inside_functions_relative_ones_and_packages(tmp_path):
    root = tmp_path / "gongkai"
    for app in ("low", "high", "side"):
        (root / app).mkdir(parents=True)
        (root / app / "__init__.py").write_text("")
    (root / "low" / "sub").mkdir()
    (root / "low" / "sub" / "__init__.py").write_text("")
    (root / "low" / "sub" / "deep.py").write_text("def later():\n    from ...high import views\n")
    (root / "low" / "models.py").write_text("from gongkai import side\nfrom . import sub\n")
    (root / "low" / "migrations").mkdir()
    (root / "low" / "migrations" / "0001.py").write_text("import gongkai.high.models\n")
    (root / "high" / "views.py").write_text("from gongkai.low import models, sub\n")

    edges = app_edges(root)

    assert edges == {
        ("low", "high"): ["gongkai/low/sub/deep.py:2"],
        ("low", "side"): ["gongkai/low/models.py:1"],
        ("high", "low"): ["gongkai/high/views.py:1"],
    }
    assert cycles(edges) == [["high", "low", "high"]]
    assert apps_in(root) == {"low", "high", "side"}


def test_a_cycle_is_reported_with_where_each_import_is():
    edges = {("a", "b"): ["gongkai/a/x.py:3"], ("b", "a"): ["gongkai/b/y.py:7"]}

    assert describe(cycles(edges)[0], edges) == (
        "a → b → a\n  a → b: gongkai/a/x.py:3\n  b → a: gongkai/b/y.py:7"
    )
