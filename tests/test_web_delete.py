"""Deleting an article takes it out of every stored story, in the same transaction, on both backends."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from crosswire.model import Story
from crosswire.store import browse, open_store
from crosswire.web.app import create_app
from store_support import backend_url
from web_fixtures import build_store

TOKEN = "test-token-123"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    yield from backend_url(request.param, tmp_path)


@pytest.fixture()
def data(db_url):
    """The web fixture's store plus a second story (the cattle article) that names the first as related."""
    records = build_store(db_url)
    story = records["story"]
    other = Story(
        article_ids=[records["c"].id], title="Cattle", outlets=["The Japan Times"], related=[story.id]
    )
    with open_store(db_url) as store:
        store.save_stories([story, other])
    records.update(url=db_url, other=other)
    return records


def _stored(store) -> str:
    """Every stored story and story link as one text, to look for an id anywhere in them."""
    from sqlalchemy import select

    from crosswire.store.schema import stories, story_articles

    with store._read("test") as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(stories))]
        links = [dict(r._mapping) for r in conn.execute(select(story_articles))]
    return json.dumps([rows, links], default=str)


def test_deleting_an_article_removes_it_from_its_story(data):
    a, b, story = data["a"], data["b"], data["story"]
    with open_store(data["url"]) as store:
        assert browse.delete_article(store, b.id)
        assert b.id not in _stored(store)
        assert store.get_story(story.id) is None  # the id was a hash of the old members
        (left,) = store.list_stories(article_id=a.id)
        assert left.previous_ids == [story.id]  # so links to the old id are redirected
        assert browse.story_moved_to(store, story.id) == left.id
        assert left.article_ids == [a.id] and left.id == Story(article_ids=[a.id]).id
        assert left.title == "Stockholm talks" and left.outlets == ["The Hankyoreh"]
        assert left.date_span == ("2019-10-06", "2019-10-06")
        event_fact, quote_fact = left.facts
        assert [s["article_id"] for s in event_fact.sentences] == [a.id]
        assert event_fact.outlets == ["The Hankyoreh"] and event_fact.independent_outlets == ["The Hankyoreh"]
        assert quote_fact == story.facts[1]  # untouched: only the deleted article's sentences go
        assert left.portrayal == {"The Hankyoreh": {"North Korea": 0.2}}
        assert [s.id for s in store.list_stories()] == [left.id, data["other"].id]  # position kept
        assert store.get_story(data["other"].id).related == [left.id]
        assert browse.story_sizes(store)[0] == {"id": left.id, "title": "Stockholm talks", "articles": 1}


def test_deleting_a_story_s_last_article_drops_the_story_and_links_to_it(data):
    a, b = data["a"], data["b"]
    with open_store(data["url"]) as store:
        assert browse.delete_article(store, b.id)
        assert browse.delete_article(store, a.id)
        assert [s.id for s in store.list_stories()] == [data["other"].id]
        assert store.get_story(data["other"].id).related == []
        assert a.id not in _stored(store) and b.id not in _stored(store)
        assert not browse.delete_article(store, a.id)  # already gone


def test_a_failure_while_rewriting_the_story_leaves_everything_as_it_was(data):
    b, story = data["b"], data["story"]

    def broken(*_args):
        raise RuntimeError("comparison failed")

    with open_store(data["url"]) as store:
        before = _stored(store)
        with pytest.raises(RuntimeError, match="comparison failed"):
            browse.delete_article(store, b.id, recompare=broken)
        assert store.get_article(b.id) is not None
        assert store.get_story(story.id).article_ids == story.article_ids
        assert _stored(store) == before


def test_recompare_receives_the_remaining_members_and_their_analyses(data):
    a, b = data["a"], data["b"]
    seen = {}

    def recompare(pruned, members, analyses):
        seen.update(ids=pruned.article_ids, members=[m.id for m in members], analysed=sorted(analyses))
        return replace(pruned, facts=[], portrayal={"The Hankyoreh": {"Kim Myong-gil": -0.5}})

    with open_store(data["url"]) as store:
        browse.delete_article(store, b.id, recompare=recompare)
        (left,) = store.list_stories(article_id=a.id)
    assert seen == {"ids": [a.id], "members": [a.id], "analysed": [a.id]}
    assert left.facts == [] and left.portrayal == {"The Hankyoreh": {"Kim Myong-gil": -0.5}}


def test_rest_delete_compares_the_story_again(data):
    a, b = data["a"], data["b"]
    app = create_app(data["url"], token=TOKEN)
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            response = client.delete(f"/api/v1/articles/{b.id}", headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 204
            new_id = Story(article_ids=[a.id]).id
            moved = client.get(f"/api/v1/stories/{data['story'].id}", follow_redirects=False)
            assert moved.status_code == 308 and moved.headers["location"] == f"/api/v1/stories/{new_id}"
            story = client.get(f"/api/v1/stories/{new_id}").json()
            assert story["article_ids"] == [a.id] and b.id not in json.dumps(story)
            comparison = client.get(f"/api/v1/stories/{new_id}/comparison").json()
            assert b.id not in json.dumps(comparison) and comparison["outlets"] == ["The Hankyoreh"]
            # The stories stage compared it again from the remaining article's analysis: its quote.
            assert [f["kind"] for f in comparison["quotes"]] == ["quote"]
            assert all(f["outlets"] == ["The Hankyoreh"] for f in comparison["single_source"])
            page = client.get(f"/stories/{new_id}")
            assert page.status_code == 200 and "Negotiators meet in Stockholm" not in page.text
    finally:
        app.state.jobs.shutdown()
        app.state.store.close()


def test_the_story_page_shows_the_portrayal_by_actor_and_outlet(tmp_path):
    records = build_store(str(tmp_path / "web.db"))
    app = create_app(str(tmp_path / "web.db"))
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            page = client.get(f"/stories/{records['story'].id}").text
    finally:
        app.state.jobs.shutdown()
        app.state.store.close()
    table = page[page.index('class="data portrayal"') :]
    table = table[: table.index("</table>")]
    assert "North Korea" in table and "+0.20" in table and "-0.40" in table


def test_the_story_page_data_is_read_in_one_go_on_both_backends(data):
    a, b, story = data["a"], data["b"], data["story"]
    with open_store(data["url"]) as store:
        view = browse.story_view(store, story.id)
        assert browse.story_view(store, "0" * 16) is None
    assert view["story"] == story
    assert set(view["heads"]) == {a.id, b.id}
    assert view["heads"][b.id] == {
        "id": b.id,
        "outlet": "Dong-A Ilbo",
        "title": "Negotiators meet in Stockholm",
        "published": b.published.isoformat(),
        "genre": b.genre,  # the story page's coverage strip shows it
    }
    assert [e.id for e in view["events"]] == [data["event"].id]
    assert sorted((r["article_id"], r["name"], r["mentions"]) for r in view["actors"]) == sorted(
        [
            (a.id, "Kim Myong-gil", 1),
            (a.id, "North Korea", 2),
            (a.id, "United States", 1),
            (b.id, "North Korea", 0),
        ]
    )
