"""The story grouping's saved state, so `analyze` adds new articles to existing stories.

One row (id 1) holds the StoryIndex as the bytes of its .npz file (stories/cluster.py `to_bytes`):
vector sums, date spans, members, actor and event counts. A database without the row regroups from
scratch on its next run and stores one.

Revision ID: 0004_story_index
Revises: 0003_minhash
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_story_index"
down_revision = "0003_minhash"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_index",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("story_index")
