"""Full-text search over stored articles and quotes, with filters (outlet, dates, actor, event root).

The indexes come from migrations 0002 and 0005: FTS5 tables on SQLite (external content, kept in
sync by triggers), stored `search_tsv` tsvector columns with GIN indexes on PostgreSQL. Writers never
have to remember them.

Every search runs as three cheap queries rather than one expensive one, because a common word
matches tens of thousands of articles:
1. rank: the ids of one page of hits, best first (only ids and the rank leave the index);
2. count: how many match, counted up to COUNT_CAP (beyond that the page says "10,000+"), and not
   counted at all when the ranked page already shows the end of the list;
3. page: the wide rows and snippets, read for the page's hits only. On SQLite the page's rowids are
   found by one walk of the match list over their range (rowid BETWEEN the smallest and largest, then
   kept if in the page): given the list plainly (`rowid IN (...)`), FTS5 re-ran the query once per hit,
   seeking every term in every index segment, which cost twice as much on an unmerged index.
On SQLite, ranking is windowed: bm25 costs a few microseconds per match, so ranking all 30,000
matches of a common word took 60-100 ms. The matches are instead taken in blocks of RANK_WINDOW in
the index's rowid order, newest stored first (FTS5 walks that order without scoring), and ranked by
bm25 within each block; the first block holds the 2,000 most recently stored matches. A query with at
most RANK_WINDOW matches is ranked exactly as before; pages never overlap or skip, since each block's
order is fixed. PostgreSQL ranks all matches (ts_rank), as its index has no cheap order to walk.
Filters narrow the matches without driving the index: on SQLite the filtered rowids are one list
the planner builds once from the indexed columns (`+s.rowid IN (...)`); written plainly, SQLite would
instead re-run the MATCH once per filtered row, which took seconds for a date range at 50k articles.

A web request runs the version stamp of the index (`read_index_version`, for the search cache) and the
search in one read transaction on one connection (`reading` and `run_search`), so the stamp describes
exactly the rows the search saw.

Hits carry a snippet whose matched words are wrapped in MARK_START/MARK_END, two private-use
characters that no article contains, so the web layer can escape the snippet first and only then
turn the markers into <mark> tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, text

from crosswire.store.core import SqlStore
from crosswire.store.queries import DateLike, _bound

MARK_START = "\ue000"
MARK_END = "\ue001"
MAX_LIMIT = 200
# Matches are counted up to this many; a larger total is reported as COUNT_CAP with `capped` set.
# 10,000 is also as deep as the pages go (500 pages of 20), so the pager never needs more.
COUNT_CAP = 10_000
# SQLite ranks matches within blocks of this many, newest stored first (see the module doc).
RANK_WINDOW = 2_000
# Words and "quoted phrases" of a user's query; everything else (FTS5 operators, brackets) is dropped.
_TERM = re.compile(r'"([^"]+)"|([\w][\w\'-]*)', re.UNICODE)
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_PG_QUERY = "websearch_to_tsquery('english', :q)"


@dataclass(frozen=True)
class SearchFilters:
    """Filters shared by article and quote search; None means "any"."""

    outlet: str | None = None
    since: DateLike = None
    until: DateLike = None
    actor: str | None = None  # an actor's name as stored (articles mentioning it; quotes it speaks)
    root: str | None = None  # two-digit CAMEO root ("04" consult): articles reporting such an event


@dataclass
class SearchPage:
    """One page of hits. `total` is exact unless `capped`: then at least COUNT_CAP matched."""

    hits: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    capped: bool = False


@dataclass(frozen=True)
class _Plan:
    """The SQL of one search: `matched` is "FROM ... WHERE ..." selecting the matching rows as
    `key`; `rank` orders them best first; `page` reads the wide rows for the `keys` given."""

    matched: str
    key: str
    rank: str
    page: str
    score: str | None = None  # SQLite: the bm25 expression, ranked within RANK_WINDOW blocks
    keys_range: bool = False  # `page` also takes :lo and :hi, the smallest and largest key


def fts5_query(query: str) -> str:
    """A safe FTS5 MATCH expression for free text: each word or "phrase" quoted, all required."""
    parts = []
    for phrase, word in _TERM.findall(query or ""):
        if word in _OPERATORS:
            continue  # typed as an operator; every term is required anyway
        words = re.findall(r"[\w]+", phrase or word, re.UNICODE)
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts)


def _check_paging(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be 1..{MAX_LIMIT} and offset >= 0, got limit={limit}, offset={offset}")


def _filter_sql(filters: SearchFilters, params: dict[str, Any], speaker_column: str | None) -> list[str]:
    """WHERE fragments over `a` (articles) and, for quotes, `q`; values travel as bound parameters."""
    where = []
    if filters.outlet:
        where.append("a.outlet = :outlet")
        params["outlet"] = filters.outlet
    if filters.since is not None:
        where.append("a.published_utc >= :since")
        params["since"] = _bound(filters.since, "since")
    if filters.until is not None:
        until = _bound(filters.until, "until")
        if isinstance(filters.until, str) and len(filters.until.strip()) == 10:
            until = until.replace(hour=23, minute=59, second=59)  # a bare date covers its whole day
        where.append("a.published_utc <= :until")
        params["until"] = until
    if filters.actor:
        params["actor"] = filters.actor
        if speaker_column:
            where.append(f"{speaker_column} = :actor")
        else:
            where.append("a.id IN (SELECT article_id FROM actors WHERE name = :actor)")
    if filters.root:
        if not re.fullmatch(r"\d{2}", filters.root):
            raise ValueError(f"root must be a two-digit CAMEO root such as '04', got {filters.root!r}")
        where.append(
            "a.id IN (SELECT m.article_id FROM event_mentions m JOIN events e ON e.id = m.event_id "
            "WHERE e.root = :root)"
        )
        params["root"] = filters.root
    return where


def _ranked_keys(conn: Connection, plan: _Plan, params: dict[str, Any], limit: int, offset: int) -> list[Any]:
    if plan.score is None:
        query = text(
            f"SELECT {plan.key} AS k {plan.matched} ORDER BY {plan.rank} LIMIT :limit OFFSET :offset"
        )
        return list(conn.execute(query, dict(params, limit=limit, offset=offset)).scalars())
    window = RANK_WINDOW
    # One block, newest stored first, ranked; `lo`..`lo + n` of its ranking are on this page.
    block = text(
        f"SELECT k FROM (SELECT {plan.key} AS k, {plan.score} AS r {plan.matched} "
        f"ORDER BY {plan.key} DESC LIMIT :window OFFSET :start) ORDER BY r, k LIMIT :n OFFSET :lo"
    )
    keys: list[Any] = []
    for tier in range(offset // window, (offset + limit - 1) // window + 1):
        start = tier * window
        lo = max(offset, start) - start
        n = min(offset + limit, start + window) - start - lo
        found = list(conn.execute(block, dict(params, window=window, start=start, n=n, lo=lo)).scalars())
        keys.extend(found)
        if len(found) < n:
            break  # the matches ended inside this block
    return keys


def _search(conn: Connection, plan: _Plan, params: dict[str, Any], limit: int, offset: int) -> SearchPage:
    keys = _ranked_keys(conn, plan, params, limit, offset)
    capped = False
    if keys and len(keys) < limit:
        total = offset + len(keys)  # the page reaches the end of the list: nothing left to count
    else:
        counted = text(f"SELECT count(*) FROM (SELECT 1 {plan.matched} LIMIT :cap) AS m")
        total = int(conn.execute(counted, dict(params, cap=COUNT_CAP + 1)).scalar_one())
        capped = total > COUNT_CAP
        if capped:  # "at least": never fewer than the hits already ranked (an API page past the cap)
            total = max(COUNT_CAP, offset + len(keys))
    if not keys:
        return SearchPage([], total, limit, offset, capped)
    page = text(plan.page).bindparams(bindparam("keys", expanding=True))
    bounds = {"lo": min(keys), "hi": max(keys)} if plan.keys_range else {}
    found = {row.k: row for row in conn.execute(page, dict(params, keys=keys, **bounds))}
    hits = []
    for key in keys:  # the page query returns rows in no particular order: restore the ranking
        row = found.get(key)
        if row is not None:
            hits.append({name: value for name, value in row._mapping.items() if name != "k"})
    return SearchPage(hits, total, limit, offset, capped)


# The page's hits on SQLite: FTS5 walks the matches between the smallest and largest key once (it seeks
# to :lo), and the unary + keeps the key list a plain test on each row rather than one FTS5 query per key.
_PAGE_KEYS = "s.rowid BETWEEN :lo AND :hi AND +s.rowid IN :keys"


def _sqlite_filter(where: list[str], source: str) -> str:
    # The unary + keeps the filter from being handed to FTS5 as a rowid constraint (see module doc).
    return f" AND +s.rowid IN (SELECT {source} WHERE {' AND '.join(where)})" if where else ""


def _article_plan(backend: str, where: list[str]) -> _Plan:
    columns = "a.id, a.outlet, a.title, a.published, a.word_count"
    if backend == "sqlite":
        keep = _sqlite_filter(where, "a.rowid FROM articles a")
        snippet = f"snippet(search_articles, 1, '{MARK_START}', '{MARK_END}', '…', 24)"
        return _Plan(
            matched=f"FROM search_articles s WHERE search_articles MATCH :q{keep}",
            key="s.rowid",
            # Title hits weigh four times body hits; the rowid breaks ties, so pages never overlap.
            rank="bm25(search_articles, 4.0, 1.0), s.rowid",
            score="bm25(search_articles, 4.0, 1.0)",
            page=f"SELECT s.rowid AS k, {columns}, {snippet} AS snippet FROM search_articles s "
            f"JOIN articles a ON a.rowid = s.rowid WHERE search_articles MATCH :q AND {_PAGE_KEYS}",
            keys_range=True,
        )
    return _Plan(
        matched=f"FROM articles a WHERE a.search_tsv @@ {_PG_QUERY}" + "".join(f" AND {w}" for w in where),
        key="a.id",
        # Weights for D (body) .. A (title), as on SQLite: a title hit weighs four body hits.
        rank=f"ts_rank('{{0.25, 0.25, 0.25, 1.0}}', a.search_tsv, {_PG_QUERY}) DESC, a.id",
        page=f"SELECT a.id AS k, {columns}, ts_headline('english', a.text, {_PG_QUERY}, "
        f"'StartSel={MARK_START},StopSel={MARK_END},MaxWords=30,MinWords=12') AS snippet "
        "FROM articles a WHERE a.id IN :keys",
    )


def _quote_plan(backend: str, where: list[str]) -> _Plan:
    columns = (
        'q.id, q.article_id, q.start, q."end", q.kind, q.speaker_name, q.text, a.outlet, a.title, a.published'
    )
    if backend == "sqlite":
        keep = _sqlite_filter(where, "q.rowid FROM quotes q JOIN articles a ON a.id = q.article_id")
        snippet = f"highlight(search_quotes, 0, '{MARK_START}', '{MARK_END}')"
        return _Plan(
            matched=f"FROM search_quotes s WHERE search_quotes MATCH :q{keep}",
            key="s.rowid",
            rank="bm25(search_quotes), s.rowid",
            score="bm25(search_quotes)",
            page=f"SELECT s.rowid AS k, {columns}, {snippet} AS snippet FROM search_quotes s "
            "JOIN quotes q ON q.rowid = s.rowid JOIN articles a ON a.id = q.article_id "
            f"WHERE search_quotes MATCH :q AND {_PAGE_KEYS}",
            keys_range=True,
        )
    joined = "FROM quotes q JOIN articles a ON a.id = q.article_id"
    return _Plan(
        matched=f"{joined} WHERE q.search_tsv @@ {_PG_QUERY}" + "".join(f" AND {w}" for w in where),
        key="q.id",
        rank=f"ts_rank(q.search_tsv, {_PG_QUERY}) DESC, q.id",
        page=f"SELECT q.id AS k, {columns}, ts_headline('english', q.text, {_PG_QUERY}, "
        f"'StartSel={MARK_START},StopSel={MARK_END},HighlightAll=true') AS snippet {joined} "
        "WHERE q.id IN :keys",
    )


def _query_param(backend: str, query: str) -> str:
    # SQLite gets a sanitised MATCH expression; PostgreSQL's websearch syntax cannot fail on any input.
    return fts5_query(query) if backend == "sqlite" else (query or "")


KINDS = ("articles", "quotes")


@contextmanager
def reading(store: SqlStore) -> Iterator[Connection]:
    """One read transaction for `read_index_version` and `run_search` together."""
    with store._read("searching") as conn:
        yield conn


def run_search(
    conn: Connection,
    backend: str,
    kind: str,
    query: str,
    filters: SearchFilters | None = None,
    limit: int = 20,
    offset: int = 0,
) -> SearchPage:
    """`search_articles` or `search_quotes` (kind "articles" or "quotes") on an open connection."""
    if kind not in KINDS:
        raise ValueError(f"search kind must be 'articles' or 'quotes', got {kind!r}")
    _check_paging(limit, offset)
    params: dict[str, Any] = {"q": _query_param(backend, query)}
    if not params["q"]:
        return SearchPage([], 0, limit, offset)
    filters = filters or SearchFilters()
    if kind == "articles":
        plan = _article_plan(backend, _filter_sql(filters, params, None))
    else:
        plan = _quote_plan(backend, _filter_sql(filters, params, "q.speaker_name"))
    return _search(conn, plan, params, limit, offset)


def search_articles(
    store: SqlStore, query: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0
) -> SearchPage:
    """Articles matching `query` (title and body), best first, with a highlighted snippet."""
    with reading(store) as conn:
        return run_search(conn, store.backend, "articles", query, filters, limit, offset)


def search_quotes(
    store: SqlStore, query: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0
) -> SearchPage:
    """Quotes matching `query` (their words or their speaker's name), with their article's metadata."""
    with reading(store) as conn:
        return run_search(conn, store.backend, "quotes", query, filters, limit, offset)


def rebuild_search_index(store: SqlStore) -> None:
    """Re-read every article and quote into the SQLite FTS tables (after a bulk load with the triggers
    off, or if rows were ever renumbered), then merge the index into one segment. PostgreSQL's
    generated columns never need it."""
    if store.backend != "sqlite":
        return
    with store._write("rebuilding the search index") as conn:
        for fts in ("search_articles", "search_quotes"):
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('optimize')"))


def optimize_search_index(store: SqlStore) -> int:
    """Merge each SQLite FTS index into one segment; returns how many segments there were before.

    Every write transaction adds a segment and FTS5 merges them only now and then, so a store filled
    by many ingest batches keeps a dozen or more; each search then looks every term up in each of
    them. Merged, the benchmark's never-asked searches at 50k articles took about half the time
    (docs/benchmarks.md). Takes seconds on a large store, holding the write lock; PostgreSQL: no-op."""
    if store.backend != "sqlite":
        return 0
    with store._write("optimizing the search index") as conn:
        before = 0
        for fts in ("search_articles", "search_quotes"):
            before += int(conn.execute(text(f"SELECT count(DISTINCT segid) FROM {fts}_idx")).scalar_one())
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('optimize')"))
    return before


def index_version(store: SqlStore) -> bytes | None:
    """A stamp that changes whenever the SQLite search indexes change (any article or quote text
    inserted, updated or deleted), for caches of search results; None on PostgreSQL (no cheap stamp).

    It is FTS5's own bookkeeping: row 1 of each index's data table holds its row and token totals,
    row 10 its segment structure with a counter bumped on every write; reading them is two lookups."""
    if store.backend != "sqlite":
        return None
    with store._read("reading the search index version") as conn:
        return read_index_version(conn, store.backend)


_VERSION_SQL = text(
    "SELECT block FROM search_articles_data WHERE id IN (1, 10) "
    "UNION ALL SELECT block FROM search_quotes_data WHERE id IN (1, 10)"
)


def read_index_version(conn: Connection, backend: str) -> bytes | None:
    """`index_version` on an open connection (in the transaction a search then runs in)."""
    if backend != "sqlite":
        return None
    return b"|".join(bytes(b) for b in conn.execute(_VERSION_SQL).scalars())
