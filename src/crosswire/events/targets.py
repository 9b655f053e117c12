"""Whom an act is aimed at: the target from the clause's syntax, a visit's destination, or a guess.

Pure functions over the parse, the article's actors and its places, used by `extract.py`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from crosswire.events import clauses
from crosswire.events.participants import (
    GROUP_ROLES,
    KIN_NOUNS,
    ActorIndex,
    country_of,
    people_noun,
    same_actor,
)
from crosswire.knowledge.event_lexicon import VerbEntry
from crosswire.model import EventActor, Place


def _country_group(index: ActorIndex, tok: Token) -> bool:
    """A role noun its country qualifies, as a direct object: "blasted the American media", "arrested
    Turkish students" (coded as the country's group, USAMED, TURCVL)."""
    if tok.lemma_.lower() not in GROUP_ROLES and tok.lower_ not in GROUP_ROLES:
        return False
    return any(len(a.code or "") >= 6 and country_of(a) for a in index.resolve_all(tok))


# Prepositions whose object is where an act happened, not whom it was aimed at.
# A state's buildings abroad: an attack on one is aimed at the state that owns it.
STATE_SITES = frozenset("consulate consulates embassy embassies legation".split())
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "within", "across", "throughout", "around"})
# Prepositions whose object is a partner, a likeness or a place gone into, never whom an act is aimed at.
COMPANION_PREPS = frozenset({"as", "alongside", "like", "unlike", "than", "besides", "into"})


