"""The full-text search index: a table of its own keyed by story id, different on each database.

PostgreSQL: a weighted tsvector per story with a GIN index. SQLite: an FTS5 virtual table (porter
stemming over unicode61, diacritics folded). No model owns the table, so the ORM schema stays the
same on both databases; articles/search.py reads and writes it.

A database that already holds stories needs one `manage.py reindex_search` after this migration;
from then on the index follows every change.
"""

from django.db import migrations

POSTGRESQL_CREATE = [
    """
    CREATE TABLE articles_search_index (
        story_id bigint PRIMARY KEY,
        document tsvector NOT NULL
    )
    """,
    "CREATE INDEX articles_search_index_document ON articles_search_index USING gin (document)",
]

SQLITE_CREATE = [
    """
    CREATE VIRTUAL TABLE articles_search_index USING fts5(
        headline, standfirst, names, body,
        tokenize = 'porter unicode61 remove_diacritics 2'
    )
    """,
]

DROP = ["DROP TABLE IF EXISTS articles_search_index"]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


def create_index_table(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRESQL_CREATE)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_CREATE)
    # Other databases get no index; articles.search refuses them with a clear error.


def drop_index_table(apps, schema_editor):
    if schema_editor.connection.vendor in {"postgresql", "sqlite"}:
        _run(schema_editor, DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_desk_records_and_photo_metadata"),
    ]

    operations = [
        migrations.RunPython(create_index_table, drop_index_table, elidable=False),
    ]
