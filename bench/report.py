"""Annual-report benchmark: building the gb2021 and gb2008 tables (gongkai.reports.compute.build)
on a province-sized dataset, on SQLite and PostgreSQL, against a floor of hand-written SQL.

    .venv/bin/python bench/report.py --scale 0.05
    .venv/bin/python bench/report.py --scale 1 --backends sqlite,postgres --check

For each backend a subprocess (its own Django settings: config.settings.local with DATABASE_URL
pointing at a throw-away database) runs the migrations, loads the dataset of bench/report_data.py
(executemany on SQLite, COPY on PostgreSQL), runs ANALYZE, and then times, for each format and
for two scopes (the root agency with its whole subtree, and the department with the most
applications alone):

* ours: `build(fmt, agency, year, subtree=...)`, everything it does (the subtree lookup, every
  source's queries, the Python that maps rows to cells);
* the floor: one hand-written aggregate statement per table group doing the same counting
  (applications grouped by the columns the table needs with SUM(CASE ...) per phase, items
  COUNT(*), channels COUNT(DISTINCT item_id) over the join, ...), run through the same
  connection; the floor of a format is the sum of its statements.

Ours and the floor alternate within each repetition (after one untimed warm-up of each), so
both see the same machine load. Every cell the floor computes is compared with ours: the floor
must count the same things, or the ratio means nothing.
See bench/README.md and docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BACKENDS = ("sqlite", "postgres")
FORMATS = ("gb2021", "gb2008")
PG = {"HOST": "127.0.0.1", "PORT": "5432", "USER": "postgres"}
PG_DB_DEFAULT = "gongkai_report_bench"
TARGET_SUBTREE_MS = 2000.0
TARGET_AGENCY_MS = 100.0
TARGET_FLOOR_RATIO = 2.0
LOAD_BATCH = 50_000
META_TABLE = "bench_report_meta"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def progress(total, desc):
    from tqdm import tqdm

    return tqdm(
        total=total, desc=desc, unit="rows", unit_scale=True, file=sys.stderr, mininterval=5
    )


# --------------------------------------------------------------------------------------------
# Loading (inside a worker)


class SqliteLoader:
    """executemany in transactions of LOAD_BATCH rows; secondary indexes of big tables are
    dropped first and created again after the load (same DDL, read from sqlite_master). As on
    PostgreSQL (replica mode), foreign keys and triggers are off while loading: rows that point
    at each other (an item and the review that approved it) go in table by table; the triggers
    are created again afterwards."""

    def __init__(self, connection, label):
        connection.ensure_connection()
        self.db, self.label = connection.connection, label
        # For the load only: the timed runs use a new connection with the project's settings.
        self.db.execute("PRAGMA cache_size=-1000000")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("PRAGMA foreign_keys=OFF")
        rows = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND sql IS NOT NULL"
        ).fetchall()
        for name, _sql in rows:
            self.db.execute(f'DROP TRIGGER "{name}"')
        self.triggers = [sql for _name, sql in rows]

    def _drop_indexes(self, table):
        rows = self.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name=? "
            "AND sql IS NOT NULL",
            (table,),
        ).fetchall()
        for name, _sql in rows:
            self.db.execute(f'DROP INDEX "{name}"')
        return [sql for _name, sql in rows]

    def insert(self, table, columns, rows, total):
        names = ", ".join(f'"{c}"' for c in columns)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        ddl = self._drop_indexes(table) if total > LOAD_BATCH else []
        done = 0
        bar = progress(total, f"{self.label} {table}")
        iterator = iter(rows)
        while batch := list(islice(iterator, LOAD_BATCH)):
            self.db.execute("BEGIN")
            self.db.executemany(sql, batch)
            self.db.execute("COMMIT")
            done += len(batch)
            bar.update(len(batch))
        bar.close()
        for statement in ddl:
            self.db.execute(statement)
        return done

    def finish(self, tables):
        for statement in self.triggers:
            self.db.execute(statement)
        self.db.execute("ANALYZE")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class PostgresLoader:
    """COPY in chunks of LOAD_BATCH rows with the foreign-key triggers off
    (session_replication_role = replica; check constraints still apply); secondary indexes of
    big tables (not those backing constraints) dropped first and created again after."""

    def __init__(self, connection, label):
        connection.ensure_connection()
        self.db, self.label = connection.connection, label
        with self.db.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("SET synchronous_commit = off")
            cursor.execute("SET TIME ZONE 'UTC'")
            cursor.execute("SET maintenance_work_mem = '512MB'")

    def _drop_indexes(self, table):
        with self.db.cursor() as cursor:
            cursor.execute(
                "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index "
                "WHERE indrelid = %s::regclass AND indexrelid NOT IN "
                "(SELECT conindid FROM pg_constraint WHERE conrelid = %s::regclass)",
                (table, table),
            )
            rows = cursor.fetchall()
            for name, _ddl in rows:
                cursor.execute(f"DROP INDEX {name}")
        return [ddl for _name, ddl in rows]

    def insert(self, table, columns, rows, total):
        names = ", ".join(f'"{c}"' for c in columns)
        ddl = self._drop_indexes(table) if total > LOAD_BATCH else []
        done = 0
        bar = progress(total, f"{self.label} {table}")
        iterator = iter(rows)
        with self.db.cursor() as cursor:
            while batch := list(islice(iterator, LOAD_BATCH)):
                with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                    for row in batch:
                        copy.write_row(row)
                done += len(batch)
                bar.update(len(batch))
            bar.close()
            for statement in ddl:
                cursor.execute(statement)
            if done:
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'(SELECT max(id) FROM "{table}"))'
                )
        return done

    def finish(self, tables):
        with self.db.cursor() as cursor:
            cursor.execute("SET session_replication_role = DEFAULT")
            cursor.execute("VACUUM ANALYZE")


# --------------------------------------------------------------------------------------------
# Worker: one backend in its own process


def database_url(kind, workdir, pg_db):
    if kind == "sqlite":
        return f"sqlite:///{Path(workdir) / 'report-bench.sqlite3'}"
    return f"postgres://{PG['USER']}@{PG['HOST']}:{PG['PORT']}/{pg_db}"


def pg_admin(sql, params=()):
    import psycopg

    with psycopg.connect(
        host=PG["HOST"], port=PG["PORT"], user=PG["USER"], dbname="postgres", autocommit=True
    ) as db:
        return db.execute(sql, params).fetchall()


def read_meta(connection):
    from django.db import DatabaseError

    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT v FROM {META_TABLE} WHERE k = 'dataset'")
            row = cursor.fetchone()
            return json.loads(row[0]) if row else None
    except DatabaseError:
        return None
    finally:
        connection.close()


def prepare(args, kind):
    """A database holding the dataset: reused when --reuse finds one of the same parameters,
    else created from scratch. Returns the dataset description."""
    from django.core.management import call_command
    from django.db import connection

    from bench import report_data

    wanted = {"scale": args.scale, "seed": args.seed, "agencies": args.agencies}
    sqlite_path = Path(args.workdir) / "report-bench.sqlite3"
    exists = (
        sqlite_path.exists()
        if kind == "sqlite"
        else bool(pg_admin("SELECT 1 FROM pg_database WHERE datname = %s", (args.pg_db,)))
    )
    if args.reuse and exists:
        meta = read_meta(connection)
        if meta and all(meta.get(k) == v for k, v in wanted.items()):
            log(f"{kind}: reusing the dataset ({meta['counts']['applications_application']:,} "
                "applications)")  # fmt: skip
            meta["reused"] = True
            return meta
        log(f"{kind}: existing database does not match {wanted} (has {meta}); regenerating")
    if kind == "sqlite":
        for path in sqlite_path.parent.glob(sqlite_path.name + "*"):
            path.unlink()
    else:
        subprocess.run(["dropdb", "-h", PG["HOST"], "-U", PG["USER"], "--if-exists", args.pg_db],
                       check=True)  # fmt: skip
        subprocess.run(["createdb", "-h", PG["HOST"], "-U", PG["USER"], args.pg_db], check=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()
    loader = (SqliteLoader if kind == "sqlite" else PostgresLoader)(connection, kind)
    counts = report_data.load(loader, scale=args.scale, seed=args.seed, agencies=args.agencies)
    loaded = time.perf_counter()
    log(f"{kind}: loaded in {loaded - migrated:,.0f} s; ANALYZE ...")
    loader.finish(list(counts))
    finished = time.perf_counter()
    meta = {
        **wanted,
        "counts": counts,
        "migrate_seconds": migrated - started,
        "load_seconds": loaded - migrated,
        "analyze_seconds": finished - loaded,
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "reused": False,
    }
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {META_TABLE} (k varchar(40) PRIMARY KEY, v text)")
        cursor.execute(
            f"INSERT INTO {META_TABLE} (k, v) VALUES ('dataset', %s)", [json.dumps(meta)]
        )
    connection.close()  # the timed runs get a fresh connection with the project's settings
    return meta


def code_version():
    """sha1 of the code whose speed this measures (others are editing it)."""
    digest = hashlib.sha1()
    paths = sorted((ROOT / "gongkai" / "reports").rglob("*.py"))
    for app in ("applications", "catalog", "appeals", "engagement", "facts"):
        paths += [ROOT / "gongkai" / app / "selectors.py"]
    for path in paths:
        if "migrations" not in path.parts and path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


# --------------------------------------------------------------------------------------------
# The floor: hand-written SQL


def _in(ids):
    return "(" + ", ".join(str(int(i)) for i in ids) + ")"


def floor_statements(format_id, ids, year, custom_maps):
    """[(group, sql, params)] for `format_id`: one aggregate statement per table group."""
    from django.db import connection
    from django.utils import timezone

    ops = connection.ops
    s, e = (
        ops.adapt_datefield_value(dt.date(year, 1, 1)),
        ops.adapt_datefield_value(dt.date(year, 12, 31)),
    )
    first = ops.adapt_datetimefield_value(timezone.make_aware(dt.datetime(year, 1, 1)))
    after = ops.adapt_datetimefield_value(timezone.make_aware(dt.datetime(year + 1, 1, 1)))
    agencies = _in(ids)
    in_scope = (
        f"agency_id IN {agencies} AND received_on <= %s AND "
        "(concluded_on IS NULL OR concluded_on >= %s)"
    )
    normative = (
        "normative",
        "SELECT SUM(CASE WHEN n.issued_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN n.abolished_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN n.issued_on <= %s AND (n.abolished_on IS NULL OR n.abolished_on > %s) "
        "AND (n.expires_on IS NULL OR n.expires_on >= %s) THEN 1 ELSE 0 END) "
        "FROM catalog_normativerecord n JOIN catalog_item i ON i.id = n.item_id "
        f"WHERE i.agency_id IN {agencies}",
        [s, e, s, e, e, e, e],
    )
    appeals = (
        "appeals",
        "SELECT kind, CASE WHEN outcome = 'pending' OR closed_on IS NULL OR closed_on > %s "
        "THEN 'pending' ELSE outcome END AS col, COUNT(*) FROM appeals_appealcase "
        f"WHERE agency_id IN {agencies} AND filed_on BETWEEN %s AND %s GROUP BY 1, 2",
        [e, s, e],
    )
    if format_id == "gb2021":
        return [
            (
                "applications (t3)",
                "SELECT applicant_type, regime, status, outcome, "
                "SUM(CASE WHEN received_on >= %s THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN received_on < %s THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN concluded_on <= %s THEN 1 ELSE 0 END), "
                "SUM(CASE WHEN concluded_on IS NULL OR concluded_on > %s THEN 1 ELSE 0 END) "
                f"FROM applications_application WHERE {in_scope} "
                "GROUP BY applicant_type, regime, status, outcome",
                [s, s, e, e, e, s],
            ),
            normative,
            (
                "figures (t2)",
                "SELECT key, SUM(value) FROM facts_othersystemfigure "
                f"WHERE agency_id IN {agencies} AND year = %s GROUP BY key",
                [year],
            ),
            appeals,
        ]
    # gb2008
    rows = {"gazette": "gazette", "portal": "website", "weibo": "weibo", "wechat": "weixin"}
    whens = []
    for (channel, row), agency_ids in sorted(custom_maps.items()):
        scoped = sorted(set(agency_ids) & set(ids))
        if scoped:
            whens.append(f"WHEN cr.channel = '{channel}' AND i.agency_id IN {_in(scoped)} "
                         f"THEN '{row}'")  # fmt: skip
    whens += [f"WHEN cr.channel = '{c}' THEN '{r}'" for c, r in rows.items()]
    return [
        (
            "applications (s3)",
            "SELECT regime, status, outcome, channel, extended, "
            "SUM(CASE WHEN received_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN concluded_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN concluded_on BETWEEN %s AND %s AND (on_time IS NULL OR on_time) "
            "THEN 1 ELSE 0 END) FROM applications_application "
            f"WHERE agency_id IN {agencies} AND (received_on BETWEEN %s AND %s "
            "OR concluded_on BETWEEN %s AND %s) GROUP BY regime, status, outcome, channel, extended",
            [s, e, s, e, s, e, s, e, s, e],
        ),
        (
            "fees (s7)",
            "SELECT SUM(fee_amount) FROM applications_application "
            f"WHERE agency_id IN {agencies} AND fee_paid_on BETWEEN %s AND %s",
            [s, e],
        ),
        (
            "items (s1, s2)",
            "SELECT SUM(CASE WHEN i.disclosure = 'active' THEN 1 ELSE 0 END), COUNT(n.id), "
            "SUM(CASE WHEN i.interprets_id IS NOT NULL THEN 1 ELSE 0 END) "
            "FROM catalog_item i LEFT JOIN catalog_normativerecord n ON n.item_id = i.id "
            f"WHERE i.agency_id IN {agencies} AND i.status IN ('published', 'withdrawn') "
            "AND i.published_at >= %s AND i.published_at < %s",
            [first, after],
        ),
        normative,
        (
            "channels (s1)",
            f"SELECT CASE {' '.join(whens)} ELSE 'other' END AS row_, "
            "COUNT(DISTINCT cr.item_id) FROM catalog_channelrecord cr "
            "JOIN catalog_item i ON i.id = cr.item_id "
            f"WHERE i.agency_id IN {agencies} AND i.status IN ('published', 'withdrawn') "
            "AND cr.published_on BETWEEN %s AND %s GROUP BY 1",
            [s, e],
        ),
        (
            "responses (s2)",
            "SELECT kind, principal_leader_took_part, COUNT(*) FROM engagement_concernresponse "
            f"WHERE agency_id IN {agencies} AND held_on BETWEEN %s AND %s "
            "GROUP BY kind, principal_leader_took_part",
            [s, e],
        ),
        appeals,
        (
            "facts (s8, s9)",
            "SELECT "
            f"(SELECT COUNT(*) FROM facts_disclosurebody WHERE agency_id IN {agencies} "
            "AND established_on <= %s AND (dissolved_on IS NULL OR dissolved_on >= %s)), "
            f"(SELECT COUNT(*) FROM facts_readingpoint WHERE agency_id IN {agencies} "
            "AND opened_on <= %s AND (closed_on IS NULL OR closed_on >= %s)), "
            f"(SELECT COUNT(*) FROM facts_staffassignment WHERE agency_id IN {agencies} "
            "AND started_on <= %s AND (ended_on IS NULL OR ended_on >= %s)), "
            f"(SELECT COUNT(*) FROM facts_staffassignment WHERE agency_id IN {agencies} "
            "AND started_on <= %s AND (ended_on IS NULL OR ended_on >= %s) AND full_time), "
            f"(SELECT SUM(amount) FROM facts_budgetallocation WHERE agency_id IN {agencies} "
            "AND year = %s AND dedicated), "
            f"(SELECT COUNT(*) FROM facts_meeting WHERE agency_id IN {agencies} "
            "AND held_on BETWEEN %s AND %s), "
            f"(SELECT COUNT(*) FROM facts_training WHERE agency_id IN {agencies} "
            "AND held_on BETWEEN %s AND %s AND hosted), "
            f"(SELECT SUM(trainees) FROM facts_training WHERE agency_id IN {agencies} "
            "AND held_on BETWEEN %s AND %s)",
            [e, e, e, e, e, e, e, e, year, s, e, s, e, s, e],
        ),
    ]


def run_floor(statements):
    """(seconds per group, rows per group) through the Django connection."""
    from django.db import connection

    times, results = {}, {}
    with connection.cursor() as cursor:
        for group, sql, params in statements:
            started = time.perf_counter()
            cursor.execute(sql, params)
            results[group] = cursor.fetchall()
            times[group] = time.perf_counter() - started
    return times, results


def floor_cells(format_id, results):
    """What the floor says the cells are: {"table:row.column": value}."""
    from collections import defaultdict

    from gongkai.appeals.selectors import legacy_from, t4_from
    from gongkai.appeals.states import AppealKind, Outcome
    from gongkai.engagement.selectors import LEADER_ROW, LEGACY_ROW
    from gongkai.regimes.outcomes import report_row

    cells = defaultdict(int)
    by_kind = {k: dict.fromkeys(Outcome.values, 0) for k in AppealKind.values}
    for kind, column, n in results["appeals"]:
        by_kind[kind][column] += n
    issued, abolished, in_force = (int(v or 0) for v in results["normative"][0])

    def withdrawn(status, outcome):
        return "withdrawn" if status == "withdrawn" else outcome

    if format_id == "gb2021":
        for applicant, regime, status, outcome, new, over, concluded, forward in results[
            "applications (t3)"
        ]:
            for column in (applicant, "total"):
                cells[f"t3:new_received.{column}"] += new
                cells[f"t3:carried_over.{column}"] += over
                cells[f"t3:results_total.{column}"] += concluded
                cells[f"t3:carried_forward.{column}"] += forward
                row = report_row(regime, withdrawn(status, outcome), "gb2021")
                if row and concluded:
                    cells[f"t3:{row}.{column}"] += concluded
        cells["t2_art20_1:normative_documents.made"] = issued
        cells["t2_art20_1:normative_documents.repealed"] = abolished
        cells["t2_art20_1:normative_documents.valid"] = in_force
        figures = {key: total for key, total in results["figures (t2)"]}
        for key, cell in (
            ("regulations_made", "t2_art20_1:regulations.made"),
            ("regulations_repealed", "t2_art20_1:regulations.repealed"),
            ("regulations_valid", "t2_art20_1:regulations.valid"),
            ("licensing", "t2_art20_5:licensing.decisions"),
            ("punishment", "t2_art20_6:punishment.decisions"),
            ("coercion", "t2_art20_6:coercion.decisions"),
        ):
            cells[cell] = int(figures.get(key) or 0)
        cells["t2_art20_8:admin_fees.fee_amount"] = _amount(figures.get("admin_fees") or 0)
        for key, value in t4_from(by_kind).items():
            cells[f"t4:count.{key}"] = value
        return dict(cells)
    t = "tongjibiao"
    legacy = {"in_person": "inperson", "fax": "fax", "online": "online", "email": "online",
              "registered_mail": "letter", "ordinary_mail": "letter"}  # fmt: skip
    for regime, status, outcome, channel, extended, new, concluded, on_time in results[
        "applications (s3)"
    ]:
        cells[f"{t}:s3_received.value"] += new
        cells[f"{t}:s3_rec_{legacy[channel]}.value"] += new
        cells[f"{t}:s3_closed.value"] += concluded
        # 延期办结: concluded after the standard period, extended or (late) not.
        in_time = 0 if extended else on_time
        cells[f"{t}:s3_closed_ontime.value"] += in_time
        cells[f"{t}:s3_closed_extended.value"] += concluded - in_time
        row = report_row(regime, withdrawn(status, outcome), "gb2008")
        if row and concluded:
            cells[f"{t}:s3_replies.value"] += concluded
            if row.startswith("s3_ref_"):
                cells[f"{t}:s3_rep_refuse.value"] += concluded
            cells[f"{t}:{row}.value"] += concluded
    cells[f"{t}:s7.value"] = _amount(Decimal(results["fees (s7)"][0][0] or 0) / 10000)
    published, published_normative, interpretations = (
        int(v or 0) for v in results["items (s1, s2)"][0]
    )
    cells[f"{t}:s1_pub.value"] = published
    cells[f"{t}:s1_pub_normative.value"] = published_normative
    cells[f"{t}:s1_normative_issued.value"] = issued
    for row, n in results["channels (s1)"]:
        cells[f"{t}:s1_ch_{row}.value"] = n
    s2 = defaultdict(int)
    for kind, leader, n in results["responses (s2)"]:
        s2[LEGACY_ROW[kind]] += n
        if leader and kind in LEADER_ROW:
            s2[LEADER_ROW[kind]] += n
    s2["s2_interpretations"] = interpretations
    s2["s2_hotspots"] = sum(
        s2[k] for k in ("s2_pressconf", "s2_interview", "s2_interpretations", "s2_weibo_weixin",
                        "s2_other")
    )  # fmt: skip
    for key, value in s2.items():
        cells[f"{t}:{key}.value"] = value
    for key, value in legacy_from(by_kind).items():
        if not key.endswith("_pending"):
            cells[f"{t}:{key}.value"] = value
    units, points, staff, fulltime, budget, meetings, trainings, trainees = results[
        "facts (s8, s9)"
    ][0]
    for key, value in (
        ("s8_units", units),
        ("s8_reading_points", points),
        ("s8_staff", staff),
        ("s8_staff_fulltime", fulltime),
        ("s8_staff_parttime", (staff or 0) - (fulltime or 0)),
        ("s9_meetings", meetings),
        ("s9_trainings", trainings),
        ("s9_trainees", trainees),
    ):
        cells[f"{t}:{key}.value"] = int(value or 0)
    cells[f"{t}:s8_budget.value"] = _amount(budget or 0)
    return dict(cells)


def _amount(value):
    from gongkai.reports.compute import _round

    return _round(Decimal(str(value)), True)


def compare(ours, floor):
    """Cells where ours and the floor disagree (the floor's cells only; ours may have more)."""
    problems = []
    for cell, expected in sorted(floor.items()):
        table, _, rest = cell.partition(":")
        row, _, column = rest.rpartition(".")
        got = ours.values.get(table, {}).get(row, {}).get(column)
        if got is None and expected == 0:
            continue
        if got != expected and Decimal(str(got or 0)) != Decimal(str(expected)):
            problems.append(f"{cell}: ours {got}, floor {expected}")
    return problems


# --------------------------------------------------------------------------------------------
# Timing


def capture_statements(fn):
    """Run fn() recording every SQL statement with its time."""
    from django.db import connection

    statements = []

    def wrapper(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append((sql, params, time.perf_counter() - started))

    with connection.execute_wrapper(wrapper):
        fn()
    return statements


def explain(kind, sql, params):
    from django.db import connection

    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if kind == "postgres" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    if kind == "postgres":
        return "\n".join(str(r[0]) for r in rows)
    return "\n".join(f"{r[1]}->{r[0]} {r[-1]}" for r in rows)


def median_min(values):
    return {"median_ms": statistics.median(values), "min_ms": min(values), "runs": values}


def bench_one(kind, fmt, agency, subtree, args, custom_maps):
    from django.db import connection

    from gongkai.agencies.models import Agency
    from gongkai.reports.compute import bindings_of, build
    from gongkai.reports.sources import Scope, get_source

    year = args.year
    ids = (
        list(Agency.objects.subtree_of(agency).values_list("pk", flat=True))
        if subtree
        else [agency.pk]
    )
    statements = floor_statements(fmt.id, ids, year, custom_maps)
    # Warm-up (untimed) and the honesty check.
    data = build(fmt, agency, year, subtree=subtree)
    _t, floor_results = run_floor(statements)
    expected = floor_cells(fmt.id, floor_results)
    problems = compare(data, expected)
    ours_ms, floor_ms, floor_groups = [], [], {g: [] for g, _s, _p in statements}
    for _ in range(args.repeat):
        started = time.perf_counter()
        build(fmt, agency, year, subtree=subtree)
        ours_ms.append((time.perf_counter() - started) * 1000)
        times, _r = run_floor(statements)
        floor_ms.append(sum(times.values()) * 1000)
        for group, seconds in times.items():
            floor_groups[group].append(seconds * 1000)
    # Where our time goes: each source on its own (the Scope made outside the timing).
    names = sorted({name for *_x, name, _m in bindings_of(fmt)})
    scope = Scope(agency=agency, year=year, subtree=subtree, family=fmt.outcome_family)
    sources = {}
    for name in names:
        runs = []
        for _ in range(max(1, args.repeat)):
            started = time.perf_counter()
            get_source(name).measures(scope)
            runs.append((time.perf_counter() - started) * 1000)
        sources[name] = statistics.median(runs)
    started = time.perf_counter()
    Scope(agency=agency, year=year, subtree=subtree, family=fmt.outcome_family)
    sources["(scope: subtree ids)"] = (time.perf_counter() - started) * 1000
    # The statements of one build, slowest first, with plans of the slowest.
    captured = capture_statements(lambda: build(fmt, agency, year, subtree=subtree))
    captured.sort(key=lambda s: -s[2])
    slowest = []
    for sql, params, seconds in captured[: args.explain]:
        slowest.append(
            {
                "ms": seconds * 1000,
                "sql": sql,
                "params": [str(p) for p in params or ()],
                "plan": explain(kind, sql, params),
            }
        )
    floor_plans = {}
    for group, sql, params in statements:
        if group.startswith("applications"):
            floor_plans[group] = {"sql": sql, "params": [str(p) for p in params],
                                  "plan": explain(kind, sql, params)}  # fmt: skip
    connection.close()
    return {
        "format": fmt.id,
        "agency": agency.name,
        "agency_id": agency.pk,
        "subtree": subtree,
        "agencies": len(ids),
        "ours": median_min(ours_ms),
        "floor": median_min(floor_ms),
        "floor_groups_ms": {g: statistics.median(v) for g, v in floor_groups.items()},
        "sources_ms": sources,
        "statements": len(captured),
        "statements_ms": sum(s[2] for s in captured) * 1000,
        "slowest": slowest,
        "floor_plans": floor_plans,
        "checked_cells": len(expected),
        "problems": problems,
        "sample_cells": {
            k: str(v)
            for k, v in expected.items()
            if k
            in {
                "t3:new_received.total",
                "t3:results_total.total",
                "t3:carried_over.total",
                "t3:carried_forward.total",
                "tongjibiao:s1_pub.value",
                "tongjibiao:s3_received.value",
                "tongjibiao:s3_closed.value",
                "tongjibiao:s1_ch_website.value",
            }
        },
    }


def worker(args):
    os.environ["DATABASE_URL"] = database_url(args.worker, args.workdir, args.pg_db)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["GONGKAI_VAR_DIR"] = str(Path(args.workdir) / "var")
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count

    from gongkai.agencies.models import Agency
    from gongkai.reports.formats import get_format
    from gongkai.reports.models import ReportSettings
    from gongkai.reports.sources.catalog import DEFAULT_CHANNEL_MAP

    kind = args.worker
    result = {"backend": kind, "code": code_version(), "load_before": os.getloadavg()}
    result["dataset"] = prepare(args, kind)
    with connection.cursor() as cursor:
        if kind == "postgres":
            cursor.execute("SELECT version(), current_setting('shared_buffers'), "
                           "current_setting('work_mem'), pg_database_size(current_database())")  # fmt: skip
            version, shared_buffers, work_mem, size = cursor.fetchone()
            result["server"] = {"version": version, "shared_buffers": shared_buffers,
                                "work_mem": work_mem, "database_bytes": size}  # fmt: skip
        else:
            import sqlite3

            cursor.execute("PRAGMA cache_size")
            path = Path(args.workdir) / "report-bench.sqlite3"
            result["server"] = {
                "version": f"SQLite {sqlite3.sqlite_version}",
                "cache_size": cursor.fetchone()[0],
                "database_bytes": sum(
                    p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file()
                ),
            }
    root = Agency.objects.get(parent__isnull=True)
    busiest = (
        Agency.objects.filter(kind=Agency.Kind.DEPARTMENT)
        .annotate(n=Count("applications_application_set"))
        .order_by("-n", "pk")
        .first()
    )
    custom_maps = {}
    defaults = dict(DEFAULT_CHANNEL_MAP)
    for agency_id, mapping in ReportSettings.objects.values_list("agency_id", "channel_map"):
        for channel, row in (mapping or {}).items():
            if defaults.get(channel) != row:
                custom_maps.setdefault((channel, row), []).append(agency_id)
    result["runs"] = []
    log(f"{kind}: timing (year {args.year}, {args.repeat} repetitions after a warm-up)")
    for format_id in FORMATS:
        fmt = get_format(format_id)
        for agency, subtree in ((root, True), (busiest, False)):
            run = bench_one(kind, fmt, agency, subtree, args, custom_maps)
            log(f"  {kind} {format_id} {'subtree' if subtree else 'agency '}: ours "
                f"{run['ours']['median_ms']:.1f} ms, floor {run['floor']['median_ms']:.1f} ms"
                + (f", {len(run['problems'])} PROBLEMS" if run["problems"] else ""))  # fmt: skip
            result["runs"].append(run)
    result["busiest_applications"] = busiest.n
    result["load_after"] = os.getloadavg()
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, default=str))


