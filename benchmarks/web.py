"""Web latency: p50/p95 of the story page and of search, with 1k and 50k articles in the store.

The store is filled quickly through the store API (generated articles from generate.py, stories with
one fact per article, no nlp); the server is a real uvicorn process; the clients run in this (second)
process: 20 concurrent httpx clients in a closed loop for 60 s per page and size, counting errors.

    python benchmarks/web.py [--sizes 1000 50000] [--duration 60] [--clients 20] [--workers 1 2] [--write-docs]
                             [--optimized 2] [--workdir /tmp/crosswire-web]   # fill once, reuse the stores
    python benchmarks/web.py --quick   # 1k articles, 10 s per page: a smoke run in about two minutes

`--optimized N`: also measure search at the largest size on a copy of the store whose search index was
merged into one segment (`crosswire serve --optimize-search`), with N server processes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import httpx
import psutil
from generate import generate_articles
from ingest import machine, write_docs

from crosswire.model import Article, Fact, Story
from crosswire.store import browse, open_store
from crosswire.store.search import SearchFilters, search_articles
from crosswire.web.app import create_app


def populate(db: str, n: int) -> tuple[list[str], list[str]]:
    """Fill the store; returns (story ids to request, search queries)."""
    by_story: dict[str, list[tuple[str, str, str, int]]] = defaultdict(list)
    titles: list[str] = []

    def articles():
        for record in generate_articles(n, seed=7):
            article = Article(
                text=record["text"],
                title=record["title"],
                outlet=record["outlet"],
                url=record["url"],
                authors=record["authors"],
                published=record["published"],
                genre=record["genre"],
                language="en",
                external_id=record["id"],
                format="jsonl",
            )
            first = article.text.find(". ") + 1 or len(article.text)
            by_story[record["story"]].append((article.id, article.outlet or "", article.text[:first], first))
            if len(titles) < 2000:
                titles.append(record["title"])
            yield article

    with open_store(db) as store:
        store.save_articles(articles())
        stories = []
        for key, members in by_story.items():
            facts = [
                Fact(
                    kind="event",
                    summary=sentence[:80],
                    outlets=[outlet],
                    independent_outlets=[outlet],
                    sentences=[
                        {"article_id": aid, "outlet": outlet, "start": 0, "end": end, "text": sentence}
                    ],
                )
                for aid, outlet, sentence, end in members[:40]
            ]
            stories.append(
                Story(
                    article_ids=[m[0] for m in members],
                    title=key,
                    outlets=sorted({m[1] for m in members}),
                    facts=facts,
                )
            )
        store.save_stories(stories)
    rng = random.Random(3)
    sizeable = [s.id for s in stories if len(s.article_ids) >= 3] or [s.id for s in stories]
    words = [w.strip(",.'\"").lower() for t in titles for w in t.split() if len(w) > 4]
    queries = [" ".join(rng.sample(words, 1)) for _ in range(40)] + [
        " ".join(rng.sample(words, 2)) for _ in range(20)
    ]
    return rng.sample(sizeable, min(200, len(sizeable))), queries


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, workers: int = 1, optimize: bool = False) -> tuple[subprocess.Popen, str]:
    """`crosswire serve` over the store, as a user runs it, with `workers` server processes."""
    port = _free_port()
    crosswire = Path(sys.executable).with_name("crosswire")
    command = [str(crosswire), "serve", "--db", db, "--port", str(port), "--workers", str(workers)]
    if optimize:
        command.append("--optimize-search")
    proc = subprocess.Popen(command, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + "/api/v1/outlets", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    stop_server(proc)
    raise RuntimeError("server did not start")


def server_cpu_s(proc: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by the server and its worker processes."""
    total = 0.0
    root = psutil.Process(proc.pid)
    for p in [root, *root.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a worker may exit between listing and reading
            times = p.cpu_times()
            total += times.user + times.system
    return total


def stop_server(proc: subprocess.Popen) -> None:
    # The whole process group: with --workers, uvicorn's worker processes too.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(timeout=30)


async def load(base: str, paths: list[str], clients: int, duration: float, once: bool = False) -> dict:
    """Closed-loop clients; each request picks a random path, or with `once` the next unused one."""
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + duration
    unused = iter(paths * 10)

    async def client(i: int) -> None:
        nonlocal errors
        rng = random.Random(i)
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                path = next(unused) if once else rng.choice(paths)
                started = time.perf_counter()
                try:
                    response = await http.get(path)
                    ok = response.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - started)
                errors += not ok

    await asyncio.gather(*(client(i) for i in range(clients)))
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "rps": len(latencies) / duration,
    }


