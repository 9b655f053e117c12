"""JSON Lines: one article object per line, from a scraper or crosswire's own `articles.jsonl`.

Lines are read one at a time; a bad line becomes a Problem naming its line number and the rest of
the file is still read.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from crosswire.ingest.fields import genre_from_labels, outlet_name, parse_datetime, split_authors
from crosswire.ingest.html import fragment_text
from crosswire.model import Article, Problem, article_from_record

TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
PUBLISHED_FIELDS = ("published", "date", "date_publish")
UPDATED_FIELDS = ("updated", "modified")
_OWN_OUTPUT_KEYS = {"external_id", "word_count", "source_path"}  # only crosswire's own records have these


def _text(record: dict[str, Any]) -> str:
    for key in TEXT_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            # Scrapers often store the body as HTML; our own output is already plain text.
            return fragment_text(value) if "<" in value and "</" in value else value.strip()
    return ""


def _own_record(record: dict[str, Any], text: str) -> Article:
    article = article_from_record({**record, "text": text})
    # A re-read article is judged afresh by this run's de-duplication, not by the old run's.
    article.duplicate_of = None
    article.near_duplicates = []
    return article


def _string(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def record_to_article(record: dict[str, Any], context: Any) -> Article:
    """An Article from one JSON object; raises ValueError naming what is wrong with it."""
    text = _text(record)
    if not text:
        raise ValueError(f"no article text (expected one of the fields {', '.join(TEXT_FIELDS)})")
    if _OWN_OUTPUT_KEYS & record.keys():
        return _own_record(record, text)
    default_tz = getattr(context, "default_timezone", None)
    url = _string(record.get("url") or record.get("link"))
    outlet = _string(record.get("outlet") or record.get("source") or record.get("publisher"))
    sources = getattr(context, "sources", None)
    if outlet:
        # The registry's spelling wins when it knows the outlet, so one outlet gets one name.
        outlet = outlet_name(sources, name=outlet) or outlet
    else:
        outlet = outlet_name(sources, url=url)
    section = _string(record.get("section"))
    genre = _string(record.get("genre"))
    warnings: list[str] = []
    dates = {
        name: _date(record, keys, default_tz, name, warnings)
        for name, keys in (("published", PUBLISHED_FIELDS), ("updated", UPDATED_FIELDS))
    }
    return Article(
        text=text,
        title=_string(record.get("title") or record.get("headline")),
        outlet=outlet,
        url=url,
        external_id=_string(record.get("id") or record.get("guid")),
        authors=split_authors(record.get("authors") or record.get("author")),
        published=dates["published"],
        updated=dates["updated"],
        section=section,
        genre=(genre.lower() if genre else None) or genre_from_labels([section]) or "news",
        language=_string(record.get("language") or record.get("lang")),
        format="jsonl",
        warnings=warnings,
    )


def _date(
    record: dict[str, Any], keys: tuple[str, ...], default_tz: str | None, name: str, warnings: list[str]
) -> Any:
    """The record's `name` date; a value that is there but no date is left out with a warning (not
    quietly dropped, nor read as a nearby date: "99999-01-01" is not 9999-01-01)."""
    value = next((record[key] for key in keys if record.get(key)), None)
    parsed = parse_datetime(value, default_tz)
    if value is not None and parsed is None:
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        warnings.append(f"{name} {shown} is not a date crosswire can read; left out")
    return parsed


def _lines(stream: IO[bytes], limit: int | None) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over `limit`, size): an over-long line is skipped, never held whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1) if limit else stream.readline()
        if not line:
            return
        number += 1
        if limit and len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:
                chunk = stream.readline(1 << 20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, None, size
        else:
            yield number, line, len(line)


def read_jsonl(
    path: Path | str, stream: IO[bytes] | bytes, context: Any, max_record_bytes: int | None = None
) -> Iterator[Article | Problem]:
    """One Article per line holding an article object; a Problem (with line number) per bad line."""
    source = io.BytesIO(stream) if isinstance(stream, bytes | bytearray) else stream
    articles = 0
    for number, raw, size in _lines(source, max_record_bytes):
        where = f"line {number}"
        if raw is None or (max_record_bytes is not None and size > max_record_bytes + 1):
            yield Problem(str(path), f"{where}: {size:,} bytes, over the limit of {max_record_bytes:,}")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            yield Problem(str(path), f"{where}: not UTF-8 ({err.reason} at byte {err.start})")
            continue
        except json.JSONDecodeError as err:
            yield Problem(str(path), f"{where}: invalid JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(record, dict):
            yield Problem(str(path), f"{where}: expected a JSON object, got {type(record).__name__}")
            continue
        try:
            article = record_to_article(record, context)
        except (ValueError, TypeError) as err:
            yield Problem(str(path), f"{where}: {err}")
            continue
        article.source_path = str(path)
        articles += 1
        yield article
    if articles == 0:
        yield Problem(str(path), "JSONL file holds no readable article", "error")
