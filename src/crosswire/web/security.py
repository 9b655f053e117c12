"""What keeps the workbench safe to run: response headers (CSP), CSRF on form posts, API tokens,
request and upload limits, the Host allow-list, and what the web shows of the server's files.

- CSP: scripts and styles only from this server, no inline script, no plugins, no framing; so even a
  tag that slipped past escaping could not run.
- CSRF: double-submit token. Every page sets a random `cw_csrf` cookie (SameSite=Strict) and puts
  the same value in its forms; a form post must send both, and they must match.
- Tokens: writing (ingest, delete) needs the token given at start. Reading is open when the server
  is bound to a loopback address; bound anywhere else it needs the token too, sent as
  `Authorization: Bearer ...`, `X-API-Token`, or the `cw_token` cookie set by the sign-in form.
- Before any handler (`SecurityHeadersMiddleware`): the Host header must name this server (DNS
  rebinding), no NUL in the URL, and the request body is counted as it streams and cut at its limit,
  so a chunked body cannot bypass the limit before the token is checked.
- Source paths: the web shows a file's name, never the server's folders (`public_source_path`).
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from fastapi import HTTPException, Request
from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crosswire.model import Article

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


MAX_UPLOAD_NAME_BYTES = 200
# The requests that carry uploaded files; every other request's body is a form or a small JSON object.
UPLOAD_PATHS = frozenset({"/api/v1/ingest", "/ingest/upload"})


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int = 10 * 1024 * 1024
    max_files: int = 20
    max_request_bytes: int = 50 * 1024 * 1024  # an upload request
    max_paste_chars: int = 500_000
    max_body_seconds: float = 300.0  # a request body, however it is sent, must arrive within this
    suffixes: tuple[str, ...] = field(default=UPLOAD_SUFFIXES)

    @property
    def max_form_bytes(self) -> int:
        """Any other request: room for the longest paste with every character escaped (up to 12 bytes
        each: one outside the BMP as JSON \\uXXXX\\uXXXX or as a form's %XX%XX%XX%XX), and the rest."""
        return min(self.max_request_bytes, self.max_paste_chars * 12 + 64 * 1024)

    def body_limit(self, path: str) -> int:
        return self.max_request_bytes if path in UPLOAD_PATHS else self.max_form_bytes


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
        raise HTTPException(403, WRITING_DISABLED)
    if not same_secret(request_token(request, allow_cookie=False), settings.token):
        raise HTTPException(401, WRITE_TOKEN_NEEDED)


WRITING_DISABLED = "writing is disabled: start the server with --token to allow ingest and delete"
WRITE_TOKEN_NEEDED = "writing needs the API token (Authorization: Bearer TOKEN)"


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
        raise HTTPException(403, CSRF_FAILED)


CSRF_FAILED = "CSRF check failed: reload the page and submit the form again"


def check_upload_name(filename: str | None, limits: UploadLimits) -> str:
    """The file's base name if its type is accepted; HTTPException 415 naming it otherwise."""
    name = PurePath((filename or "").replace("\\", "/")).name
    if not name or name.startswith("."):
        raise HTTPException(400, f"upload {filename!r}: missing or hidden file name")
    size = len(name.encode("utf-8", "surrogatepass"))
    if size > MAX_UPLOAD_NAME_BYTES:
        # File systems take 255 bytes a name; the upload is saved under a short numeric prefix.
        raise HTTPException(
            400,
            f"upload {name[:60]!r}...: the file name is {size} bytes, over {MAX_UPLOAD_NAME_BYTES}: rename it",
        )
    if not name.lower().endswith(limits.suffixes):
        raise HTTPException(
            415, f"upload {name!r}: unsupported file type (accepted: {', '.join(limits.suffixes)})"
        )
    return name


_UPLOAD_FOLDER = re.compile(r"^crosswire-upload-")
# The numeric prefix an upload is saved under (jobs.py), kept out of what the web shows.
UPLOAD_PREFIX = re.compile(r"^\d{3}-")


def public_source_path(path: str | None) -> str | None:
    """What the web shows of the file an article was read from: its name only. The folders say
    nothing an analyst needs and something about the server (its users, its layout, the temporary
    folder an upload went through); an upload shows the name it was uploaded with."""
    if not path:
        return path
    pure = PurePath(path)
    name = pure.name
    if _UPLOAD_FOLDER.match(pure.parent.name):
        name = UPLOAD_PREFIX.sub("", name, count=1)
    return name or None


def public_article(article: Article) -> Article:
    """`article` as the web serves it (see `public_source_path`)."""
    return replace(article, source_path=public_source_path(article.source_path))


class BodyTooLarge(Exception):
    """Raised into the application when a request body grows past the limit while it is read."""


# Renders an error as the application's documented shape (JSON {"error", "status"}, or the error page).
ErrorResponder = Callable[[Scope, int, str], Response]


def plain_error(scope: Scope, status: int, message: str) -> Response:
    return JSONResponse({"error": message, "status": status}, status_code=status)


# A Host header as RFC 9110 writes it: a name or IPv4 address, or an IPv6 address in brackets, then at
# most a numeric port. Anything else ("localhost:80@evil", "[::1]evil", "localhost:abc") names no host.
_HOST_HEADER = re.compile(r"(?:\[(?P<v6>[0-9a-f:.]+)\]|(?P<name>[a-z0-9._-]+))(?::\d{1,5})?")


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port, brackets and a final dot, lower-cased
    ("[::1]:8000" -> "::1", "localhost.:8000" -> "localhost"); "" when the header is malformed."""
    value = host_header.strip().lower()
    if ":" in value and value.count(":") > 1 and not value.startswith("["):
        return value if _is_ipv6(value) else ""  # a bare IPv6 address, as `--host ::1` is written
    match = _HOST_HEADER.fullmatch(value)
    if match is None:
        return ""
    if match["v6"] is not None:
        return match["v6"] if _is_ipv6(match["v6"]) else ""
    name = match["name"]
    return name[:-1] if name.endswith(".") and len(name) > 1 else name


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def default_allowed_hosts(bind: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bind` answers to; None for any.

    A loopback bind answers to the loopback names only (and `extra`): a page in the analyst's browser
    that re-points its own domain at 127.0.0.1 (DNS rebinding) would otherwise read the store through
    it. A server bound to every interface (0.0.0.0, ::) cannot know the names it is reached by, so it
    answers to any unless `extra` names them; reading there needs the token anyway, which such a page
    does not have (the token cookie belongs to the server's own name)."""
    names = set()
    for given in (name for name in extra if name.strip()):
        name = host_name(given)
        if not name:  # "" would let through every Host header that names nothing
            raise ValueError(f"--allow-host {given!r}: not a host name (give a name such as cw.example)")
        names.add(name)
    wildcard = bind.strip("[]") in ("0.0.0.0", "::", "")
    if wildcard and not names:
        return None
    names |= {host_name(bind)} if not wildcard else set()
    names |= LOOPBACK_NAMES
    return frozenset(names)


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


class SecurityHeadersMiddleware:
    """What every request meets before any handler runs: the Host allow-list, the request size limit
    (an upload request's `max_request_bytes`, any other request's `max_form_bytes`; a declared
    Content-Length is judged at once, a chunked or understated body counted as it streams, so no more
    than the limit is ever read, before authentication and before an upload reaches the disk), and
    on the way out the security headers and the CSRF cookie.

    A plain ASGI middleware (not Starlette's BaseHTTPMiddleware, which costs a task and a stream per
    request).
    """

    def __init__(
        self,
        app: ASGIApp,
        limits: UploadLimits,
        allowed_hosts: frozenset[str] | None = None,
        error: ErrorResponder = plain_error,
        token: str | None = None,
    ) -> None:
        self.app = app
        self.limits = limits
        self.token = token
        self.allowed_hosts = allowed_hosts
        self.error = error

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
        response = self.error(scope, status, message)
        response.headers.update(SECURITY_HEADERS)
        # The body, or what is left of it, is never read: without "Connection: close" the server would
        # keep the connection and read (and throw away) whatever the client goes on sending.
        response.headers["Connection"] = "close"
        await response(scope, receive, send)

    def _write_refusal(self, request: Request) -> tuple[int, str] | None:
        """(status, message) when a write cannot pass the checks its handler makes, known before the
        body is read: a REST API write without the write token (`require_write`'s answers), a form
        post without the CSRF cookie (`check_csrf`'s); None otherwise."""
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        if not request.url.path.startswith("/api/"):
            return None if CSRF_COOKIE in request.cookies else (403, CSRF_FAILED)
        if not self.token:
            return 403, WRITING_DISABLED
        if not same_secret(request_token(request, allow_cookie=False), self.token):
            return 401, WRITE_TOKEN_NEEDED
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if self.allowed_hosts is not None:
            hosts = request.headers.getlist("host")
            # Two Host headers: which one a proxy or a framework reads is anyone's guess (RFC 9112: 400).
            host = host_name(hosts[0]) if len(hosts) == 1 else ""
            if host not in self.allowed_hosts:
                shown = (", ".join(hosts) if len(hosts) > 1 else hosts[0] if hosts else "")[:100] or "(none)"
                await self._refuse(
                    scope, receive, send, 400,
                    f"this server does not answer to the host name {shown!r} "
                    "(start it with --allow-host NAME to add one)",
                )  # fmt: skip
                return
        if b"%00" in scope.get("query_string", b"") or "\x00" in scope["path"]:
            # No name, title or date holds a NUL; PostgreSQL refuses one in any text it is sent.
            await self._refuse(scope, receive, send, 400, "a NUL character (%00) is not allowed in a URL")
            return
        refusal = self._write_refusal(request)
        if refusal is not None:
            # The REST API's writes carry the token in a header: without it, no byte of the body is read.
            await self._refuse(scope, receive, send, *refusal)
            return
        limit = self.limits.body_limit(scope["path"])
        too_large = f"request too large: the limit is {limit} bytes"
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self._refuse(scope, receive, send, 413, too_large)
            return
        has_csrf = CSRF_COOKIE in request.cookies
        state: dict[str, Any] = {
            "read": 0,
            "refusal": None,
            "started": False,
            "replaced": False,
            "whole": False,
        }
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.max_body_seconds
        too_slow = (408, f"request body too slow: it must arrive within {self.limits.max_body_seconds:g} s")

        async def counted_receive() -> Message:
            if state["whole"]:  # the body is in: what follows is the wait for a disconnect, never cut
                return await receive()
            try:
                # A client trickling its body a byte at a time would otherwise hold the request forever.
                async with asyncio.timeout(max(deadline - loop.time(), 0.0)):
                    message = await receive()
            except TimeoutError:
                state["refusal"] = too_slow
                raise BodyTooLarge(too_slow[1]) from None
            if message["type"] == "http.request":
                state["read"] += len(message.get("body", b""))
                state["whole"] = not message.get("more_body", False)
                if state["read"] > limit:
                    state["refusal"] = (413, too_large)
                    raise BodyTooLarge(too_large)
            return message

        async def send_with_headers(message: Message) -> None:
            if state["replaced"]:
                return  # the 413 went out in place of whatever the handler made of the cut body
            if message["type"] == "http.response.start":
                if state["refusal"] is not None:
                    state["replaced"] = True
                    await self._refuse(scope, receive, send, *state["refusal"])
                    return
                state["started"] = True
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

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge:
            if not state["started"] and not state["replaced"]:
                await self._refuse(scope, receive, send, *(state["refusal"] or (413, too_large)))
