"""Ingest into a store: files, folders and globs through the readers and the de-duplicator into the
store, in batches of one transaction each, so memory stays flat whatever the corpus size.

`ingest` opens a store and ingests; `ingest_into` ingests into an open one, reading files where the
run's executor (`scale.Executor`: this process, a process pool or a Dask cluster) runs tasks.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.corpus import PathLike, RunSummary, open_store_or_fail
from crosswire.errors import RecordRefused, StoreError, UsageError
from crosswire.ingest import IngestOptions, expand_paths
from crosswire.ingest.dedup import Deduplicator
from crosswire.ingest.fields import record_label
from crosswire.ingest.readers import many_article_formats
from crosswire.knowledge import data_cache
from crosswire.knowledge.sources import SourceRegistry
from crosswire.model import Article, Problem, ProgressFn
from crosswire.scale import Executor, read_files
from crosswire.store.protocol import FileCacheLike, FingerprintRow, SaveResult, Store
from crosswire.version import __version__

BATCH_SIZE = 500


FOLDER_MANIFESTS = ("manifest.toml", "manifest.csv")
FOLDER_SOURCES = ("sources.toml",)


def folder_config(paths: Sequence[PathLike], names: Sequence[str]) -> Path | None:
    """A corpus folder's own manifest or sources file: the first of `names` at the top of a given folder.

    Lets `crosswire analyze examples/` pick up `examples/manifest.toml` and `examples/sources.toml`
    without options; an explicit --manifest/--sources always wins.
    """
    for given in paths:
        folder = Path(given)
        if folder.is_dir():
            for name in names:
                if (folder / name).is_file():
                    return folder / name
    return None


def _ingest_options(
    manifest: PathLike | None,
    sources: PathLike | None,
    max_bytes: int | None,
    paths: Sequence[PathLike] = (),
) -> IngestOptions:
    manifest = manifest if manifest is not None else folder_config(paths, FOLDER_MANIFESTS)
    sources = sources if sources is not None else folder_config(paths, FOLDER_SOURCES)

    for label, value in (("manifest", manifest), ("sources", sources)):
        if value is not None and not Path(value).is_file():
            raise UsageError(f"{value}: {label} file not found")
    try:
        registry = SourceRegistry.from_file(Path(sources)) if sources else SourceRegistry.builtin()
    except Exception as exc:  # a user's TOML with a syntax error or a missing field
        raise UsageError(f"{sources or 'built-in sources'}: cannot read sources registry: {exc}") from exc
    kwargs: dict[str, Any] = {"manifest": Path(manifest) if manifest else None, "sources": registry}
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    try:
        return IngestOptions(**kwargs)
    except Exception as exc:  # the manifest is parsed when options are built
        raise UsageError(f"{manifest}: cannot read manifest: {exc}") from exc


def _count_article(summary: RunSummary, article: Article) -> None:
    summary.counts["read"] += 1
    # In a file of many articles (a feed, WARC, JSONL) the message says which one it is about.
    label = f"{record_label(article)}: " if article.format in many_article_formats() else ""
    for message in article.warnings:
        summary.problems.append(Problem(article.source_path or "?", label + message, "warning"))
        summary.counts["warnings"] += 1


def _count_problem(summary: RunSummary, problem: Problem) -> None:
    summary.problems.append(problem)
    summary.counts["errors" if problem.severity == "error" else "warnings"] += 1


def _save_batch(
    store: Store,
    dedup: Deduplicator,
    batch: list[Article],
    summary: RunSummary,
    cache: FileCacheLike | None = None,
) -> None:
    # De-duplication looks the whole batch up in the store at once (memory stays one batch deep); the
    # batch's fingerprints are recorded once its articles are saved, and then the files whose articles
    # are all committed go into the file cache (never before: a crash must leave them to be read again).
    try:
        dedup.check_batch(batch)
    except Exception as exc:
        raise StoreError(f"cannot look up duplicates in {summary.db_url}: {exc}") from exc
    for article in batch:
        summary.counts["duplicates"] += 1 if article.duplicate_of else 0
        summary.counts["near_duplicates"] += 1 if article.near_duplicates else 0
    fingerprints = dedup.take_fingerprints()
    try:
        # Fingerprints go in the articles' own transaction: a crash cannot leave one without the other.
        results = [store.save_articles(batch, fingerprints=fingerprints)]
    except Exception as exc:
        if not _record_fault(exc):
            raise StoreError(f"cannot save {len(batch)} articles to {summary.db_url}: {exc}") from exc
        # One record the store refuses must not sink the batch: save the articles one at a time,
        # and name each one refused (file and record) as that file's problem.
        results = _save_one_by_one(store, batch, fingerprints, summary, cache)
    try:
        if cache is not None:
            cache.flush()
    except Exception as exc:
        raise StoreError(f"cannot record the files read in {summary.db_url}: {exc}") from exc
    for result in results:
        summary.counts["added"] += int(result.added)
        summary.counts["unchanged"] += int(result.unchanged)
        summary.counts["updated"] += int(result.updated)


def _record_fault(exc: BaseException) -> bool:
    """Whether `exc` says a record is bad rather than the store: a value the driver or the codec cannot
    take (ValueError, OverflowError, TypeError) or one the database refuses (RecordRefused)."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, RecordRefused | ValueError | OverflowError | TypeError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _save_one_by_one(
    store: Store,
    batch: list[Article],
    fingerprints: list[FingerprintRow],
    summary: RunSummary,
    cache: FileCacheLike | None,
) -> list[SaveResult]:
    results = []
    refused: set[str] = set()
    for article in batch:
        own = [fp for fp in fingerprints if fp.article_id == article.id]
        try:
            results.append(store.save_articles([article], fingerprints=own))
        except Exception as exc:
            if not _record_fault(exc):
                raise StoreError(f"cannot save articles to {summary.db_url}: {exc}") from exc
            path = article.source_path or "?"
            refused.add(path)
            label = record_label(article)
            _count_problem(summary, Problem(path, f"{label}: cannot be stored: {_first_line(exc)}", "error"))
    if cache is not None and refused:
        cache.discard(refused)  # a file with a refused record is read again next time
    return results


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else type(exc).__name__


