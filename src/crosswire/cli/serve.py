"""`crosswire serve`: the web workbench and REST API over a store (see docs/web.md)."""

from __future__ import annotations

import os
import tempfile
from typing import Annotated

import typer
import uvicorn

from crosswire.cli.common import EXIT_CODES, DbOption, command_group
from crosswire.store import StoreError
from crosswire.store.search import optimize_search_index
from crosswire.web import app as web

app = command_group()


@app.command("serve", epilog=EXIT_CODES)
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; not loopback needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="CROSSWIRE_TOKEN",
            help="API token: enables ingest and delete; guards reading off localhost.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Server processes. Search and pages are CPU-bound, so one per core serves more "
            "readers at once; the store takes one writer at a time whatever the number.",
        ),
    ] = 1,
    optimize_search: Annotated[
        bool,
        typer.Option(
            "--optimize-search",
            help="First merge the SQLite search index into one segment (seconds on a large store; "
            "searches then take about half the time after many ingest runs).",
        ),
    ] = False,
) -> None:
    """Serve the web workbench and the REST API (/api/v1) over the store."""
    try:
        # Opened (and migrated) here first, so a bad store or bind fails before any process starts.
        web_app = web.create_app(db, token=token, host=host)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(3) from exc
    shown = web_app.state.store.url
    if optimize_search:
        segments = optimize_search_index(web_app.state.store)
        typer.echo(f"search index: {segments} segment(s) merged into one per index", err=True)
    typer.echo(
        f"crosswire workbench on http://{host}:{port}/ (store: {shown}, {workers} process(es))", err=True
    )
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
        return
    web_app.state.store.close()
    with tempfile.TemporaryDirectory(prefix="crosswire-jobs-") as jobs_dir:
        os.environ.update({web.ENV_DB: db or "", web.ENV_HOST: host, web.ENV_JOBS_DIR: jobs_dir})
        if token:
            os.environ[web.ENV_TOKEN] = token
        uvicorn.run(
            "crosswire.web.app:app_from_environment",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
        )
