"""Read-side queries the web workbench and REST API need beyond the Store's own: pages of records
with totals, per-outlet and per-month counts, actors across articles, quotes by speaker, deletion.

Functions take a Store and use its read/write transactions; results are plain dicts or model
records, so the web layer never builds SQL itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, String, Text, cast, delete, exists, func, select, text

from crosswire.model import Analysis, Article, Event, Story
from crosswire.store import analyses as analysis_store
from crosswire.store import codec, file_cache, queries
from crosswire.store.protocol import Connections
from crosswire.store.queries import DateLike
from crosswire.store.schema import actors, articles, event_mentions, events, quotes, stories, story_articles


def page_articles(
    store: Connections,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Article], int]:
    """One page of whole articles, newest first, and the number matching the filters."""
    conditions = queries.article_conditions(outlet, since, until)
    query = (
        select(articles.c.id)
        .where(*conditions)
        .order_by(articles.c.published_utc.is_(None), articles.c.published_utc.desc(), articles.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store._read("listing articles") as conn:
        ids = list(conn.execute(query).scalars())
        found = list(queries.iter_articles(conn, ids=ids)) if ids else []
        total = queries.count_articles(conn, outlet, since, until)
    return found, total


def story_moved_to(store: Connections, old_id: str) -> str | None:
    """The id of the stored story that was known as `old_id` before its members changed (its
    `previous_ids` hold it), or None. Asked only after a story id was not found."""
    if not old_id:
        return None
    query = select(stories.c.id, stories.c.payload).where(
        cast(stories.c.payload, Text).contains(old_id, autoescape=True)
    )
    with store._read("looking up a moved story") as conn:
        for story_id, payload in conn.execute(query):
            if old_id in (payload.get("previous_ids") or []):
                return str(story_id)
    return None


def article_ids_starting(store: Connections, prefix: str, limit: int = 5) -> list[str]:
    """Up to `limit` stored article ids that start with `prefix` (an id typed short), in id order."""
    query = (
        select(articles.c.id)
        .where(articles.c.id.startswith(prefix, autoescape=True))
        .order_by(articles.c.id)
        .limit(limit)
    )
    with store._read("looking up an article id") as conn:
        return list(conn.execute(query).scalars())


def article_heads(store: Connections, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, outlet, title, published} for the given ids (no body text)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    with store._read("reading article headings") as conn:
        return _article_heads(conn, wanted)


def outlet_counts(store: Connections) -> list[dict[str, Any]]:
    """[{outlet, articles}] for every outlet, largest first (undetermined outlets as None)."""
    n = func.count().label("articles")
    query = select(articles.c.outlet, n).group_by(articles.c.outlet).order_by(n.desc(), articles.c.outlet)
    with store._read("counting articles per outlet") as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def monthly_counts(store: Connections) -> list[dict[str, Any]]:
    """[{month: "2019-04", articles}] in month order; undated articles are left out."""
    if store.backend == "postgresql":
        month = func.to_char(articles.c.published_utc, "YYYY-MM")
    else:
        month = func.substr(cast(articles.c.published_utc, String), 1, 7)
    query = (
        select(month.label("month"), func.count().label("articles"))
        .where(articles.c.published_utc.is_not(None))
        .group_by(month)
        .order_by(month)
    )
    with store._read("counting articles per month") as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def story_sizes(store: Connections, limit: int = 50) -> list[dict[str, Any]]:
    """[{id, title, articles}] for the largest stories, without loading their payloads."""
    n = func.count(story_articles.c.article_id).label("articles")
    query = (
        select(stories.c.id, stories.c.title, n)
        .join(story_articles, story_articles.c.story_id == stories.c.id, isouter=True)
        .group_by(stories.c.id, stories.c.title, stories.c.position)
        .order_by(n.desc(), stories.c.position)
        .limit(limit)
    )
    with store._read("listing stories") as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def count_stories(store: Connections) -> int:
    with store._read("counting stories") as conn:
        return int(conn.execute(select(func.count()).select_from(stories)).scalar_one())


def page_quotes(
    store: Connections,
    speaker: str | None = None,
    article_id: str | None = None,
    outlet: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Quotes (the stored record plus the article's outlet, title and date), by date, with a total."""
    conditions = []
    if speaker is not None:
        conditions.append(quotes.c.speaker_name == speaker)
    if article_id is not None:
        conditions.append(quotes.c.article_id == article_id)
    if outlet is not None:
        conditions.append(articles.c.outlet == outlet)
    joined = quotes.join(articles, articles.c.id == quotes.c.article_id)
    query = (
        select(quotes.c.payload, articles.c.outlet, articles.c.title, articles.c.published)
        .select_from(joined)
        .where(*conditions)
        .order_by(
            articles.c.published_utc.is_(None),
            articles.c.published_utc,
            quotes.c.article_id,
            quotes.c.position,
        )
        .limit(limit)
        .offset(offset)
    )
    count = select(func.count()).select_from(joined).where(*conditions)
    with store._read("listing quotes") as conn:
        rows = conn.execute(query).all()
        total = int(conn.execute(count).scalar_one())
    out = []
    for row in rows:
        record = dict(row.payload)
        record["article"] = {"outlet": row.outlet, "title": row.title, "published": row.published}
        out.append(record)
    return out, total


