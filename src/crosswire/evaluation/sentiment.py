"""Score article-level sentiment toward the main entities on BASIL (../shared/eval/basil/, see its README).

Each annotated entity is found among the article's actors (sentiment_data.py) and classified by
`nlp.tone_model` (a softmax regression over the voice-split lexicon evidence of `nlp.tone`). Reported: macro-F1
over the three classes of the shipped model on the folder (on BASIL itself that is in-sample; on a held-out set
it is the real score), per-class precision/recall/F1, the confusion matrix (gold rows, predicted columns);
`cross_validated`: the same recipe retrained with stories held out (five folds by a hash of the story id: no
story is scored by a model that saw it; on BASIL this is THE number); and `lexicon_thresholds`: the
thresholded tone of `nlp.tone` alone, with its thresholds also cross-validated (sentiment_metrics.py).

    crosswire eval sentiment DIR [--limit N]      python -m crosswire.evaluation.sentiment DIR
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

# The data and metric helpers are re-exported: `evaluation.sentiment` stays the one entry point.
from crosswire.evaluation.sentiment_data import (
    GROUP_NOUNS,
    PARTY_WORDS,
    basil_article,
    entity_actor,
    entity_name,
    entity_phrases,
    matches,
    read_basil,
)
from crosswire.evaluation.sentiment_metrics import (
    FOLDS,
    GRID,
    LABELS,
    NEGATIVE_BELOW,
    POSITIVE_ABOVE,
    Item,
    choose_thresholds,
    classify,
    confusion,
    cross_validate,
    fold_of,
    macro_f1,
    per_class,
)
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.quotes import extract_quotes
from crosswire.nlp.runtime import parse_many
from crosswire.nlp.tone_model import FEATURES, ToneModel, balanced_weights, entity_features, fit_softmax

METHOD = (
    "softmax regression over voice-split lexicon evidence (crosswire.nlp.tone_model, data/tone_model.npz)"
)
LEXICON_METHOD = "lexicon + dependency proximity (crosswire.nlp.tone, data/tone_lexicon.tsv)"

__all__ = [
    "FOLDS",
    "GRID",
    "GROUP_NOUNS",
    "LABELS",
    "NEGATIVE_BELOW",
    "PARTY_WORDS",
    "POSITIVE_ABOVE",
    "Item",
    "basil_article",
    "choose_thresholds",
    "classify",
    "collect",
    "confusion",
    "cross_validate",
    "cross_validate_model",
    "entity_actor",
    "entity_name",
    "entity_phrases",
    "fold_of",
    "macro_f1",
    "matches",
    "per_class",
    "predict",
    "read_basil",
    "run",
    "score",
    "train_model",
]


def article_rows(rec: dict[str, Any], doc: Any) -> list[tuple[Item, np.ndarray]]:
    """(story, entity, gold, tone) and the model's feature row for each annotated entity of one article."""

    article = basil_article(rec)
    actors = extract_actors(article, doc)
    quotes = extract_quotes(article, doc, actors)
    out: list[tuple[Item, np.ndarray]] = []
    for key, gold in rec["annotations"]["author_sentiment_entities"].items():
        name = entity_name(key)
        target = entity_actor(article, name, actors, doc)
        others = [a for a in actors if not matches(name, a)]
        row = entity_features(article, doc, target, others, quotes)
        tone = float(row[1]) if row[0] and row[2:].any() else None  # no lexicon word: no tone
        out.append(((str(rec.get("story_id") or rec.get("id")), key, gold, tone), row))
    return out


def collect(
    basil_dir: str | Path, limit: int | None = None, cache_dir: str | Path | None = None
) -> tuple[list[dict[str, Any]], list[Item], np.ndarray]:
    """BASIL's records, one Item per annotated entity, and the feature matrix; parses are cached (default:
    a folder under the temp dir)."""

    records = read_basil(basil_dir, limit)
    folder = Path(cache_dir) if cache_dir else Path(tempfile.gettempdir()) / "crosswire-eval-parses"
    items: list[Item] = []
    rows: list[np.ndarray] = []
    for rec, doc in zip(records, parse_many((r["text"] for r in records), cache_dir=folder), strict=True):
        for item, row in article_rows(rec, doc):
            items.append(item)
            rows.append(row)
    return records, items, np.array(rows).reshape(len(rows), len(FEATURES))


