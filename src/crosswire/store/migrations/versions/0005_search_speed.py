"""Cheaper search upkeep and ranking.

PostgreSQL: the documents become stored generated columns (`articles.search_tsv`, title weighted 'A'
and body 'D'; `quotes.search_tsv`, words and speaker) with GIN indexes, replacing 0002's expression
indexes. Ranking reads the stored tsvector instead of re-parsing every matching article's text
(seconds for a common word at 50k articles); the tsvector is still computed once per insert, as the
expression index did. Quote search now covers the speaker's name, as it always did on SQLite.

SQLite: the update triggers re-index a row only when its indexed text really changed. The store
updates every column of a re-ingested article whose metadata changed, so before this revision a new
URL or date re-tokenised the whole body twice (delete, insert).

The columns are named `search_*`, like every search object, so schema comparisons leave them out.

Revision ID: 0005_search_speed
Revises: 0004_story_index
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0005_search_speed"
down_revision = "0004_story_index"
branch_labels = None
depends_on = None

# (FTS table, content table, indexed columns): as in 0002.
_SQLITE_INDEXES = (
    ("search_articles", "articles", ("title", "text")),
    ("search_quotes", "quotes", ("text", "speaker_name")),
)

_PG_DOCUMENTS = {
    "articles": "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', text), 'D')",
    "quotes": "to_tsvector('english', text || ' ' || coalesce(speaker_name, ''))",
}
# 0002's expression indexes, restored on downgrade.
_PG_0002 = {
    "articles": "to_tsvector('english', coalesce(title, '') || ' ' || text)",
    "quotes": "to_tsvector('english', text)",
}


def _sqlite_update_triggers(only_on_change: bool) -> None:
    for fts, table, columns in _SQLITE_INDEXES:
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        when = " WHEN " + " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns) if only_on_change else ""
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_update")
        op.execute(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {table}{when} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.rowid, {new}); END"
        )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_update_triggers(only_on_change=True)
    elif dialect == "postgresql":
        for table, document in _PG_DOCUMENTS.items():
            op.execute(f"DROP INDEX IF EXISTS search_{table}_tsv")
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS ({document}) STORED"
            )
            op.execute(f"CREATE INDEX search_{table}_tsv ON {table} USING gin (search_tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_update_triggers(only_on_change=False)
    elif dialect == "postgresql":
        for table, document in _PG_0002.items():
            op.execute(f"DROP INDEX IF EXISTS search_{table}_tsv")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_tsv")
            op.execute(f"CREATE INDEX search_{table}_tsv ON {table} USING gin ({document})")
