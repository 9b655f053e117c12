"""The store: articles, analyses, events, stories and ingest runs in SQLite (default) or PostgreSQL.

    from crosswire.store import open_store
    with open_store("postgresql://user@host/db") as store:   # or None -> ./crosswire.db, or "my.db"
        result = store.save_articles(articles)               # one transaction; idempotent by content id
        for article in store.iter_articles(outlet="The Hankyoreh"):
            ...

SQLAlchemy Core (schema.py), Alembic migrations shipped in `migrations/` and applied on open
(migrate.py), dialect-specific upserts in sql.py, reads in queries.py, nlp/stories records in
analyses.py, row <-> dataclass conversion in codec.py, and the Store class itself in core.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from crosswire.errors import StoreError
from crosswire.store.protocol import SaveResult, Store

if TYPE_CHECKING:
    from crosswire.store.core import SqlStore, open_store
    from crosswire.store.engine import missing_store, normalise_url

__all__ = ["SaveResult", "SqlStore", "Store", "StoreError", "missing_store", "normalise_url", "open_store"]


def __getattr__(name: str) -> Any:
    # The Store protocol is named by ingest and the run modules (`crosswire.store.protocol`, which runs
    # this file first); SQLAlchemy, a third of a second to import, loads only when a store is opened.
    if name in ("SqlStore", "open_store"):
        from crosswire.store import core

        return getattr(core, name)
    if name in ("normalise_url", "missing_store"):
        from crosswire.store import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'crosswire.store' has no attribute {name!r}")
