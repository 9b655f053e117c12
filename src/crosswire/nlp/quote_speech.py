"""Whether an attribution reports speech or writing, or only a belief, an intention or an act.

`quotes` keeps both kinds apart: reported speech ("Kim said that ...", "according to KCNA", a colon
before a quotation) is what an analyst reads as "X says"; beliefs, intentions, perceptions and evidential
verbs ("many observers believe", "Pyongyang seeks to", "he knows the Putin option stinks") are kept as
`kind="attribution"` for PolNeAR-style scoring and for the event coder's claims, and are never shown.

Also not speech: negated cues ("did not reveal", "never said"), cues under a modal or an unreal frame
("will ask", "is expected to announce", "refused to say"), a speech verb whose only content is an object
with no quoted words ("blasted Seoul for the drills", "announcing one new set of sanctions"), and any cue in
a headline or crosshead (a line with no closing punctuation), which restates the body in the desk's words.
Nor are a source's terms of the interview ("an official, who asked not to be named, said ...") or a free
relative that names a thing in the writer's own sentence ("keeps what it calls a hostile policy in place",
"tested what it described as a new engine").
"""

from __future__ import annotations

from collections.abc import Set

from spacy.tokens import Token

from crosswire.knowledge.quote_cues import IRREALIS_HEADS, MODALS, NAMING_VERBS, SPEECH_ACTS, THOUGHT_VERBS
from crosswire.nlp.quote_content import is_clause, own_clause
from crosswire.nlp.runtime import doc_text

_NEGATIONS = frozenset("not n't never no".split())
# Speech verbs whose infinitive is what was said: "vowed to retaliate", "urged Seoul to stop". Another
# verb's infinitive is a misparse or an act ("rejected Seoul's offer to co-host").
_INFINITIVE_SPEECH = frozenset(
    "vow pledge promise threaten urge demand ask propose claim warn tell call order instruct".split()
)  # not "agree": "agreed to plead guilty" is a deal struck, not words said
# Verbs of asking: "asked the court to declare it unconstitutional" - the court declared nothing.
_REQUEST_HEADS = frozenset("ask urge press push petition call beg implore invite encourage".split())
_SENTENCE_END = tuple(".?!:;\"'\u201d\u2019)\u2026")
HEADING_MAX_WORDS = 25
_SUBORDINATORS = frozenset("when if once after before as while unless until".split())


def is_negated(cue: Token) -> bool:
    """'Kim did not reveal ...', 'he never said ...', 'didn't say'."""
    return any(c.dep_ == "neg" and c.lower_ in _NEGATIONS for c in cue.children)


def is_irrealis(cue: Token) -> bool:
    """A cue under a modal ('will ask'), or an infinitive under a verb or adjective of expectation, plan
    or refusal ('is expected to announce', 'declined to say') or under a request ('asked the court to
    declare it unconstitutional'), reports no speech that took place."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in cue.children):
        return True
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children)
    head = cue.head
    if not infinitive or head.i == cue.i or cue.dep_ not in ("xcomp", "ccomp", "advcl"):
        return False
    return (
        head.lemma_.lower() in IRREALIS_HEADS
        or head.lower_ in IRREALIS_HEADS
        or head.lemma_.lower() in _REQUEST_HEADS
        or is_negated(head)
    )


def in_heading(cue: Token) -> bool:
    """Whether the cue sits on a headline or crosshead: a short line that does not end a sentence."""
    text = doc_text(cue.doc)  # spaCy would rebuild the whole text from its tokens on every cue
    start = text.rfind("\n", 0, cue.idx) + 1
    end = text.find("\n", cue.idx)
    line = text[start : len(text) if end < 0 else end].strip()
    return bool(line) and not line.endswith(_SENTENCE_END) and len(line.split()) <= HEADING_MAX_WORDS


def _has_clause_content(cue: Token) -> bool:
    """Whether the cue reports a clause (that-clause, infinitive, the host of '..., he said, ...', or
    '..., as Kim said') rather than only an object."""
    if cue.dep_ == "parataxis" or cue.lower_ == "according":
        return True
    if cue.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in cue.children):
        # "..., as Kim said": the host clause is what was said; "it turned tense as Trump argued for his
        # wall" is a time, and the arguing has its own object.
        return cue.lemma_.lower() in _AS_SAID
    if cue.lemma_.lower() == "read" and any(c.dep_ == "dobj" for c in cue.children):
        return False  # "members reading aloud the founding document": reading a text out is not one's words
    if any(c.dep_ == "ccomp" and is_clause(c) for c in cue.children):
        return True
    if cue.lemma_.lower() in _INFINITIVE_SPEECH and any(c.dep_ == "xcomp" for c in cue.children):
        return True
    return any(
        t.lower_ == "that"
        and t.dep_ == "mark"
        and own_clause(cue, t.head)
        # "rejected claims that he betrayed Democrats": a that-clause completing a noun is the noun's content
        and t.head.head.pos_ not in ("NOUN", "PROPN")
        for t in cue.subtree
        if t.i > cue.i
    )


def is_speech(cue: Token, quoted_words: int, has_speaker: bool) -> bool:
    """Whether a reported-speech cue (with `quoted_words` quoted tokens in its content) reports words
    someone said or wrote, with a speaker to say them."""
    lemma = cue.lemma_.lower()
    if cue.lower_ != "according" and lemma not in SPEECH_ACTS:
        return False
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in cue.children):
        return False  # "pointed out that ..." is speech; "points to" is evidence
    if (
        not has_speaker
        or is_negated(cue)
        or is_irrealis(cue)
        or in_heading(cue)
        or is_passive_participle(cue)
    ):
        return False
    if _inside_belief(cue) or hoped_for(cue) or asks_anonymity(cue) or names_in_passing(cue):
        return False
    if quoted_words:
        # "would ... defend Bachmann against 'these attacks'" inside what O'Neill said is her words' content,
        # not a second statement; a verb of naming ("called it 'toxic'") stays one.
        return lemma in NAMING_VERBS or _has_clause_content(cue) or not _inside(cue, SPEECH_ACTS)
    if lemma in NAMING_VERBS and _names_a_pronoun(cue):
        return (
            False  # "Democrats called that a mischaracterization": shown alone, "that a mischaracterization"
        )
    return _has_clause_content(cue) or (lemma in NAMING_VERBS and _has_object_complement(cue))


_POINTING = frozenset("that this it these those them her him".split())


def _names_a_pronoun(cue: Token) -> bool:
    """'called that a mischaracterization', 'described it as unfair': what is named is only pointed at."""
    after = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    # the parser may hang the pronoun on the complement instead ("calling [her evasive]")
    if after is None or after.lower_ not in _POINTING:
        return False
    following = cue.doc[after.i + 1] if after.i + 1 < len(cue.doc) else None
    # what follows the pronoun is already the name given ("that a mischaracterization", "it as a raid",
    # "her evasive"), not the thing named ("her answer evasive", "that plan a bailout")
    return following is None or following.pos_ in ("DET", "ADP", "ADJ") or following.dep_ in ("oprd", "acomp")


# What a source asks not to be: "who asked not to be named", "requested not to be identified".
_ANONYMITY_VERBS = frozenset("name identify quote cite disclose".split())


def asks_anonymity(cue: Token) -> bool:
    """'An official, who asked not to be named, said ...', 'declined to be identified', 'requested to remain
    anonymous': the terms the source gave the reporter, not words the story reports nor an act."""
    lemma = cue.lemma_.lower()
    if lemma not in ("ask", "request", "decline", "refuse"):
        return False
    for c in cue.children:
        if c.dep_ not in ("xcomp", "ccomp"):
            continue
        if c.lemma_.lower() == "remain" and any(
            x.lower_ in ("anonymous", "unnamed", "unidentified") for x in c.children
        ):
            return True  # "requested to remain anonymous"
        # "asked not to be named"; "declined to be identified" (declining is the negation)
        if c.lemma_.lower() in _ANONYMITY_VERBS and (is_negated(c) if lemma in ("ask", "request") else True):
            return True
    return False


