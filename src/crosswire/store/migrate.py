"""Bringing a database to the newest schema with the Alembic migrations shipped in this package.

Runs without alembic.ini: the script location is the `migrations/` folder next to this file. Every
open calls `upgrade_to_head`; when the database is already at head it costs one small query. When it
is not, the upgrade runs in one transaction that first takes a lock (SQLite: BEGIN IMMEDIATE,
PostgreSQL: an advisory lock per schema), so processes opening a new store at the same moment queue
up and the later ones find the work done instead of racing to create the same tables.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

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


def upgrade_to_head(engine: Engine) -> None:
    head = head_revision()
    with engine.connect() as conn:
        if current_revision(conn) == head:
            return
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('crosswire:' || current_schema()))"))
            command.upgrade(alembic_config(conn), "head")
