"""Role and affiliation of an actor from the words around its name: titles, appositions, descriptions.

"North Korean Foreign Minister Ri Yong-ho" -> country PRK (demonym), role GOV (title "Foreign Minister");
"Hong Min, director of ... at the Korea Institute for National Unification" -> the institute's country and
role (KOR, EDU); "a former senior official in the South Korean government" -> KOR, GOV, former.
Roles are CAMEO role codes. Only dictionary lookups per token: no loops over the knowledge base.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.knowledge.gazetteer import gazetteer, place_key
from crosswire.knowledge.kb import KnowledgeBase, Org
from crosswire.nlp.actor_context import names_a_team
from crosswire.nlp.dateline import dateline_tokens

# Head nouns of titles and descriptions -> CAMEO role. CAMEO has no code for analysts; the Phoenix agents
# file puts scholars, experts and research institutions under EDU, and so does crosswire. A think tank is
# an advocacy body outside the state and the schools (NGO), as the blind judges read it.
ROLE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        "president leader minister premier chancellor chairman chairwoman secretary ambassador diplomat envoy "
        "official spokesman spokeswoman spokesperson negotiator representative governor mayor king queen "
        "emperor prince dictator ruler strongman regime government administration cabinet ministry department "
        "embassy consulate aide bureaucrat policymaker authority authorities director-general vice-chairman "
        "vice-president delegation delegate counselor counsellor attache gov. councilmember councilman "
        "councilwoman alderman alderwoman".split(),
        "GOV",
    ),
    **dict.fromkeys(
        "general commander admiral colonel lieutenant major sergeant soldier troops army military navy "
        "marine marines airforce force forces".split(),
        "MIL",
    ),
    **dict.fromkeys(
        "lawmaker legislator senator congressman congresswoman parliamentarian mp assemblyman assemblywoman "
        "parliament congress legislature rep. sen.".split(),
        "LEG",
    ),
    **dict.fromkeys(
        "professor researcher scholar analyst expert fellow institute university academic academy "
        "economist".split(),
        "EDU",
    ),
    "think-tank": "NGO",
    **dict.fromkeys(
        "reporter journalist correspondent editor columnist newspaper broadcaster media outlet daily".split(),
        "MED",
    ),
    **dict.fromkeys("spy intelligence".split(), "SPY"),
    **dict.fromkeys("police policeman policewoman".split(), "COP"),
    **dict.fromkeys("judge court prosecutor justice".split(), "JUD"),
    **dict.fromkeys("businessman businesswoman executive ceo company firm entrepreneur".split(), "BUS"),
    **dict.fromkeys("activist campaigner".split(), "NGO"),
    # a hospital is a health body (CAMEO HLH), whatever else its name says ("Croydon University Hospital")
    **dict.fromkeys("hospital hospitals clinic clinics".split(), "HLH"),
    **dict.fromkeys("union unions unionist unionists dockworkers dockworker".split(), "LAB"),
    **dict.fromkeys("refugee refugees asylum-seeker".split(), "REF"),
    **dict.fromkeys("rebel rebels insurgent insurgents militant militants".split(), "REB"),
    **dict.fromkeys("opposition dissident dissidents".split(), "OPP"),
    **dict.fromkeys("civilian civilians citizen citizens resident residents".split(), "CVL"),
    # A defector acts for no state he left (CAMEO has no defector code): "defector" gives no role at all.
    **dict.fromkeys("elite elites".split(), "ELI"),
}
# Two-word titles where the last word alone would mislead ("defense minister" is government, not military).
ROLE_PHRASES: dict[str, str] = {
    "defense minister": "GOV",
    "defence minister": "GOV",
    "defense secretary": "GOV",
    # a cabinet secretary named by the department's field ("Energy Secretary Jane Roe"): the field is no
    # body of its own that would make "secretary" a private body's officer
    **{
        f"{field} secretary": "GOV"
        for field in "labor labour energy treasury commerce agriculture education interior transportation "
        "transport health housing justice trade finance home foreign environment culture".split()
    },
    "foreign minister": "GOV",
    "news agency": "MED",
    # police are police whatever the head noun: "Afghan police forces", "the police force", "police units"
    "police force": "COP",
    "police forces": "COP",
    "police unit": "COP",
    "police units": "COP",
    "state media": "MED",
    "research office": "EDU",
    "think tank": "NGO",
    # "the American Civil Liberties Union (of Ohio)": a rights group, not a labour union
    "liberties union": "NGO",
    "secretary general": "GOV",
    # "general" after an office is part of a civilian title, not a military rank
    "attorney general": "GOV",
    "attorney-general": "GOV",
    "solicitor general": "JUD",
    "surgeon general": "GOV",
    "inspector general": "GOV",
    # the officers of elections ("Supervisor of Elections", "the Board of Elections") are a government's
    "of elections": "GOV",
    "postmaster general": "GOV",
    "governor general": "GOV",
    "auditor general": "GOV",
    "comptroller general": "GOV",
    "party member": "GOV",
    # the presiding officer of a legislature ("House Speaker"); a bare "speaker" is anyone who speaks
    "house speaker": "LEG",
    "assembly speaker": "LEG",
    # offices held inside a legislature, whatever body word is left out ("Majority Leader Jane Roe")
    "majority leader": "LEG",
    "minority leader": "LEG",
    "majority whip": "LEG",
    "minority whip": "LEG",
    "ranking member": "LEG",
    # a party's officers speak for the party, not the state (CAMEO PTY)
    "party chairman": "PTY",
    "party chairwoman": "PTY",
    "party chair": "PTY",
    "party president": "PTY",
    "party secretary": "PTY",
}
# Staff whose own word reads as one kind of body ("analyst" EDU) but who take their employer's kind when the
# phrase names one: "a bank analyst" works for a business.
STAFF_WORDS = frozenset("analyst analysts economist economists strategist strategists".split())
# Words that name a business: an employee's role is then BUS.
BUSINESS_WORDS = frozenset(
    "bank banks bank's company company's firm firm's corp corp. inc inc. co. ltd ltd. llc plc bancorp "
    "brokerage securities".split()
)
# A bank of the state, not a business: "central bank", "the World Bank".
STATE_BANK_WORDS = frozenset("central reserve world development federal national".split())
# Titles of people who speak for an organisation: their role is the organisation's.
SPOKES_WORDS = frozenset("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen".split())
# Words before "Representative" that leave it a legislator's title ("U.S. Representative", "state Rep.")
PLAIN_REPRESENTATIVE = frozenset({"u.s.", "us", "state", "democratic", "republican", "freshman", "former"})
# Officers whose title alone reads as government ("secretary", "president") but who head a company, union,
# university or newspaper when the title names one: "union general secretary", "company president".
OFFICER_WORDS = frozenset("secretary chairman chairwoman chair president director head chief".split())
_NON_STATE_ROLES = frozenset({"BUS", "LAB", "EDU", "MED", "NGO", "HLH"})
# Bodies whose officers are not officials: "president of the National Organization for Women".
NON_STATE_BODIES = frozenset(
    "organization organisation group tank foundation association institute society league coalition "
    "alliance council union company corporation firm club network campaign fund center centre "
    "corp corp. inc inc. co. ltd llc plc bank university college school museum hospital church".split()
)
# Words that make a named body part of the state: "director of the Central Intelligence Agency".
STATE_BODY_WORDS = frozenset(
    "ministry department agency commission office bureau administration senate house congress parliament "
    "assembly government cabinet court police army navy force forces service secretariat state republic "
    "kingdom city county province".split()
)
# Words that describe a leader without a name: "the young dictator", "the North Korean leader".
LEADER_WORDS = frozenset("leader dictator ruler strongman chairman president premier autocrat despot".split())
# Heads that make an indefinite noun phrase an (anonymous) source: "a senior official", "a diplomatic source".
SOURCE_WORDS = frozenset(
    "official officials source sources diplomat diplomats officer aide aides insider insiders lawmaker "
    "spokesman spokeswoman spokesperson negotiator".split()
)
PERSON_WORDS = frozenset(
    w
    for w, r in ROLE_WORDS.items()
    if w
    not in {
        "regime",
        "government",
        "administration",
        "cabinet",
        "ministry",
        "department",
        "embassy",
        "consulate",
        "authorities",
        "authority",
        "delegation",
        "army",
        "military",
        "navy",
        "airforce",
        "force",
        "forces",
        "troops",
        "marines",
        "parliament",
        "congress",
        "legislature",
        "institute",
        "university",
        "academy",
        "think-tank",
        "newspaper",
        "broadcaster",
        "media",
        "outlet",
        "daily",
        "intelligence",
        "police",
        "court",
        "company",
        "firm",
        "opposition",
        "elite",
        "elites",
        "hospital",
        "hospitals",
        "clinic",
        "clinics",
    }
) | {"head", "chief", "member", "adviser", "advisor"}
# Words that put an office in a legislature: "Senate Majority Leader", "chairman of the House committee".
LEGISLATURE_WORDS = frozenset(
    "senate senatorial congressional parliamentary legislative subcommittee caucus whip whips".split()
)
# Words before "House" that make it the executive's, not a legislature's ("White House", "Blue House").
EXECUTIVE_HOUSE_WORDS = frozenset({"white", "blue"})
COMMITTEE_WORDS = frozenset({"committee", "subcommittee", "panel"})
# An election campaign: its staff speak for a candidate, not for any government.
CAMPAIGN_WORDS = frozenset({"campaign", "campaigns", "campaign's", "campaign’s"})
# A political party (its chair and officials are CAMEO PTY).
PARTY_WORDS = frozenset({"party", "party's", "party’s", "gop"})
# Staff of a person: "aides to the senator", "a Clinton adviser".
AIDE_WORDS = frozenset("aide aides adviser advisers advisor advisors staffer staffers".split())
FORMER_WORDS = frozenset("former ex- ex erstwhile onetime one-time retired".split())


@dataclass
class Affiliation:
    """What the words around a mention say about who an actor is."""

    country: str | None = None  # ISO3
    cameo_country: str | None = None
    role: str | None = None
    title: str | None = None
    org: Org | None = None
    former: bool = False
    evidence: list[str] = field(default_factory=list)

    @property
    def code(self) -> str | None:
        if self.org is not None and self.org.code and (self.role is None or self.role == self.org.role):
            return self.org.code
        if self.cameo_country and self.role:
            return self.cameo_country + self.role
        return self.cameo_country or self.role

    def merge(self, other: Affiliation) -> None:
        """Fill what this one lacks from `other` (the first source of a fact wins)."""
        had_role = self.role is not None
        for name in ("country", "cameo_country", "role", "title", "org"):
            if getattr(self, name) is None and getattr(other, name) is not None:
                setattr(self, name, getattr(other, name))
        # "Rep. Jane Roe, a former Navy admiral": "former" belongs to the office it qualifies, and an
        # office already known (the title's) is not the admiral's
        if not (had_role and other.role is not None):
            self.former = self.former or other.former
        self.evidence += [e for e in other.evidence if e not in self.evidence]


# A US politician's party and state after the name: "Sen. Ron Wyden (D-Ore.)", "Rep. Jane Roe (R-N.Y.)".
PARTY_STATE_TAG = re.compile(r"\s*\(\s*[DRI]\s*-\s*[A-Z][A-Za-z. ]{0,14}\)")
# Roles whose holders a US state named with them places in the United States ("Representative Peter T. King
# of New York", "Ohio Gov. John Kasich"): offices of the state and its legislatures and courts.
US_STATE_ROLES = frozenset({"GOV", "LEG", "JUD"})


def is_us_state(text: str, kb: KnowledgeBase) -> bool:
    """A US state's name that names no country ("New York", "Ohio"; never "Georgia")."""
    return kb.lookup_country(text) is None and place_key(text) in gazetteer().states


