"""What keeps the workbench safe to run: response headers (CSP), CSRF on form posts, API tokens,
and upload limits.

- CSP: scripts and styles only from this server, no inline script, no plugins, no framing; so even a
  tag that slipped past escaping could not run.
- CSRF: double-submit token. Every page sets a random `cw_csrf` cookie (SameSite=Strict) and puts
  the same value in its forms; a form post must send both, and they must match.
- Tokens: writing (ingest, delete) needs the token given at start. Reading is open when the server
  is bound to a loopback address; bound anywhere else it needs the token too, sent as
  `Authorization: Bearer ...`, `X-API-Token`, or the `cw_token` cookie set by the sign-in form.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from pathlib import PurePath

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_COOKIE = "cw_csrf"
CSRF_FIELD = "csrf_token"
TOKEN_COOKIE = "cw_token"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# The formats the ingest readers understand (see ingest/detect.py), by file name ending.
UPLOAD_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".html",
    ".htm",
    ".xml",
    ".rss",
    ".atom",
    ".jsonl",
    ".warc",
    ".warc.gz",
)


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int = 10 * 1024 * 1024
    max_files: int = 20
    max_request_bytes: int = 50 * 1024 * 1024
    max_paste_chars: int = 500_000
    suffixes: tuple[str, ...] = field(default=UPLOAD_SUFFIXES)


def is_loopback_host(host: str) -> bool:
    """True for localhost and loopback addresses: the only binds where reading needs no token."""
    if host.strip().lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same_secret(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison; an unset expectation never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def request_token(request: Request, allow_cookie: bool) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    if request.headers.get("x-api-token"):
        return request.headers["x-api-token"].strip()
    # The cookie only counts for reading: a cookie rides along with cross-site requests, a header never.
    return request.cookies.get(TOKEN_COOKIE) if allow_cookie else None


# The two dependencies below are `async` though they never wait: FastAPI runs a plain `def` dependency
# in its thread pool, one more hand-off between the event loop and a worker thread on every request.
async def require_read(request: Request) -> None:
    """Dependency: reading is open on a loopback bind, otherwise needs the token."""
    settings = request.app.state.settings
    if settings.open_reading:
        return
    if not same_secret(request_token(request, allow_cookie=True), settings.token):
        raise HTTPException(401, "this server is not bound to localhost: reading needs the API token")


async def require_write(request: Request) -> None:
    """Dependency for the REST API's writes: the token in a header, never from a cookie."""
    settings = request.app.state.settings
    if not settings.token:
        raise HTTPException(
            403, "writing is disabled: start the server with --token to allow ingest and delete"
        )
    if not same_secret(request_token(request, allow_cookie=False), settings.token):
        raise HTTPException(401, "writing needs the API token (Authorization: Bearer TOKEN)")


def check_form_token(request: Request, given: str | None) -> None:
    """Form posts from the browser carry the write token as a form field (typed by the user)."""
    settings = request.app.state.settings
    if not settings.token:
        raise HTTPException(403, "writing is disabled: start the server with --token to allow ingest")
    if not same_secret(given, settings.token):
        raise HTTPException(401, "wrong or missing API token")


def csrf_token_for(request: Request) -> str:
    """The page's CSRF token: the cookie's value, or a new one the middleware will set."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = secrets.token_urlsafe(24)
        request.state.new_csrf = token
    return token


def check_csrf(request: Request, form_value: str | None) -> None:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not same_secret(form_value, cookie):
        raise HTTPException(403, "CSRF check failed: reload the page and submit the form again")


def check_upload_name(filename: str | None, limits: UploadLimits) -> str:
    """The file's base name if its type is accepted; HTTPException 415 naming it otherwise."""
    name = PurePath((filename or "").replace("\\", "/")).name
    if not name or name.startswith("."):
        raise HTTPException(400, f"upload {filename!r}: missing or hidden file name")
    if not name.lower().endswith(limits.suffixes):
        raise HTTPException(
            415, f"upload {name!r}: unsupported file type (accepted: {', '.join(limits.suffixes)})"
        )
    return name


class SecurityHeadersMiddleware:
    """Adds the security headers, refuses oversized requests early, and sets the CSRF cookie.

    A plain ASGI middleware (not Starlette's BaseHTTPMiddleware, which costs a task and a stream per
    request): it only edits the response's start message.
    """

    def __init__(self, app: ASGIApp, max_request_bytes: int) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_request_bytes):
            response = PlainTextResponse(
                f"request too large: the limit is {self.max_request_bytes} bytes\n", status_code=413
            )
            response.headers.update(SECURITY_HEADERS)
            await response(scope, receive, send)
            return
        has_csrf = CSRF_COOKIE in request.cookies

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
                # Set by csrf_token_for while rendering a page with a form.
                new_csrf = scope.get("state", {}).get("new_csrf")
                if new_csrf and not has_csrf:
                    cookie = Response()
                    cookie.set_cookie(CSRF_COOKIE, new_csrf, httponly=True, samesite="strict", path="/")
                    headers.append("set-cookie", cookie.headers["set-cookie"])
            await send(message)

        await self.app(scope, receive, send_with_headers)
