"""Web latency: p50/p95 of the story page and of search, with 1k and 50k articles in the store.

The store is filled quickly through the store API (generated articles from generate.py, stories with
one fact per article, no nlp); the server is a real uvicorn process; the clients run in this (second)
process: 20 concurrent httpx clients in a closed loop for 60 s per page and size, counting errors.

    python benchmarks/web.py [--sizes 1000 50000] [--duration 60] [--clients 20] [--write-docs]
                             [--workdir /tmp/crosswire-web]   # fill once, reuse the stores next time
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
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
from generate import generate_articles
from ingest import machine, write_docs

from crosswire.model import Article, Fact, Story
from crosswire.store import browse, open_store


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


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    code = (
        "import uvicorn; from crosswire.web.app import create_app; "
        f"uvicorn.run(create_app({db!r}), host='127.0.0.1', port={port}, log_level='error', access_log=False)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/v1/outlets", timeout=5).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("server did not start")


async def load(base: str, paths: list[str], clients: int, duration: float) -> dict:
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + duration

    async def client(i: int) -> None:
        nonlocal errors
        rng = random.Random(i)
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                path = rng.choice(paths)
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
    plan.write_text(json.dumps({"story_ids": story_ids, "queries": queries, "fill_s": fill_s}), encoding="utf-8")
    return db, story_ids, queries, fill_s


def search_paths(db: str, queries: list[str]) -> tuple[list[str], list[str]]:
    """Search URLs: the plain queries, and the same queries narrowed to one outlet or one month
    (what an analyst does next), taken from what the store holds."""
    rng = random.Random(5)
    with open_store(db) as store:
        outlets = [row["outlet"] for row in browse.outlet_counts(store) if row["outlet"]]
        months = [row["month"] for row in browse.monthly_counts(store)]
    plain = [f"/search?{httpx.QueryParams({'q': q})}" for q in queries]
    filtered = []
    for i, q in enumerate(queries):
        if i % 2:
            params = {"q": q, "outlet": rng.choice(outlets)}
        else:
            month = rng.choice(months)
            params = {"q": q, "since": f"{month}-01", "until": f"{month}-28"}
        filtered.append(f"/search?{httpx.QueryParams(params)}")
    return plain, filtered


def measure(size: int, clients: int, duration: float, workdir: Path, only: list[str] | None = None) -> list[dict]:
    db, story_ids, queries, fill_s = prepared(size, workdir)
    plain, filtered = search_paths(db, queries)
    pages = {
        "story page": [f"/stories/{sid}" for sid in story_ids],
        "search": plain,
        "search, filtered": filtered,
    }
    proc, base = start_server(db)
    try:
        results = []
        for name, paths in pages.items():
            if only and name not in only:
                continue
            asyncio.run(load(base, paths[:5], 2, 2.0))  # warm-up: caches, first template compile
            result = asyncio.run(load(base, paths, clients, duration))
            results.append({"size": size, "page": name, "fill_s": fill_s, **result})
            print(
                f"{size:>6} {name:<16} p50 {result['p50_ms']:.0f} ms  p95 {result['p95_ms']:.0f} ms  "
                f"{result['rps']:.0f} req/s  {result['requests']} requests  {result['errors']} errors",
                flush=True,
            )
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return results


def section(results: list[dict], clients: int, duration: float) -> str:
    lines = [
        "## Web (`benchmarks/web.py`)",
        "",
        f"A uvicorn server (one process) over a SQLite store filled with generated articles through the store API "
        f"(stories with one fact per article, no nlp); {clients} concurrent clients in a second process request the "
        f"story page (random stories of 3+ articles) or the search page (one- and two-word queries) in a closed loop "
        f"for {duration:.0f} s each. Goal: p95 < 200 ms at 50k articles, 0 errors.",
        "",
        f"- Machine: {machine()}; run {date.today().isoformat()}",
        "",
        "| articles | page | p50 ms | p95 ms | requests/s | requests | errors |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r['size']:,} | {r['page']} | {r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['rps']:.0f} | "
            f"{r['requests']:,} | {r['errors']} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 50000])
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--pages", nargs="+", help="measure only these pages (e.g. search)")
    parser.add_argument(
        "--workdir", type=Path, help="keep the filled stores here and reuse them next time (default: a temp dir)"
    )
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="crosswire-web-bench-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            results.extend(measure(size, args.clients, args.duration, workdir, args.pages))
    text = section(results, args.clients, args.duration)
    print(text)
    if args.write_docs:
        write_docs(text, name="web")


if __name__ == "__main__":
    main()
