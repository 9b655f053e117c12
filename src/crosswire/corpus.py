"""A corpus: the articles, analyses and stories of one store, queried on demand; and what a run did.

    from crosswire.corpus import open_corpus
    with open_corpus("out/crosswire.db", must_exist=True) as corpus:
        for article in corpus.articles(outlet="The Hankyoreh"):
            print(article.title, article.published)

A `Corpus` answers queries by reading the store, never by keeping articles in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosswire.errors import CrosswireError, StoreError, UsageError
from crosswire.model import Analysis, Article, Problem, Story, article_record, to_dict

if TYPE_CHECKING:  # typing only: importing the store loads SQLAlchemy, which `list` commands may not need yet
    from crosswire.knowledge.sources import SourceRegistry
    from crosswire.scale import Executor
    from crosswire.store.protocol import Store

PathLike = str | os.PathLike[str]

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


@dataclass
class RunConfig:
    """How a run's analysis steps execute: the typed form of what `analyze`'s options ask for.

    `workers` local processes (or the Dask cluster at `dask`: "local", "local:N" or a scheduler
    address) analyse articles; `actors` is a folder of PETRARCH/Phoenix actor dictionaries merged into
    the built-in knowledge base; `sources` is the registry the run ingested with, so outlet-dependent
    rules see the same outlets; `executor` is the run's open executor (set while `analyze` runs);
    `all_events` is `--all-events` for the report the run writes."""

    workers: int = 1
    dask: str | None = None
    actors: Path | None = None
    sources: SourceRegistry | None = None
    executor: Executor | None = None
    # the briefing's one switch (stories/briefing.py `shown_and_doubted`): the report shows the events
    # the precision gate doubts as facts too
    all_events: bool = False


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
    registry: SourceRegistry | None = field(default=None, repr=False, compare=False)

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


def open_store_or_fail(db: str | None) -> Store:
    """`store.open_store(db)`, with any failure turned into a StoreError that names the store."""
    from crosswire.store import open_store  # the store's engine and migrations: only when a store opens

    try:
        return open_store(db)
    except CrosswireError:
        raise
    except Exception as exc:  # driver, path, migration: the user needs the URL and the cause
        raise StoreError(f"cannot open store {db or 'crosswire.db'}: {exc}") from exc


class Corpus:
    """The articles, analyses and stories in one store, queried on demand."""

    def __init__(self, store: Store, db_url: str | None = None, summary: RunSummary | None = None) -> None:
        self._store = store
        self.db_url = db_url if db_url is not None else store.url
        self.summary = summary
        self.outputs: dict[str, str] = {}
        self.config = RunConfig()

    @property
    def store(self) -> Store:
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

    def analysis(self, article_id: str) -> Analysis | None:
        """The nlp Analysis of one article, once the nlp stage has stored one (else None)."""
        return self._store.get_analysis(article_id)

    def stories(self) -> list[Story]:
        return list(self._store.list_stories())

    def story(self, story_id: str) -> Story | None:
        return self._store.get_story(story_id)

    def runs(self) -> list[dict[str, Any]]:
        return list(self._store.list_runs())

    def close(self) -> None:
        self._store.close()

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
    """Open an existing (or new, empty) store as a Corpus. With `must_exist`, a store that is not there
    (a SQLite file missing or without crosswire's tables, a PostgreSQL database missing or without
    them, an in-memory store) is a UsageError rather than a new empty store: the read-only commands
    ask for this, so a mistyped --db never leaves a store behind or answers with nothing."""
    if must_exist:
        from crosswire.store.engine import missing_store

        missing = missing_store(db)
        if missing is not None:
            raise UsageError(f"no store at {missing}; run `crosswire analyze` first")
    store = open_store_or_fail(db)
    return Corpus(store, store.url or db)
