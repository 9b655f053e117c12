"""The few statements that differ between SQLite and PostgreSQL, and batching helpers.

Both dialects spell "insert unless the key exists" and "insert or update" as
INSERT ... ON CONFLICT, but SQLAlchemy builds them from dialect-specific `insert` constructs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")

# Rows per executemany: large enough for speed, small enough that IN (...) lists stay well under
# SQLite's bound-parameter limit (32766) and memory stays flat.
CHUNK_ROWS = 500


def _insert(table: Table, dialect: str) -> Any:
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise ValueError(f"unsupported database dialect {dialect!r}")


def insert_ignore(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT the rows, skipping any whose primary key (or unique key) already exists."""
    if rows:
        conn.execute(_insert(table, conn.dialect.name).on_conflict_do_nothing(), list(rows))


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """INSERT the rows, updating every non-key column of those whose `keys` already exist."""
    if not rows:
        return
    stmt = _insert(table, conn.dialect.name)
    columns = [c for c in rows[0] if c not in keys]
    stmt = stmt.on_conflict_do_update(index_elements=list(keys), set_={c: stmt.excluded[c] for c in columns})
    conn.execute(stmt, list(rows))


def chunked(items: Iterable[T], size: int = CHUNK_ROWS) -> Iterator[list[T]]:
    """Lists of up to `size` items, pulled lazily so a generator input is never held whole."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
