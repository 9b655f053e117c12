"""The `crosswire` command: a thin Typer wrapper over `crosswire.api`.

Every command takes `--json` for machine-readable output on stdout; people get Rich tables, and a
progress bar on stderr while files are read. Exit codes (also in README.md):
0 ok, 1 some files failed, 2 usage error, 3 store error, 4 missing model or dependency.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.text import Text

from crosswire import __version__
from crosswire.api import RunSummary, as_crosswire_error
from crosswire.model import article_record, to_dict

EXIT_CODES = """\
Exit codes: 0 ok; 1 some files failed (the batch completed, problems listed in the run summary);
2 usage error; 3 store error; 4 missing model or dependency (run `crosswire doctor`)."""

app = typer.Typer(
    name="crosswire",
    help="Turn news coverage of an international story into source-attributed, comparable, queryable knowledge.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
list_app = typer.Typer(help="List stored articles or stories.", no_args_is_help=True, epilog=EXIT_CODES)
app.add_typer(list_app, name="list")

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="CROSSWIRE_DB", help="Store URL or SQLite file (default: crosswire.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
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


def _fail(message: str, code: int, as_json: bool) -> typer.Exit:
    from crosswire.cli_render import print_json, stderr_console

    if as_json:
        print_json({"error": message, "exit_code": code})
    else:
        stderr_console().print(Text(f"error: {message}", style="red"), soft_wrap=True)
    return typer.Exit(code)


def handle_errors(command: F) -> F:
    """Turn CrosswireErrors, the stages' store and model errors, and a missing module into a message
    and their documented exit code."""

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
                raise  # a bug: let the traceback show
            message = str(mapped)
            if isinstance(exc, ModuleNotFoundError):
                message = f"missing module {exc.name}: reinstall crosswire (pip install -e .)"
            raise _fail(message, mapped.exit_code, as_json) from exc

    return wrapper  # type: ignore[return-value]


def _report_run(summary: RunSummary, as_json: bool) -> None:
    from crosswire.cli_render import print_json, print_summary, stdout_console

    if as_json:
        print_json(summary.to_dict())
    else:
        print_summary(summary, stdout_console())
    if summary.exit_code:
        raise typer.Exit(summary.exit_code)


@app.command()
@handle_errors
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    manifest: ManifestOption = None,
    sources: SourcesOption = None,
    max_bytes: MaxBytesOption = None,
    json_output: JsonOption = False,
) -> None:
    """Read articles from PATHS, de-duplicate them, and store them (re-ingesting adds nothing)."""
    from crosswire.api import ingest as run_ingest
    from crosswire.cli_render import progress_bars

    with progress_bars() as progress:
        summary = run_ingest(
            paths, db=db, manifest=manifest, sources=sources, max_bytes=max_bytes, progress=progress
        )
    _report_run(summary, json_output)


@app.command()
@handle_errors
def analyze(
    paths: PathsArgument,
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder for articles.jsonl and later outputs.")
    ] = None,
    db: DbOption = None,
    manifest: ManifestOption = None,
    sources: SourcesOption = None,
    max_bytes: MaxBytesOption = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Local worker processes that read and analyse.")
    ] = 1,
    n_process: Annotated[
        int, typer.Option("--n-process", min=1, hidden=True, help="Deprecated name of --workers.")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask", help="Run on Dask: 'local', 'local:N' (a LocalCluster) or tcp://SCHEDULER:8786."
        ),
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option("--parquet", help="Also write the results as a partitioned Parquet dataset here."),
    ] = None,
    actors: Annotated[
        Path | None, typer.Option("--actors", help="Folder of PETRARCH/Phoenix actor dictionaries to add.")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Ingest PATHS, run every analysis, and write the outputs to --out (store: OUT/crosswire.db).

    Outputs: articles.jsonl, quotes.jsonl, actors.jsonl, events.jsonl, events.csv, stories.jsonl,
    report.md and report.html."""
    from crosswire.api import analyze as run_analyze
    from crosswire.cli_render import progress_bars

    with progress_bars() as progress:
        corpus = run_analyze(
            paths,
            db=db,
            out=out,
            manifest=manifest,
            sources=sources,
            progress=progress,
            max_bytes=max_bytes,
            n_process=n_process,
            workers=workers,
            dask=dask,
            parquet=parquet,
            actors=actors,
        )
    corpus.close()
    assert corpus.summary is not None
    _report_run(corpus.summary, json_output)


