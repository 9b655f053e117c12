"""Incremental runs: a cache of the files already ingested, and a store generation counter.

`ingested_files` remembers, per file path, the size, modification time and content hash it had when
its articles were stored (and a hash of the ingest options that shaped them), so a re-run skips files
that have not changed without decoding them again. `store_meta` holds named counters; `generation`
goes up with every data-changing transaction, so output writers can tell that nothing changed since
they last wrote.

Revision ID: 0006_incremental
Revises: 0005_search_speed
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_incremental"
down_revision = "0005_search_speed"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ingested_files",
        sa.Column("path", sa.Text(), primary_key=True),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("mtime_ns", sa.BigInteger(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("options_hash", sa.String(64), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
    )
    meta = op.create_table(
        "store_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    op.bulk_insert(meta, [{"key": "generation", "value": 0}])


def downgrade() -> None:
    op.drop_table("store_meta")
    op.drop_table("ingested_files")
