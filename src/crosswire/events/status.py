"""What the text says of an act: happened, going on, planned, hypothetical, demanded of someone, or denied;
and whether it is affirmed or negated. Read from the dependency tree around the act's trigger word.

`act_status(trigger)` walks from the trigger up the clauses that govern it ("expected to [meet]",
"demanded that Japan [withdraw]", "denied that its troops [crossed]", "if they [attack]") and takes the
nearest marker: the closest governing word is what the author or speaker commits to. Only happened and
ongoing acts, affirmed, are facts (`model.FACT_STATUSES`).

`is_speculation(trigger)` tells the author's own guess ("Kim may now be heading to Moscow", "the move
suggests that Seoul will ...") from a reported one: an epistemic marker with no reporting verb above it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

# Modal auxiliaries: what they make of the act they govern.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "\u2019ll"})
POSSIBLE_AUX = frozenset({"may", "might", "could", "would", "should", "can", "must", "ought", "'d"})
# "he should step down", "Iran must stop": what the speaker demands of someone.
DEMAND_AUX = frozenset({"should", "must", "ought"})
# "may now be heading": the author's guess. "could impose" reads as a reported possibility, kept hypothetical.
EPISTEMIC_AUX = frozenset({"may", "might"})
# Governing verbs (the act is their complement) and the status they give it.
PLANNED_HEADS = frozenset(
    "plan intend expect schedule set prepare aim arrange propose anticipate agree pledge promise vow "
    "offer commit volunteer decide resolve undertake mean gear slate poise poised".split()
)  # "poised to demand", "is poising to demand": the act is anticipated, not done
HYPOTHETICAL_HEADS = frozenset(
    "want hope wish seek try attempt consider mull weigh contemplate ponder discuss debate explore "
    "threaten fear warn risk could ask wonder question doubt imagine suppose predict speculate "
    "like love prefer suggest deem".split()
)
DEMANDED_HEADS = frozenset(
    "demand urge call appeal press request encourage order instruct direct tell insist push lobby "
    "require pressure push beg implore exhort invite advise need recommend".split()
)
# "told Putin that the summit had broken down" reports; "told Seoul to withdraw" demands.
DEMAND_ONLY_WITH_INFINITIVE = frozenset(
    {"tell", "ask", "advise", "warn", "remind", "order", "instruct", "press", "insist", "need"}
)
# "accused Clinton of violating the law", "alleged that the party broke the rules", "the violations the campaign
# alleges": the act is the accuser's claim, not a fact the text reports (Status.claimant).
ALLEGING_HEADS = frozenset("accuse allege charge suspect".split())
DENIED_HEADS = frozenset("deny refuse reject decline dismiss rule disavow rebuff refute".split())
NEGATING_HEADS = frozenset({"fail", "neglect", "omit", "stop", "cease", "halt", "avoid"})
# Verbs through which the author speculates: "suggests that", "appears to", "seems to".
SPECULATIVE_HEADS = frozenset({"suggest", "appear", "seem", "indicate", "signal", "imply", "mean"})
REPORTING_HEADS = frozenset(
    "say tell report announce state declare claim add note confirm write quote cite according "
    "insist argue explain allege assert acknowledge admit reveal disclose".split()
)
# Nouns of a report whose that-clause tells what was said: "news that the department would sue".
REPORT_NOUNS = frozenset("news word announcement report reports statement".split())
# (and acts only alleged or possible: "potentially violated", "allegedly took")
SPECULATIVE_ADVERBS = frozenset(
    "perhaps possibly probably likely maybe conceivably potentially allegedly supposedly purportedly".split()
)
# Adjectives on an event noun: "the anticipated talks", "a proposed summit", "a possible strike".
PLANNED_MODIFIERS = frozenset(
    "planned anticipated expected upcoming proposed scheduled forthcoming prospective future next "
    "impending pending coming mooted".split()
)
HYPOTHETICAL_MODIFIERS = frozenset(
    "possible potential hypothetical eventual would-be alleged suspected purported supposed".split()
)
# Nouns that govern an act as their complement: "his refusal to step down", "the plan to visit",
# "some thought to stepping down", "calls for his resignation".
NOUN_HEADS = {
    **dict.fromkeys("refusal denial rejection".split(), "denied"),
    **dict.fromkeys(
        "plan plans intention promise pledge offer proposal bid decision agreement".split(), "planned"
    ),
    **dict.fromkeys(
        "thought possibility prospect idea question threat hope attempt effort".split(), "hypothetical"
    ),
    **dict.fromkeys("call calls demand demands request appeal pressure ultimatum".split(), "demanded"),
    # "evidence that he objected", "no sign that Pyongyang agreed", "allegations that he lied": an act put
    # forward or ruled out, not reported as done
    **dict.fromkeys(
        "evidence sign signs indication proof suggestion allegation allegations rumor rumors speculation "
        "accusation accusations claim claims".split(),
        "hypothetical",
    ),
}
NEGATING_NOUNS = frozenset({"inability", "failure"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
TEMPORAL_PREPS = frozenset({"before", "after", "since", "until", "upon", "while", "despite", "besides"})
ONGOING_HEADS = frozenset({"continue", "keep", "remain"})
# Verbs of effort whose complement is under way while they are in progress ("has been trying to improve").
EFFORT_HEADS = frozenset({"try", "attempt", "seek", "strive", "struggle"})
# Verbs whose complement is an act they give a status ("hopes Chile will say", "denied that Peru said").
GOVERNING_HEADS = (
    PLANNED_HEADS
    | HYPOTHETICAL_HEADS
    | DEMANDED_HEADS
    | DENIED_HEADS
    | NEGATING_HEADS
    | ALLEGING_HEADS
    | ONGOING_HEADS
    | SPECULATIVE_HEADS
    | frozenset({"think", "believe", "guess", "suspect", "bet", "trust", "have"})
)
# How far up the clause chain a marker may sit (each step is one governing verb).
MAX_DEPTH = 4
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "conj", "advcl", "pcomp", "acomp"})


@dataclass(frozen=True)
class Status:
    status: str  # one of model.EVENT_STATUSES
    negated: bool = False
    marker: str | None = None  # the word that set the status (for the rule trail)
    # the verb whose doer alleges the act ("accused X of violating"): the act is that party's claim
    claimant: int | None = None


def _in_progress(verb: Token) -> bool:
    """ "is trying", "have been seeking": a present progressive (a past one, "was trying", is not now)."""
    aux = [c for c in verb.children if c.dep_ == "aux"]
    return (
        verb.tag_ == "VBG"
        and any(c.lemma_ == "be" for c in aux)
        and not any(c.lower_ in ("was", "were", "had", "'d") or c.lower_ in POSSIBLE_AUX for c in aux)
    )


def _negated_here(tok: Token, own: bool = True) -> bool:
    for child in tok.children:
        if own and child.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            return (
                True  # "reached no agreement", "made no concession" (not "after the meeting, gave no sign")
            )
        if child.dep_ == "neg" or child.lower_ in ("never", "neither", "nor"):
            return True
        if own and child.dep_ in ("nsubj", "nsubjpass") and _no_one(child):
            return True  # "neither the Justice Department nor the Office of Special Counsel is investigating"
        if child.dep_ == "det" and child.lower_ == "no":
            return True
        if child.dep_ == "dobj" and child.lower_ == "nothing":
            return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    return False


# Subjects that say no one did the act: "nobody has asked", "none of the ministers objected".
NO_ONE_SUBJECTS = frozenset({"nobody", "none", "neither", "nothing"})


def _no_one(subject: Token) -> bool:
    """A subject naming no doer: "neither X nor Y" (the parser hangs "neither" as preconj or det), "no one",
    "nobody", "none of them", "no official"."""
    if subject.lower_ in NO_ONE_SUBJECTS:
        return True
    if subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children):
        return True
    return any(
        (c.dep_ in ("preconj", "det") and c.lower_ == "neither") or (c.dep_ == "det" and c.lower_ == "no")
        for c in subject.children
    )


def _own_marker(tok: Token) -> Status | None:
    """A marker on the act's own clause: its auxiliaries, a conditional mark, a question, progressive."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if tok.tag_ == "VBN" and not any(c.lower_ == "have" for c in aux):
        words -= {"'d", "\u2019d"}  # "he'd spoken" is "he had spoken": past, not a conditional
    if words & FUTURE_AUX:
        return Status("planned", marker=next(iter(words & FUTURE_AUX)))
    if words & POSSIBLE_AUX:
        return Status("hypothetical", marker=next(iter(words & POSSIBLE_AUX)))
    # "is going to meet", "are about to sign", "is to visit"
    if tok.dep_ == "xcomp" and tok.head.lower_ in ("going", "gon") and tok.head.tag_ == "VBG":
        return Status("planned", marker="going to")
    if tok.dep_ == "ROOT" and any(c.lower_ == "to" for c in aux):
        return Status("planned", marker="to")  # a headline: "Gov. Jan Brewer to veto bill"
    if _imperative(tok):
        return Status("demanded", marker="imperative")  # "Call off this summit," Wyden tweeted
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and any(c.lower_ == "to" for c in aux):
        return Status("planned", marker="is to")
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
        return Status("hypothetical", marker="if")
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in aux) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in tok.children
    ):
        return Status("hypothetical", marker="for ... to")  # "it is important for Congress to examine it"
    if any(c.dep_ == "advmod" and c.lower_ in SPECULATIVE_ADVERBS for c in tok.children):
        return Status("hypothetical", marker="perhaps")
    if _on_the_way(tok) or (
        any(c.lower_ == "to" for c in aux) and tok.dep_ in ("advcl", "xcomp") and _on_the_way(tok.head)
    ):
        # "is heading to Mexico on Wednesday to meet Pena Nieto": the arrival and the meeting are ahead
        return Status("planned", marker="on the way")
    if tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in aux):
        # "were meeting" is past: it happened; so is "had been serving a sentence for hacking"
        if not any(c.lower_ in ("was", "were", "had", "'d") for c in aux):
            return Status("ongoing", marker="progressive")
    if tok.pos_ in ("VERB", "AUX"):  # "is hosting the upcoming lecture", "will attend the planned summit"
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            mods = {c.lower_ for c in obj.children if c.dep_ in ("amod", "compound")}
            if mods & PLANNED_MODIFIERS:
                return Status("planned", marker=next(iter(mods & PLANNED_MODIFIERS)))
    if tok.pos_ in ("NOUN", "PROPN"):
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods & PLANNED_MODIFIERS:
            return Status("planned", marker=next(iter(mods & PLANNED_MODIFIERS)))
        if mods & HYPOTHETICAL_MODIFIERS:
            return Status("hypothetical", marker=next(iter(mods & HYPOTHETICAL_MODIFIERS)))
    return None


