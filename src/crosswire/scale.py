"""Executors: where the stages' pure functions run when a corpus outgrows one process.

Every stage `crosswire analyze` scales out is a pure function of its input: a reader turns one file
into Articles and Problems (`ingest.read_file`), the analysis turns a chunk of Articles into
(Article, Analysis) pairs (`crosswire.analysis.analyze_articles`, driven over a store by `analyze_store`). An `Executor` decides only
*where* those functions run:

    Executor        in this process (the default)
    PoolExecutor    a local process pool, `crosswire analyze --workers N`
    DaskExecutor    a Dask distributed cluster, `--dask local[:N]` or `--dask tcp://scheduler:8786`

All three return results in input order, so a run gives the same store (and the same Parquet) on
any executor: de-duplication keeps the first copy it sees, and "first" must not depend on which
worker finished sooner. At most `max_in_flight` tasks are queued at once, so a large corpus streams
through the workers with memory bounded by a few partitions. Models load once per worker process
(`nlp.runtime.load_nlp` caches the spaCy pipeline per process) and stay loaded for the whole run.

On the pool and on Dask the input is streamed in partitions too: files are grouped into partitions
of at most `PARTITION_FILES` files and `PARTITION_BYTES` bytes, and each partition is read on a
worker. The driver keeps what must see the whole corpus in order: de-duplication and the store.
A file bigger than `DRIVER_FILE_BYTES` (a WARC crawl) is read in the driver, record by record, rather
than shipped whole to a worker and back.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from crosswire import ingest
from crosswire.errors import UsageError
from crosswire.ingest import IngestOptions
from crosswire.knowledge.resources import Resources
from crosswire.model import Analysis, Article, Problem, ProgressFn
from crosswire.store.protocol import Store

PARTITION_FILES = 32
PARTITION_BYTES = 16 << 20
DRIVER_FILE_BYTES = 64 << 20


class _Ready:
    """A result computed already, with the `.result()` of a future (in-process tasks, driver reads)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class Executor:
    """Runs tasks in this process; the base class of the pool and Dask executors."""

    kind = "in-process"
    workers = 1

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Start `fn(*args)`; returns an object whose `.result()` gives the value (or raises)."""
        return _Ready(fn(*args))

    def share(self, value: Any) -> Any:
        """`value` as a task argument sent to the workers once per run, not once per task."""
        return value

    def slots(self) -> int:
        """How many tasks can run at once."""
        return self.workers

    @property
    def max_in_flight(self) -> int:
        # Two tasks per slot keep every worker busy while the driver saves the previous result.
        return max(2, 2 * self.slots())

    def describe(self) -> str:
        return self.kind


class PoolExecutor(Executor):
    """A local pool of worker processes (`concurrent.futures.ProcessPoolExecutor`)."""

    kind = "process pool"

    def __init__(self, pool: Any, workers: int) -> None:
        self.pool = pool
        self.workers = workers

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.pool.submit(fn, *args)

    def describe(self) -> str:
        return f"process pool of {self.workers}"


class DaskExecutor(Executor):
    """A Dask distributed cluster, through a `dask.distributed.Client`."""

    kind = "dask"

    def __init__(self, client: Any, address: str) -> None:
        self.client = client
        self.address = address

    def slots(self) -> int:
        # Asked again at each stage: workers of a remote cluster may join while the run goes on. One
        # slot per worker thread (crosswire's workers run one thread each).
        return max(1, sum(self.client.nthreads().values()))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        # pure=False: a re-submitted partition is new work (its files may have changed on disk).
        return self.client.submit(fn, *args, pure=False)

    def share(self, value: Any) -> Any:
        return None if value is None else self.client.scatter(value, broadcast=True)

    def describe(self) -> str:
        return f"dask {self.address} ({self.slots()} worker threads)"


def ordered(tasks: Iterable[Any], limit: int) -> Iterator[Any]:
    """The tasks (futures) of a lazily submitting iterable, in order, never more than `limit` started
    and not yet handed back; the caller takes `.result()` of each."""
    queue: deque[Any] = deque()
    for task in tasks:
        queue.append(task)
        if len(queue) >= limit:
            yield queue.popleft()
    while queue:
        yield queue.popleft()


@contextmanager
def dask_client(address: str) -> Iterator[Any]:
    """A `dask.distributed.Client` for `address`: a scheduler URL, or `local[:N]` for a LocalCluster."""
    from dask.distributed import Client, LocalCluster

    if address == "local" or address.startswith("local:"):
        _, _, workers = address.partition(":")
        try:
            n = int(workers) if workers else 2
        except ValueError:
            n = 0
        if n < 1:
            raise UsageError(f"--dask {address}: expected local or local:N with N a positive number")
        with LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            with Client(cluster) as client:
                yield client
        return
    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {address}: cannot reach the Dask scheduler: {exc}") from exc
    with client:
        yield client


@contextmanager
def open_executor(workers: int = 1, dask: str | None = None) -> Iterator[Executor]:
    """The executor for `--workers N` / `--dask ADDRESS`, open for the whole run (models stay loaded)."""
    if dask:
        with dask_client(dask) as client:
            yield DaskExecutor(client, dask)
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield PoolExecutor(pool, workers)
    else:
        yield Executor()


# -- ingest: reading files in partitions -----------------------------------------------------------


def read_partition(
    paths: list[str], options: IngestOptions, cwd: str | None = None
) -> list[list[Article | Problem]]:
    """One task: read every file of a partition on a worker; each file's articles and problems.

    Paths are as the user gave them, often relative to the driver's folder `cwd`. A worker started
    elsewhere (a remote `dask worker`) reads them under `cwd` (the corpus must be on storage shared
    at the same path) and reports them as given, so the articles' `source_path` and the problems
    name the files exactly as an in-process run does.
    """
    here = os.getcwd()
    found: list[list[Article | Problem]] = []
    for given in paths:
        if cwd is None or cwd == here or os.path.isabs(given):
            found.append(list(ingest.read_file(Path(given), options)))
            continue
        absolute = os.path.join(cwd, given)
        found.append([_as_given(item, absolute, given) for item in ingest.read_file(Path(absolute), options)])
    return found


def _as_given(item: Article | Problem, absolute: str, given: str) -> Article | Problem:

    if isinstance(item, Problem):
        return (
            replace(item, path=given + item.path[len(absolute) :]) if item.path.startswith(absolute) else item
        )
    if item.source_path and item.source_path.startswith(absolute):
        item.source_path = given + item.source_path[len(absolute) :]
    return item


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # read_file reports the error with the file's name


Entry = tuple[Path | Problem, Any]  # a file (or a bad path's Problem) and what the caller tags it with


def _partitions(entries: Iterable[Entry], skip: Callable[[Any], bool]) -> Iterator[tuple[str, list[Entry]]]:
    """("files", entries) for a worker; ("driver", [entry]) for a very large file, a Problem, or an
    entry `skip` says needs no reading, which the driver handles in its place in the order."""
    group: list[Entry] = []
    size = 0
    for entry in entries:
        path, tag = entry
        entry_size = 0 if isinstance(path, Problem) or skip(tag) else _size(path)
        if isinstance(path, Problem) or skip(tag) or entry_size > DRIVER_FILE_BYTES:
            if group:
                yield "files", group
                group, size = [], 0
            yield "driver", [entry]
            continue
        if group and (len(group) >= PARTITION_FILES or size + entry_size > PARTITION_BYTES):
            yield "files", group
            group, size = [], 0
        group.append(entry)
        size += entry_size
    if group:
        yield "files", group


def _never(_tag: Any) -> bool:
    return False


def read_files(
    entries: Iterable[Entry],
    options: IngestOptions,
    executor: Executor | None = None,
    skip: Callable[[Any], bool] = _never,
) -> Iterator[tuple[Path | Problem, Any, Iterable[Article | Problem]]]:
    """(entry, tag, its articles and problems) for each (entry, tag), in input order.

    An entry whose tag `skip` accepts (a file the ingest cache knows unchanged) is not read: its
    items are empty. In-process a file is read by `read_file` itself, lazily, as ingest always did.
    On a pool or a cluster the files are read in partitions on the workers; a partition whose task
    fails (a worker killed by the OS) becomes one error per file, naming the file, as an unreadable
    file does in-process.
    """

    def local(path: Path | Problem, tag: Any) -> Iterable[Article | Problem]:
        if skip(tag):
            return ()
        return [path] if isinstance(path, Problem) else ingest.read_file(path, options)

    if executor is None or type(executor) is Executor:
        for path, tag in entries:
            yield path, tag, local(path, tag)
        return
    shared = executor.share(options)

    def tasks() -> Iterator[tuple[str, list[Entry], Any]]:
        for kind, group in _partitions(entries, skip):
            if kind == "files":
                paths = [str(p) for p, _ in group]
                yield kind, group, executor.submit(read_partition, paths, shared, os.getcwd())
            else:
                yield kind, group, None

    for kind, group, task in ordered(tasks(), executor.max_in_flight):
        if kind == "driver":
            path, tag = group[0]
            yield path, tag, local(path, tag)
            continue
        try:
            per_file = task.result()
        except Exception as exc:  # the worker died or could not unpickle: name every file it held
            reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            per_file = [
                [Problem(str(p), f"worker failed reading this file: {reason}", "error")] for p, _ in group
            ]
        for (path, tag), items in zip(group, per_file, strict=True):
            yield path, tag, items


# -- analysis --------------------------------------------------------------------------------------


def analyze_batch(
    articles: list[Article], resources: Resources | None = None
) -> list[tuple[Article, Analysis]]:
    """One task: analyse a batch in the worker (top-level so it pickles by reference)."""
    from crosswire.analysis import analyze_articles  # spaCy: loaded where articles are analysed

    return list(analyze_articles(articles, resources=resources))


def analyze_chunks(
    chunks: Iterable[list[Article]], executor: Executor, *, resources: Resources | None = None
) -> Iterator[list[tuple[Article, Analysis]]]:
    """Each chunk's (Article, Analysis) pairs, in input order, analysed where `executor` runs tasks."""
    if type(executor) is Executor:
        for chunk in chunks:
            yield analyze_batch(chunk, resources)
        return
    shared = executor.share(resources)
    tasks = (executor.submit(analyze_batch, chunk, shared) for chunk in chunks)
    for task in ordered(tasks, executor.max_in_flight):
        yield task.result()


