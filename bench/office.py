"""Office working-day benchmark: the staff pages a disclosure office lives in, at the size of a
busy office (20,000 applications over 5 years, 50,000 catalogue items), through the Django test
client: the work queue with each filter, its API, the 工作台, the case page, statistics on
demand and its XLSX, the staff catalogue list, the public catalogue.

    .venv/bin/python bench/office.py --small                 # a quick look (SQLite)
    .venv/bin/python bench/office.py                         # the record (SQLite)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gk_office_bench .venv/bin/python bench/office.py

SQLite by default (a throw-away file in a temp dir, the project's settings: WAL, default page
cache); PostgreSQL when DATABASE_URL names a database: it is created for the run and dropped
after it (unless --keep); an existing database is only reused or replaced if this bench made it.
The dataset is bench/office_data.py (bulk_create through the models; deadlines counted by the
deadlines app's own computation, so the queue and the 工作台 have real, some 暂定, dates).

For every page: median and p99 of --runs timed requests after two untimed warm-ups, the SQL
statements of one request (CaptureQueriesContext) and their time, and the statement count again
(a) with the list's page size patched to 5 rows and (b) on the small office (a tenth of the
data): a count that grows with the rows shown is an N+1. A baseline — a staff page that renders
the site's layout and nothing else, through the same middleware and login — is requested after
each timed request, so every page's ratio to it is measured under the same load. Targets: median
≤ 100 ms, p99 ≤ 300 ms, statements constant in the rows shown. See bench/README.md and
docs/performance.md ("Office working day").
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_MEDIAN_MS = 100.0
TARGET_P99_MS = 300.0
META_TABLE = "bench_office_meta"
SMALL_ROWS = 5  # the page size of the query-count check
BASELINE_URL = "/__bench__/baseline/"
BASELINE_TEMPLATE = (
    '{% extends "base.html" %}{% block body_class %}office{% endblock %}'
    "{% block content %}<h1>基线</h1>{% endblock %}"
)


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# The database


def pg_admin(url, sql, params=(), dbname="postgres"):
    import psycopg

    parts = urlparse(url)
    with psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname=dbname,
        autocommit=True,
    ) as db:
        cursor = db.execute(sql, params)
        return cursor.fetchall() if cursor.description else []


def prepare_postgres(url, reuse):
    """Create the database named by `url`, or reuse/replace one this bench made. Returns
    whether a dataset is already there to reuse."""
    name = urlparse(url).path.lstrip("/")
    if not name or name in {"postgres", "template0", "template1"}:
        raise SystemExit(f"DATABASE_URL must name a throw-away database, not {name!r}")
    exists = pg_admin(url, "SELECT 1 FROM pg_database WHERE datname = %s", (name,))
    if exists:
        tables = {
            row[0]
            for row in pg_admin(
                url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", dbname=name
            )
        }
        if tables and META_TABLE not in tables:
            raise SystemExit(
                f"database {name} exists and was not made by this bench: give another name"
            )
        if reuse and META_TABLE in tables:
            return True
        pg_admin(url, f'DROP DATABASE "{name}" WITH (FORCE)')
    pg_admin(url, f'CREATE DATABASE "{name}"')
    return False


def drop_postgres(url):
    name = urlparse(url).path.lstrip("/")
    pg_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup(args):
    """Environment and django.setup(); returns (kind, url, workdir, reusable)."""
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="gongkai-office-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        kind, reusable = "postgres", prepare_postgres(url, args.reuse)
    elif url:
        raise SystemExit("DATABASE_URL: only postgres:// is supported (unset it for SQLite)")
    else:
        kind, path = "sqlite", workdir / "office-bench.sqlite3"
        reusable = args.reuse and path.exists()
        if not reusable:
            for old in workdir.glob(path.name + "*"):
                old.unlink()
        url = f"sqlite:///{path}"
    os.environ.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "GONGKAI_VAR_DIR": str(workdir / "var"),
            # As deployed (docs/deploy.md): connections kept between requests.
            "DATABASE_CONN_MAX_AGE": "60",
        }
    )
    import django

    django.setup()
    return kind, url, workdir, reusable


def read_meta():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT v FROM {META_TABLE} WHERE k = 'dataset'")
        return json.loads(cursor.fetchone()[0])


def write_meta(meta):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {META_TABLE} (k varchar(40) PRIMARY KEY, v text)")
        cursor.execute(
            f"INSERT INTO {META_TABLE} (k, v) VALUES ('dataset', %s)", [json.dumps(meta)]
        )


def generate(args, kind, today):
    from django.core.management import call_command
    from django.db import connection, transaction

    from bench import office_data

    size = office_data.Size(args.applications, args.items, args.years)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    log(f"{kind}: migrated in {migrated - started:.0f} s; building the dataset (today {today})")
    with transaction.atomic():
        office_data.build(size, seed=args.seed, today=today, log=log)
    built = time.perf_counter()
    with connection.cursor() as cursor:
        if kind == "postgres":
            cursor.execute("VACUUM ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    meta = {
        "applications": size.applications,
        "items": size.items,
        "years": size.years,
        "seed": args.seed,
        "today": today.isoformat(),
        "migrate_seconds": migrated - started,
        "build_seconds": built - migrated,
        "analyze_seconds": time.perf_counter() - built,
    }
    write_meta(meta)
    return meta


def table_counts():
    from django.apps import apps
    from django.db import connection

    wanted = ["applications.Application", "deadlines.Deadline", "core.StatusChange",
              "catalog.Item", "catalog.ChannelRecord", "applications.Consultation"]  # fmt: skip
    counts = {}
    with connection.cursor() as cursor:
        for label in wanted:
            table = apps.get_model(label)._meta.db_table
            cursor.execute(f"SELECT COUNT(*) FROM {table}")
            counts[label] = cursor.fetchone()[0]
    return counts


# --------------------------------------------------------------------------------------------
# What is measured


@dataclass
class Page:
    group: str
    name: str
    who: str  # a user key of the office, "supervisor", or "anonymous"
    url: str
    paged: str = ""  # which list's page size the 5-row check patches ("" = not a list)
    kind: str = "html"  # html, json, xlsx
    results: dict = field(default_factory=dict)


@dataclass
class Facts:
    """What the page addresses need, read from one office's data."""

    agency_id: int
    code: str
    open_case: int
    closed_case: int
    number: str
    name: str
    word: str
    all_pages: int
    closed_pages: int
    item_pages: int
    public_pages: int
    category: int
    year: int
    first_year: int


