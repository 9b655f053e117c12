"""Ingestion: files, folders and globs in, Articles (and per-file Problems) out.

`iter_articles` streams: folders are walked lazily, WARC and JSONL files are read record by record, and
every other file is read whole only after its size is checked against `IngestOptions.max_bytes`. Any
failure is confined to its file: it becomes a `Problem` and the batch goes on.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from crosswire.ingest.context import ReadContext
from crosswire.ingest.datetimes import localise, zone_for_country, zone_named
from crosswire.ingest.decode import detect_language
from crosswire.ingest.detect import HEAD_BYTES, detect_format
from crosswire.ingest.fields import (
    clean_text_fields,
    drop_unstorable_dates,
    outlet_name,
    parse_datetime,
    record_label,
)
from crosswire.ingest.manifest import lookup
from crosswire.ingest.options import IngestOptions
from crosswire.ingest.readers import BUILTIN, Reader, claimed_by, reader_for
from crosswire.model import Article, Problem

__all__ = ["IngestOptions", "iter_articles", "read_file", "expand_paths"]

# Files in a corpus folder that are configuration or code, never articles (a sources.toml, a script),
# passed over quietly; named explicitly on the command line they are still read. Data tables (CSV,
# TSV) are passed over with a warning, so that a data.csv the user meant to be read is not skipped
# without a word (a binary file is reported too), except the folder's own manifest.
CONFIG_SUFFIXES = frozenset({".toml", ".yaml", ".yml", ".ini", ".cfg", ".py", ".sh", ".lock"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv"})
FOLDER_CONFIG_NAMES = frozenset({"manifest.toml", "manifest.csv", "sources.toml"})
# A corpus folder's own documentation (examples/README.md) is not a news article.
DOC_NAMES = frozenset(
    {"README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE", "COPYING", "CONTRIBUTING", "AUTHORS"}
)
_GLOB_CHARS = frozenset("*?[")
WHOLE_READ_BYTES = 1 << 20  # files up to this size are read in one go (most articles are a few KB)
# Formats whose files hold many articles (messages name the record); the readers registry says which.
MANY_ARTICLES = tuple(name for name, reader in BUILTIN.items() if reader.many)
# spaCy's nlp.max_length: it refuses longer texts, which would stop an analysis run at that article every
# time it is resumed. Longer articles (a 1 MB text file passes the size limit) are stored and flagged.
MAX_ANALYSABLE_CHARS = 1_000_000


def _same_file(a: Path, b: Path | None) -> bool:
    if b is None:
        return False
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _walk(folder: Path, options: IngestOptions) -> Iterator[Path | Problem]:
    """Files under `folder`, depth first in sorted order (the order of sorted(folder.rglob("*"))).

    Sorted so a run is repeatable; one folder's entry names are listed at a time, never the whole
    tree's paths, so a corpus of a million files costs the memory of its largest folder's names.
    Hidden entries are skipped, and, as rglob does, symbolic links to folders are not followed.
    """
    try:
        with os.scandir(folder) as found:
            entries = sorted((entry.name, entry.is_dir(follow_symlinks=False)) for entry in found)
    except OSError:
        return  # an unreadable subfolder yields nothing, as rglob skips it
    for name, is_dir in entries:
        if name.startswith("."):
            continue
        child = folder / name
        if is_dir:
            yield from _walk(child, options)
            continue
        if child.is_dir() or _same_file(child, options.manifest):
            continue  # a link to a folder
        suffix = child.suffix.lower()
        if suffix in CONFIG_SUFFIXES or name.split(".")[0].upper() in DOC_NAMES:
            continue
        if name.lower() in FOLDER_CONFIG_NAMES:
            continue
        if suffix in TABLE_SUFFIXES:
            yield Problem(
                str(child),
                f"a {suffix} file is not read as an article (crosswire reads text, HTML, "
                "feeds, WARC and JSONL); skipped. A table listing articles goes in --manifest",
                "warning",
            )
            continue
        yield child


def expand_paths(paths: Iterable[str | Path], options: IngestOptions) -> Iterator[Path | Problem]:
    """Files named by `paths` (files, folders walked recursively, globs), or a Problem per bad path."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, options)
        elif path.exists() or path.is_symlink():
            yield path
        elif _GLOB_CHARS & set(str(given)):
            matches = sorted(glob.glob(str(given), recursive=True))
            if not matches:
                yield Problem(str(given), "no files match this pattern", "error")
            for match in matches:
                found = Path(match)
                if found.is_dir():
                    yield from _walk(found, options)
                elif not _same_file(found, options.manifest):
                    yield found
        else:
            yield Problem(str(given), "no such file or folder", "error")


def iter_articles(
    paths: Iterable[str | Path], options: IngestOptions | None = None
) -> Iterator[Article | Problem]:
    """Every article in `paths`, and a Problem for every file (or record) that could not be read."""
    options = options or IngestOptions()
    for item in expand_paths(paths, options):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_file(item, options)


def _os_problem(path: Path, err: OSError) -> Problem:
    reason = err.strerror or type(err).__name__
    return Problem(str(path), f"cannot read file: {reason.lower()}", "error")


