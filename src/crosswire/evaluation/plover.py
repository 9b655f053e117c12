"""Code the PLOVER gold-standard records with the built-in coder and score them the way
`../shared/eval/plover/score.py` does.

    python -m crosswire.evaluation.plover [GOLD.jsonl] [--out CODED.jsonl] [--limit N] [--facts-only]

Each record's `text` is analysed as a one-sentence article (record id as its id, record date as its
publication date) through the same layers `crosswire analyze` runs before the coder. The coded output is one
`{"id", "events": [{"source": {name, code}, "target": {...} | null, "cameo", "plover", "status", "negated"}]}`
line per record, the shape score.py reads.

Scores: a record's event type is right when one of its events maps to the gold PLOVER type (PLOVER renamed
DEMAND to REQUEST; the gold records still say DEMAND, so the two count as one); its source country is right
when a predicted source code starts with a gold source's three-letter code; records with no event are counted.
The issue's goals: type >= 0.70, source >= 0.80, at most 10% of records with no event.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

from crosswire.analysis import analyze_article
from crosswire.evaluation import read_records
from crosswire.model import Article, Event
from crosswire.nlp import runtime

DEFAULT_GOLD = (
    Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "plover" / "plover_gsr_dev.jsonl"
)
SAME_TYPE = {"REQUEST": "DEMAND"}
# The gold records predate PLOVER's merge of DISAPPROVE and INVESTIGATE into ACCUSE and of FIGHT into ASSAULT,
# which the CAMEO -> PLOVER codebook follows: `event_type_current` counts those as the same type too (score.py
# does not, so its event-type figure cannot reach 1.0 on this set).
CURRENT_TYPE = {"DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT", "DEMAND": "REQUEST"}
GOALS = {"event_type": 0.70, "source_country": 0.80, "no_event_share": 0.10}


def _check(rec: Any) -> str | None:
    if not isinstance(rec.get("id"), str) or not isinstance(rec.get("text"), str):
        return "a record needs string `id` and `text`"
    if not isinstance(rec.get("event"), str):
        return "a record needs its gold PLOVER `event`"
    return None


def record_article(rec: dict[str, Any]) -> Article:
    published = None
    if rec.get("date"):
        try:
            published = datetime.fromisoformat(str(rec["date"]))
        except ValueError:
            published = None
    return Article(text=rec["text"], external_id=rec["id"], published=published, language="en")


def code_texts(records: list[dict[str, Any]]) -> dict[str, list[Event]]:
    """{record id: events}, coded exactly as an analysis codes them (`analyze_article`: the attributions
    that tell the coder whose words a clause is included), over one spaCy parse per record."""
    articles = [record_article(r) for r in records]
    docs = runtime.parse_many((a.text for a in articles), batch_size=32)
    return {
        rec["id"]: analyze_article(article, doc).events
        for rec, article, doc in zip(records, articles, docs, strict=True)
    }


def event_row(event: Event) -> dict[str, Any]:
    def side(actor: Any) -> dict[str, Any] | None:
        return None if actor is None else {"name": actor.name, "code": actor.code}

    return {
        "source": side(event.source),
        "target": side(event.target),
        "cameo": event.cameo,
        "plover": event.plover,
        "status": event.status,
        "negated": event.negated,
        "rule": event.rule,
    }


def _plover(row: dict[str, Any]) -> str:
    p = (row.get("plover") or "").upper()
    return SAME_TYPE.get(p, p)


def score(gold: list[dict[str, Any]], coded: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Event type and source country accuracy and the records with no event (score.py's metrics)."""
    type_ok = source_ok = empty = current_ok = 0
    misses: Counter = Counter()
    for g in gold:
        rows = coded.get(g["id"], [])
        if not rows:
            empty += 1
            misses[f"none:{g['event']}"] += 1
            continue
        gold_type = SAME_TYPE.get(g["event"].upper(), g["event"].upper())
        hit = any(_plover(r) == gold_type for r in rows)
        type_ok += hit
        current = CURRENT_TYPE.get(g["event"].upper(), g["event"].upper())
        current_ok += any(CURRENT_TYPE.get(_plover(r), _plover(r)) == current for r in rows)
        if not hit:
            misses[f"{g['event']}->{'/'.join(sorted({_plover(r) or '?' for r in rows}))}"] += 1
        gold_sources = {(s.get("code") or "")[:3].upper() for s in g.get("source", [])}
        source_ok += any(
            ((r.get("source") or {}).get("code") or "")[:3].upper() in gold_sources for r in rows
        )
    n = len(gold)
    return {
        "records": n,
        "event_type": round(type_ok / n, 3) if n else 0.0,
        "event_type_current": round(current_ok / n, 3) if n else 0.0,
        "source_country": round(source_ok / n, 3) if n else 0.0,
        "no_event": empty,
        "no_event_share": round(empty / n, 3) if n else 0.0,
        "misses": dict(misses.most_common(20)),
    }


def meets_goals(result: dict[str, Any]) -> bool:
    return (
        result["event_type"] >= GOALS["event_type"]
        and result["source_country"] >= GOALS["source_country"]
        and result["no_event_share"] <= GOALS["no_event_share"]
    )


def run(
    gold_path: str | Path = DEFAULT_GOLD,
    out_path: str | Path | None = None,
    limit: int | None = None,
    facts_only: bool = False,
) -> dict[str, Any]:
    gold = read_records(gold_path, _check, limit)
    events = code_texts(gold)
    coded = {
        rec_id: [event_row(e) for e in evs if e.is_fact or not facts_only] for rec_id, evs in events.items()
    }
    if out_path is not None:
        with open(out_path, "w", encoding="utf-8") as fh:
            for g in gold:
                fh.write(json.dumps({"id": g["id"], "events": coded[g["id"]]}) + "\n")
    return score(gold, coded)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Code and score the PLOVER gold-standard records")
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--out", help="write the coded JSONL (score.py's input) here")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--facts-only", action="store_true", help="score only happened/ongoing affirmed events"
    )
    args = parser.parse_args(argv)
    result = run(args.gold, args.out, args.limit, args.facts_only)
    print(
        f"PLOVER gold records: event type {result['event_type']:.3f}, source country "
        f"{result['source_country']:.3f}, no event on {result['no_event']}/{result['records']} "
        "(goals 0.70 / 0.80 / at most 10%)"
    )
    print(
        f"event type with PLOVER's later merges (DISAPPROVE/INVESTIGATE=ACCUSE, FIGHT=ASSAULT): {result['event_type_current']:.3f}"
    )
    print(json.dumps(result["misses"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
