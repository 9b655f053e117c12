"""Actors of one article: people, organisations, states and anonymous sources, with CAMEO codes and evidence.

`extract_actors(article, doc)` is a pure function of the article and its parse. It reads the entities the
runtime produced, groups their mentions ("Kim Jong-un", "Kim", "the North Korean leader", "he"; "Pyongyang"
and "the North" for North Korea), and codes every actor from, in this order: the knowledge base (a known
person's office on the publication date, a known organisation), the title before a name, the apposition
after it, and the description of an anonymous source. Each decision is written to `code_evidence`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from datetime import date

from spacy.tokens import Doc, Span

from crosswire.knowledge.kb import KnowledgeBase, Person, fold, strip_article_prefix
from crosswire.knowledge.sources import SourceRegistry
from crosswire.model import Actor, Article
from crosswire.nlp.actor_context import (
    CountryContext,
    bare_name,
    context_country,
    display_name,
    institution_role,
    is_institution,
    names_a_case,
    names_a_facility,
    outlet_country,
    qualifier_country,
)
from crosswire.nlp.actor_descriptions import DescriptionRules
from crosswire.nlp.actor_draft import Draft
from crosswire.nlp.actor_home import HOME_ROLES, home_body_country, home_country, home_office_country
from crosswire.nlp.actor_names import (
    acts,
    bare_compass,
    clean_name,
    is_title_before_name,
    mentions_government,
    misread_place,
    title_owner,
)
from crosswire.nlp.actor_roles import (
    COMMITTEE_WORDS,
    PARTY_STATE_TAG,
    PERSON_WORDS,
    ROLE_WORDS,
    US_STATE_ROLES,
    EntityIndex,
    affiliation_of_phrase,
    apposition_span,
    is_epithet_modifier,
    premodifier_span,
    us_state_evidence,
    us_state_not_country,
)
from crosswire.nlp.coref import (
    FEMALE_FIRST_NAMES,
    MALE_A_NAMES,
    PRONOUN_GENDER,
    PersonMention,
    Sentences,
    co_argument,
    first_name_gender,
    generation_marked,
    is_subject,
    resolve_pronouns,
    surname_owner,
)
from crosswire.nlp.dateline import credit_lines, dateline_tokens
from crosswire.nlp.furniture import in_furniture
from crosswire.nlp.runtime import doc_text

# Appositions that describe a place, not a person ("Washington, the capital, ...").
PLACE_APPOSITIONS = frozenset("capital city state country government administration town region".split())


def _described_as_someone(ent: Span) -> bool:
    """ "Washington, star of television's Scandal, ...", "Jordan, who scored 30 points": the name is
    described as a person where it stands."""
    doc = ent.doc
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) and doc[ent.end].text == "," else None
    if after is not None and after.lower_ == "who":
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() not in PLACE_APPOSITIONS for c in ent.root.children)


class _Collector(DescriptionRules):
    """Holds the per-article state of one extraction (never shared between articles)."""

    def __init__(
        self, article: Article, doc: Doc, kb: KnowledgeBase, sources: SourceRegistry | None = None
    ) -> None:
        self.article, self.doc, self.kb = article, doc, kb
        self.on: date | None = article.published.date() if article.published else None
        self.drafts: dict[str, Draft] = {}
        self.person_mentions: list[PersonMention] = []
        self.sentences = Sentences(doc)
        # "TOKYO (Reuters) — ...": where the story was filed, not an actor (nor part of one's name)
        self.dateline = dateline_tokens(doc)
        # "(Reporting by ...; Editing by ...)", "By ..., staff reporter": the newsroom's staff, not actors
        self.credits = credit_lines(doc_text(doc))
        self.ents = EntityIndex(doc)
        self.article_id = article.id  # a content hash of the whole text: computed once
        self.context = {
            m.country.iso3
            for e in doc.ents
            if e.label_ in ("GPE", "NORP")
            if (m := kb.lookup_country(e.text)) is not None
        }
        self.countries = CountryContext(doc, kb, self.context, self.sentences)
        self.outlet_country = outlet_country(article, sources)
        # institutions named with their country: folded bare name -> [(token, iso3)]
        self.institutions_named: dict[str, list[tuple[int, str]]] = {}
        # entity start token -> (iso3, actor name), for the titles of people
        self.institution_country: dict[int, tuple[str, str]] = {}
        self.bare_institutions: list[Span] = []
        self.title_orgs: list[tuple[str, int]] = []  # (person key, start token of an ORG in its title)
        self.government_countries: dict[str, str] = {}  # iso3 -> "the South Korean government"
        # surnames named after a head of state's office ("President Obama"), with the title words used
        self.titled: dict[str, set[str]] = {}
        self.surname_orgs: set[int] = set()  # ORG entities that are a person's surname ("Trump conferred")
        self.surname_places: set[int] = (
            set()
        )  # places that are a person's surname ("Washington, the actress")

    def _credited(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.credits)

    def draft(self, key: str, kind: str, name: str, start: int) -> Draft:
        d = self.drafts.get(key)
        if d is None:
            d = self.drafts[key] = Draft(key=key, kind=kind, name=name, first=start)
        return d

    # ------------------------------------------------------------------ people
    def people(self) -> None:
        ents = [
            e
            for e in self.doc.ents
            if e.label_ == "PERSON"
            and e.start not in self.dateline
            and not self._credited(e.start_char)
            and not names_a_facility(e)  # "the Punggye nuclear test site" tagged as a person
            and not names_a_case(e)  # "Roe v. Wade": a lawsuit, not its parties acting
        ]
        full_names: dict[str, list[tuple[str, int]]] = {}
        counts: dict[str, int] = {}
        singles: list[Span] = []
        name_words = {fold(w) for e in ents if len(e) > 1 for w in clean_name(e).split()}
        # a surname the NER calls an organisation ("Trump conferred with ..."): a person's, where two people
        # of the article, or one and the KB's head of state, bear it and no organisation is so named (then
        # the shared-surname rules below decide whose it is). A surname one person bears is left as it was.
        bearers_of: dict[str, set[str]] = {}
        for e in ents:
            words = clean_name(e).split()
            if len(words) > 1:
                known = self.kb.person(clean_name(e), self.on)  # "Donald J. Trump" is Donald Trump
                bearers_of.setdefault(fold(words[-1]), set()).add(
                    fold(known.name if known else clean_name(e))
                )
        surnames = {
            s
            for s, names in bearers_of.items()
            if len(names) > 1 or self.kb.head_of_state(s, self.on) is not None
        }
        for ent in self.doc.ents:
            name = clean_name(ent)
            if (
                ent.label_ == "ORG"
                and len(ent) == 1
                and name[:1].isupper()
                and not name.isupper()
                and ent.start not in self.dateline
                and self.kb.organisation(name) is None
                and fold(name) in surnames
            ):
                self.surname_orgs.add(ent.start)
                ents.append(ent)
        # a place's name that is the surname of someone the article named in full before it and described as
        # someone where it stands ("the actress Kerry Washington ... Washington, star of the show, thanked
        # him"): that person, not the place's state. Without the description the place keeps its reading:
        # "George Washington warned against entanglements. Washington criticized Pyongyang" is the US.
        named_before: dict[str, int] = {}
        for e in ents:
            words = clean_name(e).split()
            if len(words) > 1 and e.start < named_before.get(fold(words[-1]), len(self.doc)):
                named_before[fold(words[-1])] = e.start
        for ent in self.doc.ents:
            if (
                ent.label_ in ("GPE", "LOC")
                and len(ent) == 1
                and ent.start not in self.dateline
                and named_before.get(fold(ent.text), len(self.doc)) < ent.start
                and _described_as_someone(ent)
            ):
                self.surname_places.add(ent.start)
                ents.append(ent)
        ents.sort(key=lambda e: e.start)
        juniors: dict[str, str] = {}  # "trump jr." -> the key of "Donald Trump Jr."
        for ent in ents:
            name = clean_name(ent)
            if not name or misread_place(ent, name, name_words):
                continue
            base, suffix = name_suffix(self.doc, ent, name)
            if suffix:
                # "Donald Trump Jr." is not Donald Trump: his own person, whom "Trump Jr." means
                parts = base.split()
                junior = fold(f"{parts[-1]} {suffix}")
                key = juniors.get(junior) or f"person:{fold(f'{base} {suffix}')}"
                if len(parts) > 1:
                    juniors.setdefault(junior, key)
                    full_names.setdefault(fold(parts[-1]), []).append((key, ent.start))
                existing = self.drafts.get(key)
                self._person_mention(
                    ent, key, existing.name if existing else f"{base} {suffix}", None, "name"
                )
                counts[key] = counts.get(key, 0) + 1
                continue
            if len(name.split()) < 2:
                singles.append(ent)
                continue
            person = self.kb.person(name, self.on)
            key = f"person:{fold(person.name) if person else fold(without_initials(name))}"
            self._person_mention(ent, key, person.name if person else name, person, "name")
            counts[key] = counts.get(key, 0) + 1
            parts = name.split()
            surnames_of = {parts[0], parts[-1]} if len(parts) > 1 else {parts[0]}
            # "Bashar al-Assad ... Assad said": the family name without its Arabic article is his too
            for surname in surnames_of | {strip_article_prefix(parts[-1])}:
                full_names.setdefault(fold(surname), []).append((key, ent.start))
        genders = {key: g for key, g in self._full_name_genders(ents).items() if g}
        # heads of state the article names by office and surname ("President Obama"): then a bare "Obama"
        # is him unless something says otherwise, even where "Michelle Obama" is named too
        titled: dict[str, set[str]] = {}
        for ent in singles:
            if ent.start and self.doc[ent.start - 1].lower_ in HEAD_TITLE_WORDS:
                titled.setdefault(fold(clean_name(ent)), set()).add(self.doc[ent.start - 1].lower_)
        self.titled = titled
        for ent in singles:
            if generation_marked(self.doc, ent.start):
                continue  # "the younger Mr. Trump": a relative of the one named in full, not him
            name = clean_name(ent)
            # "Mr. Trump" is not Melania Trump: bearers of the other sex (as their titles, or a pronoun that
            # follows, show) are left out, and a man's honorific with no man of that surname named in full
            # goes to the KB's office holder.
            said = honorific_gender(self.doc, ent.start)
            if said is None and fold(name) in full_names:
                said = following_pronoun_gender(self.doc, ent, full_names) or leading_pronoun_gender(
                    self.doc, ent, full_names
                )
            bearers = full_names
            if said is not None and fold(name) in full_names:
                kept = [b for b in full_names[fold(name)] if self._gender_of(b[0], genders) in (None, said)]
                bearers = {**full_names, fold(name): kept}
            owner = self._head_of_state(ent, name, said, full_names, titled)
            if owner is None:
                owner = surname_owner(fold(name), ent.start, bearers, counts, self.sentences.of)
            elif not owner:
                owner = None
                bearers = {**full_names, fold(name): [("", 0)]}  # unresolved: no KB guess either
            person = None
            if owner is None and not bearers.get(fold(name)):
                # no one in the article bears the name: a surname the KB gives to one person in office
                person = self.kb.person(name, self.on)
                if person is not None and said not in (None, first_name_gender(person.name) or said):
                    person = None  # "Mrs. Trump" is not the president
                owner = f"person:{fold(person.name)}" if person else None
            elif owner is not None and owner not in self.drafts:
                person = self.kb.person(owner.split(":", 1)[1])
            key = owner or f"person:{fold(name)}"
            existing = self.drafts.get(key)
            name = existing.name if existing else (person.name if person else name)
            self._person_mention(ent, key, name, person, "name")
            if owner:
                counts[owner] = counts.get(owner, 0) + 1  # how often the article names each bearer
        self._untagged_surnames(full_names, counts)

    def _head_of_state(
        self,
        ent: Span,
        name: str,
        said: str | None,
        full_names: dict[str, list[tuple[str, int]]],
        titled: dict[str, set[str]],
    ) -> str | None:
        """The head of state a bare surname means ("" when it is left unresolved): the KB's one head of state or government with that
        surname, when the article names him (in full, or by office: "President Obama") or this very
        mention carries his office, and nothing (an honorific, a pronoun) says it is someone else. A
        relative named in full later or earlier ("Michelle Obama") is no evidence against him."""
        famous = self.kb.head_of_state(name, self.on)
        if famous is None:
            return None
        key = f"person:{fold(famous.name)}"
        if said is not None and first_name_gender(famous.name) not in (None, said):
            return None
        bearers = {k for k, _ in full_names.get(fold(name), [])}
        others = {k for k in bearers - {key} if said is None or self._gender_of(k, {}) in (None, said)}
        # a title names him only when it is his office: "President Kim" (of the World Bank) is not the
        # Supreme Leader Kim Jong-un; "Leader Kim" or "President Obama" are their holders
        offices = {w for o in famous.offices for w in o.title.lower().replace("-", " ").split()}
        title = self.doc[ent.start - 1].lower_ if ent.start else ""
        if title in HEAD_TITLE_WORDS and title.split("-")[0] not in offices and key not in bearers:
            return None  # this mention's title is another office: the KB holder is not meant
        named = key in bearers or any(w.split("-")[0] in offices for w in titled.get(fold(name), set()))
        if not others:
            return key if named or said is not None else None
        if not named:
            # "Melania Trump and Ivanka Trump ... Trump praised": neither the relatives named nor the
            # head of state the article never names is certain
            return "" if said is None else None
        sentences = Sentences(self.doc)
        here = sentences.of(ent.start)
        recent = {
            k
            for k, pos in full_names.get(fold(name), [])
            if pos < ent.start and here - sentences.of(pos) <= 1
        }
        famous_sex = first_name_gender(famous.name)
        alike = {k for k in recent & others if self._gender_of(k, {}) in (None, famous_sex)}
        if alike and key not in recent:
            # "Eric Trump said ... Trump added": a relative of his sex just named may be meant: unresolved.
            # One of the other sex just named is no evidence ("Michelle Obama ... Obama" stays Barack).
            return ""
        return key

    def _gender_of(self, key: str, genders: dict[str, str]) -> str | None:
        """What the article's titles say of a person's sex, else a first name that is a woman's in most
        of the world's news ("Melania", "Ivanka", "Nancy"), else None (unknown: kept as a candidate)."""
        if key in genders:
            return genders[key]
        draft = self.drafts.get(key)
        first = (draft.name.split()[0] if draft and draft.name.split() else "").lower()
        female = first in FEMALE_FIRST_NAMES or (
            len(first) > 3 and first.endswith("a") and first not in MALE_A_NAMES
        )
        return "f" if female else first_name_gender(draft.name) if draft else None

    def _full_name_genders(self, ents: list[Span]) -> dict[str, str | None]:
        """Actor key -> "m"/"f" where a full-name mention carries a gendered title ("first lady Melania
        Trump", "Mrs. Clinton" is not a full name), else None."""
        out: dict[str, str | None] = {}
        for ent in ents:
            name = clean_name(ent)
            if not name or len(name.split()) < 2:
                continue
            person = self.kb.person(name, self.on)
            key = f"person:{fold(person.name) if person else fold(without_initials(name))}"
            said = honorific_gender(self.doc, ent.start)
            if said is not None:
                out[key] = said if out.get(key, said) == said else None
        return out

    def _untagged_surnames(
        self, full_names: dict[str, list[tuple[str, int]]], counts: dict[str, int]
    ) -> None:
        """A surname the NER left untagged ("Ri said ..."): joined to the one full name with that surname
        named before it. One dictionary lookup per proper-noun token."""
        doc = self.doc
        for tok in doc:
            if tok.tag_ != "NNP" or tok.ent_type_ or not tok.text[:1].isupper() or tok.i in self.dateline:
                continue
            if self._credited(tok.idx):
                continue
            bearers = full_names.get(fold(tok.text))
            if not bearers or generation_marked(doc, tok.i):
                continue
            if (tok.i and doc[tok.i - 1].tag_ == "NNP") or (
                tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "NNP"
            ):
                continue  # part of a longer name the NER did not tag
            span = doc[tok.i : tok.i + 1]
            said = (
                honorific_gender(doc, tok.i)
                or following_pronoun_gender(doc, span, full_names)
                or leading_pronoun_gender(doc, span, full_names)
            )
            key = self._head_of_state(span, tok.text, said, full_names, self.titled)
            if key is None:
                kept = [
                    b
                    for b in bearers
                    if b[1] < tok.i and (said is None or self._gender_of(b[0], {}) in (None, said))
                ]
                key = surname_owner(fold(tok.text), tok.i, {fold(tok.text): kept}, counts, self.sentences.of)
            if not key:
                continue
            if key not in self.drafts:
                person = self.kb.person(key.split(":", 1)[1])
                self.draft(key, "person", person.name if person else tok.text, tok.idx).person = person
            if key is not None:
                self.drafts[key].add(tok.idx, tok.idx + len(tok), tok.text, "name")
                self.person_mentions.append(PersonMention(tok.i, key))

    def _person_mention(self, ent: Span, key: str, name: str, person: Person | None, kind: str) -> None:
        d = self.draft(key, "person", name, ent.start_char)
        if person is not None:
            d.person = person
        d.add(ent.start_char, ent.end_char, ent.text, kind)
        self.person_mentions.append(PersonMention(ent.start, key))
        pre = premodifier_span(self.doc, ent)
        if pre is not None and any(t.pos_ in ("NOUN", "PROPN") for t in pre):
            aff = affiliation_of_phrase(pre, self.kb, self.context, "title", self.ents)
            owner = title_owner(pre, self.kb, self.context) if aff.country is None and aff.role else None
            if owner is not None:  # "Australia's Trade Minister Claire Donnelly"
                aff.country, aff.cameo_country = owner.country.iso3, owner.country.cameo
                aff.evidence.append(f"title owner:{owner.text}")
            d.affiliation.merge(aff)
            self._note_title_orgs(key, pre)
            d.label(pre.text if len(ent) > 1 else f"{pre.text} {ent.text}")
        appos = apposition_span(ent)
        if appos is not None:
            d.affiliation.merge(affiliation_of_phrase(appos, self.kb, self.context, "apposition", self.ents))
            self._note_title_orgs(key, appos)
            d.label(d.affiliation.title or appos.text)
        aff = d.affiliation
        if (
            aff.role is None
            and aff.org is None
            and not aff.former
            and (aff.title is None or set(aff.title.lower().split()) & COMMITTEE_WORDS)
            and PARTY_STATE_TAG.match(self.doc.text, ent.end_char)
        ):
            # "Jason Roe (R-Utah)", "Oversight Committee Chairman Jane Roe (D-Ore.)": the party-state tag of
            # the US press marks a member of a legislature
            aff.role = "LEG"
            aff.evidence.append("US party-state tag -> LEG")
        if aff.country is None and aff.role in US_STATE_ROLES:
            found = us_state_evidence(ent, pre, self.kb, appos)
            if found is not None:  # "Representative Peter T. King of New York": a US office holder
                aff.country, aff.cameo_country = "USA", self.kb.countries["USA"].cameo
                aff.evidence.append(found)

    def _note_title_orgs(self, key: str, span: Span) -> None:
        for ent in self.ents.within(span):
            if ent.label_ == "ORG":
                self.title_orgs.append((key, ent.start))

    # ------------------------------------------------------------------ organisations and states
    def organisations_and_states(self) -> None:
        for ent in self.doc.ents:
            if ent.start in self.dateline:
                continue
            if ent.label_ == "ORG" and ent.start not in self.surname_orgs:
                self._organisation(ent)
            elif (
                ent.label_ in ("GPE", "LOC")
                and ent.start not in self.surname_places
                and not us_state_not_country(ent, self.kb)
            ):
                self._state(ent, ent.text)
        self._bare_institutions()
        # "the North", "the North's": bare compass words the NER often leaves out or calls LOC.
        for tok in self.doc:
            if tok.text in ("North", "South") and not tok.ent_type_ and bare_compass(tok):
                start = tok.i - 1 if tok.i and tok.nbor(-1).lower_ == "the" else tok.i
                self._state(self.doc[start : tok.i + 1], "the " + tok.text)

    def _organisation(self, ent: Span) -> None:
        if any(t.text == "/" for t in ent):
            return  # "Commentary / World": a page section, not an organisation
        if len(ent) == 1 and ent[0].pos_ == "VERB":
            return  # "Fed up with the delays, ...": a verb the NER took for a body's short name
        if is_title_before_name(ent):
            return  # "Trade Minister Claire Donnelly", "Special Representative Daniel Hartwell": a title
        if is_epithet_modifier(ent):
            return  # "the NFL legend said": the legend speaks, not the league
        if names_a_case(ent):
            return  # "Walmart Stores v. Dukes, which denied class-action status": a lawsuit, not a body
        org = self.kb.organisation(ent.text)
        if org is None and names_a_facility(ent):
            return  # "the Sohae Satellite Launching Station", "the Yongbyon Nuclear Complex": a place
        qualifier = qualifier_country(ent, self.kb, self.context) if is_institution(ent) else None
        if org is not None and qualifier is not None and org.country and org.country != qualifier[0].iso3:
            org = None  # "Russia's Defense Department" is not the Pentagon
        if org is None and is_institution(ent):
            if qualifier is None:
                self.bare_institutions.append(ent)  # its country comes from the context, once all are read
            else:
                country, evidence = qualifier
                bare = bare_name(ent, evidence)
                self._institution(ent, country.iso3, bare, evidence)
                self.institutions_named.setdefault(fold(bare), []).append((ent.start, country.iso3))
            return
        if org is None:
            match = self.kb.lookup_country(ent.text, self.context)
            if match is not None:
                self._state(ent, ent.text)
                return
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            d = self.draft(f"org:{fold(name)}", "organisation", name, ent.start_char)
            d.affiliation.merge(affiliation_of_phrase(ent, self.kb, self.context, "name", self.ents))
        else:
            d = self.draft(f"org:{fold(org.name)}", "organisation", org.name, ent.start_char)
            if not d.codes:
                d.codes = [org.code]
                d.evidence.append(f"kb:organisation {org.name}")
                d.affiliation.country = org.country
                d.affiliation.role = org.role
        d.add(ent.start_char, ent.end_char, ent.text, "name")

    def _institution(self, ent: Span, iso3: str | None, bare: str, evidence: str) -> None:
        """A ministry or department: one actor per country, so two countries' ministries never merge."""
        role = institution_role(ent)
        country = self.kb.countries[iso3] if iso3 else None
        key = f"org:{iso3}:{fold(bare)}" if iso3 else f"org:{fold(bare)}"
        name = display_name(bare, country) if country else bare
        d = self.draft(key, "organisation", name, ent.start_char)
        if not d.codes:
            d.codes = [country.cameo + role] if country else [role]
            d.affiliation.country, d.affiliation.role = iso3, role
            d.evidence.append(evidence)
        d.add(ent.start_char, ent.end_char, ent.text, "name")
        if iso3:
            self.institution_country[ent.start] = (iso3, name)

    def _bare_institutions(self) -> None:
        """ "The Foreign Ministry" without a country: the country of the same ministry named earlier, or the
        one country the sentences around name; otherwise it keeps no country."""
        for ent in self.bare_institutions:
            bare = bare_name(ent, None)
            explicit = [iso3 for tok, iso3 in self.institutions_named.get(fold(bare), []) if tok < ent.start]
            found = context_country(ent.start, explicit, self.countries)
            if found is None:
                self._institution(ent, None, bare, f"name:{ent.root.text}")
            else:
                self._institution(ent, found[0], bare, found[1])

    def _state(self, span: Span, text: str) -> None:
        match = self.kb.lookup_country(text, self.context)
        if match is None or not acts(span, match.via):
            return
        country = match.country
        d = self.draft(f"state:{country.iso3}", "state", country.name, span.start_char)
        if not d.codes:
            d.codes = [country.cameo]
            d.affiliation.country = country.iso3
        kind = "metonym" if match.via in ("capital", "context") else "name"
        ev = {"capital": f"metonym:{text}", "context": f"context:{text}"}.get(match.via, f"country:{text}")
        if ev not in d.evidence:
            d.evidence.append(ev)
        d.add(span.start_char, span.end_char, span.text, kind)

    # ------------------------------------------------------------------ pronouns and results
    def pronouns(self) -> None:
        names = {key: d.name for key, d in self.drafts.items() if d.kind == "person"}
        for tok, key in resolve_pronouns(
            self.doc, self.person_mentions, self.sentences, self._unfit_description, names
        ):
            self.drafts[key].add(tok.idx, tok.idx + len(tok), tok.text, "pronoun")

    def _unfit_description(self, i: int, key: str) -> bool:
        """Whether token `i` heads a definite description of a person ("the businessman", "the senator")
        that is no actor's mention and whose role word is not the role of the person `key` (so it describes
        someone else: a pronoun after it in its sentence is not theirs)."""
        tok = self.doc[i]
        if tok.pos_ != "NOUN" or tok.ent_type_ or tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        lemma = tok.lemma_.lower()
        if lemma not in PERSON_WORDS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        if any(m.start <= tok.idx < m.end for d in self.drafts.values() for m in d.mentions):
            return False
        role = ROLE_WORDS.get(lemma)
        d = self.drafts.get(key)
        if d is None or role is None:
            return role is not None
        held = {d.affiliation.role}
        if d.person is not None:
            code, _ = d.person.code_on(self.on)
            held.add(code[3:6] if code and len(code) >= 6 else code)
        return role not in held

    def actors(self) -> list[Actor]:
        for key, start in self.title_orgs:
            # "Seoul's Foreign Ministry spokesperson Park": the person takes the ministry's country
            d = self.drafts[key]
            found = self.institution_country.get(start)
            if found and d.affiliation.country is None and d.person is None:
                iso3, org_name = found
                d.affiliation.country = iso3
                d.affiliation.cameo_country = self.kb.countries[iso3].cameo
                d.affiliation.evidence.append(f"title org:{org_name}")
        for d in self.drafts.values():
            aff = d.affiliation
            if (
                d.anonymous
                and aff.country is None
                and aff.role == "GOV"
                and mentions_government(d.description)
            ):
                found = self._country_of_place(d.first) or self._government_country()
                if found is not None:
                    aff.country, aff.cameo_country = found[0], self.kb.countries[found[0]].cameo
                    aff.evidence.append(found[1])
        home = home_country(self._mentions_by_country(), self.outlet_country)
        for d in self.drafts.values():
            self._home_office(d, home)
        out = []
        for d in sorted(self.drafts.values(), key=lambda d: d.first):
            out.append(self._finish(d))
        return out

    def _mentions_by_country(self) -> Counter[str]:
        """ISO3 -> the mentions of the article's actors coded with that country (the home country's vote)."""
        counts: Counter[str] = Counter()
        for d in self.drafts.values():
            country = d.affiliation.country
            if d.person is not None and d.person.code_on(self.on)[0]:
                country = d.person.country or country
            if country is None and d.codes:
                found = self.kb.country_by_code(d.codes[0][:3])
                country = found.iso3 if found is not None else None
            if country is not None:
                counts[country] += len(d.mentions)
        return counts

    def _home_office(self, d: Draft, home: str | None) -> None:
        """ "Sen. Jane Roe", "Gov. John Doe", "lawmakers" coded by role only: the country their title or the
        article's home country gives them (`actor_home`)."""
        aff = d.affiliation
        if d.kind == "organisation":
            if aff.country is not None or aff.org is not None or aff.role not in HOME_ROLES:
                return
            found = home_body_country(d.name, home) if d.codes in ([], [aff.role]) else None
            if found is not None:  # "the Supreme Court" of a US story
                aff.country, aff.cameo_country = found[0], self.kb.countries[found[0]].cameo
                d.codes = [aff.cameo_country + aff.role] if d.codes else []
                aff.evidence.append(found[1])
            return
        if d.kind not in ("person", "group", "anonymous") or d.codes or aff.org is not None:
            return
        if aff.country is not None or aff.role not in HOME_ROLES:
            return
        if d.person is not None and d.person.code_on(self.on)[0]:
            return
        title = " ".join(filter(None, (aff.title, *d.labels, d.description)))
        found = home_office_country(title, home, self.kb)
        if found is not None:
            aff.country, aff.cameo_country = found[0], self.kb.countries[found[0]].cameo
            aff.evidence.append(found[1])

    def _country_of_place(self, char: int) -> tuple[str, str] | None:
        """The one country an "in" phrase of the sentence at `char` names ("In France, officials of the
        socialist government ..."): where an unnamed government is, before the article's own country."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return None
        found = set()
        for tok in span.sent:
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.ent_type_ == "GPE":
                ent = next((e for e in span.sent.ents if e.start <= tok.i < e.end), None)
                match = self.kb.lookup_country(ent.text) if ent is not None else None
                if match is not None and match.via in ("name", "alias"):
                    found.add((match.country.iso3, f"place:in {ent.text}" if ent is not None else ""))
        return found.pop() if len(found) == 1 else None

    def _defected(self, d: Draft) -> bool:
        """Whether a name of `d` is said to have defected in a relative clause on it or on its apposition
        ("Ri, a former diplomat who defected to South Korea", "Ri, who defected in 2016,")."""
        for m in d.mentions:
            if m.kind != "name":
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            heads = {root.i} | {c.i for c in root.children if c.dep_ == "appos"}
            if any(
                t.lemma_.lower() == "defect" and t.dep_ == "relcl" and t.head.i in heads for t in root.sent
            ):
                return True
        return False

    def _finish(self, d: Draft) -> Actor:
        aff = d.affiliation
        codes, evidence, former = list(d.codes), list(d.evidence), aff.former
        country, role = aff.country, aff.role
        if d.person is not None and self.on is None and len(d.person.offices) > 1 and aff.code:
            # Undated article, several offices: the article's own title or apposition says which one applies.
            codes = [aff.code]
            evidence.append(f"kb:person {d.person.name} (undated article: its own description decides)")
            country = country or d.person.country
        elif d.person is not None:
            code, out_of_office = d.person.code_on(self.on)
            office = d.person.office_on(self.on)
            if code and aff.former and office is not None and _same_office(aff.title, office.title):
                # "former California Gov. Jerry Brown" in a 2016 story of a 1992 debate: the article calls
                # former the very office the KB has him hold on its date - the sentence tells of another time
                code, out_of_office = f"{d.person.country}ELI", True
                evidence.append(f"title: former {office.title} -> ELI")
            if code:
                codes = [code]
                evidence.append(
                    f"kb:person {d.person.name}" + (f" ({office.title})" if office and office.title else "")
                )
                former = former or out_of_office
                country = country or d.person.country
                role = (
                    code[3:6]
                    if len(code) >= 6 and d.person.country and code.startswith(d.person.country)
                    else role
                )
        if not codes and aff.code:
            codes = [aff.code]
            if former and d.kind == "person" and role in OFFICE_ROLES:
                # "Former New York Mayor Michael Bloomberg": a named person out of office speaks as one of the
                # elites (CAMEO ELI, as the knowledge base codes a president after his term), not for the
                # government he once served
                role = "ELI"
                codes = [(aff.cameo_country or "") + "ELI"]
                evidence.append("title: former office holder -> ELI")
        evidence += [e for e in aff.evidence if e not in evidence]
        described = " ".join(filter(None, (aff.title, d.description, *d.labels)))
        if d.kind in ("person", "group") and codes and (_DEFECTOR.search(described) or self._defected(d)):
            # "Thae Yong Ho, a prominent defector", "North Korean defectors": one who fled a state acts for it
            # no longer; only a role he is said to hold now elsewhere ("now a South Korean lawmaker") codes him
            kept = [c for c in codes if country is not None and len(c) >= 3 and c[:3] != country]
            if kept != codes:
                evidence.append("defector: no code of the state he left")
                codes = kept
                country = kept[0][:3] if kept else None
                role = kept[0][3:6] or None if kept else None
        mentions = sorted(d.mentions, key=lambda m: m.start)
        return Actor(
            article_id=self.article_id,
            name=d.name,
            kind=d.kind,
            codes=codes,
            mentions=mentions,
            country=country,
            role=role,
            title=aff.title,
            anonymous=d.anonymous,
            description=d.description,
            former=former,
            code_evidence=evidence,
            labels=list(d.labels),
        )


# One who fled his state: "defector(s)", "defected", "defecting".
_DEFECTOR = re.compile(r"\bdefect(?:or|ors|ed|ing)\b", re.IGNORECASE)

# Roles held by office: their holders, once out of office, are coded as elites.
OFFICE_ROLES = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY"})

# The words a title and an office of the knowledge base name one office by ("Gov." and "Governor of Texas").
_OFFICE_WORD_GROUPS = (
    frozenset({"gov", "governor"}),
    frozenset({"sen", "senator"}),
    frozenset({"rep", "representative", "congressman", "congresswoman"}),
    frozenset({"president"}),
    frozenset({"speaker"}),
    frozenset({"secretary"}),
)


def _same_office(title: str | None, office_title: str) -> bool:
    """Whether an article's title for a person ("former California Gov.") names the office the knowledge
    base has him hold ("Governor of California"): one word group in both."""
    if not title:
        return False
    words = {w.strip(".,").lower() for w in title.split()}
    held = {w.strip(".,").lower() for w in office_title.split()}
    return any(group & words and group & held for group in _OFFICE_WORD_GROUPS)


def extract_actors(
    article: Article, doc: Doc, kb: KnowledgeBase | None = None, sources: SourceRegistry | None = None
) -> list[Actor]:
    """The actors of `article` (parsed as `doc` from `article.text`), in order of first mention. `sources`:
    the registry that gives a national outlet's country (the built-in one when None)."""
    if doc_text(doc) != article.text:
        raise ValueError(
            f"article {article.id}: the Doc was not parsed from article.text (offsets would be wrong)"
        )
    c = _Collector(article, doc, kb or KnowledgeBase.builtin(), sources)
    c.people()
    c.organisations_and_states()
    c.descriptions()
    c.pronouns()
    # a credit, caption or embedded tweet names no actor of the story ("Getty Images", a photographer)
    return [
        a
        for a in c.actors()
        if not a.mentions or not all(in_furniture(doc, m.start, m.end) for m in a.mentions)
    ]


