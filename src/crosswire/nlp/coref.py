"""Grouping mentions that do not carry a full name: surnames, pronouns and definite descriptions.

Deliberately conservative: a wrong link puts one person's words in another's mouth, which is worse for an
analyst than a missing link. So a pronoun is resolved only when exactly one person is in reach, a surname
only to a full name with that surname, a description only to a person whose title fits it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


@dataclass
class PersonMention:
    token: int  # index of the mention's first token
    key: str  # the actor it belongs to


class Sentences:
    """Sentence index of any token, by bisecting sentence starts (built once per Doc)."""

    def __init__(self, doc: Doc) -> None:
        self.starts = [s.start for s in doc.sents]

    def of(self, token_index: int) -> int:
        return bisect_right(self.starts, token_index) - 1


def resolve_pronouns(
    doc: Doc, mentions: Sequence[PersonMention], sentences: Sentences
) -> list[tuple[Token, str]]:
    """Link he/his/she/her to the one person in reach: the same sentence before the pronoun, else the previous
    sentence. Two candidates (or none) leave the pronoun unresolved. Resolved pronouns extend the chain, so a
    run of "he ... he ..." sentences keeps following the same person."""
    by_sentence: dict[int, list[PersonMention]] = {}
    for m in sorted(mentions, key=lambda m: m.token):
        by_sentence.setdefault(sentences.of(m.token), []).append(m)
    resolved: list[tuple[Token, str]] = []
    for tok in doc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        sent = sentences.of(tok.i)
        same = {m.key for m in by_sentence.get(sent, []) if m.token < tok.i}
        if len(same) == 1:
            key = next(iter(same))
        elif not same:
            previous = {m.key for m in by_sentence.get(sent - 1, [])}
            if len(previous) != 1:
                continue
            key = next(iter(previous))
        else:
            continue
        resolved.append((tok, key))
        by_sentence.setdefault(sent, []).append(PersonMention(tok.i, key))
    return resolved


def surname_owner(
    surname_key: str, position: int, full_names: dict[str, list[tuple[str, int]]], counts: dict[str, int]
) -> str | None:
    """The actor a bare surname belongs to: the one person with that surname named in full before
    `position`; when the full name only comes later (a headline "Kim says ..."), the one person with that
    surname in the whole article. Two people with the surname (Kim Jong-un and Kim Yo-jong; Korean surnames
    Kim, Lee, Park, Ri, Choe are shared by many) leave it unresolved: a wrong link is worse than none.
    `full_names` maps a folded surname to (actor key, token index) of full-name mentions; `counts` is kept
    for callers that rank candidates."""
    bearers = full_names.get(surname_key)
    if not bearers:
        return None
    before = {key for key, pos in bearers if pos < position}
    if len(before) == 1:
        return next(iter(before))
    if before:
        return None
    anywhere = {key for key, _ in bearers}
    return next(iter(anywhere)) if len(anywhere) == 1 else None
