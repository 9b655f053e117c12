"""The REST API and the server-rendered pages, through the ASGI app with httpx (no server, no network)."""

from __future__ import annotations

import json
import re
import time

import pytest
from fastapi.testclient import TestClient  # httpx underneath, driving the ASGI app in-process

from crosswire.model import article_record
from crosswire.web.app import create_app
from web_fixtures import build_store

TOKEN = "test-token-123"


@pytest.fixture()
def data(tmp_path):
    url = str(tmp_path / "web.db")
    records = build_store(url)
    records["url"] = url
    return records


@pytest.fixture()
def app(data):
    application = create_app(data["url"], token=TOKEN)
    yield application
    application.state.jobs.shutdown()
    application.state.store.close()


@pytest.fixture()
def client(app):
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


def test_articles_are_listed_in_the_export_shape_with_paging(client, data):
    page = client.get("/api/v1/articles", params={"limit": 2}).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 0
    assert [r["title"] for r in page["items"]] == ["Cattle imports halted", "Negotiators meet in Stockholm"]
    assert set(page["items"][0]) == set(article_record(data["c"]))
    rest = client.get("/api/v1/articles", params={"limit": 2, "offset": 2}).json()
    assert [r["id"] for r in rest["items"]] == [data["a"].id]
    only = client.get("/api/v1/articles", params={"outlet": "Dong-A Ilbo"}).json()
    assert only["total"] == 1 and only["items"][0]["outlet"] == "Dong-A Ilbo"
    window = client.get("/api/v1/articles", params={"since": "2020-01-01"}).json()
    assert [r["id"] for r in window["items"]] == [data["c"].id]


def test_one_article_and_its_analysis(client, data):
    record = client.get(f"/api/v1/articles/{data['a'].id}").json()
    assert record == json.loads(json.dumps(article_record(data["a"])))
    analysis = client.get(f"/api/v1/articles/{data['a'].id}/analysis").json()
    assert analysis["quotes"][0]["speaker"]["name"] == "Kim Myong-gil"
    assert analysis["events"][0]["cameo"] == "043"
    missing = client.get("/api/v1/articles/0000000000000000")
    assert missing.status_code == 404 and "0000000000000000" in missing.json()["error"]


def test_bad_parameters_get_a_clear_422(client):
    response = client.get("/api/v1/articles", params={"limit": 0})
    assert response.status_code == 422 and "limit" in response.json()["error"]
    response = client.get("/api/v1/search", params={"q": "talks", "root": "4x"})
    assert response.status_code == 422 and "root" in response.json()["error"]


def test_stories_and_the_comparison(client, data):
    stories = client.get("/api/v1/stories").json()
    assert stories["total"] == 1 and stories["items"][0]["articles"] == 2
    story_id = data["story"].id
    story = client.get(f"/api/v1/stories/{story_id}").json()
    assert story["id"] == story_id and len(story["facts"]) == 2
    comparison = client.get(f"/api/v1/stories/{story_id}/comparison").json()
    assert [f["summary"] for f in comparison["corroborated"]] == ["North Korea and the US hold talks"]
    assert [f["summary"] for f in comparison["single_source"]] == [
        "Kim Myong-gil blames American inflexibility"
    ]
    assert [f["summary"] for f in comparison["omitted"]["Dong-A Ilbo"]] == [
        "Kim Myong-gil blames American inflexibility"
    ]
    assert "The Hankyoreh" not in comparison["omitted"]
    link = comparison["corroborated"][0]["links"][0]["href"]
    assert re.fullmatch(r"/articles/[0-9a-f]{16}\?hl=\d+-\d+#hl", link)


