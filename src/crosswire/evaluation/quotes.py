"""Score quote extraction against a PolNeAR-style gold file (../shared/eval/quotes/, see its README).

A predicted quote matches a gold attribution when their contents share at least half of the shorter one's
tokens; pairs are matched one to one, greedily from the largest overlap. The speaker of a matched pair is
right when the predicted speaker mention overlaps the gold speaker span, or its words or resolved name
equal the gold speaker, or both end in the same capitalised surname ("Mr. Trump" / "Donald Trump").
A gold attribution without a source is right only when no speaker is predicted either.
Beliefs and intentions, which crosswire keeps apart from reported speech (`kind="attribution"`), are
scored too, since PolNeAR marks them. Precision and recall are reported overall and by type: recall by the gold `type`, precision by the
predicted `kind` (a matched pair counts for both whatever their types, since PolNeAR derives its type
from quote marks alone).

    crosswire eval quotes FILE [--limit N]      python -m crosswire.evaluation.quotes FILE
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from crosswire import model
from crosswire.evaluation import read_records
from crosswire.nlp.quotes import extract_quotes, load_nlp

_TOKEN = re.compile(r"\w+|[^\w\s]")
_DETERMINERS = frozenset("the a an mr mr. mrs mrs. ms ms. dr dr.".split())
KINDS = ("direct", "indirect", "mixed")


def token_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def covered_tokens(tokens: Sequence[tuple[int, int]], spans: Iterable[Sequence[int]]) -> frozenset[int]:
    """Indices of the tokens lying inside any of `spans` (character ranges)."""
    out: set[int] = set()
    for start, end in spans:
        out.update(i for i, (a, b) in enumerate(tokens) if a >= start and b <= end)
    return frozenset(out)


def _norm(name: str | None) -> str:
    words = [w for w in re.findall(r"[\w.'-]+", (name or "").lower()) if w not in _DETERMINERS]
    return " ".join(words)


def _surname(name: str | None) -> str | None:
    words = re.findall(r"[A-Z][\w'-]+", name or "")
    return words[-1].lower() if words else None


def speaker_right(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a predicted quote's speaker is the gold one (see the module docstring)."""
    speaker = pred.get("speaker") or {}
    mention, name = speaker.get("mention"), speaker.get("name")
    gold_name = gold.get("speaker")
    if not gold_name:
        return not mention
    if not mention and not name:
        return False
    start, end = speaker.get("start"), speaker.get("end")
    if start is not None and end is not None:
        if any(start < b and a < end for a, b in gold.get("speaker_spans") or []):
            return True
    if _norm(gold_name) in {_norm(mention), _norm(name)}:
        return True
    gold_surname = _surname(gold_name)
    return gold_surname is not None and gold_surname in {_surname(mention), _surname(name)}


def match_quotes(
    text: str, preds: Sequence[dict[str, Any]], golds: Sequence[dict[str, Any]]
) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs, greedily by token overlap."""
    tokens = token_spans(text)
    pred_toks = [covered_tokens(tokens, p.get("spans") or [(p["start"], p["end"])]) for p in preds]
    gold_toks = [covered_tokens(tokens, g["spans"]) for g in golds]
    pairs = []
    for pi, pt in enumerate(pred_toks):
        for gi, gt in enumerate(gold_toks):
            shared = len(pt & gt)
            if shared and shared * 2 >= min(len(pt), len(gt)):
                pairs.append((shared, pi, gi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, pi, gi in pairs:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            matched.append((pi, gi))
    return matched


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(pairs: Iterable[tuple[str, Sequence[dict[str, Any]], Sequence[dict[str, Any]]]]) -> dict[str, Any]:
    """Scores for (text, predicted quotes as dicts, gold quotes) per document."""
    n_pred = dict.fromkeys(KINDS, 0)
    n_gold = dict.fromkeys(KINDS, 0)
    tp_pred = dict.fromkeys(KINDS, 0)
    tp_gold = dict.fromkeys(KINDS, 0)
    sp_pred = dict.fromkeys(KINDS, 0)
    sp_gold = dict.fromkeys(KINDS, 0)
    speaker_ok = matched = with_source = with_source_ok = 0
    for text, preds, golds in pairs:
        for p in preds:
            n_pred[p["kind"]] += 1
        for g in golds:
            n_gold[g["type"]] += 1
        for pi, gi in match_quotes(text, preds, golds):
            p, g = preds[pi], golds[gi]
            tp_pred[p["kind"]] += 1
            tp_gold[g["type"]] += 1
            matched += 1
            ok = speaker_right(p, g)
            if g.get("speaker"):
                with_source += 1
                with_source_ok += ok
            if ok:
                speaker_ok += 1
                sp_pred[p["kind"]] += 1
                sp_gold[g["type"]] += 1
    out: dict[str, Any] = {
        "span": _prf(
            sum(tp_pred.values()), sum(n_pred.values()), sum(tp_gold.values()), sum(n_gold.values())
        ),
        "span_speaker": _prf(
            sum(sp_pred.values()), sum(n_pred.values()), sum(sp_gold.values()), sum(n_gold.values())
        ),
        "speaker_accuracy": round(speaker_ok / matched, 4) if matched else 0.0,
        "speaker_accuracy_with_source": round(with_source_ok / with_source, 4) if with_source else 0.0,
        "counts": {"predicted": n_pred, "gold": n_gold, "matched": matched},
        "by_type": {},
    }
    for kind in KINDS:
        out["by_type"][kind] = {
            "span": _prf(tp_pred[kind], n_pred[kind], tp_gold[kind], n_gold[kind]),
            "span_speaker": _prf(sp_pred[kind], n_pred[kind], sp_gold[kind], n_gold[kind]),
        }
    return out


def _quote_record_problem(rec: dict[str, Any]) -> str | None:
    if not isinstance(rec.get("text"), str):
        return "record has no 'text' string"
    quotes = rec.get("quotes")
    if not isinstance(quotes, list) or any(
        not isinstance(q, dict) or "spans" not in q or q.get("type") not in KINDS for q in quotes
    ):
        return "'quotes' must be a list of {spans, type, ...} objects"
    return None


def read_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Gold records from a JSONL file; a clear error names the file and line of any bad record."""
    return read_records(path, _quote_record_problem, limit)


def predict(records: Sequence[dict[str, Any]], nlp: Any = None) -> list[list[dict[str, Any]]]:
    """Run the quote extractor on each record's text (one parse per text, batched)."""

    nlp = nlp or load_nlp()
    out = []
    for rec, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16), strict=True):
        article = model.Article(text=rec["text"], external_id=rec.get("doc_id"))
        found = extract_quotes(article, doc, attributions=True)
        out.append([_polnear_kind(model.to_dict(q)) for q in found])
    return out


def _polnear_kind(pred: dict[str, Any]) -> dict[str, Any]:
    """PolNeAR counts beliefs and intentions as attributions and types them by quote marks alone: an
    attribution ("analysts believe that ...") is scored as an indirect quote, or mixed when it quotes words."""
    if pred["kind"] == "attribution":
        quoted = any(mark in pred["text"] for mark in '"\u201c\u201d')
        pred["kind"] = "mixed" if quoted else "indirect"
    return pred


def run(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """Score the extractor on a gold file: the dict `score` returns, plus the file and document count."""
    records = read_gold(path, limit)
    predictions = predict(records)
    result = score((r["text"], p, r["quotes"]) for r, p in zip(records, predictions, strict=True))
    result["file"] = str(path)
    result["documents"] = len(records)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crosswire eval quotes", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", help="gold JSONL (PolNeAR format)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args(argv)
    try:
        result = run(args.file, args.limit)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