# Verbs of travel whose present progressive tells a journey under way: where it leads is still ahead.
ON_THE_WAY_VERBS = frozenset({"head", "travel", "fly", "go", "drive", "sail"})


def _on_the_way(tok: Token) -> bool:
    """ "is heading to Mexico", "are flying to Pyongyang": a present progressive of travel to a place."""
    aux = [c for c in tok.children if c.dep_ == "aux"]
    return (
        tok.tag_ == "VBG"
        and tok.lemma_.lower() in ON_THE_WAY_VERBS
        and any(c.lemma_ == "be" for c in aux)
        and not any(c.lower_ in ("was", "were") for c in aux)
        and any(c.dep_ == "prep" and c.lower_ in ("to", "for") for c in tok.children)
    )


def _imperative(tok: Token) -> bool:
    """A bare verb with no subject or auxiliary opening its clause: "Call off this summit", "make Russian
    interference a priority, or cancel the meeting"."""
    if tok.tag_ != "VB" or tok.dep_ not in ("ROOT", "ccomp", "conj", "parataxis"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in tok.children):
        return False
    if tok.dep_ == "conj" and not _imperative(tok.head):
        return False
    first = next((t for t in tok.subtree if not t.is_punct and t.dep_ not in ("advmod", "intj", "cc")), tok)
    return first.i == tok.i


