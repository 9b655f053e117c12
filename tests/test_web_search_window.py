"""SQLite search ranks matches in blocks of RANK_WINDOW, newest stored first: pages never overlap or
skip, each block is in bm25 order, and a query with few matches is ranked exactly as before."""

from __future__ import annotations

import sqlite3

import pytest

from crosswire.model import Article
from crosswire.store import open_store
from crosswire.store import search as search_module
from crosswire.store.search import SearchFilters, search_articles, search_quotes


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "window.db"
    items = []
    for i in range(11):
        # How often "summit" appears (and whether the title has it) varies, so bm25 orders them apart.
        body = " ".join(["summit"] * (i % 4 + 1) + ["filler", "words", "here"] * (i % 5 + 1))
        title = f"Summit report {i}" if i % 3 == 0 else f"Report {i}"
        items.append(Article(text=f"{body}. Article number {i}.", title=title, outlet=f"Outlet {i % 2}"))
    with open_store(str(path)) as store:
        for article in items:  # one at a time: stored (rowid) order is this order
            store.save_articles([article])
    return str(path)


def _expected(path: str, window: int, outlet: str | None = None) -> list[str]:
    """The specified order, computed straight from FTS5: blocks of `window` matches by descending rowid,
    each block by bm25 (ties by rowid)."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT s.rowid, bm25(search_articles, 4.0, 1.0), a.id, a.outlet FROM search_articles s "
            "JOIN articles a ON a.rowid = s.rowid WHERE search_articles MATCH '\"summit\"'"
        ).fetchall()
    rows = sorted((r for r in rows if outlet is None or r[3] == outlet), key=lambda r: -r[0])
    out: list[str] = []
    for start in range(0, len(rows), window):
        out += [r[2] for r in sorted(rows[start : start + window], key=lambda r: (r[1], r[0]))]
    return out


def _all_pages(path: str, limit: int, filters: SearchFilters | None = None) -> list[str]:
    ids: list[str] = []
    with open_store(path) as store:
        offset = 0
        while True:
            page = search_articles(store, "summit", filters, limit=limit, offset=offset)
            assert page.total == 11 if filters is None else page.total == len(_expected(path, 99, "Outlet 1"))
            ids += [hit["id"] for hit in page.hits]
            # Every hit of every page has its snippet (read over the page's rowid range), word marked.
            marked = search_module.MARK_START + "summit" + search_module.MARK_END
            assert all(marked in hit["snippet"] for hit in page.hits)
            if len(page.hits) < limit:
                return ids
            offset += limit


@pytest.mark.parametrize("limit", [1, 2, 3, 4, 20])
def test_pages_walk_the_blocks_in_order_without_overlap(db, monkeypatch, limit):
    monkeypatch.setattr(search_module, "RANK_WINDOW", 3)
    expected = _expected(db, 3)
    assert len(expected) == 11 and len(set(expected)) == 11
    assert _all_pages(db, limit) == expected
    # The blocks really differ from one global ranking here, so the test can tell them apart.
    assert expected != _expected(db, 100)


def test_a_query_with_fewer_matches_than_the_window_is_ranked_over_all_of_them(db):
    assert search_module.RANK_WINDOW >= 11
    assert _all_pages(db, 4) == _expected(db, 100)


def test_filters_apply_before_the_blocks_are_cut(db, monkeypatch):
    monkeypatch.setattr(search_module, "RANK_WINDOW", 2)
    filters = SearchFilters(outlet="Outlet 1")
    assert _all_pages(db, 3, filters) == _expected(db, 2, outlet="Outlet 1")


def test_quote_search_pages_with_a_small_window(tmp_path, monkeypatch):
    from web_fixtures import build_store

    build_store(str(tmp_path / "q.db"))
    monkeypatch.setattr(search_module, "RANK_WINDOW", 1)
    with open_store(str(tmp_path / "q.db")) as store:
        page = search_quotes(store, "negotiations", limit=5)
        deep = search_quotes(store, "negotiations", limit=5, offset=1)
    assert [h["speaker_name"] for h in page.hits] == ["Kim Myong-gil"] and page.total == 1
    assert deep.hits == [] and deep.total == 1


def test_optimizing_merges_the_index_and_changes_no_result(db):
    from crosswire.store.search import optimize_search_index

    def segments() -> int:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT count(DISTINCT segid) FROM search_articles_idx").fetchone()[0]

    before = _all_pages(db, 4)
    assert segments() > 1  # one write transaction per article left several segments
    with open_store(db) as store:
        assert optimize_search_index(store) >= segments()
    assert segments() == 1
    assert _all_pages(db, 4) == before == _expected(db, 100)