def syntactic_targets(
    index: ActorIndex, verb: Token, entry: VerbEntry, complement: Token | None
) -> tuple[list[EventActor], bool]:
    """The target actors and whether the syntax (rather than a guess) gave them."""
    objects = clauses.object_tokens(verb)
    if entry.code == "010" and verb.lemma_.lower() in CONTENT_VERBS:
        # "insisted Comey had found ...", "quoted the Talmud", "said the second letter 'energized Trump
        # supporters'": what a statement says or cites is no addressee; a statement's target is whom it is
        # told to ("told Putin", "said to Putin") or aimed at by its own preposition (an attitude, 012-019,
        # is aimed at what it is about: "says Trump poses a threat")
        objects = [o for o in objects if o.dep_ == "dative"]
    if entry.code[:2] == "04" and verb.lemma_.lower() in TOPIC_OBJECT_VERBS:
        # "discussed Syria with Erdogan": what is discussed is the topic; the other side is named by "with"
        objects = []
    heads = [verb] + ([complement] if complement is not None else [])
    candidates: list[Token] = [o for o in objects if index.direct(o) is not None or _country_group(index, o)]
    if entry.code.startswith("087"):
        # "withdraw roughly 2,000 American troops from Syria": the forces pulled back are the doer's own;
        # whom the de-escalation is toward is where they leave ("from Syria")
        candidates = [o for o in candidates if o.lemma_.lower() not in entry.objects]
    later: list[Token] = []  # tried after all the others
    makers: list[Token] = []  # who made a proposal answered: only a named or coded party counts
    # an act of aid or an intent names its beneficiary after "for" too ("aid for Romania")
    aid = AID_PREPS if entry.code[:2] in ("03", "07") else frozenset()
    # "praised Brazil's outreach to Mexico": after an object an actor owns, an evaluation's "to" belongs to
    # that noun (the parser hangs it on the verb); the act evaluated is the owner's, aimed at the owner
    owned_end = max((o.i for o in objects if _named_owner(index, o)), default=None)
    for head in heads:
        found_preps = clauses.prep_objects(head, entry.target_preps | aid)
        if owned_end is not None and head.i == verb.i and entry.code[:2] in EVALUATION_ROOTS:
            found_preps = [p for p in found_preps if not (p.i > owned_end and p.head.lower_ in OWNED_PREPS)]
        candidates += found_preps
        if entry.code.startswith("01"):
            if entry.code >= "012" and head.i == verb.i:
                # "voiced doubts about Smith's project", "expressed concern over Mexico": an attitude is
                # aimed at whom its matter names or belongs to
                candidates += [
                    m for o in objects for m in clauses.prep_objects(o, frozenset({"about", "over"}))
                ]
            continue  # "said of Trump's request to Coats": a statement is addressed by its own preposition
        violent = frozenset({"to"}) if entry.code[:2] in ("18", "19", "20") else frozenset()
        if violent:
            # "struck at the Chilean embassy": a state's site abroad stands for the state that owns it
            candidates += [
                p for p in clauses.prep_objects(head, frozenset({"at"})) if p.lemma_.lower() in STATE_SITES
            ]
        for pobj in clauses.prep_objects(head, frozenset({"for", "into", "against", "on"}) | violent):
            # "called for sanctions against Nigeria", "hack into the computers of South Korean officers",
            # "set fire to the offices of the Palestinian administrators"; a clause there is another act
            # ("arrested for collaborating with Israel" is not aimed at Israel)
            if pobj.pos_ in ("NOUN", "PROPN"):
                later += clauses.prep_objects(pobj, (entry.target_preps | frozenset({"of"})) - {"on"})
        for obj in objects if head.i == verb.i else clauses.object_tokens(head):
            if obj.lemma_.lower() in OTHERS_ACTS and obj.lemma_.lower() not in entry.objects:
                continue  # "investigating the attacks on the consulate": the attack's target, not this act's
            # "offered dirt on Hillary Clinton": what an object is about is not whom the act is aimed at
            # ("sanctions on Iran" are aimed at Iran: only cooperative acts' objects take "on" as a topic)
            topic = TOPIC_PREPS if entry.code[:2] in ("03", "05", "06", "07") else frozenset()
            if _named_owner(index, obj):
                # "praised Lula's outreach to Mexicans": the outreach is Lula's act, aimed at its own
                # object; this act is aimed at its owner (below, through the object owned)
                continue
            candidates += clauses.prep_objects(obj, (entry.target_preps - topic) | aid)
            if obj.lemma_.lower() in OWNED_PROPOSALS:
                # "dismissed an appeal from President Gbagbo": the one who made what is answered
                makers += clauses.prep_objects(obj, frozenset({"from", "by"}))
            if head.i == verb.i and obj.lemma_.lower() in OWNED_PROPOSALS | DEAL_NOUNS:
                # "reject the debt deal reached by the administration": whoever made a proposal or a deal,
                # named by its participle's agent, owns it (not the place or matter its modifiers name);
                # "examined the allegations made by Exxon" looks into claims, not into their maker
                makers += _makers(obj, verb)
            # one level down through "of": "a suspension of air links with Serbia", "$70 million of aid
            # for Romania"; last of all the "of" noun itself ("allow the return of U.N. inspectors")
            for inner in clauses.prep_objects(obj, frozenset({"of"})):
                candidates += clauses.prep_objects(inner, (entry.target_preps - topic) | aid)
                later.append(inner)
    # "McCain's concern on Mitchell's show": a show's host is where words were said, not whom they address
    candidates = [c for c in candidates if c.lemma_.lower() not in SHOW_NOUNS]
    if complement is not None:
        candidates += [o for o in clauses.object_tokens(complement) if index.direct(o) is not None]
    for head in heads:
        # "allowed United Nations planes to land": the parser made the one allowed the subject of the
        # infinitive, not the verb's object
        for clause in head.children:
            if clause.dep_ in ("ccomp", "xcomp") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in clause.children
            ):
                candidates += [c for c in clause.children if c.dep_ == "nsubj"]
    # "Seoul's offer": the owner; a thing whose makers the clause names has them as its owners, found or not
    owned = [o for o in objects if index.direct(o) is None and not _makers(o, verb)]
    if complement is not None:  # "threatened to ban Ugandan opposition candidates"
        owned += [o for o in clauses.object_tokens(complement) if index.direct(o) is None]
    stray = stray_clause_subject(verb)
    if stray:
        candidates, owned, makers, later = (
            [t for t in group if t.i not in stray] for group in (candidates, owned, makers, later)
        )
    for tok in candidates:
        found = [a for a in index.resolve_all(tok) if not names_document(a)]  # a treaty is no party
        if tok.head.lower_ in PLACE_PREPS:
            # "protested outside Smith Tower": a place is where, not whom; a site stands for its owner only
            # when it names a coded body or state ("outside the Chilean embassy", "outside parliament")
            found = [] if named_for_person(tok) else [a for a in found if a.code]
        if found:
            return found, True
    for tok in makers:
        found = [a for a in index.resolve_all(tok) if a.actor_id or country_of(a)]
        if found:
            return found, True
    for tok in owned:
        if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
            continue  # "praised Breitbart News' political editor Matthew Boyle": the person, not his employer
        found = _owner(index, tok)
        if found:
            return found, True
    for tok in later:
        found = [a for a in index.resolve_all(tok) if a.code]
        if found:
            return found, True
    return [], False