def _is_question(tok: Token) -> bool:
    sent = tok.sent
    last = next(
        (t for t in reversed(sent) if not t.is_space and t.text not in ("\u201d", '"', "'", ")")), None
    )
    if last is None or last.text != "?":
        return False
    # "sent an e-mail, objecting that ... 'so why do we want to feed that?'": the question is the quote's,
    # not the act's, when a quotation opens between the act and the question mark
    between = tok.doc[tok.i + 1 : last.i]
    return not any(t.text in OPENING_QUOTES or (t.text == '"' and t.whitespace_ == "") for t in between)


OPENING_QUOTES = frozenset({"\u201c", "\u2018"})


def _asked_of(verb: Token) -> bool:
    """ "Will you resign?", "will Iran sign it?": the auxiliary comes before the subject, as a question puts it."""
    aux = [c.i for c in verb.children if c.dep_ in ("aux", "auxpass")]
    subjects = [c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(aux and subjects) and min(aux) < max(subjects)


# Verbs that characterise something as what their complement says ("is considered occupied", "deemed
# illegal"): a view, not a report of an act.
CHARACTERISING_HEADS = frozenset({"consider", "deem", "regard"})
# Adverbial clauses that make what their head says depend on something not (yet) so: "if we win", "unless".
CONDITION_MARKS = frozenset({"if", "unless"})


def _under_condition(verb: Token) -> bool:
    """A verb above the act with an "if"/"unless" clause of its own ("if we win, we're going to go
    marching"); a verb of saying is not covered ("if asked, he said, ..." says; the saying happened)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in REPORTING_HEADS:
        return False
    return any(
        (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children))
        or (c.dep_ == "mark" and c.lower_ in CONDITION_MARKS)  # the verb is itself in the "if" clause
        for c in verb.children
    )


def _noun_beside(trigger: Token) -> Token | None:
    """The governing noun of an infinitive the parser hung beside it, not on it: "X under pressure to
    repudiate" with "to repudiate" on X and "under pressure" a sibling phrase."""
    if trigger.dep_ not in ("acl", "relcl", "advcl", "xcomp") or trigger.head.i == trigger.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    for prep in trigger.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "under" or prep.i > trigger.i:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and NOUN_HEADS.get(noun.lemma_.lower()) == "demanded":
                return noun
    return None


def _governor(tok: Token) -> Token | None:
    """The verb whose clause this one completes, or the verb whose object this event noun is."""
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head
        if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return head.head
        if tok.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
            return head  # "the summit will take place", "talks collapsed"
        return None
    if tok.pos_ == "ADP" and tok.dep_ == "prep":
        return head  # "some thought to [stepping down]": through the preposition to the noun
    if (
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and head.dep_ == "dobj"
        and any(c.dep_ == "aux" and c.lower_ in POSSIBLE_AUX for c in head.head.children)
    ):
        # "could avoid the awkwardness of Mr. Clinton asking for money": a scene the gerund paints under a
        # modal verb is only imagined
        return head.head
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and head.lemma_.lower() in NEGATING_HEADS | DENIED_HEADS:
        # "Trump avoids condemning ...", parsed with "avoids" as a plural noun the gerund describes: the
        # verb that negates or refuses the act still governs it
        return head
    if tok.dep_ in CLAUSE_DEPS:
        return head
    if tok.dep_ == "oprd" and head.lemma_.lower() in CHARACTERISING_HEADS:
        return head  # "the hills are considered occupied territory": a view of the act, not a report of it
    if (
        tok.dep_ == "amod"
        and head.dep_ in ("oprd", "attr", "dobj")
        and head.head.i != head.i
        and head.head.lemma_.lower() in CHARACTERISING_HEADS
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in head.head.children)
    ):
        # "whose flanks are considered occupied territory under international law": a legal or other view
        # of a place or thing, characterised by its participle, is no report that the act took place
        return head.head
    if (
        tok.dep_ in ("acl", "relcl")
        and head.pos_ in ("NOUN", "PROPN")
        and any(
            (c.dep_ == "aux" and c.lower_ == "to" and tok.dep_ == "acl")
            or (c.dep_ == "mark" and c.lower_ in ("that", "whether", "if"))
            for c in tok.children
        )
    ):
        # "his refusal to step down": the noun whose complement the act is ("no evidence that Chile
        # attacked", with "that" a mark, not a relative pronoun, however the parser names the clause)
        return head
    return None