def without_initials(name: str) -> str:
    """A full name without its one middle initial: "Paul D. Ryan" and "Paul Ryan" are one person's names.
    Two initials ("George H. W. Bush") tell a relative apart, and a leading one ("J. Edgar Hoover") is how
    the person is called: both are kept."""
    words = name.split()
    if len(words) == 3 and re.fullmatch(r"[A-Z]\.", words[1]):
        return f"{words[0]} {words[2]}"
    return name


HONORIFICS = {
    **dict.fromkeys("mr mr. sir lord king prince husband son brother father uncle".split(), "m"),
    **dict.fromkeys(
        "mrs mrs. ms ms. miss madam madame lady queen princess wife daughter sister mother aunt".split(), "f"
    ),
}


# Offices that, before a bare surname, name a head of state or government ("President Obama")
HEAD_TITLE_WORDS = frozenset(
    {"president", "president-elect", "chancellor", "premier", "minister", "king", "queen", "leader"}
)


def _alone(doc: Doc, ent: Span, surnames: Collection[str] = ()) -> bool:
    """Whether the name is the only person its sentence names (a pronoun there can only be theirs or
    someone's from an earlier sentence). `surnames`: folded names of the article's people, which count
    whatever label the parser gave them ("mocked by Trump" with "Trump" read as an organisation)."""
    return not any(
        (t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and fold(t.text) in surnames))
        and not (ent.start <= t.i < ent.end)
        and t.text != ent[-1].text
        for t in ent.sent
    )