# --------------------------------------------------------------------------------------------
# Orchestration


def machine_info():
    info = {"cpus": os.cpu_count(), "python": platform.python_version()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    import django

    info["django"] = django.get_version()
    info["platform"] = platform.platform()
    return info


def run_worker(kind, args, workdir):
    out = Path(workdir) / f"report-{kind}.json"
    command = [
        sys.executable, __file__, "--worker", kind,
        "--scale", str(args.scale), "--seed", str(args.seed), "--agencies", str(args.agencies),
        "--year", str(args.year), "--repeat", str(args.repeat), "--explain", str(args.explain),
        "--workdir", str(workdir), "--pg-db", args.pg_db, "--out", str(out),
        *(["--reuse"] if args.reuse else []),
    ]  # fmt: skip
    subprocess.run(command, check=True)
    return json.loads(out.read_text())


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scale", type=float, default=1.0,
                        help="1.0 = 1,000,000 applications and 2,000,000 items (default 1)")  # fmt: skip
    parser.add_argument("--agencies", type=int, default=200,
                        help="agencies in the tree (default 200; does not scale)")  # fmt: skip
    parser.add_argument("--backends", default=",".join(BACKENDS), help="sqlite,postgres")
    parser.add_argument("--year", type=int, default=2020,
                        help="the report year (default 2020; data spans 2015-2025)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=5,
                        help="timed repetitions after one warm-up (default 5)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--explain", type=int, default=3,
                        help="plans of our N slowest statements per run (default 3)")  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse databases kept by --keep when scale, seed and agencies "
                        "match (implies --keep)")  # fmt: skip
    parser.add_argument("--workdir", help="where the SQLite file goes (default: a temp dir)")
    parser.add_argument("--pg-db", default=PG_DB_DEFAULT,
                        help=f"PostgreSQL database to create and drop (default {PG_DB_DEFAULT})")  # fmt: skip
    parser.add_argument("--json", help="also write every figure here")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a target is missed or ours differs from the floor")  # fmt: skip
    parser.add_argument("--worker", choices=BACKENDS, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)
    if args.reuse:
        args.keep = True
    if args.reuse and not args.workdir and "sqlite" in args.backends:
        parser.error("--reuse needs --workdir (where the kept SQLite file is)")
    kinds = [k.strip() for k in args.backends.split(",") if k.strip()]
    unknown = set(kinds) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="gongkai-report-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"work dir {workdir}")
    started = time.perf_counter()
    results = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "scale": args.scale,
        "seed": args.seed,
        "year": args.year,
        "repeat": args.repeat,
        "machine": machine_info(),
        "load_at_start": os.getloadavg(),
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "backends": {},
    }
    try:
        for kind in kinds:
            log(f"== {kind}")
            results["backends"][kind] = run_worker(kind, args, workdir)
    finally:
        if not args.keep:
            if "postgres" in kinds:
                subprocess.run(["dropdb", "-h", PG["HOST"], "-U", PG["USER"], "--if-exists",
                                args.pg_db], check=False)  # fmt: skip
            if not args.workdir:
                shutil.rmtree(workdir, ignore_errors=True)
        elif args.keep:
            log(f"kept: {workdir}" + (f", PostgreSQL database {args.pg_db}" if "postgres" in
                                      kinds else ""))  # fmt: skip
    results["seconds"] = time.perf_counter() - started
    missed, problems = report(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str))
    if args.check and (missed or problems):
        sys.exit(1)


