"""`analyze`: ingest, then every analysis step, then every output writer, through one executor.

`ANALYSIS_STEPS` enrich the stored corpus (nlp analyses, stories) and `OUTPUT_WRITERS` write files
into the output folder (steps.py); later capabilities join by appending one function to a list. One
`scale.Executor` (this process, a process pool or a Dask cluster) is opened per run, so pool or
cluster workers load their models once, and every stage that fans out uses it.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from crosswire import heap
from crosswire.corpus import Corpus, PathLike, open_store_or_fail
from crosswire.errors import UsageError, as_crosswire_error
from crosswire.ingest_run import BATCH_SIZE, ingest_into
from crosswire.model import ProgressFn
from crosswire.scale import open_executor
from crosswire.steps import (
    nlp_step,
    stories_step,
    write_analysis_output,
    write_articles_output,
    write_events_output,
    write_report_output,
    write_stories_output,
)

# An analysis step enriches the stored corpus (nlp analyses, stories); it reads and writes through
# `corpus.store` and reports progress under its own task name.
AnalysisStep = Callable[[Corpus, ProgressFn | None], None]
# An output writer writes files into the output folder and returns {output name: path}.
OutputWriter = Callable[[Corpus, Path], dict[str, str]]

ANALYSIS_STEPS: list[AnalysisStep] = [nlp_step, stories_step]
OUTPUT_WRITERS: list[OutputWriter] = [
    write_articles_output,
    write_analysis_output,
    write_events_output,
    write_stories_output,
    write_report_output,
]


# The phase each step or writer's time is counted under in `RunSummary.phases`; any other is "outputs".
# "analysis" holds everything per article (parse, actors, quotes, tone, event coding, 5W1H); "events" is
# the merge of events across articles and its files.
PHASES = ("ingest", "analysis", "stories", "events", "outputs")
PHASE_OF = {
    "nlp_step": "analysis",
    "stories_step": "stories",
    "write_events_output": "events",
}


# A run allocates millions of short-lived objects (tokens, spans, analyses) beside a large heap of
# long-lived ones (the spaCy model, knowledge base, gazetteer, lexicons). At Python's default, a
# collection every 700 net allocations, the full collections that follow traverse that whole heap:
# 1.4 CPU seconds of a 100-article run (7%, as much as the story embeddings). Every 10,000: 0.5 s, at
# the same peak memory (benchmarks/e2e.py). The process's own setting is restored after the run.
GC_ALLOCATIONS = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_ALLOCATIONS), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextmanager
def _timed(phases: dict[str, float] | None, name: str) -> Iterator[None]:
    """Add the wall-clock time of the block to `phases[name]` (nothing when phases is None)."""
    start = time.perf_counter()
    try:
        yield
    finally:
        if phases is not None:
            phases[name] = phases.get(name, 0.0) + time.perf_counter() - start


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
        with _timed(phases, PHASE_OF.get(getattr(writer, "__name__", ""), "outputs")):
            written.update(writer(corpus, out))
    return written


@_fewer_collections()
@heap.run_scope()
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
    all_events: bool = False,
) -> Corpus:
    """Ingest `paths`, run every available analysis, and write outputs to `out` when given.

    `workers` local processes read files and analyse articles in parallel (`n_process` is its older
    name); `dask` ("local", "local:N" or a scheduler address such as "tcp://host:8786") runs the same
    stages on a Dask cluster instead (`crosswire.scale`); `parquet` is a folder for the partitioned
    Parquet dataset (docs/output-format.md); `actors` is a folder of PETRARCH/Phoenix actor
    dictionaries merged into the built-in knowledge base; `all_events` shows the events the precision
    gate doubts as facts in the report (by default they are listed apart as less certain).

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
        from crosswire.export.parquet_parts import DatasetError, check_target, write_dataset  # pyarrow

        try:
            check_target(Path(parquet))
        except DatasetError as exc:
            raise UsageError(str(exc)) from exc
    store = open_store_or_fail(db)
    corpus = Corpus(store, store.url or db)
    config = corpus.config
    config.workers = max(workers or 1, n_process)
    config.dask = dask
    config.actors = Path(actors) if actors is not None else None
    config.all_events = all_events
    try:
        # One executor for the whole run: pool or cluster workers load their models once.
        phases = dict.fromkeys(PHASES, 0.0)  # in this order, each counted even when it takes no time
        with open_executor(config.workers, dask) as executor:
            config.executor = executor
            with _timed(phases, "ingest"):
                corpus.summary = ingest_into(
                    store, paths, manifest, sources, max_bytes, progress, batch_size, corpus.db_url, executor
                )
            corpus.summary.phases = phases
            config.sources = corpus.summary.registry
            for step in ANALYSIS_STEPS:
                try:
                    with _timed(phases, PHASE_OF.get(getattr(step, "__name__", ""), "analysis")):
                        step(corpus, progress)
                except Exception as exc:
                    mapped = as_crosswire_error(exc)
                    if mapped is None or mapped is exc:
                        raise
                    raise mapped from exc
        config.executor = None
        if out is not None:
            corpus.outputs = write_outputs(corpus, out, phases)
        if parquet is not None:
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
