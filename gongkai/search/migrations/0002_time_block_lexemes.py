"""PostgreSQL: give every indexed document its time lexemes (backends/time_slices.py), which
searches now use to read matches period by period, and keep finer statistics of the vector. New and re-indexed documents get them from
the backend; this adds them to the rows indexed before. It rewrites every row (on 1,000,000
documents, minutes); `gongkai search reindex` does the same and may be run instead. Nothing
to do on SQLite."""

from django.db import migrations

# As time_slices was when this migration was written: LEVELS, YEAR_ELSEWHERE, ZONE_SLACK (14 h
# = 50,400 s) and base.DOC_ID_BITS.
LEVELS = (16, 18, 20, 22, 24, 26)
SECONDS = "(sort_key >> 31)"
# A year filter value that is not the publication year in any time zone (marked more broadly
# than the backend does, which is harmless: marked documents are also read separately).
YEAR_ELSEWHERE = f"""
CASE WHEN EXISTS (
    SELECT 1 FROM unnest(tsvector_to_array(facet_tsv)) AS facet(lexeme)
    WHERE facet.lexeme LIKE '#yearx%%' AND (
        substr(facet.lexeme, 7) !~ '^[0-9]{{1,4}}$'
        OR substr(facet.lexeme, 7)::int NOT BETWEEN
            extract(year FROM to_timestamp({SECONDS} - 50400) AT TIME ZONE 'UTC')
            AND extract(year FROM to_timestamp({SECONDS} + 50400) AT TIME ZONE 'UTC')
    )
) THEN ARRAY['@yearelsewhere'] ELSE ARRAY[]::text[] END
"""


def _time_lexemes_sql():
    blocks = [f"'@{level}x' || ({SECONDS} >> {level})" for level in LEVELS]
    return "ARRAY[" + ", ".join(blocks) + f"] || {YEAR_ELSEWHERE}"


def add_time_lexemes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE search_searchdocument "
            f"SET tsv = tsv || array_to_tsvector({_time_lexemes_sql()})"
        )


def remove_time_lexemes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"UPDATE search_searchdocument SET tsv = ts_delete(tsv, {_time_lexemes_sql()})"
        )


def _statistics_target(target):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"ALTER TABLE search_searchdocument ALTER COLUMN tsv SET STATISTICS {target}"
            )

    return alter


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(add_time_lexemes, remove_time_lexemes),
        # pg_stats then lists the vector's 10,000 most common lexemes (down to ~0.2% of
        # documents at 1,000,000) instead of 1,000 (down to ~8%): the first period a search
        # reads is sized from them. ANALYZE samples 300,000 rows (6 s at 1,000,000 documents
        # on the benchmark machine, against 1 s).
        migrations.RunPython(_statistics_target(1000), _statistics_target(-1)),
    ]