def test_quotes_events_and_actors(client, data):
    quotes = client.get("/api/v1/quotes", params={"speaker": "Kim Myong-gil"}).json()
    assert quotes["total"] == 1 and quotes["items"][0]["id"] == data["quote"].id
    assert quotes["items"][0]["article"]["outlet"] == "The Hankyoreh"
    assert client.get("/api/v1/quotes", params={"speaker": "Nobody"}).json()["total"] == 0
    events = client.get("/api/v1/events", params={"cameo": "04"}).json()
    assert events["total"] == 1 and events["items"][0]["id"] == data["event"].id
    assert client.get("/api/v1/events", params={"cameo": "19"}).json()["total"] == 0
    actors = client.get("/api/v1/actors").json()["items"]
    assert actors[0] == {"name": "North Korea", "articles": 2}
    actor = client.get("/api/v1/actors/North Korea").json()
    assert actor["codes"] == ["PRK"] and [e["cameo"] for e in actor["events"]] == ["043"]
    assert client.get("/api/v1/actors/Nobody At All").status_code == 404


def test_search_over_articles_and_quotes_with_filters(client, data):
    hits = client.get("/api/v1/search", params={"q": "Stockholm"}).json()
    assert hits["total"] == 2
    assert {h["id"] for h in hits["items"]} == {data["a"].id, data["b"].id}
    assert "\ue000Stockholm\ue001" in hits["items"][0]["snippet"]
    by_outlet = client.get("/api/v1/search", params={"q": "Stockholm", "outlet": "Dong-A Ilbo"}).json()
    assert [h["id"] for h in by_outlet["items"]] == [data["b"].id]
    by_actor = client.get("/api/v1/search", params={"q": "Stockholm", "actor": "Kim Myong-gil"}).json()
    assert [h["id"] for h in by_actor["items"]] == [data["a"].id]
    by_root = client.get("/api/v1/search", params={"q": "cattle OR Stockholm", "root": "04"}).json()
    assert by_root["total"] == 0  # every term is required: no article mentions both
    by_root = client.get("/api/v1/search", params={"q": "Stockholm", "root": "04"}).json()
    assert by_root["total"] == 2
    assert client.get("/api/v1/search", params={"q": "Stockholm", "root": "19"}).json()["total"] == 0
    dated = client.get("/api/v1/search", params={"q": "Stockholm", "since": "2019-10-07"}).json()
    assert dated["total"] == 0
    stemmed = client.get("/api/v1/search", params={"q": "negotiation"}).json()
    assert stemmed["total"] == 2  # stemming: "negotiations" in one article, "negotiators" in the other
    quotes = client.get("/api/v1/search", params={"q": "inflexibility", "kind": "quotes"}).json()
    assert quotes["total"] == 1 and quotes["items"][0]["speaker_name"] == "Kim Myong-gil"
    assert quotes["items"][0]["start"] == data["quote"].start
    junk = client.get("/api/v1/search", params={"q": '"( NEAR *'}).json()
    assert junk["total"] == 0  # FTS syntax in user input is neutralised, not an error