# Adjectives whose infinitive names an act not done: "unable to attend", "powerless to stop".
UNABLE_ADJECTIVES = frozenset({"unable", "powerless", "incapable", "unwilling", "loath", "loth"})


def _too_much_to(tok: Token) -> bool:
    """ "it was too early to comment", "too weak to fight back", "unable to attend": an infinitive hung from
    an adjective that excludes it."""
    if tok.dep_ != "xcomp" or tok.head.pos_ != "ADJ" or tok.head.i == tok.i:
        return False
    adjective = tok.head
    return adjective.lemma_.lower() in UNABLE_ADJECTIVES or any(
        c.dep_ == "advmod" and c.lower_ == "too" for c in adjective.children
    )


def _instead_of(tok: Token) -> bool:
    """ "instead of insisting", "rather than talk": the act is named only as what was not done."""
    if tok.i < 2 or tok.pos_ not in ("VERB", "NOUN"):
        return False
    before = (tok.doc[tok.i - 2].lower_, tok.doc[tok.i - 1].lower_)
    return before in (("instead", "of"), ("rather", "than"))


# First-person verbs of hope or opinion that a parser may hang below the act they frame ("I hope in 2017
# America says ...", "Russia, I believe, will agree"): the act is the writer's or speaker's wish or guess.
FRAMING_VERBS = HYPOTHETICAL_HEADS | frozenset({"think", "believe", "guess", "suspect", "bet", "trust"})