@list_app.command("articles")
@handle_errors
def list_articles(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only this outlet (exact name).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many first.")] = 0,
    json_output: JsonOption = False,
) -> None:
    """List stored articles, newest first."""
    from crosswire.api import open_corpus
    from crosswire.cli_render import articles_table, print_json, stdout_console

    with open_corpus(db) as corpus:
        articles = corpus.list_articles(limit=limit, offset=offset, outlet=outlet)
        total = corpus.count()
    if json_output:
        print_json({"total": total, "articles": articles})
    else:
        console = stdout_console()
        console.print(articles_table(articles))
        console.print(Text(f"{len(articles)} of {total} articles"))


@list_app.command("stories")
@handle_errors
def list_stories(
    db: DbOption = None,
    outlet: Annotated[str | None, typer.Option("--outlet", help="Only stories this outlet covered.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    json_output: JsonOption = False,
) -> None:
    """List stored stories (filled once story grouping has run)."""
    from crosswire.api import open_corpus
    from crosswire.cli_render import print_json, stdout_console, stories_table

    with open_corpus(db) as corpus:
        stories = [s for s in corpus.stories() if outlet is None or outlet in s.outlets][:limit]
    if json_output:
        print_json({"stories": [to_dict(s) for s in stories]})
    else:
        console = stdout_console()
        console.print(stories_table(stories))
        console.print(Text(f"{len(stories)} stories"))


@app.command()
@handle_errors
def show(
    article_id: Annotated[
        str, typer.Argument(metavar="ID", help="Article id (as in `crosswire list articles`).")
    ],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show one article with its metadata, text and (once analysed) its analysis."""
    from crosswire.api import UsageError, open_corpus
    from crosswire.cli_render import print_article, print_json, stdout_console

    with open_corpus(db) as corpus:
        article = corpus.article(article_id)
        if article is None:
            raise UsageError(f"no article with id {article_id!r} in {corpus.db_url}")
        analysis = corpus.analysis(article_id)
    if json_output:
        print_json({"article": article_record(article), "analysis": to_dict(analysis)})
    else:
        print_article(article, stdout_console(), analysis)


@app.command()
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
    from crosswire.api import StoreError, UsageError, open_corpus
    from crosswire.cli_render import print_json, stdout_console
    from crosswire.export import FORMATS, export_articles, export_events

    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if what not in ("articles", "events"):
        raise UsageError(f"unknown --what {what!r}: choose articles or events")
    with open_corpus(db) as corpus:
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


@app.command()
def doctor(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Check Python, packages, the spaCy and embedding models, the store and chromium."""
    from rich.table import Table

    from crosswire.cli_doctor import exit_code, run_checks
    from crosswire.cli_render import print_json, stdout_console

    checks = run_checks(db)
    code = exit_code(checks)
    if json_output:
        print_json({"ok": code == 0, "exit_code": code, "checks": [c.to_dict() for c in checks]})
    else:
        table = Table(title=f"crosswire {__version__}", show_header=True)
        for column in ("check", "status", "detail"):
            table.add_column(column, overflow="fold")
        colours = {"ok": "green", "warn": "yellow", "fail": "red"}
        for c in checks:
            table.add_row(Text(c.name), Text(c.status, style=colours[c.status]), Text(c.detail))
        stdout_console().print(table)
    if code:
        raise typer.Exit(code)


@app.command()
def version() -> None:
    """Print crosswire's version."""
    typer.echo(__version__)


# Importing these registers their commands on `app` (eval, code, serve, stories, compare, ...).
from crosswire import cli_eval, cli_query, cli_serve, cli_stories  # noqa: E402, F401


def main() -> None:
    app()


if __name__ == "__main__":
    main()
