"""Actors named by description rather than by name: "the North Korean leader", "the regime", "its state
media", and anonymous sources ("a former senior official in the South Korean government").

`DescriptionRules` holds the part of the actor collector (`nlp/actors.py`) that reads these noun phrases;
it works on the collector's state (`doc`, `kb`, drafts, country context) and is mixed into it.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from crosswire.nlp.actor_context import display_name
from crosswire.nlp.actor_draft import Draft
from crosswire.nlp.actor_roles import LEADER_WORDS, SOURCE_WORDS, affiliation_of_phrase, noun_phrase
from crosswire.nlp.coref import PersonMention

# Prepositions that make a place name a location rather than an acting state ("in Seoul", "to Pyongyang").
LOCATIVE_PREPS = frozenset(
    "in at inside within near across throughout around into to toward towards via outside".split()
)
# Nouns that stand for a state's government when a country qualifies them: "the North Korean regime".
STATE_NOUNS = frozenset({"regime", "government", "administration", "leadership"})


# Words that make a leader word another's office, held under the leader: "the vice president", "the
# deputy prime minister".
DEPUTY_WORDS = frozenset({"vice", "deputy", "assistant", "associate"})
# Words that put a leader description in the past: "the former president", "the then leader".
PAST_WORDS = frozenset({"former", "late", "then", "ex", "previous", "past", "onetime", "erstwhile"})


class DescriptionRules:
    # The collector's state these rules read and extend (set by `actors._Collector.__init__`).
    doc: Any
    kb: Any
    on: Any
    context: Any
    ents: Any
    drafts: dict[str, Any]
    person_mentions: list[Any]
    government_countries: Any
    countries: Any
    outlet_country: str | None
    dateline: range
    draft: Any  # the collector's method: draft(key, kind, name, start) -> Draft

    def descriptions(self) -> None:
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.ent_type_ or tok.dep_ == "compound" or tok.i in self.dateline:
                continue
            lemma = tok.lemma_.lower()
            if lemma in LEADER_WORDS or lemma in STATE_NOUNS:
                self._definite_description(tok, lemma)
            elif lemma in SOURCE_WORDS:
                self._anonymous(tok)
            elif tok.lower_ == "media" and any(c.lower_ == "state" for c in tok.lefts):
                self._state_media(tok)

    def _state_media(self, tok: Token) -> None:
        """ "its state media", "North Korea's state media", "state media" after a country: that country's MED."""
        span = noun_phrase(tok)
        span = self.doc[span.start : tok.i + 1]
        aff = affiliation_of_phrase(span, self.kb, self.context, "description", self.ents)
        iso3, evidence = aff.country, next((e for e in aff.evidence if ":" in e), None)
        if iso3 is None:
            # "its"/"their" or no owner: the country named last before it in the sentence
            near = self.countries.nearest_before(tok.i)
            if near is None:
                return
            iso3, evidence = near.iso3, f"context:{near.text}"
        country = self.kb.countries[iso3]
        d = self.draft(
            f"org:{iso3}:statemedia", "organisation", display_name("state media", country), span.start_char
        )
        if not d.codes:
            d.codes = [country.cameo + "MED"]
            d.affiliation.country, d.affiliation.role = iso3, "MED"
            d.evidence.append(evidence or f"country:{country.name}")
        d.add(span.start_char, span.end_char, span.text, "description")

    def _definite_description(self, tok: Token, lemma: str) -> None:
        dets = [c for c in tok.children if c.dep_ == "det"]
        if not dets or dets[0].lower_ != "the" or any(c.dep_ == "appos" for c in tok.children):
            return
        if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].ent_type_ == "PERSON":
            return  # a title before a name ("the leader Kim"): handled with the name
        span = noun_phrase(tok)
        span = self.doc[span.start : tok.i + 1]
        aff = affiliation_of_phrase(span, self.kb, self.context, "description", self.ents)
        label = span.text[4:] if span.text.lower().startswith("the ") else span.text
        if lemma in STATE_NOUNS:
            if aff.country:
                self._state_description(span, aff.country, label)
                if lemma == "government":
                    self.government_countries.setdefault(aff.country, span.text)
            return
        if self._leads_something_else(tok):
            return  # "the leader of last week's filibuster": a leader of an act or a group, not of a state
        if any(t.lower_ in DEPUTY_WORDS for t in span):
            return  # "the vice president said": the leader's deputy, whom the text names elsewhere
        past = any(c.lower_ in PAST_WORDS for c in span)
        target = self._leader_for(aff.country, current=not past)
        if target is not None:
            target.add(span.start_char, span.end_char, span.text, "description")
            target.label(label)
            self.person_mentions.append(PersonMention(span.start, target.key))

    def _leads_something_else(self, tok: Token) -> bool:
        """Whether a leader word's "of" phrase names what is led and that is no country: "the leader of the
        protest", "the chairman of the committee" (whoever leads a state is read from the text or the
        knowledge base; one who leads anything else is not that state's leader)."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                ent = (
                    next((e for e in self.doc.ents if e.start <= obj.i < e.end), None)
                    if obj.ent_type_
                    else None
                )
                if ent is None or self.kb.lookup_country(ent.text, self.context) is None:
                    return True
        return False

    def _state_description(self, span: Span, iso3: str, label: str) -> None:
        country = self.kb.countries[iso3]
        d = self.draft(f"state:{iso3}", "state", country.name, span.start_char)
        if not d.codes:
            d.codes = [country.cameo]
            d.affiliation.country = iso3
        d.add(span.start_char, span.end_char, span.text, "description")
        d.label(label)

    def _leader_for(self, iso3: str | None, current: bool = False) -> Draft | None:
        """The person a leader description ("the North Korean leader", "the young dictator") refers to.
        A `current` one ("the president", not "the former president") is never someone the knowledge base
        knows in office only at other times than the article's date, whatever the text calls them ("President
        Trump" in a piece written before his inauguration)."""
        best: Draft | None = None
        for d in self.drafts.values():
            if d.kind != "person":
                continue
            # "Luis Osuna, the president of the lawyers association": one who leads a body, not a state, is
            # never "the president" of a later or earlier sentence
            own = [t for t in [d.affiliation.title or "", *d.labels] if not self._leads_body(t)]
            titles = " ".join(own).lower().split()
            office = d.person.office_on(self.on) if d.person else None
            leaderish = bool(LEADER_WORDS & set(titles)) or (
                office is not None
                and office.title.lower()
                in ("president", "prime minister", "supreme leader", "chancellor", "premier")
            )
            country = d.affiliation.country or (d.person.country if d.person else None)
            if not leaderish or (iso3 is not None and country != iso3):
                continue
            if current and self.on is not None and d.person and d.person.offices and office is None:
                continue
            if best is None or len(d.mentions) > len(best.mentions):
                best = d
        return best

    def _leads_body(self, title: str) -> bool:
        """Whether a title says what it leads and that is no country: "president of the lawyers association"
        (not "President of the United States", "Prime Minister of Israel")."""
        words = title.split(" of ", 1)
        if len(words) < 2:
            return False
        led = words[1].strip().removeprefix("the ").removeprefix("The ")
        return bool(led) and self.kb.lookup_country(led, self.context) is None

    def _anonymous(self, tok: Token) -> None:
        dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
        plural = tok.tag_ == "NNS"
        if dets and dets[0] not in ("a", "an", "one"):
            return
        if not dets and not plural:
            return
        if any(c.dep_ in ("poss", "appos") for c in tok.children):
            return
        if tok.dep_ == "appos" and tok.head.i not in self.dateline:
            return  # "OSLO — negotiators ...": the parser hangs the subject on the dateline as an apposition
        span = noun_phrase(tok)
        description = span.text
        aff = affiliation_of_phrase(span, self.kb, self.context, "description", self.ents)
        d = self.draft(
            f"anon:{description.lower()}",
            "anonymous" if not plural else "group",
            description,
            span.start_char,
        )
        d.anonymous, d.description = True, description
        d.affiliation.merge(aff)
        if plural and aff.role and not d.codes:
            # "South Korean and U.S. negotiators": one group actor carrying every country's code, the first
            # named being its `country` (splitting it would invent two speakers for one quote).
            isos = self._countries_in_group(span, tok)
            if len(isos) > 1:
                d.codes = [self.kb.countries[i].cameo + aff.role for i in isos]
                d.evidence.append("group:" + "+".join(isos))
        d.add(span.start_char, span.end_char, span.text, "description")
        if not plural:
            self.person_mentions.append(PersonMention(span.start, d.key))

    def _countries_in_group(self, span: Span, head: Token) -> list[str]:
        """Distinct countries a plural group is drawn from, in order; places ("in Hanoi") do not count."""
        isos: list[str] = []
        for ent in self.ents.within(span):
            if ent.label_ not in ("GPE", "NORP") or (ent.text.isupper() and len(ent.text) > 4):
                continue  # "STOCKHOLM (Meridian Wire) — ...": a dateline, not where the group is from
            root = ent.root
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
                continue
            match = self.kb.lookup_country(ent.text, self.context)
            if match is not None and match.country.iso3 not in isos:
                isos.append(match.country.iso3)
        return isos

    def _government_country(self) -> tuple[str, str] | None:
        """Whose is "the government" of an unnamed official: the one government the article names with its
        country, else a national outlet's own country. Two named governments: nobody's."""
        named = self.government_countries
        if len(named) > 1:
            return None
        if self.outlet_country and (not named or self.outlet_country in named):
            return self.outlet_country, "context:outlet country"
        if len(named) == 1:
            iso3, text = next(iter(named.items()))
            return iso3, f"context:{text}"
        return None
