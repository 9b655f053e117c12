"""Score story grouping on BASIL (../shared/eval/basil/): B-cubed F1 and adjusted Rand index vs `story_id`.

BASIL has 100 stories, each covered by Fox News, The New York Times and HuffPost, ten stories a year
from 2010 to 2019. The grouper sees what a real corpus would give it: id, outlet, title, date and text
(never the gold story label or main entities). The actor signal is the parser's named entities (people
by surname, organisations and places by normalised name), the most frequent ones per article, since
the article-level actor analysis is a separate stage. Scores are reported for the whole set and for the
articles of each year taken separately (the year subsets of the one grouping).

    crosswire eval stories DIR        python -m crosswire.evaluation.stories DIR [--threshold T] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from math import comb
from pathlib import Path
from typing import Any

from crosswire.evaluation import read_records
from crosswire.nlp.runtime import parse_many
from crosswire.stories.cluster import EMBED_TOKENS, THRESHOLD, WINDOW_DAYS, group_articles
from crosswire.stories.inputs import StoryInput, as_date, clean_title, lead_text, normalise_name

ENTITY_LABELS = {"PERSON", "ORG", "GPE"}
TOP_ENTITIES = 8
# Where the entities are read from: the opening of the article names the story's actors; the tail
# drifts into background that other stories share.
ENTITY_CHARS = 2500
REQUIRED = ("id", "story_id", "title", "text")


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering `pred` against `gold` (labels per item)."""
    if len(gold) != len(pred):
        raise ValueError("bcubed: gold and predicted labels differ in length")
    if not gold:
        return (1.0, 1.0, 1.0)
    pair: Counter[tuple[Hashable, Hashable]] = Counter(zip(gold, pred, strict=True))
    g_size, p_size = Counter(gold), Counter(pred)
    # Each item in cell (g, p) has pair[g, p] items sharing both labels with it (itself included).
    precision = sum(c * c / p_size[p] for (_g, p), c in pair.items()) / len(gold)
    recall = sum(c * c / g_size[g] for (g, _p), c in pair.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (precision, recall, f1)


def adjusted_rand(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Hubert and Arabie's adjusted Rand index from the contingency table."""
    if len(gold) != len(pred):
        raise ValueError("adjusted_rand: gold and predicted labels differ in length")
    n = len(gold)
    if n < 2:
        return 1.0
    index = sum(comb(c, 2) for c in Counter(zip(gold, pred, strict=True)).values())
    sum_gold = sum(comb(c, 2) for c in Counter(gold).values())
    sum_pred = sum(comb(c, 2) for c in Counter(pred).values())
    expected = sum_gold * sum_pred / comb(n, 2)
    maximum = (sum_gold + sum_pred) / 2
    if maximum == expected:  # both trivial (all singletons or one cluster): perfect when identical
        return 1.0 if sum_gold == sum_pred else 0.0
    return (index - expected) / (maximum - expected)


def load_basil(basil_dir: str | Path) -> list[dict[str, Any]]:
    def problem(rec: dict[str, Any]) -> str | None:
        missing = [k for k in REQUIRED if k not in rec]
        return f"record lacks {', '.join(missing)}" if missing else None

    path = Path(basil_dir) / "articles.jsonl"
    records = read_records(path, problem)
    if not records:
        raise ValueError(f"{path}: no articles")
    return records


def entity_actors(texts: Sequence[str], top: int = TOP_ENTITIES) -> list[frozenset[str]]:
    """The `top` most mentioned people (by surname), organisations and places of each text."""

    out = []
    for doc in parse_many([t[:ENTITY_CHARS] for t in texts]):
        counts: Counter[str] = Counter()
        for ent in doc.ents:
            if ent.label_ not in ENTITY_LABELS:
                continue
            name = normalise_name(ent.text)
            if ent.label_ == "PERSON":
                name = name.split()[-1] if name else name  # "Mr. Steele", "Michael Steele" -> "steele"
            if len(name) > 1:
                counts[name] += 1
        out.append(frozenset(name for name, _ in counts.most_common(top)))
    return out


def basil_inputs(records: Sequence[dict[str, Any]], *, entities: bool = True) -> list[StoryInput]:
    actors = entity_actors([r["text"] for r in records]) if entities else [frozenset()] * len(records)
    return [
        StoryInput(
            article_id=str(r["id"]),
            outlet=r.get("outlet"),
            title=clean_title(r.get("title")),
            lead=lead_text(r["text"]),
            published=as_date(r.get("date")),
            actors=acts,
        )
        for r, acts in zip(records, actors, strict=True)
    ]


def score(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> dict[str, float]:
    p, r, f1 = bcubed(gold, pred)
    return {
        "articles": len(gold),
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f1, 4),
        "ari": round(adjusted_rand(gold, pred), 4),
        "stories_gold": len(set(gold)),
        "stories_found": len(set(pred)),
    }


def run(
    basil_dir: str | Path,
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    entities: bool = True,
) -> dict[str, Any]:
    """Group BASIL's articles and score the grouping overall and per year."""
    records = load_basil(basil_dir)
    items = basil_inputs(records, entities=entities)
    clusters = group_articles(items, threshold=threshold, window_days=window_days, with_related=False)
    story_of = {aid: c.key for c in clusters for aid in c.article_ids}
    gold = [str(r["story_id"]) for r in records]
    pred = [story_of[it.article_id] for it in items]
    by_year: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        day = as_date(r.get("date"))
        by_year[str(r.get("year") or (day.year if day else "undated"))].append(i)
    years = {
        year: score([gold[i] for i in rows], [pred[i] for i in rows])
        for year, rows in sorted(by_year.items())
    }
    return {
        "method": f"MiniLM-L6 int8 cosine on title + lead (first {EMBED_TOKENS} tokens), entity Jaccard, "
        f"time window {window_days} d, "
        f"threshold {threshold}",
        "overall": score(gold, pred),
        "by_year": years,
        "min_year_bcubed_f1": min(y["bcubed_f1"] for y in years.values()),
        "min_year_ari": min(y["ari"] for y in years.values()),
    }


def format_table(result: dict[str, Any]) -> str:
    rows = [("overall", result["overall"])] + list(result["by_year"].items())
    lines = [
        "| subset | articles | B3 P | B3 R | B3 F1 | ARI | stories gold / found |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, s in rows:
        lines.append(
            f"| {name} | {s['articles']} | {s['bcubed_precision']:.3f} | {s['bcubed_recall']:.3f} | "
            f"{s['bcubed_f1']:.3f} | {s['ari']:.3f} | {s['stories_gold']} / {s['stories_found']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crosswire eval stories", description=__doc__.split("\n")[0])
    parser.add_argument("basil_dir", help="folder holding BASIL's articles.jsonl")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--window-days", type=int, default=WINDOW_DAYS)
    parser.add_argument("--no-entities", action="store_true", help="embeddings and dates only")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        result = run(
            args.basil_dir,
            threshold=args.threshold,
            window_days=args.window_days,
            entities=not args.no_entities,
        )
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2) if args.json else f"{result['method']}\n\n{format_table(result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