def _makers(noun: Token, verb: Token) -> list[Token]:
    """Who made a thing, as a participle clause on it names them: "the deal reached by Obama and Ryan",
    "a plan drafted by France" (not when that participle is the act being coded itself)."""
    return [
        p
        for clause in noun.children
        if clause.dep_ == "acl" and clause.i != verb.i and clause.tag_ == "VBN"
        for agent in clause.children
        if agent.dep_ == "agent"
        for p in agent.children
        if p.dep_ == "pobj"
        for p in (p, *p.conjuncts)
    ]


def stray_clause_subject(verb: Token) -> set[int]:
    """Tokens the parser hung on the verb that are the subject of its "that"-less clause: in "agreed the
    obstacle to Assad remaining in power can be resolved" the clause "can be resolved" has no subject and
    "the obstacle" and "to Assad" were made the verb's object and preposition. What is agreed or said is
    no party to the act."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children):
            continue
        if not _finite(clause):
            continue  # "allow the return of inspectors to remove any doubts": an infinitive needs no subject
        return {
            t.i
            for c in verb.children
            if c.dep_ in ("dobj", "prep") and verb.i < c.i < clause.i
            for t in c.subtree
        }
    return set()


def _finite(clause: Token) -> bool:
    """A tensed clause ("can be resolved", "was wrong"), which needs a subject of its own."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return False
    return clause.tag_ in clauses.FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in clauses.FINITE_TAGS for c in clause.children
    )


def named_for_person(tok: Token) -> bool:
    """ "Smith Tower", "the Lopes building": a building named after a person (a place, not that person)."""
    return tok.lemma_.lower() in BUILDING_NOUNS and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "FAC", "")
        for c in tok.children
    )


def _named_owner(index: ActorIndex, obj: Token) -> bool:
    """The object is owned by an actor the article names ("Lula's outreach", "Brazil's offer")."""
    for owner in (obj, *obj.conjuncts):
        for c in owner.children:
            if c.dep_ == "poss" and c.pos_ == "PROPN" and index.resolve_all(c):
                return True
    return False


# Prepositions that put a place after them: "protested outside", "rallied near".
PLACE_PREPS = frozenset({"outside", "near", "at", "beside", "opposite"})
BUILDING_NOUNS = frozenset(
    "tower towers building buildings house hotel plaza center centre hall mansion residence estate".split()
)
EVALUATION_ROOTS = frozenset({"05", "11", "12"})
OWNED_PREPS = frozenset({"to", "toward", "towards"})
# Verbs of talks whose object is what is talked about, never the other side.
TOPIC_OBJECT_VERBS = frozenset({"discuss"})
TOPIC_PREPS = frozenset({"on", "upon", "about"})
# Nouns for acts done by others: as the object of another act ("condemned the attack on the embassy",
# "investigating the attacks on the consulate"), their own target is not that act's (unless the verb is
# their light verb: "launched an attack on", which the lexicon entry names as its object).
OTHERS_ACTS = frozenset(
    "attack attacks bombing bombings killing killings shooting shootings raid raids invasion assault "
    "assaults strike strikes hacking meddling interference massacre crackdown abuse abuses".split()
)
# Statement verbs whose direct object is what is said or cited, never whom it is said to ("said the letter
# ...", "insisted Comey had ...", "quoted the Talmud", "announced a pivot"); "told", "warned", "assured" take
# their addressee as object.
CONTENT_VERBS = frozenset(
    "say state report declare announce remark comment claim assert stress insist confirm quote cite reiterate "
    "repeat restate reaffirm emphasize emphasise predict explain disclose reveal acknowledge admit maintain "
    "publish outline unveil estimate believe hope expect signal note add argue suggest write".split()
)
SHOW_NOUNS = frozenset("show program programme podcast broadcast interview column segment".split())
AID_PREPS = frozenset({"for", "to"})
OWNED_PROPOSALS = frozenset(
    "appeal offer proposal invitation plan request demand call ultimatum overture initiative".split()
)


