"""A PostgreSQL connection dropped in the middle of a batch: retried whole, or a clean failure.

Another connection ends the store's backend with pg_terminate_backend right after the batch's first
chunk of rows was sent (inside the open transaction), exactly as an administrator, a failover or a
restart would. The server rolls the transaction back; a batch given as a list is then written again on
a fresh connection, and one given as a stream (which cannot be replayed) fails with a StoreError naming
the store. Either way no article of the batch is stored twice or half-stored.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import event

from crosswire import api
from crosswire.store import StoreError, open_store
from store_support import backend_url, batch_articles, pg_base_url

SIZE = 120
CHUNK = 25  # rows per executemany: the drop lands after the first of five chunks


@pytest.fixture
def pg_url(tmp_path) -> Iterator[str]:
    yield from backend_url("postgresql", tmp_path)


def _terminate(pid: int) -> None:
    """End backend `pid` from another connection and wait until it is gone (no race with the next send)."""
    with psycopg.connect(pg_base_url(), autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone() == (True,)
        deadline = time.monotonic() + 10
        while admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone():
            assert time.monotonic() < deadline, f"backend {pid} still alive"
            time.sleep(0.02)


class DropAfterFirstInsert:
    """Engine hook: after the first INSERT INTO articles of a transaction, terminate that backend
    (`times` times in all). Records the backends it ended."""

    def __init__(self, store, times: int = 1) -> None:
        self.times = times
        self.killed: list[int] = []
        event.listen(store.engine, "after_cursor_execute", self)

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if len(self.killed) < self.times and statement.lstrip().upper().startswith("INSERT INTO ARTICLES"):
            pid = conn.connection.dbapi_connection.info.backend_pid
            self.killed.append(pid)
            _terminate(pid)


def _stored_ids(store) -> set[str]:
    return {a.id for a in store.iter_articles()}


def test_dropped_connection_is_retried_and_the_batch_stored_once(pg_url):
    with open_store(pg_url) as store:
        store.chunk_rows = CHUNK
        assert store.save_articles(batch_articles(0, SIZE)).added == SIZE  # committed before the fault
        hook = DropAfterFirstInsert(store)
        batch = batch_articles(1, SIZE)
        result = store.save_articles(batch)  # a list: replayable
        assert len(hook.killed) == 1
        assert result.added == SIZE and result.unchanged == 0 and result.ids == [a.id for a in batch]
        assert store.count_articles() == 2 * SIZE
        stored = list(store.iter_articles(ids=[a.id for a in batch]))
        assert sorted(stored, key=lambda a: a.id) == sorted(batch, key=lambda a: a.id)


def test_dropped_connection_with_a_stream_fails_cleanly_and_stores_nothing_of_it(pg_url):
    with open_store(pg_url) as store:
        store.chunk_rows = CHUNK
        store.save_articles(batch_articles(0, SIZE))
        before = _stored_ids(store)
        hook = DropAfterFirstInsert(store)
        with pytest.raises(StoreError) as caught:
            store.save_articles(iter(batch_articles(1, SIZE)))  # a stream cannot be replayed
        assert len(hook.killed) == 1
        message = str(caught.value)
        assert "saving articles failed" in message and store.url in message
        assert _stored_ids(store) == before, "part of the dropped batch was stored"
        # The pool hands out a working connection afterwards: the same batch now goes in whole.
        assert store.save_articles(batch_articles(1, SIZE)).added == SIZE


def test_two_drops_in_a_row_fail_cleanly_and_nothing_is_half_written(pg_url):
    with open_store(pg_url) as store:
        store.chunk_rows = CHUNK
        store.save_articles(batch_articles(0, SIZE))
        hook = DropAfterFirstInsert(store, times=2)
        with pytest.raises(StoreError):
            store.save_articles(batch_articles(1, SIZE))
        assert len(hook.killed) == 2
        assert store.count_articles() == SIZE


def test_ingest_through_the_api_survives_a_dropped_connection(pg_url, tmp_path):
    """The whole ingest path (de-duplication, articles and fingerprints in one transaction) retried."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in batch_articles(2, 30):
        (folder / f"{article.external_id}.txt").write_text(article.title + "\n\n" + article.text, "utf-8")
    store = open_store(pg_url)
    hook = DropAfterFirstInsert(store)
    try:
        summary = api.ingest_into(store, [folder], db_url=store.url)
        assert len(hook.killed) == 1
        assert summary.counts["added"] == 30 and summary.counts["errors"] == 0
        assert store.count_articles() == 30
        with psycopg.connect(pg_url) as conn:
            fingerprints = conn.execute("SELECT count(*) FROM minhash_signatures").fetchone()[0]
        assert fingerprints == 30, "fingerprints must be saved with their articles"
        again = api.ingest_into(store, [folder], db_url=store.url)
        assert again.counts["added"] == 0 and store.count_articles() == 30
    finally:
        store.close()
