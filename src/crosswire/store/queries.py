"""Read-side queries over articles and events: filters, summaries, streaming.

Functions take an open Connection so the Store decides the transaction; results are streamed in
`batch_size` partitions (a server-side cursor on PostgreSQL), never loaded whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, func, select

from crosswire.model import Article, Event
from crosswire.store import codec
from crosswire.store.schema import analyses, article_relations, articles, event_mentions, events
from crosswire.store.sql import CHUNK_ROWS, chunked

DateLike = datetime | date | str | None
# Relation kinds that Article.near_duplicates stands for.
NEAR_KINDS = ("near_duplicate", "wire")
SUMMARY_COLUMNS = (
    "id",
    "outlet",
    "title",
    "published",
    "genre",
    "language",
    "word_count",
    "duplicate_of",
    "analysable",
    "source_path",
    "url",
)


def article_conditions(
    outlet: str | None = None, since: DateLike = None, until: DateLike = None
) -> list[Any]:
    """WHERE clauses for the article filters: outlet (exact name), publication window [since, until]."""
    conditions: list[Any] = []
    if outlet is not None:
        conditions.append(articles.c.outlet == outlet)
    if since is not None:
        conditions.append(articles.c.published_utc >= _bound(since, "since"))
    if until is not None:
        conditions.append(articles.c.published_utc <= _bound(until, "until"))
    return conditions


def _bound(value: DateLike, name: str) -> datetime:
    try:
        bound = codec.to_utc_naive(value)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name}={value!r} is not an ISO date or datetime") from exc
    assert bound is not None
    return bound


def _article_select() -> Select[Any]:
    # The analysis's 5W1H comes along so Article.main_event is filled once nlp has run.
    return select(articles, analyses.c.main_event.label("analysis_main_event")).outerjoin(
        analyses, analyses.c.article_id == articles.c.id
    )


def _near_duplicates(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    if not ids:
        return found
    query = (
        select(article_relations.c.article_id, article_relations.c.other_id)
        .where(article_relations.c.article_id.in_(ids), article_relations.c.kind.in_(NEAR_KINDS))
        .order_by(article_relations.c.article_id, article_relations.c.kind, article_relations.c.position)
    )
    for article_id, other_id in conn.execute(query):
        if other_id not in found[article_id]:
            found[article_id].append(other_id)
    return found


def _articles_from_rows(conn: Connection, rows: Sequence[Any]) -> list[Article]:
    near = _near_duplicates(conn, [r.id for r in rows])
    out = []
    for row in rows:
        mapping = dict(row._mapping)
        analysis_main_event = mapping.pop("analysis_main_event", None)
        out.append(codec.article_from_row(mapping, near.get(row.id), analysis_main_event))
    return out


def get_article(conn: Connection, article_id: str) -> Article | None:
    rows = conn.execute(_article_select().where(articles.c.id == article_id)).all()
    return _articles_from_rows(conn, rows)[0] if rows else None


def iter_articles(
    conn: Connection,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    ids: Iterable[str] | None = None,
    batch_size: int = CHUNK_ROWS,
) -> Iterator[Article]:
    """Articles matching the filters: by publication time (undated last), then id; or, given `ids`,
    in the order of `ids` (unknown ids skipped)."""
    conditions = article_conditions(outlet, since, until)
    if ids is not None:
        for chunk in chunked(ids, batch_size):
            rows = conn.execute(_article_select().where(articles.c.id.in_(chunk), *conditions)).all()
            by_id = {a.id: a for a in _articles_from_rows(conn, rows)}
            yield from (by_id[i] for i in dict.fromkeys(chunk) if i in by_id)
        return
    query = (
        _article_select()
        .where(*conditions)
        .order_by(articles.c.published_utc.is_(None), articles.c.published_utc, articles.c.id)
    )
    result = conn.execution_options(yield_per=batch_size).execute(query)
    for partition in result.partitions():
        yield from _articles_from_rows(conn, partition)


def _unanalysed() -> Any:
    # NOT EXISTS rather than NOT IN (ids): both backends plan it as an anti-join on the analyses key.
    done = analyses.alias("done")
    return (
        articles.c.analysable.is_(True)
        & ~select(done.c.article_id).where(done.c.article_id == articles.c.id).exists()
    )


def iter_unanalysed(
    conn: Connection, batch_size: int = CHUNK_ROWS, after: str | None = None, limit: int | None = None
) -> Iterator[Article]:
    """Analysable articles that have no analysis yet, in id order, streamed (only ids after `after`,
    at most `limit` of them, when given)."""
    # The outer join _article_select makes finds no analysis row for these: an anti-join already.
    query = (
        _article_select()
        .where(articles.c.analysable.is_(True), analyses.c.article_id.is_(None))
        .order_by(articles.c.id)
    )
    if after is not None:
        query = query.where(articles.c.id > after)
    if limit is not None:
        query = query.limit(limit)
    result = conn.execution_options(yield_per=batch_size).execute(query)
    for partition in result.partitions():
        yield from _articles_from_rows(conn, partition)


def count_unanalysed(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(articles).where(_unanalysed())).scalar_one())


def count_articles(
    conn: Connection,
    outlet: str | None = None,
    since: DateLike = None,
    until: DateLike = None,
    ids: Iterable[str] | None = None,
) -> int:
    conditions = article_conditions(outlet, since, until)
    if ids is None:
        return int(conn.execute(select(func.count()).select_from(articles).where(*conditions)).scalar_one())
    total = 0
    for chunk in chunked(dict.fromkeys(ids)):
        query = select(func.count()).select_from(articles).where(articles.c.id.in_(chunk), *conditions)
        total += int(conn.execute(query).scalar_one())
    return total


def list_articles(
    conn: Connection, limit: int = 50, offset: int = 0, outlet: str | None = None
) -> list[dict]:
    """Summary rows (no body text), newest first, for listings and the web index."""
    return [dict(row._mapping) for row in conn.execute(listing_query(limit, offset, outlet))]


def listing_query(limit: int = 50, offset: int = 0, outlet: str | None = None) -> Select[Any]:
    """`list_articles`' query. Its ORDER BY is the one migration 0007's `listing_*` indexes repeat,
    so SQLite reads a page from the index instead of sorting the table: change both together."""
    if limit < 0 or offset < 0:
        raise ValueError(f"limit and offset must be >= 0, got limit={limit}, offset={offset}")
    return (
        select(*(articles.c[name] for name in SUMMARY_COLUMNS))
        .where(*article_conditions(outlet))
        .order_by(articles.c.published_utc.is_(None), articles.c.published_utc.desc(), articles.c.id)
        .limit(limit)
        .offset(offset)
    )


def find_by_text_hash(conn: Connection, text_hash: str) -> str | None:
    """The first-stored article with this normalised-text hash (an original, not a duplicate, if any)."""
    query = (
        select(articles.c.id)
        .where(articles.c.text_hash == text_hash)
        .order_by(articles.c.duplicate_of.is_not(None), articles.c.ingested_at, articles.c.id)
        .limit(1)
    )
    return conn.execute(query).scalar_one_or_none()


def iter_known_hashes(conn: Connection, batch_size: int = 5000) -> Iterator[tuple[str, str]]:
    query = select(articles.c.id, articles.c.text_hash).order_by(articles.c.ingested_at, articles.c.id)
    for partition in conn.execution_options(yield_per=batch_size).execute(query).partitions():
        yield from ((row.id, row.text_hash) for row in partition)


def iter_events(
    conn: Connection,
    article_id: str | None = None,
    cameo: str | None = None,
    source_code: str | None = None,
    target_code: str | None = None,
    since: str | None = None,
    until: str | None = None,
    batch_size: int = CHUNK_ROWS,
) -> Iterator[Event]:
    """Events, filtered by article, CAMEO code prefix ("04" = all consult events), actor codes and
    date window (ISO strings, inclusive; `until` covers the whole of its day)."""
    query = select(events.c.payload)
    if article_id is not None:
        mentioned = select(event_mentions.c.event_id).where(event_mentions.c.article_id == article_id)
        query = query.where(events.c.id.in_(mentioned))
    if cameo is not None:
        query = query.where(events.c.cameo.startswith(cameo, autoescape=True))
    if source_code is not None:
        query = query.where(events.c.source_code == source_code)
    if target_code is not None:
        query = query.where(events.c.target_code == target_code)
    if since is not None:
        query = query.where(events.c.date >= str(since))
    if until is not None:
        # Compare on the bound's length so "2019-04-29T10:00" counts as within until="2019-04-29".
        query = query.where(func.substr(events.c.date, 1, len(str(until))) <= str(until))
    query = query.order_by(events.c.date.is_(None), events.c.date, events.c.id)
    for partition in conn.execution_options(yield_per=batch_size).execute(query).partitions():
        yield from (codec.event_from_dict(row.payload) for row in partition)
