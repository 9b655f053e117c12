"""The Python API: everything the CLI does, as plain functions over a store.

    import crosswire
    corpus = crosswire.analyze(["examples/"], db="out/crosswire.db", out="out/")
    for article in corpus.articles(outlet="The Hankyoreh"):
        print(article.title, article.published)

`ingest` streams articles from the readers through the deduplicator into the store in batches (one
transaction each), so memory stays flat whatever the corpus size. `analyze` is `ingest` followed by
every step in `ANALYSIS_STEPS` and every writer in `OUTPUT_WRITERS`; later capabilities (nlp,
stories, report) join by appending one function to those lists. A `Corpus` answers queries by
reading the store, never by keeping articles in memory.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.ingest import MANY_ARTICLES
from crosswire.ingest.fields import record_label
from crosswire.model import Article, Problem, Story, article_record, to_dict

BATCH_SIZE = 500
COUNT_NAMES = (
    "files",
    "read",
    "added",
    "updated",
    "unchanged",
    "duplicates",
    "near_duplicates",
    "warnings",
    "errors",
    "cached_files",  # files skipped unread: unchanged since the store last read them (file cache)
)

# progress(task, completed, total): task is "files" or "articles" during ingest, the step's name
# during analysis; total is None while unknown. The CLI draws Rich progress bars from these calls.
ProgressFn = Callable[[str, int, int | None], None]
PathLike = str | os.PathLike[str]


class CrosswireError(Exception):
    """An error the CLI turns into a message and a documented exit code."""

    exit_code = 1


class UsageError(CrosswireError):
    """Bad arguments: a missing manifest or sources file, an unknown format, an unreadable option file."""

    exit_code = 2


class StoreError(CrosswireError):
    """The store cannot be opened, migrated, read or written."""

    exit_code = 3


class MissingDependency(CrosswireError):
    """A model or package crosswire needs is not installed."""

    exit_code = 4


# Errors raised by the stages themselves, by class name, so that this module need not import spaCy or
# the store to recognise them (importing them here would make `import crosswire.api` slow).
_DEPENDENCY_ERRORS = frozenset({"ModelMissingError", "EmbeddingModelError"})
_STORE_ERRORS = frozenset({"StoreError"})


def as_crosswire_error(exc: BaseException) -> CrosswireError | None:
    """The CrosswireError (with its exit code) that a stage's exception stands for, or None."""
    if isinstance(exc, CrosswireError):
        return exc
    names = {cls.__name__ for cls in type(exc).__mro__}
    if names & _DEPENDENCY_ERRORS or isinstance(exc, ModuleNotFoundError):
        return MissingDependency(str(exc))
    if names & _STORE_ERRORS:
        return StoreError(str(exc))
    return None


@dataclass
class RunSummary:
    """What one ingest run did: counts, per-file problems, and where its outputs went."""

    paths: list[str]
    db_url: str | None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNT_NAMES, 0))
    problems: list[Problem] = field(default_factory=list)
    run_id: Any = None
    started: datetime | None = None
    finished: datetime | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # output name -> file path
    # Wall-clock seconds of each phase of `analyze` (ingest, analysis, stories, events, outputs), in order.
    phases: dict[str, float] = field(default_factory=dict)
    # The sources registry the run read with (built-in, --sources or a folder's sources.toml).
    registry: Any = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.counts.get("errors", 0) == 0

    @property
    def exit_code(self) -> int:
        """0 when every file was read, 1 when the batch completed with per-file errors."""
        return 0 if self.ok else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "paths": list(self.paths),
            "db": self.db_url,
            "counts": dict(self.counts),
            "problems": [to_dict(p) for p in self.problems],
            "started": self.started.isoformat() if self.started else None,
            "finished": self.finished.isoformat() if self.finished else None,
            "outputs": dict(self.outputs),
            "phases": {name: round(seconds, 3) for name, seconds in self.phases.items()},
            "exit_code": self.exit_code,
        }


def open_store_or_fail(db: str | None) -> Any:
    """`store.open_store(db)`, with any failure turned into a StoreError that names the store."""
    from crosswire.store import open_store

    try:
        return open_store(db)
    except CrosswireError:
        raise
    except Exception as exc:  # driver, path, migration: the user needs the URL and the cause
        if type(exc).__name__ == "StoreError":  # the store's own message names the store already
            raise StoreError(str(exc)) from exc
        raise StoreError(f"cannot open store {db or 'crosswire.db'}: {exc}") from exc


