"""The analysis steps and output writers `crosswire analyze` runs (see `api.ANALYSIS_STEPS`).

A step enriches the stored corpus (`step(corpus, progress)`); a writer writes files into the output
folder and returns {output name: path}. Each one is a thin adapter from a `Corpus` to the stage that
does the work, so adding a capability to `analyze` is one function here and one list entry in api.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crosswire.api import Corpus, ProgressFn

Writer = Callable[["Corpus", Path], dict[str, str]]
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


def _store_key(corpus: Corpus) -> list[Any] | None:
    """(crosswire version, store URL, store generation), or None when the store keeps no generation."""
    from crosswire import __version__

    if not hasattr(corpus.store, "_read"):
        return None
    from crosswire.store.file_cache import generation

    return [__version__, str(corpus.db_url), generation(corpus.store)]


def skip_when_unchanged(writer: Writer) -> Writer:
    """Run `writer` only when the store changed since it last wrote into this folder.

    The generation is read before writing, so a change made while the files are written makes the
    next run write again. A file that is missing or was edited since (size or time differ) is
    rewritten too, so a skip never leaves a stale or absent output behind."""

    @functools.wraps(writer)
    def wrapped(corpus: Corpus, out_dir: Path) -> dict[str, str]:
        key = _store_key(corpus)
        state = _read_state(out_dir)
        mine = state.get(writer.__name__)
        if key is not None and isinstance(mine, dict) and mine.get("key") == key:
            files = mine.get("files") or {}
            if files and all(_file_stamp(path) == stamp for path, stamp in files.items()):
                return dict(mine.get("outputs") or {})
        written = writer(corpus, out_dir)
        if key is not None:
            state = _read_state(out_dir)  # other writers may have recorded theirs meanwhile
            stamps = {path: _file_stamp(path) for path in written.values()}
            state[writer.__name__] = {"key": key, "outputs": written, "files": stamps}
            temporary = out_dir / (OUTPUTS_STATE + ".tmp")
            temporary.write_text(json.dumps(state, indent=1), encoding="utf-8")
            temporary.replace(out_dir / OUTPUTS_STATE)
        return written

    return wrapped


@skip_when_unchanged
def write_articles_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`articles.jsonl`: every stored article, streamed from the store."""
    from crosswire.export.jsonl import write_articles_jsonl

    path = out_dir / "articles.jsonl"
    write_articles_jsonl(corpus.articles(), path)
    return {"articles": str(path)}


def nlp_step(corpus: Corpus, progress: ProgressFn | None) -> None:
    """Analyse every stored article that has no analysis yet (actors, quotes, events, ...)."""
    from crosswire.nlp.pipeline import Resources, analyze_store

    settings = corpus.settings
    kb = None
    if settings.get("actors"):
        from crosswire.nlp.kb import KnowledgeBase

        kb = KnowledgeBase.builtin().copy()
        try:
            kb.load_petrarch_dir(Path(settings["actors"]))
        except (OSError, ValueError) as exc:
            raise _usage_error(f"{settings['actors']}: cannot read actor dictionaries: {exc}") from exc
    # The registry the run ingested with (a user's --sources or a folder's sources.toml), so that
    # outlet-dependent rules (an unnamed "government" official is the outlet's) see the same outlets.
    resources = Resources(kb=kb, sources=settings.get("sources"))
    if settings.get("executor") is not None:  # the run's scale.Executor (api.analyze opens it)
        analyze_store(corpus.store, progress, resources=resources, executor=settings["executor"])
    elif settings.get("dask"):
        from crosswire.scale import dask_client

        with dask_client(settings["dask"]) as client:
            analyze_store(corpus.store, progress, resources=resources, client=client)
    else:
        n_process = int(settings.get("n_process") or 1)
        analyze_store(corpus.store, progress, resources=resources, n_process=n_process)


def stories_step(corpus: Corpus, progress: ProgressFn | None) -> None:
    from crosswire.stories.build import stories_step as build_and_store

    build_and_store(corpus, progress)


@skip_when_unchanged
def write_analysis_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`quotes.jsonl` and `actors.jsonl` from the stored analyses."""
    if hasattr(corpus.store, "_read"):  # a Store: unchanged articles' lines are copied, not rebuilt
        from crosswire.export.analysis import write_analysis_jsonl_spliced

        return write_analysis_jsonl_spliced(corpus.store, out_dir)
    from crosswire.export.analysis import write_analysis_jsonl

    return write_analysis_jsonl(corpus.store.iter_analyses(), out_dir)


@skip_when_unchanged
def write_events_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    """`events.jsonl` (events merged across sentences and articles) and the GDELT-like `events.csv`."""
    from crosswire.export import export_event_files

    written = export_event_files(corpus.store, out_dir, ("jsonl", "csv"))  # one merge for both files
    return {"events": str(written["jsonl"][0]), "event_table": str(written["csv"][0])}


@skip_when_unchanged
def write_stories_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    if hasattr(corpus.store, "_read"):  # a Store: records reshaped as stored, no model objects built
        from crosswire.store.story_state import iter_story_records
        from crosswire.stories.build import story_record_from_stored

        path = Path(out_dir) / "stories.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for stored in iter_story_records(corpus.store):
                fh.write(json.dumps(story_record_from_stored(stored), ensure_ascii=False) + "\n")
        return {"stories": str(path)}
    from crosswire.stories.build import write_stories_output as write

    return write(corpus, out_dir)


@skip_when_unchanged
def write_report_output(corpus: Corpus, out_dir: Path) -> dict[str, str]:
    from crosswire.report.render import write_report_output as write

    return write(corpus, out_dir)


def _usage_error(message: str) -> Any:
    from crosswire.api import UsageError

    return UsageError(message)
