"""The `crosswire` command: a thin Typer wrapper over `crosswire.api` and the library packages.

One module per command group, each a Typer `app` of thin commands:

    ingest.py    ingest, analyze            stories.py   stories, compare, timeline
    browse.py    list articles|stories, show export.py    export, graph, report
    query.py     query (DuckDB SQL)         doctor.py    doctor
    serve.py     serve (web workbench)      evaluate.py  eval ..., code

`common.py` holds the shared options, the exit-code table and the error handling; `render.py` the
Rich tables. Every command takes `--json` for machine-readable output on stdout; people get Rich
tables, and a progress bar on stderr while files are read.

The root group loads a command's module only when that command runs (`COMMANDS` names them), so
`crosswire --help` or `crosswire list articles` does not import spaCy, scipy, DuckDB or the web
stack that other commands need. The one-line summaries in `COMMANDS` are the commands' docstring
summaries (a test keeps them equal), so the top-level help needs no module loaded.
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any, NamedTuple

import typer
from typer.core import TyperGroup

from crosswire.cli.common import EXIT_CODES
from crosswire.version import __version__


class CommandEntry(NamedTuple):
    module: str  # under crosswire.cli
    summary: str  # the first sentence of its help, shown by `crosswire --help`


COMMANDS: dict[str, CommandEntry] = {
    "ingest": CommandEntry("ingest", "Read articles from PATHS, de-duplicate them, and store them (re-ingesting adds nothing)."),
    "analyze": CommandEntry("ingest", "Ingest PATHS, run every analysis, and write the outputs to --out (store: OUT/crosswire.db)."),
    "list": CommandEntry("browse", "List stored articles or stories."),
    "show": CommandEntry("browse", "Show one article with its metadata, text and (once analysed) its analysis."),
    "stories": CommandEntry("stories", "List the stories: id, articles, outlets, date span, corroborated facts, title."),
    "compare": CommandEntry("stories", "Compare one story across its outlets: corroborated, single-source, omissions, portrayal."),
    "timeline": CommandEntry("stories", "Events by date with the outlets and sentences that report them (a story's or the corpus's)."),
    "export": CommandEntry("export", "Export stored articles or events as JSON Lines, CSV or Parquet (one record per article or event)."),
    "graph": CommandEntry("export", "The actor graph: actors as nodes, event counts and mean Goldstein on the edges."),
    "report": CommandEntry("export", "Write the briefing report (report.md, self-contained report.html) for the stored corpus."),
    "query": CommandEntry("query", "Run a read-only DuckDB SELECT over the Parquet dataset and the store."),
    "serve": CommandEntry("serve", "Serve the web workbench and the REST API (/api/v1) over the store."),
    "doctor": CommandEntry("doctor", "Check Python, packages, the spaCy and embedding models, the store and chromium."),
    "eval": CommandEntry("evaluate", "Score crosswire against gold sets (the numbers in docs/accuracy.md)."),
    "code": CommandEntry("evaluate", "Code sentences with PETRARCH-format dictionaries; writes {id, events: [...]} lines to stdout."),
}  # fmt: skip


def load_command(name: str) -> Any:
    """The click command `name`, its module imported on first use."""
    entry = COMMANDS.get(name)
    if entry is None:
        return None
    module = importlib.import_module(f"crosswire.cli.{entry.module}")
    return typer.main.get_group(module.app).commands.get(name)


def short_help(summary: str, limit: int) -> str:
    """`summary` cut at a word to fit `limit` characters, as click shortens a command's help."""
    if len(summary) <= limit:
        return summary
    return summary[: limit - 3].rsplit(" ", 1)[0].rstrip(",;:") + "..."


class LazyCommands(TyperGroup):
    """The root group: commands come from `COMMANDS`, each loaded when it is asked for.

    (Typer's context and formatter types differ between Typer releases, hence the `Any`s.)"""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *super().list_commands(ctx)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        return super().get_command(ctx, cmd_name) or load_command(cmd_name)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, short_help(entry.summary, limit)) for name, entry in COMMANDS.items()]
        rows += [(name, short_help(cmd.help or "", limit)) for name, cmd in self.commands.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


app = typer.Typer(
    name="crosswire",
    cls=LazyCommands,
    help="Turn news coverage of an international story into source-attributed, comparable, queryable knowledge.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"crosswire {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print crosswire's version and exit."
        ),
    ] = False,
) -> None:
    """Turn news coverage of an international story into source-attributed, comparable, queryable knowledge."""


@app.command("version", epilog=EXIT_CODES)
def version() -> None:
    """Print crosswire's version."""
    typer.echo(__version__)


def main() -> None:
    app()
