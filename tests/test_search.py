"""Full-text search in the store (crosswire.store.search) on SQLite and PostgreSQL, its migration
(0005: re-indexing only on text changes, PostgreSQL's stored tsvector columns) and the web layer's
search cache. Results are checked against what a plain Python scan of the same articles finds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import event, text

from crosswire.model import Analysis, Article, Quote, Speaker
from crosswire.store import open_store
from crosswire.store import search as search_module
from crosswire.store.migrate import alembic_config, head_revision
from crosswire.store.search import SearchFilters, index_version, search_articles, search_quotes
from crosswire.web.search_cache import SearchCache
from store_support import pg_schema_url

OUTLETS = ("The Hankyoreh", "Yonhap", "KCNA")
START = datetime(2019, 3, 1, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        with open_store(str(tmp_path / "search.db")) as opened:
            yield opened
        return
    try:
        schema_url = pg_schema_url()
        url = schema_url.__enter__()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        with open_store(url) as opened:
            yield opened
    finally:
        schema_url.__exit__(None, None, None)


def corpus(n: int = 30) -> list[Article]:
    """Every article mentions sanctions; every third one also a summit; dates a day apart."""
    out = []
    for i in range(n):
        extra = " Leaders met at the summit in Hanoi." if i % 3 == 0 else ""
        out.append(
            Article(
                text=f"Report {i}. Officials discussed sanctions on day {i}.{extra} Filler words follow here.",
                title=f"Bulletin number {i}",
                outlet=OUTLETS[i % len(OUTLETS)],
                published=START + timedelta(days=i),
                url=f"https://news.example/{i}",
            )
        )
    return out


def expected(articles: list[Article], word: str, keep=lambda a: True) -> set[str]:
    return {a.id for a in articles if word in (a.title + " " + a.text).lower() and keep(a)}


def all_pages(store, query: str, filters: SearchFilters | None = None, limit: int = 7) -> list[str]:
    ids, offset = [], 0
    while True:
        page = search_articles(store, query, filters, limit=limit, offset=offset)
        ids += [hit["id"] for hit in page.hits]
        if not page.hits:
            return ids
        offset += limit


def test_pages_cover_every_match_once_with_exact_totals(store):
    articles = corpus()
    store.save_articles(articles)
    ids = all_pages(store, "sanctions")
    assert len(ids) == len(set(ids)) == 30 and set(ids) == expected(articles, "sanctions")
    first = search_articles(store, "sanctions", limit=7)
    assert first.total == 30 and not first.capped and len(first.hits) == 7
    last = search_articles(store, "sanctions", limit=7, offset=28)
    assert last.total == 30 and len(last.hits) == 2  # total from the short last page, no count needed
    beyond = search_articles(store, "sanctions", limit=7, offset=40)
    assert beyond.hits == [] and beyond.total == 30
    assert search_articles(store, "summit").total == len(expected(articles, "summit")) == 10
    hit = search_articles(store, "Hanoi").hits[0]
    assert search_module.MARK_START + "Hanoi" + search_module.MARK_END in hit["snippet"]
    assert set(hit) == {"id", "outlet", "title", "published", "word_count", "snippet"}


def test_filters_give_what_a_scan_of_the_articles_gives(store):
    articles = corpus()
    store.save_articles(articles)
    by_outlet = SearchFilters(outlet="Yonhap")
    assert set(all_pages(store, "sanctions", by_outlet)) == expected(
        articles, "sanctions", lambda a: a.outlet == "Yonhap"
    )
    since, until = "2019-03-05", "2019-03-12"  # a bare `until` date covers its whole day
    in_range = SearchFilters(since=since, until=until)
    wanted = expected(articles, "summit", lambda a: "2019-03-05" <= a.published.date().isoformat() <= until)
    assert set(all_pages(store, "summit", in_range)) == wanted and wanted
    both = SearchFilters(outlet="The Hankyoreh", since=since)
    page = search_articles(store, "sanctions", both, limit=3)
    matching = expected(
        articles,
        "sanctions",
        lambda a: a.outlet == "The Hankyoreh" and a.published.date().isoformat() >= since,
    )
    assert page.total == len(matching) and {h["id"] for h in page.hits} <= matching
    assert search_articles(store, "sanctions", SearchFilters(outlet="Nobody")).total == 0
    with pytest.raises(ValueError, match="root"):
        search_articles(store, "sanctions", SearchFilters(root="4x"))


def test_totals_beyond_the_cap_are_reported_as_capped(store, monkeypatch):
    store.save_articles(corpus())
    monkeypatch.setattr(search_module, "COUNT_CAP", 12)
    page = search_articles(store, "sanctions", limit=5)
    assert page.total == 12 and page.capped
    exact = search_articles(store, "summit", limit=5)  # 10 matches: under the cap
    assert exact.total == 10 and not exact.capped
    # Paging still reaches every match: the cap limits the count, not the ranking.
    assert len(set(all_pages(store, "sanctions", limit=5))) == 30


def test_a_title_hit_outranks_a_body_hit(store):
    body = Article(text="The envoy spoke about denuclearization at length. " * 3, title="Envoy speaks")
    title = Article(text="The envoy spoke at length about many things. " * 3, title="Denuclearization talks")
    store.save_articles([body, title])
    assert [h["id"] for h in search_articles(store, "denuclearization").hits] == [title.id, body.id]


def test_text_changes_are_reindexed_and_metadata_changes_keep_the_index(store):
    article = Article(
        text="Talks on sanctions resumed in Stockholm.", title="Talks resume", url="https://a.example/1"
    )
    store.save_articles([article])
    with store._write("test") as conn:
        conn.execute(text("UPDATE articles SET url = 'https://a.example/2', title = title, text = text"))
    assert [h["id"] for h in search_articles(store, "Stockholm").hits] == [article.id]
    with store._write("test") as conn:
        conn.execute(text("UPDATE articles SET text = 'Talks on sanctions resumed in Hanoi.'"))
    assert search_articles(store, "Stockholm").total == 0
    assert [h["id"] for h in search_articles(store, "Hanoi").hits] == [article.id]


def test_quotes_are_found_by_words_and_by_speaker(store):
    article = Article(
        text='Kim Myong-gil said: "The talks failed because of American inflexibility."', title="T"
    )
    store.save_articles([article])
    start = article.text.index('"') + 1
    quote = Quote(
        article_id=article.id,
        text="The talks failed because of American inflexibility.",
        start=start,
        end=start + 52,
        kind="direct",
        speaker=Speaker(name="Kim Myong-gil"),
    )
    store.save_analyses([Analysis(article_id=article.id, quotes=[quote])])
    by_words = search_quotes(store, "inflexibility")
    assert by_words.total == 1 and by_words.hits[0]["speaker_name"] == "Kim Myong-gil"
    assert search_module.MARK_START + "inflexibility" + search_module.MARK_END in by_words.hits[0]["snippet"]
    assert search_quotes(store, "Myong-gil").total == 1
    assert search_quotes(store, "inflexibility", SearchFilters(actor="Someone Else")).total == 0


def test_the_cache_serves_repeats_and_forgets_on_every_index_change(store):
    cache = SearchCache()
    store.save_articles(corpus(9))
    first = cache.search(store, "articles", "summit")
    first.hits[0]["parts"] = "added by a caller"
    again = cache.search(store, "articles", "summit")
    assert [h["id"] for h in again.hits] == [h["id"] for h in first.hits]
    assert "parts" not in again.hits[0]  # callers get copies
    if store.backend == "sqlite":
        assert (cache.hits, cache.misses) == (1, 1)
    else:
        assert index_version(store) is None and (cache.hits, cache.misses) == (0, 2)
    extra = Article(text="Another summit was announced.", title="Summit news")
    store.save_articles([extra])
    assert cache.search(store, "articles", "summit").total == 4
    with store._write("test") as conn:
        conn.execute(text("DELETE FROM articles WHERE id = :id"), {"id": extra.id})
    assert cache.search(store, "articles", "summit").total == 3
    with pytest.raises(ValueError, match="kind"):
        cache.search(store, "events", "summit")


def test_a_web_search_checks_out_one_connection_for_its_version_and_results(store):
    """The index stamp and the search share one connection and transaction (a miss and a hit alike)."""
    store.save_articles(corpus(9))
    checkouts = []
    event.listen(store.engine, "checkout", lambda *args: checkouts.append(1))
    cache = SearchCache()
    miss = cache.search(store, "articles", "summit", limit=2)
    assert len(checkouts) == 1 and miss.total == 3 and len(miss.hits) == 2
    cache.search(store, "articles", "summit", limit=2)
    assert len(checkouts) == 2


def test_searches_run_a_few_threads_at_a_time_in_order_of_arrival(monkeypatch):
    import asyncio
    import threading
    import time

    from crosswire.web import search_cache

    monkeypatch.setattr(search_cache, "SEARCH_THREADS", 2)
    cache = SearchCache()
    lock = threading.Lock()
    running, most, started = [0], [0], []

    def work(i: int) -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
            started.append(i)
        time.sleep(0.03)
        with lock:
            running[0] -= 1
        return i * 10

    async def burst() -> list[int]:
        return await asyncio.gather(*(cache.in_thread(work, i) for i in range(8)))

    assert asyncio.run(burst()) == [i * 10 for i in range(8)]
    assert most[0] == 2
    # A second event loop (another test client, say) gets a limiter of its own; with one thread the
    # searches run strictly one after another, in the order they arrived.
    monkeypatch.setattr(search_cache, "SEARCH_THREADS", 1)
    most[0], started[:] = 0, []
    assert asyncio.run(burst()) == [i * 10 for i in range(8)]
    assert most[0] == 1 and started == list(range(8))


def test_the_cache_entries_expire(tmp_path):
    with open_store(str(tmp_path / "s.db")) as store:
        store.save_articles(corpus(3))
        cache = SearchCache(ttl_s=0.0)
        cache.search(store, "articles", "summit")
        cache.search(store, "articles", "summit")
        assert cache.hits == 0 and cache.misses == 2


def test_index_version_moves_only_with_the_indexed_text(tmp_path):
    with open_store(str(tmp_path / "s.db")) as store:
        before = index_version(store)
        assert before == index_version(store)
        store.save_articles(corpus(2))
        after_insert = index_version(store)
        assert after_insert != before
        with store._write("test") as conn:
            # What the store does when a re-ingested article's metadata changed: every column is set.
            conn.execute(
                text("UPDATE articles SET url = 'https://elsewhere.example/', title = title, text = text")
            )
        assert index_version(store) == after_insert  # nothing re-indexed
        with store._write("test") as conn:
            conn.execute(text("UPDATE articles SET title = 'A new headline'"))
        assert index_version(store) != after_insert


def test_migration_0005_downgrades_and_upgrades_with_search_working(store):
    store.save_articles(corpus(6))
    with store.engine.connect() as conn:
        with conn.begin():
            command.downgrade(alembic_config(conn), "0004_story_index")
    with store.engine.connect() as conn:
        with conn.begin():
            command.upgrade(alembic_config(conn), "head")
    assert store.revision() == head_revision()
    assert search_articles(store, "summit").total == 2


def test_the_web_shows_a_capped_total_with_a_plus(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from crosswire.web.app import create_app

    db = str(tmp_path / "web.db")
    with open_store(db) as store:
        store.save_articles(corpus(30))
    monkeypatch.setattr(search_module, "COUNT_CAP", 25)
    app = create_app(db)
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            api = client.get("/api/v1/search", params={"q": "sanctions", "limit": 5}).json()
            assert (api["total"], api["total_capped"], len(api["items"])) == (25, True, 5)
            past = client.get("/api/v1/search", params={"q": "sanctions", "limit": 4, "offset": 24}).json()
            assert (past["total"], past["total_capped"]) == (28, True)  # never fewer than the hits shown
            exact = client.get("/api/v1/search", params={"q": "summit"}).json()
            assert (exact["total"], exact["total_capped"]) == (10, False)
            page = client.get("/search", params={"q": "sanctions"}).text
            assert "25+ articles found." in page and 'page=2">Next</a>' in page
            # The last page ends the list, so its total is exact.
            assert "30 articles found." in client.get("/search", params={"q": "sanctions", "page": 2}).text
            assert "10 articles found." in client.get("/search", params={"q": "summit"}).text
    finally:
        app.state.jobs.shutdown()
        app.state.store.close()
