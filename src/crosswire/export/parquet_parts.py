"""The results as a partitioned Parquet dataset: `crosswire analyze ... --parquet DIR`.

    DIR/_crosswire.json                                     what was written: tables, row counts, layout
    DIR/articles/month=2019-04/outlet_slug=the-hankyoreh/part-<batch>.parquet
    DIR/actors/...   DIR/quotes/...   DIR/events/...        partitioned like articles, by their article
    DIR/stories/part-<batch>.parquet                         stories span outlets and months: one folder

Hive-style partitions (`key=value` folders) are read as columns by DuckDB (`hive_partitioning`),
pyarrow.dataset, Spark and pandas. `month` is the publication month as the outlet printed it
(`YYYY-MM`, or `unknown`); `outlet_slug` is the outlet name in lower case with every run of other
characters made one `-` (`unknown` without an outlet). The exact outlet name is a column of every
file, so two outlets that share a slug are still told apart.

The store is streamed in batches of `batch_size` articles; each batch writes one file per
partition it touches, named after the batch's content (`part-<hash of its article ids>`), so no two
batches ever write the same file and the same store always gives the same files. A run replaces the
dataset whole: it is written beside the old one (`DIR/.staging-*`) and swapped in table by table at
the end. A folder that is not a crosswire dataset is never overwritten. Schemas: `SCHEMAS` below and
docs/output-format.md, "Partitioned Parquet".
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.errors import CrosswireError
from crosswire.export.tables import PARQUET_SCHEMA as ARTICLE_SCHEMA
from crosswire.export.tables import parquet_row
from crosswire.model import Analysis, Article, Event, Story, stable_id
from crosswire.store import Store

FORMAT = "crosswire-parquet"
VERSION = 1
MARKER = "_crosswire.json"
PARTITIONING = ("month", "outlet_slug")
TABLES = ("articles", "actors", "quotes", "events", "stories")

_SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
_MENTION = pa.struct(
    [("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()), ("kind", pa.string())]
)
_EVENT_MENTION = pa.struct(
    [
        ("start", pa.int32()), ("end", pa.int32()), ("sentence", pa.string()), ("outlet", pa.string()),
        ("status", pa.string()), ("negated", pa.bool_()), ("date", pa.string()), ("date_end", pa.string()),
        ("date_source", pa.string()),
    ]
)  # fmt: skip
_STRINGS = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLE_SCHEMA,
    "actors": pa.schema(
        [
            ("article_id", pa.string()), ("actor_id", pa.string()), ("position", pa.int32()),
            ("outlet", pa.string()), ("name", pa.string()), ("kind", pa.string()), ("codes", _STRINGS),
            ("country", pa.string()), ("role", pa.string()), ("title", pa.string()),
            ("anonymous", pa.bool_()), ("description", pa.string()), ("former", pa.bool_()),
            ("tone", pa.float64()), ("labels", _STRINGS), ("code_evidence", _STRINGS),
            ("mentions", pa.list_(_MENTION)), ("evidence", pa.list_(_SPAN)),
        ]
    ),
    "quotes": pa.schema(
        [
            ("id", pa.string()), ("article_id", pa.string()), ("position", pa.int32()),
            ("outlet", pa.string()), ("text", pa.string()), ("start", pa.int32()), ("end", pa.int32()),
            ("spans", pa.list_(pa.list_(pa.int32()))), ("kind", pa.string()), ("cue", pa.string()),
            ("speaker_mention", pa.string()), ("speaker_name", pa.string()),
            ("speaker_actor_code", pa.string()), ("speaker_actor_id", pa.string()),
            ("speaker_anonymous", pa.bool_()), ("speaker_description", pa.string()),
            ("speaker_start", pa.int32()), ("speaker_end", pa.int32()), ("reported_via", pa.string()),
        ]
    ),
    "events": pa.schema(
        [
            ("id", pa.string()), ("article_id", pa.string()), ("outlet", pa.string()),
            ("cameo", pa.string()), ("root", pa.string()), ("plover", pa.string()), ("mode", pa.string()),
            ("goldstein", pa.float64()), ("date", pa.string()), ("date_precision", pa.string()),
            ("date_end", pa.string()), ("date_source", pa.string()), ("reported_on", pa.string()),
            ("status", pa.string()),
            ("source_name", pa.string()), ("source_code", pa.string()), ("source_actor_id", pa.string()),
            ("target_name", pa.string()), ("target_code", pa.string()), ("target_actor_id", pa.string()),
            ("place_name", pa.string()), ("place_country", pa.string()),
            ("place_lat", pa.float64()), ("place_lon", pa.float64()),
            ("claim_by", pa.string()), ("negated", pa.bool_()), ("rule", pa.string()),
            ("confidence", pa.float64()), ("mentions", pa.list_(_EVENT_MENTION)),
        ]
    ),
    "stories": pa.schema(
        [
            ("id", pa.string()), ("position", pa.int32()), ("title", pa.string()),
            ("article_ids", _STRINGS), ("outlets", _STRINGS), ("date_start", pa.string()),
            ("date_end", pa.string()), ("related", _STRINGS), ("facts", pa.int32()),
        ]
    ),
}  # fmt: skip


class DatasetError(CrosswireError, ValueError):
    """The Parquet folder cannot be written (or is not a crosswire dataset)."""

    exit_code = 2  # the user named a folder that cannot hold the dataset


def outlet_slug(outlet: str | None) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (outlet or "").lower()).strip("-")[:60]
    return slug or "unknown"


def month_of(article: Article) -> str:
    # The month as the outlet printed the date: a Seoul paper's 1 May 00:30 KST is a May article.
    return article.published.strftime("%Y-%m") if article.published else "unknown"


def partition_path(article: Article) -> str:
    return f"month={month_of(article)}/outlet_slug={outlet_slug(article.outlet)}"


def _spans(spans: Iterable[Any]) -> list[dict[str, Any]]:
    return [{"start": s.start, "end": s.end, "text": s.text} for s in spans]


def actor_rows(analysis: Analysis, outlet: str | None) -> Iterator[dict[str, Any]]:
    for position, actor in enumerate(analysis.actors):
        yield {
            "article_id": actor.article_id, "actor_id": actor.actor_id, "position": position,
            "outlet": outlet, "name": actor.name, "kind": actor.kind, "codes": list(actor.codes),
            "country": actor.country, "role": actor.role, "title": actor.title,
            "anonymous": actor.anonymous, "description": actor.description, "former": actor.former,
            "tone": actor.tone, "labels": list(actor.labels), "code_evidence": list(actor.code_evidence),
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind} for m in actor.mentions
            ],
            "evidence": _spans(actor.evidence),
        }  # fmt: skip


def quote_rows(analysis: Analysis, outlet: str | None) -> Iterator[dict[str, Any]]:
    for position, quote in enumerate(analysis.quotes):
        speaker = quote.speaker
        yield {
            "id": quote.id, "article_id": quote.article_id, "position": position, "outlet": outlet,
            "text": quote.text, "start": quote.start, "end": quote.end,
            "spans": [list(span) for span in quote.spans], "kind": quote.kind, "cue": quote.cue,
            "speaker_mention": speaker.mention, "speaker_name": speaker.name,
            "speaker_actor_code": speaker.actor_code, "speaker_actor_id": speaker.actor_id,
            "speaker_anonymous": speaker.anonymous, "speaker_description": speaker.description,
            "speaker_start": speaker.start, "speaker_end": speaker.end,
            "reported_via": quote.reported_via,
        }  # fmt: skip


def event_row(event: Event, article_id: str, outlet: str | None) -> dict[str, Any]:
    """One event as one article reports it (the store's events are merged across articles only in
    `events.jsonl`; here each row belongs to the article whose partition it sits in)."""
    source, target, place = event.source, event.target, event.place
    return {
        "id": event.id, "article_id": article_id, "outlet": outlet, "cameo": event.cameo,
        "root": (event.cameo or "")[:2] or None, "plover": event.plover, "mode": event.mode,
        "goldstein": event.goldstein, "date": event.date, "date_precision": event.date_precision,
        "date_end": event.date_end, "date_source": event.date_source, "reported_on": event.reported_on,
        "status": event.status,
        "source_name": source.name if source else None, "source_code": source.code if source else None,
        "source_actor_id": source.actor_id if source else None,
        "target_name": target.name if target else None, "target_code": target.code if target else None,
        "target_actor_id": target.actor_id if target else None,
        "place_name": place.name if place else None, "place_country": place.country if place else None,
        "place_lat": place.lat if place else None, "place_lon": place.lon if place else None,
        "claim_by": event.claim_by, "negated": event.negated, "rule": event.rule,
        "confidence": event.confidence,
        "mentions": [
            {
                "start": m.start, "end": m.end, "sentence": m.sentence, "outlet": m.outlet,
                "status": m.status, "negated": m.negated, "date": m.date, "date_end": m.date_end,
                "date_source": m.date_source,
            }
            for m in event.mentions
            if m.article_id == article_id
        ],
    }  # fmt: skip


def story_row(story: Story, position: int) -> dict[str, Any]:
    start, end = (list(story.date_span) + [None, None])[:2]
    return {
        "id": story.id, "position": position, "title": story.title,
        "article_ids": list(story.article_ids), "outlets": list(story.outlets),
        "date_start": start, "date_end": end, "related": list(story.related), "facts": len(story.facts),
    }  # fmt: skip


def _write(rows: list[dict[str, Any]], table: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), path, compression="zstd")


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_batch(store: Store, articles: list[Article], root: Path) -> dict[str, int]:
    """One batch: its articles and their analyses, one file per table per partition touched."""
    name = f"part-{stable_id('parquet-batch', *(a.id for a in articles))}.parquet"
    analyses = {a.article_id: a for a in store.iter_analyses(ids=[a.id for a in articles])}
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for article in articles:
        part = partition_path(article)
        rows["articles", part].append(parquet_row(article))
        analysis = analyses.get(article.id)
        if analysis is None:
            continue  # not analysable (another language) or not analysed yet: the article alone
        rows["actors", part].extend(actor_rows(analysis, article.outlet))
        rows["quotes", part].extend(quote_rows(analysis, article.outlet))
        rows["events", part].extend(event_row(e, article.id, article.outlet) for e in analysis.events)
    counts: dict[str, int] = defaultdict(int)
    for (table, part), found in sorted(rows.items()):
        if found:
            _write(found, table, root / table / part / name)
            counts[table] += len(found)
    return counts


def check_target(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise DatasetError(f"{out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise DatasetError(
            f"{out}: folder is not empty and holds no {MARKER}; refusing to replace files that are "
            "not a crosswire Parquet dataset (give an empty or new folder)"
        )


def _swap_in(staging: Path, out: Path) -> None:
    """Move each table of `staging` into `out`, replacing the table written by an earlier run."""
    for table in TABLES:
        new, old = staging / table, out / table
        if old.exists():
            old.rename(staging / f"old-{table}")
        if new.exists():
            new.rename(old)
    (staging / MARKER).replace(out / MARKER)


def write_dataset(store: Store, out_dir: str | os.PathLike[str], batch_size: int = 500) -> Path:
    """Write every stored article, its analysis and the stories under `out_dir`; returns the folder."""
    out = Path(out_dir)
    check_target(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = out / f".staging-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except OSError as exc:
        raise DatasetError(f"{out}: cannot create the Parquet folder: {exc.strerror or exc}") from exc
    try:
        counts = dict.fromkeys(TABLES, 0)
        for batch in _batches(store.iter_articles(), batch_size):
            for table, n in write_batch(store, batch, staging).items():
                counts[table] += n
        stories = store.list_stories()
        if stories:
            name = f"part-{stable_id('parquet-stories', *(s.id for s in stories))}.parquet"
            _write([story_row(s, i) for i, s in enumerate(stories)], "stories", staging / "stories" / name)
            counts["stories"] = len(stories)
        marker = {
            "format": FORMAT,
            "version": VERSION,
            "partitioning": {table: list(PARTITIONING) for table in TABLES if table != "stories"},
            "tables": counts,
            "written": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        (staging / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")
        _swap_in(staging, out)
    except OSError as exc:
        raise DatasetError(f"{out}: cannot write the Parquet dataset: {exc.strerror or exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out


def read_marker(folder: str | os.PathLike[str]) -> dict[str, Any]:
    """The dataset's `_crosswire.json`; DatasetError naming the folder when it is not a dataset."""
    path = Path(folder) / MARKER
    if not Path(folder).is_dir():
        raise DatasetError(f"{folder}: Parquet folder not found")
    try:
        marker = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DatasetError(f"{folder}: not a crosswire Parquet dataset (no {MARKER})") from exc
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(marker, dict) or marker.get("format") != FORMAT:
        raise DatasetError(f"{path}: not a crosswire Parquet dataset marker")
    return marker
