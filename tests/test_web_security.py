"""Security of the workbench: headers, escaping, CSRF, tokens, upload limits (httpx through the ASGI app)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from crosswire.model import Article
from crosswire.store import open_store
from crosswire.web.app import create_app
from crosswire.web.security import CSRF_COOKIE, UploadLimits, is_loopback_host
from web_fixtures import build_store

TOKEN = "s3cret-token"
HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Talks'
HOSTILE_TEXT = (
    "Officials met on Monday. <script>window.__xss=1</script> The envoy said "
    '<a href="javascript:window.__xss=1">click</a> and <svg onload="window.__xss=1"></svg> nothing more.'
)


@pytest.fixture()
def db_url(tmp_path):
    url = str(tmp_path / "sec.db")
    build_store(url)
    return url


def _client(db_url: str, **kwargs) -> TestClient:
    return TestClient(create_app(db_url, **kwargs), base_url="http://127.0.0.1")


def _csrf(client: TestClient, path: str = "/ingest") -> str:
    page = client.get(path)
    assert page.status_code == 200
    field = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    assert client.cookies.get(CSRF_COOKIE) == field
    return field


def test_every_response_carries_the_security_headers(db_url):
    with _client(db_url) as client:
        for path in ("/", "/api/v1/articles", "/static/app.js", "/nope"):
            headers = client.get(path).headers
            csp = headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
            assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_hostile_article_text_is_escaped_and_javascript_urls_are_not_linked(db_url):
    article = Article(
        text=HOSTILE_TEXT,
        title=HOSTILE_TITLE,
        outlet='<b onmouseover="x()">Outlet</b>',
        url="javascript:window.__xss=1",
    )
    with open_store(db_url) as store:
        store.save_articles([article])
    with _client(db_url) as client:
        for path in (f"/articles/{article.id}", "/", "/search?q=officials", "/articles"):
            html = client.get(path).text
            assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html, (
                path
            )
            assert 'href="javascript:' not in html, path
        page = client.get(f"/articles/{article.id}").text
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=" in page
        assert "javascript:window.__xss=1" in page  # shown as text, not as a link


@pytest.mark.slow
def test_form_posts_need_a_matching_csrf_token(db_url):
    with _client(db_url, token=TOKEN) as client:
        data = {"text": "Some text.\n\nMore text here for the reader.", "token": TOKEN}
        assert client.post("/ingest/paste", data=data).status_code == 403  # no cookie, no field
        field = _csrf(client)
        assert client.post("/ingest/paste", data={**data, "csrf_token": "forged"}).status_code == 403
        client.cookies.delete(CSRF_COOKIE)
        assert (
            client.post("/ingest/paste", data={**data, "csrf_token": field}).status_code == 403
        )  # cookie gone
        field = _csrf(client)
        ok = client.post("/ingest/paste", data={**data, "csrf_token": field}, follow_redirects=False)
        assert ok.status_code == 303 and ok.headers["location"].startswith("/ingest?job=")


def test_form_posts_need_the_write_token(db_url):
    with _client(db_url, token=TOKEN) as client:
        field = _csrf(client)
        data = {"text": "Some text.", "csrf_token": field}
        assert client.post("/ingest/paste", data={**data, "token": "wrong"}).status_code == 401
        assert client.post("/ingest/paste", data=data).status_code == 401


def test_api_writes_need_the_token_in_a_header(db_url):
    with _client(db_url, token=TOKEN) as client:
        article_id = client.get("/api/v1/articles").json()["items"][0]["id"]
        assert client.delete(f"/api/v1/articles/{article_id}").status_code == 401
        assert (
            client.delete(
                f"/api/v1/articles/{article_id}", headers={"Authorization": "Bearer nope"}
            ).status_code
            == 401
        )
        client.cookies.set("cw_token", TOKEN)  # a cookie rides along cross-site: it never authorises a write
        assert client.delete(f"/api/v1/articles/{article_id}").status_code == 401
        ok = client.delete(f"/api/v1/articles/{article_id}", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 204


def test_without_a_configured_token_writing_is_disabled(db_url):
    with _client(db_url) as client:
        article_id = client.get("/api/v1/articles").json()["items"][0]["id"]
        response = client.delete(
            f"/api/v1/articles/{article_id}", headers={"Authorization": "Bearer anything"}
        )
        assert response.status_code == 403 and "--token" in response.json()["error"]
        files = {"files": ("a.txt", b"text", "text/plain")}
        assert client.post("/api/v1/ingest", files=files).status_code == 403


def test_reading_off_localhost_needs_the_token(db_url):
    with pytest.raises(ValueError, match="not a loopback address"):
        create_app(db_url, host="0.0.0.0")
    with TestClient(create_app(db_url, token=TOKEN, host="0.0.0.0"), base_url="http://10.0.0.5") as client:
        assert client.get("/api/v1/articles").status_code == 401
        assert client.get("/").status_code == 401
        assert client.get("/api/v1/articles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        field = _csrf(client, "/login")
        assert client.post("/login", data={"token": "wrong", "csrf_token": field}).status_code == 401
        signed_in = client.post("/login", data={"token": TOKEN, "csrf_token": field}, follow_redirects=False)
        assert signed_in.status_code == 303
        assert client.get("/").status_code == 200 and client.get("/api/v1/articles").status_code == 200


def test_loopback_hosts():
    assert is_loopback_host("127.0.0.1") and is_loopback_host("::1") and is_loopback_host("localhost")
    assert is_loopback_host("127.8.0.1")
    assert (
        not is_loopback_host("0.0.0.0")
        and not is_loopback_host("192.168.1.4")
        and not is_loopback_host("example.org")
    )


@pytest.mark.slow
def test_upload_limits_on_type_size_and_count(db_url):
    limits = UploadLimits(max_file_bytes=1000, max_files=2, max_request_bytes=20_000, max_paste_chars=500)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with _client(db_url, token=TOKEN, limits=limits) as client:
        exe = client.post(
            "/api/v1/ingest", files={"files": ("run.exe", b"MZ", "application/octet-stream")}, headers=auth
        )
        assert exe.status_code == 415 and "run.exe" in exe.json()["error"]
        big = client.post(
            "/api/v1/ingest", files={"files": ("big.txt", b"x" * 1001, "text/plain")}, headers=auth
        )
        assert big.status_code == 413 and "big.txt" in big.json()["error"]
        many = [("files", (f"f{i}.txt", b"text", "text/plain")) for i in range(3)]
        assert client.post("/api/v1/ingest", files=many, headers=auth).status_code == 413
        huge = client.post(
            "/api/v1/ingest", files={"files": ("h.txt", b"x" * 30_000, "text/plain")}, headers=auth
        )
        assert huge.status_code == 413 and "limit" in huge.text
        long_paste = client.post("/api/v1/ingest/text", json={"text": "word " * 200}, headers=auth)
        assert long_paste.status_code == 413
        ok = client.post(
            "/api/v1/ingest", files={"files": ("ok.txt", b"Some text.", "text/plain")}, headers=auth
        )
        assert ok.status_code == 202


def test_a_search_snippet_is_escaped_before_its_marks_become_tags():
    from crosswire.store.search import MARK_END, MARK_START
    from crosswire.web.views.highlight import marked_snippet

    snippet = f'<script>x()</script> the {MARK_START}envoy{MARK_END} said "A & B" {MARK_START}officials'
    html = str(marked_snippet(snippet))
    assert html == (
        "&lt;script&gt;x()&lt;/script&gt; the <mark>envoy</mark> said &#34;A &amp; B&#34; <mark>officials</mark>"
    )  # an open mark is closed at the end of the snippet
    # Stray end markers and empty marks leave nothing behind; no snippet at all is an empty string.
    assert str(marked_snippet(f"a{MARK_END}b {MARK_START}{MARK_END}c")) == "ab c"
    assert str(marked_snippet(None)) == ""
    # Tags inside a marked word are escaped too: only the <mark> tags themselves are markup.
    assert str(marked_snippet(f"{MARK_START}<b>{MARK_END}")) == "<mark>&lt;b&gt;</mark>"


def test_hostile_text_in_search_results_is_escaped_with_the_match_marked(db_url):
    article = Article(text=HOSTILE_TEXT, title=HOSTILE_TITLE, outlet="Outlet")
    with open_store(db_url) as store:
        store.save_articles([article])
    with _client(db_url) as client:
        html = client.get("/search", params={"q": "envoy"}).text
    assert "<mark>envoy</mark>" in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html and "<script>window" not in html
