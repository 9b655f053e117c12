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

from crosswire.store.core import SqlStore, open_store
from crosswire.store.engine import StoreError, normalise_url
from crosswire.store.protocol import SaveResult, Store

__all__ = ["SaveResult", "SqlStore", "Store", "StoreError", "normalise_url", "open_store"]