def _framed_by_first_person(trigger: Token) -> bool:
    def first_person_frame(verb: Token) -> bool:
        low, high = sorted((verb.i, trigger.i))
        if any(t.is_quote for t in trigger.doc[low:high]):
            return False  # '"We hope to meet," he said': the quotation's hope, not a frame of the saying
        return verb.lemma_.lower() in FRAMING_VERBS and any(
            s.dep_ == "nsubj" and s.lower_ in ("i", "we") for s in verb.children
        )

    if trigger.dep_ == "parataxis" and first_person_frame(trigger.head):
        return True  # "I hope next year Japan says, ..." with "says" hung beside "hope"
    return any(c.dep_ in ("ccomp", "parataxis") and first_person_frame(c) for c in trigger.children)


def _copula_predicate(tok: Token, via: str) -> bool:
    """ "his meeting with the Pope was not political", "the talks are not an endorsement": a copula whose
    subject is the act says something of it; its negation denies what is said, not that the act took place."""
    return via == "nsubj" and tok.lemma_ == "be" and any(c.dep_ in ("attr", "acomp") for c in tok.children)


def _demand_above(tok: Token) -> str | None:
    """The demand a "for X to do it" clause completes: its head's demand verb ("called for the president to
    resign") or that verb's subject ("pressure has been mounting for Steele to step down")."""
    head = tok.head
    if head.i == tok.i:
        return None
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in DEMANDED_HEADS:
        return head.lemma_.lower()
    if head.pos_ in ("NOUN", "PROPN") and NOUN_HEADS.get(head.lemma_.lower()) == "demanded":
        return head.lemma_.lower()  # "amid calls for Emanuel to resign"
    for subject in (c for c in head.children if c.dep_ == "nsubj"):
        if NOUN_HEADS.get(subject.lemma_.lower()) == "demanded":
            return subject.lemma_.lower()
    return None


def _blames_done_act(call: Token) -> bool:
    """ "calls out Cruz for backing down", "called him a coward for giving in": "call" with an object and a
    "for" + gerund names what was done, not what is demanded ("called for ending the war" demands)."""
    return any(c.dep_ in ("dobj", "oprd") for c in call.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(g.dep_ == "pcomp" for g in c.children)
        for c in call.children
    )


def act_status(trigger: Token) -> Status:
    """The status and polarity the sentence gives the act `trigger` names."""
    said = _act_status(trigger)
    if said.marker not in RULING_OUT_NOUNS and _ruled_out(trigger):
        return replace(said, negated=not said.negated)
    return said


# Nouns that, with "no", say the act they introduce is not so: "no sign that he was planning to apologize".
RULING_OUT_NOUNS = frozenset({"evidence", "sign", "indication", "proof"})


def _ruled_out(trigger: Token) -> bool:
    """ "showed no sign that he was planning to apologize": a governing verb set the act's status below a
    "no sign that" / "no evidence that", which still denies it."""
    tok = trigger
    for _ in range(MAX_DEPTH + 1):
        if tok.dep_ not in CLAUSE_DEPS | {"acl", "relcl"} or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok.lemma_.lower() in RULING_OUT_NOUNS and any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children
            )
    return False


def _reporting_frame(tok: Token) -> bool:
    """'"We will win if he runs," Smith said', "Instead, Smith told CNN, his policy would be ...": a speech
    verb with its own subject hung below the words it reports. The statement was made; the mood of what
    was said ("will", "if", "would") is not its own."""
    return (
        tok.lemma_.lower() in REPORTING_HEADS
        and tok.dep_ in ("ccomp", "parataxis")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        and tok.head.lemma_.lower() not in GOVERNING_HEADS
    )


def _guessed_past(verb: Token) -> bool:
    """ "may have violated", "might have broken": a guess about what a past act amounted to."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    return (
        verb.tag_ == "VBN"
        and any(c.tag_ == "MD" and c.lower_ in ("may", "might", "could") for c in auxes)
        and any(c.lower_ == "have" for c in auxes)
    )


def _past_free_relative(tok: Token) -> bool:
    """ "what he so categorically dismissed": a past-tense verb whose own object is "what" names a thing by an
    act already done; the mood of the clause above (considering it) is not the act's."""
    return (
        tok.tag_ in ("VBD", "VBN")
        and any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") for c in tok.children)
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)
    )


