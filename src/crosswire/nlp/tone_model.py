"""Article-level sentiment toward an actor: negative, neutral or positive, from a small model trained on BASIL.

`nlp/tone.py` reads the lexicon through the parse and sums what reaches the actor. That sum alone says little
about how an article as a whole portrays someone (BASIL: 0.40 macro-F1 cross-validated by story): an article
full of criticism of a politician is often a neutral report of that criticism. This module puts the lexicon
sum beside what else tells the two apart and lets a multinomial logistic regression weigh them:

* the lexicon, split by voice (the outlet's own words vs. words inside others' quotes) and sign;
* how central the actor is: share of sentences that mention it, its mentions against all actors', where it
  first appears, whether the title names it, and the lexicon words of the title;
* how much the actor speaks: the share of the article's quotes that are its own, and the share of its
  sentences that are quoted;
* a sentence model over MiniLM embeddings (`stories.embed`) trained on BASIL's bias spans, which says how
  likely a sentence is to carry negative or positive slant; its mean and maximum over the actor's sentences,
  and over the whole article.

Both models are plain softmax regressions fitted here with numpy (`fit_softmax`); their weights, the feature
scaling and the cross-validated score live in `data/tone_model.npz` (`benchmarks/train_tone.py` writes it from
../shared/eval/basil). Everything is a pure function of its inputs; the model file is read once per process.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc

from crosswire.model import Actor, Article, Quote
from crosswire.nlp.tone import TONE_SCALE, Lexicon, contributions

LABELS = ("negative", "neutral", "positive")
MODEL_FILE = "tone_model.npz"
# The order of the entity features; a model file stores its own copy and is refused if they differ.
FEATURES = (
    "found",
    "tone",
    "outlet_negative",
    "outlet_positive",
    "quoted_negative",
    "quoted_positive",
    "sentence_share",
    "mention_share",
    "first_position",
    "in_title",
    "title_negative",
    "title_positive",
    "speaker_share",
    "quoted_share",
    "slant_negative_mean",
    "slant_negative_max",
    "slant_positive_mean",
    "slant_positive_max",
    "article_negative_mean",
    "article_positive_mean",
)


class ToneModelError(ValueError):
    """A model file that is missing, malformed, or built for other features."""


# ---------------------------------------------------------------------------------------------- softmax
def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def fit_softmax(
    x: np.ndarray,
    y: np.ndarray,
    classes: int,
    *,
    l2: float = 1.0,
    sample_weight: np.ndarray | None = None,
    iterations: int = 3000,
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by accelerated gradient descent: weights (features, classes), bias.

    Minimises the weighted mean cross-entropy plus `l2 / 2n * |W|^2` (the bias is not penalised). The loss is
    convex and its curvature is bounded by the features' second moments, so a fixed step of 1/L converges
    without a line search; inputs should be standardised.
    """
    n, d = x.shape
    if n == 0:
        raise ValueError("fit_softmax: no training rows")
    if y.shape != (n,) or y.min() < 0 or y.max() >= classes:
        raise ValueError(f"fit_softmax: labels must be {n} integers in [0, {classes})")
    w_rows = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    w_rows = w_rows / w_rows.sum()
    onehot = np.eye(classes)[y]
    xb = np.hstack([x, np.ones((n, 1))])
    # Softmax cross-entropy has Hessian <= 0.5 * X^T diag(w) X; add the ridge term for the step size.
    lipschitz = 0.5 * np.linalg.eigvalsh((xb * w_rows[:, None]).T @ xb).max() + l2 / n
    step = 1.0 / lipschitz
    penalty = np.full((d + 1, 1), l2 / n)
    penalty[-1] = 0.0
    theta = np.zeros((d + 1, classes))
    momentum = theta.copy()
    t = 1.0
    for _ in range(iterations):
        grad = xb.T @ ((softmax(xb @ momentum) - onehot) * w_rows[:, None]) + penalty * momentum
        updated = momentum - step * grad
        t_next = (1 + math.sqrt(1 + 4 * t * t)) / 2
        momentum = updated + (t - 1) / t_next * (updated - theta)
        theta, t = updated, t_next
    return theta[:-1], theta[-1]


def balanced_weights(y: np.ndarray, classes: int, power: float = 1.0) -> np.ndarray:
    """Per-row weights that give each class (counts ** -power) of the mass: 1.0 balances the classes fully."""
    counts = np.bincount(y, minlength=classes).astype(float)
    per_class = np.where(counts > 0, np.maximum(counts, 1.0) ** -power, 0.0)
    return np.asarray(per_class[y] * len(y) / (per_class[y].sum() or 1.0))


