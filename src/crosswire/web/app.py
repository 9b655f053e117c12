"""The FastAPI application: server-rendered pages (views/), the REST API under /api/v1
(routes_api.py), static files served from the package, and the security layer (security.py).

    from crosswire.web.app import create_app
    app = create_app("out/crosswire.db", token="s3cret", host="127.0.0.1")

Handlers only translate HTTP into calls on the store and the existing export/report functions.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException  # FastAPI's subclasses it; unknown paths raise this one

from crosswire.model import shown_quote, spoken_text
from crosswire.store import StoreError, open_store
from crosswire.version import __version__
from crosswire.web import routes_api
from crosswire.web.fetch import FetchPolicy
from crosswire.web.jobs import IngestJobs, UploadNotSaved
from crosswire.web.lookup import StoryMoved
from crosswire.web.search_cache import SearchCache
from crosswire.web.security import (
    SecurityHeadersMiddleware,
    UploadLimits,
    csrf_token_for,
    default_allowed_hosts,
    is_loopback_host,
)
from crosswire.web.views import exports, ingest, pages

HERE = Path(__file__).resolve().parent
LOG = logging.getLogger("crosswire.web")


@dataclass(frozen=True)
class Settings:
    db_url: str | None
    token: str | None
    host: str
    limits: UploadLimits
    fetch: FetchPolicy = field(default_factory=FetchPolicy)
    # The Host names the server answers to (None: any); see security.default_allowed_hosts.
    allowed_hosts: frozenset[str] | None = None

    @property
    def open_reading(self) -> bool:
        return is_loopback_host(self.host)


def _templates() -> Jinja2Templates:
    # Autoescape everything: every string that reaches a template may come from an article or a feed.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["version"] = __version__
    env.globals["csrf_token"] = csrf_token_for
    env.filters["short_date"] = lambda v: str(v)[:10] if v else "undated"
    env.filters["safe_url"] = safe_url
    env.filters["spoken"] = spoken_text  # a quote's words inside the page's own quote marks
    env.filters["shown_quote"] = shown_quote  # marks for a direct quote only (reported speech has none)
    return Jinja2Templates(env=env)


def safe_url(url: Any) -> str | None:
    """An article's URL if it is http(s); anything else (javascript:, data:) is not linked."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", "text/html"
    )


# How `crosswire serve --workers N` hands its settings to the server processes uvicorn starts.
ENV_DB, ENV_HOST, ENV_TOKEN, ENV_JOBS_DIR, ENV_ALLOWED_HOSTS = (
    "CROSSWIRE_SERVE_DB",
    "CROSSWIRE_SERVE_HOST",
    "CROSSWIRE_TOKEN",
    "CROSSWIRE_SERVE_JOBS_DIR",
    "CROSSWIRE_SERVE_ALLOWED_HOSTS",  # comma-separated
)


def app_from_environment() -> FastAPI:
    """`create_app` with the settings `crosswire serve` put in the environment (uvicorn's factory for
    each of several worker processes: every request may reach any of them, and none holds state
    another needs, except ingest jobs, whose status they share through ENV_JOBS_DIR)."""
    jobs_dir = os.environ.get(ENV_JOBS_DIR)
    return create_app(
        os.environ.get(ENV_DB) or None,
        token=os.environ.get(ENV_TOKEN) or None,
        host=os.environ.get(ENV_HOST) or "127.0.0.1",
        jobs_dir=Path(jobs_dir) if jobs_dir else None,
        allowed_hosts=[h for h in os.environ.get(ENV_ALLOWED_HOSTS, "").split(",") if h],
    )


# What a query parameter's pattern asks for, in words: a person reads the error page, not a regex.
_PATTERN_WORDS = {
    r"^(\d{4}-\d{2}-\d{2})?$": "expected a date as YYYY-MM-DD",
    r"^\d{4}-\d{2}-\d{2}": "expected a date as YYYY-MM-DD",
    r"^\d{2}$": "expected a two-digit CAMEO root code such as 04",
    r"^\d{2,4}$": "expected a CAMEO code of two to four digits",
    r"^(\d{2})?$": "expected a two-digit CAMEO root code such as 04",
    "^(articles|quotes)$": "expected articles or quotes",
}


