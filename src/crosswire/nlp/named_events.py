"""Named events: the summits, declarations, agreements, tests and wars that news refers to by name.

"The Hanoi summit", "the April 27 Panmunjom Declaration", "killed in the 1950-53 Korean War": an analyst reads
these as dated events, and so does the event coder, from the knowledge base in `data/kb/named_events.toml`
(the file's header documents the fields). `find_named_events(doc, published)` returns every mention in a
parsed article, matched two ways:

* by name: an alias word for word (case-insensitive, on word boundaries);
* by description: a head noun the entry lists ("summit", "talks") whose phrase names the entry's place ("the
  summit in Hanoi") or its ordinal and parties ("the second North Korea-US summit").

A bare "the summit" shortly after a named summit is that summit (the nearest named event of its kind
before it, within `ANAPHOR_CHARS`). Precision first: a description must fit exactly one entry; a phrase that makes the name indefinite or points
elsewhere ("a new Iran deal", "another Singapore summit", "the next summit") matches nothing; a year in the
phrase that contradicts the entry's rules it out; and an entry more than `FUTURE_DAYS` after the article's
publication is not the event the article meant (an article of 2015 on "a summit in Hanoi").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from crosswire.knowledge.gazetteer import resolve_name
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.knowledge.named_events import NamedEvent, NamedEventBase, fold_name
from crosswire.nlp.runtime import doc_text

FUTURE_DAYS = 60
ANAPHOR_CHARS = 1500
RECENT_DAYS = 550
# Adjectives that name the parties ("inter-Korean summit").
PARTY_ADJECTIVES = {"inter-korean": {"PRK", "KOR"}, "intra-korean": {"PRK", "KOR"}}
# Words before a name that make it another event than the named one.
NOT_THIS = frozenset("a an another new next future possible potential proposed third fourth fifth".split())
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass(frozen=True)
class NamedEventMention:
    """Where a named event is mentioned: character offsets of the words that name it."""

    start: int
    end: int
    event: NamedEvent
    how: str  # "alias", "description" or "anaphor" ("the summit" after "the Hanoi summit")


def _capitals_kept(alias: str, text: str) -> bool:
    """Whether every capitalised word of the alias is capitalised in the text ("Korean War", not "korean
    war"); the alias's lower-case words may be either ("Iran Nuclear Deal" is "Iran nuclear deal")."""
    words, found = alias.split(), text.split()
    return len(words) == len(found) and all(
        not a[:1].isupper() or b[:1].isupper() for a, b in zip(words, found, strict=True)
    )


def _usable(entry: NamedEvent, published: date | None) -> bool:
    return published is None or (date.fromisoformat(entry.date) - published).days <= FUTURE_DAYS


def find_named_events(
    doc: Doc, published: date | None = None, base: NamedEventBase | None = None
) -> list[NamedEventMention]:
    """Every mention of a known named event in `doc`, in text order (see the module docstring)."""
    base = base or NamedEventBase.builtin()
    text = doc_text(doc)
    found: list[NamedEventMention] = []
    if base.alias_pattern is not None:
        folded = text.replace("\u2019", "'").replace("\u2013", "-")
        for m in base.alias_pattern.finditer(folded):
            entries = [e for e in base.by_alias.get(fold_name(m.group(0)), []) if _usable(e, published)]
            if len(entries) != 1 or _points_elsewhere(folded, m.start()):
                continue
            if not any(_capitals_kept(w, m.group(0)) for w in base.spellings.get(fold_name(m.group(0)), ())):
                continue  # "a great war of words" is not the Great War
            years = {int(y) for y in _YEAR.findall(folded[max(0, m.start() - 12) : m.end()])}
            if years and not years & entries[0].years():
                continue  # "the 2018 Hanoi summit" is not the one of 2019
            found.append(NamedEventMention(m.start(), m.end(), entries[0], "alias"))
    taken = [(m.start, m.end) for m in found]
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN"):  # first: most tokens are not nouns, and it is the cheaper test
            continue
        entries = base.by_noun.get(tok.lemma_.lower()) or base.by_noun.get(tok.lower_) or []
        if not entries:
            continue
        if any(a <= tok.idx < b for a, b in taken):
            continue
        phrase = _noun_phrase(tok)
        if _points_elsewhere(text, phrase.start_char, phrase):
            continue
        scored = [(_describes(phrase, tok, e), e) for e in entries if _usable(e, published)]
        best = max((score for score, _ in scored), default=0)
        fits = [e for score, e in scored if score and score == best]  # a named place beats parties alone
        chosen = _choose(fits, published)
        if chosen is not None:
            found.append(NamedEventMention(phrase.start_char, phrase.end_char, chosen, "description"))
    found.sort(key=lambda m: m.start)
    return _with_anaphors(doc, base, found)


def _with_anaphors(doc: Doc, base: NamedEventBase, found: list[NamedEventMention]) -> list[NamedEventMention]:
    """ "The Hanoi summit ... The summit ended early": a bare "the summit" a little after a named event of
    that kind is that event (the nearest one before it, within `ANAPHOR_CHARS`)."""
    if not found:
        return found
    nouns = {noun for entries in base.by_noun.values() for e in entries for noun in e.nouns}
    out = list(found)
    for tok in doc:
        if tok.lemma_.lower() not in nouns or tok.pos_ != "NOUN" or tok.tag_ not in ("NN", "NNS"):
            continue
        lefts = list(tok.lefts)
        if len(lefts) != 1 or lefts[0].lower_ != "the" or any(c.dep_ == "prep" for c in tok.rights):
            continue
        if any(m.start <= tok.idx < m.end for m in found):
            continue
        before = [m for m in found if m.end <= tok.idx and tok.idx - m.end <= ANAPHOR_CHARS]
        if not before:
            continue
        last = before[-1]
        if tok.lemma_.lower() in last.event.nouns or tok.lemma_.lower() == last.event.kind:
            out.append(NamedEventMention(lefts[0].idx, tok.idx + len(tok.text), last.event, "anaphor"))
    return sorted(out, key=lambda m: m.start)


def _choose(fits: list[NamedEvent], published: date | None) -> NamedEvent | None:
    """The one entry a description fits; of several, the recent ones (within `RECENT_DAYS` before
    publication): one, or for several of one kind the span they cover ("the North Korea-South Korea summit"
    written in 2019 is one of 2018's three), which is true of whichever was meant."""
    if len(fits) <= 1:
        return fits[0] if fits else None
    if published is None:
        return None
    recent = [e for e in fits if (published - date.fromisoformat(e.date)).days <= RECENT_DAYS]
    if len(recent) == 1:
        return recent[0]
    if not recent or len({e.kind for e in recent}) != 1:
        return None
    first = min(e.date for e in recent)
    last = max(e.end or e.date for e in recent)
    return NamedEvent(
        name=" or ".join(e.name for e in sorted(recent, key=lambda e: e.date)),
        date=first,
        end=last,
        kind=recent[0].kind,
        place=recent[0].place if len({e.place for e in recent}) == 1 else None,
        parties=recent[0].parties if len({e.parties for e in recent}) == 1 else (),
    )


def _points_elsewhere(text: str, start: int, phrase: Span | None = None) -> bool:
    """ "a new Iran deal", "another Singapore summit": the words before the name make it another event."""
    before = text[max(0, start - 40) : start].lower().split()
    words = before[-2:] if before else []
    if phrase is not None:
        words += [t.lower_ for t in phrase]
    return any(w in NOT_THIS for w in words)


def _noun_phrase(noun: Token) -> Span:
    """The noun with its left modifiers and its locative/with/between prepositional phrases."""
    doc = noun.doc
    left = noun.left_edge.i
    right = noun.i
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "with", "between", "of"):
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]