def us_state_not_country(ent: Span, kb: KnowledgeBase) -> bool:
    """A name shared by a country and a US state ("Georgia") read as the state: the article names two or more
    other US states ("Minnesota", "Texas") and never the country's people ("Georgian")."""
    match = kb.lookup_country(ent.text)
    if match is None or place_key(ent.text) not in gazetteer().states:
        return False
    states: set[str] = set()
    for e in ent.doc.ents:
        if e.label_ == "NORP" and (other := kb.lookup_country(e.text)) is not None:
            if other.country.iso3 == match.country.iso3:
                return False  # "Georgian troops": the country is in the story
        elif e.label_ == "GPE" and is_us_state(e.text, kb):
            states.add(place_key(e.text))
        elif e.label_ == "GPE" and place_key(e.text) != place_key(ent.text):
            other = kb.lookup_country(e.text)
            if other is not None and other.country.iso3 == match.country.iso3:
                return False  # "Tbilisi": the country's capital or a city of it is in the story
    return len(states) >= 2


def us_state_evidence(
    ent: Span, title: Span | None, kb: KnowledgeBase, appos: Span | None = None
) -> str | None:
    """Evidence that the office holder `ent` names serves in the United States: a party-state tag after the
    name, a US state in the title before it ("New York Gov."), in an "of" phrase after it ("King of New
    York") or in its apposition ("Sen. Jane Roe, Democrat of Ohio"). None where there is none."""
    doc = ent.doc
    if PARTY_STATE_TAG.match(doc.text, ent.end_char):
        return "US party-state tag"
    spans = [span for span in (title, appos) if span is not None]
    if title is not None and title.start and doc[title.start - 1].ent_type_ == "GPE":
        # "dismissed Wisconsin Gov. Scott Walker": the parser may leave the state out of the title's phrase
        before = doc[title.start - 1]
        spans += [e for e in doc[max(0, before.i - 3) : before.i + 1].ents if e.end == before.i + 1]
    for prep in ent.root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i >= ent.end:
            spans += [doc[c.left_edge.i : c.right_edge.i + 1] for c in prep.children if c.dep_ == "pobj"]
    for span in spans:
        for place in span.ents:
            if place.label_ == "GPE" and is_us_state(place.text, kb):
                return f"US state:{place.text}"
    return None


