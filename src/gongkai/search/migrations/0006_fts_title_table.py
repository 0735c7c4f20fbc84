"""SQLite: the title group (标题/发文字号) gets its own FTS5 table, and both tables drop the
per-column detail (detail=none: smaller doclists, faster counting).

Finding "every query word in the title" as a column filter on the full table walked the
words' whole body doclists (a word in 60,000 bodies but 800 titles cost ~10 ms); a table of
titles only walks the title doclists. Filter words (gkf…) never collide with query words, so no
column filter is needed any more. The words are re-segmented from search_searchentry."""

from django.db import migrations

TABLES = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "words, tokenize='unicode61 remove_diacritics 0', detail=none)",
    "CREATE VIRTUAL TABLE search_fts_title USING fts5("
    "words, tokenize='unicode61 remove_diacritics 0', detail=none)",
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
]
OLD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, number, body, facets, tokenize='unicode61 remove_diacritics 0', detail=column)",
    "CREATE VIRTUAL TABLE search_fts_vocab USING fts5vocab(search_fts, 'row')",
]


def _reindex(apps, schema_editor):
    from gongkai.search import text as tx

    entry_model = apps.get_model("search", "SearchEntry")
    cursor = schema_editor.connection.cursor()
    batch = []
    for e in entry_model.objects.exclude(ord=None).iterator(chunk_size=1000):
        facets = [tx.facet_token("d", e.department_id), tx.facet_token("y", e.year)]
        for kind, value in (("i", e.issuer), ("t", e.topic), ("g", e.genre), ("v", e.validity)):
            if value:
                facets.append(tx.facet_token(kind, value))
        title = f"{tx.index_text(e.title)} {tx.index_text(e.doc_number)} {' '.join(facets)}"
        body = tx.index_text(f"{e.body}\n{e.attachment_text}")
        batch.append((e.ord, title, f"{title} {body}"))
        if len(batch) >= 1000:
            _write(cursor, batch)
            batch = []
    if batch:
        _write(cursor, batch)
    cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    cursor.execute("INSERT INTO search_fts_title (search_fts_title) VALUES ('optimize')")


def _write(cursor, batch):
    cursor.executemany(
        "INSERT INTO search_fts_title (rowid, words) VALUES (?, ?)", [(o, t) for o, t, _ in batch]
    )
    cursor.executemany(
        "INSERT INTO search_fts (rowid, words) VALUES (?, ?)", [(o, w) for o, _, w in batch]
    )


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_fts_vocab")
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    for sql in TABLES:
        schema_editor.execute(sql)
    _reindex(apps, schema_editor)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in ("search_fts_vocab", "search_fts_title", "search_fts"):
        schema_editor.execute(f"DROP TABLE IF EXISTS {table}")
    for sql in OLD:
        schema_editor.execute(sql)
    # The old table is empty now: run `gongkai search_rebuild` after migrating back.


class Migration(migrations.Migration):
    dependencies = [("search", "0005_pg_terms_table")]

    operations = [migrations.RunPython(forward, backward)]
