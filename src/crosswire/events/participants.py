"""Who takes part in an event: argument tokens of the parse mapped to the article's actors.

An argument is first looked up among the actors' mentions (by character offsets, so "Pyongyang" and "the
North" come out as North Korea with the code the actor layer gave them). Where the actor layer has no
mention - it leaves out country names used as modifiers ("South Korea-U.S. drills") and after locative
prepositions ("a signal to North Korea") - the named entity under the token is coded from the knowledge
base instead, with no actor id: a country's name, alias or demonym, or an organisation; never a capital
(a city stands for its government only where the actor layer saw it act) nor a dateline ("SINGAPORE -").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from crosswire.model import Actor, EventActor
from crosswire.nlp.kb import KnowledgeBase

RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
CODED_ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Modifiers that make a noun phrase stand for whoever they name: "the U.S. Treasury department",
# "Seoul's offer", "North Korean officials".
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})


def country_of(actor: EventActor) -> str | None:
    """The three-letter country part of a CAMEO actor code ("PRKGOV" -> "PRK"); None for bare roles."""
    code = actor.code or ""
    return code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3] not in _ROLE_CODES else None


# CAMEO codes that are roles, not countries, when they open a code ("GOV", "MIL" for an unnamed government).
_ROLE_CODES = frozenset(
    {
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CRM",
        "CVL",
        "ELI",
        "LAB",
        "LEG",
        "REF",
        "HLH",
        "AGR",
        "IGO",
        "NGO",
        "UAF",
        "RAD",
    }
)


def same_actor(a: EventActor, b: EventActor) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return (a.code, (a.name or "").lower()) == (b.code, (b.name or "").lower())


class ActorIndex:
    """Token -> actor lookups for one article (built once per article, read-only afterwards)."""

    def __init__(self, doc: Doc, actors: list[Actor], kb: KnowledgeBase | None = None) -> None:
        self.doc = doc
        self.kb = kb or KnowledgeBase.builtin()
        self.by_token: dict[int, Actor] = {}
        self.by_word: dict[str, Actor] = {}  # a mention's words and the name's last word -> actor
        self.kinds: dict[str, tuple[str, str]] = {a.actor_id: (a.kind, a.name) for a in actors if a.actor_id}
        for actor in actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for tok in span or ():
                    self.by_token.setdefault(tok.i, actor)
                if m.kind == "name":
                    self.by_word.setdefault(m.text.lower(), actor)
            self.by_word.setdefault(actor.name.lower(), actor)
            if actor.kind == "person":
                self.by_word.setdefault(actor.name.split()[-1].lower(), actor)
        self._entity_cache: dict[int, EventActor | None] = {}

    @staticmethod
    def event_actor(actor: Actor) -> EventActor:
        return EventActor(
            name=actor.name, code=actor.codes[0] if actor.codes else None, actor_id=actor.actor_id
        )

    def direct(self, tok: Token) -> EventActor | None:
        """The actor this very token names (its mention or its named entity), without looking at modifiers."""
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "Pyongyang, which rejected ...": the relative clause's noun
        actor = self.by_token.get(tok.i)
        if actor is not None:
            return self.event_actor(actor)
        if tok.ent_type_ in CODED_ENTITY_LABELS:
            return self.entity_actor(tok)
        return None

    def resolve(self, tok: Token) -> EventActor | None:
        """The actor a noun phrase stands for: its head, else a modifier naming a state, person or body."""
        found = self.direct(tok)
        if found is not None:
            return found
        for child in tok.lefts:
            if child.dep_ in MODIFIER_DEPS:
                found = self.direct(child) or (self.resolve(child) if child.dep_ == "compound" else None)
                if found is not None:
                    return found
        return None

    def resolve_all(self, tok: Token) -> list[EventActor]:
        """The actors of a possibly coordinated phrase: "South Korea and the US" gives both."""
        out: list[EventActor] = []
        for t in (tok, *[c for c in tok.conjuncts if c.i > tok.i]):
            found = self.resolve(t)
            if found is not None and not any(same_actor(found, o) for o in out):
                out.append(found)
        return out

    def entity_actor(self, tok: Token) -> EventActor | None:
        """Code the named entity under `tok` by the article's actors, else the knowledge base."""
        ent = _entity_at(self.doc, tok)
        if ent is None:
            return None
        if ent.start in self._entity_cache:
            return self._entity_cache[ent.start]
        text = ent.text.strip().removesuffix("\u2019s").removesuffix("'s").strip("-\u2013 ")
        label = tok.ent_type_  # a slice of the Doc carries no label of its own
        found: EventActor | None = None
        actor = self.by_word.get(text.lower())
        if actor is not None:
            found = self.event_actor(actor)
        elif label in ("GPE", "NORP"):
            match = self.kb.lookup_country(text)
            # Only a country's own name: a capital stands for its government only where the actor layer
            # saw it do so ("Pyongyang rejected"), and capitals name datelines ("STOCKHOLM -").
            dateline = text.isupper() and match is not None and match.via == "name"
            if match is not None and match.via != "capital" and not dateline:
                found = EventActor(name=match.country.name, code=match.country.cameo)
        elif label == "ORG":
            org = self.kb.organisation(text)
            if org is not None:
                found = EventActor(name=org.name, code=org.code)
        self._entity_cache[ent.start] = found
        return found

    def is_institution(self, actor: EventActor) -> bool:
        """A state or a named organisation (a ministry, an agency, a news agency), not a person or group."""
        known = self.kinds.get(actor.actor_id or "")
        if known is not None:
            # A speaker only described by the body ("two Singapore-based carriers") is not the body.
            kind, name = known
            return kind in ("state", "organisation") and (actor.name or "").lower() == name.lower()
        # Coded from the knowledge base (no actor id): only countries and organisations get there.
        return bool(actor.code) and not actor.actor_id

    def in_span(self, tokens: Span | list[Token]) -> list[tuple[Token, EventActor]]:
        """Every actor named inside `tokens`, once each, with the first token naming it."""
        out: list[tuple[Token, EventActor]] = []
        for tok in tokens:
            found = self.direct(tok) if tok.pos_ in ("PROPN", "NOUN", "ADJ", "PRON") else None
            if found is not None and not any(same_actor(found, o) for _, o in out):
                out.append((tok, found))
        return out


def _entity_at(doc: Doc, tok: Token) -> Span | None:
    if not tok.ent_type_:
        return None
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]
