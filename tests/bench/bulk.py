"""Bulk SQL helpers for the benchmark's data generator.

Rows go in with ``COPY ... FROM STDIN`` through the Odoo cursor's underlying
psycopg2 cursor. Records whose tables carry many NOT NULL columns with
defaults (partners, sale orders, products...) are *cloned* from a prototype
made by the ORM: every column not given explicitly is copied from the
prototype, so the generator stays correct when a module adds a column.
"""

import datetime
import io
import json


def _copy_value(value):
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False)
    text = str(value)
    return (
        text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def copy_rows(cr, table, columns, rows):
    """COPY ``rows`` (tuples in the order of ``columns``) into ``table``."""
    buf = io.StringIO()
    for row in rows:
        buf.write("\t".join(_copy_value(v) for v in row))
        buf.write("\n")
    buf.seek(0)
    cols = ", ".join(f'"{c}"' for c in columns)
    cr.flush()
    cr._obj.copy_expert(f'COPY "{table}" ({cols}) FROM STDIN', buf)


def reserve_ids(cr, table, count):
    """``count`` new ids from the table's sequence."""
    if not count:
        return []
    cr.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [table, count],
    )
    return [row[0] for row in cr.fetchall()]


def table_columns(cr, table):
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND table_schema = current_schema()
            ORDER BY ordinal_position""",
        [table],
    )
    return [row[0] for row in cr.fetchall()]


def clone_rows(cr, table, proto_id, columns, rows):
    """Insert one row per item of ``rows`` into ``table``: the values of
    ``columns`` (``id`` included) come from the row, every other column from
    the prototype row ``proto_id``."""
    if not rows:
        return
    if "id" not in columns:
        raise ValueError("clone_rows needs explicit ids")
    temp = f"_bench_{table}"
    cols = ", ".join(f'"{c}"' for c in columns)
    cr.execute(f'DROP TABLE IF EXISTS "{temp}"')
    cr.execute(
        f'CREATE TEMP TABLE "{temp}" AS SELECT {cols} FROM "{table}" WITH NO DATA'
    )
    copy_rows(cr, temp, columns, rows)
    all_cols = table_columns(cr, table)
    select = ", ".join(f't."{c}"' if c in columns else f'p."{c}"' for c in all_cols)
    cr.execute(
        f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in all_cols)})'
        f' SELECT {select} FROM "{temp}" t, "{table}" p WHERE p.id = %s',
        [proto_id],
    )
    cr.execute(f'DROP TABLE "{temp}"')
