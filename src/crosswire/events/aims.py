"""Targets of aimed acts: recovering a target from the sentence, and withholding an act aimed at someone
when the sentence names a party the coder cannot code (a missing target is right only when none is named).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from crosswire.events import clauses
from crosswire.events.context import ArticleContext
from crosswire.events.media import is_medium
from crosswire.events.participants import (
    GROUP_ROLES,
    KIN_NOUNS,
    PEOPLE_NOUNS,
    RELATIVE_PRONOUNS,
    SPEAKS_FOR_NOUNS,
    country_of,
    people_noun,
    same_actor,
)
from crosswire.events.targets import (
    CONTENT_VERBS,
    LOCATIVE_PREPS,
    OTHERS_ACTS,
    PLACE_PREPS,
    STATE_SITES,
    named_for_person,
    stray_clause_subject,
)
from crosswire.knowledge.event_lexicon import VerbEntry
from crosswire.model import EventActor

VIOLENT_ROOTS = frozenset({"18", "19", "20"})


# Object pronouns that stand for a party (or a party's thing) named elsewhere: "Pelosi rejected it".
PARTY_PRONOUNS = frozenset({"it", "them", "him", "her", "whom"})


# Roots of acts aimed at people the sentence describes ("criticized people trying to ...", "urged the man"):
# appeals, support, inquiry, demands, disapproval, rejection, threats, protest, coercion.
PEOPLE_AIMED_ROOTS = frozenset({"02", "05", "09", "10", "11", "12", "13", "14", "16", "17"})


# Pronouns for people, as subjects or objects: "investigating whether he fell asleep", "attacked us".
PERSONAL_PRONOUNS = frozenset(
    {"he", "she", "they", "him", "her", "them", "me", "us", "you", "himself", "herself"}
)


def _antecedents(verb: Token) -> list[Token]:
    """The noun a relative pronoun object stands for: the head of its relative clause, or (the clause
    parsed loose: "courting the alt-right, which Brown denounced") the noun just before its comma."""
    found = []
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass") or c.lower_ not in RELATIVE_PRONOUNS:
            continue
        if verb.dep_ == "relcl":
            found.append(verb.head)
        elif c.lower_ != "that" and c.i >= 2 and c.doc[c.i - 1].text == ",":
            before = c.doc[c.i - 2]
            if before.pos_ in ("NOUN", "PROPN"):
                found.append(before)
    return found


def names_unknown_party(verb: Token, entry: VerbEntry, complement: Token | None) -> bool:
    """The act's object is a pronoun, a thing owned by a noun the actor layer did not code ("the reality
    TV star's rhetoric"), or a name ("criticized the Bush administration", "accused Colorado", "a subpoena
    from the Senate committee"): the sentence aims the act at someone it names, and an event with no
    target would misreport it (precision first: no event rather than one with its target missing)."""
    heads = [verb] + ([complement] if complement is not None else [])
    objects = [
        o for h in heads for o in clauses.object_tokens(h) + clauses.prep_objects(h, entry.target_preps)
    ]
    objects += [c for c in verb.children if c.dep_ == "dative"]  # "offered the prime minister a meeting"
    objects += _antecedents(verb)  # "the movement, which was accused of ...": aimed at the antecedent
    if entry.code[:2] == "09":
        # "investigating whether he fell asleep", "looking into whether the driver ...": the inquiry is
        # aimed at whoever its question is about
        objects += [
            s
            for c in verb.children
            if c.dep_ in ("ccomp", "advcl")
            and any(m.dep_ == "mark" and m.lower_ in ("whether", "if") for m in c.children)
            for s in clauses.subject_tokens(c)
        ]
    if entry.code[:2] in VIOLENT_ROOTS and any(
        o.lemma_.lower() in STATE_SITES or any(c.ent_type_ == "NORP" for c in o.children)
        for o in clauses.prep_objects(verb, frozenset({"at", "on"}))
    ):
        return True  # "struck at the Peruvian consulate": a state's site, its owner the one attacked
    if any(named_for_person(o) for o in clauses.prep_objects(verb, PLACE_PREPS)):
        return (
            True  # "protested outside Ana Lopes Tower": aimed at the one it is named for, not codable as it
        )
    if verb.lemma_.lower() in PERSON_OBJECT_VERBS and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in verb.children
    ):
        return True  # "accusing the billionaire of ...": whom one accuses or urges is always a party
    for obj in objects:
        if obj.lower_ in PARTY_PRONOUNS or (obj.pos_ == "PRON" and obj.lower_ in PERSONAL_PRONOUNS):
            return True
        lemma = obj.lemma_.lower()
        if lemma in KIN_NOUNS:
            return True  # "defended his mother", "whose son was killed": one person, named by kinship
        if (lemma in PERSON_NOUNS or lemma in PEOPLE_NOUNS) and entry.code[:2] in PEOPLE_AIMED_ROOTS:
            # "criticized people trying to ...", "rebuked the woman"; (an attack "killing at least ten people"
            # counts its victims, aid "to refugees fleeing the war" its recipients, whom no coder names)
            return True
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in obj.children):
            return True  # "the driver, John Smith": named by the apposition
        if any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in obj.children):
            return True
        if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON_OWNERS for c in obj.children) and not any(
            s.lower_ in FIRST_PERSON_SUBJECTS for s in clauses.subject_tokens(verb)
        ):
            return True  # "Clinton has declined our debate invitation," the network said: the speaker's
        # the object phrase's own words and the objects of its prepositions, one level down
        # (a name compounded with a thing is its label, "T.P.S. protection"; with a body, its owner,
        # "the Bush administration"; a people's adjective, "Afghan civilians", names a group the actor
        # layer may not code, and the event keeps its source)
        body = obj.lemma_.lower() in GROUP_ROLES or obj.lemma_.lower() in SPEAKS_FOR_NOUNS
        words = [obj] + [c for c in obj.children if c.dep_ == "nmod" or (body and c.dep_ == "compound")]
        owners = frozenset({"from", "by"}) | (frozenset() if obj.lemma_.lower() in entry.objects else {"of"})
        words += clauses.prep_objects(obj, entry.target_preps | owners)
        if any(w.ent_type_ in NAMED_PARTY_ENTITIES for w in words):
            return True
        if any(w.lemma_.lower() in KIN_NOUNS for w in clauses.prep_objects(obj, entry.target_preps)):
            # "drum up support for his wife", "an apology to her son": one person, by kinship ("phoned on
            # behalf of his wife" was for her, not to her)
            return True
        # "accused social media companies", "a request by Democratic senators", "lashed out at the news
        # media", "congressional queries": a party described rather than named
        if any(w.lemma_.lower() in PARTY_NOUNS or w.lower_ in PARTY_NOUNS for w in words):
            return True
        if obj.dep_ == "dative" and obj.lemma_.lower() in GROUP_ROLES:
            return True  # "offered the prime minister a private meeting"
        if any(c.dep_ == "amod" and c.lower_ in PARTY_ADJECTIVES for c in obj.children):
            return True
        if obj.lemma_.lower() in DETERMINED_PARTY_NOUNS and any(
            c.dep_ in ("det", "amod", "poss", "compound") for c in obj.children
        ):
            return True  # "criticized the 83-year-old justice" (bare, "demanded justice" names no one)
        if _political_wing(obj):
            return True  # "denounced the alt-right", "courting the far left"
        if (
            entry.code[:2] in EVALUATED_ACT_ROOTS
            and lemma in DECIDED_ACTS
            and any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETS for c in obj.children)
        ):
            return True  # "applauded the ruling": the ruling of a court an earlier sentence named
    return False


# First-person owners of a thing an act is aimed at, and the subjects that make the act the owner's own
# ("we withdrew our offer"): another's act on "our" thing is aimed at the speaker.
FIRST_PERSON_OWNERS = frozenset({"our", "my"})
FIRST_PERSON_SUBJECTS = frozenset({"we", "i"})


# Roots of evaluations, and a court's decisions they evaluate: a ruling referred back to ("the ruling", "that
# verdict") is a court's, named before; praising or rejecting it is aimed at that court. (A bare "decision"
# may be no party's act at all: "criticized the decision" stays an act with no target.)
EVALUATED_ACT_ROOTS = frozenset({"05", "11", "12"})
DECIDED_ACTS = frozenset("ruling rulings verdict verdicts judgment judgement".split())
ANAPHORIC_DETS = frozenset({"the", "this", "that", "these", "those"})


# Entity labels of a party an act can be aimed at.
OTHER_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


SAME_PHRASE_DEPS = frozenset({"compound", "flat", "amod", "poss", "nmod", "appos", "conj", "cc"})


# Roots of appeals, proposals and demands: a clause they take is what is asked for or offered (its own doer
# still a party: "demanded that Smith resign").
CONTENT_ROOTS = frozenset({"02", "03", "10"})


# Roots of cooperation and aid, whose objects take "on" for a topic ("information on", "a deal on").
TOPIC_ROOTS = frozenset({"03", "04", "05", "06", "07"})


CIRCUMSTANCE_PREPS = frozenset({"despite", "like", "unlike", "amid"})


MOTION_PREPS = frozenset({"into", "through", "across", "over", "throughout", "via"})


# Prepositions an aimed act takes its addressee by, on the verb or on its object ("apologized to Carson",
# "a proposal to Sanders", "confiscated weapons from the armed groups", "restrictions for new EU members").
RECOVERY_PREPS = frozenset({"to", "against", "with", "from", "on", "toward", "towards"})


COERCION_PREPS = frozenset({"for"})
COOPERATIVE_TOPIC_ROOTS = frozenset({"03", "04", "05", "06", "07"})


# Verbs that ask something of someone: "demanded of Bush", "asked of the council".
DEMANDED_OF_VERBS = frozenset({"demand", "ask", "request", "require", "expect"})


# Roots of demands, disapproval, rejection, threats and coercion: a clause they govern names whom.
CONDITION_ROOTS = frozenset({"10", "11", "12", "13", "17"})


def recovered_target(
    ctx: ArticleContext, verb: Token, entry: VerbEntry, code: str, sources: list[EventActor]
) -> list[EventActor]:
    """Whom an aimed act is aimed at, along its own syntax when the coder placed no one there: the object of
    the preposition the act takes, on the verb or its direct object, naming a person, body, country or people
    ("apologized to Ben Carson", "confiscated arms from Palestinian groups"), the owner of its object
    ("rejected Clinton's proposal", "a Senegalese peace plan") - coded where the actor layer can, else by
    name (a named party the coder cannot code)."""
    preps = RECOVERY_PREPS | (COERCION_PREPS if code[:2] in ("16", "17") else frozenset())
    # ("investigating the attacks on the consulate": the attack's target, not this act's)
    objects = [
        o
        for o in clauses.object_tokens(verb)
        if o.pos_ in ("NOUN", "PROPN")
        and (o.lemma_.lower() not in OTHERS_ACTS or o.lemma_.lower() in entry.objects)
    ]
    if code[:2] in COOPERATIVE_TOPIC_ROOTS:
        # "reached a deal on Greece's debt", "agreed on Syria": what a cooperative act is about is no
        # party to it (a coercive act's "on" is aimed: "sanctions on Iran")
        preps -= {"on"}
    candidates = clauses.prep_objects(verb, preps)
    for obj in objects:
        candidates += clauses.prep_objects(obj, preps)
        if obj.lemma_.lower() in entry.objects:
            # the act named by its noun: "mounted an invasion of South Lebanon", "launched an attack of"
            candidates += clauses.prep_objects(obj, frozenset({"of"}))
    candidates += [c for o in objects for c in o.children if c.dep_ == "poss"]
    # a people's adjective names its country only ("a Bolivian plan"; "a former Lopez aide" is no state's)
    demonyms = {c.i for o in objects for c in o.children if c.dep_ == "amod" and c.ent_type_ == "NORP"}
    candidates += [c for o in objects for c in o.children if c.i in demonyms]
    if verb.lemma_.lower() in DEMANDED_OF_VERBS:
        candidates += clauses.prep_objects(verb, frozenset({"of"}))  # "'Quiet' was demanded of Bush"
    if code[:2] in CONDITION_ROOTS:
        # "demanding that the Turkish government provide ...", "threatened to cut aid unless Mexico pays":
        # the one a demanded or threatened clause names as its doer
        heads = [verb] + [c for c in verb.children if c.dep_ == "xcomp"]
        candidates += [
            s
            for h in heads
            for c in h.children
            if c.dep_ == "ccomp"
            or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children))
            for s in clauses.subject_tokens(c)
        ]
    stray = stray_clause_subject(verb)  # "agreed the obstacle to Assad ... can be resolved": what is agreed
    candidates = [t for t in candidates if t.i not in stray]
    for tok in candidates:
        found = [a for a in ctx.index.resolve_all(tok) if not any(same_actor(a, s) for s in sources)]
        if tok.i in demonyms:
            found = [a for a in found if len(a.code or "") == 3 and country_of(a)]
            if not found:
                continue
            if tok.head.pos_ == "NOUN" and people_noun(tok.head):
                # "sentenced the Romanian hacker": a person of the country, named as such, not the state
                words = [t for t in tok.head.subtree if t.i <= tok.head.i and t.dep_ not in ("det", "poss")]
                name = " ".join(t.text for t in words)[:80]
                found = [EventActor(name=name, code=a.code) for a in found]
        if found and not is_medium(ctx, found[0]):
            return found
        if tok.ent_type_ in ("PERSON", "ORG", "GPE") and tok.pos_ == "PROPN":
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and ent.text[:1].isupper():
                return [EventActor(name=ent.text.removesuffix("'s").removesuffix("\u2019s"), code=None)]
    return []


def sentence_names_party(
    ctx: ArticleContext, sent: Span, verb: Token, code: str, subjects: list[Token], sources: list[EventActor]
) -> bool:
    """The sentence names a party other than the act's source: a person, body, country or people outside
    the source's own phrase, not only where something happened ("in Syria"), not the doer of another clause
    ("..., Smith said"), not a news outlet."""
    own = {t.i for s in subjects for t in s.subtree}
    if code[:2] in CONTENT_ROOTS:
        # "called for denying entry to travelers from countries where the Islamic State ...", "proposed
        # repealing the mandate": what an appeal or a proposal asks for is its content, not whom it is made to
        # (the one a clause says should act is still a party: "proposed they debate", "urged that Peru pay")
        for c in verb.children:
            if c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ in ("dobj", "pcomp") and c.pos_ == "VERB"):
                doers = {t.i for d in c.children if d.dep_ == "nsubj" for t in d.subtree}
                own |= {t.i for t in c.subtree if t.i not in doers}
        # "agreed to a six-month extension of the mandate (UNIFIL)": a thing agreed or asked for, not a party
        own |= {
            t.i
            for p in clauses.prep_objects(verb, frozenset({"to", "for"}))
            if p.pos_ == "NOUN" and p.ent_type_ == ""
            for t in p.subtree
        }
    # a clause of its own the act is not in ("after Farook killed 14 people", "when Biden visited Israel",
    # "Pat Robertson, who had condemned ..."): its parties are another act's (an "unless" clause is a
    # threat's or a demand's condition, and names whom it is aimed at)
    on_path = {verb.i} | {a.i for a in verb.ancestors}
    # "Clinton proposed a debate, but Sanders rejected that": a clause coordinated with the act's names its
    # counterpart
    coordinated = {c.i for c in verb.children if c.dep_ == "conj"} | (
        {verb.head.i} if verb.dep_ == "conj" else set()
    )
    own |= {
        t.i
        for c in sent
        if (c.dep_ in ("advcl", "relcl", "acl", "parataxis") or (c.dep_ == "pcomp" and c.head.i != verb.i))
        and c.i not in on_path
        and not any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
        and not any(m.dep_ == "agent" for m in c.children)  # "the compromise led by Collins": hers
        for t in c.subtree
    }
    named = [(e.root, e.label_, list(e)) for e in sent.ents if e.label_ in OTHER_PARTY_ENTITIES]
    in_ents = {t.i for _, _, words in named for t in words}
    # a party the actor layer found where the entity tagger did not ("Governor Pryce")
    named += [(t, t.ent_type_ or "ACTOR", [t]) for t, _ in ctx.index.in_span(sent) if t.i not in in_ents]
    # words inside quotation marks when the act is outside them (or the reverse) are someone else's words
    parity = _quote_parity(sent)
    quoted = {i for i, p in parity.items() if p != parity.get(verb.i, 0)}
    own_names = {w.lower() for a in sources for w in (a.name or "").split()}
    for root, label, words in named:
        if any(t.i in own or t.i in quoted for t in words):
            continue
        if words[-1].lower_.removesuffix("'s").removesuffix("\u2019s") in own_names:
            continue  # the source again by its surname ("Ben Carson, Ted Cruz ... - and Cruz, who ...")
        head = root
        if (
            head.dep_ == "pobj"
            and head.head.lower_ in ("of", "from")
            and head.head.head.pos_ == "PROPN"
            and label == "GPE"
        ):
            continue  # "Senator Cruz of Texas": where someone is from
        while head.head.i != head.i and (
            head.dep_ in SAME_PHRASE_DEPS
            or (head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in ("NOUN", "PROPN"))
        ):
            # up through its own phrase and the nouns it is "of" ("the safety of its leader Ocalan")
            head = head.head.head if head.dep_ == "pobj" else head.head
        if head.dep_ in ("nsubj", "nsubjpass") and (
            head.head.i not in {verb.i} | coordinated or head.head.lemma_.lower() in CONTENT_VERBS
        ):
            # the doer of another clause ("..., Smith said"; "..., but a diplomat in Germany said"), not of one
            # coordinated with the act's ("Clinton proposed a debate, but Sanders rejected that")
            continue
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS | PLACE_PREPS | CIRCUMSTANCE_PREPS:
            continue  # "in Syria", "at the White House": where, not whom; "despite Israel's wish"
        if (
            code[:2] in TOPIC_ROOTS
            and head.dep_ == "pobj"
            and head.head.lower_ in ("on", "about", "upon")
            and head.head.head.pos_ == "NOUN"
        ):
            continue  # "provide information on the safety of its leader": what a thing given is about
        if head.dep_ == "pobj" and head.head.lower_ in MOTION_PREPS and label == "GPE":
            continue  # "blocked transport into Abidjan": a place passed through or into
        found = ctx.index.resolve_all(root)
        if found and all(any(same_actor(f, s) for s in sources) for f in found):
            continue
        if found and any(is_medium(ctx, f) for f in found):
            continue
        return True
    return False


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})


def _quote_parity(sent: Span) -> dict[int, int]:
    """For each token of the sentence, whether it stands inside quotation marks (an odd number of marks
    before it)."""
    out, marks = {}, 0
    for t in sent:
        out[t.i] = marks % 2
        marks += t.text in QUOTE_MARKS
    return out


# Nouns that name a person only with a determiner or modifier: "the justice", "Justice Smith's" (bare, a value).
DETERMINED_PARTY_NOUNS = frozenset({"justice", "justices"})


# Prefixes of a political wing named by its side: "the alt-right", "the far left", "the hard-right".
WING_PREFIXES = frozenset({"alt", "far", "hard", "extreme", "radical", "religious", "populist"})


def _political_wing(tok: Token) -> bool:
    """ "the alt-right", "the far left", "the hard-right": a political wing, a party the act is aimed at."""
    doc = tok.doc
    for t in [tok] + [c for c in tok.children if c.dep_ in ("amod", "compound")]:
        if t.lower_ not in ("right", "left", "right-wing", "left-wing"):
            if t.lower_ in WING_PREFIXES and t.i + 2 < len(doc) and doc[t.i + 1].text == "-":
                t = doc[t.i + 2]  # "alt", "-", "right" parsed as three objects
            else:
                continue
        before = [doc[j] for j in range(max(0, t.i - 2), t.i)]
        if t.lower_ in ("right", "left") and any(w.lower_ in WING_PREFIXES for w in before):
            return True
    return False


# Verbs whose direct object is always a party: "accused the billionaire", "urged the companies".
PERSON_OBJECT_VERBS = frozenset(
    "accuse blame sue urge implore exhort beseech congratulate thank invite summon indict convict".split()
)


# Nouns for people or bodies an act can be aimed at, when the actor layer codes no one for them.
PARTY_NOUNS = frozenset(
    (
        "company companies firm firms business businesses corporation corporations bank banks network networks "
        "platform platforms media press reporter reporters journalist journalists lawmaker lawmakers "
        "legislator legislators senator senators congressman congressmen congresswoman member members "
        "official officials leader leaders delegate delegates witness witnesses critic critics opponent "
        "opponents rival rivals ally allies democrat democrats republican republicans conservative "
        "conservatives liberal liberals voter voters donor donors group groups organization organizations "
        "organisation organisations agency agencies committee committees panel panels investigator "
        "investigators prosecutor prosecutors judge judges court courts union unions executive executives "
        "employee employees staff candidate candidates colleague colleagues activist activists campaign "
        "campaigns lobbyist lobbyists immigrant immigrants country countries nation nations "
        "government governments administration regime party parties body bodies movement movements "
        "inmate inmates prisoner prisoners detainee detainees sponsor sponsors cosponsor cosponsors "
        "family families friend friends relative relatives supporter supporters follower followers "
        "protester protesters protestor protestors demonstrator demonstrators "
        "faction factions elite elites "
        # heads of a body and people named by what they are: "blasted the FBI chief", "told the girl"
        "chief chiefs director directors commissioner commissioners "
        "girl girls boy boys woman women man men teenager teenagers "
        # titles standing alone for the people they name: "teamed up with Sens. Menendez and Manchin"
        "sen sens sen. sens. rep. reps."
    ).split()
)


# Party nouns naming the other side by its relation to the source ("accused its oil-rich ally of ..."): whom
# they mean is another party the sentence names, so the guess of the nearest other country stands.
RELATION_NOUNS = frozenset(
    "ally allies rival rivals opponent opponents neighbor neighbors neighbour neighbours".split()
)


# People named by what they are, not an audience: whom one tells is then the statement's target.
PERSON_NOUNS = frozenset("girl boy woman man child son daughter wife husband mother father teenager".split())


# Adjectives that name the body a thing belongs to: "congressional queries", "parliamentary demands".
PARTY_ADJECTIVES = frozenset({"congressional", "parliamentary", "senatorial"})


# Entity labels of parties an act may be aimed at.
NAMED_PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
