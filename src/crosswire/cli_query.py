"""`crosswire query "SQL"`: DuckDB over the Parquet dataset (`analyze --parquet`) and the store.

    crosswire query "SELECT outlet, count(*) FROM quotes GROUP BY 1" --parquet out/parquet
    crosswire query "SELECT kind, count(*) FROM store.article_relations GROUP BY 1" --db crosswire.db --format csv

Views: `articles`, `actors`, `quotes`, `events`, `stories` over the Parquet dataset (with its hive
partition columns `month` and `outlet_slug`). The store's tables are in the schema `store`
(`store.articles`, `store.quotes`, `store.event_mentions`, ...); with no --parquet the plain names
are views onto them. DuckDB's own sqlite extension is not bundled with the wheel and cannot be
downloaded here, so the store is read through SQLAlchemy instead (any store URL, PostgreSQL too):
each table the query names is streamed in record batches into DuckDB, never held in Python whole.
JSON columns (`payload`, `codes`, ...) arrive as JSON text for DuckDB's `->>` and `json_extract`.

The SQL is user input, so the connection is read-only: one statement, and only a SELECT (COPY,
ATTACH, INSTALL, SET, CREATE ... are refused by their parsed statement type); file access is then
switched off (`enable_external_access = false`) except for the dataset's own folder, and the
configuration is locked, so a query cannot read other files, write files or load extensions.
"""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Any

import typer

from crosswire.cli import EXIT_CODES, DbOption, app, handle_errors

VIEWS = ("articles", "actors", "quotes", "events", "stories")
STORE_SCHEMA = "store"
FETCH_ROWS = 2000
TABLE_ROWS = 200  # the table format shows this many; csv and json stream every row
LOAD_ROWS = 5000  # store rows per record batch while loading


def _usage(message: str) -> Exception:
    from crosswire.api import UsageError

    return UsageError(message)


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def check_statement(con: Any, sql: str) -> None:
    """Exactly one statement, and a SELECT: anything else is refused before it runs."""
    import duckdb

    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise _usage(f"query failed: {_first_line(exc)}") from exc
    if len(statements) != 1:
        raise _usage(f"give exactly one SQL statement, not {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        name = getattr(kind, "name", str(kind))
        raise _usage(f"only SELECT queries are allowed (read-only), not {name} statements")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _hive_view(con: Any, root: Path, table: str) -> None:
    from crosswire.export.parquet_parts import PARTITIONING, SCHEMAS

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
    import pyarrow as pa

    schema = SCHEMAS[table]
    if table != "stories":
        for key in PARTITIONING:
            schema = schema.append(pa.field(key, pa.string()))
    con.register("_empty", pa.Table.from_pylist([], schema=schema))
    con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM _empty')
    con.unregister("_empty")


def attach_parquet(con: Any, folder: Path) -> None:
    """Views over the dataset's tables; DatasetError (a UsageError here) when it is not one."""
    from crosswire.export.parquet_parts import DatasetError, read_marker

    try:
        read_marker(folder)
    except DatasetError as exc:
        raise _usage(str(exc)) from exc
    for table in VIEWS:
        _hive_view(con, folder, table)


def _arrow_type(column: Any) -> Any:
    import pyarrow as pa
    from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, LargeBinary

    kind = column.type
    if isinstance(kind, JSON):
        return pa.string()
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, DateTime):
        return pa.timestamp("us")
    if isinstance(kind, LargeBinary):
        return pa.binary()
    return pa.string()


def _cell(value: Any, json_column: bool) -> Any:
    if value is None:
        return None
    if json_column:
        return json.dumps(value, ensure_ascii=False)
    return value


def _record_batches(engine: Any, table: Any, schema: Any) -> Iterator[Any]:
    import pyarrow as pa
    from sqlalchemy import JSON, select

    json_columns = [isinstance(c.type, JSON) for c in table.columns]
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=LOAD_ROWS).execute(select(table))
        for rows in result.partitions():
            columns = [[_cell(row[i], json_columns[i]) for row in rows] for i in range(len(table.columns))]
            yield pa.RecordBatch.from_arrays(
                [pa.array(values, type=schema.field(i).type) for i, values in enumerate(columns)],
                schema=schema,
            )


