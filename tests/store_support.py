"""Helpers shared by the store tests: PostgreSQL schemas per test, generated articles, and the child
process that test_store_crash.py kills mid-batch (run as `python tests/store_support.py ...`).

Each PostgreSQL test gets its own schema (CREATE SCHEMA test_<random>, search_path set through the
connection's `options`), so parallel runs never see each other's tables. The server is the one CI
provides at 127.0.0.1:5432 (users `postgres`, then `root`), or CROSSWIRE_TEST_POSTGRES if set; when
none answers, the PostgreSQL-parametrized tests fail with a message saying so.
"""

from __future__ import annotations

import os
import secrets
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

SERVER = "127.0.0.1:5432"
DATABASE = "test"
USERS = ("postgres", "root")


def pg_base_url() -> str:
    """A URL that connects to the test PostgreSQL server; raises RuntimeError explaining why not."""
    import psycopg

    candidates = [os.environ["CROSSWIRE_TEST_POSTGRES"]] if os.environ.get("CROSSWIRE_TEST_POSTGRES") else []
    candidates += [f"postgresql://{user}@{SERVER}/{DATABASE}" for user in USERS]
    errors = []
    for url in candidates:
        try:
            with psycopg.connect(url, connect_timeout=5) as conn:
                conn.execute("SELECT 1")
            return url
        except psycopg.Error as exc:
            errors.append(f"{url}: {' '.join(str(exc).split())}")
    raise RuntimeError(
        f"the store tests need PostgreSQL at {SERVER} (database '{DATABASE}', trust auth, user postgres or "
        "root; or set CROSSWIRE_TEST_POSTGRES to a server URL); could not connect: " + "; ".join(errors)
    )


@contextmanager
def pg_schema_url(application_name: str | None = None) -> Iterator[str]:
    """A URL whose connections use a fresh schema, dropped (with everything in it) afterwards."""
    import psycopg

    base = pg_base_url()
    schema = "test_" + secrets.token_hex(6)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    query = "options=" + quote(f"-csearch_path={schema}")
    if application_name:
        query += "&application_name=" + quote(application_name)
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}{query}"
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def make_article(batch: int, index: int, body_words: int = 60):
    """A deterministic, fully populated Article: the same (batch, index) always gives the same record."""
    from crosswire.model import Article

    offset = timezone(timedelta(hours=(batch + index) % 13 - 3, minutes=30 * (index % 2)))
    words = " ".join(f"word{(batch * 7919 + index * 31 + k) % 1000}" for k in range(body_words))
    return Article(
        text=f"Article {batch}-{index}. Pyongyang said on Monday that talks would resume. {words}",
        title=f"Headline {batch}-{index}",
        outlet=("The Hankyoreh", "Yonhap", "KCNA", "The Japan Times")[index % 4],
        url=f"https://news.example/{batch}/{index}",
        source_path=f"/corpus/{batch}/{index}.txt",
        external_id=f"ext-{batch}-{index}",
        authors=[f"Reporter {index}", "Second Writer"] if index % 3 else [],
        author_roles={f"Reporter {index}": "staff reporter"} if index % 3 else {},
        published=datetime(2019, 4, 1 + index % 28, index % 24, 15, tzinfo=offset),
        updated=datetime(2019, 5, 1, 8, 0, tzinfo=UTC) if index % 2 else None,
        section="World" if index % 2 else None,
        genre=("news", "analysis", "editorial", "commentary")[index % 4],
        language="en",
        captions=[f"Caption for {batch}-{index}"] if index % 5 == 0 else [],
        warnings=["date not found"] if index % 7 == 0 else [],
        analysable=index % 11 != 0,
        main_event={"who": "Kim Jong-un", "what": "visit", "index": index} if index % 4 == 0 else None,
        format="text",
    )


def batch_articles(batch: int, size: int) -> list:
    return [make_article(batch, i) for i in range(size)]


# -- the child process killed by test_store_crash.py ---------------------------------------------------


def _hang_inside_batch(batch: int, size: int, signal_after: int, signal_file: Path):
    """Yield the batch's articles; after `signal_after` of them, tell the parent and wait to be killed."""
    for i in range(size):
        if i == signal_after:
            signal_file.write_text("inside")
            time.sleep(120)
        yield make_article(batch, i)


def child_main(argv: list[str]) -> None:
    from crosswire.store import open_store

    mode, url, signal_file, batches, size, chunk = argv[0], argv[1], Path(argv[2]), *map(int, argv[3:6])
    store = open_store(url)
    store.chunk_rows = chunk
    if mode == "hang":
        # `batches` committed batches, then one that stops after two executed chunks, in its transaction.
        for batch in range(batches):
            store.save_articles(batch_articles(batch, size))
        store.save_articles(_hang_inside_batch(batches, size, 2 * chunk + 1, signal_file))
    elif mode == "stream":
        # Batches until killed; the progress file says how many have committed.
        for batch in range(batches):
            store.save_articles(batch_articles(batch, size))
            signal_file.write_text(str(batch + 1))
    raise SystemExit(f"child finished without being killed (mode {mode})")


if __name__ == "__main__":
    child_main(sys.argv[1:])


def backend_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """Body of the `db_url` fixtures that run a test on both backends: a SQLite file under tmp_path, or
    a fresh PostgreSQL schema (dropped afterwards). PostgreSQL being unreachable fails the test: CI has it."""
    import pytest

    if backend == "sqlite":
        yield str(tmp_path / "store.db")
        return
    context = pg_schema_url()
    try:
        url = context.__enter__()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        yield url
    finally:
        context.__exit__(None, None, None)