# Agreements one side's answer is aimed at the makers of ("rejected the deal reached by ...").
DEAL_NOUNS = frozenset("deal agreement accord compromise settlement bill".split())


# What one is asked to answer: declining comment on someone's one of these answers that someone.
ANSWERED_ASKS = OWNED_PROPOSALS | frozenset(
    "letter letters question questions inquiry query queries subpoena request requests demands".split()
)


def answered_party(index: ActorIndex, comment: Token) -> tuple[list[EventActor], bool]:
    """Whom a refusal to comment answers: the owner of the ask it was about ("declined to comment on
    Smith's latest request": aimed at Smith), and whether the clause names such an owner at all (named but
    uncoded, the target is missing and the event misreports it)."""
    for pobj in clauses.prep_objects(comment, frozenset({"on", "about", "to"})):
        if pobj.lemma_.lower() not in ANSWERED_ASKS and pobj.lower_ not in ANSWERED_ASKS:
            continue
        owners = [c for c in pobj.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
        if not owners:
            continue
        found = [a for o in owners for a in index.resolve_all(o)]
        return found, True
    return [], False


# Last words of the names of documents: a treaty, a pact or a law named after a country is not that country.
DOCUMENT_NAME_ENDS = frozenset("agreement treaty accord accords act protocol charter".split())


def names_document(actor: EventActor) -> bool:
    """The actor's name is a document's ("North American Free Trade Agreement", "Affordable Care Act")."""
    words = (actor.name or "").lower().split()
    return len(words) > 1 and words[-1] in DOCUMENT_NAME_ENDS


# Nouns a law's or bill's short name qualifies: "the Dodd-Frank bill", "the Glass-Steagall Act".
LAW_NOUNS = frozenset("act bill law legislation amendment".split())


def called_a_law(doc: Doc, actor: EventActor) -> bool:
    """The article calls an uncoded pair of joined names a law somewhere ("the Dodd-Frank bill"): a law
    named after its two sponsors is no party, wherever else the article names it bare ("defend
    Dodd-Frank"). One sponsor's name ("the Smith bill") still names the person elsewhere."""
    if actor.code or not actor.name or re.fullmatch(r"[A-Z]\w+-[A-Z]\w+", actor.name) is None:
        return False
    laws = "|".join(sorted(LAW_NOUNS))
    return re.search(rf"\b{re.escape(actor.name)}\s+(?:{laws})s?\b", doc.text, re.IGNORECASE) is not None


def _owner(index: ActorIndex, noun: Token) -> list[EventActor]:
    """Whose thing an object is: its possessor ("Seoul's offer", "Trump's plan") or a country naming it
    ("the Iran deal", "South Korean drills"); a person's or body's name used as a label is not its owner
    ("the Mueller report", "a Medicare proposal")."""
    found = index.resolve_all(noun)
    if not found or any(c.dep_ == "poss" for c in noun.children):
        return found
    if noun.lemma_.lower() in GROUP_ROLES or people_noun(noun):
        # "killed three Iraqi civilians", "arrested a Canadian missionary": the people, named as such
        name = " ".join(t.text for t in noun.subtree if t.i <= noun.i and t.dep_ != "det")[:80]
        return [
            EventActor(name=name, code=a.code) if len(a.code or "") == 3 and not a.actor_id else a
            for a in found
            if a.code
        ]
    return [a for a in found if country_of(a) and len(a.code or "") == 3]


def fallback_target(
    index: ActorIndex, verb: Token, tokens: list[Token], sources: list[EventActor]
) -> list[EventActor]:
    """A target the syntax did not give: the nearest actor of another country in `tokens` - never one
    that acts in a clause of its own ("..., but a diplomat in Seoul said") or only names where something
    happened ("met in Stockholm"). Without a source country there is no "other" country to look for."""
    countries = {country_of(s) for s in sources}
    if countries == {None}:
        return []
    if any(
        o.pos_ in ("PROPN", "NOUN") and index.resolve(o) is None and o.tag_ in ("NNS", "NNPS", "NNP")
        for o in clauses.object_tokens(verb)
    ):
        return []  # "accused Democrats in Congress of ...": the sentence names the target; no guessing another
    named_people = clauses.object_tokens(verb) + clauses.prep_objects(
        verb, frozenset({"with", "to", "against"})
    )
    if any(
        o.pos_ == "NOUN" and (o.lemma_.lower() in KIN_NOUNS or people_noun(o)) and index.resolve(o) is None
        for o in named_people
    ):
        return []  # "met privately with the wife of a pastor held in Iran": whom, named; not Iran
    if any(c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return []  # "a missionary from Calgary was arrested ...": the one it was done to is named, if uncoded
    if any(o.pos_ == "PRON" and o.lower_ in OBJECT_PRONOUNS for o in clauses.object_tokens(verb)):
        return []  # "trashing Trump ... and accusing him of ...": whom, named by the pronoun; not a credit's agency
    if any(o.tag_ == "WP" for o in clauses.object_tokens(verb)):
        return []  # "Democrats in Congress, whom he accused of ...": whom, named by the clause's antecedent
    for tok, actor in index.in_span(tokens):
        if country_of(actor) is None or country_of(actor) in countries:
            continue
        if tok.dep_ == "amod":
            continue  # "deport Syrian refugees", "the Russian argument": a demonym qualifying another noun
        if _in_other_clause(tok, verb):
            continue  # "vetoed the bill that allows lawsuits against the Saudis": whom another clause names
        head = tok
        while head.dep_ in ("compound", "flat", "amod") and head.head.i != head.i:
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.i != verb.i:
            continue
        if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS | PLACE_PREPS:
            continue  # "met in Stockholm", "protested outside Barack Obama Tower": where, not whom
        if head.dep_ == "pobj" and head.head.lower_ == "over" and head.head.head.pos_ == "NOUN":
            continue  # "proposed a no-fly zone over Syria", "flights over Iraq": where the thing is, not whom
        if head.dep_ == "pobj" and head.head.lower_ in COMPANION_PREPS:
            continue  # "fighting the same war as its U.S. partner", "went into Iraq": a partner or a place
        return [actor]
    return []


# Object pronouns standing for a person or party named elsewhere ("accusing him", "urged them").
OBJECT_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "himself", "herself", "themselves"})


