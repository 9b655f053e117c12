"""MinHash fingerprints of stored articles, so de-duplication looks candidates up in the store.

`minhash_signatures` holds one signature per fingerprinted article (ingest/fingerprint.py) and its
arrival order; `minhash_bands` holds its LSH band keys. Articles stored before this revision have no
rows: they are still found as exact duplicates (by text hash), and as near-duplicate originals once
they are ingested again.

Revision ID: 0003_minhash
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_minhash"
down_revision = "0002"
branch_labels = None
depends_on = None


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "minhash_signatures",
        sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("shingles", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ix_minhash_signatures_seq", "minhash_signatures", ["seq"])
    # No foreign key on the bands (see schema.py); SQLite stores them WITHOUT ROWID, in the key's B-tree.
    op.create_table(
        "minhash_bands",
        sa.Column("band_key", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("article_id", sa.String(64), primary_key=True),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    op.drop_table("minhash_bands")
    op.drop_index("ix_minhash_signatures_seq", table_name="minhash_signatures")
    op.drop_table("minhash_signatures")
