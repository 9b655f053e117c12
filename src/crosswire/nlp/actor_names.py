"""Which names in an article are actors: a person's name without its possessive, a "person" that is a
place ("the port of Rotterdam"), a bare compass word for a state ("the North"), and whether a place name
stands for an acting state ("Pyongyang rejected ...") or a location or modifier ("in Seoul", "U.S. troops",
"Singapore-based carriers"). Used by the actor collector (`nlp/actors.py`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from crosswire.knowledge.gazetteer import resolve_name
from crosswire.knowledge.kb import Country, CountryMatch, KnowledgeBase, fold
from crosswire.nlp.actor_descriptions import LOCATIVE_PREPS
from crosswire.nlp.actor_roles import ROLE_WORDS, is_hyphen_modifier
from crosswire.nlp.places import is_locative

# Prepositions after which a capital still names an acting government ("talks with Pyongyang", "pressure on
# Seoul"); after others ("options after Hanoi") it names a place or an event held there.
ACTOR_PREPS = frozenset("with between against by from among on upon over".split())


def clean_name(ent: Span) -> str:
    text = ent.text.strip()
    for suffix in ("\u2019s", "'s", "\u2019", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def misread_place(ent: Span, name: str, name_words: set[str]) -> bool:
    """A "person" the model misread that is used as a place and that the gazetteer knows: "the Dutch port of
    Rotterdam", "arrived in Darwin". A name another person in the article bears stays a person."""
    if any(fold(w) in name_words for w in name.split()) and len(ent) == 1:
        return False
    return is_locative(ent) and resolve_name(name) is not None


def mentions_government(description: str | None) -> bool:
    return description is not None and "government" in description.lower().split()


def bare_compass(tok: Token) -> bool:
    """'North' standing for North Korea: "the North", "the North's", "North's"; not "North Korea", "North-South"."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.text in ("-", "Korea", "Korean", "Koreans") or nxt.pos_ == "PROPN"):
        return False
    prev = doc[tok.i - 1] if tok.i else None
    return (prev is not None and prev.lower_ == "the") or (nxt is not None and nxt.tag_ == "POS")


def acts(span: Span, via: str) -> bool:
    """Whether a place name stands for an acting state: not a location ("in Seoul"), not a modifier
    ("U.S. troops", "North Korea-Russia relations"); a capital only as subject, object or possessor."""
    root = span.root
    if is_hyphen_modifier(span.doc, span.start, span.end):
        return False
    if root.dep_ in ("compound", "amod", "nmod") and not any(
        t.tag_ == "POS" for t in span.doc[span.end : span.end + 1]
    ):
        return False
    if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return False
    if root.dep_ == "appos" and root.head.dep_ == "pobj" and root.head.head.lower_ in LOCATIVE_PREPS:
        return False  # "in Hanoi, Vietnam"
    if via in ("capital", "context"):
        possessive = span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"
        if root.dep_ == "pobj":
            return root.head.lower_ in ACTOR_PREPS
        return possessive or root.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "appos", "poss", "ROOT")
    return True


def is_title_before_name(ent: Span) -> bool:
    """An "organisation" the model read in a person's title: "Trade Minister Claire Donnelly" ("Trade"),
    "Special Representative Daniel Hartwell". Institutions ("the Foreign Ministry spokesman") stay."""
    doc = ent.doc
    end = ent.end
    if end < len(doc) and doc[end].text[:1].isupper() and ROLE_WORDS.get(doc[end].lower_):
        end += 1  # "Trade" + "Minister"
    elif not ROLE_WORDS.get(ent[-1].lower_):
        return False
    return end < len(doc) and doc[end].ent_type_ == "PERSON" and doc[end].ent_iob_ == "B"


@dataclass(frozen=True)
class TitleOwner:
    country: Country
    text: str


def title_owner(title: Span, kb: KnowledgeBase, context: set[str]) -> TitleOwner | None:
    """The state that owns a person's title: "Australia's" in "Australia's Trade Minister Claire Donnelly"."""
    doc = title.doc
    if title.start < 2 or doc[title.start - 1].tag_ != "POS":
        return None
    last = doc[title.start - 2]
    if last.ent_type_ not in ("GPE", "NORP"):
        return None
    first = last.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    owner = doc[first : last.i + 1]
    match: CountryMatch | None = kb.lookup_country(owner.text, context)
    return TitleOwner(match.country, owner.text) if match is not None else None
