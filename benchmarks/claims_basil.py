"""What the claim rules (stories/facts.py `tighten_claims`) do to story comparison on BASIL's gold stories.

    python benchmarks/claims_basil.py [--basil ../shared/eval/basil] [--limit N] [--sample 20]

Every BASIL story (three outlets) is compared twice from the same analyses, with the claim rules and without
them, and the event facts are counted: all, claim-only (no coded event behind them), corroborated (two or
more independent outlets) and corroborated claim-only. BASIL has no gold facts, so precision is judged by
reading: `--sample N` prints N random claim-only facts of each run (seeded) to be marked by hand.
Parses are cached (CROSSWIRE_CACHE or a folder under the temp dir); the first run analyses 300 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def measure(basil: str, limit: int | None, sample: int) -> dict[str, Any]:
    import crosswire.stories.compare as compare
    from crosswire.evaluation.sentiment import basil_article, read_basil
    from crosswire.model import Story
    from crosswire.nlp.pipeline import analyze_articles

    records = read_basil(basil, limit)
    articles = [basil_article(r) for r in records]
    story_of = {a.id: str(r["story_id"]) for a, r in zip(articles, records, strict=True)}
    pairs = list(analyze_articles(articles))
    analyses = {a.id: x for a, x in pairs}
    stories: dict[str, list[Any]] = defaultdict(list)
    for article, _ in pairs:
        stories[story_of[article.id]].append(article)
    tighten = compare.tighten_claims
    out: dict[str, Any] = {}
    try:
        for label, rule in (
            ("without_rules", lambda aligned, _a, _b: list(aligned)),
            ("with_rules", tighten),
        ):
            compare.tighten_claims = rule  # type: ignore[assignment]
            counts: Counter[str] = Counter()
            claims: list[str] = []
            for _, members in sorted(stories.items()):
                comp = compare.compare_story(Story([a.id for a in members]), members, analyses)
                for fact in comp.facts:
                    if fact.kind != "event":
                        continue
                    claim_only = all(s["match"] == "claim" for s in fact.sentences)
                    corroborated = len(fact.independent_outlets) >= 2
                    counts["facts"] += 1
                    counts["claim_only"] += claim_only
                    counts["claim_sentences"] += sum(s["match"] == "claim" for s in fact.sentences)
                    counts["corroborated"] += corroborated
                    counts["corroborated_claim_only"] += corroborated and claim_only
                    if claim_only:
                        claims.append(f"{fact.summary} || {fact.sentences[0]['text'][:200]}")
            out[label] = dict(counts)
            out[f"{label}_sample"] = random.Random(7).sample(claims, min(sample, len(claims)))
    finally:
        compare.tighten_claims = tighten
    out["stories"] = len(stories)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--basil", default=str(ROOT.parent / "shared" / "eval" / "basil"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--sample", type=int, default=20, help="claim-only facts to print per run")
    args = parser.parse_args(argv)
    os.environ.setdefault("CROSSWIRE_CACHE", str(Path(tempfile.gettempdir()) / "crosswire-eval-parses"))
    try:
        result = measure(args.basil, args.limit, args.sample)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
