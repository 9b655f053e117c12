"""Who takes part in a nominal event ("Kim's summit with Putin", "talks between the US and North Korea").

Three places name the parties of a meeting noun:
- its modifiers ("the Kim-Putin summit", "Seoul's talks"), the *owners*;
- its prepositions: "with"/"to"/"on" name *partners* of the owners, "between" names the parties themselves;
- failing modifiers, the subject of the clause that has the meeting as its object ("Kim has prioritized
  meetings with South Korea"): the subject holds those meetings - unless the verb puts the subject outside
  them ("Sweden hosted talks between ...", "Seoul opposed talks with ...").

Pairs: every owner with every partner; owners with each other when several hold it jointly; "between"
parties with each other. Partners are never paired among themselves: "meetings with South Korea and the
United States" says nothing about South Korea meeting the United States.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from crosswire.events import clauses
from crosswire.events.participants import ActorIndex, same_actor
from crosswire.knowledge.event_lexicon import Lexicon
from crosswire.model import EventActor
from crosswire.nlp.coref import agrees

POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})
PARTNER_PREPS = frozenset({"with", "to", "on", "against"})
# Verbs whose subject arranges, judges or watches a meeting rather than sitting in it.
OUTSIDE_VERBS = frozenset(
    "host arrange organize organise broker mediate facilitate sponsor convene oppose resist question doubt "
    "fear criticize criticise condemn report cover monitor watch observe follow welcome praise hail "
    "rule postpone delay cancel scrap block".split()
)
# Prepositions by which a clause's subject takes part in a meeting named after them: "arrived for talks
# with", "spoke at a meeting with", "said after talks with".
HOLDER_PREPS = frozenset({"for", "at", "during", "after", "in"})
# Rooms and buildings: a modifier naming one says where a meeting took place ("their Oval Office meeting",
# "the Trump Tower talks"), never who sat in it - unless the name is coded as a body ("White House").
PLACE_NOUNS = frozenset(
    "office room hall chamber building palace residence mansion tower ballroom lawn garden wing suite "
    "hotel resort estate club lodge library cabin".split()
)


@dataclass
class NounParties:
    owners: list[EventActor] = field(default_factory=list)
    partners: list[EventActor] = field(default_factory=list)
    between: list[EventActor] = field(default_factory=list)
    mode: str | None = None  # "potential" when the holding clause only plans or wants the meeting

    def pairs(self, symmetric: bool) -> list[tuple[EventActor, EventActor | None]]:
        out: list[tuple[EventActor, EventActor | None]] = []

        def add(a: EventActor, b: EventActor | None) -> None:
            if b is not None and same_actor(a, b):
                return
            if not any(same_actor(a, x) and _same(b, y) for x, y in out):
                out.append((a, b))

        if symmetric:
            if len(self.between) >= 2:
                for a in self.between:
                    for b in self.between:
                        add(a, b)
                return out
            for owner in self.owners:
                for partner in self.partners:
                    add(owner, partner)
                    add(partner, owner)
            if len(self.owners) >= 2:
                for a in self.owners:
                    for b in self.owners:
                        add(a, b)
            return out
        targets: list[EventActor | None] = list(self.partners or self.between) or [None]
        for owner in self.owners:
            for target in targets:
                add(owner, target)
        return out


def _same(a: EventActor | None, b: EventActor | None) -> bool:
    if a is None or b is None:
        return a is b
    return same_actor(a, b)


def noun_parties(index: ActorIndex, lexicon: Lexicon, sent: Span, noun: Token) -> NounParties:
    """The owners, partners and "between" parties of the nominal event `noun` (see the module docstring)."""
    parties = NounParties()
    for child in noun.lefts:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS and index.direct(child) is None:
            found = main_subject(index, sent)
            if found is not None and not agrees(child.lower_, found.name or ""):
                found = None  # "After his meeting with Trump, Hillary Clinton ...": his is not hers
            if found is not None and _rival_before(index, sent, child, found):
                found = None  # "Netanyahu shunned Carter during his trips": his is Carter's, or unclear
            parties.owners += [found] if found is not None else []
        elif child.dep_ in ("poss", "compound", "nmod", "amod") and child.pos_ not in ("VERB", "AUX"):
            # A participle here is a clause the parser folded into the noun phrase ("Sweden hosted
            # talks"), whose own subject need not be a party.
            parties.owners += [
                a for tok, a in index.in_span(list(child.subtree)) if not _names_a_place(tok, child, a)
            ]
    for pobj in clauses.prep_objects(noun, PARTNER_PREPS):
        parties.partners += index.resolve_all(pobj)
    for pobj in clauses.prep_objects(noun, frozenset({"between"})):
        parties.between += index.resolve_all(pobj)
    # "described the Jewish leaders' meeting with Obama": a meeting whose own phrase names its owner is
    # that owner's, coded or not, never the describing clause's subject's
    owned = any(c.dep_ == "poss" and c.lower_ not in POSSESSIVE_PRONOUNS for c in noun.lefts)
    if _named_as_prospect(noun):
        return NounParties()  # "matters for negotiations between A and B": talks that may come, not held
    if parties.between and _under_modal(noun):
        parties.mode = "potential"  # "could be turned into talks between A and B"
    if not parties.owners and not parties.between and not owned:
        verb = holding_verb(noun)
        if verb is not None and _subject_takes_part(verb, lexicon):
            parties.owners = [a for s in clauses.subject_tokens(verb) for a in index.resolve_all(s)]
            if clauses.modal_marker(verb, lexicon) or _modal_control(verb, lexicon):
                parties.mode = "potential"
    return parties


def _names_a_place(tok: Token, modifier: Token, actor: EventActor) -> bool:
    """Whether a meeting noun's modifier names the room or building of the meeting, not a party: an uncoded
    name whose own head noun is a room or building ("Oval Office", "Situation Room")."""
    if actor.code or modifier.dep_ == "poss":
        return False
    head = tok
    while head.dep_ == "compound" and head.head.i != modifier.head.i and head.head.i != head.i:
        head = head.head
    return head.lemma_.lower() in PLACE_NOUNS or head.lower_ in PLACE_NOUNS


def main_subject(index: ActorIndex, sent: Span) -> EventActor | None:
    """A possessive pronoun opening a sentence ("Since its collapsed summit ..., the North ...") refers
    ahead to the main clause's subject."""
    for child in sent.root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return index.resolve(child)
    return None


