"""SqlStore: the one implementation of the `Store` protocol (protocol.py), over SQLite or PostgreSQL.

Every write method is one transaction, whatever the size of its input: the input is consumed in
chunks of `chunk_rows` (executemany per chunk, so memory stays flat), and if anything fails or the
process dies before the commit, the database is exactly as it was before the call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import is_dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, bindparam, delete, select, update
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, SQLAlchemyError

from crosswire import model
from crosswire.errors import RecordRefused, StoreError
from crosswire.model import Analysis, Article, Event, Outlet, Story
from crosswire.store import analyses as analysis_store
from crosswire.store import browse, bulk, codec, file_cache, minhash, queries, story_state
from crosswire.store import scope as scope_queries
from crosswire.store.engine import WRITE_OPTION, create_store_engine
from crosswire.store.migrate import UnknownStoreError, check_sqlite_file, current_revision, upgrade_to_head
from crosswire.store.minhash import write_fingerprints
from crosswire.store.protocol import FingerprintRow, Lookup, SaveResult
from crosswire.store.queries import DateLike
from crosswire.store.schema import analyses as analyses_table
from crosswire.store.schema import article_relations, articles, outlets, runs
from crosswire.store.sql import CHUNK_ROWS, chunked, insert_ignore, upsert

RELATION_KINDS = ("duplicate", "near_duplicate", "wire")
DISCONNECT_RETRIES = 1  # a dropped connection is retried once; a second drop in a row is an outage
T = TypeVar("T")


class SqlStore:
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
        return (open_store, (self._source_url if self._source_url is not None else self.engine.url,))

    def __enter__(self) -> SqlStore:
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
            raise _store_error(self.url, what, exc) from exc

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
                raise _store_error(self.url, what, exc) from exc
        raise AssertionError("unreachable")  # the loop returns or raises

    @contextmanager
    def _read(self, what: str) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except DBAPIError as exc:
            raise StoreError(f"{self.url}: {what} failed: {_reason(exc)}") from exc

    def shared_between_processes(self) -> bool:
        """Whether another process opening this store's URL sees the same data (not in-memory SQLite)."""
        url = self.engine.url
        if url.get_backend_name() != "sqlite":
            return True
        database = url.database or ""
        in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
        return not in_memory and url.query.get("mode") != "memory"

    def full_url(self) -> str:
        """The URL another process opens this store by: password included, SQLite path absolute."""
        return self.engine.url.render_as_string(hide_password=False)

    def check_integrity(self) -> None:
        """SQLite's own consistency check of every page and index (PostgreSQL checks its pages itself);
        raises StoreError naming the damage."""
        if self.backend != "sqlite":
            return
        try:
            with self.engine.connect() as conn:
                found = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check(5)")]
        except Exception as exc:  # a page so damaged that the check itself cannot run
            raise StoreError(f"{self.url}: integrity check failed: {exc}") from exc
        if found != ["ok"]:
            raise StoreError(f"{self.url}: integrity check found damage: {'; '.join(found)}")

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

    # -- whole-store reads for the writers and the report (store/bulk.py, store/scope.py) ------------

    def iter_all_analyses(
        self, ids: set[str] | None = None, parts: tuple[str, ...] = bulk.TABLES
    ) -> Iterator[Analysis]:
        """Every stored analysis (or those of `ids`) in article id order, as `iter_analyses()` yields
        them, each table streamed once; only the record lists named in `parts` are filled."""
        with self._read("reading analyses") as conn:
            yield from bulk.iter_all_analyses(conn, ids, parts)

    def analysed_events(self) -> Iterator[Event]:
        """Each analysed article's events (by first mention), article by article in id order."""
        with self._read("reading events") as conn:
            yield from bulk.analysed_events(conn)

    def analysis_stamps(self) -> Iterator[tuple[str, str]]:
        """(article id, analysis time as ISO text) of every analysed article, in id order."""
        with self._read("reading analysis times") as conn:
            yield from bulk.analysis_stamps(conn)

    def stored_stories(self, ids: Iterable[str] | None = None) -> list[Story]:
        """`list_stories()` decoded in one pass; given `ids`, only those stories, in position order."""
        with self._read("reading stories") as conn:
            return bulk.stored_stories(conn, ids)

    def article_urls(self) -> dict[str, str]:
        """{article id: URL} for the articles that have one (no text is read)."""
        with self._read("reading article URLs") as conn:
            return bulk.article_urls(conn)

    def story_measures(self) -> list[tuple[str, int, int, datetime | None]]:
        """(story id, distinct outlets, articles, latest publication) of every stored story."""
        with self._read("ranking stories for the report") as conn:
            return scope_queries.story_measures(conn)

    def corpus_size(self) -> tuple[int, int]:
        """(stories, non-duplicate articles) in the store."""
        with self._read("counting the corpus") as conn:
            return scope_queries.corpus_size(conn)

    def latest_members(self, story_id: str, limit: int) -> set[str]:
        """The ids of a story's `limit` latest non-duplicate articles."""
        with self._read("choosing the report's articles") as conn:
            return scope_queries.latest_members(conn, story_id, limit)

    def in_corpus_order(self, ids: set[str]) -> list[str]:
        """`ids` (non-duplicates only) in `iter_articles()` order."""
        with self._read("ordering the report's articles") as conn:
            return scope_queries.in_corpus_order(conn, ids)

    def publication_dates(self) -> list[tuple[str, str | None]]:
        """(article id, stored publication date) of every article."""
        with self._read("reading article dates") as conn:
            return scope_queries.publication_dates(conn)

    # -- story state (store/story_state.py) -------------------------------------------------------

    def iter_story_records(self, ids: Sequence[str] | None = None) -> Iterator[dict[str, Any]]:
        """Each stored story's record as plain JSON values, in story order (only `ids` if given)."""
        return story_state.iter_story_records(self, ids=ids)

    def story_ids(self) -> set[str]:
        return story_state.story_ids(self)

    def story_members(self) -> dict[str, list[str]]:
        """{story id: its article ids} of every stored story."""
        return story_state.story_members(self)

    def article_states(self) -> Iterator[tuple[str, str]]:
        """(id, state) of every non-duplicate article: a changed state means changed or analysed again."""
        return story_state.article_states(self)

    def load_story_index(self) -> bytes | None:
        return story_state.load_story_index(self)

    def save_story_changes(self, order: Sequence[str], changed: Iterable[Story], payload: bytes) -> int:
        """The stories become those of `order`, writing only `changed`, with the index, in one transaction."""
        return story_state.save_story_changes(self, order, changed, payload)

    # -- ids typed short, stories that moved (store/browse.py) -------------------------------------

    def article_ids_starting(self, prefix: str, limit: int = 5) -> list[str]:
        """Up to `limit` stored article ids that start with `prefix`, in id order."""
        return browse.article_ids_starting(self, prefix, limit)

    def story_moved_to(self, old_id: str) -> str | None:
        """The id of the stored story once known as `old_id`, or None."""
        return browse.story_moved_to(self, old_id)

    # -- de-duplication and the ingested-files cache ---------------------------------------------

    def lookup_fingerprints(
        self, text_hashes: Iterable[str], key_groups: Sequence[Sequence[int]], article_ids: Iterable[str]
    ) -> Lookup:
        """Stored originals, near-duplicate candidates and known fingerprints for one batch (minhash.py)."""
        return minhash.lookup(self, text_hashes, key_groups, article_ids)

    def save_fingerprints(self, rows: Sequence[FingerprintRow]) -> int:
        return minhash.save_fingerprints(self, rows)

    def file_cache(self, options_digest: str) -> file_cache.FileCache:
        """The ingested-files cache for one run's ingest options (file_cache.py)."""
        return file_cache.FileCache(self, options_digest)

    def generation(self) -> int:
        """A counter every write transaction that changes the corpus raises."""
        return file_cache.generation(self)

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


