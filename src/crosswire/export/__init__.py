"""Exports: the articles of a store as JSON Lines, CSV or Parquet (docs/output-format.md).

`export_articles` picks the writer by format name from a registry (`BUILTIN_EXPORTERS`, plus the
`crosswire.exporters` entry points of installed packages); the writers themselves live in `jsonl.py`
and `tables.py` and are imported only when used, so `import crosswire.export` stays cheap (no pyarrow).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

from crosswire.export.events import write_event_table, write_events_jsonl
from crosswire.model import Article, Event
from crosswire.store import Store

# Article exporters by format name: "module:function" references, resolved when the format is used,
# so that `import crosswire.export` stays cheap (CSV and Parquet load pyarrow). A writer takes the
# articles and the path and returns how many records it wrote.
BUILTIN_EXPORTERS = {
    "jsonl": "crosswire.export.jsonl:write_articles_jsonl",
    "csv": "crosswire.export.tables:write_articles_csv",
    "parquet": "crosswire.export.tables:write_articles_parquet",
}
FORMATS = tuple(BUILTIN_EXPORTERS)
# Other packages add formats through this entry-point group, each entry point naming a writer
# `(articles, path) -> count`; the file is written as `articles.<name>`:
#     [project.entry-points."crosswire.exporters"]
#     ndjson_gz = "crosswire_gz:write_articles"
ENTRY_POINT_GROUP = "crosswire.exporters"
ArticleWriter = Callable[[Iterable[Article], Path], int]


@cache
def _plugins() -> dict[str, EntryPoint]:
    return {point.name: point for point in entry_points(group=ENTRY_POINT_GROUP) if point.name not in FORMATS}


def formats() -> tuple[str, ...]:
    """Every article export format: the built-in ones, then those installed packages register."""
    return FORMATS + tuple(sorted(_plugins()))


def _writer(fmt: str) -> ArticleWriter:
    if fmt in BUILTIN_EXPORTERS:
        module, _, name = BUILTIN_EXPORTERS[fmt].partition(":")
        writer: ArticleWriter = getattr(importlib.import_module(module), name)
        return writer
    if fmt in _plugins():
        plugin: ArticleWriter = _plugins()[fmt].load()
        return plugin
    raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(formats())}")


def export_articles(
    articles: Iterable[Article], out_dir: str | os.PathLike[str], fmt: str
) -> tuple[Path, int]:
    """Write `articles` to `out_dir/articles.<fmt>`; returns the file written and its record count."""
    write = _writer(fmt)
    path = Path(out_dir) / f"articles.{fmt}"
    return path, write(articles, path)


def merged_events(store: Store) -> list[Event]:
    """Every stored event, merged across sentences and articles (`events.merge.merge_events`)."""
    # In reading order, as every story merges its own (stories/briefing.py `merged`); imported here
    # because the stories package loads SciPy, which importing the exporters should not.
    from crosswire.stories.briefing import merged

    return merged(store.analysed_events())


def export_events(store: Store, out_dir: str | os.PathLike[str], fmt: str) -> tuple[Path, int]:
    """Write the merged events: `events.jsonl`, or the GDELT-like table as `events.csv` / `events.parquet`."""
    found = export_event_files(store, out_dir, (fmt,))
    return found[fmt]


def export_event_files(
    store: Store, out_dir: str | os.PathLike[str], fmts: Sequence[str]
) -> dict[str, tuple[Path, int]]:
    """`export_events` for several formats from one merge: {format: (file written, event count)}."""

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


__all__ = ["FORMATS", "export_articles", "formats", "export_event_files", "export_events", "merged_events"]
