from django.db import migrations, models

from gongkai.search.backends.sqlite import CREATE_SQL


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(CREATE_SQL)
    elif vendor == "postgresql":
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN tsv tsvector")
        # The filter values alone, so the in-order walk checks filters without reading tsv.
        schema_editor.execute("ALTER TABLE search_searchdocument ADD COLUMN facet_tsv tsvector")
        schema_editor.execute(
            "CREATE INDEX search_document_tsv_gin ON search_searchdocument USING gin (tsv)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("doc_id", models.BigIntegerField(unique=True, verbose_name="文档编号")),
                ("sort_key", models.BigIntegerField(unique=True, verbose_name="排序键")),
                ("canonical_text", models.TextField(blank=True, verbose_name="规范化文本")),
                ("indexed_at", models.DateTimeField(auto_now=True, verbose_name="索引时间")),
            ],
            options={"verbose_name": "索引文档", "verbose_name_plural": "索引文档"},
        ),
        migrations.RunPython(create_index, drop_index),
    ]