def _store_error(url: str, what: str, exc: DBAPIError) -> StoreError:
    """The StoreError for a failed statement: RecordRefused when the database refused a value or a
    constraint (the record is at fault), else a plain StoreError (the store is)."""
    kind = RecordRefused if isinstance(exc, DataError | IntegrityError) else StoreError
    return kind(f"{url}: {what} failed: {_reason(exc)}")


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


def open_store(url: str | None = None) -> SqlStore:
    """Open (creating if needed) the store at `url` and migrate it to the newest schema.

    `url`: None -> SQLite file ./crosswire.db; "my.db" or "sqlite:///path.db" -> that SQLite file;
    "postgresql://user@host:port/db" -> PostgreSQL through psycopg 3. Raises StoreError naming the
    URL when the database cannot be opened, the driver is missing, or migrating fails; an existing
    SQLite file that is not a database, is damaged, belongs to another program or was written by a
    newer crosswire is refused before anything is written to it.
    """
    engine, shown = create_store_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            check_sqlite_file(engine.url.database)
        with engine.connect():
            pass
        upgrade_to_head(engine)
    except DBAPIError as exc:
        engine.dispose()
        detail = " ".join(str(exc.orig or exc).split())[:300]
        raise StoreError(f"cannot open store {shown}: {detail}") from exc
    except UnknownStoreError as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {shown}: {exc}") from exc
    except (SQLAlchemyError, OSError, RuntimeError) as exc:
        engine.dispose()
        raise StoreError(f"cannot open store {shown}: {exc}") from exc
    return SqlStore(engine, shown, url)