def _in_other_clause(tok: Token, verb: Token) -> bool:
    """Whether `tok` stands in a clause of its own below the act: a relative or participle clause of some
    noun ("the bill that allows lawsuits against X", "testimony involving X"), or a "that" clause with a
    subject of its own that is not `tok` ("proposed that a coalition protect Syrians")."""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return False
        if anc.dep_ in ("relcl", "acl") and verb not in anc.subtree:
            return True
        if anc.dep_ == "ccomp" and anc.head.i == verb.i:
            subjects = [c for c in anc.children if c.dep_ in ("nsubj", "nsubjpass")]
            return bool(subjects) and not any(tok in s.subtree for s in subjects)
    return False


def destination(
    index: ActorIndex, places: list[Place], verb: Token, entry: VerbEntry, sources: list[EventActor]
) -> list[EventActor]:
    """The country a visit goes to or a mission is closed in, from the place layer: "flew to Moscow"
    visits Russia, "closed its embassy in Ottawa" acts on Canada (going home to Pyongyang visits no one)."""
    home = {country_of(s) for s in sources}
    pobjs = clauses.prep_objects(verb, entry.target_preps)
    for obj in clauses.object_tokens(verb):  # "closed its embassy in Ottawa"
        pobjs += clauses.prep_objects(obj, entry.target_preps)
    for pobj in pobjs:
        for place in places:
            if place.country and (place.start or 0) <= pobj.idx < (place.end or 0):
                country = index.kb.country_by_code(place.country)
                if country is not None and country.cameo not in home:
                    return [EventActor(name=country.name, code=country.cameo)]
    return []


# Nouns that count people by number only ("killed 130 people", "wounded dozens of civilians").
COUNTED_VICTIM_NOUNS = frozenset("people persons civilians bystanders passersby residents".split())
# Prepositions that put the place where victims were struck ("in Paris", "around Paris", "at the airport").
VICTIM_PLACE_PREPS = frozenset({"in", "at", "near", "around", "across", "throughout", "inside", "outside"})


