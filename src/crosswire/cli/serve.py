"""`crosswire serve`: the web workbench and REST API over a store (see docs/web.md)."""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer
import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from crosswire.cli.common import EXIT_CODES, DbOption, command_group, fail
from crosswire.store import StoreError, missing_store
from crosswire.store.search import optimize_search_index
from crosswire.web import app as web

app = command_group()

# What a request's line and headers may take before the application sees the request (uvicorn's
# httptools protocol sets no limit on either: a 200 MB header grew the server by 250 MB, a header
# sent a byte a second held its connection for good). Counted by what arrives before the headers end;
# one read is at most 256 KB, so the first piece of a body never counts against the limit.
HEAD_BYTES = 1024 * 1024
HEAD_SECONDS = 30.0


class BoundedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's HTTP/1.1 protocol with a size and a time limit on each request's headers: past them
    the client gets 431 or 408 in the API's error shape and the connection is closed."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._head_bytes = 0
        self._in_head = True
        self._head_timer: asyncio.TimerHandle | None = None
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._arm_head_timer()
            self._head_bytes += len(data)
            if self._head_bytes > HEAD_BYTES:
                self._refuse_head(431, f"request headers too large: the limit is {HEAD_BYTES} bytes")
                return
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._in_head, self._head_bytes = False, 0
        self._cancel_head_timer()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._in_head, self._head_bytes = True, 0  # the next request's clock starts with its first byte

    def _arm_head_timer(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(HEAD_SECONDS, self._head_too_slow)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self._in_head:
            self._refuse_head(408, f"request headers too slow: they must arrive within {HEAD_SECONDS:g} s")

    def send_400_response(self, msg: str) -> None:
        """A request the HTTP parser cannot read (a negative Content-Length, a broken chunk): uvicorn
        answers in plain text; here in the documented shape like every other error."""
        self._refuse_head(400, f"invalid HTTP request: {msg}")

    def _refuse_head(self, status: int, message: str) -> None:
        self._cancel_head_timer()
        self._in_head = False
        if self.transport.is_closing():
            return
        if self.cycle is None or self.cycle.response_complete:  # never inside another answer
            body = json.dumps({"error": message, "status": status}).encode()
            reason = {400: b"Bad Request", 408: b"Request Timeout", 431: b"Request Header Fields Too Large"}
            self.transport.write(
                b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\n"
                b"connection: close\r\n\r\n%s" % (status, reason[status], len(body), body)
            )
        self.transport.close()


def read_token_file(path: Path) -> str:
    """The token on the first line of `path`; UsageError-style exit 2 when it cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(
            f"{path}: cannot read the token file: {getattr(exc, 'strerror', None) or exc}", 2, False
        ) from exc
    token = lines[0].strip() if lines else ""
    if not token:
        raise fail(f"{path}: the token file is empty", 2, False)
    return token


@app.command("serve", epilog=EXIT_CODES)
def serve(
    ctx: typer.Context,
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
            help="API token: enables ingest and delete; guards reading off localhost. Other users of "
            "this machine can read a command line (ps): prefer CROSSWIRE_TOKEN or --token-file.",
        ),
    ] = None,
    token_file: Annotated[
        Path | None,
        typer.Option("--token-file", help="Read the API token from the first line of this file."),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="A host name the server answers to besides localhost and --host (repeatable), e.g. the "
            "name of a reverse proxy. Requests naming another host are refused (DNS rebinding).",
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
    if token_file is not None:
        token = read_token_file(token_file)
    elif token and getattr(ctx.get_parameter_source("token"), "name", None) == "COMMANDLINE":
        typer.echo(
            "note: a token given with --token shows in the process list (ps) to other users of this "
            "machine; CROSSWIRE_TOKEN or --token-file keep it out of it",
            err=True,
        )
    allowed = list(allow_host or [])
    # The workbench ingests, so it may start on no store; it says so, so that a mistyped --db is
    # noticed rather than shown as an empty store.
    missing = missing_store(db)
    try:
        # Opened (and migrated) here first, so a bad store or bind fails before any process starts.
        web_app = web.create_app(db, token=token, host=host, allowed_hosts=allowed)
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
    if missing is not None:
        typer.echo(
            f"note: no store at {missing}: a new, empty one was created (add articles on the Ingest page "
            "or with `crosswire analyze`)",
            err=True,
        )
    typer.echo(
        f"crosswire workbench on http://{host}:{port}/ (store: {shown}, {workers} process(es))", err=True
    )
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning", http=BoundedHttpToolsProtocol)
        return
    web_app.state.store.close()
    with tempfile.TemporaryDirectory(prefix="crosswire-jobs-") as jobs_dir:
        os.environ.update(
            {
                web.ENV_DB: db or "",
                web.ENV_HOST: host,
                web.ENV_JOBS_DIR: jobs_dir,
                web.ENV_ALLOWED_HOSTS: ",".join(allowed),
            }
        )
        if token:
            os.environ[web.ENV_TOKEN] = token
        uvicorn.run(
            "crosswire.web.app:app_from_environment",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            http=BoundedHttpToolsProtocol,
        )
