"""Article-analysis benchmark: words/s of the whole analysis against bare spaCy, on 1 and 2 cores.

The corpus is real news: the three seeds and BASIL articles from ../shared/eval/basil. For each core
count, in the same run:
- bare: `nlp.pipe` over the texts with the same pipeline crosswire loads (`runtime.load_nlp`), with
  `n_process` = cores;
- analysis: `crosswire.analysis.analyze_articles` (parse, actors, times, places, quotes, tone, events,
  5W1H) with `n_process` = cores (a process pool over chunks), parse cache cleared.
Wall-clock seconds; the ratio analysis/bare is the cost of crosswire's analysis over parsing alone.

    python benchmarks/analysis.py [--articles 120] [--write-docs]

Goal (issue #3): the analysis costs at most 1.5x bare spaCy.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from events import load_articles, write_docs_section  # noqa: E402

GOAL = 1.5


def measure(articles: list, cores: int) -> dict:
    from crosswire.nlp import runtime
    from crosswire.scale import analyze_chunks, open_executor

    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    nlp = runtime.load_nlp()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=cores):
        pass
    bare = time.perf_counter() - t0
    runtime.clear_cache()
    t0 = time.perf_counter()
    batches = [articles[i : i + 16] for i in range(0, len(articles), 16)]
    with open_executor(cores) as executor:
        analysed = sum(len(pairs) for pairs in analyze_chunks(batches, executor))
    full = time.perf_counter() - t0
    return {
        "cores": cores,
        "articles": analysed,
        "words": words,
        "bare_s": bare,
        "analysis_s": full,
        "bare_wps": words / bare,
        "analysis_wps": words / full,
        "ratio": full / bare,
    }


def render(rows: list[dict]) -> str:
    lines = [
        "<!-- analysis:start -->",
        "## Article analysis",
        "",
        "`benchmarks/analysis.py`: the three seeds and BASIL articles (real news). Wall-clock time of bare",
        "`nlp.pipe` with crosswire's pipeline and of the whole analysis (parse + actors, times, places, quotes,",
        "tone, events, 5W1H) over the same texts, measured in the same run; on 2 cores both use 2 processes.",
        "",
        f"- Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Goal: the analysis costs at most {GOAL}x bare spaCy",
        "",
        "| cores | articles | words | bare spaCy words/s | analysis words/s | analysis ÷ bare | goal |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        met = "met" if r["ratio"] <= GOAL else "not met"
        lines.append(
            f"| {r['cores']} | {r['articles']} | {r['words']:,} | {r['bare_wps']:,.0f} |"
            f" {r['analysis_wps']:,.0f} | {r['ratio']:.2f}x | {met} |"
        )
    lines.append("<!-- analysis:end -->")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--write-docs", action="store_true", help="rewrite the section in docs/benchmarks.md")
    args = parser.parse_args(argv)
    articles = load_articles(args.articles)
    rows = [measure(articles, cores) for cores in (1, 2)]
    section = render(rows)
    sys.stdout.write(section + "\n")
    if args.write_docs:
        write_docs_section(section, "analysis")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
