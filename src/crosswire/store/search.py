"""Full-text search over stored articles and quotes, with filters (outlet, dates, actor, event root).

The indexes come from migration 0002: FTS5 tables on SQLite, GIN expression indexes on PostgreSQL.
Both stay in sync without help from writers (triggers, resp. expressions over the rows themselves).
Hits carry a snippet whose matched words are wrapped in MARK_START/MARK_END, two private-use
characters that no article contains, so the web layer can escape the snippet first and only then
turn the markers into <mark> tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from crosswire.store.core import Store
from crosswire.store.queries import DateLike, _bound

MARK_START = "\ue000"
MARK_END = "\ue001"
MAX_LIMIT = 200
# Words and "quoted phrases" of a user's query; everything else (FTS5 operators, brackets) is dropped.
_TERM = re.compile(r'"([^"]+)"|([\w][\w\'-]*)', re.UNICODE)
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_PG_ARTICLE_DOCUMENT = "to_tsvector('english', coalesce(a.title, '') || ' ' || a.text)"
_PG_QUOTE_DOCUMENT = "to_tsvector('english', q.text)"


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
    hits: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


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
    """WHERE fragments over `a` (articles); values always travel as bound parameters."""
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


def _run(conn: Connection, select_sql: str, count_sql: str, params: dict[str, Any]) -> tuple[list, int]:
    rows = [dict(r._mapping) for r in conn.execute(text(select_sql), params)]
    total = int(conn.execute(text(count_sql), params).scalar_one())
    return rows, total


def search_articles(
    store: Store, query: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0
) -> SearchPage:
    """Articles matching `query` (title and body), best first, with a highlighted snippet."""
    _check_paging(limit, offset)
    filters = filters or SearchFilters()
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    where = _filter_sql(filters, params, None)
    columns = "a.id, a.outlet, a.title, a.published, a.word_count"
    with store._read("searching articles") as conn:
        if store.backend == "sqlite":
            params["q"] = fts5_query(query)
            if not params["q"]:
                return SearchPage([], 0, limit, offset)
            # Filters become one rowid subquery the indexes answer; the wide articles rows are read
            # only for the page's hits (joining every match to them cost 10x at 50k articles).
            cond = (
                f" AND s.rowid IN (SELECT a.rowid FROM articles a WHERE {' AND '.join(where)})"
                if where
                else ""
            )
            base = f"FROM search_articles s WHERE search_articles MATCH :q{cond}"
            rank = "bm25(search_articles, 4.0, 1.0), s.rowid"
            snippet = f"snippet(search_articles, 1, '{MARK_START}', '{MARK_END}', '…', 24)"
            select_sql = (
                f"SELECT {columns}, {snippet} AS snippet FROM search_articles s JOIN articles a ON a.rowid = s.rowid "
                f"WHERE search_articles MATCH :q AND s.rowid IN "
                f"(SELECT s.rowid {base} ORDER BY {rank} LIMIT :limit OFFSET :offset) ORDER BY {rank}"
            )
        else:
            params["q"] = query or ""
            base = (
                f"FROM articles a WHERE {_PG_ARTICLE_DOCUMENT} @@ websearch_to_tsquery('english', :q)"
                + "".join(f" AND {w}" for w in where)
            )
            select_sql = (
                f"SELECT {columns}, ts_headline('english', a.text, websearch_to_tsquery('english', :q), "
                f"'StartSel={MARK_START},StopSel={MARK_END},MaxWords=30,MinWords=12') AS snippet "
                f"FROM (SELECT a.* {base} ORDER BY ts_rank({_PG_ARTICLE_DOCUMENT}, "
                "websearch_to_tsquery('english', :q)) DESC, a.id LIMIT :limit OFFSET :offset) a"
            )
        rows, total = _run(conn, select_sql, f"SELECT count(*) {base}", params)
    return SearchPage(rows, total, limit, offset)


def search_quotes(
    store: Store, query: str, filters: SearchFilters | None = None, limit: int = 20, offset: int = 0
) -> SearchPage:
    """Quotes matching `query` (their words or their speaker's name), with their article's metadata."""
    _check_paging(limit, offset)
    filters = filters or SearchFilters()
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    where = _filter_sql(filters, params, "q.speaker_name")
    columns = (
        'q.id, q.article_id, q.start, q."end", q.kind, q.speaker_name, q.text, a.outlet, a.title, a.published'
    )
    with store._read("searching quotes") as conn:
        if store.backend == "sqlite":
            params["q"] = fts5_query(query)
            if not params["q"]:
                return SearchPage([], 0, limit, offset)
            cond = (
                " AND s.rowid IN (SELECT q.rowid FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE {' AND '.join(where)})"
                if where
                else ""
            )
            base = f"FROM search_quotes s WHERE search_quotes MATCH :q{cond}"
            rank = "bm25(search_quotes), s.rowid"
            snippet = f"highlight(search_quotes, 0, '{MARK_START}', '{MARK_END}')"
            select_sql = (
                f"SELECT {columns}, {snippet} AS snippet FROM search_quotes s JOIN quotes q ON q.rowid = s.rowid "
                "JOIN articles a ON a.id = q.article_id WHERE search_quotes MATCH :q AND s.rowid IN "
                f"(SELECT s.rowid {base} ORDER BY {rank} LIMIT :limit OFFSET :offset) ORDER BY {rank}"
            )
        else:
            params["q"] = query or ""
            base = (
                "FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE {_PG_QUOTE_DOCUMENT} @@ websearch_to_tsquery('english', :q)"
                + "".join(f" AND {w}" for w in where)
            )
            select_sql = (
                f"SELECT {columns}, ts_headline('english', q.text, websearch_to_tsquery('english', :q), "
                f"'StartSel={MARK_START},StopSel={MARK_END},HighlightAll=true') AS snippet {base} "
                f"ORDER BY ts_rank({_PG_QUOTE_DOCUMENT}, websearch_to_tsquery('english', :q)) DESC, q.id "
                "LIMIT :limit OFFSET :offset"
            )
        rows, total = _run(conn, select_sql, f"SELECT count(*) {base}", params)
    return SearchPage(rows, total, limit, offset)


def rebuild_search_index(store: Store) -> None:
    """Re-read every article and quote into the SQLite FTS tables (after a VACUUM renumbered rows,
    or a bulk load with triggers off). PostgreSQL's expression indexes never need it."""
    if store.backend != "sqlite":
        return
    with store._write("rebuilding the search index") as conn:
        for fts in ("search_articles", "search_quotes"):
            conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))