def test_search_index_follows_deletes(client, data):
    assert client.get("/api/v1/search", params={"q": "cattle"}).json()["total"] == 1
    response = client.delete(f"/api/v1/articles/{data['c'].id}", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 204
    assert client.get("/api/v1/search", params={"q": "cattle"}).json()["total"] == 0
    assert client.get(f"/api/v1/articles/{data['c'].id}").status_code == 404
    # Deleting the article with the quote takes the quote out of the quote index too.
    client.delete(f"/api/v1/articles/{data['a'].id}", headers={"X-API-Token": TOKEN})
    assert client.get("/api/v1/search", params={"q": "inflexibility", "kind": "quotes"}).json()["total"] == 0
    assert client.get("/api/v1/events").json()["total"] == 1  # still reported by the other article


PASTED = (
    "Pyongyang fired two short-range missiles into the sea on Saturday, the South Korean military said.\n\n"
    "The launch was the first since the summit in Hanoi ended without an agreement in February."
)


def _wait_for(client, job_id: str) -> dict:
    deadline = time.monotonic() + 240  # a fresh ingest worker loads its models first
    while time.monotonic() < deadline:
        job = client.get(f"/api/v1/ingest/{job_id}").json()
        if job["finished"]:
            return job
        time.sleep(0.1)
    raise AssertionError(f"ingest job {job_id} did not finish")


@pytest.mark.slow
def test_ingest_upload_and_pasted_text_through_the_api(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = "Seoul and Tokyo agreed on Monday to resume a military intelligence pact.\n\nOfficials welcomed the step."
    files = {"files": ("pact.txt", body.encode(), "text/plain")}
    job = client.post("/api/v1/ingest", files=files, headers=auth)
    assert job.status_code == 202
    done = _wait_for(client, job.json()["id"])
    assert done["state"] == "done" and done["counts"]["added"] == 1
    assert client.get("/api/v1/search", params={"q": "intelligence pact"}).json()["total"] == 1
    pasted = client.post(
        "/api/v1/ingest/text",
        json={"text": PASTED, "title": "Missiles fired", "outlet": "KCNA Watch", "published": "2019-05-04"},
        headers=auth,
    )
    done = _wait_for(client, pasted.json()["id"])
    assert done["state"] == "done" and done["counts"]["added"] == 1
    found = client.get("/api/v1/search", params={"q": "missiles"}).json()["items"]
    assert found[0]["title"] == "Missiles fired" and found[0]["outlet"] == "KCNA Watch"
    assert found[0]["published"].startswith("2019-05-04")


def test_pages_render_the_store(client, data):
    home = client.get("/")
    assert home.status_code == 200 and "The Hankyoreh" in home.text and "Stockholm talks" in home.text
    assert 'id="timeline-chart"' in home.text and home.text.count("<rect") == 2  # two months with articles
    story = client.get(f"/stories/{data['story'].id}").text
    assert "Corroborated facts" in story and "North Korea and the US hold talks" in story
    assert 'id="graph-data"' in story and "Dong-A Ilbo leaves out" in story
    # The options the coverage discusses: a main actor's "could", linked to its sentence.
    options = story.split("Options and scenarios discussed", 1)[1].split("</section>", 1)[0]
    assert "North Korea could resume missile tests" in options and "Washington said" not in options
    href = re.search(r'class="sentence-link" href="([^"]+)"', story).group(1).replace("&amp;", "&")
    article = client.get(href).text
    assert article.count('id="hl"') == 1
    body = article.split('id="article-text">', 1)[1].split("</div>", 1)[0]
    marked = re.findall(r'<span class="hl [^"]*\btarget\b[^"]*"[^>]*>([^<]*)</span>', body)
    assert "".join(marked) == data["a"].text[: data["a"].text.index(".") + 1]  # exactly the linked sentence
    assert 'title="Speaker: Kim Myong-gil"' in article and 'tabindex="0"' in article
    assert 'class="hl date"' in article and "Wednesday" in article
    search = client.get("/search", params={"q": "inflexibility", "kind": "quotes"}).text
    assert "<mark>inflexibility</mark>" in search and "Kim Myong-gil" in search
    actor = client.get("/actors/Kim Myong-gil").text
    assert "Quotes by Kim Myong-gil" in actor and "American inflexibility" in actor
    assert client.get("/stories/nope").status_code == 404


def test_exports(client, data):
    jsonl = client.get("/export/articles.jsonl")
    assert jsonl.status_code == 200
    assert {json.loads(line)["id"] for line in jsonl.text.splitlines()} == {
        data["a"].id,
        data["b"].id,
        data["c"].id,
    }
    csv_text = client.get("/export/articles.csv").text
    assert csv_text.splitlines()[0].startswith("id,") and "Cattle imports halted" in csv_text
    parquet = client.get("/export/articles.parquet")
    assert parquet.content[:4] == b"PAR1"
    briefing = client.get("/export/briefing.md")
    assert briefing.headers["content-disposition"].startswith("attachment")
    assert "Stockholm talks" in briefing.text
    html = client.get("/export/briefing.html")
    assert html.status_code == 200 and html.headers["content-disposition"].startswith("attachment")
    assert "Stockholm talks" in html.text
    assert client.get("/export/articles.xml").status_code == 404


def test_openapi_schema_and_local_docs(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/articles",
        "/api/v1/stories/{story_id}/comparison",
        "/api/v1/quotes",
        "/api/v1/events",
        "/api/v1/actors",
        "/api/v1/search",
        "/api/v1/ingest",
    ):
        assert path in schema["paths"], path
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "/api/v1/search" in docs.text and "cdn" not in docs.text.lower()
