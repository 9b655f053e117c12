"""What makes a re-run cheap: the files already ingested, and a generation counter for the outputs.

`FileCache` answers "is this file exactly as it was when its articles were stored?" from the
`ingested_files` table: same path, size and modification time (or, when only the time moved, the same
content hash) and the same ingest options (manifest, sources registry, limits, crosswire version). Such
a file is skipped without being decoded. A file is recorded only after the transaction holding its
articles committed, and only when it was read without problems, so a crash or a bad file just means
it is read again next time. Deleting an article (browse.delete_article) forgets the whole cache,
so the next run restores what a re-ingest used to restore.

`generation(store)` reads the `store_meta` counter that `Store._write` raises in every data-changing
transaction; an output writer that remembers the generation it wrote at can skip rewriting.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from crosswire.store import codec
from crosswire.store.protocol import Connections
from crosswire.store.schema import ingested_files, store_meta
from crosswire.store.sql import CHUNK_ROWS, chunked, insert_ignore, upsert

GENERATION = "generation"


def content_hash(path: Path) -> str:
    """blake2b of a file's bytes, read in blocks (a WARC may be larger than memory)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


@dataclass
class FileState:
    """A file as it is on disk now, and whether the cache says its articles are already stored."""

    path: Path
    size: int
    mtime_ns: int
    articles: int | None = None  # stored articles when the file can be skipped, else None
    content_hash: str | None = None


class FileCache:
    """Look-ups and records for one ingest run (one options hash) against one store."""

    def __init__(self, store: Connections, options_digest: str) -> None:
        self.store = store
        self.options_digest = options_digest
        self._pending: list[dict[str, Any]] = []

    def check(self, paths: Sequence[Path]) -> list[FileState | None]:
        """The state of each path (None when it cannot be stat'ed: the reader will report why)."""
        states: list[FileState | None] = []
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                states.append(None)
                continue
            states.append(FileState(path, info.st_size, info.st_mtime_ns))
        known = self._rows([str(s.path) for s in states if s is not None])
        touched: list[dict[str, Any]] = []
        for state in states:
            row = known.get(str(state.path)) if state is not None else None
            if state is None or row is None or row["options_hash"] != self.options_digest:
                continue
            if row["size"] == state.size and row["mtime_ns"] == state.mtime_ns:
                state.articles = int(row["articles"])
            elif row["size"] == state.size:
                # Touched, copied or checked out again: the bytes decide, and hashing is far cheaper
                # than decoding. The new time is recorded so the next run needs no hash.
                try:
                    state.content_hash = content_hash(state.path)
                except OSError:
                    continue
                if state.content_hash == row["content_hash"]:
                    state.articles = int(row["articles"])
                    touched.append(dict(row, mtime_ns=state.mtime_ns, seen_at=codec.utc_now()))
        if touched:
            self._put(touched)
        return states

    def read_done(self, before: FileState, articles: int) -> None:
        """`before.path` was read without problems into `articles` articles: record it once saved.

        Nothing is recorded when the file changed while it was read (its hash would not match)."""
        try:
            digest = before.content_hash or content_hash(before.path)
            info = before.path.stat()
        except OSError:
            return
        if (info.st_size, info.st_mtime_ns) != (before.size, before.mtime_ns):
            return
        self._pending.append(
            {
                "path": str(before.path),
                "size": before.size,
                "mtime_ns": before.mtime_ns,
                "content_hash": digest,
                "options_hash": self.options_digest,
                "articles": articles,
                "seen_at": codec.utc_now(),
            }
        )

    def discard(self, paths: set[str]) -> None:
        """Record nothing for these files (one of their articles could not be stored)."""
        self._pending = [row for row in self._pending if row["path"] not in paths]

    def flush(self) -> None:
        """Record the files read so far; call only after their articles were committed."""
        if self._pending:
            self._put(self._pending)
            self._pending = []

    def _rows(self, paths: list[str]) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        if not paths:
            return found
        with self.store._read("reading the ingested-files cache") as conn:
            for chunk in chunked(paths, CHUNK_ROWS):
                query = select(ingested_files).where(ingested_files.c.path.in_(chunk))
                for row in conn.execute(query).mappings():
                    found[row["path"]] = dict(row)
        return found

    def _put(self, rows: list[dict[str, Any]]) -> None:
        # Cache bookkeeping changes no article, so the output generation stays where it is.
        with self.store._write("recording ingested files", bump=False) as conn:
            for chunk in chunked(rows, CHUNK_ROWS):
                upsert(conn, ingested_files, chunk, keys=["path"])


def forget_files(conn: Connection) -> None:
    """Drop the whole cache (inside the caller's transaction): every file is read again next run."""
    conn.execute(ingested_files.delete())


def bump_generation(conn: Connection) -> None:
    """Raise the generation counter inside the caller's write transaction."""
    # The migration seeds the row; an UPDATE (not an upsert) so concurrent PostgreSQL writers queue on
    # the row lock and each one counts. The lock is held only from here, the last statement, to commit.
    stmt = store_meta.update().where(store_meta.c.key == GENERATION).values(value=store_meta.c.value + 1)
    if not conn.execute(stmt).rowcount:
        insert_ignore(conn, store_meta, [{"key": GENERATION, "value": 0}])
        conn.execute(stmt)


def generation(store: Connections) -> int:
    """The store's generation: it differs whenever any data changed since it was last read."""
    with store._read("reading the store generation") as conn:
        found = conn.execute(select(store_meta.c.value).where(store_meta.c.key == GENERATION)).scalar()
    return int(found or 0)