# Files looked up in the ingested-files cache at once: one query per window, not one per file.
CACHE_WINDOW = 256


# The options hash (one digest over everything besides a file's bytes that shapes the articles read
# from it) keys the store's cache of ingested files: a file is read again when any of these changed.
def options_hash(parts: Iterable[bytes | str]) -> str:
    """One digest over everything besides a file's bytes that shapes the articles read from it."""
    # the same digest the knowledge layer's table cache names its files by, longer; big-endian lengths
    # because hashes already stored in ingested-file caches were made with them
    return data_cache.digest(parts, size=16, byteorder="big")


def environment_parts(manifest: Path | None, sources: Path | None, extra: Sequence[str]) -> list[bytes | str]:
    """The options-hash inputs: manifest and sources file bytes (or the built-in registry's), limits."""
    parts: list[bytes | str] = [__version__, *extra]
    for label, path in (("manifest", manifest), ("sources", sources)):
        parts.append(label)
        parts.append(Path(path).read_bytes() if path is not None else b"")
    builtin = importlib.resources.files("crosswire").joinpath("data/sources.toml")
    parts.append(builtin.read_bytes() if builtin.is_file() else b"")
    return parts


def _file_cache(
    store: Store, options: IngestOptions, paths: Sequence[PathLike], sources: PathLike | None
) -> FileCacheLike:
    """The store's ingested-files cache for this run's options."""
    sources_file = sources if sources is not None else folder_config(paths, FOLDER_SOURCES)
    extra = [f"max_bytes={options.max_bytes}", "languages=" + ",".join(options.languages)]
    try:
        parts = environment_parts(options.manifest, Path(sources_file) if sources_file else None, extra)
    except OSError as exc:
        raise UsageError(f"cannot read ingest options: {exc}") from exc
    return store.file_cache(options_hash(parts))


