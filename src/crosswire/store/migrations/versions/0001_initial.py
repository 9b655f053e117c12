"""Initial schema: articles and their relations, outlets, analyses (actors, quotes, events, places,
time references), stories and ingest runs.

Frozen on purpose: later schema changes go into new revisions, never into this file. The test suite
checks that the migrated database matches `crosswire.store.schema`.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(64)


def _json() -> sa.JSON:
    return sa.JSON(none_as_null=True)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, primary_key=True),
        sa.Column("external_id", sa.Text),
        sa.Column("source_path", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("authors", _json()),
        sa.Column("author_roles", _json()),
        sa.Column("published", sa.Text),
        sa.Column("published_utc", sa.DateTime),
        sa.Column("updated", sa.Text),
        sa.Column("updated_utc", sa.DateTime),
        sa.Column("section", sa.Text),
        sa.Column("genre", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("captions", _json()),
        sa.Column("word_count", sa.Integer),
        sa.Column("text_hash", ID),
        sa.Column("duplicate_of", ID),
        sa.Column("analysable", sa.Boolean, nullable=False),
        sa.Column("warnings", _json()),
        sa.Column("main_event", _json()),
        sa.Column("format", sa.Text),
        sa.Column("record_hash", ID),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published_utc", "articles", ["published_utc"])
    op.create_index("ix_articles_text_hash", "articles", ["text_hash"])
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])

    op.create_table(
        "article_relations",
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("other_id", ID, primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("score", sa.Float),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_article_relations_other_id", "article_relations", ["other_id"])

    op.create_table(
        "outlets",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("domains", _json()),
        sa.Column("country", sa.String(8)),
        sa.Column("language", sa.String(16)),
        sa.Column("kind", sa.String(64)),
        sa.Column("leaning", sa.Text),
        sa.Column("owner", sa.Text),
        sa.Column("aliases", _json()),
    )

    op.create_table(
        "analyses",
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("main_event", _json()),
        sa.Column("analysed_at", sa.DateTime, nullable=False),
    )

    op.create_table(
        "actors",
        sa.Column("actor_id", ID, primary_key=True),
        sa.Column("article_id", ID, _article_fk(), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32)),
        sa.Column("codes", _json()),
        sa.Column("country", sa.String(8)),
        sa.Column("role", sa.String(32)),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("tone", sa.Float),
        sa.Column("payload", _json(), nullable=False),
    )
    op.create_index("ix_actors_article_id", "actors", ["article_id"])
    op.create_index("ix_actors_name", "actors", ["name"])

    op.create_table(
        "quotes",
        sa.Column("id", ID, primary_key=True),
        sa.Column("article_id", ID, _article_fk(), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32)),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_code", sa.String(64)),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("payload", _json(), nullable=False),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"])
    op.create_index("ix_quotes_speaker_name", "quotes", ["speaker_name"])

    op.create_table(
        "events",
        sa.Column("id", ID, primary_key=True),
        sa.Column("cameo", sa.String(16), nullable=False),
        sa.Column("root", sa.String(4)),
        sa.Column("source_code", sa.String(64)),
        sa.Column("target_code", sa.String(64)),
        sa.Column("date", sa.String(32)),
        sa.Column("goldstein", sa.Float),
        sa.Column("payload", _json(), nullable=False),
    )
    op.create_index("ix_events_cameo", "events", ["cameo"])
    op.create_index("ix_events_root", "events", ["root"])
    op.create_index("ix_events_source_code", "events", ["source_code"])
    op.create_index("ix_events_date", "events", ["date"])

    op.create_table(
        "event_mentions",
        sa.Column("event_id", ID, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("start", sa.Integer, primary_key=True),
        sa.Column("end", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_event_mentions_article_id", "event_mentions", ["article_id"])

    op.create_table(
        "places",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", ID, _article_fk(), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("payload", _json(), nullable=False),
    )
    op.create_index("ix_places_article_id", "places", ["article_id"])

    op.create_table(
        "time_refs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", ID, _article_fk(), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("value", sa.String(32)),
        sa.Column("payload", _json(), nullable=False),
    )
    op.create_index("ix_time_refs_article_id", "time_refs", ["article_id"])

    op.create_table(
        "stories",
        sa.Column("id", ID, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("payload", _json(), nullable=False),
    )

    op.create_table(
        "story_articles",
        sa.Column("story_id", ID, sa.ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("article_id", ID, _article_fk(), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_articles_article_id", "story_articles", ["article_id"])

    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("finished_at", sa.DateTime),
        sa.Column("paths", _json()),
        sa.Column("counts", _json()),
        sa.Column("problems", _json()),
    )


def downgrade() -> None:
    for table in (
        "runs",
        "story_articles",
        "stories",
        "time_refs",
        "places",
        "event_mentions",
        "events",
        "quotes",
        "actors",
        "analyses",
        "outlets",
        "article_relations",
        "articles",
    ):
        op.drop_table(table)
