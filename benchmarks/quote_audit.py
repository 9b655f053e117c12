"""Precision audit of the quotes an analyst is shown, on BASIL news the quote rules were not tuned on: a fixed
random sample of stored quotes with their paragraphs, for judging by hand.

    python benchmarks/quote_audit.py sample --seed 31 > /tmp/quotes31.txt
    python benchmarks/quote_audit.py sample --seed 32 --exclude-seeds 31 31  # a fresh draw
    python benchmarks/quote_audit.py score benchmarks/quote_audit_judgements_seed31.tsv
    python benchmarks/quote_audit.py rescore benchmarks/quote_audit_judgements_seed31.tsv  # what is still shown

`sample` picks `--articles` BASIL articles at random (fixed seed), leaving out the articles earlier quote
rounds are known to have read (READ_BEFORE) and those of the draws `--exclude-seeds` names, analyses them
as `crosswire analyze` does (`analyze_article`, with actors), and prints a fixed random sample of `--quotes`
stored quotes with their speaker, cue and paragraph: the sheet a person judges. A quote is "ok" only when
it is reported speech or writing, the speaker is the one who said it (a right description such as "a
Republican aide", or a source document, counts) and the text is what was said; else "wrong" with a reason
(speaker, not-speech, text). `score` reads the judgements (quote key, verdict, reason; tab-separated) and
prints the share right. The judgements files hold keys and verdicts only, never article text.
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
sys.path.insert(0, str(HERE))

from _bench import read_judgements, tally  # noqa: E402

BASIL = HERE.parent.parent / "shared" / "eval" / "basil" / "articles.jsonl"

# The four rounds before this tool did not record their draws; these are the BASIL articles their notes in
# docs/accuracy.md and their commits identify ("prompted Vieira to ask", "McCarthy supporters", "the video
# showed X telling", "Additional records ... revealed", "it read", "rejected ..., maintaining that", "Mr.
# Trump" linked to Ivanka Trump), by line number in articles.jsonl. Other articles they read may be drawn.
READ_BEFORE = frozenset({30, 32, 40, 117, 137, 183, 220, 226, 284, 286})


def read_records() -> list[dict]:
    with open(BASIL, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def pick_articles(n: int, seed: int, exclude_seeds: tuple[int, ...] = ()) -> list[dict]:
    """`n` articles at random (seed `seed`), none that an earlier round read or the draw of an excluded seed
    drew (each excluded draw replayed as it was made: `FRESH_DRAWS`)."""
    records = read_records()
    used = {records[i]["id"] for i in READ_BEFORE}
    for old in exclude_seeds:
        used |= {r["id"] for r in pick_articles(*FRESH_DRAWS[old])}
    return random.Random(seed).sample([r for r in records if r["id"] not in used], n)


# Draws made: seed -> (articles, seed, excluded seeds), so that later draws leave their articles out.
FRESH_DRAWS: dict[int, tuple[int, int, tuple[int, ...]]] = {
    31: (10, 31, ()),
    32: (10, 32, (31,)),
    33: (10, 33, (31, 32)),
}


def analyse(records: list[dict]) -> list[tuple[dict, object]]:
    from crosswire.analysis import analyze_article
    from crosswire.model import Article
    from crosswire.nlp.quotes import load_nlp

    nlp = load_nlp()
    out = []
    for rec in records:
        article = Article(
            text=rec["text"],
            title=rec.get("title"),
            outlet=rec.get("outlet_name") or rec.get("outlet"),
            published=datetime.fromisoformat(rec["date"]) if rec.get("date") else None,
            external_id=rec["id"],
        )
        out += [(rec, q) for q in analyze_article(article, nlp(article.text)).quotes]
    return out


def quote_key(rec: dict, quote) -> str:
    return f"{rec['id']}:{quote.start}:{quote.end}"


def paragraph(text: str, start: int, end: int, limit: int = 900) -> str:
    """The paragraph(s) holding text[start:end], cut to about `limit` characters around it."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    left, right = max(left, start - limit // 2), min(right, end + limit // 2)
    return text[left:right].replace("\n", " / ")


def sample(args: argparse.Namespace) -> int:
    excluded = tuple(args.exclude_seeds) if args.exclude_seeds else ()
    records = pick_articles(args.articles, args.seed, excluded)
    shown = analyse(records)
    print(
        f"# sample --articles {args.articles} --seed {args.seed}"
        + (f" --exclude-seeds {' '.join(map(str, excluded))}" if excluded else "")
    )
    print(f"# {len(records)} BASIL articles: {', '.join(r['id'] for r in records)}")
    print(f"# {len(shown)} quotes shown; kinds {dict(Counter(q.kind for _, q in shown))}")
    chosen = random.Random(args.seed).sample(shown, min(args.quotes, len(shown)))
    for n, (rec, q) in enumerate(chosen, 1):
        s = q.speaker
        print(
            f"\n[{n}] {quote_key(rec, q)}\n    SPEAKER {s.name!r} (mention {s.mention!r}) kind={q.kind} "
            f"cue={q.cue!r} via={q.reported_via!r}\n    QUOTE {q.text!r}\n    | {paragraph(rec['text'], q.start, q.end)}"
        )
    return 0


def score(args: argparse.Namespace) -> int:
    right, total, reasons = tally(read_judgements(args.judgements))
    print(f"{right}/{total} = {right / total:.1%} right; wrong by {dict(reasons)}")
    return 0


def rescore(args: argparse.Namespace) -> int:
    """Judged quotes the analysis still shows (same text span; the speaker is not compared: a changed
    speaker shows as 'respoken'), the share right among them, and what is no longer shown."""
    for path in args.judgements:
        first = Path(path).read_text(encoding="utf-8").splitlines()[0]
        drawn = build_parser().parse_args(first[first.index("sample") :].split("(")[0].split())
        excluded = tuple(drawn.exclude_seeds) if drawn.exclude_seeds else ()
        shown = {
            quote_key(rec, q): q for rec, q in analyse(pick_articles(drawn.articles, drawn.seed, excluded))
        }
        verdicts = read_judgements(path)
        kept = [(k, v) for k, v, _ in verdicts if k in shown]
        gone = Counter(v for k, v, _ in verdicts if k not in shown)
        right = sum(v == "ok" for _, v in kept)
        print(
            f"{path}: {right}/{len(kept)} = {right / max(1, len(kept)):.1%} of the judged quotes still shown; "
            f"no longer shown: {gone['ok']} right, {gone['wrong']} wrong; {len(shown)} quotes shown"
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--articles", type=int, default=10)
    s.add_argument("--quotes", type=int, default=60)
    s.add_argument("--seed", type=int, default=31)
    s.add_argument("--exclude-seeds", type=int, nargs="+", help="leave out these draws' articles")
    j = sub.add_parser("score")
    j.add_argument("judgements")
    r = sub.add_parser("rescore")
    r.add_argument("judgements", nargs="+")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return {"sample": sample, "score": score, "rescore": rescore}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
