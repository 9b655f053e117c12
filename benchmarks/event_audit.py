"""Precision audit of the event coder on real news it was not tuned on: a fixed random sample of emitted
events from BASIL articles, for judging by hand.

    python benchmarks/event_audit.py sample [--articles 10] [--events 60] [--seed 15] > /tmp/audit.txt
    python benchmarks/event_audit.py sample --articles 24 --seed 21 --exclude-seeds 15 20  # a fresh draw
    python benchmarks/event_audit.py score benchmarks/event_audit_judgements.tsv

`sample` picks `--articles` BASIL articles at random (fixed seed) from those the event benchmark does not
read (benchmarks/events.py reads the first 60), codes them through the analysis layers, and prints a fixed
random sample of `--events` emitted events with their sentence: the sheet a person judges. Each event is
judged "ok" when it happened as coded - its status and polarity as the event carries them, source and target
right (a missing target is right only when the sentence names none), CAMEO root right - else "wrong" with
a reason. `score` reads the judgements (event key, verdict, reason; tab-separated) and prints the share
right. The judgements file holds keys and verdicts only, never article text.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASIL = HERE.parent.parent / "shared" / "eval" / "basil" / "articles.jsonl"
SKIP_FIRST = 60  # benchmarks/events.py times the coder on the first BASIL articles


def pick_articles(n: int, seed: int, exclude_seeds: tuple[int, ...] = ()) -> list[dict]:
    """`n` articles at random (seed `seed`) from those the event benchmark does not read, leaving out every
    article an earlier draw (seeds `exclude_seeds`, any size up to MAX_DRAW) could have read: a fresh draw
    for judging the coder on news no earlier round looked at."""
    with open(BASIL, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    pool = records[SKIP_FIRST:]
    used = {
        r["id"]
        for old in exclude_seeds
        for k in range(1, MAX_DRAW + 1)
        for r in random.Random(old).sample(pool, k)
    }
    return random.Random(seed).sample([r for r in pool if r["id"] not in used], n)


MAX_DRAW = 60  # the most articles an earlier round drew


def code(records: list[dict]) -> list[tuple[dict, object]]:
    from crosswire.events.extract import extract_events
    from crosswire.model import Article
    from crosswire.nlp.actors import extract_actors
    from crosswire.nlp.dates import extract_times
    from crosswire.nlp.places import extract_places
    from crosswire.nlp.quotes import extract_quotes
    from crosswire.nlp.runtime import parse

    out = []
    for rec in records:
        article = Article(
            text=rec["text"],
            title=rec.get("title"),
            outlet=rec.get("outlet_name") or rec.get("outlet"),
            published=datetime.fromisoformat(rec["date"]) if rec.get("date") else None,
            external_id=rec["id"],
        )
        doc = parse(article.text)
        actors = extract_actors(article, doc)
        countries = sorted({a.country for a in actors if a.country})
        events = extract_events(
            article,
            doc,
            actors,
            extract_times(article, doc),
            extract_places(article, doc, countries),
            extract_quotes(article, doc, actors),
        )
        out += [(rec, e) for e in events]
    return out


def event_key(rec: dict, event) -> str:
    m = event.mentions[0]
    return f"{rec['id']}:{m.start}:{event.cameo}:{event.source.code}:{event.target.code if event.target else '-'}"


def sample(args: argparse.Namespace) -> int:
    excluded = tuple(range(args.exclude_seeds[0], args.exclude_seeds[1] + 1)) if args.exclude_seeds else ()
    records = pick_articles(args.articles, args.seed, excluded)
    coded = code(records)
    print(f"# {len(records)} BASIL articles (seed {args.seed}): {', '.join(r['id'] for r in records)}")
    print(f"# {len(coded)} events emitted; statuses {dict(Counter(e.status for _, e in coded))}")
    chosen = random.Random(args.seed).sample(coded, min(args.events, len(coded)))
    for n, (rec, e) in enumerate(chosen, 1):
        target = f"{e.target.name} ({e.target.code})" if e.target else "-"
        print(
            f"\n[{n}] {event_key(rec, e)}\n    {e.source.name} ({e.source.code}) -> {target}: {e.cameo} "
            f"{e.plover or ''} status={e.status}{' NEGATED' if e.negated else ''} claim_by={e.claim_by} "
            f"rule={e.rule}\n    | {e.mentions[0].sentence.strip()}"
        )
    return 0


def score_file(path: str | Path) -> tuple[int, int, Counter]:
    """(right, judged, wrong by reason) from a judgements file."""
    verdicts = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.split("\t")
            verdicts.append((parts[0], parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    right = sum(v == "ok" for _, v, _ in verdicts)
    reasons = Counter(r.split(":")[0] for _, v, r in verdicts if v != "ok")
    return right, len(verdicts), reasons


def score(args: argparse.Namespace) -> int:
    right, total, reasons = score_file(args.judgements)
    print(f"{right}/{total} = {right / total:.1%} happened as coded; wrong by {dict(reasons)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--articles", type=int, default=10)
    s.add_argument("--events", type=int, default=60)
    s.add_argument("--seed", type=int, default=15)
    s.add_argument(
        "--exclude-seeds",
        type=int,
        nargs=2,
        metavar=("FIRST", "LAST"),
        help="leave out earlier draws' articles",
    )
    j = sub.add_parser("score")
    j.add_argument("judgements")
    args = parser.parse_args(argv)
    return sample(args) if args.command == "sample" else score(args)


if __name__ == "__main__":
    sys.exit(main())
