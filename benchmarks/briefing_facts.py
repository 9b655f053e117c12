"""List the facts the briefing shows as corroborated, with every counted outlet's sentence, for a hand check.

    python benchmarks/briefing_facts.py PATH... [--db FILE] [--json]
    python benchmarks/briefing_facts.py --giveme   (held out: the Giveme5W1H articles, 13 stories)
    python benchmarks/briefing_facts.py --polnear 2016-06   (held out: a month of PolNeAR's articles)
    python benchmarks/briefing_facts.py --basil 30 --seed 4 --exclude-seeds 1 2 3   (held out: 30 BASIL
        stories drawn at random, none of draws 1-3's)

Analyses PATH (a folder of articles: ../shared/seeds, examples/) into a fresh store (or reads `--db`),
groups stories, and prints each story's corroborated facts (two or more independent outlets report
them as happened, stories/briefing.py): the plain statement, its CAMEO code, and for each outlet the
sentences that count and what the others say ("expected", "denied"). With `--basil N`, the corpus is N
stories drawn at random (`--seed`) from ../shared/eval/basil (three outlets each, news nobody tuned the
briefing on), written to a temporary JSONL file first. A person then marks each fact:
true with every listed outlet really reporting it (the issue-16 criterion), true but with an outlet
whose sentence does not report it, or false. docs/accuracy.md records the marks and the figure.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any


def corroborated(paths: list[str], db: str | None) -> list[dict[str, Any]]:
    from crosswire import api
    from crosswire.stories.build import load_corpus, stories_step
    from crosswire.stories.compare import compare_story

    if db is None:
        folder = tempfile.mkdtemp(prefix="crosswire-briefing-")
        db = str(Path(folder) / "crosswire.db")
        api.analyze(paths, db=db).close()
    rows = []
    with api.open_corpus(db) as corpus:
        if not corpus.stories():
            stories_step(corpus, full=True)
        articles, analyses = load_corpus(corpus.store)
        for story in corpus.stories():
            comp = compare_story(story, articles, analyses)
            for fact in comp.corroborated:
                if fact.kind != "event":
                    continue
                rows.append(
                    {
                        "story": story.title,
                        "statement": fact.summary,
                        "cameo": fact.codes.get("cameo"),
                        "independent_outlets": fact.independent_outlets,
                        "reports": [
                            {
                                "outlet": s["outlet"],
                                "reads": s["reads"],
                                "counted": s["counted"],
                                "text": s["text"],
                            }
                            for s in fact.sentences
                        ],
                    }
                )
    return rows


BASIL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "basil" / "articles.jsonl"
POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "quotes" / "polnear_train.jsonl"
GIVEME = Path(__file__).resolve().parents[2] / "shared" / "eval" / "5w1h" / "giveme5w1h_gold.jsonl"


def giveme_corpus() -> str:
    """A JSONL file of the 100 Giveme5W1H articles (13 stories, each covered by several publishers,
    grouped by crosswire itself): its path."""
    folder = Path(tempfile.mkdtemp(prefix="crosswire-giveme-"))
    path = folder / "giveme5w1h.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in GIVEME.read_text(encoding="utf-8").splitlines():
            r = json.loads(line) if line.strip() else {}
            if r:
                row = {"id": r["doc_id"], "title": r.get("title"), "outlet": r.get("publisher")}
                if r.get("date_publish"):
                    row["published"] = r["date_publish"]
                out.write(json.dumps({**row, "text": r["text"]}, ensure_ascii=False) + "\n")
    return str(path)


def polnear_month(month: str) -> str:
    """A JSONL file of every PolNeAR training article published in `month` ("2016-06"; several
    publishers a day, grouped into stories by crosswire itself): its path."""
    folder = Path(tempfile.mkdtemp(prefix="crosswire-polnear-"))
    path = folder / f"polnear-{month}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in POLNEAR.read_text(encoding="utf-8").splitlines():
            r = json.loads(line) if line.strip() else {}
            if str(r.get("date") or "").startswith(month):
                row = {
                    "id": r["doc_id"],
                    "title": r.get("title"),
                    "outlet": r.get("publisher"),
                    "published": r["date"],
                }
                out.write(json.dumps({**row, "text": r["text"]}, ensure_ascii=False) + "\n")
    return str(path)


def basil_stories(stories: int, seed: int, exclude_seeds: tuple[int, ...] = ()) -> set[str]:
    """The story ids of a draw: `stories` BASIL stories drawn with `seed` from those no draw of
    `exclude_seeds` (with the same `stories`) holds."""
    records = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = sorted({r["story_id"] for r in records})
    seen = set().union(*(basil_stories(stories, s) for s in exclude_seeds)) if exclude_seeds else set()
    pool = [i for i in ids if i not in seen]
    return set(random.Random(seed).sample(pool, min(stories, len(pool))))


def basil_draw(stories: int, seed: int, exclude_seeds: tuple[int, ...] = ()) -> str:
    """A JSONL file of every article of the draw's stories (`basil_stories`): its path."""
    records = [json.loads(line) for line in BASIL.read_text(encoding="utf-8").splitlines() if line.strip()]
    chosen = basil_stories(stories, seed, exclude_seeds)
    folder = Path(tempfile.mkdtemp(prefix="crosswire-basil-"))
    path = folder / f"basil-{stories}-seed{seed}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            if r["story_id"] in chosen:
                row = {"id": r["id"], "title": r["title"], "outlet": r["outlet_name"], "published": r["date"]}
                out.write(json.dumps({**row, "text": r["text"]}, ensure_ascii=False) + "\n")
    return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--db")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--basil", type=int, help="draw this many BASIL stories (held out)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--giveme", action="store_true", help="the Giveme5W1H articles (held out)")
    parser.add_argument("--polnear", help="a month of PolNeAR's training articles (held out): 2016-06")
    parser.add_argument(
        "--exclude-seeds", type=int, nargs="*", default=[], help="leave out these draws' stories"
    )
    args = parser.parse_args(argv)
    if args.giveme:
        args.paths = [*args.paths, giveme_corpus()]
    if args.polnear:
        args.paths = [*args.paths, polnear_month(args.polnear)]
    if args.basil:
        args.paths = [*args.paths, basil_draw(args.basil, args.seed, tuple(args.exclude_seeds))]
    if not args.paths and not args.db and not (args.giveme or args.polnear or args.basil):
        parser.error("give PATH... or --db")
    rows = corroborated(args.paths, args.db)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for i, row in enumerate(rows, 1):
        print(f"{i}. {row['statement']}  [CAMEO {row['cameo']}; {', '.join(row['independent_outlets'])}]")
        print(f"   story: {row['story']}")
        for r in row["reports"]:
            mark = "counted" if r["counted"] else r["reads"]
            print(f"   - {r['outlet']} ({mark}): {' '.join(str(r['text']).split())[:300]}")
    print(f"\n{len(rows)} corroborated facts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
