"""The registry of readers: one entry per input format, so a new format is one module plus its entry.

A `Reader` names its format, says whether it reads a whole file (`read(path, data, context, options)`
gets the bytes) or streams one (`streamed`: it gets an open binary file and applies `max_bytes` to
each record, not the file), and whether its files hold many articles (`many`: problems then name the
record). The built-in readers cover text, HTML, feeds, WARC and JSON Lines, whose formats
`detect.detect_format` recognises from a file's first bytes.

Other packages add readers through the `crosswire.readers` entry-point group: each entry point names
a `Reader` (or a function returning one) whose `claims(path, head)` says which files are its own; those
are asked first, in name order, before the built-in detection, so a plugin can take a format the
built-ins would read as text. For example, in the plugin's pyproject.toml:

    [project.entry-points."crosswire.readers"]
    docx = "crosswire_docx:READER"
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import IO, Any

from crosswire.ingest.context import ReadContext
from crosswire.ingest.decode import decode_bytes
from crosswire.ingest.feeds import read_feed
from crosswire.ingest.html import read_html
from crosswire.ingest.jsonl import read_jsonl
from crosswire.ingest.options import IngestOptions
from crosswire.ingest.text import read_text
from crosswire.ingest.warc import read_warc
from crosswire.model import Article, Problem

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "crosswire.readers"

# read(path, data or open stream, context, options) -> the file's articles and problems
ReadFn = Callable[[Path, Any, ReadContext, IngestOptions], Iterable[Article | Problem]]


@dataclass(frozen=True)
class Reader:
    """One input format: its name (as `Article.format` records it), its read function, and how it reads."""

    name: str
    read: ReadFn
    streamed: bool = False  # read from an open binary file, record by record
    many: bool = False  # a file holds many articles
    claims: Callable[[Path, bytes], bool] | None = None  # plugins: is this file (path, first bytes) mine?


def _text(path: Path, data: bytes, context: ReadContext, options: IngestOptions) -> Iterable[Article]:
    decoded = decode_bytes(data)
    for article in read_text(path, decoded.text, context):
        if decoded.warning:
            article.warnings.append(decoded.warning)
        yield article


def _html(
    path: Path, data: bytes, context: ReadContext, options: IngestOptions
) -> Iterable[Article | Problem]:
    return read_html(path, data, context)


def _feed(
    path: Path, data: bytes, context: ReadContext, options: IngestOptions
) -> Iterable[Article | Problem]:
    return read_feed(path, data, context)


def _warc(
    path: Path, stream: IO[bytes], context: ReadContext, options: IngestOptions
) -> Iterable[Article | Problem]:
    return read_warc(path, stream, context, max_record_bytes=options.max_bytes)


def _jsonl(
    path: Path, stream: IO[bytes], context: ReadContext, options: IngestOptions
) -> Iterable[Article | Problem]:
    return read_jsonl(path, stream, context, max_record_bytes=options.max_bytes)


BUILTIN: dict[str, Reader] = {
    reader.name: reader
    for reader in (
        Reader("text", _text),
        Reader("html", _html),
        Reader("feed", _feed, many=True),
        Reader("warc", _warc, streamed=True, many=True),
        Reader("jsonl", _jsonl, streamed=True, many=True),
    )
}


@cache
def plugins() -> tuple[Reader, ...]:
    """The readers other installed packages register (entry-point group `crosswire.readers`), by name;
    one that cannot be loaded is logged and left out, never fatal to a run."""
    found: list[Reader] = []
    for point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            value = point.load()
            reader = value() if callable(value) and not isinstance(value, Reader) else value
        except Exception as exc:  # a broken plugin must not stop ingest of the formats that work
            log.warning("reader plugin %s cannot be loaded: %s", point.name, exc)
            continue
        if not isinstance(reader, Reader) or reader.claims is None:
            log.warning("reader plugin %s is not a crosswire Reader with `claims`; left out", point.name)
            continue
        found.append(reader)
    return tuple(sorted(found, key=lambda r: r.name))


def claimed_by(path: Path, head: bytes) -> Reader | None:
    """The first plugin reader that claims the file, or None (the built-in detection decides)."""
    for reader in plugins():
        assert reader.claims is not None
        try:
            if reader.claims(path, head):
                return reader
        except Exception as exc:
            log.warning("reader plugin %s failed on %s: %s", reader.name, path, exc)
    return None


def reader_for(fmt: str) -> Reader:
    """The reader of format `fmt` (built-in or a plugin's)."""
    if fmt in BUILTIN:
        return BUILTIN[fmt]
    for reader in plugins():
        if reader.name == fmt:
            return reader
    raise KeyError(f"no reader for format {fmt!r}")


@cache
def many_article_formats() -> frozenset[str]:
    """The formats whose files hold many articles (messages about them name the record)."""
    return frozenset(r.name for r in (*BUILTIN.values(), *plugins()) if r.many)
