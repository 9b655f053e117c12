"""What every `crosswire` command shares: its options, the exit-code table, and how errors become
a message and an exit code.

Exit codes (also in README.md and at the foot of every command's --help):
0 ok, 1 some files failed, 2 usage error, 3 store error, 4 missing model or dependency.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from crosswire.cli.render import cell, print_json, print_summary, stderr_console, stdout_console
from crosswire.corpus import Corpus, RunSummary, open_corpus
from crosswire.errors import as_crosswire_error

EXIT_CODES = """\
Exit codes: 0 ok; 1 some files failed (the batch completed, problems listed in the run summary);
2 usage error; 3 store error; 4 missing model or dependency (run `crosswire doctor`)."""


def command_group(help: str | None = None) -> typer.Typer:
    """A Typer for one module's commands, with the settings every crosswire command shares: plain
    help text (no Rich markup, so help shows option values literally) and no shell completion."""
    return typer.Typer(
        help=help, epilog=EXIT_CODES, no_args_is_help=True, add_completion=False, rich_markup_mode=None
    )


DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="CROSSWIRE_DB", help="Store URL or SQLite file (default: crosswire.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
# The one switch of the briefing's doubted events (stories/briefing.py `shown_and_doubted`); the web and
# the API take it as `?all_events=1`.
AllEventsOption = Annotated[
    bool,
    typer.Option(
        "--all-events",
        help="Show every coded event as a fact, those the precision gate doubts too "
        "(by default they are listed apart as less certain).",
    ),
]
PathsArgument = Annotated[
    list[str], typer.Argument(metavar="PATH...", help="Files, folders or globs to read.", show_default=False)
]
ManifestOption = Annotated[
    Path | None, typer.Option("--manifest", help="CSV or TOML manifest: path, outlet, url, published.")
]
SourcesOption = Annotated[
    Path | None, typer.Option("--sources", help="Sources registry TOML (default: built-in).")
]
MaxBytesOption = Annotated[
    int | None,
    typer.Option("--max-bytes", min=1, help="Skip files larger than this (default: the reader's limit)."),
]

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int, as_json: bool) -> typer.Exit:
    """Print an error (JSON on stdout with --json, red text on stderr otherwise); the Exit to raise."""
    if as_json:
        print_json({"error": message, "exit_code": code})
    else:
        stderr_console().print(cell(f"error: {message}", style="red"), soft_wrap=True)
    return typer.Exit(code)


def handle_errors(command: F) -> F:
    """Turn CrosswireErrors, the stages' store and model errors, and a missing module into a message
    and their documented exit code. Anything else is a bug, and its traceback shows."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        as_json = bool(kwargs.get("json_output"))
        try:
            return command(*args, **kwargs)
        except typer.Exit:
            raise
        except Exception as exc:
            mapped = as_crosswire_error(exc)
            if mapped is None:
                raise
            message = str(mapped)
            if isinstance(exc, ModuleNotFoundError):
                message = f"missing module {exc.name}: reinstall crosswire (pip install -e .)"
            raise fail(message, mapped.exit_code, as_json) from exc

    return wrapper  # type: ignore[return-value]


def open_existing(db: str | None) -> Corpus:
    """The corpus in an existing store, for the commands that only read one (no store is created)."""
    return open_corpus(db, must_exist=True)


def report_run(summary: RunSummary, as_json: bool) -> None:
    """Print a run summary; exit 1 when some files failed."""
    if as_json:
        print_json(summary.to_dict())
    else:
        print_summary(summary, stdout_console())
    if summary.exit_code:
        raise typer.Exit(summary.exit_code)
