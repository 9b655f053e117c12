"""The store's tables, as SQLAlchemy Core metadata (no ORM: rows map to model dataclasses in codec.py).

These definitions are what the queries use; the migrations in `migrations/versions/` create the same
tables in frozen form, and a test checks that the two never drift apart.

Design notes:
- Columns that queries filter on are real columns (outlet, published_utc, text_hash, cameo ...); the
  rest of an extracted record lives in a `payload` JSON column holding `model.to_dict(record)`, so a
  new optional field in model.py needs no migration.
- Datetimes keep their original offset as an ISO string (`published`) beside a naive UTC timestamp
  (`published_utc`) that range queries compare on, identically on SQLite and PostgreSQL.
- `position` columns keep the order the extractor produced, since both backends return rows in
  unspecified order otherwise.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(64)


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


# none_as_null: a Python None is stored as SQL NULL, not as the JSON text 'null'.
def _json() -> JSON:
    return JSON(none_as_null=True)


articles = Table(
    "articles",
    metadata,
    Column("id", ID, primary_key=True),
    Column("external_id", Text),
    Column("source_path", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("title", Text),
    Column("authors", _json()),
    Column("author_roles", _json()),
    Column("published", Text),  # ISO 8601 with the offset the article gave
    Column("published_utc", DateTime),  # naive UTC, for range queries
    Column("updated", Text),
    Column("updated_utc", DateTime),
    Column("section", Text),
    Column("genre", Text),
    Column("language", Text),
    Column("text", Text, nullable=False),
    Column("captions", _json()),
    Column("word_count", Integer),
    Column("text_hash", ID),
    Column("duplicate_of", ID),
    Column("analysable", Boolean, nullable=False, default=True),
    Column("warnings", _json()),
    Column("main_event", _json()),
    Column("format", Text),
    Column("record_hash", ID),  # hash of every stored field: tells "unchanged" from "updated" on re-ingest
    Column("ingested_at", DateTime, nullable=False),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_published_utc", "published_utc"),
    Index("ix_articles_text_hash", "text_hash"),
    Index("ix_articles_duplicate_of", "duplicate_of"),
)

# Duplicates, near-duplicates and wire copies are relations between stored articles, never dropped rows.
article_relations = Table(
    "article_relations",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("other_id", ID, primary_key=True),
    Column("kind", String(32), primary_key=True),  # duplicate, near_duplicate, wire
    Column("score", Float),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_article_relations_other_id", "other_id"),
)

outlets = Table(
    "outlets",
    metadata,
    Column("id", ID, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("domains", _json()),
    Column("country", String(8)),
    Column("language", String(16)),
    Column("kind", String(64)),
    Column("leaning", Text),
    Column("owner", Text),
    Column("aliases", _json()),
)

# One row per analysed article: its presence says "analysed", and it holds the 5W1H main event.
analyses = Table(
    "analyses",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("main_event", _json()),
    Column("analysed_at", DateTime, nullable=False),
)

actors = Table(
    "actors",
    metadata,
    Column("actor_id", ID, primary_key=True),
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(32)),
    Column("codes", _json()),
    Column("country", String(8)),
    Column("role", String(32)),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("tone", Float),
    Column("payload", _json(), nullable=False),
    Index("ix_actors_article_id", "article_id"),
    Index("ix_actors_name", "name"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", ID, primary_key=True),
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("position", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(32)),
    Column("speaker_name", Text),
    Column("speaker_code", String(64)),
    Column("anonymous", Boolean, nullable=False, default=False),
    Column("text", Text, nullable=False),
    Column("payload", _json(), nullable=False),
    Index("ix_quotes_article_id", "article_id"),
    Index("ix_quotes_speaker_name", "speaker_name"),
)

events = Table(
    "events",
    metadata,
    Column("id", ID, primary_key=True),
    Column("cameo", String(16), nullable=False),
    Column("root", String(4)),  # the two-digit CAMEO root ("04" consult, "19" fight)
    Column("source_code", String(64)),
    Column("target_code", String(64)),
    Column("date", String(32)),  # ISO date (or date-time) as the extractor resolved it
    Column("goldstein", Float),
    Column("payload", _json(), nullable=False),
    Index("ix_events_cameo", "cameo"),
    Index("ix_events_root", "root"),
    Index("ix_events_source_code", "source_code"),
    Index("ix_events_date", "date"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("event_id", ID, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, primary_key=True),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_event_mentions_article_id", "article_id"),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("position", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("payload", _json(), nullable=False),
    Index("ix_places_article_id", "article_id"),
)

time_refs = Table(
    "time_refs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("position", Integer, nullable=False),
    Column("value", String(32)),
    Column("payload", _json(), nullable=False),
    Index("ix_time_refs_article_id", "article_id"),
)

stories = Table(
    "stories",
    metadata,
    Column("id", ID, primary_key=True),
    Column("position", Integer, nullable=False),
    Column("title", Text),
    Column("payload", _json(), nullable=False),
)

story_articles = Table(
    "story_articles",
    metadata,
    Column("story_id", ID, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("position", Integer, nullable=False, default=0),
    Index("ix_story_articles_article_id", "article_id"),
)

# One row per ingest run: what was read and what went wrong, for `crosswire list runs` / status.
runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime),
    Column("paths", _json()),
    Column("counts", _json()),
    Column("problems", _json()),
)

# MinHash fingerprints of stored articles (ingest/fingerprint.py, written by ingest/dedup.py through
# store/minhash.py): the de-duplicator looks wire copies up by band key, one query per batch, instead
# of holding an index of the whole corpus in memory. `seq` orders arrivals (earlier = the original).
minhash_signatures = Table(
    "minhash_signatures",
    metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("shingles", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Index("ix_minhash_signatures_seq", "seq"),
)

# No foreign key (it would cost a lookup per row, 32 rows per article): a band row whose article was
# deleted finds no signature (those cascade) and is ignored. SQLite keeps the rows in the key's B-tree.
minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("band_key", BigInteger, primary_key=True, autoincrement=False),
    Column("article_id", ID, primary_key=True),
    sqlite_with_rowid=False,
)

# The story grouping's state (stories/cluster.py StoryIndex as .npz bytes), one row with id 1, written
# by store/story_state.py: the next `analyze` adds only new articles to it instead of regrouping all.
story_index = Table(
    "story_index",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("saved_at", DateTime, nullable=False),
    Column("payload", LargeBinary, nullable=False),
)

# Files already ingested (store/file_cache.py): a re-run skips a file whose size and mtime (or, failing
# those, content hash) and ingest options are unchanged, without decoding it again.
ingested_files = Table(
    "ingested_files",
    metadata,
    Column("path", Text, primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("mtime_ns", BigInteger, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("options_hash", String(64), nullable=False),
    Column("articles", Integer, nullable=False),
    Column("seen_at", DateTime, nullable=False),
)

# Named counters; "generation" goes up with every data-changing write transaction (core.Store._write),
# so output writers can skip rewriting files when the store has not changed since they last wrote.
store_meta = Table(
    "store_meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)