def counted_victims(index: ActorIndex, places: list[Place], verb: Token) -> list[EventActor]:
    """Victims an attack counts without naming them, where its clause says where it struck: "militants
    killed 130 people in Paris", "an attack in France kills at least 80" are aimed at the civilians of that
    country (FRACVL). Not people counted out of a group ("killed two of its own soldiers"), nor victims
    with no place in the clause, nor places of two countries."""
    doc = verb.doc
    struck = clauses.object_tokens(verb)
    # "kills at least 80": a headline's bare count, which the parser may take for an adverbial
    struck += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NUM" and c.i > verb.i]
    if not any(_counted_victims(t) for t in struck):
        return []
    # "carried out a shooting in San Bernardino, killing 14 people": a participle of what the attack did
    # takes its place from the attack's clause
    attack = verb.head if verb.dep_ == "advcl" and verb.tag_ == "VBG" else None
    countries: set[str] = set()
    for place in places:
        span = doc.char_span(place.start or 0, place.end or 0, alignment_mode="expand")
        if span is None or not place.country:
            continue
        root = span.root
        while root.dep_ == "compound" and root.head.i != root.i:
            root = root.head  # "at the Brussels airport": the place names the site struck
        reached = _reaches(root, verb) or (attack is not None and _reaches(root, attack))
        if root.dep_ != "pobj" or root.head.lower_ not in VICTIM_PLACE_PREPS or not reached:
            continue
        countries.add(place.country)
    if len(countries) != 1:
        return []
    country = index.kb.country_by_code(countries.pop())
    if country is None:
        return []
    return [EventActor(name=f"civilians in {country.name}", code=country.cameo + "CVL")]


def _counted_victims(tok: Token) -> bool:
    """ "130 people", "dozens of civilians", or a bare number ("kills at least 80"), not "two of its
    soldiers" (some of a group the sentence names)."""
    if tok.pos_ == "NUM":
        return not any(c.dep_ == "prep" for c in tok.children)
    if tok.lemma_.lower() in COUNTED_VICTIM_NOUNS or tok.lower_ in COUNTED_VICTIM_NOUNS:
        return any(c.dep_ == "nummod" for c in tok.children) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "of"
        )
    if tok.lower_ in ("dozens", "hundreds", "thousands", "scores"):
        return any(p.lower_ in COUNTED_VICTIM_NOUNS for p in clauses.prep_objects(tok, frozenset({"of"})))
    return False


def _reaches(tok: Token, verb: Token) -> bool:
    """Whether `tok` hangs from `verb` through nouns and prepositions only (its own phrase, its object's,
    its subject's: "an attack in France kills"), not through another clause ("after the war in Syria
    began")."""
    for anc in tok.ancestors:
        if anc.i == verb.i:
            return True
        if anc.pos_ in ("VERB", "AUX") or anc.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return False
    return False


# Verbs of one's own stand for or against someone at the polls: "vote for Clinton", "campaign against Smith".
STANCE_VERBS = frozenset({"vote", "campaign"})
# Subjects of a said clause that stand for the speaker ("Sanders said he would vote for ...").
SPEAKER_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "it"})


def own_stance_target(index: ActorIndex, verb: Token, sources: list[EventActor]) -> list[EventActor]:
    """Whom a statement of the speaker's own vote or campaign is aimed at: "Sanders said he will vote for
    Clinton", "said she would not vote for Smith" (a refusal is about Smith too). Not another's vote ("said
    voters would vote for Clinton"), nor a vote on a thing ("vote against the bill", no party)."""
    for content in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_.lower() in STANCE_VERBS):
        subjects = clauses.subject_tokens(content)
        own = bool(subjects) and (
            subjects[0].lower_ in SPEAKER_PRONOUNS
            or any(same_actor(a, s) for a in index.resolve_all(subjects[0]) for s in sources)
        )
        if not own:
            continue
        for pobj in clauses.prep_objects(content, frozenset({"for", "against"})):
            found = [a for a in index.resolve_all(pobj) if not any(same_actor(a, s) for s in sources)]
            if found:
                return found
    return []
