"""The word index beside search_searchentry, per database vendor: an FTS5 virtual table on
SQLite; tsvector columns with GIN indexes on PostgreSQL (and PostgreSQL-compatible databases:
only core tsvector/GIN, no extension)."""

from django.db import migrations

SQLITE_FORWARD = [
    # detail=column: enough for word AND/NOT and column filters, a third of the size of full
    # positions. The text is pre-segmented by jieba, so unicode61 only splits at spaces.
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, number, body, facets, tokenize='unicode61 remove_diacritics 0', detail=column)",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]

POSTGRES_FORWARD = [
    "ALTER TABLE search_searchentry ADD COLUMN tsv_title tsvector, ADD COLUMN tsv tsvector",
    "CREATE INDEX search_entry_tsv_title ON search_searchentry USING gin (tsv_title)",
    "CREATE INDEX search_entry_tsv ON search_searchentry USING gin (tsv)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_tsv",
    "DROP INDEX IF EXISTS search_entry_tsv_title",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS tsv, DROP COLUMN IF EXISTS tsv_title",
]


def _run(statements: dict[str, list[str]]):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in statements:
            raise RuntimeError(f"全文检索不支持数据库类型 {vendor}：请使用 SQLite 或 PostgreSQL。")
        for sql in statements[vendor]:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
    ]
