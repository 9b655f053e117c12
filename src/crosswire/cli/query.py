"""`crosswire query "SQL"`: a read-only DuckDB SELECT over the Parquet dataset and the store.

A thin wrapper over `crosswire.query.run_query`, which says what the SQL can see and how it is
locked down; this module only prints the rows (a table, CSV or JSON).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from crosswire.cli.common import EXIT_CODES, DbOption, command_group, handle_errors
from crosswire.cli.render import add_columns, cell, escape_c1, stdout_console, visible
from crosswire.errors import UsageError
from crosswire.export.cells import spreadsheet_safe
from crosswire.query import plain_value, run_query, text_value

app = command_group()

FORMATS = ("table", "csv", "json")
TABLE_ROWS = 200  # the table format shows this many; csv and json stream every row


def print_rows(columns: list[str], rows: Iterator[tuple[Any, ...]], fmt: str) -> int:
    """Write rows to stdout in `fmt`; returns how many there were."""
    count = 0
    if fmt == "csv":
        # Piped, the CSV is the data as it is; on a terminal, control characters are shown, not obeyed.
        # Text that a spreadsheet would run as a formula (a title "=HYPERLINK(...)") gets an apostrophe
        # in front, as in every CSV crosswire writes; numbers (-3.5) are left as they are.
        on_terminal = sys.stdout.isatty()
        writer = csv.writer(sys.stdout, lineterminator="\n")
        header = [spreadsheet_safe(name) for name in columns]
        writer.writerow([visible(name) for name in header] if on_terminal else header)
        for row in rows:
            values = [spreadsheet_safe(text_value(v)) if isinstance(v, str) else text_value(v) for v in row]
            writer.writerow([visible(v) for v in values] if on_terminal else values)
            count += 1
        return count
    if fmt == "json":
        sys.stdout.write("[")
        for row in rows:
            record = {name: plain_value(value) for name, value in zip(columns, row, strict=True)}
            sys.stdout.write(
                ("," if count else "") + "\n" + escape_c1(json.dumps(record, ensure_ascii=False))
            )
            count += 1
        sys.stdout.write("\n]\n" if count else "]\n")
        return count
    table = Table(show_header=True)
    add_columns(table, [visible(name) for name in columns])
    for row in rows:
        if count < TABLE_ROWS:
            table.add_row(*(cell(text_value(v)) for v in row))
        count += 1
    console = stdout_console()
    console.print(table)
    tally = f"{min(count, TABLE_ROWS)} of {count} rows" if count > TABLE_ROWS else f"{count} rows"
    console.print(cell(tally + (" (--format csv or json prints all)" if count > TABLE_ROWS else "")))
    return count


@app.command("query", epilog=EXIT_CODES)
@handle_errors
def query(
    sql: Annotated[str, typer.Argument(metavar="SQL", help="One SELECT statement (DuckDB SQL).")],
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Parquet dataset folder (analyze --parquet).")
    ] = None,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Run a read-only DuckDB SELECT over the Parquet dataset and the store.

    The dataset's views are articles, actors, quotes, events and stories; the store's tables are in
    the schema `store` (and under the plain names too when no --parquet is given)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    with run_query(sql, parquet, db) as (columns, rows):
        print_rows(columns, rows, fmt)
