"""Ingest by URL: the address guard (real rules, real resolver where it matters), redirects checked on
every hop, limits, and one page really fetched from a local test server into the store."""

from __future__ import annotations

import gzip
import ipaddress
import threading
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from fastapi.testclient import TestClient

from crosswire.web.app import create_app
from crosswire.web.fetch import FetchError, FetchPolicy, check_url, fetch_page, refusal, system_resolver

TOKEN = "test-token-123"
PAGE = (
    b"<html><head><title>Envoys meet in Geneva</title></head><body><article><h1>Envoys meet in Geneva</h1>"
    b"<p>Negotiators from both countries met in Geneva on Tuesday to discuss a prisoner exchange.</p>"
    b"<p>The talks lasted six hours and will continue next week, officials said.</p></article></body></html>"
)


GZIP_BOMB = gzip.compress(b"<p>" + b"a" * (64 * 1024 * 1024))  # 64 KB standing for 64 MB


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)  # no zlib header, as some servers send "deflate"
    return packer.compress(data) + packer.flush()


class _Handler(BaseHTTPRequestHandler):
    seen_hosts: list[str] = []

    def log_message(self, *_args) -> None:  # keep the test output quiet
        pass

    def _send(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle_headers(self) -> None:
        # A server that never finishes its headers: a byte every 50 ms, for as long as it is read.
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
        self._trickle(b"X-Slow: ")

    def _trickle_body(self) -> None:
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
        self._trickle(b"<p>")

    def _trickle(self, start: bytes) -> None:
        self.wfile.write(start)
        try:
            for _ in range(1200):  # a minute at most, whoever stops listening
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass

    def do_GET(self) -> None:
        _Handler.seen_hosts.append(self.headers.get("Host", ""))
        port = self.server.server_address[1]
        routes = {
            "/article": lambda: self._send(200, PAGE, Content_Type="text/html; charset=utf-8"),
            "/moved": lambda: self._send(301, Location="/article"),
            "/to-loopback": lambda: self._send(302, Location=f"http://127.0.0.2:{port}/article"),
            "/to-ipv6-loopback": lambda: self._send(302, Location=f"http://[::1]:{port}/article"),
            "/to-metadata": lambda: self._send(307, Location="http://169.254.169.254/latest/meta-data/"),
            "/to-internal-name": lambda: self._send(302, Location=f"http://internal.example:{port}/x"),
            "/to-localhost": lambda: self._send(302, Location=f"http://localhost:{port}/article"),
            "/to-file": lambda: self._send(302, Location="file:///etc/passwd"),
            "/loop": lambda: self._send(302, Location="/loop"),
            "/big": lambda: self._send(200, b"<p>" + b"x" * 5000 + b"</p>", Content_Type="text/html"),
            "/binary": lambda: self._send(200, b"\x7fELF", Content_Type="application/octet-stream"),
            "/gone": lambda: self._send(404, b"no"),
            "/to-backslashes": lambda: self._send(302, Location="http:\\\\evil.example\\path"),
            "/gzip-page": lambda: self._send(
                200, gzip.compress(PAGE), Content_Type="text/html", Content_Encoding="gzip"
            ),
            "/deflate-page": lambda: self._send(
                200, _raw_deflate(PAGE), Content_Type="text/html", Content_Encoding="deflate"
            ),
            "/gzip-bomb": lambda: self._send(
                200, GZIP_BOMB, Content_Type="text/html", Content_Encoding="gzip"
            ),
            # Brotli: 1.6 KB of it stood for 1 GB, which httpx inflated whole (2 GB resident) before any limit.
            "/brotli": lambda: self._send(
                200, b"\x1b\xff\xff", Content_Type="text/html", Content_Encoding="br"
            ),
            "/damaged-gzip": lambda: self._send(
                200,
                b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff",
                Content_Type="text/html",
                Content_Encoding="gzip",
            ),
            "/cut-gzip": lambda: self._send(
                200, gzip.compress(PAGE)[:-20], Content_Type="text/html", Content_Encoding="gzip"
            ),
            "/trickle-headers": self._trickle_headers,
            "/trickle-body": self._trickle_body,
        }
        routes.get(self.path, routes["/gone"])()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def _policy(port: int, **changes) -> FetchPolicy:
    """The real rules, widened only to reach the test server: news.example resolves to it and is
    exempt, as is the server's port; internal.example resolves to a private address (not exempt)."""
    names = {"news.example": ["127.0.0.1"], "internal.example": ["10.0.0.7"]}

    def resolver(host: str, port_: int) -> list[str]:
        return names[host] if host in names else system_resolver(host, port_)

    settings = {
        "resolver": resolver,
        "allowed_hosts": frozenset({"news.example"}),
        "allowed_ports": frozenset({port}),
        **changes,
    }
    return FetchPolicy(**settings)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "loopback address 127.0.0.1"),
        ("http://127.8.9.10/admin", "loopback"),
        ("http://[::1]/", "loopback address ::1"),
        ("http://10.1.2.3/", "private address 10.1.2.3"),
        ("http://192.168.0.1/", "private"),
        ("http://172.16.5.4/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[fc00::1]/", "private"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://[::]/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://100.64.0.1/", "non-public address 100.64.0.1"),
        ("http://[::ffff:127.0.0.1]/", "loopback address 127.0.0.1 (inside ::ffff:7f00:1)"),
        ("http://[2002:a00:1::]/", "private address 10.0.0.1"),
        ("http://localhost/", "loopback"),
        ("http://2130706433/", "loopback address 127.0.0.1"),  # 127.0.0.1 as one number
        ("http://0x7f.1/", "loopback address 127.0.0.1"),
        ("http://LOCALHOST./", "loopback"),
        ("ftp://example.com/file", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("http://user:secret@example.com/", "user name or password"),
        ("http://93.184.216.34:8080/", "port 8080 refused"),
        ("https://93.184.216.34:22/", "port 22 refused"),
        ("http:///nohost", "no host name"),
        ("http://[::1/", "not a valid URL"),
    ],
)
def test_the_guard_refuses_non_public_addresses_and_other_schemes_and_ports(url, reason):
    with pytest.raises(FetchError) as refused:
        check_url(url, FetchPolicy())
    assert reason in str(refused.value) and repr(url) in str(refused.value)


