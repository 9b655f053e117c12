"""Whether a cue's subject can be the source of an attribution, and whether a speaker is a news outlet.

An analyst reads "All of this suggests that ...", "This corresponded to ..." or "three reasons to believe
that ..." as the writer's own argument, not as something a source said. A speaker must be a person, an
organisation, a state, a group, an anonymous human description, a pronoun standing for one of those, or
a source document ("the poll shows"); PolNeAR, which this follows, marks document sources but almost
never a demonstrative or a proposition ("the fact that ...") as a source.
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.knowledge.quote_cues import (
    DEMONSTRATIVES,
    DESCRIBE_VERBS,
    EVIDENTIAL_VERBS,
    HUMAN_NOUNS,
    INTENT_VERBS,
    MEDIA_WORDS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    THOUGHT_VERBS,
)

_NAME_LABELS = frozenset(("PERSON", "ORG", "GPE", "NORP"))
_PERSONAL = frozenset("he she they we i you who whom one".split())
# Pronouns that never stand for an agent: "nothing suggests that", "everything shows that".
_NON_AGENT_PRONOUNS = frozenset("nothing something everything anything".split())
# Quantifiers that take the agency of what they count: "all of them" is human, "all of this" is not.
_QUANTIFIERS = frozenset("all none some most much many each both any either neither few half".split())
# Suffixes of nouns for people: "negotiator", "analyst", "politician", "participant".
_HUMAN_SUFFIXES = (
    "er",
    "or",
    "ist",
    "ian",
    "ant",
    "ent",
    "ee",
    "ive",
    "crat",
    "man",
    "woman",
    "person",
    "ess",
)

AGENT, SOURCE, UNKNOWN, NON_AGENT = "agent", "source", "unknown", "non-agent"


def _is_proposition(head: Token) -> bool:
    """'the fact that Kim has not travelled', "Kim's message that he will ...": a noun holding a clause."""
    return any(
        c.dep_ in ("acl", "ccomp", "relcl")
        and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
        for c in head.children
    )


def agency(head: Token) -> str:
    """AGENT, SOURCE (a document), UNKNOWN (a noun this cannot tell) or NON_AGENT for a speaker head."""
    lower = head.lower_
    lemma = head.lemma_.lower()
    if lower in _NON_AGENT_PRONOUNS:
        return NON_AGENT
    if lower in _QUANTIFIERS:
        counted = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return agency(counted[0]) if counted else AGENT  # bare "some", "many" are people
    if lower in DEMONSTRATIVES and head.tag_ == "DT":
        # "those close to him", "those surveyed": a modified "those" names people.
        modified = any(c.dep_ in ("relcl", "acl", "prep", "amod") for c in head.children)
        return AGENT if lower == "those" and modified else NON_AGENT
    if head.pos_ == "PRON":
        return AGENT if lower in _PERSONAL or head.tag_ in ("WP", "WDT") else UNKNOWN
    if _is_proposition(head):
        return NON_AGENT
    if head.ent_type_ in _NAME_LABELS or head.pos_ == "PROPN":
        return AGENT
    if lower in HUMAN_NOUNS or lemma in HUMAN_NOUNS:
        return AGENT
    if lower in SOURCE_NOUNS or lemma in SOURCE_NOUNS:
        return SOURCE
    if head.pos_ == "NOUN" and lemma.endswith(_HUMAN_SUFFIXES):
        return AGENT
    return UNKNOWN


def _source_nearby(pronoun: Token) -> bool:
    """A source document named earlier in this sentence or the one before: what "it" most likely is."""
    doc = pronoun.doc
    start = pronoun.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    return any(
        t.pos_ == "NOUN" and (t.lemma_.lower() in SOURCE_NOUNS or t.lower_ in SOURCE_NOUNS)
        for t in doc[start : pronoun.i]
    )


def accepts_speaker(cue: Token, head: Token | None) -> bool:
    """Whether a reported-speech cue with this subject is an attribution at all.

    Demonstratives and propositions never are. With a verb that reports evidence ("suggests",
    "shows"), "corresponds", or a verb that is no listed cue at all (matched only by its that-clause),
    a noun this cannot place as a person, group or document is the writer's reasoning, not a source:
    "sanctions continue to ...", "the situation shows that ...".
    """
    if head is None or cue.lower_ == "according":
        return True  # "according to a speech", "according to her account": the phrase names a source
    kinds = {agency(head)} | {agency(c) for c in head.children if c.dep_ == "conj"}  # "a state and Cruz"
    kind = next((k for k in (AGENT, SOURCE, UNKNOWN) if k in kinds), NON_AGENT)
    if kind == NON_AGENT:
        return False
    if kind != UNKNOWN:
        return True
    if head.lower_ == "it" and _source_nearby(head):
        return True  # "The report came out on Monday. It shows that ...": "it" is the document
    lemma = cue.lemma_.lower()
    listed = (
        lemma in SPEECH_VERBS or lemma in THOUGHT_VERBS or lemma in DESCRIBE_VERBS or lemma in INTENT_VERBS
    )
    return listed and lemma not in EVIDENTIAL_VERBS


def is_outlet(name: str | None, actor_code: str | None = None) -> bool:
    """A news agency, newspaper, broadcaster or "state media": the intermediaries `reported_via` names."""
    if actor_code and actor_code.endswith("MED"):
        return True
    # The last word names what it is: "Korean Central News Agency", "Rodong Sinmun", "The Washington Post",
    # "state media"; a single-word name may be the outlet itself ("Yonhap", "Reuters").
    words = [w.strip(".,'\u2019").lower() for w in (name or "").split()]
    return bool(words) and words[-1] in MEDIA_WORDS


def attribution_word(verb: Token) -> Token:
    """The word that introduces a quotation from the sentence before: its verb when that is a speech verb,
    else a noun of speaking in the verb's clause ("Ri made remarks along these lines ..." -> "remarks")."""
    if verb.lemma_.lower() in SPEECH_VERBS:
        return verb
    nouns = [t for t in verb.subtree if t.pos_ == "NOUN" and t.lower_ in SPEECH_NOUNS]
    return nouns[0] if nouns else verb


def speaks_for_nobody(cue: Token) -> bool:
    """A cue that no one utters: an infinitive modifying a noun ("three reasons to believe that ..."), or a
    bare verb with no subject and no auxiliary, as in a list of options ("(3) ask China for help")."""
    if cue.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children):
        return True
    first = cue
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "(3) ask China for help; and (4) ask Russia for help"
    return all(
        v.tag_ == "VB" and not {c.dep_ for c in v.children} & {"nsubj", "nsubjpass", "aux", "auxpass", "expl"}
        for v in (cue, first)
    ) and first.dep_ in ("ROOT", "parataxis", "ccomp", "appos", "dep")