def names_in_passing(cue: Token) -> bool:
    """'Washington keeps what it calls a hostile policy in place', 'tested what it described as a new
    engine', 'complained about what they say is discrimination': a free relative is the writer's way to
    refer to a thing, not a statement reported (its "it" is often not even the speaker the clause around
    it is about, and its "content" is a fragment: "is discrimination by the tech giants")."""
    return any(
        c.lower_ == "what" and c.i < cue.i and c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "oprd")
        for c in cue.children
    )


def _inside_belief(cue: Token) -> bool:
    """'LePage came to believe that a lawmaker had called him a racist': speech someone only believes
    happened is that person's belief, not a report of the speech."""
    return _inside(cue, THOUGHT_VERBS - SPEECH_ACTS)


# Verbs of plain saying that make "..., as X said" an attribution of the host clause.
_AS_SAID = frozenset("say put note write tell explain report claim predict warn state".split())
_HOPE_VERBS = frozenset("hope wish pray dream imagine".split())


def hoped_for(cue: Token, quoted: Set[int] = frozenset()) -> bool:
    """'I hope in 2017 America says, "..."': speech someone hopes or imagines will be said (the parser reads
    the cue as the hoping verb's dependant, or the other way round); nothing was said."""
    if (
        cue.dep_ in ("ccomp", "parataxis")
        and cue.head.i not in quoted
        and cue.head.lemma_.lower() in _HOPE_VERBS
    ):
        return True
    return any(
        c.dep_ in ("ccomp", "parataxis", "advcl")
        and c.i < cue.i
        and c.i not in quoted  # '"... I hope Democrats will decide ...," he said' is what he said
        and c.lemma_.lower() in _HOPE_VERBS
        for c in cue.children
    )


def _inside(cue: Token, lemmas: frozenset[str]) -> bool:
    """Whether the cue sits in the clausal content of a verb with one of these lemmas."""
    token = cue
    while token.dep_ in ("ccomp", "xcomp", "conj") and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in lemmas:
            return True
    return False


def is_passive_participle(cue: Token) -> bool:
    """'Asked if Trump should ..., Gowdy said', 'When asked how ..., Trump said': a bare past participle
    heading a clause is passive; its subject was asked, someone else asked."""
    if cue.tag_ not in ("VBN", "VBD") or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children
    ):
        return False
    if cue.tag_ == "VBN" and cue.dep_ in ("advcl", "acl", "conj"):
        return True
    # The tagger may read a clause-initial "asked" as a past tense: judge by where it stands.
    before = cue.doc[cue.i - 1] if cue.i > cue.sent.start else None
    return before is None or before.lower_ in _SUBORDINATORS


def _has_object_complement(cue: Token) -> bool:
    """'described the situation as a deadlock', 'called him a liar': an object and what it is called."""
    deps = {c.dep_ for c in cue.children}
    as_phrase = any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)
    return "oprd" in deps or ("dobj" in deps and as_phrase) or "ccomp" in deps