def _rival_before(index: ActorIndex, sent: Span, pronoun: Token, subject: EventActor) -> bool:
    """Whether the sentence names, before the possessive `pronoun`, another party it could stand for than
    the main subject (a person for his/her, a body, state or people for its/their): then the pronoun is
    not the subject's for sure, and no owner is better than a guess."""
    labels = ("PERSON",) if pronoun.lower_ in ("his", "her") else ("ORG", "GPE", "NORP")
    for tok in sent:
        if tok.i >= pronoun.i:
            break
        if tok.ent_iob_ != "B" or tok.ent_type_ not in labels:
            continue
        other = index.direct(tok)
        if other is not None and not same_actor(other, subject) and agrees(pronoun.lower_, other.name or ""):
            return True
    return False


# Nouns for which a meeting noun after "for" names what may be negotiated or held, not what was: "matters
# for negotiations between A and B", "a basis for talks", "room for dialogue", "a topic for discussions".
PROSPECT_NOUNS = frozenset(
    "matter matters subject subjects topic topics issue issues item items question questions basis room "
    "scope grounds ground framework agenda material prospect prospects chance chances possibility".split()
)
# Nouns for which a meeting noun after "of" is only a possibility: "the prospect of talks between A and B".
POSSIBILITY_NOUNS = frozenset(
    "prospect prospects possibility possibilities chance chances hope hopes idea likelihood option".split()
)


def _named_as_prospect(noun: Token) -> bool:
    """The meeting noun names what may be held ("matters for negotiations", "the prospect of talks")."""
    tok = noun
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return False
    owner = prep.head.lemma_.lower()
    # the parser may hang "for" on the verb ("turned into matters for negotiations"): the noun before it
    before = prep.doc[prep.i - 1].lemma_.lower() if prep.i else ""
    if prep.lower_ == "for":
        return owner in PROSPECT_NOUNS or before in PROSPECT_NOUNS
    return prep.lower_ == "of" and owner in POSSIBILITY_NOUNS


def _under_modal(noun: Token) -> bool:
    """Whether the nearest verb above the meeting noun is under a modal auxiliary ("could be turned into
    talks between ...", "might end in a summit between ...")."""
    tok = noun
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in clauses.MODAL_AUX for c in tok.children)
    return False


def holding_verb(noun: Token) -> Token | None:
    """The verb that has the meeting noun as its object ("prioritized [meetings]", "heading for [talks]")."""
    tok = noun
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "held talks and [meetings] with ..."
        tok = tok.head
    if tok.dep_ == "dobj":
        head = tok.head
    elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in HOLDER_PREPS:
        head = tok.head.head
    else:
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _subject_takes_part(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in OUTSIDE_VERBS or clauses.is_negated(verb):
        return False
    # A verb the lexicon codes already made this act its own event ("held talks with", "rejected talks").
    if clauses.match_verb(verb, lexicon) is not None:
        return False
    control = lexicon.controls.get(lemma)
    return control is None or control.kind == "modal"


def _modal_control(verb: Token, lexicon: Lexicon) -> bool:
    control = lexicon.controls.get(verb.lemma_.lower())
    return control is not None and control.kind == "modal"
