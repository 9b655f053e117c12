"""Scoring helpers of the sentiment evaluation: confusion matrix, per-class and macro F1, the story-hashed
folds, and the thresholded-tone baseline (thresholds on a tone in [-1, 1], also cross-validated by story)."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import Any

LABELS = ("negative", "neutral", "positive")
# Thresholds on tone in [-1, 1]; chosen on BASIL (the cross-validated score is reported beside the fixed one).
NEGATIVE_BELOW = -0.45
POSITIVE_ABOVE = 0.15
FOLDS = 5
GRID = tuple(round(x * 0.05, 2) for x in range(0, 20))

Item = tuple[str, str, str, float | None]  # story id, entity, gold label, tone


def classify(
    tone: float | None, negative_below: float = NEGATIVE_BELOW, positive_above: float = POSITIVE_ABOVE
) -> str:
    if tone is None:
        return "neutral"
    if tone < negative_below:
        return "negative"
    if tone > positive_above:
        return "positive"
    return "neutral"


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Gold label -> predicted label -> count, over LABELS."""
    matrix = {g: {p: 0 for p in LABELS} for g in LABELS}
    for gold, pred in pairs:
        if gold not in matrix or pred not in matrix:
            raise ValueError(f"unknown label in pair ({gold!r}, {pred!r}); expected one of {LABELS}")
        matrix[gold][pred] += 1
    return matrix


def per_class(matrix: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    out = {}
    for label in LABELS:
        tp = matrix[label][label]
        predicted = sum(matrix[g][label] for g in LABELS)
        gold = sum(matrix[label].values())
        p = tp / predicted if predicted else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[label] = {"precision": p, "recall": r, "f1": f, "support": gold}
    return out


def macro_f1(pairs: Iterable[tuple[str, str]]) -> float:
    scores = per_class(confusion(pairs))
    return sum(s["f1"] for s in scores.values()) / len(LABELS)


def choose_thresholds(items: Sequence[Item]) -> tuple[float, float]:
    """The (negative_below, positive_above) pair from GRID with the best macro-F1 on `items`."""
    best = (float("-inf"), (NEGATIVE_BELOW, POSITIVE_ABOVE))
    for neg in GRID:
        for pos in GRID:
            f = macro_f1((gold, classify(tone, -neg, pos)) for _, _, gold, tone in items)
            if f > best[0] + 1e-12:
                best = (f, (-neg, pos))
    return best[1]


def fold_of(story_id: str, folds: int = FOLDS) -> int:
    """A story's fold: a stable hash, so that the split does not depend on the order of the file."""
    return zlib.crc32(story_id.encode("utf-8")) % folds


def cross_validate(items: Sequence[Item], folds: int = FOLDS) -> dict[str, Any]:
    """Thresholds chosen on the other folds' stories, applied to each held-out fold."""
    pairs: list[tuple[str, str]] = []
    chosen = []
    for k in range(folds):
        train = [it for it in items if fold_of(it[0], folds) != k]
        test = [it for it in items if fold_of(it[0], folds) == k]
        if not test or not train:
            continue
        neg, pos = choose_thresholds(train)
        chosen.append([neg, pos])
        pairs += [(gold, classify(tone, neg, pos)) for _, _, gold, tone in test]
    matrix = confusion(pairs)
    return {"macro_f1": macro_f1(pairs), "folds": folds, "thresholds": chosen, "confusion": matrix}
