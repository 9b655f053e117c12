"""A small cache of search pages, so the same query (a page reloaded, paged back to, or asked by
several analysts) is ranked once rather than on every request.

An entry is reused only while the search indexes are unchanged (`search.index_version`: any article
or quote added, changed or deleted, by this process or another, empties it) and for at most `ttl_s`
seconds: changes the indexes cannot see (an analysis adding actors or events, an article's outlet or
date corrected) show up in filtered searches within that time. PostgreSQL has no cheap version stamp,
so there nothing is cached.

The cache also owns the threads searches run in (`in_thread`): at most SEARCH_THREADS per process, the
rest waiting their turn in order of arrival. Searching is CPU work under one interpreter lock, so more
threads add no throughput: with 20 searches in 20 threads every one of them advanced a little at a time
and all finished late (the benchmark's never-asked searches, 20 clients, one server process: p95 120-170
ms), while 2 to 6 threads answered the same load with a p95 of 88-106 ms and less CPU per request. It
also keeps searches within the store's pool of 5 connections, which opened and closed a connection for
every search beyond the fifth at once. Other pages keep the shared thread pool, so a slow export or
ingest-by-URL never holds up a search, nor a burst of searches the other pages.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from crosswire.store.core import SqlStore
from crosswire.store.search import KINDS, SearchFilters, SearchPage, read_index_version, reading, run_search

TTL_S = 30.0
MAX_ENTRIES = 1000
SEARCH_THREADS = 4

T = TypeVar("T")


class SearchCache:
    """Search pages by (kind, query, filters, limit, offset); thread-safe (handlers run in a pool)."""

    def __init__(self, ttl_s: float = TTL_S, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple[Any, ...], tuple[float, SearchPage]] = OrderedDict()
        self._version: bytes | None = None
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0
        self._limiter: tuple[asyncio.AbstractEventLoop, anyio.CapacityLimiter] | None = None

    async def in_thread(self, work: Callable[..., T], *args: Any) -> T:
        """`work(*args)` in a worker thread, at most SEARCH_THREADS at once, first come first served."""
        loop = asyncio.get_running_loop()
        # One limiter per event loop: a server has one loop; each test client starts its own.
        if self._limiter is None or self._limiter[0] is not loop:
            self._limiter = (loop, anyio.CapacityLimiter(SEARCH_THREADS))
        return await anyio.to_thread.run_sync(work, *args, limiter=self._limiter[1])

    def search(
        self,
        store: SqlStore,
        kind: str,
        query: str,
        filters: SearchFilters | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchPage:
        """`search_articles` or `search_quotes` (kind "articles" or "quotes"), from the cache if it can."""
        if kind not in KINDS:
            raise ValueError(f"search kind must be 'articles' or 'quotes', got {kind!r}")
        key = (kind, " ".join(query.split()), filters or SearchFilters(), limit, offset)
        # The stamp and a missed search share one connection and transaction: one pool checkout per
        # request, and a page is cached under the stamp of the very index state it was read from.
        with reading(store) as conn:
            version = read_index_version(conn, store.backend)
            now = time.monotonic()
            if version is not None:
                with self._lock:
                    if version != self._version:
                        self._entries.clear()
                        self._version = version
                    found = self._entries.get(key)
                    if found is not None and now - found[0] <= self.ttl_s:
                        self._entries.move_to_end(key)
                        self.hits += 1
                        return _copy(found[1])
            page = run_search(conn, store.backend, kind, query, filters, limit, offset)
        with self._lock:
            self.misses += 1
            if version is not None and version == self._version:
                self._entries[key] = (now, _copy(page))
                self._entries.move_to_end(key)
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return page


def _copy(page: SearchPage) -> SearchPage:
    # Callers add display fields to the hits; the cached ones must stay as the store returned them.
    return replace(page, hits=[dict(hit) for hit in page.hits])