def _store_url(store: Any, db: str | None) -> str | None:
    return getattr(store, "url", None) or db


class Corpus:
    """The articles (and later analyses and stories) in one store, queried on demand."""

    def __init__(self, store: Any, db_url: str | None = None, summary: RunSummary | None = None) -> None:
        self._store = store
        self.db_url = db_url if db_url is not None else _store_url(store, None)
        self.summary = summary
        self.outputs: dict[str, str] = {}
        # How analysis steps run: n_process, dask (cluster address), actors (dictionary folder).
        self.settings: dict[str, Any] = {}

    @property
    def store(self) -> Any:
        return self._store

    @property
    def problems(self) -> list[Problem]:
        return list(self.summary.problems) if self.summary else []

    def articles(
        self,
        outlet: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        ids: Iterable[str] | None = None,
    ) -> Iterator[Article]:
        """Stored articles, streamed, optionally filtered by outlet, publication window or ids."""
        return self._store.iter_articles(
            outlet=outlet, since=since, until=until, ids=list(ids) if ids is not None else None
        )

    def list_articles(
        self, limit: int = 50, offset: int = 0, outlet: str | None = None
    ) -> list[dict[str, Any]]:
        """Summary rows (id, outlet, title, published, genre, word_count, ...; no text), newest first."""
        rows = self._store.list_articles(limit=limit, offset=offset, outlet=outlet)
        return [_summary_row(row) for row in rows]

    def article(self, article_id: str) -> Article | None:
        return self._store.get_article(article_id)

    def count(self) -> int:
        return int(self._store.count_articles())

    def analysis(self, article_id: str) -> Any:
        """The nlp Analysis of one article, once the nlp stage has stored one (else None)."""
        getter = getattr(self._store, "get_analysis", None)
        return getter(article_id) if getter else None

    def stories(self) -> list[Story]:
        lister = getattr(self._store, "list_stories", None)
        return list(lister()) if lister else []

    def story(self, story_id: str) -> Story | None:
        getter = getattr(self._store, "get_story", None)
        return getter(story_id) if getter else None

    def runs(self) -> list[Any]:
        lister = getattr(self._store, "list_runs", None)
        return list(lister()) if lister else []

    def close(self) -> None:
        closer = getattr(self._store, "close", None)
        if closer:
            closer()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _summary_row(row: Any) -> dict[str, Any]:
    if isinstance(row, Article):
        record = article_record(row)
        record.pop("text")
        return record
    return {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in dict(row).items()}


def open_corpus(db: str | None = None, *, must_exist: bool = False) -> Corpus:
    """Open an existing (or new, empty) store as a Corpus. With `must_exist`, a SQLite file that is not
    there is a UsageError rather than a new empty store (opening creates the file): the read-only
    commands ask for this, so a mistyped --db never leaves a store behind or answers with nothing."""
    if must_exist:
        from crosswire.store.engine import missing_store_file

        missing = missing_store_file(db)
        if missing is not None:
            raise UsageError(f"no store at {missing}; run `crosswire analyze` first")
    store = open_store_or_fail(db)
    return Corpus(store, _store_url(store, db))


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
) -> Any:
    from crosswire.ingest import IngestOptions
    from crosswire.ingest.sources import SourceRegistry

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
    label = f"{record_label(article)}: " if article.format in MANY_ARTICLES else ""
    for message in article.warnings:
        summary.problems.append(Problem(article.source_path or "?", label + message, "warning"))
        summary.counts["warnings"] += 1


def _count_problem(summary: RunSummary, problem: Problem) -> None:
    summary.problems.append(problem)
    summary.counts["errors" if problem.severity == "error" else "warnings"] += 1


def _save_batch(store: Any, dedup: Any, batch: list[Article], summary: RunSummary, cache: Any = None) -> None:
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
        summary.counts["updated"] += int(getattr(result, "updated", 0))