def _store_engine(db: str | None) -> Any:
    from sqlalchemy.engine import make_url

    from crosswire.api import StoreError
    from crosswire.store.engine import create_store_engine, normalise_url

    url = make_url(normalise_url(db))
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        if not Path(url.database).is_file():  # opening would create an empty store: say so instead
            raise StoreError(f"store {url.database} not found")
    try:
        engine, _ = create_store_engine(db)
    except Exception as exc:
        raise StoreError(str(exc)) from exc
    return engine


def attach_store(con: Any, db: str | None, wanted: set[str], as_views: bool) -> None:
    """Load the store tables named in `wanted` into DuckDB's `store` schema (views too if asked)."""
    import pyarrow as pa
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    from crosswire.api import StoreError
    from crosswire.store.schema import metadata

    engine = _store_engine(db)
    con.execute(f"CREATE SCHEMA {STORE_SCHEMA}")
    try:
        present = set(inspect(engine).get_table_names())
        for name, table in metadata.tables.items():
            if name not in wanted or name not in present:
                continue
            schema = pa.schema([(c.name, _arrow_type(c)) for c in table.columns])
            reader = pa.RecordBatchReader.from_batches(schema, _record_batches(engine, table, schema))
            con.register("_load", reader)
            con.execute(f'CREATE TABLE {STORE_SCHEMA}."{name}" AS SELECT * FROM _load')
            con.unregister("_load")
            if as_views and name in VIEWS:
                con.execute(f'CREATE VIEW "{name}" AS SELECT * FROM {STORE_SCHEMA}."{name}"')
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read the store: {_first_line(exc)}") from exc
    finally:
        engine.dispose()


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
    import duckdb

    con = duckdb.connect(":memory:", config={"temp_directory": str(spill)})
    check_statement(con, sql)
    try:
        wanted = set(con.get_table_names(sql))
    except duckdb.Error as exc:
        raise _usage(f"query failed: {_first_line(exc)}") from exc
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
    import duckdb

    with tempfile.TemporaryDirectory(prefix="crosswire-query-") as spill:
        con = open_query(sql, parquet, db, Path(spill))
        try:
            try:
                result = con.execute(sql)
            except duckdb.Error as exc:
                raise _usage(f"query failed: {_first_line(exc)}") from exc
            yield [d[0] for d in result.description or []], _rows(result)
        finally:
            con.close()


def _rows(result: Any) -> Iterator[tuple[Any, ...]]:
    import duckdb

    while True:
        try:
            chunk = result.fetchmany(FETCH_ROWS)
        except duckdb.Error as exc:  # a runtime error (a cast, a missing file) surfaces while fetching
            raise _usage(f"query failed: {_first_line(exc)}") from exc
        if not chunk:
            return
        yield from chunk


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def _text(value: Any) -> str:
    plain = _plain(value)
    if plain is None:
        return ""
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False)
    return str(plain)


def print_rows(columns: list[str], rows: Iterator[tuple[Any, ...]], fmt: str) -> int:
    """Write rows to stdout in `fmt`; returns how many there were."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_text(v) for v in row])
            count += 1
        return count
    if fmt == "json":
        sys.stdout.write("[")
        for row in rows:
            record = {name: _plain(value) for name, value in zip(columns, row, strict=True)}
            sys.stdout.write(("," if count else "") + "\n" + json.dumps(record, ensure_ascii=False))
            count += 1
        sys.stdout.write("\n]\n" if count else "]\n")
        return count
    from rich.table import Table
    from rich.text import Text

    from crosswire.cli_render import stdout_console

    table = Table(show_header=True)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        if count < TABLE_ROWS:
            table.add_row(*(Text(_text(v)) for v in row))
        count += 1
    console = stdout_console()
    console.print(table)
    shown = f"{min(count, TABLE_ROWS)} of {count} rows" if count > TABLE_ROWS else f"{count} rows"
    console.print(Text(shown + (" (--format csv or json prints all)" if count > TABLE_ROWS else "")))
    return count


FORMATS = ("table", "csv", "json")


@app.command(epilog=EXIT_CODES)
@handle_errors
def query(
    sql: Annotated[str, typer.Argument(metavar="SQL", help="One SELECT statement (DuckDB SQL).")],
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Parquet dataset folder (analyze --parquet).")
    ] = None,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a read-only DuckDB SELECT over the Parquet dataset (views articles, actors, quotes, events,
    stories) and the store (schema `store`; the plain names too when no --parquet is given)."""
    if fmt not in FORMATS:
        raise _usage(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    with run_query(sql, parquet, db) as (columns, rows):
        print_rows(columns, rows, fmt)
