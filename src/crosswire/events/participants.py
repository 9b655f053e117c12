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

from crosswire.events import clauses
from crosswire.knowledge.actor_codes import ROLE_CODES, derived_actor_codes
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.model import Actor, EventActor
from crosswire.nlp.actor_context import names_a_team
from crosswire.nlp.actor_roles import ROLE_WORDS, us_state_not_country
from crosswire.nlp.coref import generation_marked
from crosswire.nlp.furniture import furniture_tokens

RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# Groups an event may be done by, beyond the actor layer's titles: "protesters", "students", "Kurds".
GROUP_ROLES: dict[str, str] = {
    **ROLE_WORDS,
    **dict.fromkeys(
        "protester protesters demonstrator demonstrators marcher marchers rioter rioters crowd crowds "
        "supporters supporter student students worker workers youth youths people villagers mob".split(),
        "CVL",
    ),
    **dict.fromkeys("guerrilla guerrillas separatist separatists fighters fighter".split(), "REB"),
    **dict.fromkeys("party parties".split(), "PTY"),
    **dict.fromkeys("settler settlers".split(), "CVL"),
    **dict.fromkeys("gunmen gunman bomber bombers attacker attackers".split(), "UAF"),
    **dict.fromkeys("authorities authority".split(), "GOV"),
}
# Head nouns that say only that a body is organised ("forces", "units"): a role noun before them decides.
GENERIC_FORCE_NOUNS = frozenset({"force", "forces", "unit", "units"})
# Words that count or collect the group they govern: "thousands of Kurds", "members of the party".
QUANTITY_NOUNS = frozenset(
    "thousands hundreds dozens scores millions tens some many members member group groups band crowd "
    "contingent delegation unit units number deployment detachment".split()
)
# Role nouns through which a person's possessive still names that person's own voice or body ("Trump's
# administration", "Christie's office", "Obama's spokesman"); any other person-role ("Christie's aides",
# "Mr. Christie's lieutenant governor", "Trump's lawyers") names someone else, whose act is not the owner's.
# A candidate's campaign and its staff ("Trump's campaign said", "said Rubio's deputy campaign manager")
# are a body of their own, not the candidate speaking.
SPEAKS_FOR_NOUNS = frozenset(
    "administration government office cabinet spokesman spokeswoman spokesperson".split()
)
ASSOCIATE_NOUNS = frozenset(
    "aide adviser advisor lawyer attorney associate ally assistant staffer deputy lieutenant confidant "
    "donor employee appointee nominee colleague colleagues son daughter speechwriter predecessor successor "
    "campaign manager".split()
)
# Nouns for an affair or a mood, whose modifiers name its topic, not a doer: "the DNC email leak scandal",
# "the Iraq crisis", "the Clinton controversy".
AFFAIR_NOUNS = frozenset(
    "scandal scandals leak leaks crisis controversy controversies affair row furor furore uproar outcry "
    "backlash fallout saga revelation revelations debacle fiasco turmoil".split()
)
# Nouns for people who are not the one they are named after: "Braley's opponents", "Pinto's congregation".
OPPOSING_NOUNS = frozenset(
    "opponent critic rival enemy foe detractor challenger adversary victim accuser congregation family "
    "relative wife husband son daughter supporter follower fan voter constituent reader viewer parent "
    "mother father brother sister cousin child widow friend".split()
)
KIN_NOUNS = frozenset(
    "son daughter wife husband widow widower brother sister father mother nephew niece cousin".split()
)
# People described by a body they stand near or work for privately: not that body's voice.
OUTSIDE_NOUNS = frozenset(
    "insider insiders prosecutor prosecutors strategist strategists analyst analysts "
    "expert experts observer observers consultant consultants lobbyist lobbyists veteran veterans "
    # a network's or paper's people: "the Fox News host complained" is the host, not the network
    "host hosts anchor anchors columnist columnists commentator commentators correspondent correspondents "
    "reporter reporters editor editors pundit pundits contributor contributors presenter presenters "
    "broadcaster broadcasters journalist journalists newscaster newscasters moderator moderators "
    "interviewer interviewers "
    # a body's star or organiser is a person of note near it: "the NFL legend", "a Tea Party organizer"
    "legend legends star stars icon icons organizer organizers organiser organisers operative operatives "
    "pollster pollsters fundraiser fundraisers".split()
)
# People who sing, play, race or labour for a body or a work: not its voice ("the Poker Face singer",
# "Red Bull's pit crew").
PERFORMER_NOUNS = frozenset(
    "singer singers rapper rappers musician musicians crew crews driver drivers player players "
    "actor actors actress actresses dancer dancers mechanic mechanics".split()
)
FORMER_MODIFIERS = frozenset({"former", "ex", "retired", "erstwhile", "onetime", "one-time"})
COUNTRY_PREPS = frozenset({"in", "of", "from", "throughout", "across"})
CODED_ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Modifiers that make a noun phrase stand for whoever they name: "the U.S. Treasury department",
# "Seoul's offer", "North Korean officials".
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
# Heads of a CAMEO code that give an actor no country of its own: roles ("GOV" for an unnamed government)
# and the inter- and non-governmental organisations. An armed group (IMG) stands as its own side, as a
# country does; a company (MNC) does too, except as the country of a name (`_country_of_name`).
NO_SIDE = ROLE_CODES | {"IGO", "NGO"}


