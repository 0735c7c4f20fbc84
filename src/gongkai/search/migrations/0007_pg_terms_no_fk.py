"""PostgreSQL: search_terms without a foreign key to search_searchentry.

Django empties tables with TRUNCATE (flush, and transactional tests of every app), listing only
model tables; a foreign key from a table it does not know makes that TRUNCATE fail. The backend
deletes an entry's words itself before the entry (backends/postgres.py: delete); rows left by a
deleted department carry that department's id and are never matched again."""

from django.db import migrations


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_fts_title_table")]

    operations = [
        migrations.RunPython(
            _run("ALTER TABLE search_terms DROP CONSTRAINT IF EXISTS search_terms_ord_fkey"),
            _run(
                "ALTER TABLE search_terms ADD CONSTRAINT search_terms_ord_fkey FOREIGN KEY (ord)"
                " REFERENCES search_searchentry (ord) ON DELETE CASCADE"
            ),
        ),
    ]