def prepared(size: int, workdir: Path) -> tuple[str, list[str], list[str], float]:
    """The store for `size` articles under `workdir`, filled once: a later run with the same workdir
    reuses it (and opening it migrates it, so a new schema revision is measured on the old data)."""
    db = str(workdir / f"web-{size}.db")
    plan = workdir / f"web-{size}.json"
    if Path(db).exists() and plan.exists():
        saved = json.loads(plan.read_text(encoding="utf-8"))
        open_store(db).close()  # migrate before the server starts, outside the measured time
        return db, saved["story_ids"], saved["queries"], saved["fill_s"]
    Path(db).unlink(missing_ok=True)
    started = time.monotonic()
    story_ids, queries = populate(db, size)
    fill_s = time.monotonic() - started
    plan.write_text(
        json.dumps({"story_ids": story_ids, "queries": queries, "fill_s": fill_s}), encoding="utf-8"
    )
    return db, story_ids, queries, fill_s


SEARCH_PAGES = ("search", "search, filtered", "search, new queries")


def search_paths(db: str, queries: list[str]) -> dict[str, list[str]]:
    """Search URLs: the benchmark's queries (repeated, as when pages are reloaded or paged back to),
    the same queries narrowed to one outlet or one month (what an analyst does next), and queries
    never asked before (two title words, or one word at a deeper page), which no cache can answer."""
    rng = random.Random(5)
    with open_store(db) as store:
        outlets = [row["outlet"] for row in browse.outlet_counts(store) if row["outlet"]]
        months = [row["month"] for row in browse.monthly_counts(store)]
        titles = [row["title"] or "" for row in store.list_articles(limit=2000)]
    plain = [f"/search?{httpx.QueryParams({'q': q})}" for q in queries]
    filtered = []
    for i, q in enumerate(queries):
        if i % 2:
            params = {"q": q, "outlet": rng.choice(outlets)}
        else:
            month = rng.choice(months)
            params = {"q": q, "since": f"{month}-01", "until": f"{month}-28"}
        filtered.append(f"/search?{httpx.QueryParams(params)}")

    # Real queries find something: one title word (at pages 1-10: each page ranks anew), or two
    # words of the same title.
    def words_of(title: str) -> list[str]:
        return [w.strip(",.'\"").lower() for w in title.split() if len(w) > 4]

    fresh = {
        f"/search?{httpx.QueryParams({'q': w, 'page': p})}"
        for t in titles
        for w in words_of(t)
        for p in range(1, 11)
    }
    for t in titles:
        found = words_of(t)
        fresh |= {
            f"/search?{httpx.QueryParams({'q': f'{a} {b}'})}" for a, b in zip(found, found[1:], strict=False)
        }
    new = sorted(fresh)
    rng.shuffle(new)
    return {"search": plain, "search, filtered": filtered, "search, new queries": new}


def query_times(db: str, queries: list[str]) -> list[dict]:
    """The search queries alone, in this process, without HTTP or cache: ms per search by filter."""
    with open_store(db) as store:
        outlet = next(row["outlet"] for row in browse.outlet_counts(store) if row["outlet"])
        months = [row["month"] for row in browse.monthly_counts(store)]
        variants = {
            "none": SearchFilters(),
            "one outlet": SearchFilters(outlet=outlet),
            "one month": SearchFilters(
                since=f"{months[len(months) // 2]}-01", until=f"{months[len(months) // 2]}-28"
            ),
            "since a date (most articles)": SearchFilters(since=f"{months[len(months) // 3]}-01"),
        }
        rows = []
        for name, filters in variants.items():
            times, totals = [], []
            for q in queries:
                started = time.perf_counter()
                totals.append(search_articles(store, q, filters).total)
                times.append(1000 * (time.perf_counter() - started))
            times.sort()
            rows.append(
                {
                    "size": store.count_articles(),
                    "filter": name,
                    "mean_ms": statistics.mean(times),
                    "p95_ms": times[int(0.95 * (len(times) - 1))],
                    "max_total": max(totals),
                }
            )
    return rows


def request_cpu(db: str, paths: list[str], label: str) -> dict:
    """CPU ms per request of the workbench itself, in this process, one request at a time: the ASGI
    app called as uvicorn calls it (no HTTP parsing, no client), so the number hardly depends on what
    else the machine runs; each path is requested once, in order (never-asked searches stay so)."""
    with open_store(db) as store:
        size = store.count_articles()
    app = create_app(db)

    async def call(path: str) -> None:
        route, _, query = path.partition("?")
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": route,
            "raw_path": route.encode(),
            "query_string": query.encode(),
            "root_path": "",
            "headers": [(b"host", b"127.0.0.1"), (b"accept", b"text/html")],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
            "state": {},
        }
        status = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])

        await app(scope, receive, send)
        if status != [200]:
            raise RuntimeError(f"{path}: status {status}")

    async def run() -> dict:
        async with app.router.lifespan_context(app):
            for path in paths[-20:]:  # warm-up: template compile, first connections
                await call(path)
            measured = paths[:1000]
            started = time.process_time()
            for path in measured:
                await call(path)
            cpu_ms = 1000 * (time.process_time() - started) / len(measured)
        return {"size": size, "page": label, "requests": len(measured), "cpu_ms": cpu_ms}

    return asyncio.run(run())


