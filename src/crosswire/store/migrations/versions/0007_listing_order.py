"""An index in the article listing's order, so the first page of `list_articles` reads 50 index
entries instead of sorting the whole table.

The listing puts undated articles last (`published_utc IS NULL, published_utc DESC, id`). A plain
index on `published_utc` cannot serve that ordering, so SQLite built a temporary B-tree over every
row for each page (330 ms at 100k articles). These expression indexes repeat the ORDER BY exactly,
once alone and once after `outlet` for the per-outlet listing; SQLite then walks the index and stops
at the page's end. SQLite only: PostgreSQL's top-N heap sort over the table was already 58 ms at 100k,
and its reflection of expression indexes would make schema.py comparisons report them (SQLite's
reflection skips them), so they live outside schema.py, like the `search_*` objects.

Revision ID: 0007_listing_order
Revises: 0006_incremental
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0007_listing_order"
down_revision = "0006_incremental"
branch_labels = None
depends_on = None

# Must match queries.list_articles' ORDER BY term for term, or the planner falls back to a sort.
_ORDER = "(published_utc IS NULL), published_utc DESC, id"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS listing_articles_order ON articles ({_ORDER})")
    op.execute(f"CREATE INDEX IF NOT EXISTS listing_articles_outlet_order ON articles (outlet, {_ORDER})")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS listing_articles_outlet_order")
    op.execute("DROP INDEX IF EXISTS listing_articles_order")
