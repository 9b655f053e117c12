"""Read-only DuckDB SQL over the Parquet dataset (`analyze --parquet`) and the store (`crosswire query`).

    crosswire query "SELECT outlet, count(*) FROM quotes GROUP BY 1" --parquet out/parquet
    crosswire query "SELECT kind, count(*) FROM store.article_relations GROUP BY 1" --db crosswire.db --format csv

Views: `articles`, `actors`, `quotes`, `events`, `stories` over the Parquet dataset (with its hive
partition columns `month` and `outlet_slug`). The store's tables are in the schema `store`
(`store.articles`, `store.quotes`, `store.event_mentions`, ...); with no --parquet the plain names
are views onto them. DuckDB's own sqlite extension is not bundled with the wheel and cannot be
downloaded here, so the store's tables are read through the store (`store/tables.py`, any store URL,
PostgreSQL too):
each table the query names is streamed in record batches into DuckDB, never held in Python whole.
JSON columns (`payload`, `codes`, ...) arrive as JSON text for DuckDB's `->>` and `json_extract`.

The SQL is user input, so the connection is read-only: one statement, and only a SELECT (COPY,
ATTACH, INSTALL, SET, CREATE ... are refused by their parsed statement type); file access is then
switched off (`enable_external_access = false`) except for the dataset's own folder, and the
configuration is locked, so a query cannot read other files, write files or load extensions.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from crosswire.errors import UsageError
from crosswire.export.parquet_parts import PARTITIONING, SCHEMAS, DatasetError, read_marker
from crosswire.store.tables import Tables, open_tables

VIEWS = ("articles", "actors", "quotes", "events", "stories")
STORE_SCHEMA = "store"
FETCH_ROWS = 2000
LOAD_ROWS = 5000  # store rows per record batch while loading


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def check_statement(con: Any, sql: str) -> None:
    """Exactly one statement, and a SELECT: anything else is refused before it runs."""
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise UsageError(f"query failed: {_first_line(exc)}") from exc
    if len(statements) != 1:
        raise UsageError(f"give exactly one SQL statement, not {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        name = getattr(kind, "name", str(kind))
        raise UsageError(f"only SELECT queries are allowed (read-only), not {name} statements")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _hive_view(con: Any, root: Path, table: str) -> None:
    folder = root / table
    if any(folder.rglob("*.parquet")) if folder.is_dir() else False:
        pattern = _sql_string(str(folder / "**" / "*.parquet"))
        if table == "stories":
            source = f"read_parquet({pattern})"
        else:
            types = ", ".join(f"'{key}': VARCHAR" for key in PARTITIONING)
            source = f"read_parquet({pattern}, hive_partitioning = true, hive_types = {{{types}}})"
        con.execute(f'CREATE VIEW "{table}" AS SELECT * FROM {source}')
        return
    # A table with no rows (no quotes found yet) is still there, empty, with its documented columns.
    schema = SCHEMAS[table]
    if table != "stories":
        for key in PARTITIONING:
            schema = schema.append(pa.field(key, pa.string()))
    con.register("_empty", pa.Table.from_pylist([], schema=schema))
    con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM _empty')
    con.unregister("_empty")


def attach_parquet(con: Any, folder: Path) -> None:
    """Views over the dataset's tables; DatasetError (a UsageError here) when it is not one."""
    try:
        read_marker(folder)
    except DatasetError as exc:
        raise UsageError(str(exc)) from exc
    for table in VIEWS:
        _hive_view(con, folder, table)


ARROW_TYPES = {
    "json": pa.string(),  # JSON text, for DuckDB's ->> and json_extract
    "bool": pa.bool_(),
    "int": pa.int64(),
    "float": pa.float64(),
    "datetime": pa.timestamp("us"),
    "binary": pa.binary(),
    "text": pa.string(),
}


def _cell(value: Any, json_column: bool) -> Any:
    if value is None:
        return None
    if json_column:
        return json.dumps(value, ensure_ascii=False)
    return value


