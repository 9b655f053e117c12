"""`crosswire serve`: the web workbench and REST API over a store (see docs/web.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from crosswire.cli import EXIT_CODES, DbOption, app


@app.command(epilog=EXIT_CODES)
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
) -> None:
    """Serve the web workbench and the REST API (/api/v1) over the store."""
    import uvicorn

    from crosswire.store import StoreError
    from crosswire.web.app import create_app

    try:
        web_app = create_app(db, token=token, host=host)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(3) from exc
    typer.echo(f"crosswire workbench on http://{host}:{port}/ (store: {web_app.state.store.url})", err=True)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
