"""Exports: the articles of a store as JSON Lines, CSV or Parquet (docs/output-format.md).

`export_articles` picks the writer by format name; the writers themselves live in `jsonl.py` and
`tables.py` and are imported only when used, so `import crosswire.export` stays cheap (no pyarrow).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from crosswire.model import Article

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


def merged_events(store: Any) -> list[Any]:
    """Every stored event, merged across sentences and articles (`events.merge.merge_events`)."""
    # In reading order, as every story merges its own (stories/briefing.py `merged`).
    from crosswire.stories.briefing import merged

    if hasattr(store, "_read"):  # a Store: one streaming query, no analysis decoded
        from crosswire.export.bulk import analysed_events

        return merged(analysed_events(store))
    return merged(event for analysis in store.iter_analyses() for event in analysis.events)


def _urls(store: Any) -> dict[str, str]:
    if hasattr(store, "_read"):
        from crosswire.export.bulk import article_urls

        return article_urls(store)
    return {a.id: a.url for a in store.iter_articles() if a.url}


def export_events(store: Any, out_dir: str | os.PathLike[str], fmt: str) -> tuple[Path, int]:
    """Write the merged events: `events.jsonl`, or the GDELT-like table as `events.csv` / `events.parquet`."""
    found = export_event_files(store, out_dir, (fmt,))
    return found[fmt]


def export_event_files(
    store: Any, out_dir: str | os.PathLike[str], fmts: Sequence[str]
) -> dict[str, tuple[Path, int]]:
    """`export_events` for several formats from one merge: {format: (file written, event count)}."""
    from crosswire.export.events import write_event_table, write_events_jsonl

    for fmt in fmts:
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    events = merged_events(store)
    urls = _urls(store) if any(fmt != "jsonl" for fmt in fmts) else {}
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