def facts_of(office_key, today):
    from django.db.models import Count

    from gongkai.agencies.models import Agency
    from gongkai.applications.filters import PAGE_SIZE
    from gongkai.applications.models import Application
    from gongkai.catalog.models import Item
    from gongkai.catalog.selectors import PAGE_SIZE as PUBLIC_SIZE
    from gongkai.catalog.views.office import OFFICE_PAGE_SIZE

    agency = Agency.objects.get(code=f"bench-{office_key}")
    cases = Application.objects.filter(agency=agency)
    clerk = f"{office_key}-clerk"
    open_case = (
        cases.filter(status="in_progress", assigned_to__username=clerk).order_by("-pk").first()
        or cases.filter(status__in=["in_progress", "decision_drafted"]).order_by("-pk").first()
    )
    closed = cases.filter(status="closed", served_on__isnull=False).order_by("-pk")[20]
    sample = cases.filter(received_on__year=today.year - 2).order_by("pk").first()
    items = Item.objects.filter(agency=agency)
    category = (
        items.filter(status="published")
        .values("categories")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["categories"]
    )
    published = items.filter(status="published").count()
    terminal = cases.filter(status__in=["closed", "withdrawn"]).count()
    return Facts(
        agency_id=agency.pk,
        code=agency.code,
        open_case=open_case.pk,
        closed_case=closed.pk,
        number=sample.number,
        name=sample.applicant_name,
        word="补偿",
        all_pages=math.ceil(cases.count() / PAGE_SIZE),
        closed_pages=math.ceil(terminal / PAGE_SIZE),
        item_pages=math.ceil(items.count() / OFFICE_PAGE_SIZE),
        public_pages=math.ceil(published / PUBLIC_SIZE),
        category=category,
        year=today.year - 1,
        first_year=today.year - 4,
    )