def test_public_addresses_pass_and_every_resolved_address_must_be_public():
    assert refusal(ipaddress.ip_address("93.184.216.34")) is None
    assert refusal(ipaddress.ip_address("2606:2800:220:1:248:1893:25c8:1946")) is None
    assert check_url("https://93.184.216.34/a", FetchPolicy())[1:] == (
        "93.184.216.34",
        443,
        ipaddress.ip_address("93.184.216.34"),
    )
    mixed = FetchPolicy(resolver=lambda host, port: ["93.184.216.34", "10.0.0.8"])
    with pytest.raises(FetchError, match="private address 10.0.0.8"):
        check_url("http://mixed.example/", mixed)
    with pytest.raises(FetchError, match="resolves to no address"):
        check_url("http://empty.example/", FetchPolicy(resolver=lambda host, port: []))


def test_a_page_is_fetched_from_the_checked_address_with_the_host_name_sent(server):
    calls = []

    def rebinding(host: str, port: int) -> list[str]:
        # A rebinding DNS server: a harmless answer for the check, a private one on any later lookup.
        calls.append(host)
        return ["127.0.0.1"] if len(calls) == 1 else ["10.0.0.9"]

    _Handler.seen_hosts.clear()
    page = fetch_page(f"http://news.example:{server}/article", _policy(server, resolver=rebinding))
    assert page.content == PAGE and page.file_name == "page.html" and page.content_type == "text/html"
    assert page.url == f"http://news.example:{server}/article"
    assert calls == ["news.example"]  # resolved once, and the connection went to that answer
    assert _Handler.seen_hosts == [f"news.example:{server}"]


def test_a_redirect_to_a_public_address_is_followed(server):
    page = fetch_page(f"http://news.example:{server}/moved", _policy(server))
    assert page.url == f"http://news.example:{server}/article" and page.content == PAGE


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-loopback", "loopback address 127.0.0.2"),
        ("/to-ipv6-loopback", "loopback address ::1"),
        ("/to-metadata", "link-local address 169.254.169.254"),
        ("/to-internal-name", "host 'internal.example' resolves to a private address 10.0.0.7"),
        ("/to-localhost", "loopback"),
        ("/to-file", "only http and https"),
        ("/loop", "more than 5 redirects"),
    ],
)
def test_every_redirect_is_checked_again(server, path, reason):
    _Handler.seen_hosts.clear()
    with pytest.raises(FetchError, match=reason.replace("(", r"\(")):
        fetch_page(f"http://news.example:{server}{path}", _policy(server))
    # Nothing was requested from the refused address: only the test server's own hops arrived.
    assert all(host == f"news.example:{server}" for host in _Handler.seen_hosts)


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body"])
def test_a_server_that_trickles_cannot_hold_the_fetch_past_its_time_limit(server, path):
    # A read timeout restarts with every byte; the fetch's one deadline does not.
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1.5 s"):
        fetch_page(f"http://news.example:{server}{path}", _policy(server, timeout_s=1.5))
    assert time.monotonic() - started < 5