# ---------------------------------------------------------------------------------------------- model file
@dataclass(frozen=True)
class ToneModel:
    """The shipped models: sentence slant (embedding -> negative/none/positive) and entity sentiment."""

    feature_names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray  # (features, 3)
    bias: np.ndarray  # (3,)
    slant_weights: np.ndarray  # (384, 3): columns negative, none, positive
    slant_bias: np.ndarray
    info: dict[str, float]

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities (rows, 3) in LABELS order for feature rows in FEATURES order."""
        z = (np.atleast_2d(features) - self.mean) / self.scale
        return softmax(z @ self.weights + self.bias)

    def slant(self, embeddings: np.ndarray) -> np.ndarray:
        """Per sentence: probability of negative slant, of none, of positive slant."""
        if not len(embeddings):
            return np.zeros((0, 3))
        return softmax(embeddings @ self.slant_weights + self.slant_bias)

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            feature_names=np.array(self.feature_names),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            slant_weights=self.slant_weights.astype(np.float32),
            slant_bias=self.slant_bias.astype(np.float32),
            info_keys=np.array(list(self.info)),
            info_values=np.array(list(self.info.values()), dtype=np.float64),
        )

    @classmethod
    def load(cls, path: str | Path) -> ToneModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                arrays = {k: data[k] for k in data.files}
        except (OSError, ValueError) as exc:
            raise ToneModelError(f"{path}: not a readable tone model ({exc})") from None
        missing = {"feature_names", "mean", "scale", "weights", "bias", "slant_weights", "slant_bias"} - set(
            arrays
        )
        if missing:
            raise ToneModelError(f"{path}: missing arrays {sorted(missing)}")
        names = tuple(str(n) for n in arrays["feature_names"])
        if names != FEATURES:
            raise ToneModelError(f"{path}: built for features {names}, this code computes {FEATURES}")
        d = len(FEATURES)
        shapes = {"mean": (d,), "scale": (d,), "weights": (d, 3), "bias": (3,), "slant_bias": (3,)}
        for key, shape in shapes.items():
            if arrays[key].shape != shape:
                raise ToneModelError(f"{path}: {key} has shape {arrays[key].shape}, expected {shape}")
        if arrays["slant_weights"].ndim != 2 or arrays["slant_weights"].shape[1] != 3:
            raise ToneModelError(f"{path}: slant_weights must have 3 columns")
        info = dict(
            zip(
                (str(k) for k in arrays.get("info_keys", [])),
                (float(v) for v in arrays.get("info_values", [])),
                strict=True,
            )
        )
        return cls(
            names,
            arrays["mean"].astype(float),
            arrays["scale"].astype(float),
            arrays["weights"].astype(float),
            arrays["bias"].astype(float),
            arrays["slant_weights"].astype(np.float32),
            arrays["slant_bias"].astype(np.float32),
            info,
        )

    @classmethod
    @functools.cache
    def builtin(cls) -> ToneModel:
        path = resources.files("crosswire") / "data" / MODEL_FILE
        with resources.as_file(path) as real:
            return cls.load(real)


# ---------------------------------------------------------------------------------------------- features
def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Character offsets of the Doc's sentences, in order (the rows of a slant matrix)."""
    return [(s.start_char, s.end_char) for s in doc.sents]


def _sentence_index(bounds: Sequence[tuple[int, int]], pos: int) -> int | None:
    lo, hi = 0, len(bounds)
    while lo < hi:
        mid = (lo + hi) // 2
        if bounds[mid][1] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(bounds) and bounds[lo][0] <= pos else None


def actor_sentences(bounds: Sequence[tuple[int, int]], actor: Actor) -> list[int]:
    """Indices of the sentences holding a mention of the actor."""
    found = {_sentence_index(bounds, m.start) for m in actor.mentions}
    return sorted(i for i in found if i is not None)


TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _title_hits(title: str, lex: Lexicon) -> tuple[float, float]:
    """Negative and positive lexicon weight in a title (word forms, light suffix stripping: no parse)."""
    negative = positive = 0.0
    tables = (lex.word, lex.judge, lex.aggress)
    for word in TITLE_WORD.findall(title.lower()):
        forms = [word, word.removesuffix("s"), word.removesuffix("ed"), word.removesuffix("d")]
        forms.append(word.removesuffix("ing"))
        weight = next((t[f] for f in forms for t in tables if f in t), 0.0)
        if weight < 0:
            negative -= weight / 3.0
        else:
            positive += weight / 3.0
    return negative, positive


