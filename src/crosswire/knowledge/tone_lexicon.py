"""The tone lexicon (`data/tone_lexicon.tsv`): lemmas with weights -3..+3 by class, and the words that
negate, intensify or damp them. Read by the tone scorer (`nlp/tone.py`); the method is described there."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from crosswire.errors import LexiconError

MAX_WEIGHT = 3.0
CLASSES = ("word", "judge", "aggress", "negator", "intensify", "damp", "reporting")


@dataclass(frozen=True)
class Lexicon:
    """Lemma tables by class; `word` holds nouns, adjectives and verbs alike, `judge`/`aggress` only verbs."""

    word: dict[str, float]
    judge: dict[str, float]
    aggress: dict[str, float]
    negators: frozenset[str]
    intensifiers: dict[str, float]
    reporting: dict[str, float]

    @classmethod
    def parse(cls, text: str, source: str = "<lexicon>") -> Lexicon:
        tables: dict[str, dict[str, float]] = {c: {} for c in CLASSES}
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise LexiconError(f"{source}:{number}: expected 'lemma<TAB>weight<TAB>class', got {line!r}")
            lemma, weight, kind = parts[0].strip().lower(), parts[1].strip(), parts[2].strip()
            if kind not in CLASSES:
                raise LexiconError(f"{source}:{number}: unknown class {kind!r} (one of {', '.join(CLASSES)})")
            try:
                value = float(weight)
            except ValueError:
                raise LexiconError(f"{source}:{number}: weight {weight!r} is not a number") from None
            if kind in ("word", "judge", "aggress") and not -MAX_WEIGHT <= value <= MAX_WEIGHT:
                raise LexiconError(f"{source}:{number}: weight {value} outside [-3, 3]")
            tables[kind][lemma] = value
        intensifiers = {**tables["intensify"], **tables["damp"]}
        return cls(
            word=tables["word"],
            judge=tables["judge"],
            aggress=tables["aggress"],
            negators=frozenset(tables["negator"]),
            intensifiers=intensifiers,
            reporting=tables["reporting"],
        )

    @classmethod
    @functools.cache
    def builtin(cls) -> Lexicon:
        path = resources.files("crosswire") / "data" / "tone_lexicon.tsv"
        return cls.parse(path.read_text(encoding="utf-8"), "data/tone_lexicon.tsv")