def optimized_copy(db: str) -> str:
    """A copy of the store for `--optimize-search` runs, so the measured store itself stays as filled."""
    copy = db.replace(".db", "-optimized.db")
    if not Path(copy).exists():
        open_store(db).close()  # checkpoints the WAL into the file being copied
        shutil.copyfile(db, copy)
    return copy


def measure(
    size: int,
    clients: int,
    duration: float,
    workdir: Path,
    workers: int = 1,
    only: list[str] | None = None,
    optimized: bool = False,
) -> list[dict]:
    db, story_ids, queries, fill_s = prepared(size, workdir)
    pages = {"story page": [f"/stories/{sid}" for sid in story_ids], **search_paths(db, queries)}
    if optimized:
        db = optimized_copy(db)
    proc, base = start_server(db, workers, optimize=optimized)
    try:
        results = []
        for name, paths in pages.items():
            if only and name not in only:
                continue
            asyncio.run(load(base, paths[-5:], 2, 2.0))  # warm-up: caches, first template compile
            # CPU per request, server and clients apart: with the clients in a closed loop on a shared
            # machine, latency is mostly queueing, set by these two numbers rather than measured alone.
            server_before, client_before = server_cpu_s(proc), time.process_time()
            result = asyncio.run(load(base, paths, clients, duration, once=name.endswith("new queries")))
            result["server_cpu_ms"] = 1000 * (server_cpu_s(proc) - server_before) / result["requests"]
            result["client_cpu_ms"] = 1000 * (time.process_time() - client_before) / result["requests"]
            label = f"{name} (merged index)" if optimized else name
            results.append({"size": size, "workers": workers, "page": label, "fill_s": fill_s, **result})
            print(
                f"{size:>6} x{workers} {label:<20} p50 {result['p50_ms']:.0f} ms  p95 {result['p95_ms']:.0f} ms  "
                f"{result['rps']:.0f} req/s  {result['requests']} requests  {result['errors']} errors  "
                f"CPU/request: server {result['server_cpu_ms']:.1f} ms, clients {result['client_cpu_ms']:.1f} ms",
                flush=True,
            )
    finally:
        stop_server(proc)
    return results