def read_file(path: Path, options: IngestOptions) -> Iterator[Article | Problem]:
    """The articles in one file, or Problems saying why it (or part of it) could not be read."""
    path = Path(path)
    data: bytes | None = None
    try:
        info = path.stat()
        size = info.st_size
        if stat.S_ISDIR(info.st_mode):
            yield Problem(str(path), "is a folder, not a file", "error")
            return
        if size <= min(options.max_bytes, WHOLE_READ_BYTES):
            # A typical article file: one read serves both format detection and the reader.
            data = path.read_bytes()
            head = data[:HEAD_BYTES]
        else:
            with path.open("rb") as handle:
                head = handle.read(HEAD_BYTES)
    except OSError as err:
        yield _os_problem(path, err)
        return
    plugin = claimed_by(path, head)  # a plugin reader's format comes before the built-in detection
    fmt = plugin.name if plugin is not None else detect_format(path, head)
    if fmt == "empty":
        what = "empty file" if size == 0 else f"file holds only whitespace ({size} bytes)"
        yield Problem(str(path), f"{what}; nothing to read", "error")
        return
    if fmt == "binary":
        yield Problem(str(path), "binary file (not text, HTML, a feed, WARC or JSONL); skipped", "error")
        return
    reader = plugin or reader_for(fmt)
    if not reader.streamed and size > options.max_bytes:
        yield Problem(
            str(path),
            f"file is {size:,} bytes, over the limit of {options.max_bytes:,} bytes "
            f"(raise max_bytes / --max-bytes to read it)",
            "error",
        )
        return
    context = _context(path, options)
    try:
        for item in _dispatch(path, reader, context, options, data):
            if isinstance(item, Problem):
                yield item
                continue
            finished = _finish(item, path, fmt, context, options)
            if isinstance(finished, Problem) or finished is not None:
                yield finished
    except OSError as err:
        yield _os_problem(path, err)
    except Exception as err:  # one bad file never stops a batch: the reader's complaint names the problem
        yield Problem(str(path), f"cannot read as {fmt}: {err or type(err).__name__}", "error")


def _context(path: Path, options: IngestOptions) -> Any:

    entry = None
    if options.manifest_entries:
        entry = lookup(options.manifest_entries, path)
    extra = getattr(entry, "extra", None) or {}
    return ReadContext(
        sources=options.sources,
        manifest_entry=entry,
        source_path=str(path),
        default_timezone=extra.get("timezone") if isinstance(extra, dict) else None,
    )


def _dispatch(
    path: Path, reader: Reader, context: ReadContext, options: IngestOptions, data: bytes | None = None
) -> Iterable[Article | Problem]:
    if reader.streamed:
        with path.open("rb") as stream:
            yield from reader.read(path, stream, context, options)
        return
    yield from reader.read(path, data if data is not None else path.read_bytes(), context, options)


def _apply_manifest(article: Article, entry: Any, fmt: str, context: Any) -> None:
    """A manifest entry overrides what one-article files say, and only fills gaps for many-article files."""
    if entry is None:
        return
    override = not reader_for(fmt).many  # one file, one article: a manifest entry describes that article
    outlet = getattr(entry, "outlet", None)
    if outlet and (override or not article.outlet):
        article.outlet = outlet_name(context.sources, name=outlet) or outlet
    url = getattr(entry, "url", None)
    if url and override:
        article.url = url
    published = parse_datetime(getattr(entry, "published", None), context.default_timezone)
    if published is not None and (override or article.published is None):
        article.published = published


def _localise_dates(article: Article, context: Any) -> None:
    """A time printed without a zone is local to the outlet (or to the manifest's time zone)."""

    if (article.published is None or article.published.tzinfo) and (
        article.updated is None or article.updated.tzinfo
    ):
        return
    outlet = context.sources.by_name(article.outlet) if article.outlet and context.sources else None
    zones = (zone_named(context.default_timezone), zone_for_country(outlet.country if outlet else None))
    article.published = localise(article.published, *zones)
    article.updated = localise(article.updated, *zones)


def _finish(
    article: Article, path: Path, fmt: str, context: Any, options: IngestOptions
) -> Article | Problem | None:
    """What every reader's output gets: storable fields, manifest, provenance, format, language."""
    clean_text_fields(article)
    if not article.text.strip():
        return Problem(str(path), f"{record_label(article)}: no article text; skipped", "warning")
    if fmt != "text":  # the text reader weighs the manifest against front matter itself
        _apply_manifest(article, context.manifest_entry, fmt, context)
    _localise_dates(article, context)
    drop_unstorable_dates(article)  # after localising: a zone can carry a naive date over the edge
    article.source_path = article.source_path or str(path)
    article.format = article.format or fmt
    # "en-US", "EN", "en_GB" as sources write it: ISO 639-1 is what the rest of crosswire compares.
    declared = (article.language or "").strip().lower().replace("_", "-").split("-")[0]
    article.language = declared or detect_language(article.text)
    if len(article.text) > MAX_ANALYSABLE_CHARS:
        article.analysable = False
        article.warnings.append(
            f"article text of {len(article.text):,} characters is over the parser's limit of "
            f"{MAX_ANALYSABLE_CHARS:,}: stored and flagged, not analysed"
        )
    if article.language and article.language not in options.languages:
        article.analysable = False
        allowed = ", ".join(options.languages)
        article.warnings.append(
            f"language detected as '{article.language}', not one of the analysable "
            f"languages ({allowed}): stored and flagged, not analysed"
        )
    return article
