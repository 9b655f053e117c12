"""A small cache of search pages, so the same query (a page reloaded, paged back to, or asked by
several analysts) is ranked once rather than on every request.

An entry is reused only while the search indexes are unchanged (`search.index_version`: any article
or quote added, changed or deleted, by this process or another, empties it) and for at most `ttl_s`
seconds: changes the indexes cannot see (an analysis adding actors or events, an article's outlet or
date corrected) show up in filtered searches within that time. PostgreSQL has no cheap version stamp,
so there nothing is cached.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from crosswire.store.core import Store
from crosswire.store.search import SearchFilters, SearchPage, index_version, search_articles, search_quotes

TTL_S = 30.0
MAX_ENTRIES = 1000

_RUN = {"articles": search_articles, "quotes": search_quotes}


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

    def search(
        self,
        store: Store,
        kind: str,
        query: str,
        filters: SearchFilters | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchPage:
        """`search_articles` or `search_quotes` (kind "articles" or "quotes"), from the cache if it can."""
        if kind not in _RUN:
            raise ValueError(f"search kind must be 'articles' or 'quotes', got {kind!r}")
        version = index_version(store)
        key = (kind, " ".join(query.split()), filters or SearchFilters(), limit, offset)
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
        page = _RUN[kind](store, query, filters, limit, offset)
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