def _q(path, **params):
    return path + ("?" + urlencode(params) if params else "")


STATISTICS, XLSX = "/office/reports/statistics/", "/office/reports/statistics/xlsx/"


def pages_for(f: Facts, today) -> list[Page]:
    deep = max(1, round(f.all_pages * 0.9))
    y = f.year
    queue, api = "/office/applications/", "/api/office/applications/"
    quarter = {"received_from": f"{y}-01-01", "received_to": f"{y}-03-31"}
    pages = [
        Page("baseline", "baseline: staff page, layout only", "clerk", BASELINE_URL),
        Page("工作台", "/office/ clerk", "clerk", "/office/"),
        Page("工作台", "/office/ reviewer", "reviewer", "/office/"),
        Page("工作台", "/office/ head", "head", "/office/"),
        Page("工作台", "/office/ supervisor (city)", "supervisor", "/office/"),
    ]
    for name, params in (
        ("open, by due date (default)", {}),
        ("status=closed", {"status": "closed"}),
        ("status=all", {"status": "all"}),
        ("status=withdrawn", {"status": "withdrawn"}),
        ("status=served", {"status": "served"}),
        ("status=submitted (待确认)", {"status": "submitted", "sort": "received"}),
        ("assignee=me (我承办的)", {"assignee": "me"}),
        ("assignee=none (待分配)", {"assignee": "none"}),
        ("all, assignee=me", {"status": "all", "assignee": "me"}),
        ("all, channel=online", {"status": "all", "channel": "online"}),
        ("all, outcome=granted", {"status": "all", "outcome": "granted"}),
        ("all, regime=2019", {"status": "all", "regime": "2019"}),
        (f"all, received {y} Q1", {"status": "all", **quarter}),
        ("all, q=number", {"status": "all", "q": f.number}),
        ("all, q=applicant name", {"status": "all", "q": f.name}),
        (f"all, q={f.word} (request text)", {"status": "all", "q": f.word}),
        ("urgency=overdue", {"urgency": "overdue"}),
        ("urgency=provisional (暂定)", {"urgency": "provisional"}),
        ("waiting=correction_notice", {"waiting": "correction_notice"}),
        ("waiting=consultation", {"waiting": "consultation"}),
        ("waiting=extension", {"waiting": "extension"}),
        ("open, sort=received", {"sort": "received"}),
        ("all, sort=-received, page 1", {"status": "all", "sort": "-received"}),
        (f"all, sort=-received, page {deep}", {"status": "all", "sort": "-received", "page": deep}),
        (f"all, by due, page {deep}", {"status": "all", "page": deep}),
        (
            f"closed, page {f.closed_pages}",
            {"status": "closed", "page": f.closed_pages},
        ),
    ):
        pages.append(Page("queue", name, "clerk", _q(queue, **params), paged="queue"))
    for name, params in (
        ("default", {}),
        ("status=all", {"status": "all"}),
        (f"status=all page {deep}", {"status": "all", "page": deep}),
        ("status=closed, q=text", {"status": "closed", "q": f.word}),
        ("assignee=me", {"assignee": "me"}),
        (f"all, received {y} Q1", {"status": "all", **quarter}),
        ("urgency=provisional", {"urgency": "provisional"}),
    ):
        pages.append(
            Page("API queue", name, "clerk", _q(api, **params), paged="queue", kind="json")
        )
    pages += [
        Page("case", "open case (in progress)", "clerk", f"/office/applications/{f.open_case}/"),
        Page("case", "closed case", "clerk", f"/office/applications/{f.closed_case}/"),
    ]
    five = {"agency": f.agency_id, "start": f"{f.first_year}-01-01", "end": today.isoformat()}
    one = {"agency": f.agency_id, "start": f"{y}-01-01", "end": f"{y}-12-31"}
    pages += [
        Page("statistics", f"{y}", "clerk", _q(STATISTICS, **one)),
        Page("statistics", f"{f.first_year}–today", "clerk", _q(STATISTICS, **five)),
        Page("statistics", f"XLSX {f.first_year}–today", "clerk", _q(XLSX, **five), kind="xlsx"),
    ]
    item_deep = max(1, round(f.item_pages * 0.9))
    for name, params in (
        ("default (last changed)", {}),
        ("status=published", {"status": "published"}),
        ("status=draft", {"status": "draft"}),
        ("category", {"category": f.category}),
        (f"year={y}", {"year": y}),
        ("channel=weibo", {"channel": "weibo"}),
        ("q=text", {"q": "实施办法"}),
        ("overdue=1 (past Art. 26)", {"overdue": "1"}),
        (f"page {item_deep}", {"page": item_deep}),
    ):
        pages.append(
            Page("staff catalogue", name, "clerk", _q("/office/catalog/", **params), paged="office")
        )
    public = f"/gk/{f.code}/catalog/"
    pub_deep = max(1, round(f.public_pages * 0.5))
    for name, params in (
        ("page 1", {}),
        (f"page {pub_deep}", {"page": pub_deep}),
        (f"page {f.public_pages} (last)", {"page": f.public_pages}),
        ("category", {"category": f.category}),
        (f"year={y}", {"year": y}),
        (f"category, year={y}, page 3", {"category": f.category, "year": y, "page": 3}),
    ):
        pages.append(
            Page("public catalogue", name, "anonymous", _q(public, **params), paged="public")
        )
    pages.append(Page("public catalogue", "agency column", "anonymous", f"/gk/{f.code}/"))
    return pages


