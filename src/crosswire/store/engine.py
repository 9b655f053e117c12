"""Turning a user's `--db` value into a configured SQLAlchemy engine (SQLite or PostgreSQL).

SQLite gets WAL (readers never block the one writer), foreign keys, a busy timeout, and real
transactions: Python's sqlite3 module would otherwise commit DDL implicitly and start transactions
lazily, which breaks "one batch = one transaction". Write transactions begin IMMEDIATE so that two
writers queue on the busy timeout instead of failing when a read lock cannot be upgraded.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import NullPool, StaticPool

from crosswire.errors import StoreError  # noqa: F401  (re-exported: the store raises it)

T = TypeVar("T")

DEFAULT_SQLITE_FILE = "crosswire.db"
BUSY_TIMEOUT_S = 30.0
# Execution option that marks a connection as about to write (see `_begin`).
WRITE_OPTION = "crosswire_write"


def normalise_url(url: str | None) -> str:
    """The SQLAlchemy URL for a `--db` value: None -> ./crosswire.db, a bare path -> SQLite file,
    postgresql:// (or postgres://) -> the psycopg 3 driver."""
    if url is None or not str(url).strip():
        return "sqlite:///" + str(Path(DEFAULT_SQLITE_FILE).resolve())
    url = str(url).strip()
    if url == ":memory:":
        return "sqlite://"
    if "://" not in url:
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    scheme, rest = url.split("://", 1)
    if scheme.lower() in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return url


STORE_TABLE = "articles"  # every crosswire store has it, whatever its schema version


def missing_store(url: str | None) -> str | None:
    """Where a `--db` value points when no crosswire store is there, for the commands that only read
    one and so must create nothing: a SQLite file that does not exist or is empty (opening it would
    write a new store into it; another program's database is refused when the store opens), an
    in-memory store (always empty), a PostgreSQL database that does not exist or has no crosswire
    tables in its search path. None when a store is there, or when the URL cannot be used at all
    (opening it says why)."""
    try:
        parsed = make_url(normalise_url(url))
    except ArgumentError:
        return None  # opening reports it
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _missing_sqlite_store(parsed.database or "")
    if backend == "postgresql":
        return _missing_postgresql_store(parsed)
    return None


def _missing_sqlite_store(database: str) -> str | None:
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        return ":memory: (an in-memory store is always empty)"
    if database.startswith("file:"):
        return None
    path = Path(database)
    if not path.exists():
        return str(path)
    # An empty file (`touch crosswire.db`) holds no store; looking is a stat, never an open, which
    # could leave -wal and -shm files beside it. Commits still in a -wal file make it a store.
    wal = path.with_name(path.name + "-wal")
    if path.is_file() and path.stat().st_size == 0 and not (wal.exists() and wal.stat().st_size > 0):
        return f"{path} (an empty file)"
    return None


def _missing_postgresql_store(url: URL) -> str | None:
    shown = display_url(url)
    try:
        engine = create_engine(url, poolclass=NullPool)
    except (NoSuchModuleError, ImportError):
        return None  # opening names the missing driver
    try:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT to_regclass(:name) IS NOT NULL"), {"name": STORE_TABLE}
            ).scalar()
    except SQLAlchemyError as exc:
        database = url.database or ""
        if database and f'database "{database}" does not exist' in str(exc):
            return f"{shown} (the database does not exist)"
        return None  # unreachable, refused: opening reports it as a store error
    finally:
        engine.dispose()
    return None if found else f"{shown} (no crosswire tables in its search path)"


def display_url(url: str | URL) -> str:
    """The URL as shown in messages: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return str(url)


def create_store_engine(url: str | None) -> tuple[Engine, str]:
    """A configured engine and the display form of its URL; StoreError naming the URL on failure."""
    full = normalise_url(url)
    shown = display_url(full)
    try:
        parsed = make_url(full)
    except ArgumentError as exc:
        raise StoreError(f"cannot open store {url!r}: not a database URL or file path ({exc})") from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(
            f"cannot open store {shown}: unsupported database {backend!r} (use SQLite or PostgreSQL)"
        )
    try:
        if backend == "sqlite":
            engine = _sqlite_engine(parsed, shown)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (NoSuchModuleError, ImportError) as exc:
        hint = "pip install 'psycopg[binary]'" if backend == "postgresql" else "install the database driver"
        raise StoreError(f"cannot open store {shown}: database driver missing ({exc}); {hint}") from exc
    return engine, shown


def _sqlite_engine(url: URL, shown: str) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    read_only = False
    if not in_memory:
        path = Path(database)
        read_only = path.is_file() and read_only_file(path)
        if read_only:
            # WAL needs its -wal and -shm files beside the database, which a read-only file system
            # cannot hold: opened immutable there (nothing can change the file), it reads. A file
            # only this user cannot write may change under another writer, and commits still in a
            # -wal file would be passed over by an immutable open: read-only, not immutable, then.
            wal = path.with_name(path.name + "-wal")
            pending = wal.exists() and wal.stat().st_size > 0
            frozen = "&immutable=1" if read_only_file_system(path) and not pending else ""
            url = make_url(f"sqlite:///file:{quote(str(path))}?mode=ro{frozen}&uri=true")
        else:
            _ensure_parent(path, shown)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}}
    if in_memory:
        # One shared connection, or every pooled connection would see its own empty database.
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)
    event.listen(engine, "connect", _sqlite_on_read_only_connect if read_only else _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def read_only_file(path: Path) -> bool:
    """Whether the SQLite file at `path` can only be read: its file system is mounted read-only, or
    the file or its folder cannot be written (WAL writes two files beside the database)."""
    if read_only_file_system(path):
        return True
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def read_only_file_system(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _sqlite_on_read_only_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only = ON")
    finally:
        cursor.close()


def _ensure_parent(path: Path, shown: str) -> None:
    if path.is_dir():
        raise StoreError(f"cannot open store {shown}: {path} is a directory, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot open store {shown}: cannot create folder {path.parent}: {exc.strerror}"
        ) from exc


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module; `_sqlite_begin` issues BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # WAL is a property of the file, so only the first connection ever switches it; the switch
        # needs an exclusive lock and reports "locked" without waiting on busy_timeout, hence the retry.
        current = _retry_while_locked(lambda: cursor.execute("PRAGMA journal_mode").fetchone()[0])
        if str(current).lower() not in ("wal", "memory"):
            _retry_while_locked(lambda: cursor.execute("PRAGMA journal_mode = WAL").fetchone())
        # In WAL mode NORMAL is safe against a killed process (only an OS crash can lose the last commits).
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _retry_while_locked(step: Callable[[], T]) -> T:
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.01
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            message = str(exc).lower()
            if ("locked" not in message and "busy" not in message) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


def _sqlite_begin(conn: Any) -> None:
    write = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