# Acts done by trying them (words addressed to someone): "tried to press him", "sought to reassure allies"
# was said, whatever came of it; "tried to meet him" may have failed.
SAID_BY_TRYING = frozenset(
    "press urge persuade convince reassure explain argue appeal plead lobby pressure ask".split()
)
# What makes a verb's own complement: a conjunct beside one of these shares neither its "not" nor its meaning.
OWN_COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "acomp", "attr"})


def _own_conjunct(conjunct: Token, head: Token) -> bool:
    """ "denies any wrongdoing and points out ...", "was not pleased and accused ...": a finite verb
    coordinated with a verb that has its own complement, is a passive state or an adjective. "did not meet
    and sign the deal" (a bare verb sharing the auxiliary) and "urged and pressed Iran to stop" (a shared
    complement) are not."""
    return (
        conjunct.dep_ == "conj"
        and conjunct.head.i == head.i
        and conjunct.tag_ in FINITE_TAGS
        and head.pos_ in ("VERB", "AUX", "ADJ")
        and (
            head.pos_ == "ADJ"  # "was not pleased and accused him": the verb hung on the adjective
            or any(
                (c.dep_ in OWN_COMPLEMENT_DEPS and c.i < conjunct.i) or c.dep_ == "auxpass"
                for c in head.children
            )
        )
    )


