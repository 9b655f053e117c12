"""Writing and reading what the nlp and stories stages produce: analyses, events, stories.

Functions take a Connection already inside the Store's transaction, so a batch of analyses or a new
set of stories replaces the old one completely or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, exists, select

from crosswire.model import Analysis, Event, Story
from crosswire.store import codec
from crosswire.store.engine import StoreError
from crosswire.store.schema import (
    actors,
    analyses,
    articles,
    event_mentions,
    events,
    places,
    quotes,
    stories,
    story_articles,
    time_refs,
)
from crosswire.store.sql import chunked, insert_ignore, upsert

_PER_ARTICLE = (actors, quotes, places, time_refs)


def require_articles(conn: Connection, ids: Iterable[str], what: str) -> None:
    """StoreError listing the ids that are not stored articles (rather than a bare FK violation)."""
    wanted = list(dict.fromkeys(ids))
    missing: list[str] = []
    for chunk in chunked(wanted):
        found = set(conn.execute(select(articles.c.id).where(articles.c.id.in_(chunk))).scalars())
        missing.extend(i for i in chunk if i not in found)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise StoreError(f"{what}: article ids not in the store: {shown}")


def save_analyses(conn: Connection, batch: Sequence[Analysis]) -> int:
    """Replace the stored analysis of each article in `batch` (the last one wins within a batch)."""
    by_article: dict[str, Analysis] = {}
    for analysis in batch:
        if not isinstance(analysis, Analysis):
            raise TypeError(f"save_analyses expects model.Analysis records, got {type(analysis).__name__}")
        by_article[analysis.article_id] = analysis
    ids = list(by_article)
    require_articles(conn, ids, "save_analyses")
    _delete_analyses(conn, ids)
    now = codec.utc_now()
    conn.execute(
        analyses.insert(),
        [
            {"article_id": a.article_id, "main_event": a.main_event, "analysed_at": now}
            for a in by_article.values()
        ],
    )
    rows: dict[str, list[dict[str, Any]]] = {t.name: [] for t in _PER_ARTICLE}
    event_list: list[Event] = []
    for analysis in by_article.values():
        rows["actors"].extend(_actor_row(a, analysis.article_id, i) for i, a in enumerate(analysis.actors))
        rows["quotes"].extend(_quote_row(q, analysis.article_id, i) for i, q in enumerate(analysis.quotes))
        rows["places"].extend(_place_row(p, analysis.article_id, i) for i, p in enumerate(analysis.places))
        rows["time_refs"].extend(_time_row(t, analysis.article_id, i) for i, t in enumerate(analysis.times))
        event_list.extend(analysis.events)
    for table in _PER_ARTICLE:
        # An extractor may report the same actor or quote twice; the key keeps the first.
        insert_ignore(conn, table, rows[table.name])
    save_events(conn, event_list)
    return len(by_article)


def _delete_analyses(conn: Connection, ids: Sequence[str]) -> None:
    for table in _PER_ARTICLE:
        conn.execute(delete(table).where(table.c.article_id.in_(ids)))
    old_events = list(
        conn.execute(select(event_mentions.c.event_id).where(event_mentions.c.article_id.in_(ids))).scalars()
    )
    conn.execute(delete(event_mentions).where(event_mentions.c.article_id.in_(ids)))
    # Events reported only by these articles go with them; events other articles also report stay.
    for chunk in chunked(dict.fromkeys(old_events)):
        still_mentioned = exists().where(event_mentions.c.event_id == events.c.id)
        conn.execute(delete(events).where(events.c.id.in_(chunk), ~still_mentioned))
    conn.execute(delete(analyses).where(analyses.c.article_id.in_(ids)))


def _actor_row(actor: Any, article_id: str, position: int) -> dict[str, Any]:
    return {
        "actor_id": actor.actor_id,
        "article_id": article_id,
        "position": position,
        "name": actor.name,
        "kind": actor.kind,
        "codes": list(actor.codes),
        "country": actor.country,
        "role": actor.role,
        "anonymous": bool(actor.anonymous),
        "tone": actor.tone,
        "payload": codec.payload(actor),
    }


def _quote_row(quote: Any, article_id: str, position: int) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "id": quote.id,
        "article_id": article_id,
        "position": position,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "speaker_name": speaker.name,
        "speaker_code": speaker.actor_code,
        "anonymous": bool(speaker.anonymous),
        "text": quote.text,
        "payload": codec.payload(quote),
    }


def _place_row(place: Any, article_id: str, position: int) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "position": position,
        "name": place.name,
        "country": place.country,
        "payload": codec.payload(place),
    }


def _time_row(ref: Any, article_id: str, position: int) -> dict[str, Any]:
    return {"article_id": article_id, "position": position, "value": ref.value, "payload": codec.payload(ref)}


def save_events(conn: Connection, batch: Sequence[Event], check_articles: bool = True) -> int:
    """Insert or update events (keyed by Event.id) and add their mentions."""
    by_id: dict[str, Event] = {}
    for event in batch:
        if not isinstance(event, Event):
            raise TypeError(f"save_events expects model.Event records, got {type(event).__name__}")
        by_id[event.id] = event
    if not by_id:
        return 0
    mention_rows: list[dict[str, Any]] = [
        {"event_id": event_id, "article_id": m.article_id, "start": m.start, "end": m.end, "position": i}
        for event_id, event in by_id.items()
        for i, m in enumerate(event.mentions)
    ]
    if check_articles:
        require_articles(conn, (r["article_id"] for r in mention_rows), "save_events")
    event_rows = [
        {
            "id": event_id,
            "cameo": event.cameo,
            "root": (event.cameo or "")[:2] or None,
            "source_code": event.source.code if event.source else None,
            "target_code": event.target.code if event.target else None,
            "date": event.date,
            "goldstein": event.goldstein,
            "payload": codec.payload(event),
        }
        for event_id, event in by_id.items()
    ]
    upsert(conn, events, event_rows, keys=["id"])
    insert_ignore(conn, event_mentions, mention_rows)
    return len(by_id)


def get_analysis(conn: Connection, article_id: str) -> Analysis | None:
    head = conn.execute(select(analyses).where(analyses.c.article_id == article_id)).first()
    if head is None:
        return None

    def payloads(table: Any) -> list[dict[str, Any]]:
        query = select(table.c.payload).where(table.c.article_id == article_id).order_by(table.c.position)
        return list(conn.execute(query).scalars())

    event_query = (
        select(events.c.payload)
        .join(event_mentions, event_mentions.c.event_id == events.c.id)
        .where(event_mentions.c.article_id == article_id)
        .order_by(event_mentions.c.start, event_mentions.c.position, events.c.id)
    )
    event_payloads = {codec.event_from_dict(p).id: p for p in conn.execute(event_query).scalars()}
    return Analysis(
        article_id=article_id,
        actors=[codec.actor_from_dict(p) for p in payloads(actors)],
        quotes=[codec.quote_from_dict(p) for p in payloads(quotes)],
        events=[codec.event_from_dict(p) for p in event_payloads.values()],
        places=[codec.place_from_dict(p) for p in payloads(places)],
        times=[codec.timeref_from_dict(p) for p in payloads(time_refs)],
        main_event=head.main_event,
    )


def _check_stories(items: Sequence[Story]) -> None:
    for story in items:
        if not isinstance(story, Story):
            raise TypeError(f"save_stories expects model.Story records, got {type(story).__name__}")


# Stories per insert: a story's record grows with its members (130 KB of JSON on average and 1.3 MB
# for the largest at 10,000 articles), so the store's usual 500 rows held ~65 MB of JSON and several
# times that as dicts, and a first run's driver peaked ~500 MB above its steady state.
STORY_CHUNK = 25


def _insert_stories(conn: Connection, records: Iterable[dict[str, Any]], position: dict[str, int]) -> None:
    """Insert stories given as their stored records (`codec.payload` of each Story) at their
    positions, with their article links, a chunk at a time (`records` may be streamed)."""
    for chunk in chunked(records, STORY_CHUNK):
        conn.execute(
            stories.insert(),
            [
                {"id": r["id"], "position": position[r["id"]], "title": r["title"], "payload": r}
                for r in chunk
            ],
        )
        links = [
            {"story_id": r["id"], "article_id": aid, "position": j}
            for r in chunk
            for j, aid in enumerate(dict.fromkeys(r["article_ids"]))
        ]
        for part in chunked(links):
            conn.execute(story_articles.insert(), part)


def replace_stories(conn: Connection, new: Sequence[Story]) -> int:
    """Drop every stored story and store `new` in its place (a re-run of grouping replaces all)."""
    _check_stories(new)
    require_articles(conn, (i for s in new for i in s.article_ids), "save_stories")
    conn.execute(delete(story_articles))
    conn.execute(delete(stories))
    unique = {s.id: s for s in new}
    records = (codec.payload(s) for s in unique.values())
    _insert_stories(conn, records, {sid: i for i, sid in enumerate(unique)})
    return len(unique)


def update_stories(
    conn: Connection, order: Sequence[str], changed: Sequence[str], records: Iterable[dict[str, Any]]
) -> int:
    """Make the stored stories those of `order` (every story id, in position order) while writing only
    the stories `changed` (new ones, or ones whose stored record differs), whose stored records
    (`codec.payload` of each Story, in the order of `changed`) `records` streams; any other id in
    `order` must already be stored with the right record, and only its position is updated if it moved.

    The incremental grouping's writer: after a few new articles, most stories are untouched, and
    encoding every story again cost more than the new articles' own analysis (issue #7). The result
    equals `replace_stories` with the full list (tests/test_stories_incremental.py)."""
    position = {sid: i for i, sid in enumerate(dict.fromkeys(order))}
    fresh = set(changed)
    unknown = [sid for sid in changed if sid not in position]
    if unknown:
        raise ValueError(f"update_stories: changed stories not in the order: {', '.join(unknown[:5])}")
    stored = dict(conn.execute(select(stories.c.id, stories.c.position)).all())
    missing = [sid for sid in position if sid not in stored and sid not in fresh]
    if missing:
        raise ValueError(f"update_stories: stories neither stored nor given: {', '.join(missing[:5])}")
    gone = [sid for sid in stored if sid not in position or sid in fresh]
    for chunk in chunked(gone):
        conn.execute(delete(story_articles).where(story_articles.c.story_id.in_(chunk)))
        conn.execute(delete(stories).where(stories.c.id.in_(chunk)))
    moved = [
        {"sid": sid, "pos": position[sid]}
        for sid, pos in stored.items()
        if sid in position and sid not in fresh and pos != position[sid]
    ]
    if moved:
        update = stories.update().where(stories.c.id == bindparam("sid")).values(position=bindparam("pos"))
        for chunk in chunked(moved):
            conn.execute(update, chunk)

    def checked() -> Iterator[dict[str, Any]]:
        for i, record in enumerate(records):
            if i >= len(changed) or record.get("id") != changed[i]:
                raise ValueError("update_stories: the records do not follow the changed ids")
            require_articles(conn, record["article_ids"], "save_stories")
            yield record

    _insert_stories(conn, checked(), position)
    return len(fresh)


def list_stories(conn: Connection, article_id: str | None = None) -> list[Story]:
    query = select(stories.c.payload).order_by(stories.c.position)
    if article_id is not None:
        linked = select(story_articles.c.story_id).where(story_articles.c.article_id == article_id)
        query = query.where(stories.c.id.in_(linked))
    return [codec.story_from_dict(p) for p in conn.execute(query).scalars()]


def get_story(conn: Connection, story_id: str) -> Story | None:
    found = conn.execute(select(stories.c.payload).where(stories.c.id == story_id)).scalar_one_or_none()
    return codec.story_from_dict(found) if found is not None else None