def _plain_problem(error: Any) -> str:
    """One validation error as a person reads it: a pattern named in words, with the value given."""
    pattern = (error.get("ctx") or {}).get("pattern")
    if error.get("type") == "string_pattern_mismatch" and pattern:
        given = error.get("input")
        return f"{_PATTERN_WORDS.get(pattern, 'not an accepted value')} (got {given!r})"
    return str(error.get("msg"))


def create_app(
    db_url: str | None,
    token: str | None = None,
    host: str = "127.0.0.1",
    limits: UploadLimits | None = None,
    jobs_dir: Path | None = None,
    fetch: FetchPolicy | None = None,
    allowed_hosts: Iterable[str] = (),
) -> FastAPI:
    """The workbench over the store at `db_url` (opened, and migrated, now: a bad URL fails here).

    `token` enables writing (ingest, delete) and, when `host` is not a loopback address, guards
    reading too; a non-loopback `host` without a token is refused, since anyone could read.
    `jobs_dir`: a folder shared by several server processes over the same store, where each writes
    its ingest jobs' status for the others to report. `fetch`: the rules for ingest by URL (tests
    widen them to reach a local server; the default refuses every non-public address).
    `allowed_hosts`: Host names the server answers to besides the loopback names and `host` (a
    request naming any other is refused before it is handled: DNS rebinding).
    """
    if not is_loopback_host(host) and not token:
        raise ValueError(
            f"host {host!r} is not a loopback address: give a token (--token) so reading is guarded"
        )
    store = open_store(db_url)
    settings = Settings(
        db_url=db_url,
        token=token or None,
        host=host,
        limits=limits or UploadLimits(),
        fetch=fetch or FetchPolicy(),
        allowed_hosts=default_allowed_hosts(host, allowed_hosts),
    )
    jobs = IngestJobs(store, state_dir=jobs_dir)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> Any:
        yield
        jobs.shutdown()
        store.close()

    app = FastAPI(
        title="crosswire",
        version=__version__,
        description="Articles, stories, comparisons, quotes, events and actors from news coverage.",
        # The bundled Swagger page loads from a CDN; /api/v1/docs is a local page over the same schema.
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.store = store
    app.state.settings = settings
    app.state.jobs = jobs
    app.state.search_cache = SearchCache()
    app.state.templates = _templates()
    app.add_middleware(
        SecurityHeadersMiddleware,
        limits=settings.limits,
        allowed_hosts=settings.allowed_hosts,
        error=lambda scope, status, message: render_error(Request(scope), status, message),
        token=settings.token,
    )
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(routes_api.router)
    app.include_router(pages.router)
    app.include_router(ingest.router)
    app.include_router(exports.router)
    _error_handlers(app)
    return app


def render_error(request: Request, status: int, message: str) -> Response:
    """An error as the documented shape: JSON `{"error", "status"}` for the API and for clients that
    do not ask for HTML, the error page (templates/error.html) for browsers."""
    if wants_html(request):
        templates = request.scope["app"].state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
    return JSONResponse({"error": message, "status": status}, status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return render_error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {_plain_problem(e)}"
            for e in exc.errors()
        )
        return render_error(request, 422, f"invalid request: {problems}")

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError) -> Response:
        return render_error(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # A bug: logged with its traceback for whoever runs the server, answered in the documented
        # shape (not Starlette's plain-text page) without the details a client should not see.
        LOG.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return render_error(request, 500, "internal error: the server could not answer this request")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return render_error(request, 503, str(exc))

    @app.exception_handler(StoryMoved)
    async def story_moved(request: Request, exc: StoryMoved) -> Response:
        # A bookmarked story whose id changed when it gained or lost an article: permanently moved.
        # 308 for the API keeps the method; pages take the usual 301.
        path = request.url.path.replace(f"/{exc.old_id}", f"/{exc.new_id}", 1)
        target = path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(target, status_code=308 if request.url.path.startswith("/api/") else 301)

    @app.exception_handler(UploadNotSaved)
    async def upload_not_saved(request: Request, exc: UploadNotSaved) -> Response:
        return render_error(request, exc.status, str(exc))


__all__ = ["Settings", "app_from_environment", "create_app", "render_error", "safe_url"]
