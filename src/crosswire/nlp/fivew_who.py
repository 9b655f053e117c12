"""Who and what: candidate clauses from the headline and the lead, scored, the best one answering.

After Giveme5W1H's candidate scoring: every headline clause and lead sentence with a usable subject and
verb is a candidate; each is scored on where it stands (the headline states the main event more often
than any body sentence does), on whether its subject names someone, on how often the subject comes back
in the article, and on whether headline and lead agree on it. The score, squashed into [0, 1], is the
answer's confidence; below `MIN_CONFIDENCE` the question is left unanswered.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.nlp.fivew_syntax import (
    NAME_LABELS,
    REPORTING_VERBS,
    chunk_headline,
    headline_predicate,
    names_someone,
    subject_and_verb,
    subject_phrase,
    verb_phrase,
)
from crosswire.nlp.runtime import doc_text, span_ents

# Weights of the who and the what scores, tuned on the even-numbered half of the Giveme5W1H set and
# checked on the odd-numbered half (`crosswire eval 5w1h`).
WHO_WEIGHTS = {
    "bias": -0.5,
    "title": 0.6,  # a headline clause: the event the outlet chose to lead with
    "names": 1.0,  # the subject names a person, group or place
    "entity": 0.5,  # ... as a named entity
    "mentions": 0.6,  # log of how often the subject's name comes back in the article
    "agree": 0.7,  # headline and lead name the same subject
    "reporting": -0.8,  # "X says ...": the speaker is often not the doer of the event
    "long_subject": -0.6,  # subjects of more than six words are descriptions, not doers
}
WHAT_WEIGHTS = {
    **WHO_WEIGHTS,
    "title": 3.0,  # coders took the headline's predicate as what far more often than any lead verb
    "lead_rank": -0.3,  # each lead sentence further down
    "reporting": -1.5,  # "X says ...": the event is in what was said
    "number_subject": -0.5,  # "At least four killed ...": a toll, the event is elsewhere
    "after_label": -1.5,  # "Tram crash: Police name victims": the label may be the event
    # Headlines that carry a label or a second event ("Tram crash: Driver arrested as seven dead") split
    # readers on which is the main one: less confidence in any answer, whichever clause it comes from.
    "label_headline": -1.5,
    "two_event_headline": -1.0,
}
# Answers below these confidences are withheld (sigmoid of a score of 2.0 and 2.5): on the tuning half
# they trade coverage 1.0 -> 0.84 (who) and 1.0 -> 0.78 (what) for precision 0.86 -> 0.88 and 0.80 -> 0.92.
MIN_WHO_CONFIDENCE = 0.88
MIN_WHAT_CONFIDENCE = 0.92
TWO_EVENTS = re.compile(r"\b(?:as|while)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")


@dataclass(frozen=True)
class Clause:
    """A candidate: a headline clause or lead sentence with its subject phrase and main verb."""

    sent: Span
    offset: int  # added to span offsets: where the parsed part of the headline starts in the headline
    found_in: str  # "title" or "text"
    rank: int  # 0 for the headline, 1 for the first lead sentence, ...
    subject: Span
    verb: Token
    what: Span  # the verb with its auxiliaries and object or complement
    chunked: bool = False  # read by `chunk_headline`, not from the parse


def candidate_clauses(
    headline: Sequence[tuple[Span, int]], lead: Sequence[Span], verb_lemmas: Set[str] = frozenset()
) -> list[Clause]:
    """Every headline clause and lead sentence with a usable subject and verb, in reading order. A headline
    clause the parser misread is chunked by its shape (`chunk_headline`)."""
    sources = [
        *((s, o, "title", 0) for s, o in headline),
        *((s, 0, "text", i + 1) for i, s in enumerate(lead)),
    ]
    out = []
    for sent, offset, found_in, rank in sources:
        found = subject_and_verb(sent, headline=found_in == "title")
        phrase = subject_phrase(found[0]) if found is not None else None
        if found is not None and phrase is not None:
            what = headline_predicate(found[1], sent) if found_in == "title" else verb_phrase(found[1])
            out.append(Clause(sent, offset, found_in, rank, phrase, found[1], what))
        elif found_in == "title":
            chunk = chunk_headline(sent, set(verb_lemmas))
            if chunk is not None and any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in chunk[0]):
                out.append(Clause(sent, offset, found_in, rank, *chunk, chunked=True))
    return out


def subject_keys(subject: Span) -> list[str]:
    """Words that identify the subject elsewhere in the article: the last word of each named entity in it
    ("Raikkonen" for "Kimi Raikkonen"), else its head noun."""
    ents = [e for e in span_ents(subject) if e.label_ in NAME_LABELS]
    if ents:
        return [e[-1].lower_ for e in ents if e[-1].is_alpha]
    return [subject.root.lower_] if subject.root.is_alpha else []


def clause_features(
    clause: Clause,
    words: dict[str, int],
    title_words: set[str],
    lead_words: set[str],
    verbs: tuple[set[str], set[str]] = (set(), set()),
    title: str | None = None,
) -> dict[str, float]:
    """The features the scores weigh. `words` counts the article's words; `title_words` and `lead_words`
    are the headline's and the first lead sentence's; `verbs` the verb lemmas of the headline and of the
    lead sentences."""
    keys = subject_keys(clause.subject)
    count = max((words.get(k, 0) for k in keys), default=0)
    other = lead_words if clause.found_in == "title" else title_words
    return {
        "bias": 1.0,
        "title": float(clause.found_in == "title"),
        "lead_rank": float(clause.rank),
        "names": float(names_someone(clause.subject)),
        "entity": float(any(e.label_ in NAME_LABELS for e in span_ents(clause.subject))),
        "mentions": math.log1p(count),
        "agree": float(any(k in other for k in keys)),
        "reporting": float(clause.verb.lemma_.lower() in REPORTING_VERBS),
        "long_subject": float(sum(t.is_alpha for t in clause.subject) > 6),
        "number_subject": float(clause.subject.root.pos_ == "NUM" or clause.subject[0].like_num),
        "chunked": float(clause.chunked),
        "verb_agree": float(clause.verb.lemma_.lower() in verbs[clause.found_in == "title"]),
        "short_what": float(sum(t.is_alpha for t in clause.what) <= 1),
        "after_label": float(clause.found_in == "title" and clause.offset > 0),
        "label_headline": float(":" in (title or "")),
        "two_event_headline": float(bool(TWO_EVENTS.search(title or ""))),
    }


def confidence(features: dict[str, float], weights: dict[str, float]) -> float:
    """The weighted feature sum squashed into (0, 1)."""
    score = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-score))


def word_counts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in _WORD.findall(text.lower()):
        counts[word] = counts.get(word, 0) + 1
    return counts


Choice = tuple[Clause, float]


def scored_candidates(
    headline: Sequence[tuple[Span, int]], lead: Sequence[Span], doc: Doc, title: str | None
) -> list[tuple[Clause, dict[str, float]]]:
    """Every candidate clause with its features."""
    verb_lemmas = {t.lemma_.lower() for t in doc if t.pos_ == "VERB"}
    candidates = candidate_clauses(headline, lead, verb_lemmas)
    words = word_counts(doc_text(doc))
    title_words = set(_WORD.findall((title or "").lower()))
    lead_words = set(_WORD.findall(lead[0].text.lower())) if lead else set()
    title_verbs = {c.verb.lemma_.lower() for c in candidates if c.found_in == "title"}
    title_verbs |= {t.lemma_.lower() for s, _ in headline for t in s if t.pos_ == "VERB"}
    lead_verbs = {t.lemma_.lower() for s in lead for t in s if t.pos_ == "VERB"}
    verbs = (title_verbs, lead_verbs)
    return [(c, clause_features(c, words, title_words, lead_words, verbs, title)) for c in candidates]


def choose_who_what(
    headline: Sequence[tuple[Span, int]],
    lead: Sequence[Span],
    doc: Doc,
    title: str | None,
    abstain: bool = True,
) -> tuple[Choice | None, Choice | None]:
    """The clause answering who and the one answering what, each with its confidence; None for a question
    whose best candidate scores below its threshold, or without candidates. Ties go to the earlier clause."""
    scored = scored_candidates(headline, lead, doc, title)
    out: list[Choice | None] = []
    for weights, floor in ((WHO_WEIGHTS, MIN_WHO_CONFIDENCE), (WHAT_WEIGHTS, MIN_WHAT_CONFIDENCE)):
        ranked = [(confidence(f, weights), -i, c) for i, (c, f) in enumerate(scored)]
        best = max(ranked, key=lambda item: item[:2], default=None)
        sure = best is not None and (best[0] >= floor or not abstain)
        out.append((best[2], best[0]) if best is not None and sure else None)
    return out[0], out[1]
