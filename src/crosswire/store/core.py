"""The Store: one small, backend-neutral interface over SQLite or PostgreSQL.

Every write method is one transaction, whatever the size of its input: the input is consumed in
chunks of `chunk_rows` (executemany per chunk, so memory stays flat), and if anything fails or the
process dies before the commit, the database is exactly as it was before the call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, is_dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, bindparam, delete, select, update
from sqlalchemy.exc import DBAPIError

from crosswire import model
from crosswire.model import Analysis, Article, Event, Outlet, Story
from crosswire.store import analyses as analysis_store
from crosswire.store import codec, file_cache, queries
from crosswire.store.engine import WRITE_OPTION, StoreError
from crosswire.store.migrate import current_revision
from crosswire.store.queries import DateLike
from crosswire.store.schema import analyses as analyses_table
from crosswire.store.schema import article_relations, articles, outlets, runs
from crosswire.store.sql import CHUNK_ROWS, chunked, insert_ignore, upsert

RELATION_KINDS = ("duplicate", "near_duplicate", "wire")
DISCONNECT_RETRIES = 1  # a dropped connection is retried once; a second drop in a row is an outage
T = TypeVar("T")


@dataclass
class SaveResult:
    """What `save_articles` did: `ids` has one entry per input article, in input order."""

    added: int = 0
    unchanged: int = 0
    ids: list[str] = field(default_factory=list)
    updated: int = 0  # already stored under the same id, but some metadata changed (e.g. a better reader)


class Store:
    """Articles, analyses, events, stories and ingest runs in one database (see `open_store`)."""

    def __init__(self, engine: Engine, url: str, source_url: str | None = None) -> None:
        self.engine = engine
        self.url = url  # for messages: password hidden
        self._source_url = source_url  # as given to open_store, to reopen after pickling
        self.chunk_rows = CHUNK_ROWS

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # A Store pickles as "open this URL again", so it can be handed to process pools and Dask workers.
    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        from crosswire.store import open_store

        return (open_store, (self._source_url if self._source_url is not None else self.engine.url,))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self, what: str, bump: bool = True) -> Iterator[Connection]:
        """One write transaction; `bump` (data changed) raises the generation output writers check."""
        try:
            with self.engine.connect() as conn:
                conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    yield conn
                    if bump:
                        file_cache.bump_generation(conn)
        except DBAPIError as exc:
            raise StoreError(f"{self.url}: {what} failed: {_reason(exc)}") from exc

    def _write_retrying(self, what: str, work: Callable[[Connection], T], retry: bool = True) -> T:
        """`work(conn)` in one write transaction. When the database drops the connection (a PostgreSQL
        restart, an administrator's pg_terminate_backend, a network cut) the transaction is rolled back
        by the server, so with `retry` the whole of it runs once more on a fresh connection."""
        attempts = DISCONNECT_RETRIES + 1 if retry else 1
        for attempt in range(attempts):
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(**{WRITE_OPTION: True})
                    with conn.begin():
                        done = work(conn)
                        file_cache.bump_generation(conn)  # data changed: outputs are stale
                        return done
            except DBAPIError as exc:
                if exc.connection_invalidated and attempt + 1 < attempts:
                    continue
                raise StoreError(f"{self.url}: {what} failed: {_reason(exc)}") from exc
        raise AssertionError("unreachable")  # the loop returns or raises

    @contextmanager
    def _read(self, what: str) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            raise StoreError(f"{self.url}: {what} failed: {_reason(exc)}") from exc

    def revision(self) -> str | None:
        """The Alembic revision the database is at."""
        with self._read("reading the schema revision") as conn:
            return current_revision(conn)

    # -- articles ------------------------------------------------------------------------------

    def save_articles(self, items: Iterable[Article], fingerprints: Sequence[Any] = ()) -> SaveResult:
        """Insert new articles, update changed ones, count unchanged ones: all in one transaction.

        `fingerprints` (store.minhash.FingerprintRow, from the de-duplicator) are written in the same
        transaction, so no crash can leave stored articles that later copies cannot be linked to. A list
        of articles is written again on a fresh connection if the database drops the connection."""
        retry = isinstance(items, Sequence)

        def work(conn: Connection) -> SaveResult:
            result = SaveResult()
            for chunk in chunked(items, self.chunk_rows):
                self._save_article_chunk(conn, chunk, result)
            if fingerprints:
                from crosswire.store.minhash import write_fingerprints

                write_fingerprints(conn, fingerprints)
            return result

        return self._write_retrying("saving articles", work, retry)

    def _save_article_chunk(self, conn: Connection, chunk: list[Article], result: SaveResult) -> None:
        rows: dict[str, dict[str, Any]] = {}
        relations: dict[str, list[dict[str, Any]]] = {}
        for article in chunk:
            row = codec.article_row(article)
            result.ids.append(row["id"])
            rows[row["id"]] = row  # the same article twice in one chunk: the last one wins
            relations[row["id"]] = codec.relation_rows(article, row["id"])
        query = select(articles.c.id, articles.c.record_hash).where(articles.c.id.in_(list(rows)))
        stored = {row[0]: row[1] for row in conn.execute(query)}
        now = codec.utc_now()
        new = [dict(row, ingested_at=now) for key, row in rows.items() if key not in stored]
        changed = [row for key, row in rows.items() if key in stored and stored[key] != row["record_hash"]]
        insert_ignore(conn, articles, new)
        if new and conn.dialect.name == "postgresql":
            new = self._rows_this_call_inserted(conn, new, now)
        result.added += len(new)
        result.updated += len(changed)
        result.unchanged += len(rows) - len(new) - len(changed)
        if changed:
            ids = [row["id"] for row in changed]
            conn.execute(
                delete(article_relations).where(
                    article_relations.c.article_id.in_(ids),
                    article_relations.c.kind.in_(("duplicate", "near_duplicate")),
                )
            )
            stmt = update(articles).where(articles.c.id == bindparam("row_id"))
            conn.execute(stmt, [_update_params(row) for row in changed])
        touched = [r for row in new + changed for r in relations[row["id"]]]
        insert_ignore(conn, article_relations, touched)

    @staticmethod
    def _rows_this_call_inserted(
        conn: Connection, new: list[dict[str, Any]], now: Any
    ) -> list[dict[str, Any]]:
        # PostgreSQL writers run concurrently (SQLite's queue on BEGIN IMMEDIATE), so another process
        # may have inserted one of these articles since the SELECT above, and DO NOTHING skipped ours.
        # Ours carry this chunk's ingested_at; re-reading it counts each article as added exactly once.
        # (A RETURNING clause would tell the same, but makes batch inserts about three times slower.)
        ids = [row["id"] for row in new]
        query = select(articles.c.id).where(articles.c.id.in_(ids), articles.c.ingested_at == now)
        mine = set(conn.execute(query).scalars())
        return [row for row in new if row["id"] in mine]

    def find_by_text_hash(self, text_hash: str) -> str | None:
        with self._read("looking up a text hash") as conn:
            return queries.find_by_text_hash(conn, text_hash)

    def known_hashes(self) -> Iterator[tuple[str, str]]:
        """(id, text_hash) of every stored article, oldest first, streamed: primes the deduplicator."""
        with self._read("reading text hashes") as conn:
            yield from queries.iter_known_hashes(conn)

    def get_article(self, article_id: str) -> Article | None:
        with self._read("reading an article") as conn:
            return queries.get_article(conn, article_id)

    def iter_articles(
        self,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        ids: Iterable[str] | None = None,
        batch_size: int = CHUNK_ROWS,
    ) -> Iterator[Article]:
        """Stored articles, streamed `batch_size` rows at a time (see queries.iter_articles)."""
        queries.article_conditions(outlet, since, until)  # bad dates fail here, not on first next()
        return self._iter_articles(outlet, since, until, ids, batch_size)

    def _iter_articles(self, *args: Any) -> Iterator[Article]:
        with self._read("reading articles") as conn:
            yield from queries.iter_articles(conn, *args)

    def count_articles(
        self,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        ids: Iterable[str] | None = None,
    ) -> int:
        with self._read("counting articles") as conn:
            return queries.count_articles(conn, outlet, since, until, ids)

    def list_articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[dict]:
        with self._read("listing articles") as conn:
            return queries.list_articles(conn, limit, offset, outlet)

    def add_relations(self, relations: Iterable[tuple[str, str, str, float | None]]) -> None:
        """Record (article_id, other_id, kind, score) links, e.g. wire copies found after ingest."""
        rows: list[dict[str, Any]] = []
        for article_id, other_id, kind, score in relations:
            if kind not in RELATION_KINDS:
                raise ValueError(f"relation kind must be one of {', '.join(RELATION_KINDS)}, got {kind!r}")
            rows.append(
                {
                    "article_id": article_id,
                    "other_id": other_id,
                    "kind": kind,
                    "score": score,
                    "position": len(rows),
                }
            )
        with self._write("saving article relations") as conn:
            analysis_store.require_articles(conn, (r["article_id"] for r in rows), "add_relations")
            upsert(conn, article_relations, rows, keys=["article_id", "other_id", "kind"])

    def list_relations(self, article_id: str | None = None) -> list[dict[str, Any]]:
        """Relations touching `article_id` (either side), or all of them."""
        query = select(article_relations).order_by(
            article_relations.c.article_id, article_relations.c.kind, article_relations.c.position
        )
        if article_id is not None:
            query = query.where(
                (article_relations.c.article_id == article_id) | (article_relations.c.other_id == article_id)
            )
        with self._read("listing relations") as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    # -- outlets -------------------------------------------------------------------------------

    def save_outlets(self, items: Iterable[Outlet]) -> int:
        rows = [_outlet_row(o) for o in items]
        with self._write("saving outlets") as conn:
            # The name is unique too: an outlet renamed only in case keeps one row.
            for row in rows:
                conn.execute(delete(outlets).where(outlets.c.name == row["name"], outlets.c.id != row["id"]))
            upsert(conn, outlets, rows, keys=["id"])
        return len(rows)

    def list_outlets(self) -> list[Outlet]:
        with self._read("listing outlets") as conn:
            found = conn.execute(select(outlets).order_by(outlets.c.name)).mappings().all()
        return [codec.outlet_from_dict(dict(row)) for row in found]

    # -- analyses, events, stories -------------------------------------------------------------

    def save_analyses(self, items: Iterable[Analysis]) -> int:
        """Replace each article's previous analysis; all of `items` in one transaction (retried on a
        fresh connection, like save_articles, when `items` is a list and the connection drops)."""

        def work(conn: Connection) -> int:
            saved = 0
            for chunk in chunked(items, max(1, self.chunk_rows // 5)):
                saved += analysis_store.save_analyses(conn, chunk)
            return saved

        return self._write_retrying("saving analyses", work, isinstance(items, Sequence))

    def get_analysis(self, article_id: str) -> Analysis | None:
        with self._read("reading an analysis") as conn:
            return analysis_store.get_analysis(conn, article_id)

    def analysed_ids(self) -> list[str]:
        """Ids of the articles that have a stored analysis (what a re-run of the nlp stage skips)."""
        with self._read("listing analysed articles") as conn:
            return list(conn.execute(select(analyses_table.c.article_id)).scalars())

    def iter_unanalysed(self, batch_size: int = CHUNK_ROWS) -> Iterator[Article]:
        """Analysable articles without a stored analysis, streamed (an anti-join: no id set in memory).

        A page at a time, each read in its own short transaction (keyset paging on the id): the caller
        saves analyses while it iterates, and one read held open for the whole analysis would keep
        SQLite from checkpointing its write-ahead log (216 MB after a few minutes at 10k articles, and
        growing with the corpus) and PostgreSQL from vacuuming."""
        after: str | None = None
        while True:
            with self._read("reading unanalysed articles") as conn:
                page = list(queries.iter_unanalysed(conn, batch_size, after=after, limit=batch_size))
            yield from page
            if len(page) < batch_size:
                return
            after = page[-1].id

    def count_unanalysed(self) -> int:
        with self._read("counting unanalysed articles") as conn:
            return queries.count_unanalysed(conn)

    def iter_analyses(self, ids: Iterable[str] | None = None) -> Iterator[Analysis]:
        """Stored analyses, one article at a time (all analysed articles unless `ids` is given)."""
        for article_id in list(ids) if ids is not None else self._analysed_id_pages():
            found = self.get_analysis(article_id)
            if found is not None:
                yield found

    def _analysed_id_pages(self, page: int = 1000) -> Iterator[str]:
        """Every analysed article's id in id order, a page at a time (keyset paging: no list of all ids,
        and no cursor held open while the caller reads each analysis)."""
        after = ""
        while True:
            query = select(analyses_table.c.article_id).where(analyses_table.c.article_id > after)
            with self._read("listing analysed articles") as conn:
                found = list(conn.execute(query.order_by(analyses_table.c.article_id).limit(page)).scalars())
            yield from found
            if len(found) < page:
                return
            after = found[-1]

    def save_events(self, items: Iterable[Event]) -> int:
        saved = 0
        with self._write("saving events") as conn:
            for chunk in chunked(items, self.chunk_rows):
                saved += analysis_store.save_events(conn, chunk)
        return saved

    def iter_events(self, **filters: Any) -> Iterator[Event]:
        """Events streamed; filters: article_id, cameo (prefix), source_code, target_code, since, until."""
        with self._read("reading events") as conn:
            yield from queries.iter_events(conn, **filters)

    def save_stories(self, items: list[Story]) -> int:
        with self._write("saving stories") as conn:
            return analysis_store.replace_stories(conn, list(items))

    def list_stories(self, article_id: str | None = None) -> list[Story]:
        with self._read("listing stories") as conn:
            return analysis_store.list_stories(conn, article_id)

    def get_story(self, story_id: str) -> Story | None:
        with self._read("reading a story") as conn:
            return analysis_store.get_story(conn, story_id)

    # -- ingest runs ---------------------------------------------------------------------------

    def start_run(self, paths: Iterable[Any]) -> int:
        row = {"started_at": codec.utc_now(), "paths": [str(p) for p in paths], "counts": {}, "problems": []}
        with self._write("starting a run", bump=False) as conn:
            return int(conn.execute(runs.insert().values(**row).returning(runs.c.id)).scalar_one())

    def finish_run(self, run_id: int, counts: dict[str, Any], problems: Iterable[Any] = ()) -> None:
        values = {
            "finished_at": codec.utc_now(),
            "counts": dict(counts),
            "problems": [_problem_dict(p) for p in problems],
        }
        with self._write("finishing a run", bump=False) as conn:
            if conn.execute(update(runs).where(runs.c.id == run_id).values(**values)).rowcount == 0:
                raise StoreError(f"{self.url}: finish_run: no run with id {run_id!r}")

    def list_runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest runs first: paths, counts and problems, with times as ISO strings (UTC)."""
        with self._read("listing runs") as conn:
            found = conn.execute(select(runs).order_by(runs.c.id.desc()).limit(limit)).mappings().all()
        out = []
        for row in found:
            rec = dict(row)
            for key in ("started_at", "finished_at"):
                rec[key] = rec[key].isoformat() + "+00:00" if rec[key] else None
            out.append(rec)
        return out


