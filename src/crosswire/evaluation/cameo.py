"""Run the PETRARCH validation suite and score it the way `../shared/eval/cameo/score.py` does.

    python -m crosswire.evaluation.cameo [--eval-dir ../shared/eval] [--spacy] [--all]

Scores (micro-averaged, each record's gold and predicted events taken as sets): precision, recall
and F1 on (source, target, code) triples and on (source, target, root) triples, record exact-match
accuracy (empty == empty counts) and the events emitted on records that expect none.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from crosswire.events.code import code_records
from crosswire.knowledge.petrarch.dictionaries import load_dictionaries

DEFAULT_EVAL = Path(__file__).resolve().parents[3].parent / "shared" / "eval"


def _keys(events: Iterable[dict], view: str) -> Counter:
    out: Counter = Counter()
    for e in events:
        s, t, c = e.get("source", ""), e.get("target", ""), str(e.get("code", ""))
        key = {"triple": (s, t, c), "root": (s, t, c[:2]), "code": (c,), "root_only": (c[:2],)}[view]
        out[key] = 1 if view in ("triple", "root") else out[key] + 1
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(gold: list[dict], predicted: dict[str, list[dict]]) -> dict:
    """The score.py metrics for gold records against {id: events}."""
    result: dict = {}
    for view in ("triple", "root", "code", "root_only"):
        tp = fp = fn = 0
        for g in gold:
            expected, got = _keys(g["expected"], view), _keys(predicted.get(g["id"], []), view)
            inter = sum((expected & got).values())
            tp += inter
            fp += sum(got.values()) - inter
            fn += sum(expected.values()) - inter
        result[view] = _prf(tp, fp, fn)
    exact = fp_empty = 0
    for g in gold:
        expected, got = _keys(g["expected"], "triple"), _keys(predicted.get(g["id"], []), "triple")
        exact += expected == got
        if not g["expected"]:
            fp_empty += sum(got.values())
    result["records"] = len(gold)
    result["record_exact_match"] = round(exact / len(gold), 4) if gold else 0.0
    result["events_on_no_event_records"] = fp_empty
    return result


def run_validation(
    eval_dir: str | Path = DEFAULT_EVAL, use_given_parse: bool = True, active_only: bool = True
) -> dict:
    """Code the suite with `dictionaries/validate/` and score it; adds `failures` (ids that differ)."""
    cameo = Path(eval_dir) / "cameo"
    records = [
        json.loads(line)
        for line in open(cameo / "petrarch_validation.jsonl", encoding="utf-8")
        if line.strip()
    ]
    if active_only:
        records = [r for r in records if r.get("active", True)]
    dicts = load_dictionaries(cameo / "dictionaries" / "validate")
    predicted = {out["id"]: out["events"] for out in code_records(records, dicts, use_given_parse)}
    result = score(records, predicted)
    result["failures"] = [
        r["id"]
        for r in records
        if _keys(r["expected"], "triple") != _keys(predicted.get(r["id"], []), "triple")
    ]
    result["parser"] = "given Treebank parses" if use_given_parse else "spaCy parses"
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the PETRARCH validation suite")
    parser.add_argument("--eval-dir", default=str(DEFAULT_EVAL))
    parser.add_argument(
        "--spacy", action="store_true", help="parse the text with spaCy instead of the given parses"
    )
    parser.add_argument("--all", action="store_true", help="include the inactive records")
    args = parser.parse_args(argv)
    result = run_validation(args.eval_dir, use_given_parse=not args.spacy, active_only=not args.all)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