def actor_names(
    store: Connections, prefix: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """[{name, articles}] of actors across articles, most widely reported first."""
    n = func.count(func.distinct(actors.c.article_id)).label("articles")
    query = select(actors.c.name, n).group_by(actors.c.name).order_by(n.desc(), actors.c.name)
    if prefix:
        query = query.where(actors.c.name.startswith(prefix, autoescape=True))
    with store._read("listing actors") as conn:
        return [dict(row._mapping) for row in conn.execute(query.limit(limit).offset(offset))]


def actor_profile(store: Connections, name: str, limit: int = 500) -> dict[str, Any]:
    """Everything stored about the actor called `name`: its codes, the articles mentioning it, and
    the events it takes part in (as source or target), by date."""
    with store._read("reading an actor") as conn:
        rows = conn.execute(
            select(actors.c.article_id, actors.c.payload)
            .join(articles, articles.c.id == actors.c.article_id)
            .where(actors.c.name == name)
            .order_by(articles.c.published_utc.is_(None), articles.c.published_utc)
            .limit(limit)
        ).all()
        article_ids = [row.article_id for row in rows]
        mentioned = select(event_mentions.c.event_id).where(event_mentions.c.article_id.in_(article_ids))
        found = conn.execute(
            select(events.c.payload)
            .where(events.c.id.in_(mentioned))
            .order_by(events.c.date.is_(None), events.c.date)
        ).scalars()
        coded = [codec.event_from_dict(p) for p in found]
        involved = [
            e for e in coded if e.source.name == name or (e.target is not None and e.target.name == name)
        ]
    codes: list[str] = []
    for row in rows:
        codes.extend(c for c in row.payload.get("codes") or [] if c not in codes)
    # `article_events`: every event its articles report, for a merge that sees the other reports too
    return {
        "name": name,
        "codes": codes,
        "article_ids": article_ids,
        "events": involved,
        "article_events": coded,
    }


def story_events(store: Connections, article_ids: Iterable[str]) -> list[Event]:
    """Events any of the articles reports, each once, by date (undated last)."""
    with store._read("reading a story's events") as conn:
        return _story_events(conn, list(dict.fromkeys(article_ids)))


def story_actors(store: Connections, article_ids: Iterable[str]) -> list[dict[str, Any]]:
    """[{name, codes, article_id, mentions}] for the actors of the given articles."""
    with store._read("reading a story's actors") as conn:
        return _story_actors(conn, list(dict.fromkeys(article_ids)))


def story_view(store: Connections, story_id: str) -> dict[str, Any] | None:
    """What the story page shows, read in one transaction (one connection, one snapshot): the story,
    its articles' headings (`heads`, by id), its events and its actors; None when there is no such story."""
    with store._read("reading a story") as conn:
        story = analysis_store.get_story(conn, story_id)
        if story is None:
            return None
        ids = list(dict.fromkeys(story.article_ids))
        return {
            "story": story,
            "heads": _article_heads(conn, ids),
            "events": _story_events(conn, ids),
            "actors": _story_actors(conn, ids),
        }


# The story page's reads are written as plain SQL with the ids bound as one value (a JSON array read
# by json_each on SQLite, an array on PostgreSQL): building a select() with an expanding IN list costs
# SQLAlchemy ~1 ms per query in Python, several times what SQLite takes to answer these.
def _ids_in(conn: Connection, column: str) -> str:
    if conn.dialect.name == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(:ids))"
    return f"{column} = ANY(:ids)"


def _ids_value(conn: Connection, ids: list[str]) -> Any:
    return json.dumps(ids) if conn.dialect.name == "sqlite" else list(ids)


