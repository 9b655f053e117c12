"""Error pages (issue 16): a person's browser gets an HTML page for a 404 and a 500, with the site's
navigation and no internals; the API and clients that do not ask for HTML keep the JSON shape."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from crosswire.web.app import create_app
from web_fixtures import build_store

HTML = {"accept": "text/html,application/xhtml+xml"}


@pytest.fixture()
def client(tmp_path):
    url = str(tmp_path / "web.db")
    build_store(url)
    application = create_app(url)
    with TestClient(application, base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c, application
    application.state.jobs.shutdown()
    application.state.store.close()


def test_not_found_is_a_page_for_people_and_json_for_the_api(client) -> None:
    c, _ = client
    page = c.get("/stories/<b>nope<b>", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Error 404</h1>" in page.text and "&lt;b&gt;nope&lt;b&gt;" in page.text  # escaped
    assert "<b>nope<b>" not in page.text and 'href="/"' in page.text
    api = c.get("/api/v1/stories/nope", headers=HTML)
    assert api.status_code == 404 and api.json() == {"error": "no story with id 'nope'", "status": 404}


def test_a_server_error_is_a_page_without_internals(client, monkeypatch) -> None:
    c, application = client

    def broken(*args, **kwargs):
        raise RuntimeError("secret table name in a traceback")

    monkeypatch.setattr(application.state.store, "list_articles", broken)
    page = c.get("/articles", headers=HTML)
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Error 500</h1>" in page.text and "secret" not in page.text
    api = c.get("/articles", headers={"accept": "application/json"})
    assert api.status_code == 500 and api.json()["status"] == 500 and "secret" not in api.text


def test_an_unknown_path_is_a_page_too(client) -> None:
    c, _ = client
    page = c.get("/no/such/page", headers=HTML)
    assert page.status_code == 404 and "<h1>Error 404</h1>" in page.text
    assert c.get("/api/v1/no/such").json()["status"] == 404
