"""Rows written with plain SQL for the benchmark's dataset (generate_dataset), skipping the ORM."""

from functools import partial

from django.core.management.color import no_style
from django.db import connection, models

from articles.models import Story


def _with_defaults(model, names: list[str], rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """Add every column the caller left out, with its field's default (a field added since, say)."""
    missing = [
        field
        for field in model._meta.concrete_fields
        if field.name not in names and field.attname not in names and not field.primary_key
    ]
    if not missing:
        return names, rows
    extra = tuple(field.get_default() for field in missing)
    return [*names, *(field.name for field in missing)], [row + extra for row in rows]


def insert_rows(model, names: list[str], rows: list[tuple]) -> None:
    """Insert `rows` (values in the order of the field `names`) with plain SQL, skipping the ORM.

    bulk_create prepares every value of every object through the compiler; at a million rows that
    is most of the run. Values that need the database's own form (times, JSON) go through their
    field's get_db_prep_save, exactly as the ORM would send them.
    """
    if not rows:
        return
    names, rows = _with_defaults(model, names, rows)
    fields = [model._meta.get_field(name) for name in names]
    prepare = [
        partial(field.get_db_prep_save, connection=connection)
        if isinstance(field, (models.DateTimeField, models.JSONField))
        else None
        for field in fields
    ]
    if any(prepare):
        rows = [
            tuple(
                value if adapt is None or value is None else adapt(value)
                for adapt, value in zip(prepare, row, strict=True)
            )
            for row in rows
        ]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    if connection.vendor == "postgresql":
        # COPY is several times faster than INSERT on PostgreSQL (psycopg 3's copy API).
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
        return
    one_row = f"({', '.join(['%s'] * len(fields))})"
    # Several rows per statement, within SQLite's limit on parameters per statement.
    per_statement = max(1, min(500, 30000 // len(fields)))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES {', '.join([one_row] * len(chunk))}"
            cursor.execute(sql, [value for row in chunk for value in row])


def reset_sequences() -> None:
    """Stories were inserted with their ids: move PostgreSQL's id sequence past them (SQLite keeps up itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Story])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