# ---------------------------------------------------------------------------------------------- the model
L2 = 10.0  # ridge strength of the entity model (chosen by story-grouped CV on BASIL)
CLASS_POWER = 0.75  # class weights ~ count ** -0.75: the rare positive class counts, without swamping


def train_model(items: Sequence[Item], features: np.ndarray, info: dict[str, float] | None = None) -> Any:
    """A ToneModel fitted on all of `items` (standardised features, class-weighted softmax regression)."""
    y = np.array([LABELS.index(it[2]) for it in items])
    mean, scale = features.mean(axis=0), features.std(axis=0)
    scale = np.where(scale > 1e-9, scale, 1.0)  # a constant column (e.g. all found) stays as it is
    weights, bias = fit_softmax(
        (features - mean) / scale, y, len(LABELS), l2=L2, sample_weight=balanced_weights(y, 3, CLASS_POWER)
    )
    return ToneModel(FEATURES, mean, scale, weights, bias, dict(info or {}))


def predict(model: Any, features: np.ndarray) -> list[str]:
    return [LABELS[int(i)] for i in model.probabilities(features).argmax(axis=1)] if len(features) else []


def cross_validate_model(items: Sequence[Item], features: np.ndarray, folds: int = FOLDS) -> dict[str, Any]:
    """The model trained on four fifths of the stories and scored on the fifth, for each fifth."""
    pairs: list[tuple[str, str]] = []
    for k in range(folds):
        test = np.array([fold_of(it[0], folds) == k for it in items], dtype=bool)
        if not test.any() or test.all():
            continue
        train_items = [it for it, t in zip(items, test, strict=True) if not t]
        model = train_model(train_items, features[~test])
        gold = [it[2] for it, t in zip(items, test, strict=True) if t]
        pairs += list(zip(gold, predict(model, features[test]), strict=True))
    matrix = confusion(pairs)
    return {
        "macro_f1": macro_f1(pairs),
        "folds": folds,
        "scored": len(pairs),
        "per_class": per_class(matrix),
        "confusion": matrix,
    }


# ---------------------------------------------------------------------------------------------- run
def run(
    basil_dir: str | Path,
    limit: int | None = None,
    cache_dir: str | Path | None = None,
    model: Any = None,
) -> dict[str, Any]:
    """Score the sentiment model (default: the shipped one) on a BASIL-format folder, with a story-grouped
    cross-validation of the same recipe retrained on the folder, and the thresholded lexicon tone beside it."""

    records, items, features = collect(basil_dir, limit, cache_dir)
    model = model or ToneModel.builtin()
    pairs = list(zip((it[2] for it in items), predict(model, features), strict=True))
    matrix = confusion(pairs)
    return {
        "method": METHOD,
        "directory": str(basil_dir),
        "articles": len(records),
        "entities": len(items),
        "not_found": int(sum(1 for row in features if not row[0])),
        "macro_f1": macro_f1(pairs),
        "per_class": per_class(matrix),
        "confusion": matrix,
        "model_info": dict(model.info),
        "cross_validated": cross_validate_model(items, features),
        "lexicon_thresholds": score(items),
    }


def score(items: Sequence[Item]) -> dict[str, Any]:
    """The thresholded lexicon tone (nlp.tone alone): fixed thresholds, and thresholds cross-validated."""
    pairs = [(gold, classify(tone)) for _, _, gold, tone in items]
    matrix = confusion(pairs)
    return {
        "method": LEXICON_METHOD,
        "thresholds": {"negative_below": NEGATIVE_BELOW, "positive_above": POSITIVE_ABOVE},
        "no_evidence": sum(1 for it in items if it[3] is None),
        "macro_f1": macro_f1(pairs),
        "per_class": per_class(matrix),
        "confusion": matrix,
        "cross_validated": cross_validate(items),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="crosswire eval sentiment", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="BASIL folder (articles.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--cache", default=None, help="folder for cached parses")
    args = parser.parse_args(argv)
    try:
        result = run(args.directory, args.limit, args.cache)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
