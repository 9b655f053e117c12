"""Exports: the articles of a store as JSON Lines, CSV or Parquet (docs/output-format.md).

`export_articles` picks the writer by format name; the writers themselves live in `jsonl.py` and
`tables.py` and are imported only when used, so `import crosswire.export` stays cheap (no pyarrow).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from crosswire.events.merge import merge_events
from crosswire.model import Article, Event
from crosswire.store import Store

FORMATS = ("jsonl", "csv", "parquet")


def _writer(fmt: str) -> Callable[[Iterable[Article], Path], int]:
    if fmt == "jsonl":
        from crosswire.export.jsonl import write_articles_jsonl

        return write_articles_jsonl
    if fmt == "csv":
        from crosswire.export.tables import write_articles_csv

        return write_articles_csv
    if fmt == "parquet":
        from crosswire.export.tables import write_articles_parquet

        return write_articles_parquet
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def export_articles(
    articles: Iterable[Article], out_dir: str | os.PathLike[str], fmt: str
) -> tuple[Path, int]:
    """Write `articles` to `out_dir/articles.<fmt>`; returns the file written and its record count."""
    write = _writer(fmt)
    path = Path(out_dir) / f"articles.{fmt}"
    return path, write(articles, path)


def merged_events(store: Store) -> list[Event]:
    """Every stored event, merged across sentences and articles (`events.merge.merge_events`)."""
    return merge_events(store.analysed_events())


def export_events(store: Store, out_dir: str | os.PathLike[str], fmt: str) -> tuple[Path, int]:
    """Write the merged events: `events.jsonl`, or the GDELT-like table as `events.csv` / `events.parquet`."""
    found = export_event_files(store, out_dir, (fmt,))
    return found[fmt]


def export_event_files(
    store: Store, out_dir: str | os.PathLike[str], fmts: Sequence[str]
) -> dict[str, tuple[Path, int]]:
    """`export_events` for several formats from one merge: {format: (file written, event count)}."""
    from crosswire.export.events import write_event_table, write_events_jsonl

    for fmt in fmts:
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    events = merged_events(store)
    urls = store.article_urls() if any(fmt != "jsonl" for fmt in fmts) else {}
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    written: dict[str, tuple[Path, int]] = {}
    for fmt in fmts:
        path = Path(out_dir) / f"events.{fmt}"
        if fmt == "jsonl":
            write_events_jsonl(events, path)
        else:
            write_event_table(events, path, format=fmt, urls=urls)
        written[fmt] = (path, len(events))
    return written


__all__ = ["FORMATS", "export_articles", "export_event_files", "export_events", "merged_events"]
