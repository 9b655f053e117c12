"""Reading one clause of a spaCy parse: who acts, on what, whether it is denied, and how certain it is.

Pure functions over tokens; `extract.py` turns what they find into Events.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.knowledge.event_lexicon import Lexicon, VerbEntry

# Tags of a finite verb or modal: a clause of its own, with its own tense (not a participle or infinitive).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

MODAL_AUX = frozenset(
    {"will", "would", "could", "may", "might", "should", "can", "shall", "must", "'ll", "\u2019ll"}
)
# Nouns that only count things ("a second set", "a new round"): the thing counted may be named elsewhere in
# the sentence ("one new set of sanctions and ... withdrawing from a second set").
COUNTING_NOUNS = frozenset(
    {
        "set",
        "round",
        "package",
        "batch",
        "series",
        "wave",
        "list",
        "raft",
        "slew",
        "tranche",
        "state",
        "part",
        "portion",
        # measures: "700 kg of medicine", "25,000 tons of food aid", "$50,000 worth of goods"
        "ton",
        "tons",
        "tonne",
        "tonnes",
        "kg",
        "kilogram",
        "kilograms",
        "worth",
        "consignment",
        "shipment",
        "dollars",
    }
)
# "didn't hesitate to describe" asserts the description: negating these verbs does not negate their complement.
NEGATION_NEUTRAL = frozenset({"hesitate", "stop", "cease", "fail"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)


def subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """The acting noun phrase(s) of `verb`: its subject, the "by" agent of a passive, or the subject it
    shares with the verb it depends on (control, coordination, participles)."""
    if depth > 4:
        return []
    for child in verb.children:
        if child.dep_ == "agent":
            return [c for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in ("nsubj", "csubj"):
            if child.lower_ in ("which", "that", "who") and any(
                c.dep_ == "nsubj" and c.i > child.i for c in verb.children
            ):
                # "the State Department, which she said represented ...": the relative pronoun is the subject
                # of the clause said; the one who said it comes after it
                continue
            if _closes_dash_aside(child):
                # "Perry - who urged fans to vote for Clinton - called for ...": the parser took the aside's
                # last noun for the subject; the real one stands before the aside
                return []
            if not in_dateline(child):
                return [child]
            # "LA PAZ, Bolivia — The Chilean Foreign Ministry condemned": the subject hung on the dateline
            after = [a for a in child.subtree if a.dep_ == "appos" and not in_dateline(a)]
            if after:
                return after[:1]
    if is_passive(verb):
        if _stative(verb):
            # "Israel is opposed to French mediation", "Serb forces were engaged in ethnic cleansing":
            # a state the subject is in, not an act done to it
            subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            auxes = [c for c in verb.children if c.dep_ == "auxpass"]  # the parser hung it on "is"
            return subjects or [c for a in auxes for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in DOCUMENT_NOUNS:
        # "the PKK issued a declaration demanding that ...": the document speaks for who issued it
        owner = verb.head.head
        if verb.head.dep_ == "dobj" and owner.pos_ == "VERB":
            return subject_tokens(owner, depth + 1)
    controller = _object_controller(verb)
    if controller is not None:
        return [controller]
    folded = folded_coordinate(verb)
    if folded is not None:
        return subject_tokens(folded, depth + 1)
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i and is_passive(head):
        if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children):
            # "was indicted and convicted": a bare participle shares the passive; its subject undergoes it
            return []
        # "has been indicted by the U.N. court and will resign": the one indicted resigns, not the court
        return [c for c in head.children if c.dep_ == "nsubjpass"]
    if (
        verb.dep_ in ("advcl", "pcomp")
        and head.lower_ != "by"  # "an offer to make an exception by allowing Khan": the means of the offer
        and _noun_infinitive(head if head.pos_ in ("VERB", "AUX") else head.head)
    ):
        # "He will upend America's efforts to curb warming after [denying] the science": an adverbial the
        # parser hung on a noun's infinitive ("efforts to curb") is no act of that noun's owner - it
        # belongs to a clause further up, and which one the parse does not say
        return []
    if speech_participle_in_content(verb):
        # "Cruz said that Trump represents 'New York values,' stating that ...": a participle of saying hung
        # on what someone said is that speaker's going on (or unclear), never the content clause's subject
        return []
    if _gerund_after_named_object(verb):
        # "covered up China hacking": a name and a gerund read as the verb's object and an adverbial are one
        # noun phrase ("China's hacking") whose doer is the name; the outer clause's subject does not do it
        return []
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head, depth + 1)
    if verb.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head.head, depth + 1)  # "showed deference by [traveling] to China"
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return []  # "soldiers killed in the war": the noun a past participle modifies undergoes the act
    if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
        # "Snoop Dogg had a similar sentiment to Theroux Miley Cyrus was tearful but asked ...": a tensed verb
        # hung on a noun is a second clause the parser glued on (run-on captions); its subject is unknown
        return []
    if verb.dep_ in ("acl", "relcl"):
        # "the Treasury department announcing ...": a gerund's subject is the noun just before it.
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.pos_ in ("NOUN", "PROPN") and before.sent == verb.sent:
            return [before]
        return [head]
    return []


def _gerund_after_named_object(verb: Token) -> bool:
    """An adverbial gerund with no subject right after a proper-name object ("covered up China hacking"):
    the parser split one noun phrase in two."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    return (
        before.dep_ == "dobj"
        and before.pos_ == "PROPN"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def speech_participle_in_content(verb: Token) -> bool:
    """A participle of saying ("stating", "adding", "claiming") the parser hung on the content clause of a
    verb of saying: its subject is not the content clause's."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.lemma_.lower() in REPORTING_VERBS
        and head.i != verb.i
        and head.dep_ == "ccomp"
        and head.head.i != head.i
        and head.head.lemma_.lower() in REPORTING_VERBS
    )


def _closes_dash_aside(subject: Token) -> bool:
    """Whether a subject is the last word of an aside set off by dashes, the closing dash right after it
    and the opening one earlier in its sentence."""
    doc = subject.doc
    after = subject.right_edge.i + 1
    if after >= len(doc) or doc[after].text not in DATELINE_DASHES or doc[after].i >= subject.sent.end:
        return False
    return any(t.text in DATELINE_DASHES for t in doc[subject.sent.start : subject.left_edge.i])


def _noun_infinitive(verb: Token) -> bool:
    """Whether `verb` is an infinitive modifying a noun ("efforts [to curb]", "a plan [to build]")."""
    return verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.pos_ in ("NOUN", "PROPN")


DATELINE_DASHES = frozenset({"\u2014", "\u2013", "--", "-"})


def in_dateline(tok: Token) -> bool:
    """Whether `tok` is in a dateline opening its sentence ("KANSAS CITY, Mo. — The NAACP condemned ...",
    "LIMA (Reuters) -"): a place named before a dash in the sentence's first words, all proper names or
    punctuation; the parser may take it for the subject."""
    sent = tok.sent
    for t in sent[:12]:
        if t.text in DATELINE_DASHES and (t.text != "-" or (t.i > sent.start and t.doc[t.i - 1].whitespace_)):
            return tok.i < t.i  # (a hyphen only when spaced: "Chile-Peru talks" is no dateline)
        if not (t.pos_ == "PROPN" or t.is_punct or t.is_space or t.ent_type_ in ("GPE", "ORG", "LOC")):
            return False
    return False


# Participles that read as a state of their subject after "be": "is opposed to", "were engaged in".
STATIVE_PASSIVES = frozenset({"oppose", "engage"})
# Nouns for documents and statements that speak for whoever issues them.
DOCUMENT_NOUNS = frozenset(
    "declaration statement communique letter resolution note message memorandum appeal ultimatum".split()
)


def _stative(verb: Token) -> bool:
    return (
        verb.lemma_.lower() in STATIVE_PASSIVES
        and is_passive(verb)
        and any(c.dep_ == "prep" and c.lower_ in ("to", "in") for c in verb.children)
    )


# Verbs whose object does the act of their complement: "urged Seoul to resume talks", "called on Schiff to
# resign", "accused Obama of trying to undermine ...".
OBJECT_CONTROL = frozenset(
    "urge ask call tell order direct instruct press persuade force allow permit invite encourage advise warn "
    "remind pressure push help enable convince beg implore".split()
)
ACCUSING = frozenset(
    "accuse charge blame suspect criticize criticise condemn fault praise thank credit".split()
)


# Verbs whose clause content is the subject's own words or resolve: "Japan said it had halted aid", "the
# rebels announced they would return the weapons", "Syria says it is willing to withdraw".
REPORTING_VERBS = frozenset(
    "say tell announce state declare confirm add insist stress reiterate reaffirm promise pledge vow warn "
    "threaten indicate signal acknowledge admit claim decide agree conclude reply respond explain".split()
)
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})


def speaker_of_pronoun(verb: Token, subject: Token) -> Token | None:
    """The reporting verb whose subject a pronoun subject of `verb` stands for: in "Japan said it had
    halted aid" the one who halted is the one who said so. None unless `verb`'s clause (through coordinated
    and infinitive verbs) is the content (ccomp) of a reporting verb, or the pronoun is no subject."""
    if subject.lower_ not in SPEAKER_PRONOUNS or subject.pos_ != "PRON":
        return None
    clause = verb
    for _ in range(4):
        if clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
            continue
        break
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    head = clause.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in REPORTING_VERBS:
        return None
    # Inside quotation marks the speaker is "I" or "we" ("'He would defend his views,' Standefer said" is
    # about someone else); in reported speech, "it", "they", "he" or "she".
    low, high = sorted((subject.i, head.i))
    quoted = any(t.is_quote for t in subject.doc[low:high])
    first_person = subject.lower_ in ("i", "we")
    return head if quoted == first_person else None


def _object_controller(verb: Token) -> Token | None:
    """The object of the verb governing `verb` that is the complement's doer, else None."""
    head = verb.head
    infinitive = verb.dep_ == "xcomp" or (
        verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )
    if infinitive and head.lemma_.lower() in OBJECT_CONTROL:
        for child in head.children:
            if child.dep_ == "dobj":
                return child
            if child.dep_ in ("prep", "prt") and child.lower_ in ("on", "upon"):
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    if verb.dep_ == "pcomp" and head.lower_ in ("of", "for") and head.head.lemma_.lower() in ACCUSING:
        return next((c for c in head.head.children if c.dep_ == "dobj"), None)
    if verb.dep_ == "xcomp" and head.dep_ == "pcomp":  # "accused Obama of [trying] to undermine"
        return _object_controller(head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "for":
        # "voted to hold Pagliano in contempt for [refusing] to testify", "fined the club for breaking":
        # a reason given for what is done to someone is that someone's act
        obj = next((c for c in head.head.children if c.dep_ == "dobj"), None)
        if obj is not None and (
            obj.ent_type_ in PARTY_ENTITIES or obj.lower_ in ("him", "her", "them", "us")
        ):
            return obj
    return None


# Entity types of a direct object that can be the doer of a "for + gerund" reason.
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def folded_coordinate(verb: Token) -> Token | None:
    """ "officials have ghosted meetings and vacated liaison offices": the parser folded the second verb
    into the first one's object, as a participle modifying a noun coordinated with that object. Returns
    the first verb (whose subject the folded one shares), else None."""
    if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD") or verb.i == 0:
        return None
    noun = verb.head
    if noun.dep_ != "conj" or verb.doc[verb.i - 1].dep_ != "cc" or verb.i > noun.i:
        return None
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ == "dobj" and first.head.pos_ in ("VERB", "AUX"):
        return first.head
    return None


def object_tokens(verb: Token) -> list[Token]:
    """Direct objects, datives and (for passives) the grammatical subject."""
    if folded_coordinate(verb) is not None:
        return [verb.head]  # the noun the folded verb was made to modify is its object
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [
            verb.head
        ]  # "soldiers killed in the war": a reduced passive; the modified noun is the patient
    deps = ("dobj", "dative", "nsubjpass", "attr") if is_passive(verb) else ("dobj", "dative")
    if _stative(verb):
        deps = ("dobj", "dative")  # "Israel is opposed to ...": Israel is the one opposing
    return [c for c in verb.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions under `tok` ("with Putin", "on North Korea")."""
    out = []
    for child in tok.children:
        if child.dep_ in ("prep", "prt", "agent", "dative") and child.lower_ in preps:
            out += [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        elif child.dep_ == "prt" and child.lower_ in preps:
            out += [c for c in tok.children if c.dep_ == "dobj"]
    return out


# Nouns for a body of people sent somewhere: the people they are made of name the act too.
GROUP_NOUNS = frozenset("mission team group delegation contingent unit detachment batch".split())


def counted_noun(noun: Token) -> Token:
    """`sanctions` for "a set of sanctions"; for a bare "a second set", the noun another "set of" names in
    the same sentence; otherwise the noun itself."""
    if noun.lemma_.lower() not in COUNTING_NOUNS:
        return noun
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    for other in noun.sent:
        if other.i != noun.i and other.lemma_ == noun.lemma_:
            for child in other.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    return next((p for p in child.children if p.dep_ == "pobj"), noun)
    return noun


OBJECT_PREPS = frozenset({"from", "of", "for", "on"})


# Nouns of a struggle whose "on"/"against" object is what is fought ("the war on terror").
WAR_NOUNS = frozenset({"war", "battle", "fight", "campaign", "crusade", "struggle"})


def object_lemmas(
    verb: Token, entry_preps: frozenset[str], object_preps: frozenset[str] | None = None
) -> set[str]:
    """Lemmas an entry's `objects` condition is checked against."""
    nouns = object_tokens(verb) + prep_objects(
        verb, entry_preps | (OBJECT_PREPS if object_preps is None else object_preps)
    )
    nouns += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("NOUN", "PROPN")]
    nouns += named_by_free_relative(verb)
    lemmas = set()
    for noun in nouns:
        if noun.dep_ == "pcomp" and noun.pos_ == "VERB":
            continue  # "has memories from talking to a voter": a gerund clause is an act, not a thing held
        for n in (noun, *noun.conjuncts):
            counted = counted_noun(n)
            lemmas.add(counted.lemma_.lower())
            lemmas.add(counted.lower_)
            if n.lemma_.lower() in GROUP_NOUNS:  # "a mission of observers", "a team of inspectors"
                lemmas.update(p.lemma_.lower() for p in prep_objects(n, frozenset({"of"})))
            if n.lemma_.lower() in WAR_NOUNS:  # "fighting the same war on terror": what the war is against
                lemmas.update(p.lemma_.lower() for p in prep_objects(n, frozenset({"on", "against"})))
            lemmas.update(c.lemma_.lower() for c in counted.children if c.dep_ in ("compound", "amod"))
    return lemmas


# Verbs of naming in a free relative that stands for the verb's object ("fight what he called terrorism").
NAMING_VERBS = frozenset("call term describe dub label deem".split())


def named_by_free_relative(verb: Token) -> list[Token]:
    """ "fight what he called homegrown terrorism": the object is a free relative ("what ... called X") whose
    predicate noun X names the thing the verb is done to."""
    return [
        p
        for c in verb.children
        if c.dep_ == "ccomp"
        and c.lemma_.lower() in NAMING_VERBS
        and any(w.dep_ == "dobj" and w.lower_ == "what" for w in c.children)
        for p in c.children
        if p.dep_ == "oprd" and p.pos_ in ("NOUN", "PROPN")
    ]


TIME_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def particles_of(verb: Token) -> set[str]:
    """The verb's particles and prepositions; a preposition of a time or number ("headed the command from
    2010 to 2013") is not one that makes the verb a visit."""
    out = set()
    for c in verb.children:
        if c.dep_ == "prep" and any(p.dep_ == "pobj" and p.ent_type_ in TIME_ENTITIES for p in c.children):
            continue
        if c.dep_ in ("prt", "prep", "advmod"):
            out.add(c.lower_)
    return out


def _base_form(verb: Token) -> str:
    """A regular verb's base form from its spelling, for the lemmas the tagger gets wrong ("staged" -> "stag")."""
    word = verb.lower_
    if verb.tag_ in ("VBD", "VBN") and word.endswith("ed"):
        return word[:-1] if word[:-2].endswith(("g", "v", "c", "s", "z", "u")) else word[:-2]
    if verb.tag_ == "VBZ" and word.endswith("s"):
        return word[:-1]
    if verb.tag_ == "VBG" and word.endswith("ing"):
        return word[:-3] + ("e" if word[:-3].endswith(("g", "v", "c", "s", "z", "u")) else "")
    return word


def match_verb(verb: Token, lexicon: Lexicon) -> VerbEntry | None:
    """The most specific lexicon entry whose conditions the verb's clause meets."""
    entries = lexicon.verb_entries(verb.lemma_) or lexicon.verb_entries(_base_form(verb))
    return _first_match(verb, entries)


def is_idiom(verb: Token, lexicon: Lexicon) -> bool:
    """Whether the verb's clause is one of the lexicon's figures of speech ("fought back tears")."""
    entries = lexicon.idioms.get(verb.lemma_.lower()) or lexicon.idioms.get(_base_form(verb), [])
    return _first_match(verb, entries) is not None


def _first_match(verb: Token, entries: list[VerbEntry]) -> VerbEntry | None:
    if not entries:
        return None
    particles = particles_of(verb)
    lemmas: set[str] | None = None
    # "testing whether Washington will pay": an indirect yes/no question ("tested what it called an engine"
    # is still a test).
    takes_clause = any(
        c.dep_ in ("ccomp", "advcl") and any(g.lower_ in ("whether", "if") for g in c.children)
        for c in verb.children
    )
    # "called the meeting an honor", "called the talks a waste": an object with a predicate of its own is only
    # described, so no entry that needs that object ("call ... meeting" -> appeal) applies
    described = any(c.dep_ == "oprd" for c in verb.children)
    # (the parser may hang "that" on the clause's subject as an object: "proposing that a coalition put ...")
    content = any(
        c.dep_ in ("ccomp", "dobj") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in verb.children
    )
    for entry in entries:
        if entry.objects and described:
            continue
        if entry.particles and not set(entry.particles) <= particles:
            continue
        if entry.no_clause and takes_clause:
            continue
        if entry.no_content and content:
            continue
        if entry.object_content and not _object_states_content(verb, entry.objects):
            continue
        if entry.preps and not entry.preps & particles:
            continue
        if entry.objects:
            if entry.object_preps is not None:
                if not entry.objects & object_lemmas(verb, entry.preps, entry.object_preps):
                    continue
                return entry
            if lemmas is None:
                lemmas = object_lemmas(verb, entry.preps)
            if not entry.objects & lemmas:
                continue
        return entry
    return None


def _object_states_content(verb: Token, nouns: frozenset[str]) -> bool:
    """ "rejected the notion that the campaign ...": one of the verb's objects is followed by the "that"
    opening the clause it states."""
    doc = verb.doc
    return any(
        o.dep_ == "dobj"
        and o.lemma_.lower() in nouns
        and o.i + 1 < len(doc)
        and doc[o.i + 1].lower_ == "that"
        and doc[o.i + 1].dep_ == "mark"
        for o in verb.children
    )


def is_negated(verb: Token) -> bool:
    """ "did not meet", "never met", "no longer meets", "said nothing"; a negated control verb negates its
    complement."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in ("never", "neither", "nor"):
            return True
        if child.dep_ == "dobj" and child.lower_ == "nothing":
            return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_ not in NEGATION_NEUTRAL:
        return is_negated(verb.head)
    return held_back(verb)


def held_back(verb: Token) -> bool:
    """ "has refrained from endorsing Clinton", "abstained from voting": the act held back is not done."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_ in REFRAINING_VERBS


# Verbs of holding back from an act ("refrained from endorsing", "abstained from voting").
REFRAINING_VERBS = frozenset({"refrain", "abstain", "desist"})


def modal_marker(verb: Token, lexicon: Lexicon) -> str | None:
    """What makes the act not (yet) real: a modal auxiliary or a verb of intention governing it."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in MODAL_AUX:
            return child.lower_
        if child.dep_ == "aux" and child.lower_ == "to" and verb.dep_ != "xcomp":
            return "to"
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        control = lexicon.controls.get(verb.head.lemma_.lower())
        if control is not None and control.kind == "modal":
            return verb.head.lemma_.lower()
        return modal_marker(verb.head, lexicon)
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return modal_marker(verb.head, lexicon)
    return None


def complement_verb(verb: Token) -> Token | None:
    """The event a control verb takes: "agreed to [meet]", "urged Seoul to [resume] talks"."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            if any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
                return child
    return None
