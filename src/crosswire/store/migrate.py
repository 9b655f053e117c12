"""Bringing a database to the newest schema with the Alembic migrations shipped in this package.

Runs without alembic.ini: the script location is the `migrations/` folder next to this file. Every
open calls `upgrade_to_head`; when the database is already at head it costs one small query. When it
is not, the upgrade runs in one transaction that first takes a lock (SQLite: BEGIN IMMEDIATE,
PostgreSQL: an advisory lock per schema), so processes opening a new store at the same moment queue
up and the later ones find the work done instead of racing to create the same tables.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from crosswire.errors import StoreError
from crosswire.store.engine import WRITE_OPTION

MIGRATIONS_DIR = Path(__file__).resolve().with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


class UnknownStoreError(StoreError):
    """The database is not one this crosswire can use: another program's, or a newer crosswire's."""


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    return frozenset(rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def check_revision(revision: str | None) -> None:
    """Refuse, before anything is written, a database at a revision this version does not know."""
    if revision is not None and revision not in known_revisions():
        raise UnknownStoreError(
            f"schema revision {revision!r} is unknown to this crosswire (head {head_revision()!r}): a newer "
            "crosswire wrote this store; upgrade crosswire to use it"
        )


def check_sqlite_file(path: str | None) -> None:
    """Look at an existing SQLite file with a plain, read-only-by-use connection before the store's engine
    touches it (its first connection switches the file to WAL): refuse a file that is not a database,
    another program's database (migrating would add our tables to it) and a newer crosswire's store."""
    if not path or path == ":memory:" or path.startswith("file:") or not Path(path).is_file():
        return
    if Path(path).stat().st_size == 0:
        return  # an empty file is a new database
    try:
        with closing(sqlite3.connect(path, timeout=30)) as conn:
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            ]
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                check_revision(row[0] if row else None)
                return
    except sqlite3.DatabaseError as exc:  # not a database, or damaged beyond reading its schema
        raise UnknownStoreError(str(exc)) from exc
    if tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise UnknownStoreError(
            f"an SQLite database but not a crosswire store (it holds other tables: {shown}); "
            "give a new file name or a crosswire store"
        )


def upgrade_to_head(engine: Engine) -> None:
    head = head_revision()
    with engine.connect() as conn:
        revision = current_revision(conn)
        if revision == head:
            return
        check_revision(revision)
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('crosswire:' || current_schema()))"))
            command.upgrade(alembic_config(conn), "head")
