"""Converting between model dataclasses and store rows.

Extracted records (actors, quotes, events, places, time references, stories) are stored as
`model.to_dict(record)` payloads and rebuilt with `from_dict`, which reads the dataclass's own type
hints; so a field someone adds to model.py later round-trips without any change here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, TypeVar, Union

from crosswire import model
from crosswire.model import Actor, Article, Event, Outlet, Place, Quote, Story, TimeRef

T = TypeVar("T")

# Article columns filled straight from the record (the rest are derived: *_utc, hashes, times).
_ARTICLE_FIELDS = (
    "external_id",
    "source_path",
    "url",
    "outlet",
    "title",
    "authors",
    "author_roles",
    "published",
    "updated",
    "section",
    "genre",
    "language",
    "text",
    "captions",
    "duplicate_of",
    "analysable",
    "warnings",
    "main_event",
    "format",
)


_TEXT_COLUMNS = (
    "external_id",
    "source_path",
    "url",
    "outlet",
    "title",
    "section",
    "genre",
    "language",
    "text",
    "format",
)


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild dataclass `cls` from `to_dict` output; unknown keys (derived properties like `id`)
    are ignored, missing ones take the field's default."""
    if not isinstance(data, dict):
        raise TypeError(f"cannot rebuild {cls.__name__} from {type(data).__name__}: expected an object")
    return typing.cast(T, decoder(typing.cast(Any, cls))(data))


# Walking the type hints again for every value made decoding every analysis of a corpus most of the
# report's time, so `decoder(tp)` works the walk out once per type and returns a function. The rules:
# None stays None, a union's dataclass option first for an object, lists/tuples/dicts element-wise,
# ISO dates parsed, ints widened where a float is hinted.


@cache
def decoder(tp: Any) -> Callable[[Any], Any]:
    """A function turning `to_dict` output back into `tp` (the one decoder of stored payloads)."""
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


def actor_from_dict(data: dict[str, Any]) -> Actor:
    return from_dict(Actor, data)


def quote_from_dict(data: dict[str, Any]) -> Quote:
    return from_dict(Quote, data)


def event_from_dict(data: dict[str, Any]) -> Event:
    return from_dict(Event, data)


def place_from_dict(data: dict[str, Any]) -> Place:
    return from_dict(Place, data)


def timeref_from_dict(data: dict[str, Any]) -> TimeRef:
    return from_dict(TimeRef, data)


def story_from_dict(data: dict[str, Any]) -> Story:
    return from_dict(Story, data)


def outlet_from_dict(data: dict[str, Any]) -> Outlet:
    return from_dict(Outlet, data)


def to_utc_naive(value: datetime | date | str | None) -> datetime | None:
    """A naive UTC datetime for comparisons; naive inputs are taken to be UTC already."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):  # a date: its midnight
        value = datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        try:
            value = value.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:  # 9999-12-31T23:59-23:59 is past the calendar's end in UTC: sort it last
            return datetime.max if value.year > 1 else datetime.min
    return value


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def article_row(article: Article) -> dict[str, Any]:
    """The `articles` row for an Article, without `ingested_at` (set when first stored)."""
    if not isinstance(article, Article):
        raise TypeError(f"save_articles expects model.Article records, got {type(article).__name__}")
    row: dict[str, Any] = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    for name in _TEXT_COLUMNS:
        # PostgreSQL text cannot hold U+0000 (SQLite can); refuse it on both so they behave the same.
        if isinstance(row[name], str) and "\x00" in row[name]:
            where = article.source_path or article.url or article.title or "an article"
            raise ValueError(f"{where}: {name} contains NUL (U+0000) characters, which the store cannot hold")
    row["id"] = article.id
    row["authors"] = list(article.authors)
    row["author_roles"] = dict(article.author_roles)
    row["captions"] = list(article.captions)
    row["warnings"] = list(article.warnings)
    row["analysable"] = bool(article.analysable)
    row["published"] = article.published.isoformat() if article.published else None
    row["updated"] = article.updated.isoformat() if article.updated else None
    row["published_utc"] = to_utc_naive(article.published)
    row["updated_utc"] = to_utc_naive(article.updated)
    row["word_count"] = article.word_count
    row["text_hash"] = article.text_hash
    # near_duplicates live in article_relations, but a change to them is still a change to the record.
    row["record_hash"] = _record_hash(row, article.near_duplicates)
    return row


def _record_hash(row: dict[str, Any], near_duplicates: list[str]) -> str:
    payload = json.dumps([row, near_duplicates], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def relation_rows(article: Article, article_id: str) -> list[dict[str, Any]]:
    """article_relations rows for the duplicate links an Article carries (set by ingest's dedup)."""
    rows = []
    if article.duplicate_of:
        rows.append(
            {
                "article_id": article_id,
                "other_id": article.duplicate_of,
                "kind": "duplicate",
                "score": 1.0,
                "position": 0,
            }
        )
    for position, other in enumerate(dict.fromkeys(article.near_duplicates)):
        rows.append(
            {
                "article_id": article_id,
                "other_id": other,
                "kind": "near_duplicate",
                "score": None,
                "position": position,
            }
        )
    return rows


def article_from_row(row: Any, near_duplicates: list[str] | None = None, main_event: Any = None) -> Article:
    """An Article from an `articles` row (a RowMapping or dict); the analysis's 5W1H fills in
    `main_event` when the ingested record had none."""
    rec = dict(row)
    rec["near_duplicates"] = near_duplicates or []
    if rec.get("main_event") is None and main_event is not None:
        rec["main_event"] = main_event
    article = model.article_from_record(rec)
    article.analysable = bool(rec.get("analysable", True))
    return article


def payload(record: Any) -> dict[str, Any]:
    return model.to_dict(record)
