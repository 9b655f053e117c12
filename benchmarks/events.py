"""Event-coding benchmark: sentences/s of the built-in coder alone, and what coding adds to the analysis.

Articles are the three seeds plus the first BASIL articles from ../shared/eval/basil (real news text).
Each is parsed once with the spaCy runtime (timed: the bare-spaCy baseline); the article layers the coder
needs (actors, times, places, quotes) are timed over the same Docs, then `extract_events` alone.

    python benchmarks/events.py                  # 60 articles, print the numbers
    python benchmarks/events.py --articles 200 --write-docs   # ... and rewrite docs/benchmarks.md's section

Goal (issue #4): coding adds at most 20% to the article analysis (the layers above).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
DOCS = REPO / "docs" / "benchmarks.md"
GOAL_OVERHEAD = 0.20


def load_articles(limit: int) -> list:
    from crosswire.ingest.context import ReadContext
    from crosswire.ingest.text import read_text
    from crosswire.knowledge.sources import SourceRegistry
    from crosswire.model import Article

    articles = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        context = ReadContext(sources=SourceRegistry.builtin(), source_path=str(path))
        articles += list(read_text(path, path.read_text(encoding="utf-8"), context))
    basil = SHARED / "eval" / "basil" / "articles.jsonl"
    with open(basil, encoding="utf-8") as handle:
        for line in handle:
            if len(articles) >= limit:
                break
            rec = json.loads(line)
            published = datetime.fromisoformat(rec["date"]) if rec.get("date") else None
            articles.append(
                Article(
                    text=rec["text"], title=rec.get("title"), outlet=rec.get("outlet"), published=published
                )
            )
    return articles[:limit]


def measure(limit: int) -> dict:
    from crosswire.events.extract import extract_events
    from crosswire.nlp.actors import extract_actors
    from crosswire.nlp.dates import extract_times
    from crosswire.nlp.places import extract_places
    from crosswire.nlp.quotes import extract_quotes
    from crosswire.nlp.runtime import load_nlp

    articles = load_articles(limit)
    nlp = load_nlp()
    extract_events(articles[0], nlp(articles[0].text), [], [], [], [])  # warm-up: lexicon, KB, codebook
    t0 = time.process_time()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=16))
    parse_s = time.process_time() - t0
    t0 = time.process_time()
    layers = []
    for article, doc in zip(articles, docs, strict=True):
        actors = extract_actors(article, doc)
        countries = sorted({a.country for a in actors if a.country})
        layers.append(
            (
                actors,
                extract_times(article, doc),
                extract_places(article, doc, countries),
                extract_quotes(article, doc, actors),
            )
        )
    analysis_s = time.process_time() - t0
    t0 = time.process_time()
    events = 0
    for article, doc, (actors, times, places, quotes) in zip(articles, docs, layers, strict=True):
        events += len(extract_events(article, doc, actors, times, places, quotes))
    coding_s = time.process_time() - t0
    sentences = sum(1 for doc in docs for _ in doc.sents)
    return {
        "articles": len(articles),
        "sentences": sentences,
        "events": events,
        "parse_s": parse_s,
        "analysis_s": analysis_s,
        "coding_s": coding_s,
        "coder_sentences_per_s": sentences / coding_s if coding_s else float("inf"),
        "overhead_vs_analysis": coding_s / (parse_s + analysis_s),
        "overhead_vs_layers": coding_s / analysis_s,
        "with_coding_vs_spacy": (parse_s + analysis_s + coding_s) / parse_s,
        "without_coding_vs_spacy": (parse_s + analysis_s) / parse_s,
    }


def render(r: dict) -> str:
    met = "met" if r["overhead_vs_analysis"] <= GOAL_OVERHEAD else "not met"
    return "\n".join(
        [
            "<!-- events:start -->",
            "## Event coding",
            "",
            "`benchmarks/events.py`: the three seeds and BASIL articles, parsed once; CPU seconds (process time) of",
            "bare spaCy parsing, of the layers the coder reads (actors, times, places, quotes), and of",
            "`extract_events` alone over the same parses (no re-parse).",
            "",
            f"- Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, {platform.system()}",
            f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
            f"- Goal: coding adds at most 20% to the article analysis: **{met}**",
            "",
            "| articles | sentences | events | spaCy s | layers s | coding s | coder sentences/s |"
            " coding / (spaCy + layers) | analysis without coding ÷ spaCy | with coding ÷ spaCy |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {r['articles']} | {r['sentences']:,} | {r['events']:,} | {r['parse_s']:.1f} | {r['analysis_s']:.1f} |"
            f" {r['coding_s']:.2f} | {r['coder_sentences_per_s']:,.0f} | {r['overhead_vs_analysis']:.1%} |"
            f" {r['without_coding_vs_spacy']:.2f} | {r['with_coding_vs_spacy']:.2f} |",
            "<!-- events:end -->",
        ]
    )


def write_docs(section: str) -> None:
    write_docs_section(section, "events")


def write_docs_section(section: str, name: str) -> None:
    """Replace the `<!-- name:start -->` ... `<!-- name:end -->` section of docs/benchmarks.md."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = (
        DOCS.read_text(encoding="utf-8")
        if DOCS.exists()
        else "# Benchmarks\n\nRun `make bench` to refresh.\n"
    )
    if start in text and end in text:
        text = text[: text.index(start)] + section + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument(
        "--write-docs", action="store_true", help="rewrite the events section of docs/benchmarks.md"
    )
    args = parser.parse_args(argv)
    result = measure(args.articles)
    section = render(result)
    sys.stdout.write(section + "\n")
    if args.write_docs:
        write_docs(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
