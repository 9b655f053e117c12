"""`crosswire ingest` and `crosswire analyze`: read articles into the store, and analyse them.

Thin wrappers over `crosswire.api.ingest` and `crosswire.api.analyze`; progress bars on stderr.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from crosswire import api
from crosswire.cli.common import (
    EXIT_CODES,
    AllEventsOption,
    DbOption,
    JsonOption,
    ManifestOption,
    MaxBytesOption,
    PathsArgument,
    SourcesOption,
    command_group,
    handle_errors,
    report_run,
)
from crosswire.cli.render import progress_bars

app = command_group()


@app.command("ingest", epilog=EXIT_CODES)
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
    with progress_bars() as progress:
        summary = api.ingest(
            paths, db=db, manifest=manifest, sources=sources, max_bytes=max_bytes, progress=progress
        )
    report_run(summary, json_output)


@app.command("analyze", epilog=EXIT_CODES)
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
    all_events: AllEventsOption = False,
    json_output: JsonOption = False,
) -> None:
    """Ingest PATHS, run every analysis, and write the outputs to --out (store: OUT/crosswire.db).

    Outputs: articles.jsonl, quotes.jsonl, actors.jsonl, events.jsonl, events.csv, stories.jsonl,
    report.md and report.html."""
    with progress_bars() as progress:
        corpus = api.analyze(
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
            all_events=all_events,
        )
    corpus.close()
    assert corpus.summary is not None
    report_run(corpus.summary, json_output)