def role_of_words(words: list[str], kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """(role, the title word(s) that decided it) for the words of a title, the last noun deciding."""
    lowered = [w.lower() for w in words]
    for i in range(len(lowered) - 1, -1, -1):
        if i > 0 and f"{lowered[i - 1]} {lowered[i]}" in ROLE_PHRASES:
            return ROLE_PHRASES[f"{lowered[i - 1]} {lowered[i]}"], f"{words[i - 1]} {words[i]}"
        if lowered[i] == "representative" and (i == 0 or lowered[i - 1] in PLAIN_REPRESENTATIVE):
            # "Representative Joe Sestak", "state Representative": a member of a legislature; a special,
            # trade or permanent representative is an envoy (GOV, below)
            return "LEG", words[i]
        role = (
            ROLE_WORDS.get(lowered[i]) or ROLE_WORDS.get(lowered[i].rstrip("s")) or kb.agent_role(lowered[i])
        )
        if role:
            return role, words[i]
    return None, None


class EntityIndex:
    """The Doc's entities by start token, so a phrase's entities are found by bisection (`Span.ents` walks
    every entity of the Doc on each call, which made coding a long article quadratic)."""

    def __init__(self, doc: Doc) -> None:
        self.ents = list(doc.ents)
        self.starts = [e.start for e in self.ents]

    def within(self, span: Span) -> list[Span]:
        i = bisect_left(self.starts, span.start)
        out = []
        while i < len(self.ents) and self.ents[i].start < span.end:
            if self.ents[i].end <= span.end:
                out.append(self.ents[i])
            i += 1
        return out


def _country_in(
    span: Span, ents: list[Span], kb: KnowledgeBase, context: set[str]
) -> tuple[str, str, str] | None:
    """(iso3, cameo, evidence) for the first country named in `span`: entities first, then "the North"."""
    for ent in ents:
        if ent.label_ in ("GPE", "NORP", "LOC", "ORG") and not names_a_team(ent):
            match = kb.lookup_country(ent.text, context)
            if match is not None:
                via = "demonym" if match.via == "demonym" else "country"
                return match.country.iso3, match.country.cameo, f"{via}:{ent.text}"
    for tok in span:
        if tok.text in ("North", "South") and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text != "Korea":
            match = kb.lookup_country("the " + tok.text, context)
            if match is not None:
                return match.country.iso3, match.country.cameo, f"context:the {tok.text}"
    return None


# Words through which a description names what its source knows, not whom it serves: "a source familiar
# with the agency's investigation", "a person close to the ministry", "officials briefed on the bank's plan".
KNOWING_WORDS = frozenset({"familiar", "close", "briefed", "knowledgeable", "aware"})


def _known_about(ent: Span, span: Span) -> bool:
    """Whether an entity hangs under a knowing word of its phrase `span` ("familiar with the FDIC's
    inquiry")."""
    tok = ent.root
    for _ in range(6):
        if tok.head.i == tok.i or not span.start <= tok.head.i < span.end:
            return False
        tok = tok.head
        if tok.lower_ in KNOWING_WORDS:
            return True
    return False


def _org_in(ents: list[Span], kb: KnowledgeBase, span: Span) -> tuple[Org, str] | None:
    for ent in ents:
        if ent.label_ == "ORG" and not _known_about(ent, span):
            org = kb.organisation(ent.text)
            if org is not None:
                return org, ent.text
    return None


def affiliation_of_phrase(
    span: Span, kb: KnowledgeBase, context: set[str], source: str, index: EntityIndex | None = None
) -> Affiliation:
    """Country, role, org and title from a title or description phrase (`source`: "title", "apposition")."""
    aff = Affiliation()
    ents = (index or EntityIndex(span.doc)).within(span)
    words = [t for t in span if not t.is_punct and t.dep_ != "det"]
    if not words:
        return aff
    aff.former = any(t.lower_ in FORMER_WORDS for t in words)
    found_org = _org_in(ents, kb, span)
    if found_org is not None:
        org, text = found_org
        aff.org = org
        aff.country = org.country
        org_country = kb.country_by_code(org.country) if org.country else None
        aff.cameo_country = org_country.cameo if org_country else None
        aff.role = org.role if org.role != "IGO" else None
        aff.evidence.append(f"{source}:{span.text} -> org:{org.name}")
    country = _country_in(span, ents, kb, context)
    if country is not None and aff.country is None:
        aff.country, aff.cameo_country, ev = country
        aff.evidence.append(ev)
    # The title is the phrase's head and what modifies it before any "of"/"at"/"in" attachment.
    head_words = []
    for t in words:
        if t.dep_ == "prep" or t.tag_ in ("IN", "WDT", "WP"):
            break
        if t.ent_type_ in ("GPE", "NORP") or t.lower_ in FORMER_WORDS or _title_inside_name(t):
            continue
        head_words.append(t.text)
    role, decided_by = role_of_words(head_words, kb)
    if role is None and head_words:
        # an office named by what it is of ("Supervisor of Elections"): the "of" phrase decides
        after = [t for t in words if t.dep_ == "prep" or t.tag_ in ("IN", "WDT", "WP")][:1]
        after += [t.doc[after[0].i + 1]] if after and after[0].i + 1 < span.end else []
        if len(after) > 1 and after[0].lower_ == "of" and f"of {after[1].lower_}" in ROLE_PHRASES:
            role, decided_by = ROLE_PHRASES[f"of {after[1].lower_}"], f"{head_words[-1]} of {after[1].text}"
    if decided_by is not None and decided_by.lower() in SPOKES_WORDS | STAFF_WORDS and aff.org is None:
        employer = _employer_role(span, ents, head_words, decided_by, kb)
        if employer is not None:
            role, decided_by = employer
        elif decided_by.lower() in SPOKES_WORDS:
            role, decided_by = _represented_role(span, head_words[:-1], kb) or (role, decided_by)
    elif decided_by is not None and decided_by.lower() in OFFICER_WORDS:
        for word in reversed(head_words[: head_words.index(decided_by)]):
            org_role, by = role_of_words([word], kb)  # word by word: "general" in "union general secretary"
            if org_role in _NON_STATE_ROLES:
                role, decided_by = org_role, f"{by} {decided_by}"
                break
        else:
            named = _named_employer(words, decided_by, kb)
            if role == "GOV" and aff.org is None and country is None and named is not None:
                # "L2 president Bruce Willsie": the head of a body named before the title, one of no known
                # state or kind - no government office
                role, decided_by = None, f"{decided_by} of {named}"
    officer = decided_by is not None and (
        decided_by.lower() in OFFICER_WORDS
        or (role == "BUS" and head_words[-1].lower() in OFFICER_WORDS)  # "executive director of ..."
    )
    if officer and role in ("GOV", "BUS") and aff.org is None:
        # "president of centrist think tank Third Way", "president of the National Organization for Women":
        # the officer of a body that is not the state holds no government office
        after = [t for t in words if t.i > span[0].i and t.text not in head_words]
        if any(t.lower_ == "of" for t in after):
            tail = [t for t in after if t.lower_ != "of"]
            tail_role, _ = role_of_words([t.text for t in tail], kb)
            # a named body no state word describes ("president of the Center for American Progress", "of
            # Acme Corp."): no government office either
            private_name = any(
                e.label_ == "ORG" and not any(t.lower_ in STATE_BODY_WORDS for t in e) for e in ents
            ) and not any(e.label_ == "GPE" for e in ents)
            tail_words = {t.lower_ for t in tail}
            if tail_words & {"committee", "subcommittee"} and tail_words & {
                "senate",
                "house",
                "congressional",
            }:
                role, decided_by = "LEG", f"{decided_by} of a congressional committee"
            elif (
                tail_role in _NON_STATE_ROLES
                or any(t.lemma_.lower() in NON_STATE_BODIES for t in tail)
                or private_name
            ):
                role = tail_role if tail_role in _NON_STATE_ROLES else None
                decided_by = None
    if role == "GOV" and decided_by is not None:
        role, decided_by = _body_of_office(span, words, head_words, decided_by)
    if role == "ELI" or (aff.role is None and role is not None):
        aff.role = role
    if role is not None:
        aff.evidence.append(f"{source}:{decided_by}")
    title = span.text.strip(" ,")
    if title.lower().startswith(("a ", "an ", "the ")):
        title = title.split(" ", 1)[1]
    aff.title = title or None
    return aff


def _body_of_office(
    span: Span, words: list[Token], head_words: list[str], decided_by: str
) -> tuple[str | None, str | None]:
    """The role of an office a bare title word reads as government ("chairman", "leader", "spokesman",
    "official", "aide") once the body it belongs to is read: a chair or leader of a House or Senate
    committee, a whip, a ranking member sits in the legislature (LEG); a campaign's spokesman, manager,
    aide or chairman speaks for a campaign (no CAMEO role: uncoded, never GOV); a party's chair or officials
    are the party (PTY). A committee officer whose committee is of no named body, or an aide to a person,
    is weak evidence: no role (the uncoded name over a guessed code). ("GOV", decided_by) when none of
    these applies."""
    lowered = [t.lower_ for t in words]
    first = decided_by.split()[0]
    at = head_words.index(first) if first in head_words else len(head_words)
    before = [w.lower() for w in head_words[:at]]
    tail = [t for t in words if t.i > span[0].i and t.text not in head_words]
    tail_words = [t.lower_ for t in tail]
    body = before + tail_words
    legislature = any(w in LEGISLATURE_WORDS for w in body) or any(
        w == "house" and (k == 0 or body[k - 1] not in EXECUTIVE_HOUSE_WORDS) for k, w in enumerate(body)
    )
    if any(w in CAMPAIGN_WORDS for w in lowered):
        return None, f"{decided_by} of a campaign"
    if any(w in PARTY_WORDS for w in body):
        return "PTY", f"{decided_by} of a party"
    if decided_by.lower() in OFFICER_WORDS | LEADER_WORDS and legislature:
        return "LEG", f"{decided_by} in a legislature"
    if decided_by.lower() in OFFICER_WORDS and any(w in COMMITTEE_WORDS for w in body):
        return None, None  # "Oversight Committee Chairman": a committee of what is not said
    staff = decided_by.lower() in AIDE_WORDS or (
        decided_by.lower() in SPOKES_WORDS and any(t.ent_type_ == "PERSON" for t in span)
    )
    if staff and not any(
        w in STATE_BODY_WORDS or ROLE_WORDS.get(w) == "GOV" or ROLE_WORDS.get(w.rstrip("s")) == "GOV"
        for w in body
        if w not in AIDE_WORDS | SPOKES_WORDS
    ):
        # "trusted aides", "aides to Sanders", "a Clinton spokesman": staff of a person who holds no office
        # the phrase names work for a candidate as often as for a government; "aides to the minister" stay
        # government
        return None, None
    return "GOV", decided_by


# Head nouns that name a body an organisation's name can premodify as itself ("the NATO alliance", "the GOP
# establishment" is not one): the name is then the body.
COLLECTIVE_HEADS = frozenset(
    "alliance bloc coalition group party league team network organization organisation agency body "
    "movement committee panel board council club union federation association".split()
)


def is_epithet_modifier(ent: Span) -> bool:
    """Whether an organisation's name only qualifies a descriptive noun that stands for someone or something
    else: "the NFL legend" (a player), "the Fox News host" (a person), "the Pentagon report" (a document).
    The noun, not the organisation, is what acts or is acted on. A head that speaks for the organisation
    ("the Pentagon spokesman", "the Apple executive": a role word) or that is the organisation itself ("the
    NATO alliance") leaves the name its own actor."""
    root = ent.root
    head = root.head
    if root.dep_ != "compound" or head.i < ent.end or head.pos_ != "NOUN" or head.ent_type_:
        return False
    if any(t.i != root.i and t.pos_ == "PROPN" and not t.ent_type_ for t in ent.doc[ent.end : head.i]):
        return False
    if not any(c.dep_ == "det" for c in head.children):
        return False
    lemma = head.lemma_.lower()
    return not (
        lemma in ROLE_WORDS
        or lemma in PERSON_WORDS
        or lemma in SPOKES_WORDS
        or lemma in STAFF_WORDS
        or lemma in COLLECTIVE_HEADS
        or lemma in STATE_BODY_WORDS
        or lemma in NON_STATE_BODIES
    )


def _title_inside_name(tok: Token) -> bool:
    """A person's title word that opens or sits inside an organisation's name ("General Electric", "General
    Motors", "Marine Harvest"): no title, since the name's last word is its head. A title word that ends
    the entity ("the Foreign Minister") is still one."""
    return (
        tok.ent_type_ == "ORG"
        and tok.lower_ in PERSON_WORDS
        and tok.lower_ not in ("marine", "marines")  # "Marine Corps" is a force
        and tok.i + 1 < len(tok.doc)
        and tok.doc[tok.i + 1].ent_iob_ == "I"
    )


# Words of a title that come before the office itself ("Vice President", "Acting Director"): no body's name.
TITLE_MODIFIERS = frozenset(
    "vice deputy acting interim former executive senior assistant associate general chief co co- "
    "first lady madam mr. mrs. ms. dr.".split()
)


def _named_employer(words: list[Token], decided_by: str, kb: KnowledgeBase) -> str | None:
    """The name right before an officer's title ("L2" in "L2 president"), when it is a proper name of no
    country, person, known organisation or role."""
    at = next((k for k, t in enumerate(words) if t.text == decided_by), None)
    if not at:
        return None
    before = words[at - 1]
    if (
        before.pos_ != "PROPN"
        or before.ent_type_ in ("GPE", "NORP", "PERSON", "LOC", "FAC")
        or before.lower_ in TITLE_MODIFIERS
        or before.lower_ in STATE_BODY_WORDS | COMMITTEE_WORDS | PARTY_WORDS
        or ROLE_WORDS.get(before.lower_) is not None
        or kb.agent_role(before.lower_) is not None
        or kb.lookup_country(before.text) is not None
        or kb.organisation(before.text) is not None
    ):
        return None
    return before.text


def _employer_role(
    span: Span, ents: list[Span], head_words: list[str], decided_by: str, kb: KnowledgeBase
) -> tuple[str | None, str] | None:
    """The role of a spokesperson's or analyst's employer when the phrase names one that is not the state: a
    company or bank (BUS: "a bank analyst", "an analyst at Acme Bank"), a university or think tank (EDU),
    or a named organisation of no known kind ("a Twitter spokesman": no role; never the government a bare
    "spokesman" reads as). None: no such employer is named (the word's own reading stands)."""
    words = [t for t in span if not t.is_punct and t.dep_ != "det" and t.text != decided_by]
    lowered = [t.lower_ for t in words]
    for k, w in enumerate(lowered):
        if w in BUSINESS_WORDS and not (k and lowered[k - 1] in STATE_BANK_WORDS):
            return "BUS", f"{decided_by} of a {w}"
    before = [w for w in head_words[: head_words.index(decided_by)] if w.lower() not in STAFF_WORDS]
    role, by = role_of_words(before, kb)
    if role in _NON_STATE_ROLES and by is not None:
        return role, f"{by} {decided_by}"
    if role is not None:
        return None  # "a ministry spokesman", "a Pentagon spokesman": the state's own
    named = [
        t
        for t in span
        if t.text in before
        and t.text[:1].isupper()
        and t.pos_ in ("PROPN", "NOUN")
        and t.ent_type_ not in ("PERSON", "GPE", "NORP")
        and kb.lookup_country(t.text) is None
        and kb.organisation(t.text) is None
    ]
    if named and not any(t.ent_type_ == "ORG" for t in named):
        # "Twitter spokesman Jack Doe": a name the parser tagged as no entity, of no known state body (the
        # title words were read above: a capitalised word left is a name)
        return None, f"{decided_by} of {named[0].text}"
    state_named = any(e.label_ in ("GPE", "NORP") for e in ents) or any(
        t.ent_type_ in ("GPE", "NORP") for t in span
    )
    for ent in ents:
        if ent.label_ != "ORG" or kb.organisation(ent.text) is not None:
            continue
        ent_words = [t.lower_ for t in ent]
        if any(w in STATE_BODY_WORDS for w in ent_words) or state_named:
            return None
        ent_role, by = role_of_words([t.text for t in ent if not _title_inside_name(t)], kb)
        if ent_role in _NON_STATE_ROLES or ent_role is None:
            return ent_role, f"{decided_by} of {ent.text}"
        return None
    return None


def _represented_role(span: Span, before: list[str], kb: KnowledgeBase) -> tuple[str | None, str] | None:
    """A spokesperson has the role of what they speak for: "a company spokesperson" (BUS), "a spokesman
    for a trading company" (BUS), "a spokesperson for a trade group" (no CAMEO role). None: the phrase
    names nothing they speak for ("a spokesman said"), so the spokes-word's own role stands."""
    role, by = role_of_words(before, kb)
    if role is not None and by is not None:
        return role, by
    for prep in span:
        if prep.dep_ == "prep" and prep.lower_ == "for" and prep.head.lower_ in SPOKES_WORDS:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if not objs:
                continue
            obj = objs[0]
            words = [c.text for c in obj.lefts if c.dep_ in ("compound", "amod")] + [obj.text]
            role, by = role_of_words(words, kb)
            return role, f"for {by or obj.text}"
    return None


def premodifier_span(doc: Doc, ent: Span) -> Span | None:
    """The title words before a name in its noun phrase: "North Korean Foreign Minister" of "... Ri Yong-ho"."""
    start = ent.root.left_edge.i
    if start >= ent.start:
        return _of_title_before(doc, ent)
    i = ent.start
    while (
        i > start
        and not doc[i - 1].is_punct
        and not doc[i - 1].is_space
        and "\n" not in doc[i - 1].whitespace_
        and (doc[i - 1].tag_ not in ("POS", "VB", "VBD", "VBZ", "IN") or _office_of(doc, i - 1, start))
        and doc[i - 1].ent_type_ not in ("TIME", "DATE")
    ):
        i -= 1
    while i < ent.start and doc[i].dep_ == "det":
        i += 1
    return doc[i : ent.start] if i < ent.start else None


def _office_of(doc: Doc, i: int, start: int) -> bool:
    """Whether token `i` is the "of" of an office inside a name's noun phrase ("Supervisor of Elections Jane
    Roe"): a noun before it, within the phrase that begins at `start`."""
    return doc[i].lower_ == "of" and i - 1 >= start and doc[i - 1].tag_ in ("NN", "NNP", "NNS", "NNPS")


def _of_title_before(doc: Doc, ent: Span) -> Span | None:
    """A title with an "of" phrase right before a name, which the parser makes the head and the name its
    apposition ("County Supervisor of Elections Jane Roe", "Secretary of State John Doe" parsed so): the
    title's words, where nothing (a comma, a verb) stands between them and the name."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.i >= ent.start or head.tag_ not in ("NN", "NNP"):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "of" and c.i < ent.start for c in head.children):
        return None
    span = doc[head.left_edge.i : ent.start]
    if any(t.is_punct or t.is_space or t.pos_ in ("VERB", "AUX") or t.ent_type_ == "PERSON" for t in span):
        return None
    return span


def apposition_span(ent: Span) -> Span | None:
    """The apposition attached to a name: ", director of the North Korea research office at ..."."""
    if ent.end < len(ent.doc) and ent.doc[ent.end].text == ":":
        return None  # "Paul Ryan: FBI Decision ... Defies Explanation" (a headline): what the person said
    for child in ent.root.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            tokens = [t for t in child.subtree if t.i >= ent.end]
            if tokens:
                end = tokens[-1].i + 1
                # stop before a relative clause or a trailing comma ("..., who said")
                for t in tokens:
                    if t.dep_ in ("relcl", "acl") and t.i > child.i:
                        end = min(end, t.left_edge.i)
                for t in tokens:
                    if t.dep_ == "conj" and t.ent_type_ == "PERSON" and t.i > child.i:
                        # "Jane Roe, president of X, and John Doe, co-founder of Y": the next person's own
                        # description is not this one's
                        end = min(end, t.left_edge.i)
                for t in tokens:  # an apposition never runs over a line break (bylines, captions)
                    if t.is_space or "\n" in t.whitespace_:
                        end = min(end, t.i if t.is_space else t.i + 1)
                span = child.doc[tokens[0].i : end]
                while len(span) and (span[-1].is_punct or span[-1].dep_ == "cc"):
                    span = span[:-1]
                return span if len(span) else None
    return None


def noun_phrase(head: Token) -> Span:
    """A noun phrase without its relative clause: "a former senior official in the South Korean government"."""
    doc = head.doc
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in ("relcl", "acl", "punct", "appos") or child.tag_ in ("WDT", "WP"):
            end = min(end, child.left_edge.i)
    start = head.left_edge.i
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            start = i + 1  # a phrase never runs back over a paragraph break (a byline, a headline)
            break
    dateline = dateline_tokens(doc)
    if start in dateline and head.i not in dateline:
        start = dateline.stop  # "TOKYO — Working-level negotiators": the dateline is no part of the phrase
    span = doc[start:end]
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def is_hyphen_modifier(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are a name inside a hyphenated modifier: "Singapore-based carriers",
    "U.S.-backed forces", "pro-Pyongyang groups". The noun such a modifier qualifies is what acts or speaks;
    the name is an attribute of it."""
    after = end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    if after and not doc[end].whitespace_ and doc[end + 1].text[:1].islower():
        return True
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].text[:1].islower()
        and doc[start - 2].is_alpha
    )
