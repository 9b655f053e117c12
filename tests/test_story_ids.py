"""Issue #18 item 10: a story's id is a hash of its members, so it changed when the story gained an
article and a bookmarked /stories/<id> answered 404 after one upload. The story now keeps the ids it
had (`previous_ids`), and the web, the API and the CLI lead an old id to the story. On SQLite and
PostgreSQL, through real incremental analyze runs over the seed articles."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crosswire.api import analyze
from crosswire.cli import app as cli_app
from crosswire.model import Article, Story
from crosswire.store import browse, open_store
from crosswire.stories.build import carry_previous_ids
from crosswire.web.app import create_app
from store_support import backend_url

MANIFEST = """path,outlet,url,published
001_65975df8b9dd0a79.txt,The Dong-A Ilbo,,
002_6cec0ba30b4f510f.txt,The Japan Times,,
"""


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    yield from backend_url(request.param, tmp_path)


@pytest.fixture
def grown(db_url, tmp_path, seeds_dir) -> dict:
    """Two seeds analysed (one story), then the third seed added: it joins that story."""
    seeds = sorted(seeds_dir.glob("*.txt"))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for seed in seeds[:2]:
        shutil.copy(seed, first / seed.name)
    shutil.copy(seeds[2], second / seeds[2].name)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(MANIFEST, encoding="utf-8")
    with analyze([first], db=db_url, manifest=manifest) as corpus:
        (before,) = corpus.stories()
    with analyze([second], db=db_url, manifest=manifest) as corpus:
        (after,) = corpus.stories()
    return {"url": db_url, "before": before, "after": after}


def test_a_story_that_gains_an_article_keeps_its_old_id(grown):
    before, after = grown["before"], grown["after"]
    assert len(after.article_ids) == 3 and after.id != before.id
    assert after.previous_ids == [before.id]
    with open_store(grown["url"]) as store:
        assert store.get_story(before.id) is None
        assert browse.story_moved_to(store, before.id) == after.id
        assert browse.story_moved_to(store, "0" * 16) is None


def test_the_web_and_the_api_redirect_an_old_story_id(grown):
    old, new = grown["before"].id, grown["after"].id
    app = create_app(grown["url"])
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            page = client.get(f"/stories/{old}", follow_redirects=False)
            assert page.status_code == 301 and page.headers["location"] == f"/stories/{new}"
            followed = client.get(f"/stories/{old}")
            assert followed.status_code == 200 and str(followed.url).endswith(f"/stories/{new}")
            api = client.get(f"/api/v1/stories/{old}", follow_redirects=False)
            assert api.status_code == 308 and api.headers["location"] == f"/api/v1/stories/{new}"
            assert client.get(f"/api/v1/stories/{old}").json()["id"] == new
            comparison = client.get(f"/api/v1/stories/{old}/comparison", follow_redirects=False)
            assert comparison.headers["location"] == f"/api/v1/stories/{new}/comparison"
            missing = client.get("/api/v1/stories/0000000000000000")
            assert missing.status_code == 404 and missing.json()["status"] == 404
    finally:
        app.state.jobs.shutdown()
        app.state.store.close()


def test_the_cli_takes_an_old_story_id(grown):
    result = CliRunner().invoke(cli_app, ["compare", grown["before"].id, "--db", grown["url"], "--json"])
    assert result.exit_code == 0, result.output
    assert grown["after"].id in result.output


def test_an_old_id_goes_to_the_story_holding_most_of_its_articles(tmp_path):
    # A story split in two hands its id to the larger part; ids it had before go along.
    db = str(tmp_path / "split.db")
    arts = [Article(text=f"Article {i} on the talks, officials said.") for i in range(5)]
    with open_store(db) as store:
        store.save_articles(arts)
        old = Story(article_ids=[a.id for a in arts], previous_ids=["feedfacefeedface"])
        store.save_stories([old])
        small, large = (
            Story(article_ids=[arts[0].id, arts[1].id]),
            Story(article_ids=[a.id for a in arts[2:]]),
        )
        carry_previous_ids(store, [small, large])
    assert large.previous_ids == sorted([old.id, "feedfacefeedface"]) and small.previous_ids == []


def test_an_old_id_still_leads_to_the_story_after_a_regroup(grown):
    # `crosswire stories --build` groups everything again and writes every story anew: a story whose
    # members did not change lost the ids it had before, and the old links answered 404 again.
    old, new = grown["before"].id, grown["after"].id
    rebuilt = CliRunner().invoke(cli_app, ["stories", "--build", "--db", grown["url"], "--json"])
    assert rebuilt.exit_code == 0, rebuilt.output
    with open_store(grown["url"]) as store:
        assert browse.story_moved_to(store, old) == new
    compared = CliRunner().invoke(cli_app, ["compare", old, "--db", grown["url"], "--json"])
    assert compared.exit_code == 0 and new in compared.output, compared.output
    app = create_app(grown["url"])
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            page = client.get(f"/stories/{old}", follow_redirects=False)
            assert page.status_code == 301 and page.headers["location"] == f"/stories/{new}"
            api = client.get(f"/api/v1/stories/{old}", follow_redirects=False)
            assert api.status_code == 308 and api.headers["location"] == f"/api/v1/stories/{new}"
    finally:
        app.state.jobs.shutdown()
        app.state.store.close()