# --------------------------------------------------------------------------------------------
# Measuring


def install_baseline():
    """A bench-only URL in front of the project's: a staff page rendering the layout only."""
    import types

    from django.conf import settings
    from django.http import HttpResponse
    from django.template import engines
    from django.urls import clear_url_caches, path

    import config.urls
    from gongkai.agencies.views import staff_required

    template = engines["django"].from_string(BASELINE_TEMPLATE)

    @staff_required
    def baseline(request):
        return HttpResponse(template.render({}, request))

    module = types.ModuleType("bench_office_urls")
    module.urlpatterns = [path(BASELINE_URL.strip("/") + "/", baseline), *config.urls.urlpatterns]
    sys.modules[module.__name__] = module
    settings.ROOT_URLCONF = module.__name__
    clear_url_caches()


@contextmanager
def page_size(which, rows):
    """The list's page size set to `rows` (the 5-row query-count check)."""
    from gongkai.applications import api
    from gongkai.applications.views import staff
    from gongkai.catalog import listing
    from gongkai.catalog.views import office

    saved = []
    try:
        if which == "queue":
            for module in (staff, api):
                saved.append((module, "QUEUE_PAGE_SIZE", module.QUEUE_PAGE_SIZE))
                module.QUEUE_PAGE_SIZE = rows
        elif which == "office":
            saved.append((office, "OFFICE_PAGE_SIZE", office.OFFICE_PAGE_SIZE))
            office.OFFICE_PAGE_SIZE = rows
        elif which == "public":
            defaults = listing.catalogue_numbered.__kwdefaults__
            saved.append((defaults, "size", defaults["size"]))
            defaults["size"] = rows
        yield
    finally:
        for target, name, value in saved:
            if isinstance(target, dict):
                target[name] = value
            else:
                setattr(target, name, value)