def _record_batches(tables: Tables, name: str, schema: Any, json_columns: list[bool]) -> Iterator[Any]:
    for rows in tables.batches(name, LOAD_ROWS):
        columns = [[_cell(row[i], json_columns[i]) for row in rows] for i in range(len(json_columns))]
        yield pa.RecordBatch.from_arrays(
            [pa.array(values, type=schema.field(i).type) for i, values in enumerate(columns)],
            schema=schema,
        )


def attach_store(con: Any, db: str | None, wanted: set[str], as_views: bool) -> None:
    """Load the store tables named in `wanted` into DuckDB's `store` schema (views too if asked)."""
    with open_tables(db) as tables:
        con.execute(f"CREATE SCHEMA {STORE_SCHEMA}")
        for name in tables.present():
            if name not in wanted:
                continue
            columns = tables.columns(name)
            schema = pa.schema([(column, ARROW_TYPES[kind]) for column, kind in columns])
            json_columns = [kind == "json" for _, kind in columns]
            reader = pa.RecordBatchReader.from_batches(
                schema, _record_batches(tables, name, schema, json_columns)
            )
            con.register("_load", reader)
            con.execute(f'CREATE TABLE {STORE_SCHEMA}."{name}" AS SELECT * FROM _load')
            con.unregister("_load")
            if as_views and name in VIEWS:
                con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM {STORE_SCHEMA}."{name}"')


def lock_down(con: Any, readable: Path | None) -> None:
    """No file access beyond the dataset's folder, no extensions, and no way to change that."""
    if readable is not None:
        con.execute(f"SET allowed_directories = [{_sql_string(str(readable.resolve()) + '/')}]")
    con.execute("SET enable_external_access = false")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET lock_configuration = true")


def open_query(sql: str, parquet: Path | None, db: str | None, spill: Path) -> Any:
    """A read-only DuckDB connection prepared for `sql`: views over the dataset and the store.

    `spill` is a private, empty folder for DuckDB's temporary files: DuckDB lets a query read its
    temporary folder, so it must not be a shared one such as /tmp."""
    con = duckdb.connect(":memory:", config={"temp_directory": str(spill)})
    check_statement(con, sql)
    try:
        wanted = set(con.get_table_names(sql))
    except duckdb.Error as exc:
        raise UsageError(f"query failed: {_first_line(exc)}") from exc
    if parquet is not None:
        attach_parquet(con, parquet)
    if db is not None or parquet is None:
        attach_store(con, db, wanted, as_views=parquet is None)
    lock_down(con, parquet)
    return con


@contextmanager
def run_query(
    sql: str, parquet: Path | None = None, db: str | None = None
) -> Iterator[tuple[list[str], Iterator[tuple[Any, ...]]]]:
    """(column names, the rows, streamed); UsageError for bad or refused SQL."""
    with tempfile.TemporaryDirectory(prefix="crosswire-query-") as spill:
        con = open_query(sql, parquet, db, Path(spill))
        try:
            try:
                result = con.execute(sql)
            except duckdb.Error as exc:
                raise UsageError(f"query failed: {_first_line(exc)}") from exc
            yield [d[0] for d in result.description or []], _rows(result)
        finally:
            con.close()


def _rows(result: Any) -> Iterator[tuple[Any, ...]]:
    while True:
        try:
            chunk = result.fetchmany(FETCH_ROWS)
        except duckdb.Error as exc:  # a runtime error (a cast, a missing file) surfaces while fetching
            raise UsageError(f"query failed: {_first_line(exc)}") from exc
        if not chunk:
            return
        yield from chunk


def plain_value(value: Any) -> Any:
    """A DuckDB value as JSON can hold it (dates as ISO text, bytes as hex)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, list | tuple):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain_value(v) for k, v in value.items()}
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def text_value(value: Any) -> str:
    """A DuckDB value as one CSV or table cell."""
    plain = plain_value(value)
    if plain is None:
        return ""
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False)
    return str(plain)