# Exceptions that say a record is bad rather than the store: a value the driver or the codec cannot
# take (ValueError, OverflowError, UnicodeError, TypeError) or one the database refuses (DataError,
# IntegrityError). By class name, as above, so that this module need not import SQLAlchemy.
_RECORD_FAULTS = frozenset({"DataError", "IntegrityError"})


def _record_fault(exc: BaseException) -> bool:
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        names = {cls.__name__ for cls in type(cause).__mro__}
        if names & _RECORD_FAULTS or isinstance(cause, ValueError | OverflowError | TypeError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _save_one_by_one(
    store: Any, batch: list[Article], fingerprints: list[Any], summary: RunSummary, cache: Any
) -> list[Any]:
    results = []
    refused: set[str] = set()
    for article in batch:
        own = [fp for fp in fingerprints if getattr(fp, "article_id", None) == article.id]
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


def _file_cache(store: Any, options: Any, paths: Sequence[PathLike], sources: PathLike | None) -> Any:
    """The store's ingested-files cache for this run's options, or None for a store without one."""
    if not hasattr(store, "_write"):
        return None
    from crosswire.store.file_cache import FileCache, environment_parts, options_hash

    sources_file = sources if sources is not None else folder_config(paths, FOLDER_SOURCES)
    extra = [f"max_bytes={options.max_bytes}", "languages=" + ",".join(options.languages)]
    try:
        parts = environment_parts(options.manifest, Path(sources_file) if sources_file else None, extra)
    except OSError as exc:
        raise UsageError(f"cannot read ingest options: {exc}") from exc
    return FileCache(store, options_hash(parts))


def _windows(entries: Iterable[Path | Problem], cache: Any) -> Iterator[tuple[Path | Problem, Any]]:
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
    store: Any,
    paths: Sequence[PathLike],
    manifest: PathLike | None = None,
    sources: PathLike | None = None,
    max_bytes: int | None = None,
    progress: ProgressFn | None = None,
    batch_size: int = BATCH_SIZE,
    db_url: str | None = None,
    executor: Any = None,
) -> RunSummary:
    """Ingest `paths` into an open store; see `ingest`. With a `scale.Executor` (a process pool or a
    Dask cluster) files are read in partitions on its workers; results still arrive in file order.

    A file whose path, size and modification time (or content hash) and ingest options match the
    store's ingested-files cache is not read again: its stored articles count as read and unchanged."""
    from crosswire.ingest import expand_paths
    from crosswire.ingest.dedup import Deduplicator
    from crosswire.scale import read_files

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
        return ingest_into(
            store, paths, manifest, sources, max_bytes, progress, batch_size, _store_url(store, db)
        )
    finally:
        closer = getattr(store, "close", None)
        if closer:
            closer()


# An analysis step enriches the stored corpus (nlp analyses, stories); it reads and writes through
# `corpus.store` and reports progress under its own task name.
AnalysisStep = Callable[[Corpus, ProgressFn | None], None]
# An output writer writes files into the output folder and returns {output name: path}.
OutputWriter = Callable[[Corpus, Path], dict[str, str]]


from crosswire.steps import (  # noqa: E402  (the steps import this module's types lazily)
    nlp_step,
    stories_step,
    write_analysis_output,
    write_articles_output,
    write_events_output,
    write_report_output,
    write_stories_output,
)

ANALYSIS_STEPS: list[AnalysisStep] = [nlp_step, stories_step]
OUTPUT_WRITERS: list[OutputWriter] = [
    write_articles_output,
    write_analysis_output,
    write_events_output,
    write_stories_output,
    write_report_output,
]


def write_outputs(
    corpus: Corpus, out_dir: PathLike, phases: dict[str, float] | None = None
) -> dict[str, str]:
    """Run every output writer into `out_dir`; returns {output name: path}. With `phases`, each writer's
    seconds are added to its phase (`PHASE_OF`)."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{out}: cannot create output folder: {exc.strerror}") from exc
    written: dict[str, str] = {}
    for writer in OUTPUT_WRITERS:
        with _timed(phases, PHASE_OF.get(writer.__name__, "outputs")):
            written.update(writer(corpus, out))
    return written


# The phase each step or writer's time is counted under in `RunSummary.phases`; any other is "outputs".
# "analysis" holds everything per article (parse, actors, quotes, tone, event coding, 5W1H); "events" is
# the merge of events across articles and its files.
PHASES = ("ingest", "analysis", "stories", "events", "outputs")
PHASE_OF = {
    "nlp_step": "analysis",
    "stories_step": "stories",
    "write_events_output": "events",
}


@contextmanager
def _timed(phases: dict[str, float] | None, name: str) -> Iterator[None]:
    """Add the wall-clock time of the block to `phases[name]` (nothing when phases is None)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        if phases is not None:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - start


