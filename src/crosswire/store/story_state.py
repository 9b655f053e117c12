"""The story grouping's saved state in the store: one `story_index` row holding StoryIndex bytes.

The store treats the payload as opaque bytes (stories/cluster.py `StoryIndex.to_bytes` makes them), so
the grouping's internals can change without a migration; a payload the grouping no longer reads is
simply replaced by a fresh regroup. `article_states` tells the grouping what changed without reading
any article's text: one small row per article. `save_stories_with_index` writes the stories and the state in one
transaction, so a crash never leaves stories that disagree with the state that produced them.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, delete, select

from crosswire.model import Story
from crosswire.store import analyses as analysis_store
from crosswire.store import codec
from crosswire.store.protocol import Connections
from crosswire.store.schema import analyses, articles, stories, story_articles, story_index
from crosswire.store.sql import chunked, upsert

ROW_ID = 1  # one grouping state per store


def load_story_index(store: Connections) -> bytes | None:
    """The saved StoryIndex bytes, or None when the store has none yet."""
    with store._read("reading the story index") as conn:
        found = conn.execute(select(story_index.c.payload).where(story_index.c.id == ROW_ID)).scalar()
    return bytes(found) if found is not None else None


def save_story_index(store: Connections, payload: bytes) -> None:
    """Replace the saved StoryIndex bytes."""
    with store._write("saving the story index") as conn:
        _put(conn, payload)


def clear_story_index(store: Connections) -> None:
    """Forget the saved state: the next grouping starts from scratch."""
    with store._write("clearing the story index") as conn:
        conn.execute(delete(story_index))


def save_stories_with_index(store: Connections, stories: Sequence[Story], payload: bytes) -> int:
    """Replace the stored stories and the StoryIndex bytes together, in one transaction."""
    with store._write("saving stories") as conn:
        saved = analysis_store.replace_stories(conn, list(stories))
        _put(conn, payload)
    return saved


def save_story_changes(
    store: Connections, order: Sequence[str], changed: Iterable[Story], payload: bytes
) -> int:
    """The incremental form of `save_stories_with_index`: the stored stories become those of `order`
    (ids in position order), writing only the `changed` ones (`analyses.update_stories`), in one
    transaction with the StoryIndex bytes.

    `changed` may be a generator that compares each story as it is asked for: each story is encoded
    and spilled to a temporary file at once, so memory never holds every story's facts (a first run
    writes them all: at 10,000 articles they took about 450 MB as objects), and the write
    transaction, which blocks other writers on SQLite, does not wait on the comparisons."""
    ids: list[str] = []
    with tempfile.TemporaryFile() as spill:
        for story in changed:
            if not isinstance(story, Story):
                raise TypeError(f"save_stories expects model.Story records, got {type(story).__name__}")
            ids.append(story.id)
            spill.write(json.dumps(codec.payload(story), ensure_ascii=False).encode("utf-8") + b"\n")
        spill.seek(0)
        records = (json.loads(line) for line in spill)
        with store._write("saving stories") as conn:
            saved = analysis_store.update_stories(conn, order, ids, records)
            _put(conn, payload)
    return saved


def iter_story_records(
    store: Connections, batch_size: int = analysis_store.STORY_CHUNK, ids: Sequence[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Each stored story's record as plain JSON values, in story order, streamed `batch_size` at a
    time (only the stories `ids`, when given, and then in no set order)."""
    query = select(stories.c.payload).order_by(stories.c.position)
    with store._read("reading stored stories") as conn:
        if ids is not None:
            for chunk in chunked(list(dict.fromkeys(ids)), batch_size):
                for (record,) in conn.execute(query.where(stories.c.id.in_(chunk))):
                    yield dict(record)
            return
        for partition in conn.execution_options(yield_per=batch_size).execute(query).partitions():
            for (record,) in partition:
                yield dict(record)


def story_ids(store: Connections) -> set[str]:
    """The ids of the stored stories (no record read)."""
    with store._read("listing stories") as conn:
        return set(conn.execute(select(stories.c.id)).scalars())


def story_members(store: Connections) -> dict[str, list[str]]:
    """{story id: its article ids} of every stored story, from the link table (no record read)."""
    members: dict[str, list[str]] = {}
    query = select(story_articles.c.story_id, story_articles.c.article_id).order_by(
        story_articles.c.story_id, story_articles.c.position
    )
    with store._read("listing story members") as conn:
        for story_id, article_id in conn.execute(query):
            members.setdefault(story_id, []).append(article_id)
    return members


def _put(conn: Connection, payload: bytes) -> None:
    if not isinstance(payload, bytes | bytearray | memoryview):
        raise TypeError(f"save_story_index expects bytes, got {type(payload).__name__}")
    row = {"id": ROW_ID, "saved_at": codec.utc_now(), "payload": bytes(payload)}
    upsert(conn, story_index, [row], keys=["id"])


def article_states(store: Connections, batch_size: int = 5000) -> Iterator[tuple[str, str]]:
    """(id, state) of every stored article that is not a duplicate, streamed in id order.

    The state joins the article's record hash (any stored field changed) with the time of its analysis
    (analysed again), so comparing states tells the grouping which articles it must look at again
    without decoding a single article or analysis."""
    query = (
        select(articles.c.id, articles.c.record_hash, analyses.c.analysed_at)
        .outerjoin(analyses, analyses.c.article_id == articles.c.id)
        .where(articles.c.duplicate_of.is_(None))
        .order_by(articles.c.id)
    )
    with store._read("reading article states") as conn:
        result = conn.execution_options(yield_per=batch_size).execute(query)
        for partition in result.partitions():
            for article_id, record_hash, analysed_at in partition:
                when = analysed_at.isoformat() if analysed_at is not None else "-"
                yield article_id, f"{record_hash or '-'}/{when}"
