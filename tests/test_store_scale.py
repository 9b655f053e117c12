"""PostgreSQL at volume: 100,000 article rows written through the Store's batch API (save_articles, one
transaction per call), then counted, paged and filtered. Needs the PostgreSQL server CI provides and
fails (never skips) without it. Sized for CI: 24 s on 2 cores (the inserts take 21 s of it), under
two minutes when the cores are shared with a dozen other jobs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from crosswire.store import open_store
from crosswire.store.core import SqlStore as Store
from store_support import make_article, pg_schema_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROWS = 100_000
PER_CALL = 10_000  # articles per save_articles call (= per transaction)
OUTLETS = ("The Hankyoreh", "Yonhap", "KCNA", "The Japan Times")  # make_article's, by index % 4


@pytest.fixture(scope="module")
def big_store() -> Iterator[tuple[Store, float]]:
    with pg_schema_url() as url:
        store = open_store(url)
        started = time.perf_counter()
        for call in range(ROWS // PER_CALL):
            first = call * PER_CALL
            # One "batch" number per call keeps texts (and so ids) distinct across calls.
            result = store.save_articles(
                make_article(call, i, body_words=12) for i in range(first, first + PER_CALL)
            )
            assert result.added == PER_CALL
        try:
            yield store, time.perf_counter() - started
        finally:
            store.close()


def test_counts_at_100k_rows(big_store):
    store, seconds = big_store
    print(f"\n{ROWS:,} articles saved in {seconds:.1f} s ({ROWS / seconds:,.0f} rows/s)")
    assert store.backend == "postgresql"
    assert store.count_articles() == ROWS
    for outlet in OUTLETS:
        assert store.count_articles(outlet=outlet) == ROWS // 4
    # make_article marks every 11th index as not analysable; none has an analysis yet.
    assert store.count_unanalysed() == ROWS - len(range(0, ROWS, 11))


def test_paging_walks_every_row_once_in_order(big_store):
    store, _ = big_store
    pages = [store.list_articles(limit=50, offset=offset) for offset in (0, 50, 100)]
    ids = [row["id"] for page in pages for row in page]
    assert [len(p) for p in pages] == [50, 50, 50] and len(set(ids)) == 150
    # Newest first: publication times never increase down the list, across page boundaries too.
    times = [row["published"] for page in pages for row in page]
    utc = [datetime.fromisoformat(t).astimezone(UTC) for t in times if t]
    assert utc == sorted(utc, reverse=True)
    tail = store.list_articles(limit=50, offset=ROWS - 20)
    assert len(tail) == 20
    assert not {row["id"] for row in tail} & set(ids)
    assert store.list_articles(limit=50, offset=ROWS) == []


def test_filters_and_lookups_at_100k_rows(big_store):
    store, _ = big_store
    # make_article publishes on day 1 + index % 28 of April 2019 (offsets from -3h to +9:30).
    day = store.count_articles(since="2019-04-10T12:00:00+00:00", until="2019-04-11T12:00:00+00:00")
    assert 0 < day < ROWS // 10
    both = store.count_articles(
        outlet="Yonhap", since="2019-04-10T12:00:00+00:00", until="2019-04-11T12:00:00+00:00"
    )
    assert 0 < both < day
    page = store.list_articles(limit=20, outlet="KCNA", offset=1000)
    assert len(page) == 20 and {row["outlet"] for row in page} == {"KCNA"}
    wanted = make_article(7, 70_123, body_words=12)
    found = store.get_article(wanted.id)
    assert found is not None and found.title == wanted.title and found.outlet == wanted.outlet
    picked = [make_article(3, i, body_words=12).id for i in range(30_000, 30_100)]
    assert [a.id for a in store.iter_articles(ids=picked)] == picked