# Words that name a non-governmental body when the knowledge base does not know the organisation.
NGO_WORDS = frozenset("association forum foundation society coalition watch federation".split())
# Head words of a state body's name: the Phoenix-derived names list some only by country ("environmental
# protection agency" -> USA), but an agency acts as its government, not as the whole state.
GOVERNMENT_BODY_WORDS = frozenset(
    "agency department ministry commission bureau administration office".split()
)
# Roles of groups outside or against a state: "Afghanistan's insurgents" are not Afghanistan.
OUTSIDE_STATE_ROLES = frozenset({"REB", "INS", "UAF", "OPP", "CVL", "REF"})
# Nouns for people who follow someone: a group of that person's country, not the person.
FOLLOWER_NOUNS = frozenset("supporter follower loyalist backer partisan".split())


def country_of(actor: EventActor) -> str | None:
    """The three-letter country part of a CAMEO actor code ("PRKGOV" -> "PRK"); None for bare roles."""
    code = actor.code or ""
    return code[:3] if len(code) >= 3 and code[:3].isalpha() and code[:3] not in NO_SIDE else None


def same_actor(a: EventActor, b: EventActor) -> bool:
    if a.actor_id and b.actor_id:
        return a.actor_id == b.actor_id
    return (a.code, (a.name or "").lower()) == (b.code, (b.name or "").lower())