def _update_params(row: dict[str, Any]) -> dict[str, Any]:
    # The key travels as `row_id`: `id` itself is not SET, and ingested_at keeps the first ingest time.
    params = {k: v for k, v in row.items() if k != "id"}
    params["row_id"] = row["id"]
    return params


def _outlet_row(outlet: Outlet) -> dict[str, Any]:
    if not isinstance(outlet, Outlet):
        raise TypeError(f"save_outlets expects model.Outlet records, got {type(outlet).__name__}")
    rec = model.to_dict(outlet)
    return {
        k: rec[k]
        for k in ("id", "name", "domains", "country", "language", "kind", "leaning", "owner", "aliases")
    }


def _problem_dict(problem: Any) -> dict[str, Any]:
    if is_dataclass(problem) and not isinstance(problem, type):
        return model.to_dict(problem)
    if isinstance(problem, dict):
        return dict(problem)
    return {"path": None, "message": str(problem), "severity": "error"}


def _reason(exc: DBAPIError) -> str:
    """The driver's own message, first lines only (psycopg adds hints and context below)."""
    lines = [line.strip() for line in str(exc.orig or exc).strip().splitlines() if line.strip()]
    reason = " ".join(lines[:2]) or type(exc).__name__
    if "readonly database" in reason or "query_only" in reason:
        reason += (
            " (the store is read-only: its file system is mounted read-only or its folder cannot be written)"
        )
    if "database or disk is full" in reason:
        # SQLite rolled the transaction back: what was committed before is intact.
        reason += " (disk full: nothing of this write was kept; free space and run again)"
    return reason