# Articles per analysis task: large enough to keep spaCy's batches full, small enough that a task's
# results (and a worker's memory) stay small; each finished chunk is saved in one transaction.
CHUNK = 64


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_store(
    store: Store,
    progress: ProgressFn | None = None,
    *,
    executor: Executor | None = None,
    force: bool = False,
    chunk_size: int = CHUNK,
    resources: Resources | None = None,
) -> int:
    """Analyse every stored, analysable article without an analysis (all of them with `force`), in
    chunks run where `executor` runs tasks (this process when None); returns how many were analysed.
    Each finished chunk is saved in one transaction, so an interrupted run resumes where it stopped."""
    # The store finds the unanalysed articles itself (an anti-join), so no set of every analysed id
    # is held here and memory stays flat however large the corpus grows.
    if force:
        todo: Iterable[Article] = (a for a in store.iter_articles() if a.analysable)
        total = store.count_articles()
    else:
        todo, total = store.iter_unanalysed(), store.count_unanalysed()
    count = 0
    for pairs in analyze_chunks(_chunks(todo, chunk_size), executor or Executor(), resources=resources):
        store.save_analyses([analysis for _, analysis in pairs])
        count += len(pairs)
        if progress:
            progress("analysis", count, total)
    if count:
        # The analyses are stored: the cached parses (hundreds of Docs with their tensors) would only
        # raise the peak memory of the steps that follow (story embeddings, outputs).
        from crosswire.nlp import runtime  # spaCy loads only when an analysis ran here

        runtime.clear_cache()
    return count
