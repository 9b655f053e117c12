"""How much page furniture (nlp/furniture.py) the coders skip on real article texts, with a sample to read.

    python benchmarks/furniture.py [--corpus polnear|basil] [--articles 200] [--seed 7] [--show 30]

Prints the articles with furniture, the spans and characters marked, the parsed sentences wholly or partly
inside furniture, and `--show` spans drawn at random (each with the words around it, so a reader can check
that no reporting was taken).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
CORPORA = {
    "polnear": SHARED / "quotes" / "polnear_train.jsonl",
    "basil": SHARED / "basil" / "articles.jsonl",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="polnear")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=30)
    args = parser.parse_args(argv)

    from crosswire.nlp.furniture import furniture_spans
    from crosswire.nlp.runtime import parse

    with open(CORPORA[args.corpus], encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = random.Random(args.seed).sample(rows, min(args.articles, len(rows)))
    found: list[tuple[str, str, int, int]] = []
    tally: Counter = Counter()
    for row in rows:
        text = row["text"]
        doc = parse(text)
        spans = furniture_spans(doc)
        tally["articles"] += 1
        tally["sentences"] += sum(1 for _ in doc.sents)
        tally["chars"] += len(text)
        if spans:
            tally["articles with furniture"] += 1
        tally["spans"] += len(spans)
        tally["furniture chars"] += sum(e - s for s, e in spans)
        for sent in doc.sents:
            inside = sum(max(0, min(e, sent.end_char) - max(s, sent.start_char)) for s, e in spans)
            if inside >= len(sent.text.strip()):
                tally["sentences wholly furniture"] += 1
            elif inside:
                tally["sentences partly furniture"] += 1
        found += [(row.get("doc_id") or row.get("id") or "?", text, s, e) for s, e in spans]
    for key, value in tally.items():
        print(f"{key}: {value}")
    for name, text, s, e in random.Random(args.seed).sample(found, min(args.show, len(found))):
        before = text[max(0, s - 60) : s].replace("\n", " ")
        after = text[e : e + 60].replace("\n", " ")
        print(f"\n{name}: ...{before}[[{text[s:e][:400]}]]{after}...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
