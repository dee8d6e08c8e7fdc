"""保密审查 records (ItemReview), import batches, and the database rule that nothing is released
without an approval by someone other than the author.

Every item that is approved, published or withdrawn gets the review row that approved it: from
its former `reviewed_by` and `reviewed_at`, or — for items imported before this migration with
no reviewer recorded here — a `legacy` row, which only this migration can write (a trigger
refuses new ones). Then triggers, on SQLite and PostgreSQL alike:

* catalog_item: an approved, published or withdrawn row must point at a review row that
  approves this very item and whose reviewer is not the item's author;
* catalog_itemreview: rows are never changed, and no new row may be `legacy`.

SQLite drops a table's triggers when a migration rebuilds the table: a later migration that
alters catalog_item or catalog_itemreview on SQLite must create these triggers again (the tests
in tests/catalog/test_review_rules.py fail if they are missing).
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

# The statuses a review must have approved (catalog.states.REVIEWED when this was written).
REVIEWED = ("approved", "published", "withdrawn")
_IN = ", ".join(f"'{s}'" for s in REVIEWED)

# True when NEW (a catalog_item row) is not released or is released through a valid review.
_ITEM_OK = f"""(NEW.status NOT IN ({_IN}) OR EXISTS (
    SELECT 1 FROM catalog_itemreview r
    WHERE r.id = NEW.review_id AND r.item_id = NEW.id AND r.decision = 'approved'
      AND (r.legacy OR (r.reviewer_id IS NOT NULL
           AND (NEW.author_id IS NULL OR r.reviewer_id <> NEW.author_id)))))"""
ITEM_REFUSAL = "a released catalogue item needs an approved review by someone other than its author"
REVIEW_REFUSAL = "review rows are append-only"
LEGACY_REFUSAL = "legacy review rows are written by migration 0004 only"

SQLITE_FORWARD = [
    *(
        f"""CREATE TRIGGER catalog_item_released_reviewed_{when.lower()}
            BEFORE {when} ON catalog_item WHEN NOT {_ITEM_OK}
            BEGIN SELECT RAISE(ABORT, '{ITEM_REFUSAL}'); END;"""
        for when in ("INSERT", "UPDATE")
    ),
    f"""CREATE TRIGGER catalog_itemreview_no_update BEFORE UPDATE ON catalog_itemreview
        BEGIN SELECT RAISE(ABORT, '{REVIEW_REFUSAL}'); END;""",
    f"""CREATE TRIGGER catalog_itemreview_no_legacy BEFORE INSERT ON catalog_itemreview
        WHEN NEW.legacy BEGIN SELECT RAISE(ABORT, '{LEGACY_REFUSAL}'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_item_released_reviewed_insert;",
    "DROP TRIGGER IF EXISTS catalog_item_released_reviewed_update;",
    "DROP TRIGGER IF EXISTS catalog_itemreview_no_update;",
    "DROP TRIGGER IF EXISTS catalog_itemreview_no_legacy;",
]