class Clients:
    def __init__(self, offices):
        from django.test import Client

        self.clients = {"anonymous": Client()}
        from gongkai.accounts.models import User

        for office_key in offices:
            for user in User.objects.filter(username__startswith=f"{office_key}-"):
                client = Client()
                client.force_login(user)
                self.clients[user.username] = client
        supervisor = User.objects.get(username="city-supervisor")
        client = Client()
        client.force_login(supervisor)
        self.clients["city-supervisor"] = client

    def of(self, office_key, who):
        if who == "anonymous":
            return self.clients["anonymous"]
        if who == "supervisor":
            return self.clients["city-supervisor"]
        return self.clients[f"{office_key}-{who}"]


def request(client, page):
    response = client.get(page.url)
    if response.status_code != 200:
        raise RuntimeError(f"{page.url}: HTTP {response.status_code}")
    body = response.content
    if page.kind == "json":
        json.loads(body)
    elif page.kind == "xlsx" and not body.startswith(b"PK"):
        raise RuntimeError(f"{page.url}: not an XLSX file")
    return len(body)


def captured(client, page):
    """(statements, SQL ms, slowest [(ms, sql)]) of one request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timings.append(((time.perf_counter() - started) * 1000, sql))

    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(timer):
        request(client, page)
    timings.sort(key=lambda t: -t[0])
    return len(queries), sum(t for t, _s in timings), timings[:3]


def p99(values):
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def measure(pages, small_pages, clients, args):
    baseline_page = pages[0]
    baseline_client = clients.of("big", baseline_page.who)
    baseline_runs = []
    for page, small in zip(pages, small_pages, strict=True):
        client = clients.of("big", page.who)
        for _ in range(2):  # warm-up: caches, the case page's stored check
            request(client, page)
            request(clients.of("small", small.who), small)
        n, sql_ms, slowest = captured(client, page)
        r = page.results
        r["queries"], r["sql_ms"], r["slowest"] = n, sql_ms, slowest
        if page.paged:
            with page_size(page.paged, SMALL_ROWS):
                r["queries_5_rows"] = captured(client, page)[0]
        r["queries_small_office"] = captured(clients.of("small", small.who), small)[0]
        runs = []
        for _ in range(args.runs):
            started = time.perf_counter()
            r["bytes"] = request(client, page)
            runs.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            request(baseline_client, baseline_page)
            baseline_runs.append((time.perf_counter() - started) * 1000)
        r["runs"] = runs
        r["median_ms"] = statistics.median(runs)
        r["p99_ms"] = p99(runs)
        log(f"  {page.group:16} {page.name:38} {r['median_ms']:7.1f} ms  p99 {r['p99_ms']:7.1f}  "
            f"{n} SQL ({sql_ms:.1f} ms)")  # fmt: skip
    return {"median_ms": statistics.median(baseline_runs), "p99_ms": p99(baseline_runs)}


def code_version():
    """sha1 of the code whose speed this measures (others are editing it)."""
    digest = hashlib.sha1()
    base = ROOT / "gongkai"
    paths = [
        *sorted((base / "applications").rglob("*.py")),
        *sorted((base / "deadlines").rglob("*.py")),
        *sorted((base / "catalog").rglob("*.py")),
        *sorted((base / "reports").rglob("statistics*.py")),
        base / "core" / "worklist.py",
        base / "core" / "worklist_counts.py",
        base / "core" / "paging.py",
        base / "agencies" / "views.py",
    ]
    for path in paths:
        if "migrations" not in path.parts and path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def machine_info(kind):
    """The machine as bench/report.py describes it, plus the database's own settings."""
    from django.db import connection

    from bench.report import machine_info as machine

    info = machine()
    with connection.cursor() as cursor:
        if kind == "postgres":
            cursor.execute("SELECT version(), current_setting('shared_buffers'), "
                           "current_setting('work_mem'), current_setting('jit')")  # fmt: skip
            version, shared, work_mem, jit = cursor.fetchone()
            info["database"] = (f"{version.split(' on ')[0]} (shared_buffers {shared}, "
                                f"work_mem {work_mem}, jit {jit})")  # fmt: skip
        else:
            import sqlite3

            cursor.execute("PRAGMA cache_size")
            info["database"] = (
                f"SQLite {sqlite3.sqlite_version} (cache_size {cursor.fetchone()[0]})"
            )
    return info


