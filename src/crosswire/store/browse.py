"""Read-side queries the web workbench and REST API need beyond the Store's own: pages of records
with totals, per-outlet and per-month counts, actors across articles, quotes by speaker, deletion.

Functions take a Store and use its read/write transactions; results are plain dicts or model
records, so the web layer never builds SQL itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import String, cast, delete, exists, func, select

from crosswire.model import Article, Event
from crosswire.store import codec, queries
from crosswire.store.core import Store
from crosswire.store.queries import DateLike
from crosswire.store.schema import actors, articles, event_mentions, events, quotes, stories, story_articles


def page_articles(
    store: Store,
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


def article_heads(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> {id, outlet, title, published} for the given ids (no body text)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return {}
    cols = (articles.c.id, articles.c.outlet, articles.c.title, articles.c.published)
    with store._read("reading article headings") as conn:
        return {
            row.id: dict(row._mapping) for row in conn.execute(select(*cols).where(articles.c.id.in_(wanted)))
        }


def outlet_counts(store: Store) -> list[dict[str, Any]]:
    """[{outlet, articles}] for every outlet, largest first (undetermined outlets as None)."""
    n = func.count().label("articles")
    query = select(articles.c.outlet, n).group_by(articles.c.outlet).order_by(n.desc(), articles.c.outlet)
    with store._read("counting articles per outlet") as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def monthly_counts(store: Store) -> list[dict[str, Any]]:
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


def story_sizes(store: Store, limit: int = 50) -> list[dict[str, Any]]:
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


def count_stories(store: Store) -> int:
    with store._read("counting stories") as conn:
        return int(conn.execute(select(func.count()).select_from(stories)).scalar_one())


def page_quotes(
    store: Store,
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
    store: Store, prefix: str | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """[{name, articles}] of actors across articles, most widely reported first."""
    n = func.count(func.distinct(actors.c.article_id)).label("articles")
    query = select(actors.c.name, n).group_by(actors.c.name).order_by(n.desc(), actors.c.name)
    if prefix:
        query = query.where(actors.c.name.startswith(prefix, autoescape=True))
    with store._read("listing actors") as conn:
        return [dict(row._mapping) for row in conn.execute(query.limit(limit).offset(offset))]


def actor_profile(store: Store, name: str, limit: int = 500) -> dict[str, Any]:
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
        involved = [
            e
            for e in (codec.event_from_dict(p) for p in found)
            if e.source.name == name or (e.target is not None and e.target.name == name)
        ]
    codes: list[str] = []
    for row in rows:
        codes.extend(c for c in row.payload.get("codes") or [] if c not in codes)
    return {"name": name, "codes": codes, "article_ids": article_ids, "events": involved}


def story_events(store: Store, article_ids: Iterable[str]) -> list[Event]:
    """Events any of the articles reports, each once, by date (undated last)."""
    ids = list(dict.fromkeys(article_ids))
    mentioned = select(event_mentions.c.event_id).where(event_mentions.c.article_id.in_(ids))
    query = select(events.c.payload).where(events.c.id.in_(mentioned))
    with store._read("reading a story's events") as conn:
        found = [codec.event_from_dict(p) for p in conn.execute(query).scalars()]
    return sorted(found, key=lambda e: (e.date is None, e.date or "", e.id))


def story_actors(store: Store, article_ids: Iterable[str]) -> list[dict[str, Any]]:
    """[{name, codes, article_id, mentions}] for the actors of the given articles."""
    ids = list(dict.fromkeys(article_ids))
    query = select(actors.c.article_id, actors.c.payload).where(actors.c.article_id.in_(ids))
    with store._read("reading a story's actors") as conn:
        return [
            {
                "article_id": row.article_id,
                "name": row.payload.get("name"),
                "codes": row.payload.get("codes") or [],
                "mentions": len(row.payload.get("mentions") or []),
            }
            for row in conn.execute(query)
        ]


def delete_article(store: Store, article_id: str) -> bool:
    """Delete one article with its analysis (foreign keys cascade); events no article reports any more
    go too. False when there was no such article."""
    with store._write("deleting an article") as conn:
        gone = conn.execute(delete(articles).where(articles.c.id == article_id)).rowcount
        if gone:
            conn.execute(delete(events).where(~exists().where(event_mentions.c.event_id == events.c.id)))
    return bool(gone)
