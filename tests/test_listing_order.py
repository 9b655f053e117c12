"""SQLite pages through `list_articles` with migration 0007's expression indexes, never a full sort."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from sqlalchemy.dialects import sqlite

from crosswire.store import open_store
from crosswire.store.queries import listing_query
from store_support import batch_articles


def _plan(store, query) -> str:
    sql = str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()
    return " | ".join(str(row[-1]) for row in rows)


@pytest.fixture
def store(tmp_path):
    articles = batch_articles(1, 40)
    # Some undated articles, so "undated last" has something to order.
    articles = [dataclasses.replace(a, published=None) if i % 6 == 0 else a for i, a in enumerate(articles)]
    with open_store(f"sqlite:///{tmp_path / 'store.db'}") as opened:
        opened.save_articles(articles)
        with opened.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")  # the planner sees real statistics, as a long-lived store has
        yield opened


@pytest.mark.parametrize("outlet", [None, "Yonhap"])
def test_listing_pages_come_from_the_index_without_a_sort(store, outlet):
    plan = _plan(store, listing_query(limit=10, offset=10, outlet=outlet))
    assert "TEMP B-TREE" not in plan, plan
    assert "listing_articles_" in plan, plan


def test_listing_order_is_newest_first_with_undated_last(store):
    rows = store.list_articles(limit=100)
    dated = [r for r in rows if r["published"] is not None]
    undated = [r for r in rows if r["published"] is None]
    assert len(rows) == 40 and len(undated) == 7
    assert rows == dated + undated
    utc = [datetime.fromisoformat(r["published"]).astimezone(UTC) for r in dated]
    assert utc == sorted(utc, reverse=True)
    assert [r["id"] for r in undated] == sorted(r["id"] for r in undated)
    pages = [row for start in range(0, 40, 15) for row in store.list_articles(limit=15, offset=start)]
    assert pages == rows
    by_outlet = store.list_articles(limit=100, outlet="Yonhap")
    assert by_outlet == [r for r in rows if r["outlet"] == "Yonhap"]


def test_downgrade_drops_the_listing_indexes(tmp_path):
    from alembic import command

    from crosswire.store.migrate import alembic_config

    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url) as opened, opened.engine.begin() as conn:
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"listing_articles_order", "listing_articles_outlet_order"} <= names
        command.downgrade(alembic_config(conn), "0006_incremental")
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert not {n for n in names if n.startswith("listing_")}
