"""Whole-store reads for the output writers, one streaming query per table instead of one per article.

Each function reads over a connection that a `Store` method opens (`Store.iter_all_analyses`, ...).

`Store.iter_analyses` reads an analysis with six small queries (it serves single articles and id
lists); a writer that needs every analysis pays that per article, which at a thousand articles was
most of an incremental run. These readers walk each table once in (article id, position) order and
assemble the same records in the same order: `iter_all_analyses` yields what `iter_analyses()`
yields, and `analysed_events` the events in the order `for a in iter_analyses() for e in a.events`
visits them, so outputs built from either are byte-identical.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from crosswire.model import Actor, Analysis, Event, Place, Quote, Story, TimeRef
from crosswire.store.codec import decoder
from crosswire.store.schema import (
    actors,
    analyses,
    articles,
    event_mentions,
    events,
    places,
    quotes,
    stories,
    time_refs,
)

BATCH = 2000
# An `ids` filter of up to PUSH_DOWN articles is applied in SQL (IN lists of IN_CHUNK ids, under every
# backend's bound-parameter limit); a larger one (a full run's fresh articles, often every article)
# keeps the single scan per table, filtered in Python, rather than dozens of IN queries.
PUSH_DOWN = 2000
IN_CHUNK = 500
TABLES = ("actors", "quotes", "events", "places", "times")


_DECODE = {
    "actors": decoder(Actor),
    "quotes": decoder(Quote),
    "events": decoder(Event),
    "places": decoder(Place),
    "times": decoder(TimeRef),
}


def analysis_stamps(conn: Connection) -> Iterator[tuple[str, str]]:
    """(article id, analysis time as ISO text) of every analysed article, in id order; a changed stamp
    means the article was analysed again."""
    query = select(analyses.c.article_id, analyses.c.analysed_at).order_by(analyses.c.article_id)
    for partition in conn.execution_options(yield_per=BATCH).execute(query).partitions():
        for article_id, analysed_at in partition:
            yield article_id, analysed_at.isoformat() if analysed_at is not None else "-"


def stored_stories(conn: Connection, ids: Iterable[str] | None = None) -> list[Story]:
    """`Store.list_stories()`, decoded with `decoder` (stories carry every fact's sentences); given
    `ids`, only those stories are read and decoded, still in position order."""
    decode = decoder(Story)
    query = select(stories.c.payload).order_by(stories.c.position)
    if ids is None:
        return [decode(payload) for payload in conn.execute(query).scalars()]
    found: list[tuple[int, Any]] = []
    for chunk in _chunks(sorted(set(ids))):
        picked = select(stories.c.position, stories.c.payload).where(stories.c.id.in_(chunk))
        found += [(position, payload) for position, payload in conn.execute(picked)]
    return [decode(payload) for _, payload in sorted(found, key=lambda row: row[0])]


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    """`ids` in slices small enough for one IN list on every backend (SQLite caps bound parameters)."""
    for i in range(0, len(ids), IN_CHUNK):
        yield ids[i : i + IN_CHUNK]


def _pushed_down(query: Any, column: Any, ids: set[str] | None) -> Iterator[Any]:
    """`query` as one statement, or, for a small `ids` set, one statement per slice of the sorted ids
    with an IN filter: the rows come in the same order (every query here is ordered by article id
    first), but only the wanted articles' rows are read instead of the whole table."""
    if ids is None or len(ids) > PUSH_DOWN:
        yield query
        return
    for chunk in _chunks(sorted(ids)):
        yield query.where(column.in_(chunk))


def _stream(conn: Connection, query: Any) -> Iterator[Any]:
    """The rows of `query`, fetched BATCH at a time."""
    for partition in conn.execution_options(yield_per=BATCH).execute(query).partitions():
        yield from partition


def article_urls(conn: Connection) -> dict[str, str]:
    """{article id: URL} for the articles that have one (no text is read)."""
    query = select(articles.c.id, articles.c.url).where(articles.c.url.is_not(None))
    return {aid: url for aid, url in conn.execute(query) if url}


def analysed_events(conn: Connection) -> Iterator[Event]:
    """Each analysed article's events (by first mention), article by article in id order, streamed."""
    query = (
        select(event_mentions.c.article_id, events.c.payload)
        .join(events, events.c.id == event_mentions.c.event_id)
        .join(analyses, analyses.c.article_id == event_mentions.c.article_id)
        .order_by(event_mentions.c.article_id, event_mentions.c.start, event_mentions.c.position, events.c.id)
    )
    current: str | None = None
    seen: set[str] = set()
    for partition in conn.execution_options(yield_per=BATCH).execute(query).partitions():
        for article_id, payload in partition:
            if article_id != current:
                current, seen = article_id, set()
            event = _DECODE["events"](payload)
            if event.id not in seen:  # an event mentioned twice in one article counts once
                seen.add(event.id)
                yield event


def _rows_by_article(conn: Connection, table: Any, only: set[str] | None) -> Iterator[tuple[str, list[Any]]]:
    """(article id, [payload, ...]) for `table`, grouped by article in id order."""
    query = select(table.c.article_id, table.c.payload).order_by(table.c.article_id, table.c.position)
    current: str | None = None
    group: list[Any] = []
    for part in _pushed_down(query, table.c.article_id, only):
        for article_id, payload in _stream(conn, part):
            if only is not None and article_id not in only:
                continue
            if article_id != current:
                if current is not None:
                    yield current, group
                current, group = article_id, []
            group.append(payload)
    if current is not None:
        yield current, group


class _Merged:
    """Payloads of one table, taken article by article as the main loop reaches each id."""

    def __init__(self, rows: Iterator[tuple[str, list[Any]]], decode: Callable[[Any], Any]) -> None:
        self.rows, self.decode = rows, decode
        self.head: tuple[str, list[Any]] | None = next(rows, None)

    def take(self, article_id: str) -> list[Any]:
        # Ids come in the same order from every query, so a row behind `article_id` belongs to an
        # article without an analysis row (written outside save_analyses): skipped, as get_analysis would.
        while self.head is not None and self.head[0] < article_id:
            self.head = next(self.rows, None)
        if self.head is None or self.head[0] != article_id:
            return []
        found = [self.decode(p) for p in self.head[1]]
        self.head = next(self.rows, None)
        return found


def iter_all_analyses(
    conn: Connection, ids: set[str] | None = None, parts: tuple[str, ...] = TABLES
) -> Iterator[Analysis]:
    """Every stored analysis (or those of `ids`), in article id order, equal to `Store.iter_analyses()`;
    only the record lists named in `parts` (of TABLES) are read, the others are left empty.

    Every table is streamed at once on one connection (several open cursors; server-side ones on
    PostgreSQL), so memory holds one partition per table, never the corpus, and an in-memory SQLite
    store, which has a single connection, works too."""
    unknown = set(parts) - set(TABLES)
    if unknown:
        raise ValueError(
            f"iter_all_analyses: unknown parts {sorted(unknown)}: choose from {', '.join(TABLES)}"
        )
    sources = {"actors": actors, "quotes": quotes, "places": places, "times": time_refs}
    tables: dict[str, _Merged] = {}
    for name in parts:
        rows = _event_rows(conn, ids) if name == "events" else _rows_by_article(conn, sources[name], ids)
        tables[name] = _Merged(rows, _DECODE[name])
    query = select(analyses.c.article_id, analyses.c.main_event).order_by(analyses.c.article_id)
    for part in _pushed_down(query, analyses.c.article_id, ids):
        for article_id, main_event in _stream(conn, part):
            if ids is not None and article_id not in ids:
                continue
            found = {name: merged.take(article_id) for name, merged in tables.items()}
            yield Analysis(article_id=article_id, main_event=main_event, **found)


def _event_rows(conn: Connection, ids: set[str] | None) -> Iterator[tuple[str, list[Any]]]:
    """(article id, [event payload, ...]) in get_analysis' order: by first mention, each event once."""
    query = (
        select(event_mentions.c.article_id, events.c.id, events.c.payload)
        .join(events, events.c.id == event_mentions.c.event_id)
        .order_by(event_mentions.c.article_id, event_mentions.c.start, event_mentions.c.position, events.c.id)
    )
    current: str | None = None
    group: dict[str, Any] = {}
    for part in _pushed_down(query, event_mentions.c.article_id, ids):
        for article_id, event_id, payload in _stream(conn, part):
            if ids is not None and article_id not in ids:
                continue
            if article_id != current:
                if current is not None:
                    yield current, list(group.values())
                current, group = article_id, {}
            group.setdefault(event_id, payload)
    if current is not None:
        yield current, list(group.values())