def _describes(phrase: Span, noun: Token, entry: NamedEvent) -> int:
    """How well a descriptive phrase fits `entry`: 2 when it names the entry's place, 1 when it names all
    its parties (a summit, or with its ordinal), 0 when it does not fit or something in it contradicts the
    entry (another ordinal, a party or year not its own)."""
    words = phrase.text.replace("\u2013", "-")
    ordinal = next((ORDINALS[t.lower_] for t in phrase if t.lower_ in ORDINALS), None)
    if ordinal is not None and ordinal != entry.ordinal:
        return 0
    years = {int(y) for y in _YEAR.findall(words)}
    if years and not years & entry.years():
        return 0
    kb = KnowledgeBase.builtin()
    parties = _countries_in(phrase, kb)
    place_named = bool(entry.place) and re.search(
        rf"(?<!\w){re.escape(entry.place or '')}(?!\w)", words, re.IGNORECASE
    )
    if place_named:  # "in Hanoi, Vietnam", "in Singapore": where it was, not who took part
        parties.discard(_place_country(entry.place or ""))
    if parties - set(entry.parties):
        return 0
    if place_named:
        return 2
    if len(parties) < 2 or parties != set(entry.parties):
        return 0
    # Parties alone name a summit ("the North Korea-South Korea summit"); talks between them are too many.
    return 1 if ordinal is not None or noun.lemma_.lower() == "summit" else 0


def _countries_in(phrase: Span, kb: KnowledgeBase) -> set[str]:
    """Countries the phrase names as parties, longest names first ("North Korea-US" is PRK and USA, not
    KOR); a capital is a place here ("the summit in Hanoi"), not a party."""
    tokens = [t for t in phrase if t.text not in ("-", "\u2013")]
    found: set[str] = set()
    lowered = phrase.text.lower().replace("\u2013", "-")
    for adjective, countries in PARTY_ADJECTIVES.items():
        if adjective in lowered:
            found |= countries
    for ent in phrase.ents:
        if ent.label_ == "PERSON":
            person = kb.person(ent.text)
            if person is not None and person.country:
                found.add(person.country)
    i = 0
    while i < len(tokens):
        for size in (3, 2, 1):
            words = tokens[i : i + size]
            if len(words) < size or any(w.i - v.i != 1 for v, w in zip(words, words[1:], strict=False)):
                continue
            match = kb.lookup_country(" ".join(w.text for w in words))
            if match is not None:
                if match.via != "capital":
                    found.add(match.country.iso3)
                i += size
                break
        else:
            i += 1
    return found


@functools.cache
def _place_country(name: str) -> str | None:
    found = resolve_name(name)
    return found[0].country if found else None
