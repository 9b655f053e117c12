"""The report's scope queries and the story grouping's date order, over a read connection.

`report/scope.py` decides which stories a bounded briefing covers; the measures it ranks stories by
(distinct outlets, articles, latest publication) and the article orders it needs are read here, in
SQL over `story_articles` and `articles`, with no payload decoded.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, func, select

from crosswire.store.schema import articles, stories, story_articles
from crosswire.store.sql import chunked


def story_measures(conn: Connection) -> list[tuple[str, int, int, datetime | None]]:
    """(story id, distinct outlets, member articles, latest publication as naive UTC) of every stored
    story; duplicate or missing members count as articles but give no outlet or date."""
    a, links = articles, story_articles
    joined = links.outerjoin(a, and_(a.c.id == links.c.article_id, a.c.duplicate_of.is_(None)))
    query = (
        select(
            links.c.story_id,
            func.count(func.distinct(a.c.outlet)),
            func.count(links.c.article_id),
            func.max(a.c.published_utc),
        )
        .select_from(joined)
        .group_by(links.c.story_id)
    )
    return [(sid, int(n_out), int(n_art), latest) for sid, n_out, n_art, latest in conn.execute(query)]


def corpus_size(conn: Connection) -> tuple[int, int]:
    """(stories, non-duplicate articles) in the store."""
    n_stories = conn.execute(select(func.count()).select_from(stories)).scalar_one()
    n_articles = conn.execute(
        select(func.count()).select_from(articles).where(articles.c.duplicate_of.is_(None))
    ).scalar_one()
    return int(n_stories), int(n_articles)


def latest_members(conn: Connection, story_id: str, limit: int) -> set[str]:
    """The ids of story `story_id`'s `limit` latest non-duplicate articles (undated last, then id)."""
    a, links = articles, story_articles
    query = (
        select(a.c.id)
        .join(links, links.c.article_id == a.c.id)
        .where(links.c.story_id == story_id, a.c.duplicate_of.is_(None))
        .order_by(a.c.published_utc.is_(None), a.c.published_utc.desc(), a.c.id)
        .limit(limit)
    )
    return set(conn.execute(query).scalars())


def in_corpus_order(conn: Connection, ids: set[str]) -> list[str]:
    """`ids` (non-duplicate articles only) in `Store.iter_articles()` order: by publication time,
    undated last, then id."""
    a = articles
    rows: list[tuple[bool, Any, str]] = []
    for chunk in chunked(sorted(ids), 500):
        query = select(a.c.published_utc, a.c.id).where(a.c.id.in_(chunk), a.c.duplicate_of.is_(None))
        rows += [(p is None, p or datetime.min, i) for p, i in conn.execute(query)]
    return [i for _, _, i in sorted(rows)]


def publication_dates(conn: Connection) -> list[tuple[str, str | None]]:
    """(article id, publication date as stored, ISO text or None) of every article."""
    return [
        (article_id, published)
        for article_id, published in conn.execute(select(articles.c.id, articles.c.published))
    ]
