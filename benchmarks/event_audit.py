"""Precision audit of the event coder on real news it was not tuned on: a fixed random sample of emitted
events from BASIL articles, for judging by hand.

    python benchmarks/event_audit.py sample [--articles 10] [--events 60] [--seed 15] > /tmp/audit.txt
    python benchmarks/event_audit.py sample --articles 24 --seed 21 --exclude-seeds 15 20  # a fresh draw
    python benchmarks/event_audit.py sample --corpus 5w1h --articles 24 --seed 41  # the first held-out check
    python benchmarks/event_audit.py sample --corpus 5w1h --articles 24 --seed 51 --exclude-seeds 41 41  # fresh
    python benchmarks/event_audit.py sample --corpus polnear --articles 24 --seed 61  # a fresh dev draw
    python benchmarks/event_audit.py sample --corpus polnear --articles 30 --seed 62 --exclude-seeds 61 61 --gate
    python benchmarks/event_audit.py sample --corpus polnear --articles 60 --seed 63 --exclude-seeds 61 62 --gate
    python benchmarks/event_audit.py score benchmarks/event_audit_judgements.tsv
    python benchmarks/event_audit.py rescore benchmarks/event_audit_judgements*.tsv  # what is still emitted

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
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _bench import read_judgements, tally  # noqa: E402

BASIL = HERE.parent.parent / "shared" / "eval" / "basil" / "articles.jsonl"
SKIP_FIRST = 60  # benchmarks/events.py times the coder on the first BASIL articles
# Giveme5W1H gold articles: read only for the 5W1H main-event figure, never for event rules, so a held-out
# source for the final check (`sample --corpus 5w1h`)
GIVEME = HERE.parent.parent / "shared" / "eval" / "5w1h" / "giveme5w1h_gold.jsonl"
# PolNeAR training articles (2016 US election news from seven outlets): read by no event rule, fresh for
# development draws (`sample --corpus polnear`)
POLNEAR = HERE.parent.parent / "shared" / "eval" / "quotes" / "polnear_train.jsonl"


def read_giveme() -> list[dict]:
    """The Giveme5W1H articles as BASIL-shaped records (id, title, text, outlet, date)."""
    with open(GIVEME, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [
        {
            "id": r["original_filename"],
            "title": r.get("title"),
            "text": r["text"],
            "outlet": r.get("publisher"),
            "date": r["date_publish"] if r.get("date_publish") not in (None, "None") else None,
        }
        for r in rows
    ]


def read_polnear() -> list[dict]:
    """The PolNeAR training articles as BASIL-shaped records, in file order."""
    return list(_polnear_records())


@cache
def _polnear_records() -> tuple[dict, ...]:
    with open(POLNEAR, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return tuple(
        {"id": r["doc_id"], "title": r.get("title"), "text": r["text"], "outlet": r.get("publisher"),
         "date": r.get("date") or None}
        for r in rows
    )  # fmt: skip


def pick_polnear(n: int, seed: int, exclude_seeds: tuple[int, ...] = ()) -> list[dict]:
    """`n` PolNeAR articles at random (seed `seed`), leaving out those the recorded draws of `exclude_seeds`
    (POLNEAR_DRAWS, each replayed as it was made) read."""
    return list(_polnear_draw(n, seed, tuple(exclude_seeds)))


@cache
def _polnear_draw(n: int, seed: int, exclude_seeds: tuple[int, ...]) -> tuple[dict, ...]:
    # cached: each draw replays the draws it left out, which replay theirs (without it, 2^draws replays)
    used = {
        r["id"]
        for old in exclude_seeds
        if old in POLNEAR_DRAWS
        for r in _polnear_draw(POLNEAR_DRAWS[old][0], old, POLNEAR_DRAWS[old][1])
    }
    return tuple(random.Random(seed).sample([r for r in _polnear_records() if r["id"] not in used], n))


# PolNeAR draws made so far: seed -> (articles, seeds it left out)
POLNEAR_DRAWS: dict[int, tuple[int, tuple[int, ...]]] = {
    61: (24, ()),
    62: (30, (61,)),
    63: (60, (61, 62)),
    64: (24, (61, 62, 63)),
    65: (24, (61, 62, 63, 64)),
    66: (24, (61, 62, 63, 64, 65)),
    67: (24, (61, 62, 63, 64, 65, 66)),
    68: (24, (61, 62, 63, 64, 65, 66, 67)),
    69: (24, (61, 62, 63, 64, 65, 66, 67, 68)),
    70: (24, (61, 62, 63, 64, 65, 66, 67, 68, 69)),
    71: (24, (61, 62, 63, 64, 65, 66, 67, 68, 69, 70)),
    72: (24, (61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71)),
    73: (24, (61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72)),
    74: (24, (61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73)),
    75: (24, tuple(range(61, 75))),
    76: (24, tuple(range(61, 76))),
    77: (24, tuple(range(61, 77))),
    78: (24, tuple(range(61, 78))),
    79: (24, tuple(range(61, 79))),
    80: (24, tuple(range(61, 80))),
    81: (24, tuple(range(61, 81))),
    82: (24, tuple(range(61, 82))),
    83: (24, tuple(range(61, 83))),
    84: (24, tuple(range(61, 84))),
}


def draw_records(drawn: argparse.Namespace) -> list[dict]:
    """The articles a `sample` with options `drawn` reads, in the order it reads them."""
    excluded = tuple(range(drawn.exclude_seeds[0], drawn.exclude_seeds[1] + 1)) if drawn.exclude_seeds else ()
    if drawn.corpus == "5w1h":
        return pick_giveme(drawn.articles, drawn.seed, excluded)
    if drawn.corpus == "polnear":
        return pick_polnear(drawn.articles, drawn.seed, excluded)
    return pick_articles(drawn.articles, drawn.seed, excluded, drawn.pool)


def pick_giveme(n: int, seed: int, exclude_seeds: tuple[int, ...] = ()) -> list[dict]:
    """`n` Giveme5W1H articles at random (seed `seed`), leaving out those the recorded draws of
    `exclude_seeds` (GIVEME_DRAWS, each replayed as it was made) read: a fresh held-out draw."""
    used = {
        r["id"]
        for old in exclude_seeds
        if old in GIVEME_DRAWS
        for r in pick_giveme(GIVEME_DRAWS[old][0], old, GIVEME_DRAWS[old][1])
    }
    return random.Random(seed).sample([r for r in read_giveme() if r["id"] not in used], n)


# Giveme5W1H draws made so far: seed -> (articles, seeds it left out). Seed 41: the first held-out check,
# drawn from all 100; 51, 52 and 53: the blind checks of the final rounds.
GIVEME_DRAWS: dict[int, tuple[int, tuple[int, ...]]] = {
    41: (24, ()),
    51: (24, (41,)),
    52: (24, (41, 51)),
    53: (24, (41, 51, 52)),
}


def pick_articles(
    n: int, seed: int, exclude_seeds: tuple[int, ...] = (), pool_name: str = "rest"
) -> list[dict]:
    """`n` articles at random (seed `seed`) from `pool_name`'s articles, leaving out every article an earlier
    draw (seeds `exclude_seeds`) could have read: a fresh draw for judging the coder on news no earlier round
    looked at. Pool "rest" is the articles the event benchmark does not read; pool "timed" is the first ones,
    which the benchmarks only time (never read by a person), less those the dates check drew."""
    pool = read_pool(pool_name)
    used = set().union(*(read_by(old) for old in exclude_seeds)) if exclude_seeds else set()
    return random.Random(seed).sample([r for r in pool if r["id"] not in used], n)


def read_pool(name: str) -> list[dict]:
    with open(BASIL, encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    if name == "rest":
        return records[SKIP_FIRST:]
    dated = {r["id"] for r in random.Random("dates").sample(records, 45)}  # benchmarks/event_dates.py's draw
    return [r for r in records[:SKIP_FIRST] if r["id"] not in dated]


def read_by(seed: int) -> set[str]:
    """Ids of the articles the draw of `seed` read. Draws before FIRST_FRESH drew from the whole pool at a
    size not recorded, so every size up to MAX_DRAW counts; later ones were fresh draws of a recorded size
    that themselves left out all earlier seeds."""
    if seed in FRESH_DRAWS:
        n, first, pool_name = FRESH_DRAWS[seed]
        return {r["id"] for r in pick_articles(n, seed, tuple(range(first, seed)), pool_name)}
    pool = read_pool("rest")
    return {r["id"] for k in range(1, MAX_DRAW + 1) for r in random.Random(seed).sample(pool, k)}


MAX_DRAW = 60  # the most articles an early round drew
# Fresh draws: seed -> (articles, first seed left out, pool). Seed 21 left out 15-20 but was itself excluded
# as a plain draw until seed 22, which overlapped it: the exclusion now replays each draw as it was made.
FRESH_DRAWS = {21: (24, 15, "rest"), 22: (20, 15, "rest"), 23: (20, 23, "timed"), 24: (24, 23, "timed")}


def code(records: list[dict], gated: bool = False) -> list[tuple[dict, object]]:
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
            gated=gated,
        )
        out += [(rec, e) for e in events]
    return out


def event_key(rec: dict, event) -> str:
    """article:offset:root:source:target - shared by two events that differ only in what the key leaves out
    (two uncoded co-hosts, two statuses of one statement): `unique_keys` tells those apart."""
    m = event.mentions[0]
    return f"{rec['id']}:{m.start}:{event.cameo}:{event.source.code}:{event.target.code if event.target else '-'}"


def number_repeats(keys: list[str]) -> list[str]:
    """The keys with a repeat's second and later occurrences numbered ("KEY#2", "KEY#3"): a key seen once
    stays as it was, so sheets judged before keys were unique still match their events."""
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        seen[key] += 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out


def unique_keys(coded: list[tuple[dict, object]]) -> list[str]:
    """One key per coded event, unique within the draw: `event_key`, numbered where it repeats (in the
    coder's reading order, so a key names the same event whichever events a sample picks)."""
    return number_repeats([event_key(rec, e) for rec, e in coded])


def sample(args: argparse.Namespace) -> int:
    records = draw_records(args)
    coded = code(records, args.gate)
    print(
        f"# {len(records)} {args.corpus} articles (seed {args.seed}): {', '.join(r['id'] for r in records)}"
    )
    print(f"# {len(coded)} events emitted; statuses {dict(Counter(e.status for _, e in coded))}")
    keyed = list(zip(unique_keys(coded), coded, strict=True))
    chosen = random.Random(args.seed).sample(keyed, min(args.events, len(keyed)))
    for n, (key, (_, e)) in enumerate(chosen, 1):
        target = f"{e.target.name} ({e.target.code})" if e.target else "-"
        print(
            f"\n[{n}] {key}\n    {e.source.name} ({e.source.code}) -> {target}: {e.cameo} "
            f"{e.plover or ''} status={e.status}{' NEGATED' if e.negated else ''} claim_by={e.claim_by} "
            f"rule={e.rule} confidence={e.confidence}\n    | {e.mentions[0].sentence.strip()}"
        )
    return 0


def score_file(path: str | Path) -> tuple[int, int, Counter]:
    """(right, judged, wrong by reason) from a judgements file."""
    return tally(read_judgements(path))


def draw_args(path: str | Path) -> argparse.Namespace:
    """The `sample` options a judgements file was drawn with (from its first line)."""
    first = Path(path).read_text(encoding="utf-8").splitlines()[0]
    words = first[first.index("sample") :].split("(")[0].split()
    return build_parser().parse_args(words)


def rescore(args: argparse.Namespace) -> int:
    """Judged events the code still emits: the share right among them, and what the code no longer emits
    (the articles are drawn and coded again exactly as the judgements file's sample was)."""
    for path in args.judgements:
        drawn = draw_args(path)
        records = draw_records(drawn)
        coded = code(records, drawn.gate or args.gate)
        keys = set(unique_keys(coded))
        # a sheet judged before keys were unique holds a shared key once per event: numbered the same way
        judged = read_judgements(path)
        verdicts = list(
            zip(number_repeats([key for key, _, _ in judged]), [v for _, v, _ in judged], strict=True)
        )
        kept = [v for k, v in verdicts if k in keys]
        # an event whose actor codes changed keeps its place and root: recoded, to be judged again
        places = {k.rsplit(":", 2)[0]: k for k in keys}
        recoded = [
            (k, v, places[k.rsplit(":", 2)[0]])
            for k, v in verdicts
            if k not in keys and k.rsplit(":", 2)[0] in places
        ]
        gone = Counter(v for k, v in verdicts if k not in keys and k.rsplit(":", 2)[0] not in places)
        right = sum(v == "ok" for v in kept)
        print(
            f"{path}: {right}/{len(kept)} = {right / max(1, len(kept)):.1%} of the judged events still emitted; "
            f"recoded (actor codes changed): {len(recoded)}; "
            f"no longer emitted: {gone['ok']} right, {gone['wrong']} wrong; "
            f"{len(coded)} events in {len(records)} articles ({len(coded) / len(records):.1f} an article)"
        )
        for old, verdict, new in recoded:
            print(f"    recoded {old} ({verdict}) -> {new}")
    return 0


def score(args: argparse.Namespace) -> int:
    right, total, reasons = score_file(args.judgements)
    print(f"{right}/{total} = {right / total:.1%} happened as coded; wrong by {dict(reasons)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
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
    s.add_argument(
        "--pool", choices=("rest", "timed"), default="rest", help="which BASIL articles to draw from"
    )
    s.add_argument(
        "--corpus",
        choices=("basil", "5w1h", "polnear"),
        default="basil",
        help="draw from BASIL, the Giveme5W1H gold articles (held out from the event rules) or PolNeAR's "
        "training articles (fresh development draws)",
    )
    s.add_argument("--gate", action="store_true", help="code with the precision gate on (events/gate.py)")
    j = sub.add_parser("score")
    j.add_argument("judgements")
    r = sub.add_parser("rescore")
    r.add_argument("judgements", nargs="+")
    r.add_argument("--gate", action="store_true", help="code with the precision gate on (events/gate.py)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"sample": sample, "score": score, "rescore": rescore}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