def _act_status(trigger: Token) -> Status:
    negated = False
    tok = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        for alleging in trigger.children:
            if alleging.dep_ in ("relcl", "acl") and alleging.lemma_.lower() in ALLEGING_HEADS:
                # "the violations the campaign alleges": the act is the alleging party's claim
                return Status("happened", marker=alleging.lemma_.lower(), claimant=alleging.i)
    if trigger.i > 0 and trigger.tag_ in ("VBN", "JJ"):
        before = trigger.doc[trigger.i - 1]
        if before.tag_ == "VBN" and before.lemma_.lower() in CHARACTERISING_HEADS:
            # "whose flanks are considered occupied territory", however the parser hangs the participle
            return Status("hypothetical", marker=before.lemma_.lower())
    beside = _noun_beside(trigger)
    if beside is not None:
        # "Clinton Under Pressure To Repudiate General ...", with the infinitive hung on Clinton beside
        # "under pressure": the noun still governs the act
        return Status(NOUN_HEADS[beside.lemma_.lower()], marker=beside.lemma_.lower())
    if trigger.pos_ in ("VERB", "AUX") and _framed_by_first_person(trigger):
        return Status("hypothetical", negated=_negated_here(trigger, own=True), marker="I hope")
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ == "without":
        negated = True  # "the summit ended without agreement"
    if _too_much_to(tok):
        negated = True  # "too early to comment", "unable to attend": the act is said not to be done
    if _instead_of(tok):
        negated = (
            True  # "instead of insisting on the wall", "rather than meet": the act the author sets aside
        )
    governing = False  # whether `tok` governs the act (as opposed to being it, or a verb coordinated with it)
    via = trigger.dep_  # how the clause below `tok` hangs from it
    below: Token | None = None  # the token the walk came up from
    own_act = False  # whether the walk has left a conjunct that is an act of its own
    for depth in range(MAX_DEPTH + 1):
        if below is not None and _own_conjunct(below, tok):
            # "wasn't happy - and hit him back by accusing him", "denies any wrongdoing and points out that
            # he signed": a verb with its own tense after a verb with its own complement is an act of its
            # own; the first verb's "not" or denial is about its own complement. (A verb governing both,
            # "denies that he met X and signed Y", still governs it.)
            own_act = True
        if own_act:
            governing = False
        elif (
            _negated_here(tok, own=depth == 0)
            and (depth == 0 or tok.pos_ in ("VERB", "AUX"))
            and not (depth == 1 and _copula_predicate(tok, via))
        ):
            negated = not negated if governing else True
        if governing and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in NEGATING_NOUNS:
            negated = not negated  # "Obama's inability to persuade lawmakers to impose restrictions"
        if governing and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in NOUN_HEADS:
            if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
                negated = not negated  # "there is no evidence that he objected"
            return Status(NOUN_HEADS[tok.lemma_.lower()], negated=negated, marker=tok.lemma_.lower())
        if governing and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            # "announces whether he plans to step down": the question covers what the clause governs
            return Status("hypothetical", negated=negated, marker="whether")
        if governing:
            lemma = tok.lemma_.lower()
            if lemma == "weigh" and any(c.lower_ == "in" and c.i == tok.i + 1 for c in tok.children):
                lemma = "comment"  # "weighed in to defend": spoke up, did not deliberate
            if lemma in FRAMING_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in tok.children
            ):
                return Status("hypothetical", negated=negated, marker=lemma)  # "I think Russia agreed"
            if lemma in NEGATING_HEADS:
                negated = not negated
                if lemma in ("stop", "cease", "halt"):
                    return Status("happened", negated=negated, marker=lemma)
            elif lemma in ALLEGING_HEADS and tok.pos_ == "VERB":
                # "accused Clinton of violating the law": the act is the accuser's claim
                return Status("happened", negated=negated, marker=lemma, claimant=tok.i)
            elif lemma in DENIED_HEADS:
                return Status("denied", negated=negated, marker=lemma)
            elif lemma == "call" and not any(
                c.dep_ == "prep" and c.lower_ in ("on", "for", "upon") for c in tok.children
            ):
                pass  # "Clinton called him to express concerns": a phone call, no demand
            elif lemma == "call" and _blames_done_act(tok):
                pass
            elif lemma in DEMANDED_HEADS and not (lemma in DEMAND_ONLY_WITH_INFINITIVE and via == "ccomp"):
                return Status("demanded", negated=negated, marker=lemma)
            elif (
                lemma == "have"
                and via == "xcomp"
                and not any(c.dep_ == "aux" and c.lower_ in POSSIBLE_AUX | FUTURE_AUX for c in tok.children)
            ):
                # "he has to seal the deal" demands it; "would have to weigh" stays a hypothetical
                return Status("demanded", negated=negated, marker="have")
            elif lemma in PLANNED_HEADS:
                return Status("planned", negated=negated, marker=lemma)
            elif (
                lemma in EFFORT_HEADS
                and tok.tag_ == "VBD"
                and below is not None
                and below.lemma_.lower() in SAID_BY_TRYING
            ):
                pass  # "tried to press Warren on it": trying to press someone is pressing them
            elif lemma in EFFORT_HEADS and _in_progress(tok):
                # "has been trying to improve relations": the effort is under way, not only wished for
                return Status("ongoing", negated=negated, marker=lemma)
            elif lemma in HYPOTHETICAL_HEADS:
                return Status("hypothetical", negated=negated, marker=lemma)
            elif lemma in ONGOING_HEADS:
                return Status("ongoing", negated=negated, marker=lemma)
        if depth > 0 and _under_condition(tok):
            # "If we win big, we're going to go marching into the convention": the condition hung on a verb
            # above the act covers the act too
            return Status("hypothetical", negated=negated, marker="if")
        marker = _own_marker(tok)
        if marker is not None:
            if marker.marker in ("would", "'d") and (
                (tok.dep_ == "ccomp" and tok.head.lemma_ in REPORTING_HEADS)
                # "following news that the department would sue the state": the content of a report
                or (tok.dep_ == "acl" and tok.head.lemma_.lower() in REPORT_NOUNS)
            ):
                return Status("planned", negated=negated, marker="said ... would")  # reported future
            if marker.status == "planned" and (
                _under_condition(tok) or (marker.marker == "going to" and _under_condition(tok.head))
            ):
                # "if Iran attacks, Israel is going to bomb Tehran", "will resign unless ...": what is planned
                # on a condition is not planned but hypothetical
                return Status("hypothetical", negated=negated, marker="if")
            if marker.status == "planned" and _asked_of(tok) and _is_question(trigger):
                return Status(
                    "hypothetical", negated=negated, marker="?"
                )  # "will you resign?" asks, plans nothing
            demand = _demand_above(tok) if marker.marker == "for ... to" else None
            if demand is not None:
                # "called for the president to resign", "pressed for the United States to carry out airstrikes"
                if tok.head.pos_ in ("VERB", "AUX") and _negated_here(tok.head, own=False):
                    # "she has not called for him to resign": no demand made, the act neither done nor asked
                    return Status("hypothetical", negated=negated, marker=f"not {demand}")
                return Status("demanded", negated=negated, marker=demand)
            if marker.marker in DEMAND_AUX and tok.pos_ in ("VERB", "AUX"):
                return Status("demanded", negated=negated, marker=marker.marker)  # "he should step down"
            return Status(marker.status, negated=negated, marker=marker.marker)
        if depth == 0 and _reporting_frame(tok):
            break
        if depth == 0 and _past_free_relative(tok):
            break  # "he's considering what he so categorically dismissed": the dismissal is a past act
        governor = _governor(tok)
        to_clause = tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        # "he would be in Switzerland negotiating with the Iranians": a bare participle shares its head's mood
        # "to redouble efforts while also imposing restrictions": "while" adds a second act of the same doer
        participle = (
            tok.dep_ == "advcl"
            and tok.tag_ == "VBG"
            and not any(
                (c.dep_ == "mark" and c.lower_ != "while") or c.dep_ in ("aux", "nsubj") for c in tok.children
            )
        )
        if governor is None or (tok.dep_ == "advcl" and not (to_clause or participle)):
            break  # an adverbial clause is an act of its own; its head's mood does not reach it
        if (
            tok.dep_ == "conj"
            and tok.tag_ in FINITE_TAGS
            and (
                any(c.lower_ == "but" for c in governor.children)
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
            )
        ):
            # "would not go that far but said Steele must apologize", "aides say a win would have caused a war
            # - Osborne warns May ...": a finite verb after "but" or with its own subject has its own mood
            break
        if tok.pos_ == "ADP" and tok.lower_ == "by" and via == "pcomp" and _guessed_past(governor):
            break  # "may have violated the law by calling on Russia": the means is done; only what it was is guessed
        if tok.pos_ == "ADP" and tok.lower_ in TEMPORAL_PREPS:
            break  # "declined to comment before relaying that they had looked into it": a time, not a mood
        # A coordinated verb shares the first one's auxiliaries ("will meet and sign"), not its meaning; so
        # does a participle ("rejected the proposal, urging ..." is no denied appeal).
        governing = False if participle else (tok.dep_ != "conj" or governing)
        via = tok.dep_
        # "was not pleased and accused": the adjective the verb was hung on and its copula are one predicate
        own_act = own_act and tok.dep_ == "acomp"
        below = tok
        tok = governor
    if _is_question(trigger):
        return Status("hypothetical", negated=negated, marker="?")
    return Status("happened", negated=negated)