def _names_of(actor: Actor) -> set[str]:
    """Lowercased names the article uses for the actor (its name, its named mentions, a person's surname)."""
    names = {actor.name.lower()} | {m.text.lower() for m in actor.mentions if m.kind == "name"}
    if actor.kind == "person" and " " in actor.name:
        names.add(actor.name.split()[-1].lower())
    return {n for n in names if len(n) >= 3}


def _in_title(title: str | None, actor: Actor) -> bool:
    if not title:
        return False
    low = title.lower()
    return any(re.search(r"\b" + re.escape(n) + r"\b", low) for n in _names_of(actor))


def _is_speaker(quote: Quote, actor: Actor, names: set[str]) -> bool:
    speaker = quote.speaker
    if speaker.actor_id is not None and speaker.actor_id == actor.actor_id:
        return True
    return speaker.name is not None and speaker.name.lower() in names


def entity_features(
    article: Article,
    doc: Doc,
    target: Actor | None,
    others: Sequence[Actor],
    quotes: Sequence[Quote] | None = None,
    slant: np.ndarray | None = None,
    lexicon: Lexicon | None = None,
) -> np.ndarray:
    """The FEATURES row for one actor (None: not found in the article; its row is all zeros but the slant
    of the article). `slant` holds the sentence model's probabilities for `sentence_bounds(doc)`, or None."""
    bounds = sentence_bounds(doc)
    row = dict.fromkeys(FEATURES, 0.0)
    lex = lexicon or Lexicon.builtin()
    if target is None or not target.mentions:
        if slant is not None:
            row.update(slant_features(slant, []))
        return np.array([row[f] for f in FEATURES])
    found = contributions(article, doc, [target, *others], quotes, lex)[0]
    total = sum(c.value * c.voice for c in found)
    row["found"] = 1.0
    row["tone"] = math.tanh(total / TONE_SCALE)
    for c in found:
        share = c.value * c.voice
        voice = "outlet" if c.voice >= 1.0 else "quoted"
        if share < 0:
            row[f"{voice}_negative"] -= share
        else:
            row[f"{voice}_positive"] += share
    for key in ("outlet_negative", "outlet_positive", "quoted_negative", "quoted_positive"):
        row[key] = math.log1p(row[key])  # a few words decide more than the tenth one does
    mine = actor_sentences(bounds, target)
    row["sentence_share"] = len(mine) / max(len(bounds), 1)
    all_mentions = len(target.mentions) + sum(len(a.mentions) for a in others)
    row["mention_share"] = len(target.mentions) / max(all_mentions, 1)
    first = min(m.start for m in target.mentions)
    row["first_position"] = first / max(len(article.text), 1)
    row["in_title"] = float(_in_title(article.title, target))
    if article.title:
        negative, positive = _title_hits(article.title, lex)
        row["title_negative"], row["title_positive"] = math.log1p(negative), math.log1p(positive)
    names = _names_of(target)
    quotes = list(quotes or [])
    if quotes:
        row["speaker_share"] = sum(_is_speaker(q, target, names) for q in quotes) / len(quotes)
        quoted = {
            i
            for q in quotes
            for start, _ in (q.spans or [(q.start, q.end)])
            if (i := _sentence_index(bounds, start)) is not None
        }
        row["quoted_share"] = len(quoted & set(mine)) / max(len(mine), 1)
    if slant is not None:
        row.update(slant_features(slant, mine))
    return np.array([row[f] for f in FEATURES])


def slant_features(slant: np.ndarray, sentences: Sequence[int]) -> dict[str, float]:
    """The slant columns of FEATURES from the sentence model's rows for the whole article and for the actor's
    sentences (training fills these per fold without recomputing the rest)."""
    out = dict.fromkeys(
        ("slant_negative_mean", "slant_negative_max", "slant_positive_mean", "slant_positive_max"), 0.0
    )
    out["article_negative_mean"] = float(slant[:, 0].mean()) if len(slant) else 0.0
    out["article_positive_mean"] = float(slant[:, 2].mean()) if len(slant) else 0.0
    if len(sentences):
        rows = slant[list(sentences)]
        out["slant_negative_mean"], out["slant_negative_max"] = float(rows[:, 0].mean()), float(rows[:, 0].max())
        out["slant_positive_mean"], out["slant_positive_max"] = float(rows[:, 2].mean()), float(rows[:, 2].max())
    return out
