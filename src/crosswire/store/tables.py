"""The store's tables as plain rows, for `crosswire query` (DuckDB loads them; query.py).

`open_tables(db)` opens an existing store read-only by URL (without migrating it), and the returned
`Tables` lists which of the schema's tables the database has, each table's columns with a plain
kind (json, bool, int, float, datetime, binary, text) and its rows in batches. JSON columns come back
as Python values (query.py serialises them for DuckDB). Any database failure is a StoreError.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Engine, Float, Integer, LargeBinary, inspect, select
from sqlalchemy.exc import SQLAlchemyError

from crosswire.errors import StoreError, UsageError
from crosswire.store.engine import create_store_engine, missing_store
from crosswire.store.schema import metadata


def _kind(column: Any) -> str:
    kind = column.type
    for cls, name in ((JSON, "json"), (Boolean, "bool"), (Integer, "int"), (Float, "float")):
        if isinstance(kind, cls):
            return name
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, LargeBinary):
        return "binary"
    return "text"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Tables:
    """Read access to one store's tables by name (the names of `store/schema.py`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def present(self) -> list[str]:
        """The schema's tables this database has, in schema order."""
        try:
            found = set(inspect(self.engine).get_table_names())
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read the store: {_first_line(exc)}") from exc
        return [name for name in metadata.tables if name in found]

    def columns(self, name: str) -> list[tuple[str, str]]:
        """(column name, kind) of table `name`, in column order."""
        return [(c.name, _kind(c)) for c in metadata.tables[name].columns]

    def batches(self, name: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of table `name`, `size` at a time, streamed."""
        try:
            with self.engine.connect() as conn:
                result = conn.execution_options(yield_per=size).execute(select(metadata.tables[name]))
                for rows in result.partitions():
                    yield [tuple(row) for row in rows]
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read the store: {_first_line(exc)}") from exc


@contextmanager
def open_tables(db: str | None) -> Iterator[Tables]:
    """The tables of the existing store at `db`; a missing SQLite file is a UsageError (opening would
    create an empty store), an unusable URL a StoreError."""
    missing = missing_store(db)
    if missing is not None:
        raise UsageError(f"no store at {missing}; run `crosswire analyze` first")
    try:
        engine, _ = create_store_engine(db)
    except Exception as exc:
        raise StoreError(str(exc)) from exc
    try:
        yield Tables(engine)
    finally:
        engine.dispose()