def _article_heads(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    query = text(f"SELECT id, outlet, title, published, genre FROM articles WHERE {_ids_in(conn, 'id')}")
    return {row.id: dict(row._mapping) for row in conn.execute(query, {"ids": _ids_value(conn, ids)})}


def _story_events(conn: Connection, ids: list[str]) -> list[Event]:
    mentioned = f"SELECT event_id FROM event_mentions WHERE {_ids_in(conn, 'article_id')}"
    query = text(f"SELECT payload FROM events WHERE id IN ({mentioned})").columns(events.c.payload)
    found = [codec.event_from_dict(p) for p in conn.execute(query, {"ids": _ids_value(conn, ids)}).scalars()]
    return sorted(found, key=lambda e: (e.date is None, e.date or "", e.id))


def _story_actors(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    where = _ids_in(conn, "article_id")
    query = text(f"SELECT article_id, payload FROM actors WHERE {where}").columns(
        actors.c.article_id, actors.c.payload
    )
    return [
        {
            "article_id": row.article_id,
            "name": row.payload.get("name"),
            "codes": row.payload.get("codes") or [],
            "mentions": len(row.payload.get("mentions") or []),
        }
        for row in conn.execute(query, {"ids": _ids_value(conn, ids)})
    ]


# How a story is compared again once an article has left it: the web layer passes the stories stage's
# comparison (the store itself never imports a later stage). Given the pruned story, its remaining
# articles and their analyses, it returns the story with facts and portrayal recomputed.
Recompare = Callable[[Story, list[Article], dict[str, Analysis]], Story]


def delete_article(store: Connections, article_id: str, recompare: Recompare | None = None) -> bool:
    """Delete one article with its analysis (foreign keys cascade); events no article reports any more
    go too, and every story holding the article is rewritten without it (see `_leave_story`), all in
    one transaction. False when there was no such article."""
    holding = (
        select(stories.c.id, stories.c.position, stories.c.payload)
        .join(story_articles, story_articles.c.story_id == stories.c.id)
        .where(story_articles.c.article_id == article_id)
    )
    with store._write("deleting an article") as conn:
        held = conn.execute(holding).all()  # read before the cascade removes the links
        gone = conn.execute(delete(articles).where(articles.c.id == article_id)).rowcount
        if not gone:
            return False
        conn.execute(delete(events).where(~exists().where(event_mentions.c.event_id == events.c.id)))
        # A re-run would skip the deleted article's unchanged file; forgetting the file cache lets the
        # next ingest restore it, as re-ingesting always did.
        file_cache.forget_files(conn)
        for row in held:
            _leave_story(conn, row, article_id, recompare)
    return True


def _leave_story(conn: Connection, row: Any, article_id: str, recompare: Recompare | None) -> None:
    """Rewrite the story in `row` without `article_id`: its members, outlets and date span; each fact's
    sentences, outlets and independent outlets (a fact left with no sentence goes); the portrayal of
    outlets no longer in it; then, with `recompare`, facts and portrayal computed afresh. Story ids are
    hashes of their members, so the story is stored under its new id (at its old position), keeps the
    old one among its `previous_ids` (links to it are redirected), and other stories' `related` links
    follow; a story left with no articles is dropped."""
    old = codec.story_from_dict(row.payload)
    remaining = [i for i in old.article_ids if i != article_id]
    conn.execute(delete(stories).where(stories.c.id == row.id))  # its links cascade
    new_id: str | None = None
    if remaining:
        story = _pruned(conn, old, remaining, article_id)
        if recompare is not None:
            members = list(queries.iter_articles(conn, ids=remaining))
            found = {i: a for i in remaining if (a := analysis_store.get_analysis(conn, i)) is not None}
            story = recompare(story, members, found)
        new_id = story.id
        if new_id != row.id:  # a link to the story's old id leads here
            story = replace(story, previous_ids=sorted({*story.previous_ids, row.id} - {new_id}))
        conn.execute(
            stories.insert().values(
                id=new_id, position=row.position, title=story.title, payload=codec.payload(story)
            )
        )
        conn.execute(
            story_articles.insert(),
            [{"story_id": new_id, "article_id": aid, "position": j} for j, aid in enumerate(remaining)],
        )
    _relink(conn, row.id, new_id)


def _pruned(conn: Connection, old: Story, remaining: list[str], article_id: str) -> Story:
    heads = conn.execute(
        select(articles.c.outlet, articles.c.published_utc).where(articles.c.id.in_(remaining))
    ).all()
    outlets = sorted({h.outlet for h in heads if h.outlet})
    days = sorted(h.published_utc.date().isoformat() for h in heads if h.published_utc is not None)
    facts = []
    for fact in old.facts:
        kept = [s for s in fact.sentences if s.get("article_id") != article_id]
        if fact.sentences and not kept:
            continue  # only the deleted article reported it
        # An outlet stops reporting the fact only if none of its other articles' sentences remain.
        lost = {s.get("outlet") for s in fact.sentences if s.get("article_id") == article_id}
        lost -= {s.get("outlet") for s in kept}
        lost |= set(fact.outlets) - set(outlets)
        reported = [o for o in fact.outlets if o not in lost]
        independent = [o for o in fact.independent_outlets if o in reported]
        named = [o for o in fact.named_by if o in outlets]
        facts.append(
            replace(fact, sentences=kept, outlets=reported, independent_outlets=independent, named_by=named)
        )
    return replace(
        old,
        article_ids=remaining,
        outlets=outlets,
        date_span=(days[0], days[-1]) if days else (None, None),
        facts=facts,
        portrayal={o: tones for o, tones in old.portrayal.items() if o in outlets},
        portrayal_evidence={
            o: {a: [e for e in found if e.get("article_id") != article_id] for a, found in actors.items()}
            for o, actors in old.portrayal_evidence.items()
            if o in outlets
        },
    )


def _relink(conn: Connection, old_id: str, new_id: str | None) -> None:
    """Point other stories' `related` lists from `old_id` to `new_id` (or drop it when None)."""
    mentioning = select(stories.c.id, stories.c.payload).where(
        cast(stories.c.payload, Text).contains(old_id, autoescape=True)
    )
    for row in conn.execute(mentioning).all():
        payload = dict(row.payload)
        related = list(payload.get("related") or [])
        if old_id not in related:
            continue
        payload["related"] = [new_id if r == old_id else r for r in related if r != old_id or new_id]
        conn.execute(stories.update().where(stories.c.id == row.id).values(payload=payload))