# --------------------------------------------------------------------------------------------
# Report


def verdict(r):
    time_ok = r["median_ms"] <= TARGET_MEDIAN_MS and r["p99_ms"] <= TARGET_P99_MS
    rows_ok = "queries_5_rows" not in r or r["queries_5_rows"] == r["queries"]
    return time_ok, rows_ok


def report(result):
    out = print
    m = result["machine"]
    meta = result["dataset"]
    base = result["baseline"]
    out(f"\n# Office working day: {result['kind']}, {meta['applications']:,} applications and "
        f"{meta['items']:,} items over {meta['years']} years (dataset of {meta['today']}), "
        f"{result['runs']} timed requests per page\n")  # fmt: skip
    out(f"Command: `{result['command']}`  ")
    out(f"Date: {result['started']}; code {result['code']}  ")
    out(f"Machine: {m.get('cpu', '?')}, {m['cpus']} CPUs, {m.get('memory_gb', '?')} GB RAM; "
        f"{m['platform']}; Python {m['python']}, Django {m['django']}; {m['database']}  ")  # fmt: skip
    counts = ", ".join(f"{label.split('.')[1]} {n:,}" for label, n in result["counts"].items())
    built = "reused" if result["reused"] else f"built in {meta['build_seconds']:.0f} s"
    out(f"Rows (both offices): {counts}; dataset {built}  ")
    out(f"Load average (1/5/15 min) before / after: "
        f"{' '.join(f'{x:.2f}' for x in result['load_before'])} / "
        f"{' '.join(f'{x:.2f}' for x in result['load_after'])}  ")  # fmt: skip
    out(f"Baseline (a staff page with the layout only, requested after every timed request): "
        f"median {base['median_ms']:.1f} ms, p99 {base['p99_ms']:.1f} ms\n")  # fmt: skip
    out("| group | page | median ms | p99 ms | × baseline | SQL | SQL ms | SQL at 5 rows "
        "| SQL, small office | met |")  # fmt: skip
    out("|---|---|---|---|---|---|---|---|---|---|")
    missed = []
    for page in result["pages"]:
        r = page["results"]
        time_ok, rows_ok = verdict(r)
        ok = time_ok and rows_ok
        if page["group"] == "baseline":  # the reference, not a page of the office
            ok, time_ok = True, True
        if not ok:
            why = [] if time_ok else ["time"]
            why += [] if rows_ok else ["N+1"]
            missed.append(f"{page['group']} {page['name']} ({', '.join(why)})")
        five = r.get("queries_5_rows", "—")
        out(f"| {page['group']} | {page['name']} | {r['median_ms']:.1f} | {r['p99_ms']:.1f} "
            f"| {r['median_ms'] / base['median_ms']:.1f} | {r['queries']} | {r['sql_ms']:.1f} "
            f"| {five} | {r['queries_small_office']} | {'yes' if ok else 'NO'} |")  # fmt: skip
    times = [p["results"] for p in result["pages"][1:]] or [result["pages"][0]["results"]]
    out(f"\nWorst median {max(r['median_ms'] for r in times):.1f} ms, worst p99 "
        f"{max(r['p99_ms'] for r in times):.1f} ms (targets {TARGET_MEDIAN_MS:.0f} / "
        f"{TARGET_P99_MS:.0f} ms); statements constant in the rows shown: "
        f"{'yes' if all(verdict(r)[1] for r in times) else 'NO'}.")  # fmt: skip
    slow = [p for p in result["pages"][1:] if not verdict(p["results"])[0]]
    if slow or result["explain"]:
        out("\nSlowest statements of the pages that missed a target (one request):")
        for page in slow or result["pages"]:
            r = page["results"]
            out(f"\n- {page['group']} {page['name']} (`{page['url']}`):")
            for ms, sql in r["slowest"]:
                out(f"  - {ms:.1f} ms `{sql[:300]}{'…' if len(sql) > 300 else ''}`")
    out("\nMissed: " + ("; ".join(missed) if missed else "none"))
    return missed


