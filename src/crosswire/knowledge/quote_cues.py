"""The quote cue lexicon (`data/quote_cues.toml`): the words that introduce reported speech and thought,
and the words that mark a quoted name or an unnamed source.

Lemma lists rather than a model: a cue is a verb whose lemma is listed here and that sits outside any
quotation. The lists follow what news attribution corpora (PolNeAR, PARC) count as attribution: speech
verbs first, then verbs of belief, intention and evaluation, which report a stance the same way. The
data file says what each list is for; the quote extractor (`nlp/quotes.py` and its helpers) reads them.
"""

from __future__ import annotations

import tomllib
from importlib import resources

_TABLE = tomllib.loads(
    resources.files("crosswire").joinpath("data/quote_cues.toml").read_text(encoding="utf-8")
)


def _words(key: str) -> frozenset[str]:
    return frozenset(_TABLE[key].split())


SPEECH_VERBS = _words("speech_verbs")
THOUGHT_VERBS = _words("thought_verbs")
DESCRIBE_VERBS = _words("describe_verbs")
INTENT_VERBS = _words("intent_verbs")
CUE_LEMMAS = SPEECH_VERBS | THOUGHT_VERBS | DESCRIBE_VERBS | INTENT_VERBS
NAME_NOUNS = _words("name_nouns")
ANONYMOUS_HEADS = _words("anonymous_heads")
PERSONAL_PRONOUNS = _words("personal_pronouns")
EVIDENTIAL_VERBS = _words("evidential_verbs")
ASPECTUAL_VERBS = _words("aspectual_verbs")
HUMAN_NOUNS = ANONYMOUS_HEADS | _words("human_nouns")
SOURCE_NOUNS = _words("source_nouns")
MEDIA_WORDS = _words("media_words")
SPEECH_NOUNS = _words("speech_nouns")
DEMONSTRATIVES = _words("demonstratives")
SPEECH_ACTS = _words("speech_acts")
NAMING_VERBS = _words("naming_verbs")
IRREALIS_HEADS = _words("irrealis_heads")
MODALS = _words("modals")
