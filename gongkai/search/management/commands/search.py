"""`gongkai search reindex` rebuilds the full-text index from every registered source
(`gongkai.search.sources`), with a progress bar; `gongkai search query TEXT` tries a query from
the shell."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from gongkai.search.backends import SearchQuery, get_backend
from gongkai.search.sources import registered

BATCH = 500


class Command(BaseCommand):
    help = "全文检索索引：reindex 重建；query 试查。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        reindex = sub.add_parser("reindex", help="从各检索来源（如已发布的目录条目）重建索引")
        reindex.add_argument("--no-progress", action="store_true", help="不显示进度条")
        query = sub.add_parser("query", help="试查")
        query.add_argument("text")
        query.add_argument("--order", choices=["relevance", "date"], default="relevance")

    def handle(self, *args, **options):
        if options["action"] == "reindex":
            self.reindex(show_progress=not options["no_progress"])
        else:
            page = get_backend().search(SearchQuery(options["text"], order=options["order"]))
            self.stdout.write(f"{page.total}{'+' if page.total_capped else ''} 条: {page.doc_ids}")

    def reindex(self, *, show_progress: bool):
        backend = get_backend()
        sources = registered()
        total = sum(source.count() for source in sources)
        with transaction.atomic():
            backend.clear()
            with tqdm(total=total, unit="条", disable=not show_progress, desc="重建索引") as bar:
                for source in sources:
                    batch = []
                    for doc in source.documents(chunk_size=BATCH):
                        batch.append(doc)
                        if len(batch) == BATCH:
                            backend.index(batch)
                            bar.update(len(batch))
                            batch = []
                    if batch:
                        backend.index(batch)
                        bar.update(len(batch))
            backend.optimize()
        if total == 0:
            reasons = [reason for source in sources if (reason := source.empty_message())]
            if reasons:
                raise CommandError(" ".join(reasons))
        self.stdout.write(self.style.SUCCESS(f"已索引 {total} 条（{backend.name}）。"))
