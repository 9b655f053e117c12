"""Articles as tables: CSV for spreadsheets, Parquet (typed columns) for DuckDB, pandas and Arrow.

Both writers stream: CSV row by row, Parquet in record batches, so exporting a large store never
holds more than one batch of articles in memory. The column set is the `articles.jsonl` contract
(docs/output-format.md, "CSV and Parquet").
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.export.cells import spreadsheet_safe
from crosswire.model import Article, article_record

# Fields that are lists of plain values (names, hex ids): joined with "; " in CSV. None of these
# values contains "; " (ids are hex, author names are names), so the join can be split back.
JOINED_LISTS = ("authors", "near_duplicates")
# Fields whose values may contain any text (captions) or nested objects: JSON strings in CSV.
JSON_FIELDS = ("captions", "main_event")
LIST_SEPARATOR = "; "

COLUMNS = (
    "id",
    "external_id",
    "source_path",
    "url",
    "outlet",
    "title",
    "authors",
    "published",
    "updated",
    "genre",
    "section",
    "language",
    "text",
    "word_count",
    "duplicate_of",
    "near_duplicates",
    "captions",
    "main_event",
)

PARQUET_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("external_id", pa.string()),
        ("source_path", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("authors", pa.list_(pa.string())),
        # Arrow keeps one time zone per column, so instants are stored in UTC and the offset the
        # outlet printed ("+09:00" for KST) is kept beside them in the *_local ISO string.
        ("published", pa.timestamp("us", tz="UTC")),
        ("published_local", pa.string()),
        ("updated", pa.timestamp("us", tz="UTC")),
        ("updated_local", pa.string()),
        ("genre", pa.string()),
        ("section", pa.string()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("word_count", pa.int32()),
        ("duplicate_of", pa.string()),
        ("near_duplicates", pa.list_(pa.string())),
        ("captions", pa.list_(pa.string())),
        ("main_event", pa.string()),
    ]
)


def csv_row(article: Article) -> dict[str, Any]:
    """One CSV row: lists of names/ids '; '-joined, captions and main_event as JSON, nulls empty."""
    record = article_record(article)
    row: dict[str, Any] = {}
    for name in COLUMNS:
        value = record.get(name)
        if name in JOINED_LISTS:
            row[name] = LIST_SEPARATOR.join(str(v) for v in value or [])
        elif name in JSON_FIELDS:
            row[name] = "" if value is None else json.dumps(value, ensure_ascii=False)
        else:
            row[name] = "" if value is None else value
    return {name: spreadsheet_safe(value) for name, value in row.items()}


def write_articles_csv(articles: Iterable[Article], path: str | os.PathLike[str]) -> int:
    """Write one CSV row per article (UTF-8, header row, RFC 4180 quoting); returns the row count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(COLUMNS), quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for article in articles:
            writer.writerow(csv_row(article))
            count += 1
    tmp.replace(path)
    return count


def _utc(value: datetime | None) -> datetime | None:
    # A reader that found a date but no zone leaves it naive; Arrow would read that as UTC anyway,
    # so say so explicitly rather than depend on the library's default.
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parquet_row(article: Article) -> dict[str, Any]:
    record = article_record(article)
    row = {name: record.get(name) for name in COLUMNS}
    row["published"] = _utc(article.published)
    row["published_local"] = record["published"]
    row["updated"] = _utc(article.updated)
    row["updated_local"] = record["updated"]
    row["main_event"] = (
        None if record["main_event"] is None else json.dumps(record["main_event"], ensure_ascii=False)
    )
    return row


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for article in articles:
        batch.append(parquet_row(article))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_articles_parquet(
    articles: Iterable[Article], path: str | os.PathLike[str], batch_size: int = 1000
) -> int:
    """Write articles to Parquet (zstd) in record batches of `batch_size`; returns the row count."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with pq.ParquetWriter(tmp, PARQUET_SCHEMA, compression="zstd") as writer:
        for batch in _batches(articles, batch_size):
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=PARQUET_SCHEMA))
            count += len(batch)
    tmp.replace(path)
    return count