def analyze(
    paths: Sequence[PathLike],
    db: str | None = None,
    out: PathLike | None = None,
    manifest: PathLike | None = None,
    sources: PathLike | None = None,
    progress: ProgressFn | None = None,
    max_bytes: int | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
    dask: str | None = None,
    actors: PathLike | None = None,
    workers: int | None = None,
    parquet: PathLike | None = None,
) -> Corpus:
    """Ingest `paths`, run every available analysis, and write outputs to `out` when given.

    `workers` local processes read files and analyse articles in parallel (`n_process` is its older
    name); `dask` ("local", "local:N" or a scheduler address such as "tcp://host:8786") runs the same
    stages on a Dask cluster instead (`crosswire.scale`); `parquet` is a folder for the partitioned
    Parquet dataset (docs/output-format.md); `actors` is a folder of PETRARCH/Phoenix actor
    dictionaries merged into the built-in knowledge base.

    Returns an open Corpus over the store (close it, or use it as a context manager). Outputs
    cover every article in the store, so give a fresh `db` for a self-contained corpus; with `out`
    and no `db` the store is `out/crosswire.db`.
    """
    if out is not None:
        try:
            Path(out).mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file of that name, no permission
            raise UsageError(f"{out}: cannot create output folder: {exc.strerror or exc}") from exc
        if db is None:
            db = str(Path(out) / "crosswire.db")
    if actors is not None and not Path(actors).is_dir():
        raise UsageError(f"{actors}: actor dictionary folder not found")
    if parquet is not None:  # before the analysis, not after it: a folder of other files is refused
        from crosswire.export.parquet_parts import DatasetError, check_target

        try:
            check_target(Path(parquet))
        except DatasetError as exc:
            raise UsageError(str(exc)) from exc
    store = open_store_or_fail(db)
    corpus = Corpus(store, _store_url(store, db))
    from crosswire.scale import open_executor

    workers = max(workers or 1, n_process)
    corpus.settings.update(n_process=workers, dask=dask, actors=str(actors) if actors else None)
    try:
        # One executor for the whole run: pool or cluster workers load their models once.
        phases = dict.fromkeys(PHASES, 0.0)  # in this order, each counted even when it takes no time
        with open_executor(workers, dask) as executor:
            corpus.settings["executor"] = executor
            with _timed(phases, "ingest"):
                corpus.summary = ingest_into(
                    store, paths, manifest, sources, max_bytes, progress, batch_size, corpus.db_url, executor
                )
            corpus.summary.phases = phases
            corpus.settings["sources"] = corpus.summary.registry
            for step in ANALYSIS_STEPS:
                try:
                    with _timed(phases, PHASE_OF.get(getattr(step, "__name__", ""), "analysis")):
                        step(corpus, progress)
                except Exception as exc:
                    mapped = as_crosswire_error(exc)
                    if mapped is None:
                        raise
                    raise mapped from exc
        corpus.settings.pop("executor", None)
        if out is not None:
            corpus.outputs = write_outputs(corpus, out, phases)
        if parquet is not None:
            from crosswire.export.parquet_parts import DatasetError, write_dataset

            try:
                with _timed(phases, "outputs"):
                    corpus.outputs["parquet"] = str(write_dataset(corpus.store, parquet))
            except DatasetError as exc:
                raise UsageError(str(exc)) from exc
        corpus.summary.outputs = dict(corpus.outputs)
    except BaseException:
        corpus.close()
        raise
    return corpus


__all__ = [
    "ANALYSIS_STEPS",
    "BATCH_SIZE",
    "OUTPUT_WRITERS",
    "Corpus",
    "CrosswireError",
    "MissingDependency",
    "RunSummary",
    "StoreError",
    "UsageError",
    "analyze",
    "as_crosswire_error",
    "ingest",
    "ingest_into",
    "open_corpus",
    "write_outputs",
]
