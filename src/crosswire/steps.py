"""The analysis steps and output writers `crosswire analyze` runs (see `run.ANALYSIS_STEPS`).

A step enriches the stored corpus (`step(corpus, progress)`); a writer writes files into the output
folder and returns {output name: path}. Each one is a thin adapter from a `Corpus` to the stage that
does the work, so adding a capability to `analyze` is one function here and one list entry in run.py.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crosswire.corpus import Corpus
from crosswire.errors import UsageError
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.knowledge.resources import Resources
from crosswire.model import ProgressFn
from crosswire.scale import analyze_store, open_executor
from crosswire.version import __version__

# Importing this module (and so `crosswire.api`) stays cheap for `crosswire ingest` and the web server:
# the stages that load spaCy, SciPy or Jinja2 are imported by the step that runs them.
Writer = Callable[[Corpus, Path], dict[str, str]]
# Beside the outputs: the store generation each writer last wrote at, and its files' sizes and times.
OUTPUTS_STATE = ".crosswire-outputs.json"


def _file_stamp(path: str) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def _read_state(out_dir: Path) -> dict[str, Any]:
    try:
        state = json.loads((out_dir / OUTPUTS_STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _store_key(corpus: Corpus) -> list[Any]:
    """(crosswire version, store URL, store generation)."""
    return [__version__, str(corpus.db_url), corpus.store.generation()]


def skip_when_unchanged(writer: Writer) -> Writer:
    """`skip_when_unchanged_by` with no options: the store alone decides."""
    return skip_when_unchanged_by(lambda corpus: [])(writer)


def skip_when_unchanged_by(options: Callable[[Corpus], list[Any]]) -> Callable[[Writer], Writer]:
    """Run the writer only when the store, or the run's `options(corpus)` the writer's output depends
    on (the report's `all_events`), changed since it last wrote into this folder.

    The generation is read before writing, so a change made while the files are written makes the
    next run write again. A file that is missing or was edited since (size or time differ) is
    rewritten too, so a skip never leaves a stale or absent output behind."""

    def decorate(writer: Writer) -> Writer:
        @functools.wraps(writer)
        def wrapped(corpus: Corpus, out_dir: Path) -> dict[str, str]:
            return _write_unless_unchanged(writer, [*_store_key(corpus), *options(corpus)], corpus, out_dir)

        return wrapped

    return decorate


def _write_unless_unchanged(writer: Writer, key: list[Any], corpus: Corpus, out_dir: Path) -> dict[str, str]:
    state = _read_state(out_dir)
    mine = state.get(writer.__name__)
    if isinstance(mine, dict) and mine.get("key") == key:
        files = mine.get("files") or {}
        if files and all(_file_stamp(path) == stamp for path, stamp in files.items()):
            return dict(mine.get("outputs") or {})
    written = writer(corpus, out_dir)
    state = _read_state(out_dir)  # other writers may have recorded theirs meanwhile
    stamps = {path: _file_stamp(path) for path in written.values()}
    state[writer.__name__] = {"key": key, "outputs": written, "files": stamps}
    temporary = out_dir / (OUTPUTS_STATE + ".tmp")
    temporary.write_text(json.dumps(state, indent=1), encoding="utf-8")
    temporary.replace(out_dir / OUTPUTS_STATE)
    return written


@skip_when_unchanged
def write_articles_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`articles.jsonl`: every stored article, streamed from the store."""
    from crosswire.export.jsonl import write_articles_jsonl  # the export package loads SciPy (events)

    path = out_dir / "articles.jsonl"
    write_articles_jsonl(corpus.articles(), path)
    return {"articles": str(path)}


def nlp_step(corpus: Corpus, progress: ProgressFn | None) -> None:
    """Analyse every stored article that has no analysis yet (actors, quotes, events, ...)."""
    config = corpus.config
    kb = None
    if config.actors is not None:
        kb = KnowledgeBase.builtin().copy()
        try:
            kb.load_petrarch_dir(config.actors)
        except (OSError, ValueError) as exc:
            raise UsageError(f"{config.actors}: cannot read actor dictionaries: {exc}") from exc
    # The registry the run ingested with (a user's --sources or a folder's sources.toml), so that
    # outlet-dependent rules (an unnamed "government" official is the outlet's) see the same outlets.
    resources = Resources(kb=kb, sources=config.sources)
    if config.executor is not None:  # the run's executor (run.analyze opens it)
        analyze_store(corpus.store, progress, resources=resources, executor=config.executor)
    else:
        with open_executor(config.workers, config.dask) as executor:
            analyze_store(corpus.store, progress, resources=resources, executor=executor)


def stories_step(corpus: Corpus, progress: ProgressFn | None) -> None:
    """Group the stored corpus into stories and store them (only what changed)."""
    from crosswire.stories.build import stories_step as group_stories  # SciPy and the embedding model

    group_stories(corpus.store, progress)


@skip_when_unchanged
def write_analysis_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`quotes.jsonl` and `actors.jsonl` from the stored analyses; unchanged articles' lines are
    copied, not rebuilt."""
    from crosswire.export.analysis import write_analysis_jsonl_spliced

    return write_analysis_jsonl_spliced(corpus.store, out_dir)


@skip_when_unchanged
def write_events_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`events.jsonl` (events merged across sentences and articles) and the GDELT-like `events.csv`."""
    from crosswire.export import export_event_files

    written = export_event_files(corpus.store, out_dir, ("jsonl", "csv"))  # one merge for both files
    return {"events": str(written["jsonl"][0]), "event_table": str(written["csv"][0])}


@skip_when_unchanged
def write_stories_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`stories.jsonl` from the stored stories."""
    from crosswire.stories.build import write_stories_output as write_stories  # SciPy

    return write_stories(corpus.store, out_dir)


@skip_when_unchanged_by(lambda corpus: [{"all_events": corpus.config.all_events}])
def write_report_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`report.md` and `report.html` (the doubted events shown as facts too with `all_events`)."""
    from crosswire.report.render import write_report  # SciPy (stories) and Jinja2

    return write_report(corpus.store, out_dir, all_events=corpus.config.all_events)
