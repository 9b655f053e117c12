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

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from crosswire.store.core import SaveResult, Store
from crosswire.store.engine import StoreError, create_store_engine, normalise_url
from crosswire.store.migrate import UnknownStoreError, check_sqlite_file, upgrade_to_head

__all__ = ["SaveResult", "Store", "StoreError", "normalise_url", "open_store"]


def open_store(url: str | None = None) -> Store:
    """Open (creating if needed) the store at `url` and migrate it to the newest schema.

    `url`: None -> SQLite file ./crosswire.db; "my.db" or "sqlite:///path.db" -> that SQLite file;
    "postgresql://user@host:port/db" -> PostgreSQL through psycopg 3. Raises StoreError naming the
    URL when the database cannot be opened, the driver is missing, or migrating fails; an existing
    SQLite file that is not a database, is damaged, belongs to another program or was written by a
    newer crosswire is refused before anything is written to it.
    """
    engine, shown = create_store_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            check_sqlite_file(engine.url.database)
        with engine.connect():
            pass
        upgrade_to_head(engine)
    except DBAPIError as exc:
        engine.dispose()
        detail = " ".join(str(exc.orig or exc).split())[:300]
        raise StoreError(f"cannot open store {shown}: {detail}") from exc
    except UnknownStoreError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {shown}: {exc}") from exc
    except (SQLAlchemyError, OSError, RuntimeError) as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {shown}: {exc}") from exc
    return Store(engine, shown, url)