# --------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--applications", type=int, default=20_000,
                        help="applications of the big office (default 20,000)")  # fmt: skip
    parser.add_argument("--items", type=int, default=50_000,
                        help="catalogue items of the big office (default 50,000)")  # fmt: skip
    parser.add_argument("--years", type=int, default=5, help="years of data up to today")
    parser.add_argument("--runs", type=int, default=30,
                        help="timed requests per page after two warm-ups (default 30)")  # fmt: skip
    parser.add_argument("--small", action="store_true",
                        help="a quick run: 2,000 applications, 5,000 items, 10 runs")  # fmt: skip
    parser.add_argument("--only", default="",
                        help="measure only pages whose group or name contains this text")  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the database a --keep run left (same sizes and seed), "
                        "else build it; implies --keep")  # fmt: skip
    parser.add_argument("--workdir", help="where the SQLite file goes (default: a temp dir)")
    parser.add_argument("--explain", action="store_true",
                        help="print the slowest statements of every page")  # fmt: skip
    parser.add_argument("--json", help="also write every figure here")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a target is missed")  # fmt: skip
    args = parser.parse_args()
    if args.small:
        args.applications, args.items = 2_000, 5_000
        args.runs = min(args.runs, 10)
    if args.reuse:
        args.keep = True
    if args.reuse and not args.workdir and not os.environ.get("DATABASE_URL"):
        parser.error("--reuse needs --workdir (where the kept SQLite file is)")
    started = dt.datetime.now().isoformat(timespec="seconds")
    load_before = os.getloadavg()
    kind, url, workdir, reusable = setup(args)
    from django.utils import timezone

    today = timezone.localdate()
    try:
        meta = read_meta() if reusable else None
        wanted = {"applications": args.applications, "items": args.items,
                  "years": args.years, "seed": args.seed}  # fmt: skip
        reused = bool(meta) and all(meta.get(k) == v for k, v in wanted.items())
        if meta and not reused:
            raise SystemExit(f"the kept database holds {meta}, not {wanted}: run without --reuse")
        if not reused:
            meta = generate(args, kind, today)
        else:
            log(f"{kind}: reusing the dataset of {meta['today']}")
        install_baseline()
        facts = {key: facts_of(key, today) for key in ("big", "small")}
        pages = pages_for(facts["big"], today)
        small_pages = pages_for(facts["small"], today)
        if args.only:
            keep = [
                i
                for i, page in enumerate(pages)
                if i == 0 or args.only in page.group or args.only in page.name
            ]
            pages, small_pages = [pages[i] for i in keep], [small_pages[i] for i in keep]
        clients = Clients(["big", "small"])
        log(f"{kind}: measuring {len(pages)} pages, {args.runs} runs each")
        baseline = measure(pages, small_pages, clients, args)
        result = {
            "kind": kind,
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "started": started,
            "code": code_version(),
            "machine": machine_info(kind),
            "dataset": meta,
            "reused": reused,
            "counts": table_counts(),
            "runs": args.runs,
            "load_before": load_before,
            "load_after": os.getloadavg(),
            "baseline": baseline,
            "explain": args.explain,
            "pages": [
                {"group": p.group, "name": p.name, "url": p.url, "results": p.results}
                for p in pages
            ],
        }
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            if kind == "postgres":
                drop_postgres(url)
            if not args.workdir:
                shutil.rmtree(workdir, ignore_errors=True)
        else:
            log(f"kept: {url}")
    missed = report(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1, default=str))
    if args.check and missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
