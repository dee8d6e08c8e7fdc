"""Full-text search benchmark: SQLite FTS5 and PostgreSQL GIN (the project's own backends)
against tantivy indexing the same bigram terms.

    .venv/bin/python bench/search.py --items 100000
    .venv/bin/python bench/search.py --items 1000000 --backends sqlite,tantivy --check

For each backend the run (1) indexes a sample of the corpus (the first --sample items) and
checks every query of the fixed set against a brute-force `tokens.matches` scan (recall and
precision must be 100%), then (2) indexes --items items, measures build rate and index size,
and times the fixed query set (--queries timed executions in all, after one warm-up run of
each query). Each backend runs in its own subprocess (own Django settings, own memory).
See bench/README.md and docs/performance.md.
"""

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402
from gongkai.search import tokens  # noqa: E402

BACKENDS = ("sqlite", "postgres", "tantivy")
PG = {"HOST": "127.0.0.1", "PORT": "5432", "USER": "postgres"}
# --pg-db, passed to the workers through the environment.
PG_DB = os.environ.get("GONGKAI_BENCH_PG_DB", "gongkai_bench")
PG_SAMPLE_DB = PG_DB + "_sample"
BATCH = 1000
TARGET_MEDIAN_MS = 10.0
TARGET_P99_MS = 200.0
TARGET_TANTIVY_RATIO = 3.0