def _windows(
    entries: Iterable[Path | Problem], cache: FileCacheLike | None
) -> Iterator[tuple[Path | Problem, Any]]:
    """(entry, its FileState or None) for each entry, looking states up CACHE_WINDOW files at a time."""
    window: list[Path | Problem] = []

    def states() -> Iterator[tuple[Path | Problem, Any]]:
        files = [e for e in window if not isinstance(e, Problem)]
        try:
            found = iter(cache.check(files)) if cache is not None else iter([None] * len(files))
        except Exception as exc:
            raise StoreError(f"cannot read the ingested-files cache: {exc}") from exc
        for entry in window:
            yield entry, (None if isinstance(entry, Problem) else next(found))

    for entry in entries:
        window.append(entry)
        if len(window) >= CACHE_WINDOW:
            yield from states()
            window = []
    if window:
        yield from states()


def _cached(state: Any) -> bool:
    """A file the ingested-files cache knows unchanged: counted, not read."""
    return state is not None and state.articles is not None


def ingest_into(
    store: Store,
    paths: Sequence[PathLike],
    manifest: PathLike | None = None,
    sources: PathLike | None = None,
    max_bytes: int | None = None,
    progress: ProgressFn | None = None,
    batch_size: int = BATCH_SIZE,
    db_url: str | None = None,
    executor: Executor | None = None,
) -> RunSummary:
    """Ingest `paths` into an open store; see `ingest`. With a `scale.Executor` (a process pool or a
    Dask cluster) files are read in partitions on its workers; results still arrive in file order.

    A file whose path, size and modification time (or content hash) and ingest options match the
    store's ingested-files cache is not read again: its stored articles count as read and unchanged."""
    options = _ingest_options(manifest, sources, max_bytes, paths)
    summary = RunSummary(paths=[str(p) for p in paths], db_url=db_url, started=datetime.now(UTC))
    summary.registry = options.sources
    cache = _file_cache(store, options, paths, sources)
    try:
        summary.run_id = store.start_run(summary.paths)
        dedup = Deduplicator(store=store)
    except Exception as exc:
        raise StoreError(f"cannot start a run in {db_url}: {exc}") from exc
    # Listing the files first costs one cheap directory walk and gives the progress bar its total.
    given = [Path(p) for p in paths]
    total_files = sum(1 for _ in expand_paths(given, options)) if progress else None
    batch: list[Article] = []
    entries = read_files(_windows(expand_paths(given, options), cache), options, executor, skip=_cached)
    for files_done, (_entry, state, items) in enumerate(entries, start=1):
        if state is not None and state.articles is not None:
            summary.counts["read"] += state.articles
            summary.counts["unchanged"] += state.articles
            summary.counts["cached_files"] += 1
        else:
            found, clean = 0, True
            for item in items:
                if isinstance(item, Problem):
                    _count_problem(summary, item)
                    clean = False
                    continue
                _count_article(summary, item)
                found += 1
                batch.append(item)
                if len(batch) >= batch_size:
                    _save_batch(store, dedup, batch, summary, cache)
                    batch = []
            if state is not None and clean and cache is not None:
                cache.read_done(state, found)  # recorded once the batch holding its articles commits
        summary.counts["files"] = files_done
        if progress:
            progress("files", files_done, total_files)
            progress("articles", summary.counts["read"], None)
    if batch:
        _save_batch(store, dedup, batch, summary, cache)
    elif cache is not None:
        cache.flush()  # files with no articles left, their articles saved in earlier batches
    summary.finished = datetime.now(UTC)
    try:
        store.finish_run(summary.run_id, dict(summary.counts), list(summary.problems))
    except Exception as exc:
        raise StoreError(f"cannot record run {summary.run_id} in {db_url}: {exc}") from exc
    return summary


def ingest(
    paths: Sequence[PathLike],
    db: str | None = None,
    manifest: PathLike | None = None,
    sources: PathLike | None = None,
    max_bytes: int | None = None,
    progress: ProgressFn | None = None,
    batch_size: int = BATCH_SIZE,
) -> RunSummary:
    """Read `paths` (files, folders, globs), de-duplicate, and store the articles.

    Streams in batches of `batch_size`, each one store transaction. Per-file problems never stop
    the batch; they are counted and listed in the returned summary and recorded with the run.
    """
    store = open_store_or_fail(db)
    try:
        return ingest_into(store, paths, manifest, sources, max_bytes, progress, batch_size, store.url or db)
    finally:
        store.close()