def is_speculation(trigger: Token) -> bool:
    """The author's own guess, not a report: "Kim may now be heading to Moscow", "the visit suggests that
    Pyongyang will ...". A reporting verb above the act ("officials said Kim may ...") makes it a claim."""
    tok = trigger
    speculative = False
    for _ in range(MAX_DEPTH + 1):
        lemma = tok.lemma_.lower()
        if tok is not trigger and lemma in REPORTING_HEADS:
            return False
        if tok is not trigger and lemma in SPECULATIVE_HEADS:
            speculative = True
        if any(c.dep_ == "aux" and c.lower_ in EPISTEMIC_AUX for c in tok.children):
            speculative = True
        if any(c.dep_ == "advmod" and c.lower_ in SPECULATIVE_ADVERBS for c in tok.children):
            speculative = True
        head = tok.head
        if head.i == tok.i:
            break
        tok = head
    return speculative


# Words above a demand that make it someone's reported words, not the author's: "said he should", "Trump's
# assertion that Russia should", "argued that Congress must".
SPEECH_WORDS = REPORTING_HEADS | frozenset(
    "argue warn tweet post urge assertion claim statement suggestion argument insistence remark comment "
    "view opinion position call demand letter speech interview".split()
)
# The markers of a demand made in the author's own voice ("Obama should use his strength", "Trump needs to").
AUTHOR_DEMAND_MARKERS = DEMAND_AUX | {"need", "have"}


def is_authors_demand(trigger: Token, said: Status) -> bool:
    """A demand the text makes in its own voice: "Obama should use his strength to force Grassley", "the
    Committee should formally ask ...", "Trump needs to take responsibility" - an opinion of the author, not
    an act anyone demanded. A speech verb or noun above the act, or one hung beside a clause above it
    ("..., the senator said"), makes it a reported demand."""
    if said.status != "demanded" or said.marker not in AUTHOR_DEMAND_MARKERS:
        return False
    if any(t.is_quote for t in trigger.sent):
        return False  # quoted words are someone's, whoever the quote layer found
    tok = trigger
    for _ in range(MAX_DEPTH + 3):
        if tok is not trigger and tok.lemma_.lower() in SPEECH_WORDS:
            return False
        if any(c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in SPEECH_WORDS for c in tok.children):
            return False
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return True