# The fixed query set. "{top1}".."{top3}" are the corpus's three most frequent bigrams (by
# number of items containing them, computed on the sample: same seed, same bigrams).
# (label, text, facets, order)
QUERY_SET = [
    ("top1 bigram", "{top1}", {}, "relevance"),
    ("top2 bigram", "{top2}", {}, "relevance"),
    ("top3 bigram", "{top3}", {}, "relevance"),
    ("top1 bigram, date", "{top1}", {}, "date"),
    ("frequent 2, date (管理)", "管理", {}, "date"),
    ("frequent 4 (安全生产)", "安全生产", {}, "relevance"),
    ("frequent 4, date", "安全生产", {}, "date"),
    ("3 chars (商丘市)", "商丘市", {}, "relevance"),
    ("5 chars (高质量发展)", "高质量发展", {}, "relevance"),
    ("mid 4 (人口监测)", "人口监测", {}, "relevance"),
    ("mid 6 (野生动物保护)", "野生动物保护", {}, "relevance"),
    ("rare 3 (通许县)", "通许县", {}, "relevance"),
    ("rare 2 (胡寨)", "胡寨", {}, "relevance"),
    ("rare 3, date (卢氏县)", "卢氏县", {}, "date"),
    ("absent (量子纠缠)", "量子纠缠", {}, "relevance"),
    ("文号", "商工信〔2017〕12号", {}, "relevance"),
    ("文号 prefix", "商工信〔2017〕1", {}, "date"),
    ("ascii+cjk (5G基站)", "5G基站", {}, "relevance"),
    ("AND frequent (工作 推进)", "工作 推进", {}, "relevance"),
    ("AND freq+rare (安全生产 人口监测)", "安全生产 人口监测", {}, "relevance"),
    ("facet agency (通知)", "通知", {"agency": ["1"]}, "relevance"),
    ("facet year, date (安全生产)", "安全生产", {"year": ["2017"]}, "date"),
    (
        "facets OR+AND (监督管理)",
        "监督管理",
        {"agency": ["25", "49"], "category": ["2"]},
        "relevance",
    ),
]


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class Progress:
    def __init__(self, label, total, every=None):
        self.label, self.total = label, total
        self.every = every or max(BATCH, (total // 20) // BATCH * BATCH)
        self.started = time.perf_counter()
        self.next_report = self.every

    def update(self, done):
        if done >= self.next_report or done == self.total:
            elapsed = time.perf_counter() - self.started
            rate = done / elapsed if elapsed else 0
            eta = (self.total - done) / rate if rate else 0
            log(f"  {self.label}: {done:,}/{self.total:,} {rate:,.0f}/s eta {eta:,.0f}s")
            self.next_report += self.every


# --------------------------------------------------------------------------------------------
# Queries


def top_bigrams(sample, k=3):
    """The k CJK bigrams in most sample items (ties: more occurrences, then code point)."""
    items, occurrences = Counter(), Counter()
    for doc in sample:
        terms = tokens.index_terms(doc.title) + tokens.index_terms(doc.body)
        bigrams = [t for t in terms if len(t) == 2 and not t.isascii()]
        occurrences.update(bigrams)
        items.update(set(bigrams))
    ranked = sorted(items, key=lambda t: (-items[t], -occurrences[t], t))
    return [(t, items[t]) for t in ranked[:k]]


def build_queries(sample):
    top = top_bigrams(sample)
    names = {f"top{i + 1}": term for i, (term, _n) in enumerate(top)}
    queries = []
    for label, text, facets, order in QUERY_SET:
        text = text.format(**names)
        if label.startswith("top"):
            label = f"{label} ({text})"
        queries.append({"label": label, "text": text, "facets": facets, "order": order})
    return queries


def expected_ids(sample, query):
    """Brute force: the sample items that tokens.matches and whose facets pass the filter."""
    phrases = tokens.parse_query(query["text"])
    hits = []
    for doc in sample:
        if not all(
            set(values) & set(doc.facets.get(key, ()))
            for key, values in query["facets"].items()
            if values
        ):
            continue
        if phrases and tokens.matches([doc.title, doc.body], phrases):
            hits.append(doc)
    return hits


# --------------------------------------------------------------------------------------------
# Backends (run inside a worker subprocess)


def setup_django(backend, workdir, phase):
    import django
    from django.conf import settings

    if backend == "sqlite":
        database = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(Path(workdir) / f"{phase}.sqlite3"),
            # As config/settings/base.py configures SQLite.
            "OPTIONS": {
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    elif backend == "postgres":
        database = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": PG_SAMPLE_DB if phase == "sample" else PG_DB,
            **PG,
        }
    else:
        database = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    settings.configure(
        DATABASES={"default": database},
        INSTALLED_APPS=["gongkai.search"],
        USE_TZ=True,
        TIME_ZONE="Asia/Shanghai",
        DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
    )
    django.setup()


class ProjectBackend:
    """SQLite or PostgreSQL through gongkai.search.backends.get_backend()."""

    def __init__(self, kind, workdir, phase, reuse=False):
        from django.core.management import call_command

        self.kind, self.workdir, self.phase = kind, workdir, phase
        if kind == "postgres" and not reuse:
            name = PG_SAMPLE_DB if phase == "sample" else PG_DB
            subprocess.run(
                ["dropdb", "-h", PG["HOST"], "-U", PG["USER"], "--if-exists", name], check=True
            )
            subprocess.run(["createdb", "-h", PG["HOST"], "-U", PG["USER"], name], check=True)
        call_command("migrate", "search", verbosity=0)
        from gongkai.search.backends import get_backend

        self.backend = get_backend()

    def index(self, docs):
        from django.db import transaction

        with transaction.atomic():
            self.backend.index(docs)

    def finish(self, optimize=True):
        """After the bulk load: what `gongkai search reindex` does before serving (the
        backend's optimize(), where it has one), plus VACUUM / a WAL checkpoint. Timed
        separately as "finish"."""
        from django.db import connection, transaction

        if optimize and hasattr(self.backend, "optimize"):
            with transaction.atomic():
                self.backend.optimize()
        with connection.cursor() as cursor:
            if self.kind == "postgres":
                cursor.execute("VACUUM ANALYZE search_searchdocument")
            else:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.execute("ANALYZE")

    def size(self):
        from django.db import connection

        info = {"index_bytes": self.backend.size_bytes()}
        with connection.cursor() as cursor:
            if self.kind == "postgres":
                cursor.execute(
                    "SELECT pg_relation_size('search_document_tsv_gin'), "
                    "pg_total_relation_size('search_searchdocument'), "
                    "pg_database_size(current_database())"
                )
                info["gin_bytes"], info["table_total_bytes"], info["database_bytes"] = (
                    cursor.fetchone()
                )
            else:
                path = Path(connection.settings_dict["NAME"])
                info["file_bytes"] = sum(
                    p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file()
                )
        return info

    def search(self, query, limit=20):
        from gongkai.search.backends import SearchQuery

        page = self.backend.search(
            SearchQuery(query["text"], facets=query["facets"], order=query["order"], limit=limit)
        )
        return page.doc_ids, page.total, page.total_capped

    def explain(self, query):
        """Each SQL statement the backend runs for `query`, with its time and plan."""
        from django.db import connection

        statements = []

        def capture(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                statements.append((sql, params, time.perf_counter() - started))

        with connection.execute_wrapper(capture):
            self.search(query)
        out = []
        prefix = "EXPLAIN (ANALYZE, BUFFERS) " if self.kind == "postgres" else "EXPLAIN QUERY PLAN "
        with connection.cursor() as cursor:
            for sql, params, seconds in statements:
                cursor.execute(prefix + sql, params)
                rows = cursor.fetchall()
                plan = "\n".join(
                    str(row[0]) if self.kind == "postgres" else f"{row[1]}->{row[0]} {row[-1]}"
                    for row in rows
                )
                out.append(
                    {
                        "sql": sql,
                        "params": [str(p) for p in params or ()],
                        "ms": seconds * 1000,
                        "plan": plan,
                    }
                )
        return out

    def close(self):
        from django.db import connection

        connection.close()


class TantivyBackend:
    """tantivy with the same terms: tokens.index_terms joined by spaces, whitespace tokenizer."""

    def __init__(self, kind, workdir, phase, reuse=False):
        import tantivy

        self.tantivy = tantivy
        self.path = Path(workdir) / f"tantivy-{phase}"
        if not reuse:
            shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True, exist_ok=True)
        builder = tantivy.SchemaBuilder()
        # Publication time and doc id packed as in backends.base.sort_key: sorting and ids.
        builder.add_unsigned_field("sort_key", fast=True)
        builder.add_text_field("title", tokenizer_name="whitespace")
        builder.add_text_field("body", tokenizer_name="whitespace")
        builder.add_text_field("facets", tokenizer_name="whitespace", index_option="basic")
        self.schema = builder.build()
        self.index_ = tantivy.Index(self.schema, path=str(self.path))
        self.writer = self.index_.writer(heap_size=256_000_000)
        self.searcher = None

    def index(self, docs):
        from gongkai.search.backends.base import facet_terms, sort_key

        Document = self.tantivy.Document
        for doc in docs:
            document = Document()
            document.add_unsigned("sort_key", sort_key(doc.published, doc.doc_id))
            document.add_text("title", " ".join(tokens.index_terms(doc.title)))
            document.add_text("body", " ".join(tokens.index_terms(doc.body)))
            document.add_text("facets", " ".join(facet_terms(doc.facets)))
            self.writer.add_document(document)

    def finish(self, optimize=True):
        self.writer.commit()
        self.writer.wait_merging_threads()
        self.index_.reload()
        self.searcher = self.index_.searcher()

    def size(self):
        return {"index_bytes": sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())}

    def _phrase(self, field, phrase):
        Query = self.tantivy.Query
        terms = list(phrase.terms)
        if phrase.last_is_prefix:
            # Exact prefix semantics: regex terms, no 50-expansion cap as in phrase_prefix_query.
            if len(terms) == 1:
                return Query.regex_query(self.schema, field, terms[0] + ".*")
            return Query.regex_phrase_query(self.schema, field, [*terms[:-1], terms[-1] + ".*"])
        if len(terms) == 1:
            return Query.term_query(self.schema, field, terms[0])
        return Query.phrase_query(self.schema, field, terms)

    def _query(self, query):
        from gongkai.search.backends.base import facet_term

        Query, Occur = self.tantivy.Query, self.tantivy.Occur
        clauses = []
        for phrase in tokens.parse_query(query["text"]):
            title = Query.boost_query(self._phrase("title", phrase), 4.0)
            either = Query.boolean_query(
                [(Occur.Should, title), (Occur.Should, self._phrase("body", phrase))]
            )
            clauses.append((Occur.Must, either))
        if not clauses:
            return None
        for key, values in query["facets"].items():
            if values:
                alternatives = [
                    (Occur.Should, Query.term_query(self.schema, "facets", facet_term(key, v)))
                    for v in values
                ]
                clauses.append(
                    (Occur.Must, Query.const_score_query(Query.boolean_query(alternatives), 0.0))
                )
        return Query.boolean_query(clauses)

    def search(self, query, limit=20):
        from gongkai.search.backends.base import doc_id_of

        q = self._query(query)
        if q is None:
            return [], 0, False
        if query["order"] == "date":
            result = self.searcher.search(
                q, limit, count=True, order_by_field="sort_key", order=self.tantivy.Order.Desc
            )
            ids = [doc_id_of(key) for key, _address in result.hits]
        else:
            result = self.searcher.search(q, limit, count=True)
            keys = self.searcher.fast_field_values(
                "sort_key", [address for _score, address in result.hits]
            )
            ids = [doc_id_of(key) for key in keys]
        return ids, result.count, False

    def explain(self, query):
        return []

    def close(self):
        pass


def make_backend(kind, workdir, phase, reuse=False):
    setup_django(kind, workdir, phase)
    if kind == "tantivy":
        return TantivyBackend(kind, workdir, phase, reuse)
    return ProjectBackend(kind, workdir, phase, reuse)


def build(backend, items, seed, label, optimize=True, reuse=False):
    """Index items 1..items in batches; time only the indexing, not corpus generation. With
    `reuse` the index is already there (an earlier run's, after `migrate`): only finish."""
    generator = corpus.generate(0 if reuse else items, seed)
    progress = Progress(label, items)
    indexing = done = 0.0
    done = 0
    while True:
        batch = list(islice(generator, BATCH))
        if not batch:
            break
        started = time.perf_counter()
        backend.index(batch)
        indexing += time.perf_counter() - started
        done += len(batch)
        progress.update(done)
    started = time.perf_counter()
    backend.finish(optimize=optimize)
    finishing = time.perf_counter() - started
    return indexing, finishing


def code_version():
    """A short hash of the search code this process runs (the backends are being worked on)."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "gongkai" / "search").rglob("*.py")):
        if "migrations" not in path.parts or path.name != "__init__.py":
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def worker(args):
    from gongkai.search.backends.base import RELEVANCE_WINDOW

    code = code_version()
    queries = json.loads(Path(args.queries_file).read_text())
    # With --reuse, the previous run's figures for this backend and phase (same file).
    earlier = Path(args.out)
    earlier = json.loads(earlier.read_text()) if args.reuse and earlier.exists() else {}
    backend = make_backend(args.worker, args.workdir, args.phase, args.reuse)
    result = {
        "backend": args.worker,
        "phase": args.phase,
        "code": code,
        "load_before_build": os.getloadavg(),
    }
    items = args.sample if args.phase == "sample" else args.items
    indexing, finishing = build(
        backend,
        items,
        args.seed,
        f"{args.worker} {args.phase} index",
        not args.no_optimize,
        args.reuse,
    )
    if args.reuse:
        # The build was an earlier run's: report its figures, and which code built it.
        items = earlier.get("items", items)
        indexing = earlier.get("index_seconds", float("nan"))
        result["built_by"] = earlier.get("built_by", earlier.get("code", "?"))
    result.update(items=items, index_seconds=indexing, finish_seconds=finishing)
    result.update(backend.size())
    if args.phase == "sample":
        # Everything that matches, newest first; and the relevance page over the window.
        result["queries"] = []
        for query in queries:
            # Every match, newest first (a limit beyond the sample reads them all) ...
            date_ids, _t, _c = backend.search({**query, "order": "date"}, limit=items + 1)
            # ... the portal's page of 20 (its total and capped flag) ...
            _ids, total, capped = backend.search(query, limit=20)
            # ... and the relevance window: the newest RELEVANCE_WINDOW matches, re-ranked.
            relevance_ids, _t, _c = backend.search(
                {**query, "order": "relevance"}, limit=RELEVANCE_WINDOW
            )
            result["queries"].append(
                {
                    "date_ids": date_ids,
                    "total": total,
                    "capped": capped,
                    "relevance_ids": relevance_ids,
                }
            )
    else:
        runs = max(1, args.queries // len(queries))
        timings = {q["label"]: [] for q in queries}
        hits = {}
        for query in queries:  # warm-up
            _ids, total, capped = backend.search(query)
            hits[query["label"]] = [total, capped]
        progress = Progress(
            f"{args.worker} queries", runs * len(queries), every=len(queries) * max(1, runs // 5)
        )
        done = 0
        for _run in range(runs):
            for query in queries:
                started = time.perf_counter()
                backend.search(query)
                timings[query["label"]].append((time.perf_counter() - started) * 1000)
                done += 1
            progress.update(done)
        result["timings_ms"] = timings
        result["load_after_queries"] = os.getloadavg()
        result["hits"] = hits
        slowest = sorted(queries, key=lambda q: -statistics.median(timings[q["label"]]))[
            : args.explain
        ]
        result["plans"] = {q["label"]: backend.explain(q) for q in slowest}
    backend.close()
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False))


# --------------------------------------------------------------------------------------------
# Orchestration


def run_worker(kind, phase, args, workdir, queries_file):
    out = Path(workdir) / f"{kind}-{phase}.json"
    command = [
        sys.executable,
        __file__,
        "--worker",
        kind,
        "--phase",
        phase,
        "--items",
        str(args.items),
        "--sample",
        str(args.sample),
        "--seed",
        str(args.seed),
        "--queries",
        str(args.queries),
        "--explain",
        str(args.explain),
        "--workdir",
        str(workdir),
        "--queries-file",
        str(queries_file),
        "--out",
        str(out),
        *(["--no-optimize"] if args.no_optimize else []),
        *(["--reuse"] if args.reuse else []),
    ]
    subprocess.run(command, check=True)
    return json.loads(out.read_text())


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def check_recall(kind, sample_result, queries, expected, cap, window):
    """Per query: recall and precision of the date-ordered full result, and for the project's
    backends the total/capped flags and the relevance window (the newest `window` matches)."""
    rows, problems = [], []
    for query, got, want in zip(queries, sample_result["queries"], expected, strict=True):
        want_ids = [doc.doc_id for doc in want]  # expected[] is newest first
        want_set, got_set = set(want_ids), set(got["date_ids"])
        common = len(want_set & got_set)
        recall = common / len(want_set) if want_set else 1.0
        precision = common / len(got_set) if got_set else 1.0
        rows.append((query["label"], len(want_set), len(got_set), recall, precision))
        label = query["label"]
        if recall < 1 or precision < 1:
            missing = sorted(want_set - got_set)[:5]
            extra = sorted(got_set - want_set)[:5]
            problems.append(
                f"{kind}: {label!r}: recall {recall:.4f} precision {precision:.4f}; missing e.g. {missing}, extra e.g. {extra}"
            )
        if len(got["date_ids"]) != len(got_set):
            problems.append(f"{kind}: {label!r}: duplicate ids in the date order")
        if got["date_ids"] != [i for i in want_ids if i in got_set]:
            problems.append(f"{kind}: {label!r}: date order is not newest first")
        if kind == "tantivy":
            continue
        if got["total"] != min(len(want_set), cap) or got["capped"] != (len(want_set) > cap):
            problems.append(
                f"{kind}: {label!r}: total {got['total']} capped {got['capped']}, expected {len(want_set)} (cap {cap})"
            )
        newest = set(want_ids[:window])
        if set(got["relevance_ids"]) != newest:
            problems.append(
                f"{kind}: {label!r}: relevance order returned {len(got['relevance_ids'])} ids, not the newest {min(window, len(want_ids))} matches"
            )
    return rows, problems


def fmt_bytes(n):
    return "-" if n is None else f"{n / 1e6:,.1f} MB"


def main():
    global PG_DB, PG_SAMPLE_DB
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=100_000, help="corpus size (default 100,000)")
    parser.add_argument(
        "--backends", default=",".join(BACKENDS), help="comma-separated: sqlite,postgres,tantivy"
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=460,
        help="timed query executions in all, spread over the fixed set (default 460 = 20 per query)",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=20_000,
        help="items in the recall-check index (default 20,000)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--explain", type=int, default=3, help="plans of the N slowest queries (default 3)"
    )
    parser.add_argument(
        "--no-optimize",
        action="store_true",
        help="skip the backend's optimize() after the load (the state of steady publishing)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases and index files")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="query the databases and index files a --keep run left in --workdir (same "
        "--pg-db, --items, --sample, --seed) instead of building them: migrate, finish, "
        "recall check and timed queries only; implies --keep",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--json", help="also write all results here")
    parser.add_argument("--workdir", help="where index files go (default: a new temp dir)")
    parser.add_argument(
        "--pg-db",
        default=PG_DB,
        help="PostgreSQL database to create and drop (default gongkai_bench, plus NAME_sample)",
    )
    # Internal: one backend, one phase, in a subprocess.
    parser.add_argument("--worker", choices=BACKENDS, help=argparse.SUPPRESS)
    parser.add_argument("--phase", choices=("sample", "full"), help=argparse.SUPPRESS)
    parser.add_argument("--queries-file", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args)
    PG_DB, PG_SAMPLE_DB = args.pg_db, args.pg_db + "_sample"
    if args.reuse:
        if not args.workdir:
            parser.error("--reuse needs the --workdir of the run that kept the index")
        args.keep = True
    os.environ["GONGKAI_BENCH_PG_DB"] = PG_DB

    from gongkai.search.backends.base import COUNT_CAP, RELEVANCE_WINDOW

    kinds = [k.strip() for k in args.backends.split(",") if k.strip()]
    unknown = set(kinds) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    args.sample = min(args.sample, args.items)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="gongkai-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    log(f"work dir {workdir}")
    started = time.perf_counter()

    log(f"generating the {args.sample:,}-item sample and the brute-force answers")
    sample = list(corpus.generate(args.sample, args.seed))
    queries = build_queries(sample)
    tokenizing = time.perf_counter()
    for doc in sample:
        tokens.index_terms(doc.title), tokens.index_terms(doc.body)
    tokenize_us = (time.perf_counter() - tokenizing) / len(sample) * 1e6
    generating = time.perf_counter()
    for _doc in corpus.generate(args.sample, args.seed):
        pass
    generate_us = (time.perf_counter() - generating) / args.sample * 1e6
    newest_first = sorted(sample, key=lambda d: (d.published, d.doc_id), reverse=True)
    expected = [expected_ids(newest_first, q) for q in queries]
    del sample, newest_first
    queries_file = workdir / "queries.json"
    queries_file.write_text(json.dumps(queries, ensure_ascii=False))

    results = {
        "items": args.items,
        "sample": args.sample,
        "seed": args.seed,
        "queries": queries,
        "backends": {},
        "optimize": not args.no_optimize,
        "tokenize_us_per_item": tokenize_us,
        "generate_us_per_item": generate_us,
    }
    all_problems = []
    recall_rows = {}
    try:
        for kind in kinds:
            log(f"== {kind}: recall check on {args.sample:,} items")
            sample_result = run_worker(kind, "sample", args, workdir, queries_file)
            rows, problems = check_recall(
                kind, sample_result, queries, expected, COUNT_CAP, RELEVANCE_WINDOW
            )
            recall_rows[kind] = rows
            all_problems.extend(problems)
            for problem in problems:
                log("  PROBLEM", problem)
        for kind in kinds:
            log(f"== {kind}: {args.items:,} items")
            full = run_worker(kind, "full", args, workdir, queries_file)
            all_timings = [t for values in full["timings_ms"].values() for t in values]
            full["median_ms"] = statistics.median(all_timings)
            full["p99_ms"] = percentile(all_timings, 0.99)
            full["max_ms"] = max(all_timings)
            full["rate"] = full["items"] / full["index_seconds"]
            full["recall"] = min(r[3] for r in recall_rows[kind])
            full["precision"] = min(r[4] for r in recall_rows[kind])
            results["backends"][kind] = full
            log(
                f"  {kind}: {full['rate']:,.0f} items/s, median {full['median_ms']:.2f} ms, p99 {full['p99_ms']:.1f} ms"
            )
    finally:
        if not args.keep:
            if "postgres" in kinds:
                for name in (PG_DB, PG_SAMPLE_DB):
                    subprocess.run(
                        ["dropdb", "-h", PG["HOST"], "-U", PG["USER"], "--if-exists", name],
                        check=False,
                    )
            if not args.workdir:
                shutil.rmtree(workdir, ignore_errors=True)
    results["problems"] = all_problems
    results["seconds"] = time.perf_counter() - started
    missed = report(results, recall_rows, queries, expected)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=1))
    if args.check and (missed or all_problems):
        sys.exit(1)


def report(results, recall_rows, queries, expected):
    backends = results["backends"]
    tantivy = backends.get("tantivy")
    out = print
    out(
        f"\n# Search benchmark: {results['items']:,} items (seed {results['seed']}), recall sample {results['sample']:,}; run took {results['seconds'] / 60:.1f} min\n"
        "\nSearch code (sha1 of gongkai/search/**/*.py as each timed run loaded it): "
        + ", ".join(
            f"{kind} {r.get('code', '?')}"
            + (f" (querying an index built by {r['built_by']})" if "built_by" in r else "")
            for kind, r in backends.items()
        )
        + (
            "; backend optimize() run after the load"
            if results.get("optimize", True)
            else "; no optimize() after the load (--no-optimize)"
        )
        + "\n"
    )
    out(
        "| backend | build | rate (items/s) | finish | index size | bytes/item | median | p99 | max | recall | precision |"
    )
    out("|---|---|---|---|---|---|---|---|---|---|---|")
    for kind, r in backends.items():
        out(
            f"| {kind} | {r['index_seconds']:,.0f} s | {r['rate']:,.0f} | {r['finish_seconds']:,.1f} s | {fmt_bytes(r['index_bytes'])} "
            f"| {r['index_bytes'] / r['items']:,.0f} | {r['median_ms']:.2f} ms | {r['p99_ms']:.1f} ms | {r['max_ms']:.1f} ms "
            f"| {r['recall']:.2%} | {r['precision']:.2%} |"
        )
    extra = [
        f"Corpus generation {results['generate_us_per_item']:.0f} us/item (not counted in build); "
        f"tokens.index_terms alone {results['tokenize_us_per_item']:.0f} us/item "
        f"(= {1e6 / results['tokenize_us_per_item']:,.0f} items/s, the ceiling for any backend fed by Python)"
    ]
    for kind, r in backends.items():
        if kind == "postgres":
            extra.append(
                f"postgres: GIN index {fmt_bytes(r['gin_bytes'])}, whole database {fmt_bytes(r['database_bytes'])}"
            )
        elif kind == "sqlite":
            extra.append(f"sqlite: whole database file {fmt_bytes(r['file_bytes'])}")
    if extra:
        out("\n" + "; ".join(extra) + ".")
    if tantivy:
        out("\n| ours / tantivy | build rate | index size | median | p99 |")
        out("|---|---|---|---|---|")
        for kind, r in backends.items():
            if kind != "tantivy":
                out(
                    f"| {kind} | {r['rate'] / tantivy['rate']:.2f} | {r['index_bytes'] / tantivy['index_bytes']:.2f} "
                    f"| {r['median_ms'] / tantivy['median_ms']:.2f} | {r['p99_ms'] / tantivy['p99_ms']:.2f} |"
                )
    # Per query.
    kinds = list(backends)
    out(
        "\n| query | order | sample hits | "
        + " | ".join(f"{k} hits | {k} median ms" for k in kinds)
        + " |"
    )
    out("|---|---|---|" + "---|---|" * len(kinds))
    for query, want in zip(queries, expected, strict=True):
        cells = []
        for kind in kinds:
            total, capped = backends[kind]["hits"][query["label"]]
            cells.append(f"{'>' if capped else ''}{total:,}")
            cells.append(f"{statistics.median(backends[kind]['timings_ms'][query['label']]):.2f}")
        facets = " ".join(f"{k}={','.join(v)}" for k, v in query["facets"].items())
        out(
            f"| {query['label']}{' [' + facets + ']' if facets else ''} | {query['order']} | {len(want):,} | "
            + " | ".join(cells)
            + " |"
        )
    # Targets.
    out("\n| target | " + " | ".join(kinds) + " |")
    out("|---|" + "---|" * len(kinds))
    missed = []

    def row(name, test):
        cells = []
        for kind in kinds:
            verdict = test(kind, backends[kind])
            if verdict is None:
                cells.append("n/a")
                continue
            ok, text = verdict
            cells.append(f"{'met' if ok else 'MISSED'} ({text})")
            if not ok:
                missed.append(f"{kind}: {name}")
        out(f"| {name} | " + " | ".join(cells) + " |")

    def ours(kind):
        return kind != "tantivy"

    row(
        f"median <= {TARGET_MEDIAN_MS:g} ms",
        lambda k, r: (
            (r["median_ms"] <= TARGET_MEDIAN_MS, f"{r['median_ms']:.2f} ms") if ours(k) else None
        ),
    )
    row(
        f"p99 <= {TARGET_P99_MS:g} ms",
        lambda k, r: (r["p99_ms"] <= TARGET_P99_MS, f"{r['p99_ms']:.1f} ms") if ours(k) else None,
    )
    row(
        "recall and precision 100%",
        lambda k, r: (
            r["recall"] == 1 and r["precision"] == 1,
            f"{r['recall']:.2%}/{r['precision']:.2%}",
        ),
    )
    if tantivy:
        row(
            f"median <= {TARGET_TANTIVY_RATIO:g}x tantivy",
            lambda k, r: (
                (
                    r["median_ms"] <= TARGET_TANTIVY_RATIO * tantivy["median_ms"],
                    f"{r['median_ms'] / tantivy['median_ms']:.2f}x",
                )
                if ours(k)
                else None
            ),
        )
    if results["problems"]:
        out("\nCorrectness problems:")
        for problem in results["problems"]:
            out(f"- {problem}")
    # Plans of the slowest queries.
    for kind in kinds:
        for label, statements in backends[kind].get("plans", {}).items():
            if not statements:
                continue
            out(f"\n## {kind}: {label}")
            for statement in statements:
                out(
                    f"\n{statement['ms']:.1f} ms: {statement['sql']}  -- {statement['params']}\n```\n{statement['plan']}\n```"
                )
    out(
        "\nLoad average (1/5/15 min) before each build and after its queries: "
        + "; ".join(
            f"{kind} {' '.join(f'{x:.1f}' for x in r['load_before_build'])} / "
            f"{' '.join(f'{x:.1f}' for x in r['load_after_queries'])}"
            for kind, r in backends.items()
        )
        + f" ({os.cpu_count()} CPUs)"
    )
    out("\nMissed targets: " + ("; ".join(missed) if missed else "none"))
    return missed


if __name__ == "__main__":
    main()
