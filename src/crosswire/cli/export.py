"""`crosswire export`, `graph` and `report`: files from the stored corpus.

Thin wrappers over `crosswire.export`, `crosswire.stories.graph` and `crosswire.report`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from crosswire.cli.common import (
    EXIT_CODES,
    AllEventsOption,
    DbOption,
    JsonOption,
    command_group,
    handle_errors,
    open_existing,
)
from crosswire.cli.render import print_json, stdout_console, visible
from crosswire.cli.stories import grouped_stories
from crosswire.errors import StoreError, UsageError
from crosswire.export import export_articles, export_events, formats
from crosswire.report import write_report
from crosswire.stories.graph import facts_graph

app = command_group()

GRAPH_FORMATS = ("graphml", "json")


@app.command("export", epilog=EXIT_CODES)
@handle_errors
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    what: Annotated[
        str, typer.Option("--what", help="articles, or events (csv/parquet: the GDELT-like event table).")
    ] = "articles",
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", help="Folder to write <what>.<format> into.")] = Path("out"),
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet (articles).")] = None,
    json_output: JsonOption = False,
) -> None:
    """Export stored articles or events as JSON Lines, CSV or Parquet (one record per article or event)."""
    if fmt not in formats():
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(formats())}")
    if what not in ("articles", "events"):
        raise UsageError(f"unknown --what {what!r}: choose articles or events")
    with open_existing(db) as corpus:
        try:
            if what == "events":
                path, count = export_events(corpus.store, out, fmt)
            else:
                path, count = export_articles(corpus.articles(outlet=outlet), out, fmt)
        except OSError as exc:
            raise UsageError(f"{out}: cannot write export: {exc.strerror or exc}") from exc
        except Exception as exc:  # a read failure in the middle of the stream
            raise StoreError(f"cannot read {what} from {corpus.db_url}: {exc}") from exc
    if json_output:
        print_json({"format": fmt, "what": what, "path": str(path), what: count})
    else:
        stdout_console().print(Text(f"wrote {count} {what} to {path}"))


@app.command("graph", epilog=EXIT_CODES)
@handle_errors
def graph(
    fmt: Annotated[str, typer.Option("--format", help="graphml or json.")] = "json",
    db: DbOption = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write to this file instead of stdout.")] = None,
    json_output: JsonOption = False,
    all_events: AllEventsOption = False,
) -> None:
    """The actor graph: actors as nodes, event counts and mean Goldstein on the edges."""
    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"unknown graph format {fmt!r}: choose graphml or json")
    with open_existing(db) as corpus:
        # The stories' facts: the graph counts the events the comparisons and the report show.
        found = facts_graph((f for story in grouped_stories(corpus) for f in story.facts), all_events)
    text = found.dumps(fmt)
    if out is not None:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{out}: cannot write graph: {exc.strerror or exc}") from exc
        if json_output:
            print_json(
                {"format": fmt, "path": str(out), "nodes": len(found.nodes), "edges": len(found.edges)}
            )
        return
    if json_output and fmt == "json":
        print_json(found.to_json())
    else:
        # Piped, the graph as it is; on a terminal, control characters in names are shown, not obeyed.
        typer.echo(visible(text) if sys.stdout.isatty() else text)


@app.command("report", epilog=EXIT_CODES)
@handle_errors
def report(
    db: DbOption = None,
    out: Annotated[Path, typer.Option("--out", help="Folder for report.md and report.html.")] = Path("out"),
    json_output: JsonOption = False,
    all_events: AllEventsOption = False,
) -> None:
    """Write the briefing report (report.md, self-contained report.html) for the stored corpus."""
    with open_existing(db) as corpus:
        grouped_stories(corpus)
        try:
            paths = write_report(corpus.store, out, all_events=all_events)
        except OSError as exc:
            raise UsageError(f"{out}: cannot write report: {exc.strerror or exc}") from exc
    if json_output:
        print_json(paths)
    else:
        stdout_console().print(Text(f"wrote {paths['report_html']} and {paths['report_md']}"))