def following_pronoun_gender(doc: Doc, ent: Span, surnames: Collection[str] = ()) -> str | None:
    """ "m" or "f" from the first personal pronoun after a name in its sentence, when the name is its
    clause's subject and the sentence names no other person ("Obama said he was encouraged"; not
    "Broaddrick said Clinton called her", "a Clinton aide said he", "Clinton praised him")."""
    if not _alone(doc, ent, surnames) or not is_subject(ent[0]):
        return None
    for tok in doc[ent.end : ent.sent.end]:
        said = PRONOUN_GENDER.get(tok.lower_)
        if said is not None and tok.pos_ == "PRON":
            return None if co_argument(tok, ent.root) else said
    return None


_SUFFIXES = {"jr": "Jr.", "jr.": "Jr.", "sr": "Sr.", "sr.": "Sr.", "ii": "II", "iii": "III", "iv": "IV"}


def name_suffix(doc: Doc, ent: Span, name: str) -> tuple[str, str | None]:
    """(name without suffix, "Jr."/"Sr."/"III" or None): the suffix inside the name ("Trump Jr.") or just
    after it ("Donald Trump Jr.", "Martin Luther King, Jr.")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower().rstrip(",") in _SUFFIXES:
        return " ".join(words[:-1]).rstrip(","), _SUFFIXES[words[-1].lower().rstrip(",")]
    nxt = ent.end
    if nxt < len(doc) and doc[nxt].text == "," and nxt + 1 < len(doc):
        nxt += 1
    if nxt < len(doc) and doc[nxt].lower_ in _SUFFIXES and doc[nxt].text[:1].isupper():
        return name, _SUFFIXES[doc[nxt].lower_]
    return name, None


def leading_pronoun_gender(doc: Doc, ent: Span, surnames: Collection[str] = ()) -> str | None:
    """ "m" or "f" from a personal pronoun before a name in its sentence that no earlier person in the
    sentence can own, in a sentence that names no one else ("After his speech, Obama left": his is
    Obama's). A pronoun whose phrase holds the name is never the name's ("He endorsed Clinton", "his
    attack on Clinton", "kept him competitive with Clinton")."""
    if not _alone(doc, ent, surnames):
        return None
    for tok in doc[ent.sent.start : ent.start]:
        said = PRONOUN_GENDER.get(tok.lower_)
        if said is not None and tok.pos_ == "PRON":
            if any(t.i == ent.root.i for t in tok.head.subtree):
                return None
            return said
    return None


def honorific_gender(doc: Doc, start: int) -> str | None:
    """ "m" or "f" when the words just before a name say so ("Mr. Trump", "first lady Melania Trump")."""
    for back in (1, 2):
        if start - back < 0:
            break
        word = doc[start - back].lower_
        if word in HONORIFICS:
            return HONORIFICS[word]
        if doc[start - back].pos_ not in ("PROPN", "NOUN", "ADJ", "PUNCT"):
            break
    return None