POSTGRES_FORWARD = [
    f"""CREATE OR REPLACE FUNCTION catalog_item_released_reviewed() RETURNS trigger AS $$
        BEGIN
          IF NOT {_ITEM_OK} THEN RAISE EXCEPTION '{ITEM_REFUSAL}'; END IF;
          RETURN NEW;
        END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER catalog_item_released_reviewed BEFORE INSERT OR UPDATE ON catalog_item
       FOR EACH ROW EXECUTE FUNCTION catalog_item_released_reviewed();""",
    f"""CREATE OR REPLACE FUNCTION catalog_itemreview_guard() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION '{REVIEW_REFUSAL}'; END IF;
          IF NEW.legacy THEN RAISE EXCEPTION '{LEGACY_REFUSAL}'; END IF;
          RETURN NEW;
        END; $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER catalog_itemreview_guard BEFORE INSERT OR UPDATE ON catalog_itemreview
       FOR EACH ROW EXECUTE FUNCTION catalog_itemreview_guard();""",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_item_released_reviewed ON catalog_item;",
    "DROP FUNCTION IF EXISTS catalog_item_released_reviewed();",
    "DROP TRIGGER IF EXISTS catalog_itemreview_guard ON catalog_itemreview;",
    "DROP FUNCTION IF EXISTS catalog_itemreview_guard();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


def record_reviews(apps, schema_editor):
    """A review row for every released item: its recorded reviewer, or a legacy row."""
    Item = apps.get_model("catalog", "Item")
    ItemReview = apps.get_model("catalog", "ItemReview")
    released = Item.objects.filter(status__in=REVIEWED, review__isnull=True).order_by("pk")
    for item in released.iterator(chunk_size=1000):
        review = ItemReview.objects.create(
            item=item,
            reviewer_id=item.reviewed_by_id,
            decision="approved",
            opinion=item.review_opinion,
            legacy=item.reviewed_by_id is None,
            at=item.reviewed_at or item.published_at or item.updated_at,
        )
        Item.objects.filter(pk=item.pk).update(review=review)


def forget_reviews(apps, schema_editor):
    Item = apps.get_model("catalog", "Item")
    for item in Item.objects.filter(review__isnull=False).select_related("review"):
        Item.objects.filter(pk=item.pk).update(
            reviewed_by_id=item.review.reviewer_id, reviewed_at=item.review.at, review=None
        )
    apps.get_model("catalog", "ItemReview").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agencies", "0001_initial"),
        ("catalog", "0003_publication_deadlines"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ImportBatch",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("new", "新条目"), ("history", "历史迁移")],
                        default="new",
                        max_length=16,
                        verbose_name="导入类型",
                    ),
                ),
                ("source_name", models.CharField(max_length=200, verbose_name="导入文件")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="导入时间")),
                (
                    "agency",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="%(app_label)s_%(class)s_set",
                        to="agencies.agency",
                        verbose_name="机关",
                    ),
                ),
                (
                    "imported_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="catalog_import_batches",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="导入人",
                    ),
                ),
            ],
            options={
                "verbose_name": "导入批次",
                "verbose_name_plural": "导入批次",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="ItemReview",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "decision",
                    models.CharField(
                        choices=[("approved", "审查通过"), ("returned", "退回修改")],
                        max_length=16,
                        verbose_name="审查结论",
                    ),
                ),
                ("opinion", models.TextField(blank=True, verbose_name="审查意见")),
                (
                    "findings",
                    models.JSONField(blank=True, default=dict, verbose_name="已确认的隐藏内容"),
                ),
                ("legacy", models.BooleanField(default=False, verbose_name="升级前的记录")),
                (
                    "at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="审查时间"
                    ),
                ),
                (
                    "batch",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reviews",
                        to="catalog.importbatch",
                        verbose_name="导入批次",
                    ),
                ),
                (
                    "item",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reviews",
                        to="catalog.item",
                        verbose_name="条目",
                    ),
                ),
                (
                    "reviewer",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="catalog_reviews",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="保密审查人",
                    ),
                ),
            ],
            options={
                "verbose_name": "保密审查记录",
                "verbose_name_plural": "保密审查记录",
                "ordering": ["at", "pk"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("reviewer__isnull", False),
                            models.Q(("decision", "approved"), ("legacy", True)),
                            _connector="OR",
                        ),
                        name="itemreview_has_reviewer",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="item",
            name="review",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="approved_item",
                to="catalog.itemreview",
                verbose_name="保密审查",
            ),
        ),
        migrations.AddField(
            model_name="item",
            name="import_batch",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="items",
                to="catalog.importbatch",
                verbose_name="导入批次",
            ),
        ),
        migrations.AddField(
            model_name="item",
            name="migrated",
            field=models.JSONField(blank=True, default=dict, verbose_name="原系统发布记录"),
        ),
        migrations.RemoveConstraint(model_name="item", name="item_released_was_reviewed"),
        migrations.RemoveConstraint(model_name="item", name="item_reviewer_not_author"),
        migrations.RunPython(record_reviews, forget_reviews),
        migrations.RemoveField(model_name="item", name="reviewed_at"),
        migrations.RemoveField(model_name="item", name="reviewed_by"),
        migrations.AddConstraint(
            model_name="item",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status__in", ["approved", "published", "withdrawn"]), _negated=True),
                    ("review__isnull", False),
                    _connector="OR",
                ),
                name="item_released_has_review",
            ),
        ),
        # Last: SQLite's table rebuilds above would drop triggers made before them.
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
