"""Store benchmark: query latency and storage size on SQLite and PostgreSQL at 100k articles.

For each backend a fresh store is filled through the Store's batch API (`save_articles`, 5,000
articles per transaction) with generated articles (benchmarks/generate.py: varied outlets, dates,
stories), and their stories are stored (`save_stories`; grouping by the generator's story keys, so
the story pages have realistic sizes without running MiniLM on 100k texts). Then each query the web
workbench and the API run is timed `--repeat` times in this process (no HTTP), with varied arguments:

- list: the newest page of 50 summaries (`list_articles`);
- deep page: page 50 of 50 at offset rows/2;
- filter: one outlet in a one-week window, a page of whole articles plus the total (`browse.page_articles`);
- get: one article by id (`get_article`);
- search: full-text search for a word a few hundred articles contain (`search.search_articles`);
- story page: a story with its articles' headings, events and actors (`browse.story_view`).

Also: the fill rate, the database size (the SQLite file after a checkpoint; PostgreSQL's
pg_total_relation_size of every table, indexes and TOAST included) and this process's peak RSS.

    python benchmarks/store.py [--rows 100000] [--quick] [--backends sqlite postgresql] [--write-docs]

`--quick` fills 3,000 rows and repeats each query 10 times (under a minute). PostgreSQL is the local
test server, or $CROSSWIRE_BENCH_POSTGRES; a fresh schema is created and dropped.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _bench import bar_chart, generated_articles, machine, peak_rss_mb, pg_schema_url, write_docs_section  # noqa: E402

PER_CALL = 5000
QUERIES = ("list", "deep page", "filter", "get", "search", "story page")


def fill(store: Any, rows: int) -> tuple[float, list[str], list[Any]]:
    """Save `rows` generated articles and their stories; (seconds, article ids, stories)."""
    from crosswire.model import Story

    members: dict[str, list[str]] = defaultdict(list)
    ids: list[str] = []
    saving = 0.0  # only the store's time: generating the texts is not what is measured

    def save(batch: list[Any]) -> float:
        t0 = time.perf_counter()
        store.save_articles(batch)
        return time.perf_counter() - t0

    batch: list[Any] = []
    for article, story_key in generated_articles(rows):
        batch.append(article)
        ids.append(article.id)
        members[story_key].append(article.id)
        if len(batch) >= PER_CALL:
            saving += save(batch)
            batch = []
    if batch:
        saving += save(batch)
    stories = [Story(article_ids=m, title=f"Story {key}") for key, m in members.items()]
    t0 = time.perf_counter()
    store.save_stories(stories)
    return saving + time.perf_counter() - t0, ids, stories


def timed(fn: Any, repeat: int) -> dict[str, float]:
    times = []
    for k in range(repeat):
        t0 = time.perf_counter()
        fn(k)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return {
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))],
    }


def size_mb(store: Any, sqlite_path: Path | None) -> float:
    from sqlalchemy import text

    if sqlite_path is not None:
        with store.engine.connect() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        extra = sum(p.stat().st_size for p in sqlite_path.parent.glob(sqlite_path.name + "-*"))
        return (sqlite_path.stat().st_size + extra) / 1e6
    query = text(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind = 'r'"
    )
    with store.engine.connect() as conn:
        return float(conn.execute(query).scalar_one()) / 1e6


def measure(backend: str, rows: int, repeat: int, workdir: Path) -> dict[str, Any]:
    from crosswire.store import browse, open_store
    from crosswire.store.search import SearchFilters, search_articles

    with ExitStack() as stack:
        sqlite_path: Path | None = None
        if backend == "sqlite":
            sqlite_path = workdir / f"store-{rows}.db"
            url = str(sqlite_path)
        else:
            url = stack.enter_context(pg_schema_url())
        store = stack.enter_context(open_store(url))
        seconds, ids, stories = fill(store, rows)
        rng = random.Random(7)
        outlets = [row["outlet"] for row in browse.outlet_counts(store)] or [None]
        start = datetime(2025, 1, 1, tzinfo=UTC)
        words = ["accord", "sanctions", "ceasefire", "summit", "negotiators", "minister", "border", "treaty"]
        big = sorted(stories, key=lambda s: len(s.article_ids))[len(stories) // 2 :]

        def page_filter(k: int) -> None:
            since = start + timedelta(days=rng.randrange(330))
            browse.page_articles(
                store, outlet=rng.choice(outlets), since=since, until=since + timedelta(days=7)
            )

        runs = {
            "list": lambda k: store.list_articles(limit=50),
            "deep page": lambda k: store.list_articles(limit=50, offset=rows // 2 + k),
            "filter": page_filter,
            "get": lambda k: store.get_article(rng.choice(ids)),
            "search": lambda k: search_articles(store, words[k % len(words)], SearchFilters(), limit=20),
            "story page": lambda k: browse.story_view(store, rng.choice(big).id),
        }
        latency = {name: timed(fn, repeat) for name, fn in runs.items()}
        return {
            "list_plan": listing_plan(store) if backend == "sqlite" else None,
            "backend": backend,
            "rows": rows,
            "fill_s": seconds,
            "fill_rate": rows / seconds,
            "stories": len(stories),
            "size_mb": size_mb(store, sqlite_path),
            "latency": latency,
            "peak_rss_mb": peak_rss_mb(),
        }


def listing_plan(store: Any) -> str:
    """SQLite's plan for the listing's first page: migration 0007's index, or a sort if it is missing."""
    from sqlalchemy.dialects import sqlite

    from crosswire.store.queries import listing_query

    sql = str(listing_query(50).compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        return "; ".join(str(row[-1]) for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def render(results: list[dict[str, Any]], repeat: int, plot: Path | None) -> str:
    rows = results[0]["rows"] if results else 0
    lines = [
        "<!-- store:start -->",
        "## Store queries at volume (SQLite and PostgreSQL)",
        "",
        f"`benchmarks/store.py`: {rows:,} generated articles saved through `Store.save_articles` ({PER_CALL:,}",
        "per transaction) plus their stories, then each web/API query timed in-process (no HTTP),",
        f"{repeat} times with varied arguments; milliseconds, median / p95.",
        "",
        f"- Machine: {machine()}",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "",
        "| backend | save rows/s | stories | size MB | " + " | ".join(QUERIES) + " | peak RSS MB |",
        "|---|---:|---:|---:|" + "---:|" * len(QUERIES) + "---:|",
    ]
    for r in results:
        cells = " | ".join(f"{r['latency'][q]['median']:.1f} / {r['latency'][q]['p95']:.1f}" for q in QUERIES)
        lines.append(
            f"| {r['backend']} | {r['fill_rate']:,.0f} | {r['stories']:,} | {r['size_mb']:,.0f} | {cells} |"
            f" {r['peak_rss_mb']:,.0f} |"
        )
    if results:
        per = ", ".join(f"{r['backend']} {r['size_mb'] / r['rows'] * 100_000 / 1000:.2f} GB" for r in results)
        lines += ["", f"Storage per 100,000 articles (articles, links, indexes, search index): {per}."]
    plans = [r["list_plan"] for r in results if r.get("list_plan")]
    if plans:
        lines += [
            "",
            f"SQLite's plan for the list page: `{plans[0]}` (the `listing_*` expression indexes of migration",
            "0007 repeat the listing's undated-last order, so a page reads its rows from the index, no sort).",
        ]
    if plot is not None:
        lines += ["", f"![store query latency, p95](img/{plot.name})"]
    lines.append("<!-- store:end -->")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument(
        "--backends", nargs="+", default=["sqlite", "postgresql"], choices=["sqlite", "postgresql"]
    )
    parser.add_argument("--quick", action="store_true", help="3,000 rows, 10 repeats")
    parser.add_argument("--write-docs", action="store_true", help="rewrite the section in docs/benchmarks.md")
    args = parser.parse_args(argv)
    rows, repeat = (3000, 10) if args.quick else (args.rows, args.repeat)
    results = []
    with tempfile.TemporaryDirectory(prefix="crosswire-store-bench-") as tmp:
        for backend in args.backends:
            result = measure(backend, rows, repeat, Path(tmp))
            print(
                f"{backend}: filled {rows:,} in {result['fill_s']:.1f} s, {result['size_mb']:.0f} MB; "
                + ", ".join(f"{q} {v['median']:.1f}/{v['p95']:.1f} ms" for q, v in result["latency"].items()),
                flush=True,
            )
            results.append(result)
    plot = None
    if args.write_docs:
        plot = bar_chart(
            "store",
            f"Store query latency at {rows:,} articles (p95)",
            list(QUERIES),
            {r["backend"]: [r["latency"][q]["p95"] for q in QUERIES] for r in results},
            "milliseconds",
        )
    section = render(results, repeat, plot)
    print(section)
    if args.write_docs:
        write_docs_section(section, "store")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
