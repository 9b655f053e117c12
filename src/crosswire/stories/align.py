"""Alignment inside a story: how actors are keyed when events and stories are compared, and which
quotes several articles carry.

Events are no longer aligned here: a story's facts are its merged events (events/merge.py through
stories/briefing.py, the one event model every interface shows). Sentence-level "claims" (a cue word
near an actor with no coded event) are gone with that: issue 16 found them corroborating facts from
unrelated sentences of the same story.

Quotes. Two quotes align when their speakers match (same normalised name, or one name's last word is
the other's surname: "Putin" ~ "Vladimir Putin"; anonymous speakers only by their words) and their
words match by rapidfuzz:

- `partial_ratio >= PARTIAL_MIN` (the shorter quote found, nearly verbatim, inside the longer: a
  truncated quote), when the shorter has at least MIN_PARTIAL_WORDS words, or
- `token_set_ratio >= TOKEN_SET_MIN` (the same words, reordered or partly altered: a paraphrased or
  re-translated quote).

The thresholds were set on quote pairs from the seeds and the demo corpus: verbatim and truncated copies
score 95-100, re-translations 80-90, different statements by the same speaker stay below 70.
"""

from __future__ import annotations

from collections import Counter

from crosswire.knowledge.actor_codes import ORGANISATION_CODES, ROLE_CODES
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.stories.inputs import normalise_name


def actor_key(code: str | None, name: str | None, country: str | None = None) -> str | None:
    """The key actors are compared by: a country (or IGO/NGO) code, else the normalised name. A role code
    ("GOV" for "the foreign ministry" of an unknown state) names a kind of actor, so it is never a key."""
    if code and code[:3].upper() not in ROLE_CODES:
        code = code.upper()
        return code[:6] if code[:3] in ORGANISATION_CODES else code[:3]
    if country:
        return country.upper()
    return normalise_name(name) if name else None


def actor_label(key: str, names: Counter[str]) -> str:
    """What a node keyed by `key` is called. A code key names the country or body itself ("PRK" is North
    Korea), never the person mentioned most under it: a graph edge KOR <- PRK from a news agency's statement
    must not read as the leader's act. An organisation code takes its body's name when one known body has
    it, else the name used most that is no known person's; a name key keeps the name used most."""
    if key.isupper() and key.isalpha():
        kb = KnowledgeBase.builtin()
        if len(key) == 3:
            country = kb.country_by_code(key)
            if country is not None:
                return country.name
        bodies = {org.name for org in kb.orgs if org.code.upper() == key}
        if len(bodies) == 1:
            return bodies.pop()
        known = [n for n, _ in names.most_common() if n in bodies or kb.person(n) is None]
        return known[0] if known else key
    return names.most_common(1)[0][0] if names else key


# Quote alignment (PARTIAL_MIN, TOKEN_SET_MIN, ANONYMOUS_MIN) lives in align_quotes.py; re-exported so `stories.align` is the one entry point.
from crosswire.stories.align_quotes import (  # noqa: E402
    AlignedQuote,
    QuoteReport,
    align_quotes,
    quote_similarity,
    same_speaker,
    same_words,
)

__all__ = [
    "AlignedQuote",
    "QuoteReport",
    "actor_key",
    "actor_label",
    "align_quotes",
    "quote_similarity",
    "same_speaker",
    "same_words",
]