def test_a_redirect_to_a_malformed_url_is_a_fetch_error(server):
    with pytest.raises(FetchError, match="news.example"):
        fetch_page(f"http://news.example:{server}/to-backslashes", _policy(server))


def test_compressed_pages_are_read_and_a_compression_bomb_is_cut_at_the_limit(server):
    for path in ("/gzip-page", "/deflate-page"):
        assert fetch_page(f"http://news.example:{server}{path}", _policy(server)).content == PAGE
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="larger than the limit of 100000 bytes"):
            fetch_page(f"http://news.example:{server}/gzip-bomb", _policy(server, max_bytes=100_000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024, peak  # inflated a bounded piece at a time, never the 64 MB
    with pytest.raises(FetchError, match="content encoding 'br' is not accepted"):
        fetch_page(f"http://news.example:{server}/brotli", _policy(server))
    with pytest.raises(FetchError, match="gzip content is damaged"):
        fetch_page(f"http://news.example:{server}/damaged-gzip", _policy(server))
    with pytest.raises(FetchError, match="gzip content ends early"):
        fetch_page(f"http://news.example:{server}/cut-gzip", _policy(server))


def test_size_type_and_status_limits(server):
    with pytest.raises(FetchError, match="larger than the limit of 1000 bytes"):
        fetch_page(f"http://news.example:{server}/big", _policy(server, max_bytes=1000))
    with pytest.raises(FetchError, match="'application/octet-stream' is not a page or feed"):
        fetch_page(f"http://news.example:{server}/binary", _policy(server))
    with pytest.raises(FetchError, match="answered HTTP 404"):
        fetch_page(f"http://news.example:{server}/gone", _policy(server))


@pytest.fixture()
def client(server, tmp_path):
    app = create_app(str(tmp_path / "fetch.db"), token=TOKEN, fetch=_policy(server))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c
    app.state.jobs.shutdown()
    app.state.store.close()


@pytest.mark.slow
def test_ingest_by_url_through_the_api(client, server):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    url = f"http://news.example:{server}/article"
    assert client.post("/api/v1/ingest/url", json={"url": url}).status_code == 401
    refused = client.post("/api/v1/ingest/url", json={"url": "http://169.254.169.254/"}, headers=auth)
    assert refused.status_code == 400 and "link-local address 169.254.169.254" in refused.json()["error"]
    job = client.post("/api/v1/ingest/url", json={"url": url}, headers=auth)
    assert job.status_code == 202 and job.json()["files"] == ["page.html"]
    deadline = time.monotonic() + 240  # a fresh ingest worker loads its models first
    while not (done := client.get(f"/api/v1/ingest/{job.json()['id']}").json())["finished"]:
        assert time.monotonic() < deadline, "ingest job did not finish"
        time.sleep(0.1)
    assert done["state"] == "done" and done["counts"]["added"] == 1
    (article,) = client.get("/api/v1/articles").json()["items"]
    assert article["title"] == "Envoys meet in Geneva" and article["url"] == url
    assert "prisoner exchange" in client.get(f"/api/v1/articles/{article['id']}").json()["text"]


def test_the_ingest_page_offers_the_url_form_and_refuses_private_addresses(client):
    page = client.get("/ingest")
    assert 'action="/ingest/url"' in page.text and 'name="url"' in page.text
    csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    form = {"url": "http://10.0.0.1/", "csrf_token": csrf, "token": TOKEN}
    refused = client.post("/ingest/url", data=form, headers={"Accept": "text/html"}, follow_redirects=False)
    assert refused.status_code == 400 and "private address 10.0.0.1" in refused.text
    assert client.get("/api/v1/articles").json()["total"] == 0
    no_csrf = client.post("/ingest/url", data={**form, "csrf_token": "wrong"}, follow_redirects=False)
    assert no_csrf.status_code == 403
