"""Limits that keep the parse of one document bounded, whatever text it holds.

`crosswire_long_sentences` is a pipeline component before the parser: a run of more than
MAX_SENTENCE_TOKENS tokens without sentence punctuation gets a sentence start every MAX_SENTENCE_TOKENS
tokens. spaCy's parser is linear in a document's length, but the extractors' work per sentence grows
with the square of the sentence's length: without the guard, analysing an 8,000-word sentence took six
times as long as a 4,000-word one (measured on a shared machine), so a 50,000-word one would take hours.
It changes neither `Article.text` nor any offset into it, and logs a warning when it acts. The same
component also starts a sentence after every blank line, which spaCy's parser does not do by itself.

(The other bound, on a document's length, is set at ingest: an article longer than spaCy's
`nlp.max_length` is stored but flagged not analysable; see `ingest.MAX_ANALYSABLE_CHARS`.)
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc, Token

logger = logging.getLogger("crosswire.nlp.runtime")

# A sentence longer than this many tokens is cut before the parser (see LongSentenceGuard). News
# sentences run 20-40 tokens and rarely pass 150; a run of hundreds of words without a full stop is a
# scraping accident (a table flattened to text, a page without punctuation) or an attack, and the
# extractors' per-sentence work grows with the square of a sentence's length.
MAX_SENTENCE_TOKENS = 250
_SENTENCE_END = frozenset({".", "!", "?", "\u2026", ";"})


@Language.factory("crosswire_long_sentences")
def _make_long_sentence_guard(nlp: Language, name: str) -> LongSentenceGuard:
    return LongSentenceGuard(MAX_SENTENCE_TOKENS)


class LongSentenceGuard:
    """Before the parser: a sentence start every `limit` tokens in any run without sentence punctuation.

    The parser keeps boundaries set before it, so no sentence it builds is longer than `limit` tokens and
    parse plus analysis time per document stays linear in its length. Text and offsets are untouched;
    a document that needed cutting gets `user_data["crosswire_long_sentences"]` (how many cuts) and a
    logged warning.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, doc: Doc) -> Doc:
        cuts = run = 0
        after_blank_line = after_line_break = False
        previous = ""
        for token in doc:
            if token.is_space:
                after_blank_line = after_blank_line or "\n\n" in token.text
                after_line_break = after_line_break or "\n" in token.text
            elif after_blank_line or (after_line_break and _starts_line(token, previous)):
                # A blank line ends a sentence: the parser would otherwise join a section label, a headline,
                # a "Posted : ... | Updated : ..." line and the lead into one "sentence" for the coders. So
                # does a single line break before a capital after a line that does not run on (records whose
                # paragraphs are single lines: a live blog's entry title and its first sentence); ingest has
                # already joined hard-wrapped lines.
                if token.i > 0:
                    token.is_sent_start = True
                after_blank_line = after_line_break = False
            else:
                after_line_break = False
            if not token.is_space:
                previous = token.text
            if run >= self.limit and not token.is_space:
                token.is_sent_start = True
                cuts += 1
                run = 0
            run = 0 if token.text in _SENTENCE_END or "\n\n" in token.text else run + 1
        if cuts:
            doc.user_data["crosswire_long_sentences"] = cuts
            logger.warning(
                "text of %d tokens has sentences over %d tokens without punctuation: cut %d time(s) "
                "so the parse stays bounded",
                len(doc),
                self.limit,
                cuts,
            )
        return doc


# A line ending in one of these runs on into the next ("said,\nMike Pompeo ...").
_RUNS_ON = frozenset({",", ";", "(", "-", "--", "–", "—", "&", "and", "or", "of", "the", "a", "to"})


def _starts_line(token: Token, previous: str) -> bool:
    """Whether a token after a single line break starts a sentence: a capital, digit or opening quote
    after a line that does not visibly run on."""
    first = token.text[:1]
    return (first.isupper() or first.isdigit() or first in "\"“‘'") and previous.lower() not in _RUNS_ON