# Bodies that carry a name of their own ("Mexico's Televisa network", "Britain's Barclays bank"): a country
# before the name says where they are, not who acts.
NAMED_BODY_NOUNS = frozenset(
    "network channel broadcaster newspaper paper station company firm bank chain airline".split()
)


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
                if actor.kind == "person" and span is not None and _many_people(span):
                    continue  # "the Republican leaders", "the Jewish leaders' meeting": not one person
                for tok in span or ():
                    self.by_token.setdefault(tok.i, actor)
                if m.kind == "name":
                    self.by_word.setdefault(m.text.lower(), actor)
            self.by_word.setdefault(actor.name.lower(), actor)
        # a person's surname alone, where one person of the article bears it ("Obama" is neither Barack
        # nor Michelle Obama when both are named: the actor layer decides each mention)
        surnames: dict[str, list[Actor]] = {}
        for actor in actors:
            if actor.kind == "person" and actor.name.split():
                surnames.setdefault(actor.name.split()[-1].lower(), []).append(actor)
        for word, bearers in surnames.items():
            if len({a.actor_id or a.name for a in bearers}) == 1:
                self.by_word.setdefault(word, bearers[0])
        # CAMEO countries the article's actors belong to: a name the Phoenix dictionaries give another
        # country is a namesake here ("Rep. John Delaney of Maryland" is not the Bahamian John Delaney)
        self.countries: set[str] = {c[:3] for a in actors for c in a.codes if len(c) >= 3}
        self._entity_cache: dict[int, EventActor | None] = {}
        self.furniture = furniture_tokens(doc)  # credits and captions name no party ("Getty Images")
        self.groups: set[str] = set()  # names of groups coded from a role noun ("Rwandan rebels")

    @staticmethod
    def event_actor(actor: Actor) -> EventActor:
        return EventActor(
            name=actor.name, code=actor.codes[0] if actor.codes else None, actor_id=actor.actor_id
        )

    def direct(self, tok: Token) -> EventActor | None:
        """The actor this very token names (its mention or its named entity), without looking at modifiers."""
        found = self._direct(tok)
        if found is not None and not found.code and _truncated_name(tok, found):
            return None  # "Islamic State" read as "State": a part of a name is no party
        return found

    def _direct(self, tok: Token) -> EventActor | None:
        if tok.i in self.furniture:
            return None
        if any(
            c.dep_ == "appos" and (c.lemma_.lower() in KIN_NOUNS or c.lower_ in ("jr", "jr."))
            for c in tok.children
        ):
            return None  # "Mr. Trump, the president's son": a relative, not the person the name resolved to
        if tok.ent_type_ == "PERSON" and generation_marked(tok.doc, tok.i):
            return None  # "said the younger Mr. Trump": a relative of the one named in full
        if tok.lower_ in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            if _antecedent_across_clause(tok):
                return None  # "X Under Pressure To Repudiate General Who Called For ...": not X's clause
            tok = tok.head.head  # "Pyongyang, which rejected ...": the relative clause's noun
        actor = self.by_token.get(tok.i)
        if actor is not None and actor.name.lower().startswith(("anti-", "anti ")):
            return None  # "Anti-Trump activists" tagged as a name: a stance against someone, not a body
        if actor is not None:
            found = self.event_actor(actor)
            return found if found.code else self._uncoded(actor, found)
        if tok.ent_type_ in CODED_ENTITY_LABELS:
            return self.entity_actor(tok)
        if tok.pos_ == "PROPN" and not tok.ent_type_:
            return self._unlabelled_name(tok)
        return None

    def _unlabelled_name(self, tok: Token) -> EventActor | None:
        """A proper name the parser gave no entity label ("the pro-Iranian Hizbollah group", "Ibo
        elders"): a country or people's name of the knowledge base, else a body or armed group of the
        Phoenix-derived names (companies left out). The whole run of proper nouns must match."""
        head = tok
        while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN" and head.head.i != head.i:
            head = head.head
        words = [
            t for t in head.subtree if t.i <= head.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")
        ]
        text = " ".join(t.text for t in [*words, head] if t.i <= head.i)
        if len(text) < 3:
            return None
        match = self.kb.lookup_country(text)
        if match is not None and match.via in ("name", "alias", "demonym"):
            return EventActor(name=match.country.name, code=match.country.cameo)
        code = derived_actor_codes().get(text.lower())
        if code and code[:3] != "MNC" and len(code) > 3:
            return EventActor(name=text, code=code)
        return None

    def resolve(self, tok: Token) -> EventActor | None:
        """The actor a noun phrase stands for: its head, else a modifier naming a state, person or body,
        else a group named through its country ("Rwandan rebels", "the Albanians of southern Serbia")."""
        origin = americans_of_origin(tok)
        if origin is not None:
            # "Cuban Americans", "Mexican-Americans": people of the United States, not of the origin country
            return EventActor(name=self.doc[origin.i : tok.i + 1].text, code="USACVL")
        found = self.direct(tok)
        if found is not None and _one_person_of(tok, found):
            return (
                None  # "the Brazilian fought back tears", "an Iraqi was wounded": one person, not the state
            )
        if found is not None and tok.ent_type_ == "NORP" and len(found.code or "") == 3:
            # "the Albanians of southern Serbia", "ethnic Albanians demonstrated in Serbia": a people's
            # minority is coded by the country it lives in
            home = self._country_in(tok, deep=True)
            if home is None and any(c.lower_ == "ethnic" for c in tok.children):
                home = self._place_of_act(tok)
            if home is not None and home != country_of(found):
                return self._group(tok, home)
        if found is not None and _counted_people(tok) and country_of(found) and len(found.code or "") == 3:
            # "greeted by thousands of Germans protesting": a crowd of the country's people, not the state
            return EventActor(name=found.name, code=(found.code or "") + "CVL")
        if (
            found is not None
            and self.kinds.get(found.actor_id or "", ("", ""))[0] == "anonymous"
            and any(c.dep_ == "amod" and c.lower_ in FORMER_MODIFIERS for c in tok.children)
        ):
            return None  # "a former Clinton aide": described by an office no longer held
        if found is not None:
            return self._with_country(tok, found)
        if tok.lemma_.lower() in FOLLOWER_NOUNS:
            return self._followers(tok)
        if tok.lemma_.lower() in OPPOSING_NOUNS:
            return None  # "Braley's opponents", "critics of Moscow": not Braley, not Moscow
        if tok.lemma_.lower() == "defector":
            return None  # "North Korean defectors": who fled a state act for it no longer
        if tok.lemma_.lower() in AFFAIR_NOUNS:
            return None  # "the DNC email leak scandal forced Schultz to resign": a scandal, not the DNC
        if (
            tok.lemma_.lower() in OUTSIDE_NOUNS
            or tok.lemma_.lower() in ASSOCIATE_NOUNS
            or any(c.dep_ == "amod" and c.lower_ in FORMER_MODIFIERS for c in tok.children)
        ):
            # "a GOP insider", "a former Justice Department prosecutor", "a Trump adviser": someone near the
            # body or person the modifier names, or once of it, does not speak for it
            return None
        # The nearest modifier that names someone decides ("Osama bin Laden's al-Qaeda network" is
        # al-Qaeda's); one that names no one coded gives way to a farther one that does.
        uncoded: EventActor | None = None
        opposed = {t.i for t in anti_tokens(tok)}
        for child in reversed(list(tok.lefts)):
            if (
                child.dep_ in MODIFIER_DEPS and child.i not in opposed
            ):  # "anti-Chilean protesters" are not Chile's
                if (
                    child.ent_type_ == "GPE"
                    and child.dep_ == "compound"
                    and self.kb.lookup_country(_entity_text(self.doc, child)) is None
                ):
                    continue  # "the St. Louis group": a city names where a group is from, not its state
                if names_a_team(self.doc[child.i : child.i + 1]):
                    continue  # "Indians fan Ana Lopes": a team's name, not a nationality
                found = self.direct(child) or (self.resolve(child) if child.dep_ == "compound" else None)
                if found is not None and self._someone_of(tok, child, found):
                    return None
                if found is not None and not found.code:
                    uncoded = uncoded or found
                    continue
                if found is not None:
                    if (
                        len(found.code or "") == 3
                        and child.dep_ == "poss"
                        and tok.lemma_.lower() in NAMED_BODY_NOUNS
                        and any(
                            c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts if c.i > child.i
                        )
                    ):
                        # "Mexico's powerful Televisa network censured his report": a body with a name of its
                        # own, placed by the country; the state does not act through it
                        return None
                    if (
                        (tok.lemma_.lower() in GROUP_ROLES or tok.lower_ in GROUP_ROLES)
                        and country_of(found)
                        and (not found.actor_id or self._outside_the_state(tok, found))
                    ):
                        return self._group(tok, country_of(found))
                    if (
                        len(found.code or "") == 3
                        and country_of(found)
                        and not found.actor_id
                        and child.dep_ != "poss"
                        and tok.ent_type_ == "NORP"
                        and tok.tag_ in ("NN", "NNP")
                        and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)
                    ):
                        return (
                            None  # "an American Muslim", "a Pakistani Christian": one person, not the state
                        )
                    if (
                        len(found.code or "") == 3
                        and country_of(found)
                        and not found.actor_id
                        and child.dep_ != "poss"
                        and people_noun(tok)
                    ):
                        # people the country's adjective describes
                        if tok.tag_ == "NNS" and child.i == tok.i - 1 - sum(
                            1 for c in tok.lefts if c.i > child.i
                        ):
                            # "Ibo traditional elders", "Swiss doctors": people of the country, named as such
                            name = " ".join(t.text for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")
                            return EventActor(name=name, code=found.code)
                        if tok.tag_ == "NN":
                            return (
                                None  # "an American dentist killed a lion": one private person, not the state
                            )
                    if (
                        (found.code or "").endswith("LEG")
                        and tok.tag_ in ("NNS", "NNPS")
                        and child.dep_ in ("compound", "nmod")
                    ):
                        # "Senate Democrats blocked the bill", "House Republican leaders": some of the
                        # chamber's members, its legislators, not the chamber (or Congress) as a whole
                        words = [t for t in tok.subtree if child.i <= t.i <= tok.i]  # not "fellow"
                        return EventActor(name=" ".join(t.text for t in words)[:80], code=found.code)
                    role = found.code or ""
                    if not country_of(found) and not found.actor_id and role[:3] in ROLE_CODES:
                        # "seven opposition parties in Nepal": a role whose country the head phrase names
                        country = self._country_in(tok, deep=True)
                        if country is not None and role[:3] not in ("IGO", "NGO"):
                            return EventActor(name=found.name, code=country + role)
                    return found
        group = self.group_actor(tok)
        if group is None and uncoded is not None and self._member_of_uncoded(tok, uncoded):
            return None
        return group or uncoded

    def _outside_the_state(self, tok: Token, found: EventActor) -> bool:
        """ "Afghanistan's insurgents", "Syria's rebels", "Egypt's protesters": a group against or outside
        the state its country's name qualifies, never the state itself (the state an actor of the article)."""
        role = GROUP_ROLES.get(tok.lemma_.lower()) or GROUP_ROLES.get(tok.lower_)
        return role in OUTSIDE_STATE_ROLES and self.kinds.get(found.actor_id or "", ("", ""))[0] == "state"

    def _member_of_uncoded(self, tok: Token, found: EventActor) -> bool:
        """ "the Poker Face singer", "a member of Red Bull's pit crew": people who perform or labour for an
        uncoded body or work (a song, a team) do not act as it. Its leaders and members ("GOP leaders say",
        "House members voiced concerns") still do, and a person's own people are left to the person rules."""
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PERFORMER_NOUNS:
            return False
        return self.kinds.get(found.actor_id or "", ("", ""))[0] not in ("person", "")

    def _uncoded(self, actor: Actor, found: EventActor) -> EventActor:
        """An actor the actor layer named but could not code ("UNITA", "the International Labour
        Organization", "Benin" taken for a person): its name in the knowledge base or the dictionary of
        names derived from Phoenix."""
        name = actor.name.strip().removeprefix("the ").removeprefix("The ")
        code = None
        if actor.kind != "person":
            org = self.kb.organisation(name)
            code = org.code if org is not None else None
        if code is None:
            match = self.kb.lookup_country(name)
            if match is not None and match.via in ("name", "alias"):
                return EventActor(name=match.country.name, code=match.country.cameo, actor_id=found.actor_id)
        if code is None and actor.kind != "person":
            derived = derived_actor_codes().get(name.lower())
            code = _body_code(name, derived) if derived and derived[:3] != "MNC" else None
            first = name.split()[0] if name.split() else ""
            home = self.country_code(first) if code and first[:1].isupper() else None
            if code and home and not self.kb.country_by_code(code[:3]) and code[:3] not in NO_SIDE:
                # "Palestinian Islamic Jihad" listed under a region ("MEAREB"): the people it is named after
                code = home + code[3:]
        if code is None and actor.kind == "organisation" and set(name.lower().split()) & NGO_WORDS:
            code = "NGO"  # "the Association of African Jurists", "the Third World Water Forum"
        return found if code is None else EventActor(name=found.name, code=code, actor_id=found.actor_id)

    def _followers(self, tok: Token) -> EventActor | None:
        """ "supporters of former President Ben Bella", "Trump supporters": a group of the leader's
        country (civilians), never the leader."""
        owners = [c for c in tok.lefts if c.dep_ in ("compound", "poss")]
        owners += clauses.prep_objects(tok, frozenset({"of"}))
        for owner in owners:
            found = self.direct(owner)
            found = self._with_country(owner, found) if found is not None else None
            country = country_of(found) if found is not None else None
            if country:
                name = " ".join(t.text for t in tok.subtree if t.dep_ != "det" and t.i >= tok.left_edge.i)
                return EventActor(name=name[:80], code=country + "CVL")
        return None

    def _someone_of(self, tok: Token, owner: Token, found: EventActor) -> bool:
        """ "Christie's aides", "Mr. Christie's lieutenant governor": a person-role noun owned by a person
        names another person (the aides resign, not Christie)."""
        person = self.kinds.get(found.actor_id or "", ("", ""))[0] == "person" or owner.ent_type_ == "PERSON"
        if owner.dep_ != "poss" or not person:
            return False
        lemma = tok.lemma_.lower()
        if lemma in SPEAKS_FOR_NOUNS:
            return False
        return lemma in ASSOCIATE_NOUNS or lemma in GROUP_ROLES or tok.lower_ in GROUP_ROLES

    def joint_sides(self, tok: Token) -> list[EventActor]:
        """ "U.S. and North Korean negotiators", "Israeli and Palestinian officials": one phrase naming the
        people of two or more states, which the actor layer keeps as one actor with a code per state; each
        state's people is a side of its own (so that "... met in Stockholm" is a meeting between them).
        Empty unless every coordinated modifier names one of the actor's states."""
        actor = self.by_token.get(tok.i)
        if actor is None or len(actor.codes) < 2 or tok.pos_ not in ("NOUN", "PROPN"):
            return []
        first = next(
            (c for c in tok.children if c.dep_ in ("amod", "nmod", "compound") and c.conjuncts), None
        )
        if first is None:
            return []
        sides: list[EventActor] = []
        for part in (first, *first.conjuncts):
            # the part's own words: its subtree less the parts coordinated under it ("U.S. and North Korean")
            others = {t.i for c in part.children if c.dep_ in ("conj", "cc", "punct") for t in c.subtree}
            text = " ".join(t.text for t in part.subtree if t.i not in others)
            country = self.country_code(text)
            code = next((c for c in actor.codes if country and c[:3] == country), None)
            if code is None:
                return []
            sides.append(EventActor(name=f"{text} {tok.text}", code=code))
        return sides if len({s.code for s in sides}) == len(sides) else []

    def country_code(self, text: str) -> str | None:
        """The CAMEO country a name, alias or demonym stands for ("Ghanaian", "Algerians"): the knowledge base,
        else the peoples' names derived from the Phoenix country dictionary. Never a capital."""
        match = self.kb.lookup_country(text)
        if match is not None:
            return match.country.cameo if match.via != "capital" else None
        code = derived_actor_codes().get(text.lower().strip())
        return code if code and len(code) == 3 and code.isalpha() and code not in NO_SIDE else None

    def _with_country(self, tok: Token, found: EventActor) -> EventActor:
        """A person or body coded by role only ("GOV") gets the country its own phrase or the dictionary of
        names gives: "Gambian President Dawda Jawara" -> GMBGOV, "President Askar Akayev" -> KGZGOV."""
        code = found.code or ""
        if country_of(found) or code[:3] in ("IGO", "NGO", "MNC"):
            return found
        body = self._body_in(tok)
        if body is not None and code[:3] in ("", "GOV", "MIL"):
            # "U.N. Secretary-General Kofi Annan", "Arab League Secretary General Chadli Klibi": an
            # officer of an international or non-governmental body acts for it
            return EventActor(name=found.name, code=body, actor_id=found.actor_id)
        named = _country_of_name(found.name)
        if (
            named not in self.countries
            and len((found.name or "").split()) > 1
            and self.kinds.get(found.actor_id or "", ("person", ""))[0] == "person"
        ):
            named = None  # a person's namesake in the dictionaries, of a country this article never names
        country = self._country_in(tok, deep=False) or named
        if country is None:
            return found
        if named == country and not code and self.kinds.get(found.actor_id or "", ("", ""))[0] == "person":
            # "Trent Lott, who was Senate majority leader": a person the Phoenix names list under his country
            # with no office the article gives him is one of its elites, never the state itself
            return EventActor(name=found.name, code=country + "ELI", actor_id=found.actor_id)
        return EventActor(name=found.name, code=country + code[:3], actor_id=found.actor_id)

    def _body_in(self, tok: Token) -> str | None:
        """The code of an international or non-governmental body the phrase before the head names."""
        for left in tok.lefts:
            if left.dep_ not in MODIFIER_DEPS:
                continue
            for t in left.subtree:
                if t.i >= tok.i or t.ent_type_ not in ("ORG", "GPE"):
                    continue
                found = self.by_token.get(t.i)
                code = (found.codes[0] if found is not None and found.codes else None) or (
                    (self.entity_actor(t) or EventActor(name="", code=None)).code
                )
                if code and code[:3] in ("IGO", "NGO"):
                    return code
        return None

    def _country_in(self, tok: Token, deep: bool) -> str | None:
        """The country a noun phrase's own modifiers name: "Rwandan", "Sudan's", "Mozambique", "in Nepal"."""
        # The phrase before the head, however nested: "British Defence Secretary Tom King".
        opposed = {t.i for t in anti_tokens(tok)}  # "anti-Chilean protesters" are not Chile's
        for left in tok.lefts:
            if left.dep_ not in MODIFIER_DEPS or left.i in opposed:
                continue
            for t in left.subtree:
                if t.i in opposed or names_a_team(self.doc[t.i : t.i + 1]):
                    continue  # "Indians fan Ana Lopes", "Brazil fan": a team's name, not a nationality
                if (
                    t.dep_ == "poss"
                    or t.ent_type_ in ("GPE", "NORP")
                    or t.pos_ in ("ADJ", "PROPN")
                    or t.is_title  # "Croat forces": a capitalised people's name tagged NOUN
                ):
                    whole = _entity_text(self.doc, t)
                    # "British" inside "British Defence"; never a country word inside a longer place's name
                    # ("New England", "New South Wales"): that place is another one
                    inside = t.text if t.ent_type_ not in ("GPE", "LOC") or whole == t.text else None
                    for text in (whole, inside):
                        code = self.country_code(text) if text else None
                        if code is not None:
                            return code
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS:
                continue
            if deep and child.dep_ == "prep" and child.lower_ in COUNTRY_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "NORP", "LOC"):
                        code = self.country_code(_entity_text(self.doc, pobj))
                        if code is not None:
                            return code
        return None

    def _place_of_act(self, tok: Token) -> str | None:
        """The country named by an "in" phrase of the verb `tok` is the subject of."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in QUANTITY_NOUNS:
            tok = tok.head.head  # "hundreds of ethnic Albanians demonstrated in Serbia"
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb is tok:
            return None
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in ("GPE", "LOC"):
                        return self.country_code(_entity_text(self.doc, pobj))
        return None

    def _group(self, tok: Token, country: str | None) -> EventActor | None:
        role = GROUP_ROLES.get(tok.lemma_.lower()) or GROUP_ROLES.get(tok.lower_)
        if tok.lemma_.lower() in GENERIC_FORCE_NOUNS:
            # "police forces", "the police force", "militia units": the modifier names who they are
            for child in tok.children:
                if child.dep_ == "compound" and child.lower_ in GROUP_ROLES:
                    role = GROUP_ROLES[child.lower_]
        code = (country or "") + (role or "")
        if not code:
            return None
        name = " ".join(
            t.text for t in tok.subtree if t.i >= tok.left_edge.i and t.dep_ not in ("punct", "case")
        )[:80]
        self.groups.add(name)
        return EventActor(name=name, code=code)

    def group_actor(self, tok: Token) -> EventActor | None:
        """A group the actor layer does not name: a role noun or a people's name with its country
        ("Ivory Coast rebels", "Turkish police", "Thousands of Iraqi Kurds", "students throughout Indonesia")."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if any(c.dep_ == "amod" and c.lower_ in FORMER_MODIFIERS for c in tok.children):
            return None  # "a former Clinton aide": no longer of the government
        if tok.lemma_.lower() == "opposition" and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in tok.children
        ):
            return None  # "her sister's opposition to same-sex marriage": a stance, not the opposition
        if tok.lower_ in QUANTITY_NOUNS or tok.lemma_.lower() in QUANTITY_NOUNS:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self._counted(pobj)
            return None
        lemma = tok.lemma_.lower()
        people = tok.ent_type_ == "NORP"  # "Kurds", "Albanians", "Palestinians": a people, not a state
        if lemma not in GROUP_ROLES and tok.lower_ not in GROUP_ROLES and not people:
            return None
        country = self._country_in(tok, deep=True)
        if lemma in ("settler", "settlers") and any(c.lower_ == "jewish" for c in tok.children):
            country = "ISR"  # "Jewish settlers in the West Bank": Israeli settlers, wherever they live
        if people and country is None:
            country = self.country_code(tok.text)
        if country is None and GROUP_ROLES.get(lemma, GROUP_ROLES.get(tok.lower_)) not in (
            "REB",
            "UAF",
            "OPP",
        ):
            return None  # "the police", "the government", "students": whose is not said
        return self._group(tok, country)

    def _counted(self, pobj: Token) -> EventActor | None:
        """Who "thousands of X" or "a member of X" are. A state is never counted out: "thousands of Germans"
        are German civilians (DEUCVL), not Germany, and "a family member of a Chinese boy" is one person,
        neither the boy nor China."""
        found = self.resolve(pobj)
        if found is None or found.actor_id or len(found.code or "") != 3 or not country_of(found):
            return found
        if pobj.ent_type_ == "NORP":
            return EventActor(name=found.name, code=(found.code or "") + "CVL")
        return None

    def opposed(self, tok: Token) -> tuple[bool, EventActor | None]:
        """Whom an "anti-X" modifier of `tok` says it is against ("anti-Trump protests", "anti-Chilean
        protesters"): (whether there is one, the coded actor it names or None)."""
        words = anti_tokens(tok)
        if not words:
            return False, None
        for word in reversed(words):
            actor = self.by_word.get(word.text.lower())
            if actor is not None:
                found = self.event_actor(actor)
                if found.code:
                    return True, found
        text = " ".join(t.text for t in words)
        country = self.country_code(text)
        return True, (EventActor(name=text, code=country) if country else None)

    def resolve_all(self, tok: Token) -> list[EventActor]:
        """The actors of a possibly coordinated phrase: "South Korea and the US" gives both."""
        out: list[EventActor] = []
        for t in (tok, *[c for c in tok.conjuncts if c.i > tok.i]):
            sides = self.joint_sides(t)
            if sides:
                out += [s for s in sides if not any(same_actor(s, o) for o in out)]
                continue
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
            if match is not None and label == "GPE" and us_state_not_country(ent, self.kb):
                match = None  # "Thank you Georgia" after the primaries in Texas and Ohio: the US state
            if match is not None and match.via != "capital" and not dateline:
                found = EventActor(name=match.country.name, code=match.country.cameo)
            elif match is None and label == "NORP":
                code = self.country_code(text)  # "Ghanaian", "Algerians": a people stands for its country
                if code is not None:
                    found = EventActor(name=text, code=code)
        elif label == "ORG" and not (len(ent) == 1 and tok.pos_ == "VERB"):  # "Fed up with ...": a verb
            org = self.kb.organisation(text)
            match = self.kb.lookup_country(text) if org is None else None
            if org is not None:
                found = EventActor(name=org.name, code=org.code)
            elif match is not None and match.via in ("name", "alias") and not text.isupper():
                found = EventActor(name=match.country.name, code=match.country.cameo)  # "Mozambique" as ORG
        if found is None and label in ("ORG", "PERSON", "NORP", "GPE"):
            code = derived_actor_codes().get(text.lower().removeprefix("the "))
            namesake = (
                code is not None
                and label == "PERSON"
                and len(text.split()) > 1
                and code[:3] not in self.countries
            )
            if code is not None and not namesake:
                found = EventActor(name=text, code=_body_code(text, code) if label == "ORG" else code)
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
        return bool(actor.code) and not actor.actor_id and actor.name not in self.groups

    def in_span(self, tokens: Span | list[Token]) -> list[tuple[Token, EventActor]]:
        """Every actor named inside `tokens`, once each, with the first token naming it."""
        out: list[tuple[Token, EventActor]] = []
        for tok in tokens:
            found = self.direct(tok) if tok.pos_ in ("PROPN", "NOUN", "ADJ", "PRON") else None
            if found is not None and _one_person_of(tok, found):
                continue  # "met with a Mexican": one person, not Mexico
            if found is not None and not any(same_actor(found, o) for _, o in out):
                out.append((tok, found))
        return out


PEOPLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ive", "man", "men")
PEOPLE_NOUNS = frozenset(
    "elder people folk force troop youth official crew family tribe clan candidate delegate advocate refugee "
    "citizen hostage detainee employee nominee personnel staff police".split()
)


def _truncated_name(tok: Token, found: EventActor) -> bool:
    """Whether an uncoded one-word name lost a capitalised word of its own name before it: "Islamic State"
    with "Islamic" a people's word or adjective and the actor named "State". The parser hangs the lost word on
    the name as a compound; a party named by half its name would be coded as someone else, or no one."""
    if " " in (found.name or "").strip() or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return (
        before.head.i == tok.i
        and before.dep_ in ("compound", "amod")
        and before.text[:1].isupper()
        and (before.ent_type_ == "NORP" or before.pos_ in ("ADJ", "PROPN"))
        and (found.name or "").lower() == tok.lower_
    )


def _antecedent_across_clause(pronoun: Token) -> bool:
    """Whether a relative pronoun follows a noun of another clause than the noun its relative clause hangs
    on: "Smith Under Pressure To Condemn Senator Who Called For ..." parsed with the "who" clause on Smith.
    A relative pronoun stands for the noun just before it; when that noun is an object inside a clause
    below the parser's antecedent, which of the two it is the parse does not say, and no party is better
    than the wrong one ("the leader of Hamas, who" stays the leader's: only a verb between breaks it)."""
    antecedent = pronoun.head.head
    before = pronoun.i - 1
    while before > antecedent.i and pronoun.doc[before].is_punct:
        before -= 1
    tok = pronoun.doc[before]
    if tok.i <= antecedent.i or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for _ in range(8):
        if tok.i == antecedent.i or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i != antecedent.i and tok.pos_ in ("VERB", "AUX"):
            return True
    return False


