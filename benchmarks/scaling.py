"""Scaling benchmark: the article analysis in one process, on a 2-process pool, and on a 2-worker Dask
LocalCluster, over the same articles.

The articles are real news (the three seeds and BASIL articles from ../shared/eval/basil, as in
analysis.py). Each executor (`crosswire.scale.open_executor`: in-process, `--workers 2`,
`--dask local:2`) first runs one warm-up task per worker, so the spaCy pipeline is loaded everywhere
(that start-up is reported on its own), then `scale.analyze_chunks` analyses every article in chunks
of 16, results in input order, exactly as `crosswire analyze` does. Reported: words/s, the 2-worker
scaling efficiency throughput(2) / (2 x throughput(1)), and Dask's overhead against the pool.

    python benchmarks/scaling.py [--articles 160] [--quick] [--write-docs]

`--quick` uses 32 articles. Goal (issue #7): 2-worker efficiency >= 80%. On a machine whose cores are
busy with other work the efficiency says more about the neighbours than about crosswire.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import wait
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _bench import bar_chart, machine, peak_rss_mb, write_docs_section  # noqa: E402
from events import load_articles  # noqa: E402

GOAL = 0.80
CHUNK = 16


def run(articles: list, label: str, workers: int = 1, dask: str | None = None) -> dict[str, Any]:
    from crosswire.nlp import runtime
    from crosswire.scale import Executor, analyze_batch, analyze_chunks, open_executor

    words = sum(len(a.text.split()) for a in articles)
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    # Forked pool workers inherit this process's in-memory parse cache: empty it first, so no executor
    # is served the parses of an earlier one.
    runtime.clear_cache()
    t0 = time.perf_counter()
    with open_executor(workers=workers, dask=dask) as executor:
        # One tiny task per worker loads the models there; timed apart as start-up.
        if type(executor) is Executor:
            runtime.load_nlp()
            analyze_batch(articles[:1])
        else:
            tasks = [executor.submit(analyze_batch, articles[k : k + 1]) for k in range(max(workers, 2))]
            if dask:
                from dask.distributed import wait as dask_wait

                dask_wait(tasks)
            else:
                wait(tasks)
        startup = time.perf_counter() - t0
        runtime.clear_cache()
        t1 = time.perf_counter()
        analysed = sum(len(pairs) for pairs in analyze_chunks(chunks, executor))
        seconds = time.perf_counter() - t1
    return {
        "label": label,
        "articles": analysed,
        "words": words,
        "startup_s": startup,
        "seconds": seconds,
        "wps": words / seconds,
    }


def render(rows: list[dict[str, Any]], plot: Path | None) -> str:
    one, pool, dask = rows
    efficiency = pool["wps"] / (2 * one["wps"])
    overhead = dask["seconds"] / pool["seconds"] - 1
    lines = [
        "<!-- scaling:start -->",
        "## Scaling: 1 vs 2 workers, process pool vs Dask",
        "",
        f"`benchmarks/scaling.py`: the article analysis of {one['articles']} real news articles",
        f"({one['words']:,} words), in-process, on `--workers 2` and on `--dask local:2`, chunks of {CHUNK},",
        "after a warm-up task per worker (its time is the start-up column: processes, imports, spaCy).",
        "",
        f"- Machine: {machine()}",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- 2-worker efficiency, throughput(2) / (2 x throughput(1)): **{efficiency:.0%}**"
        f" (goal {GOAL:.0%}: {'met' if efficiency >= GOAL else 'not met'})",
        f"- Dask LocalCluster against the process pool: {overhead:+.1%} analysis time,"
        f" start-up {dask['startup_s']:.1f} s against {pool['startup_s']:.1f} s",
        "",
        "| executor | start-up s | analysis s | words/s |",
        "|---|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['label']} | {r['startup_s']:.1f} | {r['seconds']:.1f} | {r['wps']:,.0f} |")
    lines += ["", f"Peak RSS of the driver process: {peak_rss_mb():,.0f} MB."]
    if plot is not None:
        lines += ["", f"![analysis words/s per executor](img/{plot.name})"]
    lines.append("<!-- scaling:end -->")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=160)
    parser.add_argument("--quick", action="store_true", help="32 articles")
    parser.add_argument("--write-docs", action="store_true", help="rewrite the section in docs/benchmarks.md")
    args = parser.parse_args(argv)
    articles = load_articles(32 if args.quick else args.articles)
    rows = [
        run(articles, "in-process (1)"),
        run(articles, "process pool (2)", workers=2),
        run(articles, "Dask LocalCluster (2)", dask="local:2"),
    ]
    for r in rows:
        print(
            f"{r['label']}: start-up {r['startup_s']:.1f} s, {r['seconds']:.1f} s, {r['wps']:.0f} words/s",
            flush=True,
        )
    plot = None
    if args.write_docs:
        plot = bar_chart(
            "scaling",
            "Article analysis throughput",
            [r["label"] for r in rows],
            {"words/s": [r["wps"] for r in rows]},
            "words/s",
        )
    section = render(rows, plot)
    print(section)
    if args.write_docs:
        write_docs_section(section, "scaling")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
