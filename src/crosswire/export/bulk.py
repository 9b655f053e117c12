"""Whole-store reads for the output writers, one streaming query per table instead of one per article.

`Store.iter_analyses` reads an analysis with six small queries (it serves single articles and id
lists); a writer that needs every analysis pays that per article, which at a thousand articles was
most of an incremental run. These readers walk each table once in (article id, position) order and
assemble the same records in the same order: `iter_all_analyses` yields what `iter_analyses()`
yields, and `analysed_events` the events in the order `for a in iter_analyses() for e in a.events`
visits them, so outputs built from either are byte-identical.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from functools import cache
from typing import Any, Union

from sqlalchemy import select

from crosswire import model
from crosswire.model import Actor, Analysis, Event, Place, Quote, Story, TimeRef
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


# -- decoding ---------------------------------------------------------------------------------------
# codec.from_dict walks the type hints again for every value; decoding every analysis of a corpus
# that way was most of the report's time. `decoder(cls)` works the walk out once per type and returns
# a function with codec._decode's exact rules (None stays None, a union's dataclass option first for
# an object, lists/tuples/dicts element-wise, ISO dates parsed, ints widened where a float is hinted).


@cache
def decoder(tp: Any) -> Callable[[Any], Any]:
    """A function turning `to_dict` output back into `tp`, equal to `codec._decode(tp, value)`."""
    if tp is Any:
        return _same
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        record: Any = next((o for o in options if dataclasses.is_dataclass(o)), None)
        inner = decoder(options[0]) if len(options) == 1 else _same
        record_decoder = decoder(record) if record is not None else None

        def union(value: Any) -> Any:
            if value is None:
                return None
            if record_decoder is not None and isinstance(value, dict):
                return record_decoder(value)
            return inner(value)

        return union
    if origin is list:
        item = decoder(args[0]) if args else _same
        if item is _same:
            return lambda value: None if value is None else list(value)
        return lambda value: None if value is None else [item(v) for v in value]
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            each = decoder(args[0])
            return lambda value: None if value is None else tuple(each(v) for v in value)
        parts = [decoder(a) for a in args]
        if not parts:
            return lambda value: None if value is None else tuple(value)
        if all(d is _same for d in parts):  # (int, int) spans: zip would cut to len(parts), so does this
            n = len(parts)
            return lambda value: None if value is None else tuple(value)[:n]
        return lambda value: (
            None if value is None else tuple(d(v) for d, v in zip(parts, value, strict=False))
        )
    if origin is dict:
        entry = decoder(args[1]) if args else _same
        return lambda value: None if value is None else {k: entry(v) for k, v in value.items()}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    if tp is datetime:
        return lambda value: datetime.fromisoformat(value) if isinstance(value, str) else value
    if tp is date:
        return lambda value: date.fromisoformat(value) if isinstance(value, str) else value
    if tp is float:
        return lambda value: float(value) if isinstance(value, int) and not isinstance(value, bool) else value
    return _same


def _same(value: Any) -> Any:
    return value


def _record_decoder(cls: Any) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls, vars(model))
    fields: list[tuple[str, Callable[[Any], Any]]] = []

    def decode(data: Any) -> Any:
        if data is None:
            return None
        if not isinstance(data, dict):
            raise TypeError(f"cannot rebuild {cls.__name__} from {type(data).__name__}: expected an object")
        if not fields:  # filled on first use: a record type may refer to itself
            fields.extend((f.name, decoder(hints[f.name])) for f in dataclasses.fields(cls))
        return cls(**{name: dec(data[name]) for name, dec in fields if name in data})

    return decode


_DECODE = {
    "actors": decoder(Actor),
    "quotes": decoder(Quote),
    "events": decoder(Event),
    "places": decoder(Place),
    "times": decoder(TimeRef),
}


def analysis_stamps(store: Any) -> Iterator[tuple[str, str]]:
    """(article id, analysis time as ISO text) of every analysed article, in id order; a changed stamp
    means the article was analysed again."""
    query = select(analyses.c.article_id, analyses.c.analysed_at).order_by(analyses.c.article_id)
    with store._read("reading analysis times") as conn:
        for partition in conn.execution_options(yield_per=BATCH).execute(query).partitions():
            for article_id, analysed_at in partition:
                yield article_id, analysed_at.isoformat() if analysed_at is not None else "-"


def stored_stories(store: Any, ids: Iterable[str] | None = None) -> list[Story]:
    """`Store.list_stories()`, decoded with `decoder` (stories carry every fact's sentences); given
    `ids`, only those stories are read and decoded, still in position order."""
    decode = decoder(Story)
    query = select(stories.c.payload).order_by(stories.c.position)
    with store._read("reading stories") as conn:
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


def _stream(conn: Any, query: Any) -> Iterator[Any]:
    """The rows of `query`, fetched BATCH at a time."""
    for partition in conn.execution_options(yield_per=BATCH).execute(query).partitions():
        yield from partition


def article_urls(store: Any) -> dict[str, str]:
    """{article id: URL} for the articles that have one (no text is read)."""
    query = select(articles.c.id, articles.c.url).where(articles.c.url.is_not(None))
    with store._read("reading article URLs") as conn:
        return {aid: url for aid, url in conn.execute(query) if url}


def analysed_events(store: Any) -> Iterator[Event]:
    """Each analysed article's events (by first mention), article by article in id order, streamed."""
    query = (
        select(event_mentions.c.article_id, events.c.payload)
        .join(events, events.c.id == event_mentions.c.event_id)
        .join(analyses, analyses.c.article_id == event_mentions.c.article_id)
        .order_by(event_mentions.c.article_id, event_mentions.c.start, event_mentions.c.position, events.c.id)
    )
    current: str | None = None
    seen: set[str] = set()
    with store._read("reading events") as conn:
        for partition in conn.execution_options(yield_per=BATCH).execute(query).partitions():
            for article_id, payload in partition:
                if article_id != current:
                    current, seen = article_id, set()
                event = _DECODE["events"](payload)
                if event.id not in seen:  # an event mentioned twice in one article counts once
                    seen.add(event.id)
                    yield event


def _rows_by_article(conn: Any, table: Any, only: set[str] | None) -> Iterator[tuple[str, list[Any]]]:
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
    store: Any, ids: set[str] | None = None, parts: tuple[str, ...] = TABLES
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
    with store._read("reading analyses") as conn:
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


def _event_rows(conn: Any, ids: set[str] | None) -> Iterator[tuple[str, list[Any]]]:
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