def _many_people(span: Span) -> bool:
    """A mention headed by a plain plural noun ("the Republican leaders"): people, never one person."""
    head = span.root
    return head.tag_ == "NNS" and head.text.islower() and not head.ent_type_


def people_noun(tok: Token) -> bool:
    """Whether a plural noun names people ("elders", "doctors", "officials", "operatives"), not things
    ("elections", "missiles"): a plain test on its ending, for naming the group it heads."""
    lemma = tok.lemma_.lower()
    return lemma in PEOPLE_NOUNS or lemma.endswith(PEOPLE_ENDINGS)


def _body_code(name: str, code: str) -> str:
    """A derived code for a body's name: a bare country given to a state agency or ministry ("Environmental
    Protection Agency" -> USA) is that country's government (USAGOV), not the state."""
    words = name.lower().split()
    if len(code) == 3 and code not in NO_SIDE and words and words[-1] in GOVERNMENT_BODY_WORDS:
        return code + "GOV"
    return code


def _country_of_name(name: str | None) -> str | None:
    code = derived_actor_codes().get((name or "").lower())
    return code[:3] if code and code[:3] not in NO_SIDE and code[:3] != "MNC" else None


def americans_of_origin(tok: Token) -> Token | None:
    """The people's name that qualifies a plural "Americans" ("Cuban Americans", "Mexican-Americans", "Arab
    Americans"): citizens of the United States by their origin."""
    if tok.lower_ != "americans" or tok.i == 0:
        return None
    gap = 2 if tok.nbor(-1).text == "-" else 1
    return next(
        (
            c
            for c in tok.lefts
            if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" and c.i == tok.i - gap
        ),
        None,
    )


