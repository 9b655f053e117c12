"""Killing an ingesting process (SIGKILL, no clean-up of any kind) never corrupts the store.

A child process (tests/store_support.py) saves batches of articles; the parent kills it either while
it is provably inside a batch's transaction with rows already written, or at an arbitrary moment
while it streams batches. Afterwards the store opens, every article of every committed batch is
intact field by field, and no article of the killed batch is there.
"""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosswire.store import open_store
from store_support import batch_articles, pg_base_url, pg_schema_url

HELPER = Path(__file__).with_name("store_support.py")
SIZE = 150  # articles per batch
CHUNK = 40  # rows per executemany inside a batch


def _start_child(mode: str, url: str, signal_file: Path, batches: int) -> subprocess.Popen:
    args = [sys.executable, str(HELPER), mode, url, str(signal_file), str(batches), str(SIZE), str(CHUNK)]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _wait_for(signal_file: Path, child: subprocess.Popen, condition, timeout: float = 90.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            output = child.stdout.read().decode(errors="replace") if child.stdout else ""
            pytest.fail(f"child exited with {child.returncode} before it was killed:\n{output}")
        if signal_file.exists():
            content = signal_file.read_text()
            if content and condition(content):
                return content
        time.sleep(0.02)
    child.kill()
    pytest.fail(f"child gave no signal through {signal_file} within {timeout}s")


def _kill(child: subprocess.Popen) -> None:
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL


def _assert_exactly_batches(url: str, committed: int, killed: int) -> None:
    with open_store(url) as store:
        assert store.count_articles() == committed * SIZE
        for batch in range(committed):
            expected = batch_articles(batch, SIZE)
            stored = list(store.iter_articles(ids=[a.id for a in expected]))
            assert stored == expected, f"batch {batch} not intact"
        killed_ids = [a.id for a in batch_articles(killed, SIZE)]
        assert store.count_articles(ids=killed_ids) == 0, "part of the killed batch was stored"
        # The store is writable again: no lock or half transaction left behind.
        assert store.save_articles(batch_articles(killed, SIZE)).added == SIZE
        assert store.count_articles() == (committed + 1) * SIZE


def _pg_transaction_has_written(application_name: str) -> bool:
    """True when the child's session is idle inside a transaction that already holds an xid (wrote rows)."""
    import psycopg

    with psycopg.connect(pg_base_url(), autocommit=True) as conn:
        row = conn.execute(
            "SELECT state, backend_xid IS NOT NULL FROM pg_stat_activity WHERE application_name = %s",
            (application_name,),
        ).fetchone()
    return row is not None and row[0] == "idle in transaction" and bool(row[1])


def _sqlite_is_write_locked(path: Path) -> bool:
    with sqlite3.connect(path, timeout=0, isolation_level=None) as probe:
        try:
            probe.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            return "locked" in str(exc)
        probe.execute("ROLLBACK")
        return False


@pytest.mark.slow
def test_sqlite_kill_inside_a_batch(tmp_path):
    db, signal_file = tmp_path / "crash.db", tmp_path / "inside"
    child = _start_child("hang", str(db), signal_file, batches=2)
    try:
        _wait_for(signal_file, child, lambda text: text == "inside")
        assert _sqlite_is_write_locked(db), "child should be holding its write transaction open"
    finally:
        _kill(child)
    _assert_exactly_batches(str(db), committed=2, killed=2)


@pytest.mark.slow
def test_postgresql_kill_inside_a_batch(tmp_path):
    name = "crosswire-crash-" + secrets.token_hex(4)
    signal_file = tmp_path / "inside"
    try:
        schema = pg_schema_url(application_name=name)
        url = schema.__enter__()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        child = _start_child("hang", url, signal_file, batches=2)
        try:
            _wait_for(signal_file, child, lambda text: text == "inside")
            assert _pg_transaction_has_written(name), "child should be inside a transaction that wrote rows"
        finally:
            _kill(child)
        _assert_exactly_batches(url, committed=2, killed=2)
    finally:
        schema.__exit__(None, None, None)


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_kill_at_an_arbitrary_moment_loses_no_committed_batch(tmp_path, backend):
    progress = tmp_path / "progress"
    if backend == "sqlite":
        url, schema = str(tmp_path / "stream.db"), None
    else:
        try:
            schema = pg_schema_url()
            url = schema.__enter__()
        except RuntimeError as exc:
            pytest.fail(str(exc))
    try:
        child = _start_child("stream", url, progress, batches=1000)
        try:
            reported = int(_wait_for(progress, child, lambda text: int(text) >= 3))
            time.sleep(secrets.randbelow(100) / 1000)  # land anywhere in the next batch
        finally:
            _kill(child)
        with open_store(url) as store:
            stored = store.count_articles()
        # Commits may have happened after the last progress report, but only whole batches.
        assert stored % SIZE == 0 and stored >= reported * SIZE, stored
        committed = stored // SIZE
        _assert_exactly_batches(url, committed=committed, killed=committed)
    finally:
        if schema is not None:
            schema.__exit__(None, None, None)