def section(
    results: list[dict],
    clients: int,
    duration: float,
    queries: list[dict] | None = None,
    cpu: list[dict] | None = None,
) -> str:
    lines = [
        "## Web (`benchmarks/web.py`)",
        "",
        "`crosswire serve` over a SQLite store filled with generated articles through the store API (stories "
        f"with one fact per article, no nlp); {clients} concurrent clients in a second process request one page "
        f"kind in a closed loop for {duration:.0f} s each. Pages: the story page (random stories of 3+ articles); "
        "search with the benchmark's 60 one- and two-word queries, which repeat, as reloads and paging back do "
        "(repeats are answered by the search cache while the index is unchanged); the same queries narrowed to "
        "one outlet or one month; and search with queries never asked before in the run (one title word at pages "
        "1-10, or two words of one title), which no cache can answer. Goal: p95 < 200 ms at 50k articles, 0 errors.",
        "",
        f"- Machine: {machine()}; run {date.today().isoformat()}; server and clients share the machine",
        "",
        "| articles | server processes | page | p50 ms | p95 ms | requests/s | requests | errors "
        "| server CPU ms/request | clients' CPU ms/request |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    lines_after = [
        "",
        "How search stays fast (`store/search.py`, `web/search_cache.py`, migration 0005): each search is three "
        "cheap queries: rank (only the index's rowids and bm25 leave FTS5, ORDER BY ... LIMIT keeps a page-sized "
        'heap), count (stopped at 10,001: larger totals show as "10,000+"; skipped when the page is the last '
        "one), and page (titles, dates and snippets read for the 20 hits shown). Outlet and date filters are one "
        "rowid list built from their indexes and tested per match (`+s.rowid IN (...)`); written plainly, SQLite "
        "re-ran the MATCH once per filtered article (a date filter took seconds). Identical searches are served "
        "from a per-process cache while the FTS index is unchanged (at most 30 s). `crosswire serve --workers N` "
        "runs N server processes.",
        "",
        "Since then: ranking on SQLite is windowed (bm25 over blocks of 2,000 matches, newest stored first, "
        "instead of over all 30,000 matches of a common word: the rank query for the benchmark's 60 queries went "
        "from a mean of 15.5 to 5.2 ms, p95 71 to 12 ms); the story page reads the story, headings, events and "
        "actors in one transaction with plain SQL (SQLAlchemy's select() with an expanding IN list cost ~1 ms "
        "per query in Python, several times SQLite's own time); uvicorn runs on httptools and uvloop. Rows marked "
        "(merged index) serve a copy of the store after `crosswire serve --optimize-search`, which merges the "
        "FTS5 index (14 segments after the fill) into one.",
        "",
        "Then (issue #6, never-asked searches): the page query reads the page's hits in one walk over their "
        "rowid range instead of one FTS5 query per hit; the cache's index stamp and the search share one "
        "connection; snippets become HTML once in Python (escaped, then marked) and the template reads dicts by "
        "subscript; the read/write token checks are async dependencies (no thread hand-off per request); and "
        "searches run in at most 4 threads per process, first come first served, instead of 20 at once "
        "contending for the interpreter lock (docs/web.md, Latency).",
        "",
        "CPU per request is the CPU time (user + system) the server processes, and this client process, used "
        "during the run divided by the requests answered. With the clients in a closed loop, latency is mostly "
        "queueing, so it follows these two numbers, which depend far less on what else the machine is running.",
    ]
    for r in results:
        lines.append(
            f"| {r['size']:,} | {r['workers']} | {r['page']} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | "
            f"{r['rps']:.0f} | {r['requests']:,} | {r['errors']} | {r['server_cpu_ms']:.1f} | "
            f"{r['client_cpu_ms']:.1f} |"
        )
    if cpu:
        lines_after += [
            "",
            "CPU per request of the workbench alone (in one process, one request at a time, the ASGI app called "
            "as uvicorn calls it: no HTTP, no client; each path once, at most 1,000; little moved by machine load):",
            "",
            "| articles | page | CPU ms/request |",
            "|---:|---|---:|",
        ]
        lines_after += [f"| {r['size']:,} | {r['page']} | {r['cpu_ms']:.2f} |" for r in cpu]
    if queries:
        lines_after += [
            "",
            "The article search queries alone (in one process, no HTTP, no cache; the benchmark's 60 queries, "
            "first page):",
            "",
            "| articles | filter | mean ms | p95 ms | largest total |",
            "|---:|---|---:|---:|---:|",
        ]
        lines_after += [
            f"| {r['size']:,} | {r['filter']} | {r['mean_ms']:.1f} | {r['p95_ms']:.1f} | {r['max_total']:,} |"
            for r in queries
        ]
    return "\n".join(lines + lines_after) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 50000])
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--pages", nargs="+", help="measure only these pages (e.g. search)")
    parser.add_argument("--quick", action="store_true", help="1k articles, 10 s per page, one process")
    parser.add_argument(
        "--optimized",
        type=int,
        nargs="*",
        default=[2],
        help="server processes for search runs on a merged search index at the largest size",
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[1, 2],
        help="server processes; >1: search at the largest size",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the filled stores here and reuse them next time (default: a temp dir)",
    )
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.duration, args.workers, args.optimized = [1000], 10.0, [1], []
    results = []
    with tempfile.TemporaryDirectory(prefix="crosswire-web-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            results.extend(measure(size, args.clients, args.duration, workdir, 1, args.pages))
        # More server processes matter where one is CPU-bound: search at the largest size.
        for workers in args.workers:
            if workers > 1:
                results.extend(
                    measure(max(args.sizes), args.clients, args.duration, workdir, workers, args.pages)
                )
        searches = [p for p in args.pages or SEARCH_PAGES if p in SEARCH_PAGES]
        for workers in args.optimized:
            results.extend(
                measure(
                    max(args.sizes), args.clients, args.duration, workdir, workers, searches, optimized=True
                )
            )
        db, story_ids, queries, _fill = prepared(max(args.sizes), workdir)
        timed = query_times(db, queries)
        searches = search_paths(db, queries)
        cpu = [
            request_cpu(db, [f"/stories/{sid}" for sid in story_ids], "story page"),
            request_cpu(db, searches["search, new queries"], "search, new queries"),
        ]
        for row in cpu:
            print(
                f"{row['size']:>6} in-process {row['page']:<20} CPU {row['cpu_ms']:.2f} ms/request",
                flush=True,
            )
    text = section(results, args.clients, args.duration, timed, cpu)
    print(text)
    if args.write_docs:
        write_docs(text, name="web")


if __name__ == "__main__":
    main()