def target_of(run):
    return TARGET_SUBTREE_MS if run["subtree"] else TARGET_AGENCY_MS


def verdicts(run):
    ours, floor = run["ours"]["median_ms"], run["floor"]["median_ms"]
    ratio = ours / floor if floor else float("inf")
    return ours <= target_of(run), ratio <= TARGET_FLOOR_RATIO, ratio


def scope_label(run):
    return (
        f"root subtree ({run['agencies']} agencies)"
        if run["subtree"]
        else f"one department ({run['agency']})"
    )


def short_sql(sql):
    """Long IN lists shortened for print: (%s, %s, ... ×200) and (1, 2, ... 200 ids)."""
    sql = re.sub(r"(?:%s, ){4,}%s", lambda m: f"%s … ×{m.group(0).count('%s')}", sql)
    return re.sub(r"\((?:\d+, ){4,}\d+\)", lambda m: f"({m.group(0).count(',') + 1} ids)", sql)


def short_params(params):
    return params if len(params) <= 14 else [*params[:6], f"… {len(params)} in all …", *params[-6:]]


def report(results):
    out = print
    machine = results["machine"]
    backends = results["backends"]
    out(f"\n# Annual report benchmark: scale {results['scale']:g}, year {results['year']}, "
        f"{results['repeat']} timed repetitions; run took {results['seconds'] / 60:.1f} min\n")  # fmt: skip
    out(f"Command: `{results['command']}`  ")
    out(f"Machine: {machine.get('cpu', '?')}, {machine['cpus']} CPUs, "
        f"{machine.get('memory_gb', '?')} GB RAM; {machine['platform']}; Python "
        f"{machine['python']}, Django {machine['django']}  ")  # fmt: skip
    for kind, r in backends.items():
        server = r["server"]
        extra = (f", shared_buffers {server['shared_buffers']}, work_mem {server['work_mem']}"
                 if kind == "postgres" else f", cache_size {server['cache_size']}")  # fmt: skip
        d = r["dataset"]
        c = d["counts"]
        out(f"{kind}: {server['version'].split(' on ')[0]}{extra}; database "
            f"{server['database_bytes'] / 1e6:,.0f} MB; code {r['code']}; dataset "
            f"{'reused' if d.get('reused') else 'generated'} "
            f"(load {d['load_seconds']:,.0f} s, analyze {d['analyze_seconds']:,.0f} s): "
            f"{c['agencies_agency']} agencies, {c['applications_application']:,} applications, "
            f"{c['catalog_item']:,} items, {c['catalog_channelrecord']:,} channel records, "
            f"{c['catalog_normativerecord']:,} 规范性文件, {c['appeals_appealcase']:,} appeals, "
            f"{c['engagement_concernresponse']:,} responses; busiest department "
            f"{r['busiest_applications']:,} applications  ")  # fmt: skip
    out("Load average (1/5/15 min) before / after each backend: " + "; ".join(
        f"{kind} {' '.join(f'{x:.2f}' for x in r['load_before'])} / "
        f"{' '.join(f'{x:.2f}' for x in r['load_after'])}" for kind, r in backends.items()
    ) + f" ({machine['cpus']} CPUs)")  # fmt: skip
    out("\n| backend | format | scope | ours median (min) | floor median (min) | ours/floor "
        "| target | met |")  # fmt: skip
    out("|---|---|---|---|---|---|---|---|")
    missed, problems = [], []
    for kind, r in backends.items():
        for run in r["runs"]:
            time_ok, ratio_ok, ratio = verdicts(run)
            ok = time_ok and ratio_ok
            out(f"| {kind} | {run['format']} | {scope_label(run)} "
                f"| {run['ours']['median_ms']:,.1f} ms ({run['ours']['min_ms']:,.1f}) "
                f"| {run['floor']['median_ms']:,.1f} ms ({run['floor']['min_ms']:,.1f}) "
                f"| {ratio:.2f} | ≤ {target_of(run):,.0f} ms, ≤ {TARGET_FLOOR_RATIO:g}× "
                f"| {'yes' if ok else 'NO'} |")  # fmt: skip
            where = f"{kind} {run['format']} {'subtree' if run['subtree'] else 'agency'}"
            if not time_ok:
                missed.append(f"{where}: {run['ours']['median_ms']:,.0f} ms > "
                              f"{target_of(run):,.0f} ms")  # fmt: skip
            if not ratio_ok:
                missed.append(f"{where}: ours/floor {ratio:.2f} > {TARGET_FLOOR_RATIO:g}")
            problems += [f"{where}: {p}" for p in run["problems"]]
    # Verdict
    kinds = list(backends)
    out("\n| target | " + " | ".join(kinds) + " |")
    out("|---|" + "---|" * len(kinds))
    for label, test in (
        (f"root subtree ≤ {TARGET_SUBTREE_MS:,.0f} ms", lambda run: run["subtree"]),
        (f"one agency ≤ {TARGET_AGENCY_MS:,.0f} ms", lambda run: not run["subtree"]),
    ):
        cells = []
        for kind in kinds:
            runs = [run for run in backends[kind]["runs"] if test(run)]
            worst = max(run["ours"]["median_ms"] for run in runs)
            ok = all(verdicts(run)[0] for run in runs)
            cells.append(f"{'met' if ok else 'MISSED'} (worst {worst:,.1f} ms)")
        out(f"| {label} | " + " | ".join(cells) + " |")
    cells = []
    for kind in kinds:
        runs = backends[kind]["runs"]
        worst = max(verdicts(run)[2] for run in runs)
        ok = all(verdicts(run)[1] for run in runs)
        cells.append(f"{'met' if ok else 'MISSED'} (worst {worst:.2f})")
    out(f"| ours/floor ≤ {TARGET_FLOOR_RATIO:g} | " + " | ".join(cells) + " |")
    cells = []
    for kind in kinds:
        runs = backends[kind]["runs"]
        n = sum(run["checked_cells"] for run in runs)
        bad = sum(len(run["problems"]) for run in runs)
        cells.append(f"{'equal' if not bad else f'{bad} DIFFER'} ({n} cells)")
    out("| ours = floor, cell by cell | " + " | ".join(cells) + " |")
    # Where the time goes
    out("\nWhere our time goes (median ms of each source's `measures()` alone; the floor's "
        "statements):\n")  # fmt: skip
    for kind, r in backends.items():
        for run in r["runs"]:
            parts = ", ".join(f"{name} {ms:,.1f}" for name, ms in
                              sorted(run["sources_ms"].items(), key=lambda x: -x[1]))  # fmt: skip
            floor = ", ".join(f"{g} {ms:,.1f}" for g, ms in run["floor_groups_ms"].items())
            out(f"- {kind} {run['format']} {scope_label(run)}: {run['statements']} statements "
                f"({run['statements_ms']:,.1f} ms in SQL). Ours: {parts}. Floor: {floor}.")  # fmt: skip
    if problems:
        out("\nOurs differs from the floor:")
        for p in problems:
            out(f"- {p}")
    # Plans of the slowest statements where a target was missed
    for kind, r in backends.items():
        for run in r["runs"]:
            time_ok, ratio_ok, _ratio = verdicts(run)
            if time_ok and ratio_ok:
                continue
            out(f"\n## {kind} {run['format']} {scope_label(run)}: slowest statements")
            for s in run["slowest"]:
                out(
                    f"\n{s['ms']:,.1f} ms: `{short_sql(s['sql'])}`  -- {short_params(s['params'])}"
                    f"\n```\n{s['plan']}\n```"
                )
            for group, p in run["floor_plans"].items():
                out(
                    f"\nfloor {group}: `{short_sql(p['sql'])}`  -- {p['params']}"
                    f"\n```\n{p['plan']}\n```"
                )
    out("\nMissed targets: " + ("; ".join(missed) if missed else "none"))
    return missed, problems


if __name__ == "__main__":
    main()
