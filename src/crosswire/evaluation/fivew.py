"""Score the main-event (5W1H) extractor against the Giveme5W1H gold set (../shared/eval/5w1h/).

Each gold record holds a title, a description (the outlet's standfirst) and a body text; each answer says
which of the three it was `found_in`, with character offsets there, and how many of the three coders chose
it. The article is built as crosswire's readers build one: the headline as `title`, the description as the
body's first paragraph (unless the body already starts with it), then the body; `date_publish` is the
publication date.

An extracted answer is right when it overlaps an answer that at least two coders chose: the same field and
overlapping character ranges, or (for gold answers without offsets, and for words that appear in both the
description and the body) the two texts share at least half of the shorter one's content words.
Precision = right / answered; recall = right / questions that have such a gold answer; coverage =
answered / articles. A "when" that fell back to the publication date has no span: it is counted apart
(`when_published_fallback`: how many, and how many equal a 2-coder answer's parsed date), not in precision.

    crosswire eval 5w1h FILE [--limit N] [--details]      python -m crosswire.evaluation.fivew FILE
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from crosswire.evaluation import read_records
from crosswire.model import Article
from crosswire.nlp.fivew import main_event
from crosswire.nlp.runtime import parse_many

QUESTIONS = ("who", "what", "when", "where", "why", "how")
MIN_CODERS = 2
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an of in on at to for and or but by with from as is are was were be been has have had it its "
    "this that his her their he she they after into over".split()
)


def build_article(rec: dict[str, Any]) -> tuple[Article, int]:
    """The Article for a gold record, and how many characters of its text the prepended description takes."""
    description = (rec.get("description") or "").strip()
    body = rec.get("text") or ""
    prefix = ""
    if description and not _starts_with(body, description):
        prefix = description + "\n\n"
    published = None
    if rec.get("date_publish"):
        try:
            published = datetime.fromisoformat(str(rec["date_publish"]))
        except ValueError:
            published = None
    article = Article(text=prefix + body, title=rec.get("title"), published=published,
                      outlet=rec.get("publisher"), external_id=rec.get("doc_id"))  # fmt: skip
    return article, len(prefix)


def _starts_with(body: str, description: str) -> bool:
    """Whether the body opens with the description (scraped bodies often repeat it word for word)."""
    lead = _words(description)[:12]
    return bool(lead) and _words(body[: len(description) + 20])[: len(lead)] == lead


def _words(text: str | None) -> list[str]:
    return _WORD.findall((text or "").lower().replace("\\u", " "))


def _content(text: str | None) -> set[str]:
    return {w for w in _words(text) if w not in _STOP}


def locate(pred: dict[str, Any], rec: dict[str, Any], prefix_len: int) -> list[tuple[str, int, int]]:
    """Where an answer lies in the gold's terms: (field, start, end) pairs (a duplicated lead gives two)."""
    where, start, end = pred.get("found_in"), pred.get("start"), pred.get("end")
    if start is None or end is None:
        return []
    if where == "title":
        return [("title", start, end)]
    if prefix_len and start < prefix_len:
        return [("description", start, end)]
    out = [("text", start - prefix_len, end - prefix_len)]
    description = rec.get("description") or ""
    if (
        not prefix_len
        and description
        and end <= len(description)
        and _starts_with(rec.get("text") or "", description)
    ):
        out.append(("description", start, end))
    return out


def is_right(
    pred: dict[str, Any], golds: Sequence[dict[str, Any]], rec: dict[str, Any], prefix_len: int
) -> bool:
    places = locate(pred, rec, prefix_len)
    for gold in golds:
        if gold.get("start") is not None and any(
            f == gold.get("found_in") and s < gold["end"] and gold["start"] < e for f, s, e in places
        ):
            return True
        a, b = _content(pred.get("text")), _content(gold.get("text"))
        if a and b and len(a & b) * 2 >= min(len(a), len(b)):
            return True
    return False


def score_record(rec: dict[str, Any], event: dict[str, Any], prefix_len: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for q in QUESTIONS:
        gold = rec.get("gold", {}).get(q) or {}
        agreed = [a for a in gold.get("answers", []) if (a.get("coders") or 0) >= MIN_CODERS]
        pred = event.get(q)
        row: dict[str, Any] = {"gold": [a.get("text") for a in agreed], "has_gold": bool(agreed)}
        if pred is None:
            row["answered"] = False
        elif pred.get("start") is None:
            row["answered"] = False
            row["fallback"] = True
            row["fallback_right"] = any(a.get("parsed") == pred.get("value") for a in agreed)
        else:
            row["answered"] = True
            row["text"] = pred.get("text")
            row["right"] = is_right(pred, agreed, rec, prefix_len)
        out[q] = row
    return out


def summarise(rows: Sequence[dict[str, dict[str, Any]]]) -> dict[str, Any]:
    summary: dict[str, Any] = {"articles": len(rows)}
    for q in QUESTIONS:
        answered = sum(r[q]["answered"] for r in rows)
        right = sum(bool(r[q].get("right")) for r in rows)
        with_gold = sum(r[q]["has_gold"] for r in rows)
        summary[q] = {
            "answered": answered,
            "right": right,
            "precision": round(right / answered, 3) if answered else None,
            "recall": round(right / with_gold, 3) if with_gold else None,
            "coverage": round(answered / len(rows), 3) if rows else None,
        }
    fallbacks = [r["when"] for r in rows if r["when"].get("fallback")]
    summary["when_published_fallback"] = {
        "count": len(fallbacks),
        "equal_to_gold_parsed_date": sum(bool(f.get("fallback_right")) for f in fallbacks),
    }
    return summary


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold records; ValueError naming the file and line for anything that is not one."""

    def problem(rec: dict[str, Any]) -> str | None:
        if not isinstance(rec.get("gold"), dict) or not isinstance(rec.get("text"), str):
            return "not a 5W1H gold record (needs 'text' and a 'gold' object)"
        return None

    return read_records(path, problem)


def run(path: str | Path, limit: int | None = None, details: bool = False) -> dict[str, Any]:
    """Extract the main event of every gold article and score it (see the module docstring)."""

    records = read_gold(path)[:limit] if limit else read_gold(path)
    built = [build_article(r) for r in records]
    rows = []
    per_article = []
    for rec, (article, prefix_len), doc in zip(
        records, built, parse_many(a.text for a, _ in built), strict=True
    ):
        event = main_event(article, doc)
        row = score_record(rec, event, prefix_len)
        rows.append(row)
        if details:
            per_article.append({"doc_id": rec.get("doc_id"), "title": rec.get("title"), "scores": row})
    summary = summarise(rows)
    if details:
        summary["details"] = per_article
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crosswire eval 5w1h", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="gold JSONL (giveme5w1h_gold.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--details", action="store_true", help="include every article's answers")
    args = parser.parse_args(argv)
    try:
        result = run(args.file, limit=args.limit, details=args.details)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
