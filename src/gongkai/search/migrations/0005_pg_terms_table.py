"""PostgreSQL: move the tsvectors out of search_searchentry into a narrow table of their own.

Counting or sorting matches through a GIN bitmap reads one heap row per match. In
search_searchentry a row carries the body text (~2 KB), so 20,000 matches meant ~20,000 page
reads (over 100 ms at 200,000 documents); search_terms rows are ~200 bytes (the body's tsvector
is TOASTed out of line), so the whole table stays in shared buffers. Nothing on SQLite."""

from django.db import migrations

FORWARD = [
    "CREATE TABLE search_terms ("
    " ord bigint PRIMARY KEY REFERENCES search_searchentry (ord) ON DELETE CASCADE,"
    " department_id bigint NOT NULL,"
    " tsv_title tsvector NOT NULL, tsv tsvector NOT NULL)",
    "INSERT INTO search_terms (ord, department_id, tsv_title, tsv)"
    " SELECT ord, department_id, tsv_title, tsv FROM search_searchentry"
    " WHERE ord IS NOT NULL AND tsv IS NOT NULL AND tsv_title IS NOT NULL",
    # The department is a column, not a word: a word in every document of a one-department
    # installation would make GIN intersect a posting list as long as the table.
    "CREATE INDEX search_terms_department_ord ON search_terms (department_id, ord)",
    "CREATE INDEX search_terms_tsv_title ON search_terms USING gin (tsv_title)",
    "CREATE INDEX search_terms_tsv ON search_terms USING gin (tsv)",
    "DROP INDEX IF EXISTS search_entry_tsv",
    "DROP INDEX IF EXISTS search_entry_tsv_title",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tsv, DROP COLUMN IF EXISTS tsv_title",
    "ANALYZE search_terms",
]
BACKWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN tsv_title tsvector, ADD COLUMN tsv tsvector",
    "UPDATE search_searchentry e SET tsv_title = t.tsv_title, tsv = t.tsv"
    " FROM search_terms t WHERE t.ord = e.ord",
    "CREATE INDEX search_entry_tsv_title ON search_searchentry USING gin (tsv_title)",
    "CREATE INDEX search_entry_tsv ON search_searchentry USING gin (tsv)",
    "DROP TABLE search_terms",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_filter_indexes")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
