"""Full-text search over articles (title and body) and quotes.

SQLite: FTS5 tables with external content (the text is not stored twice), kept in sync by triggers on
every insert, update and delete of `articles` and `quotes`, so no writer has to remember them.
PostgreSQL: GIN indexes over `to_tsvector('english', ...)` expressions; the queries in
`crosswire.store.search` repeat exactly these expressions so the planner uses the indexes, and an
expression index needs no syncing at all.

Every object is named `search_*` so schema comparisons can tell them from the tables in schema.py.

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (FTS table, content table, indexed columns)
_SQLITE_INDEXES = (
    ("search_articles", "articles", ("title", "text")),
    ("search_quotes", "quotes", ("text", "speaker_name")),
)

PG_ARTICLE_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
PG_QUOTE_DOCUMENT = "to_tsvector('english', text)"


def _sqlite_upgrade() -> None:
    for fts, table, columns in _SQLITE_INDEXES:
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        # rowid is SQLite's implicit row number of the content table (its keys are text hashes).
        op.execute(
            f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='rowid', "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
        )
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        # Rows stored before this revision.
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_upgrade()
    elif dialect == "postgresql":
        op.execute(f"CREATE INDEX search_articles_tsv ON articles USING gin ({PG_ARTICLE_DOCUMENT})")
        op.execute(f"CREATE INDEX search_quotes_tsv ON quotes USING gin ({PG_QUOTE_DOCUMENT})")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for fts, _table, _columns in _SQLITE_INDEXES:
            for suffix in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS search_articles_tsv")
        op.execute("DROP INDEX IF EXISTS search_quotes_tsv")