def _entity_text(doc: Doc, tok: Token) -> str:
    ent = _entity_at(doc, tok)
    text = ent.text if ent is not None else tok.text
    return text.strip().removesuffix("\u2019s").removesuffix("'s").strip()


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


# Demonyms with no plural of their own ("the British", "the Chinese", "the Swiss") name a people or a state
# even with "the"; the others name one person in the singular ("the Brazilian", "an Iraqi").
PLURAL_DEMONYM_ENDINGS = ("sh", "ch", "ese", "ss")


# Words that take a part of a people ("some Americans", "many Germans", "ordinary Russians"): its citizens
# speak, not the state.
PEOPLE_PART_WORDS = frozenset("some many most few several ordinary average".split())


def _counted_people(tok: Token) -> bool:
    """A people's name counted by a quantity noun or word: "Germans" in "thousands of Germans", "Americans"
    in "some Americans say"."""
    if tok.ent_type_ != "NORP":
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in QUANTITY_NOUNS:
        return True
    return tok.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("det", "amod") and c.lower_ in PEOPLE_PART_WORDS and c.i < tok.i for c in tok.children
    )


def _one_person_of(tok: Token, found: EventActor) -> bool:
    """A singular demonym with an article standing alone as a noun ("the Brazilian", "a Briton"): one
    person of the country, not the country acting."""
    return (
        len(found.code or "") == 3
        and not found.actor_id
        and tok.ent_type_ == "NORP"
        and tok.tag_ in ("NN", "NNP")
        and tok.dep_ not in ("compound", "amod", "poss")
        and not tok.lower_.endswith(PLURAL_DEMONYM_ENDINGS)
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children)
    )


def anti_tokens(tok: Token) -> list[Token]:
    """The word joined by hyphen after "anti" among the modifiers before `tok` ("Trump" in "anti-Trump
    protests", "Chilean" in "anti-Chilean protesters"); none where no "anti-" modifier stands before it."""
    doc = tok.doc
    for t in doc[tok.left_edge.i : tok.i]:
        if t.lower_.startswith("anti-") and len(t.text) > 5:
            return [t]
        if t.lower_ == "anti" and t.whitespace_ == "" and t.i + 2 < tok.i and doc[t.i + 1].text == "-":
            words = []
            for w in doc[t.i + 2 : tok.i]:
                words.append(w)
                if w.whitespace_:
                    break
            return words
    return []
