"""Article-level event coding with crosswire's own lexicon over the article's existing spaCy parse.

`extract_events(article, doc, actors, times, places, quotes)` walks each sentence once. A verb fires the
most specific lexicon entry whose conditions its clause meets; a verb that takes another event as
complement ("agreed to meet", "refused to talk", "threatened to strike") codes the pair as one act; a
nominal event ("the Kim-Putin summit in Vladivostok") fires when its parties can be named (`nominal.py`).
A bare statement ("said", 010) with no target is kept only for a state or a named body; a person's is left
to the quote layer, which holds the words.

Source is the subject (the "by" agent of a passive), target the object, a prepositional object, or the
owner of the object ("rejected Seoul's offer"); each side of a coordination ("South Korea and the US")
gives its own event. A negated act is coded only where the lexicon gives its opposite ("refused to meet"
-> 125), else dropped. Acts inside a quote are claims of its speaker. The date is the act's own
(`timing.py`: its clause's time expression, else a named event's from the knowledge base, else none; the
publication date is only `reported_on`), and so is the place (`location.py`).

Two filters keep doubtful events back (precision first). A floor: the entry's base (0.6; 0.45 for
catch-all verbs like "said"), +0.1 when the source is one of the article's actors, +0.1 for a target
found in the clause's syntax, -0.1 for a target only guessed from the sentence, -0.1 for modal or
quoted (claimed) acts, -0.1 for a pattern derived from the Phoenix dictionary rather than written
here; events under MIN_CONFIDENCE are dropped. Then the learned gate (`gate.py`): the event's
`confidence` is its probability of being right, from structural features; with `gated` (an analysis run
with `Resources(event_gate=True)`), events under the gate's threshold are not emitted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from crosswire.events import clauses, evidence, gate, location, nominal, timing
from crosswire.events.aims import (
    COOPERATIVE_TOPIC_ROOTS,
    NAMED_PARTY_ENTITIES,
    PARTY_NOUNS,
    PERSON_NOUNS,
    RELATION_NOUNS,
    VIOLENT_ROOTS,
    names_unknown_party,
    recovered_target,
    sentence_names_party,
)
from crosswire.events.context import ArticleContext
from crosswire.events.evaluation import content_names_party, evaluates_named, is_critical
from crosswire.events.media import is_medium, is_own_outlet, names_medium, web_address
from crosswire.events.participants import (
    GROUP_ROLES,
    OPPOSING_NOUNS,
    PEOPLE_NOUNS,
    SPEAKS_FOR_NOUNS,
    ActorIndex,
    country_of,
    same_actor,
)
from crosswire.events.status import REPORTING_HEADS, Status, act_status, is_authors_demand, is_speculation
from crosswire.events.targets import (
    CONTENT_VERBS,
    TOPIC_OBJECT_VERBS,
    answered_party,
    called_a_law,
    counted_victims,
    destination,
    fallback_target,
    names_document,
    own_stance_target,
    stray_clause_subject,
    syntactic_targets,
)
from crosswire.knowledge.codebook import Codebook
from crosswire.knowledge.event_lexicon import ControlEntry, Lexicon, NounEntry, VerbEntry
from crosswire.model import (
    FACT_STATUSES,
    Actor,
    Article,
    Event,
    EventActor,
    EventMention,
    Place,
    Quote,
    TimeRef,
)
from crosswire.nlp.dates import anchor_date
from crosswire.nlp.furniture import furniture_tokens
from crosswire.nlp.named_events import find_named_events
from crosswire.nlp.quote_speech import asks_anonymity
from crosswire.nlp.runtime import doc_ents, doc_text

# Nouns whose infinitive names an act that is only offered or asked for ("Seoul's offer to co-host").
# Acts whose target may be named by a place: a visit's destination, the host of a closed mission.
PLACE_TARGET_CODES = frozenset({"042", "161"})  # (a visit, closing a mission)
PROPOSING_VERBS = frozenset("suggest propose recommend".split())
PROPOSAL_NOUNS = frozenset(
    "offer proposal invitation plan request demand call bid attempt effort suggestion idea".split()
)


def extract_events(
    article: Article,
    doc: Doc,
    actors: list[Actor],
    times: list[TimeRef],
    places: list[Place],
    quotes: list[Quote],
    codebook: Codebook | None = None,
    lexicon: Lexicon | None = None,
    gated: bool = False,
) -> list[Event]:
    """Every event the built-in (or given) lexicon codes in `article`, in reading order; with `gated`,
    only those the precision gate (`gate.py`) passes."""
    if doc_text(doc) != article.text:
        raise ValueError(
            f"article {article.id}: the Doc was not parsed from article.text (offsets would be wrong)"
        )
    ctx = ArticleContext(
        article=article,
        doc=doc,
        index=ActorIndex(doc, actors),
        times=[t for t in times if t.value and t.precision != "unresolved"],
        places=[p for p in places if p.start is not None],
        claims=evidence.claim_spans(quotes),
        cue_speakers={q.cue_start: q.speaker for q in quotes if q.cue_start is not None},
        codebook=codebook or Codebook.builtin(),
        lexicon=lexicon or Lexicon.builtin(),
        named=find_named_events(doc, anchor_date(article)),
        gated=gated,
    )
    events: list[Event] = []
    # page furniture (captions, credits, galleries, related links, embedded tweets, share chrome) is not
    # reporting: its words code no act and name no party (nlp/furniture.py)
    furniture = furniture_tokens(doc)
    for sent in doc.sents:
        found: list[tuple[int, Event]] = []  # (how deep its trigger sits in the parse, event)
        for tok in sent:
            if tok.pos_ == "VERB" and tok.i not in ctx.consumed and tok.i not in furniture:
                found += [(_depth(tok), e) for e in _code_verb(ctx, sent, tok)]
        for tok in sent:
            entry = ctx.lexicon.nouns.get(tok.lemma_.lower())
            if (
                entry is not None
                and tok.pos_ in ("NOUN", "PROPN")
                and tok.i not in ctx.consumed
                and tok.i not in furniture
            ):
                found += [(_depth(tok), e) for e in _code_noun(ctx, sent, tok, entry)]
        events += _one_act_each(found)
    return [e for e in events if id(e) not in ctx.held]


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _one_act_each(found: list[tuple[int, Event]]) -> list[Event]:
    """One sentence, one act, one status: two triggers coding the same act between the same sides ("said it
    was too early to comment" coded from "said" and from "comment") give one event, the one whose trigger
    governs the clause (the shallowest in the parse; the first of equals), in reading order."""
    best: dict[tuple, tuple[int, int]] = {}  # act -> (depth, position in `found`)
    for n, (depth, e) in enumerate(found):
        act = (
            e.cameo,
            e.source.code,
            (e.source.name or "").lower(),
            e.target.code if e.target else None,
            (e.target.name or "").lower() if e.target else None,
        )
        if act not in best or depth < best[act][0]:
            best[act] = (depth, n)
    keep = {n for _, n in best.values()}
    return [e for n, (_, e) in enumerate(found) if n in keep]


# Events below this confidence are not emitted: on the hand-judged BASIL audit (docs/accuracy.md) the
# events under it - derived-lexicon patterns with a guessed target, quoted hopes with a guessed target -
# were mostly wrong. Precision first: a missing event is better than a false one shown to an analyst.
MIN_CONFIDENCE = 0.4
# Rule ids of the patterns derived from the Phoenix dictionary (not written for this coder): less reliable.
DERIVED_RULE = "phoenix."


# ---------------------------------------------------------------- verbs


# Modals that with "have" and a participle put an act in an unreal past ("would have gone"); "may/might
# have gone" guesses at what may have happened and is left to the status.
COUNTERFACTUAL_MODALS = frozenset({"would", "could", "should", "ought", "'d"})


def _counterfactual(verb: Token) -> bool:
    """ "would have attended but did not", "if Davis had met Reagan earlier": the act is counter to fact."""
    if verb.tag_ != "VBN":
        return False
    aux = [c for c in verb.children if c.dep_ == "aux"]
    if not any(a.lemma_.lower() == "have" for a in aux):
        return False
    if any(a.lower_ in COUNTERFACTUAL_MODALS for a in aux):
        return True
    return (
        verb.dep_ == "advcl"
        and any(a.lower_ == "had" for a in aux)
        and any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children)
    )


def _code_verb(ctx: ArticleContext, sent: Span, verb: Token) -> list[Event]:
    lexicon = ctx.lexicon
    if clauses.is_idiom(verb, lexicon):
        return []  # a figure of speech the lexicon lists ("fought back tears", "captured the title")
    if _counterfactual(verb):
        return []  # "if she had met him earlier", "would have attended": an act that did not take place
    if _to_be_done_to(verb):
        return []  # "Obama is to blame for it": the subject is the one blamed, and no one blames here
    if verb.lemma_.lower() == "require" and verb.tag_ in ("VBZ", "VBP"):
        # "the department requires lobbyists to disclose their payments", "the job requires more than a few
        # tweets": the simple present of "require" states a standing rule or a need, no demand made
        return []
    if clauses.held_back(verb):
        return []  # "has refrained from endorsing either candidate": no endorsement, nor its opposite
    if verb.tag_ == "VBG" and verb.dep_ == "conj" and any(c.dep_ == "poss" for c in verb.children):
        # "turned her sorrow into a strategy and her mourning into a movement": a word with a possessive is a
        # noun, here an object coordinated with another, which the parser hung as a verb
        return []
    control = lexicon.controls.get(verb.lemma_.lower())
    if (
        control is not None
        and control.kind in ("appeal", "demand")
        and verb.tag_ == "VBN"
        and _reduced_passive(verb)
    ):
        return []  # "when asked to confirm it, the source did so": the subject is the one asked
    if control is not None and control.kind != "modal":
        complement = clauses.complement_verb(verb)
        # "rejected Seoul's offer to co-host": a noun object owns the infinitive, the verb is no control verb.
        owned = control.kind in ("refusal", "intent") and _proposal_object(verb) is not None
        if complement is not None and not owned:
            return _code_control(ctx, sent, verb, control, complement)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.lemma_.lower() in WILLING_WORDS:
        return _code_willing(ctx, sent, verb)
    if verb.dep_ == "xcomp" and _proposal_object(verb.head) is not None:
        return []  # the act only proposed ("offer to co-host") is not reported as done
    if (
        verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "dobj" and c.lemma_.lower() in PROPOSAL_NOUNS for c in verb.head.children)
    ):
        return []  # "issued a call for Obama to resign": the act is only called for, by someone else's lips
    head_control = lexicon.controls.get(verb.head.lemma_.lower()) if verb.dep_ == "xcomp" else None
    if head_control is not None and head_control.kind != "modal" and verb.head.i in ctx.consumed:
        return []
    entry = clauses.match_verb(verb, lexicon)
    if entry is None and verb.lemma_.lower() in VERDICT_VERBS:
        # "the Forum concluded that the US must allocate more": a finding that someone must act demands it
        return _said_content(ctx, sent, verb, demands_only=True) or []
    if entry is None:
        return _statement_noun_content(ctx, sent, verb)
    code, rule = entry.code, entry.id
    if rule.startswith(DERIVED_RULE) and not _simple_clause(verb):
        return []  # a derived pattern is only trusted in the sentence's main clause (see _simple_clause)
    if code == "042" and any(
        t.lemma_.lower() in ("peacekeeper", "peacekeeping")
        for s in clauses.subject_tokens(verb)
        for t in s.subtree
    ):
        code, rule = "074", f"{rule}:peacekeepers"  # "NATO peacekeeping troops have arrived in Bosnia"
    if code == "042" and any(t.lemma_.lower() in FIGHTER_NOUNS for t in _travellers(verb)):
        return []  # "foreign fighters going to Syria": fighters joining a war pay no visit to the country
    if verb.lemma_.lower() == "weigh" and _weight_measured(verb):
        return []  # "the plane weighs more than 100,000 pounds": a weight, no one weighing anything
    if code.startswith("12") and _decrease(verb):
        return []  # "China's coal consumption declined 3.3 percent": a figure went down, nothing was refused
    if code == "016" and any(c.dep_ == "dative" for c in verb.children):
        # "denied Carter a photograph of unity", "denied them entry": withholding something from someone
        # refuses it to them (12); no accusation or responsibility is denied
        code, rule = "120", f"{rule}:withheld"
    if code.startswith("05") and _aimed_against(verb):
        return []  # "joined the campaign against ISIS": support for a fight against the party, no support of it
    if code.startswith("19") and _fights_for_cause(ctx, verb):
        return []  # "will fight for working families": a politician's advocacy, no force
    if code[:2] in VERBAL_ROOTS and _conjunct_of_reported(verb):
        return []
    sayers = clauses.subject_tokens(verb) + ([verb.head] if verb.dep_ == "acl" else [])
    if code.startswith("01") and any(_share_of_people(s) for s in sayers):
        # "56 percent of Americans saying they don't like her": a poll's figure, nobody's statement; what the
        # share said ("38 percent said he should step down") is an answer counted, no demand or act either
        ctx.consumed.update(c.i for c in verb.children if c.dep_ == "ccomp")
        return []
    if code == "042" and _migrating(verb):
        return []  # "why young Syrian men are coming to the U.S. as refugees": migration, no visit
    absorbed = False
    if clauses.is_negated(verb) and entry.negated is not None:
        # CAMEO has the opposite act ("did not accept" -> reject): code it, affirmed.
        code, rule, absorbed = entry.negated, f"{entry.id}:negated", True
    if code.startswith("02") and _asks_a_question(verb, complement_of(verb)):
        return []  # "asked at a news conference", "asked why she had not ...": a question, not an appeal
    if code in BOMBABLE_CODES and _bombing(verb):
        # "rammed his explosives-laden car into the consulate": a (suicide) bombing (183), not a gunfight
        suicide = any(t.lower_ == "suicide" for t in verb.subtree)
        code, rule = ("1831" if suicide else "183"), f"{rule}:bombing"
    if entry.id == "force.test" and any(
        c.lower_ in ("negative", "positive") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in verb.children
    ):
        return []  # "tested negative for clotting disorders" is a medical test
    if (
        code == "130"
        and verb.lemma_.lower() == "warn"
        and any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ == "of") for c in verb.children)
    ):
        code, rule = "012", f"{rule}:that"  # "warned that the address will be destructive": a dark forecast
    if (
        code == "141"
        and verb.lemma_.lower() == "demonstrate"
        and any(c.dep_ == "dobj" for c in verb.children)
    ):
        return []  # "demonstrated a disregard for": showed, did not rally
    if code == "141" and verb.lemma_.lower() == "rally" and any(c.dep_ == "dobj" for c in verb.children):
        return []  # "as he rallies his supporters": gathering support, not a protest
    if (
        entry.id == "protest.march"
        and not any(p.lower_ in ("against", "outside") for p in verb.children)
        and any(ctx.index.resolve(o) is not None for o in _pobjs(verb, "for"))
    ):
        return []  # "rallied for Clinton in Iowa": campaigning for a candidate, no protest
    if code.startswith("14") and any(c.dep_ == "ccomp" for c in verb.children):
        code, rule = "111", f"{rule}:that"  # "protesting that his record is to the left": words, not a rally
    if code.startswith("173") and any(c.dep_ == "ccomp" for c in verb.children):
        code, rule = "112", f"{rule}:that"  # "charging that Trump obstructed justice" accuses; no one is held
    if code == "043" and _hosts_others(verb):
        return []  # the parties' meeting is coded from its noun; a host is no party to it
    if code == "082" and _own_side_rally(verb):
        # "canceled a joint rally with Obama", "called off a campaign rally": an appearance with allies
        # dropped, no protest called off, nothing yielded to anyone
        return []
    if code == "172" and _restricts_goods(verb):
        return []  # "imposing restrictions on firearms": a rule about goods, no sanction on a party
    if code.startswith("04") and _with_manner_only(verb):
        return []  # "spoke with so much gusto", "talked with passion": how one spoke, no partner met
    if code == "043" and _hosts_residents(verb):
        return []  # "hosts three million refugees": people given shelter to stay, no visit received
    if code == "043" and _hosts_a_gathering(verb):
        # "a breakfast hosted by the Chamber of Commerce", "hosted a town hall": an occasion put on, a
        # visit only where a guest is named ("hosted a dinner for Xi")
        entry = replace(entry, needs_target=True)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VBN" and _reduced_passive(verb):
        return []  # "The White House, when pressed on the matter, ...": the subject is pressed, not pressing
    if code.startswith("10") and lemma == "require" and verb.dep_ == "relcl":
        # "an intent element that Congress did not require", "the forms the law requires": what a rule
        # contains, described; no one is asked for anything
        return []
    if verb.dep_ == "pobj" and any(
        c.dep_ == "poss" for s in clauses.subject_tokens(verb) for c in s.children
    ):
        # "attention for her Islamophobic remarks" read as "Islamophobic remarks": a noun phrase after a
        # preposition, its "subject" an adjective - no clause, no act
        return []
    if _headline_passive(verb):
        return []  # "Clinton Accused Of Lying About Benghazi": Clinton is accused; who accuses is not said
    if code == "063" and not any(ctx.index.resolve(o) is not None for o in objects):
        return []  # "handed over Twitter messages to the committees": things handed over, no one extradited
    if code == "161" and any(
        o.lemma_.lower() == "office" and not any(c.dep_ in ("compound", "det", "poss") for c in o.children)
        for o in objects
    ):
        return []  # "when Obama left office": a term ended, no mission closed
    if (
        code.startswith("01")
        and lemma == "report"
        and not any((a.code or "") for s in clauses.subject_tokens(verb) for a in ctx.index.resolve_all(s))
    ):
        return []  # "a segment reporting that ...", "reported by Fox": the news reports, an uncoded reporter
    if code.startswith("01") and lemma == "confirm" and any(o.lemma_.lower() in VOTED_ON for o in objects):
        return []  # "the Senate confirmed two cabinet nominations": a vote, not a statement
    if code.startswith("01") and lemma == "confirm" and _person_confirmed(verb):
        return []  # "Gruenberg, who was confirmed by the Senate", "confirmed Smith as director": a vote on a person
    if lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        code, rule = "111", f"{rule}:out"  # "called out House Speaker John Boehner": criticism
    if code.startswith("12") and any(
        t.lemma_.lower() == "comment" and _owned(t) for o in objects for t in o.subtree
    ):
        return []  # "rejected several of Trump's comments": someone's remarks disowned, no comment declined
    if code.startswith("12") and any(t.lemma_.lower() == "comment" for o in objects for t in o.subtree):
        code, rule = "011", f"{rule}:comment"  # "declined repeated requests for comment"
    if code.startswith("04") and any(
        any(m.dep_ == "compound" and m.lower_ in ("press", "news") for m in o.children) for o in objects
    ):
        return []  # "will hold a press conference": a statement to the press, not a consultation
    # "sat down with USA Today to discuss ...": whom a purpose clause's talks are with is named on the verb
    # it serves
    spoken_with = [
        o
        for h in [verb] + ([verb.head] if _purpose_clause(verb) else [])
        for o in _pobjs(h, "with") + _pobjs(h, "to")
    ]
    if code.startswith("04") and any(
        o.lower_ in PRESS_WORDS
        or any(m.dep_ == "compound" and m.lower_ in PRESS_WORDS for m in o.children)
        or names_medium(o)
        or any(is_medium(ctx, a) for a in ctx.index.resolve_all(o))
        for o in spoken_with
    ):
        return []  # "spoke with Fox News about Clinton", "talked to reporters": an interview, no consultation
    if code.startswith("04") and any(o.lemma_.lower() in LETTER_NOUNS for o in objects):
        # "sent a letter to Comey seeking answers": a written request (020), no meeting; a letter that asks
        # nothing is only words sent
        if not any(t.lemma_.lower() in ASKING_VERBS and t.i != verb.i for t in verb.subtree):
            return []
        code, rule = "020", f"{rule}:letter"
    if code == "057" and (
        any(o.lemma_.lower() in SIGNED_TEXTS for o in objects)
        or (verb.dep_ == "acl" and verb.head.lemma_.lower() not in AGREEMENT_NOUNS)
    ):
        # "signed the bill", "a letter, signed by 200 Republicans, ...": a text signed, no agreement (a
        # participle's noun is what was signed: only an accord or a treaty signed is one)
        return []
    if code in ("042", "043") and any(
        o.lemma_.lower() in ATTENDED_EVENTS for o in objects + _pobjs(verb, "to")
    ):
        return []  # "went to a Trump rally", "flew to the game": attending an event is no visit to a person
    if code == "057" and any(
        p.lower_ == "into" and any(o.lemma_.lower() == "law" for o in p.children)
        for p in verb.children
        if p.dep_ == "prep"
    ):
        return []  # "the Act, which Obama signed into law": a domestic bill enacted, no agreement with anyone
    if code == "040" and any(o.lemma_.lower() in NOT_MET for o in objects):
        return []  # "had met new standards", "met the deadline"
    if code.startswith("09") and any(
        t.lemma_.lower() in SEEN_THINGS for p in verb.children if p.dep_ in ("prep", "prt") for t in p.subtree
    ):
        return []  # "looking directly into the camera": a gaze, not an inquiry
    if lemma == "consider" and any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in verb.children):
        return []  # "those he considers the stronger candidates": an opinion, not a policy under consideration
    if lemma == "weigh" and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children):
        return []  # "went on Twitter to weigh in": to comment, not to consider a policy
    if code.startswith("03") and any(o.lemma_.lower() in HOSTILE_OFFERS for o in objects):
        return []  # "offered Trump an ultimatum": no cooperation is offered
    if code.startswith("03") and lemma == "offer" and any(o.lower_ in REFLEXIVES for o in objects):
        return []  # "offering himself up as a force for Clinton": presenting oneself, no cooperation offered
    if code.startswith("08") and lemma in ADMISSION_VERBS and any(c.dep_ == "ccomp" for c in verb.children):
        return []  # "conceded he had fallen short": admitting a fact is a statement, no one is yielded to
    if code.startswith("08") and _place_not_particle(verb, entry):
        return []  # "a speech he gave in Moscow": a place after the verb, not "gave in"
    if code.startswith("05") and lemma in BACKING_VERBS and _electoral(verb):
        return []  # "supported Kasich in the Republican primary": a vote or a donor's backing, no diplomacy
    if code.startswith("09") and lemma == "look" and any(o.pos_ == "PRON" for o in _pobjs(verb, "into")):
        return []  # "has been looking into it a long time": studying an issue, not an inquiry into a party
    if code.startswith("03") and verb.dep_ == "relcl" and verb.head.lemma_.lower() in HOSTILE_OFFERS:
        return []  # "the remarks he offered"
    if (
        code.startswith("03")
        and lemma in ("promise", "pledge", "vow", "offer")
        and any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return []  # "promising that Mexico would pay for the wall": a forecast or claim, not an undertaking
    if code == "030" and lemma in ("agree", "concur") and _opinion_clause(verb):
        code, rule = "019", f"{rule}:opinion"  # "agreed that the charges were serious": accord, no agreement
    topic: list[Token] = []
    if code == "010" and is_critical(verb, lexicon):
        code, rule = "111", f"{entry.id}:critical"
        topic = [t for c in verb.children if c.dep_ == "advcl" for t in c.subtree] + [
            t for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree
        ]
    if code == "010" and not topic:
        content = _said_content(ctx, sent, verb)
        if content is not None:
            return content
    mode = "potential" if clauses.modal_marker(verb, lexicon) else None
    return _assemble(ctx, sent, verb, entry, code, rule, mode, topic=topic, polarity_absorbed=absorbed)


# "conceded/admitted/acknowledged that ...": an admission, a statement, not a yield.
ADMISSION_VERBS = frozenset("concede admit acknowledge grant".split())
REFLEXIVES = frozenset("himself herself themselves itself myself ourselves yourself yourselves".split())
# Particles of a phrasal yield ("gave in", "backed down", "stepped aside") that take no object: with one
# ("gave in Moscow") they are prepositions of place or time.
BARE_PARTICLES = frozenset("in down aside out back".split())
# Verbs of backing whose object in an election is a candidate: a vote or a donor's support (no cooperation).
BACKING_VERBS = frozenset("support back favor favour vote".split())
# Words of an election: a candidate's race, not a state's policy.
ELECTORAL_WORDS = frozenset(
    "primary primaries election elections caucus caucuses race runoff nomination nominee candidate candidacy "
    "ballot voter voters donor donors delegate delegates".split()
)


# Verbs whose "be to V" reads passively: "X is to blame" (X is blamed), not "X is to visit" (X will visit).
PASSIVE_INFINITIVE_VERBS = frozenset({"blame"})


def _to_be_done_to(verb: Token) -> bool:
    """ "the governor is to blame for that", "who was to blame": an infinitive after "be" with no object
    of its own whose sense is passive - its subject undergoes the act, and its doer is not named."""
    return (
        verb.lemma_.lower() in PASSIVE_INFINITIVE_VERBS
        and verb.dep_ in ("xcomp", "ROOT", "ccomp", "conj")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and (verb.head.lemma_ == "be" or any(c.lemma_ == "be" and c.dep_ == "aux" for c in verb.children))
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


# Words naming the press as the one spoken with ("spoke with Breitbart News", "talked to reporters").
PRESS_WORDS = frozenset("news reporter reporters journalist journalists press interviewer".split())


def _purpose_clause(verb: Token) -> bool:
    """ "sat down with her to discuss ...", "met to talk": an infinitive clause saying what its head is for."""
    return verb.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    )


def _owned(noun: Token) -> bool:
    """ "Trump's comments", "his remarks": the noun has a possessor of its own (the parser may hang the
    possessor beside it: "several of Trump's comments")."""
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return before is not None and (before.dep_ == "case" or before.tag_ == "PRP$")


def _pobjs(verb: Token, prep: str) -> list[Token]:
    """The objects of the verb's preposition or particle `prep` ("looking into it" -> [it])."""
    return [g for c in verb.children if c.lower_ == prep for g in c.children if g.dep_ == "pobj"] + [
        c
        for c in verb.children
        if c.dep_ == "dobj" and any(p.dep_ == "prt" and p.lower_ == prep for p in verb.children)
    ]


def _acts_on_called(verb: Token, complement: Token) -> bool:
    """ "called Sanders to congratulate him": the complement's object is a pronoun for the one called, so the
    caller, not the called, does the act."""
    called = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(called) and any(
        c.dep_ == "dobj" and c.lower_ in ("him", "her", "them") for c in complement.children
    )


def _place_not_particle(verb: Token, entry: VerbEntry) -> bool:
    """An entry's bare particle ("give in") met only by a preposition with an object ("gave in Moscow")."""
    wanted = set(entry.particles) & BARE_PARTICLES
    if not wanted:
        return False
    preps = [c for c in verb.children if c.lower_ in wanted]
    return bool(preps) and all(c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children) for c in preps)


def _electoral(verb: Token) -> bool:
    """Whether the verb's clause speaks of an election (a primary, a race, a candidate, a vote)."""
    return any(t.lemma_.lower() in ELECTORAL_WORDS for t in verb.subtree)


# What one looks into without investigating anything.
SEEN_THINGS = frozenset("camera cameras lens eye eyes mirror distance sun sky crowd audience".split())
# Written messages: sending one is no meeting ("sent a letter to the FBI director").
LETTER_NOUNS = frozenset("letter letters memo memos note notes email emails petition petitions".split())
# Verbs by which a letter asks something of its addressee ("a letter seeking answers", "asking for documents").
ASKING_VERBS = frozenset("seek ask request demand urge call press query question".split())
# Texts signed that are no agreement with anyone: letters, petitions, bills and orders.
SIGNED_TEXTS = LETTER_NOUNS | frozenset("bill bills law laws order orders legislation measure pledge".split())
# What, signed, is an agreement between parties.
AGREEMENT_NOUNS = frozenset(
    "agreement deal treaty accord declaration pact memorandum communique contract armistice truce".split()
)
# What a legislature confirms by vote.
VOTED_ON = frozenset("nomination nominations nominee nominees appointment appointments treaty".split())
# Gatherings one attends as one of a crowd: going there is no visit to whom they are named for.
ATTENDED_EVENTS = frozenset(
    "rally rallies game games match concert fundraiser convention debate parade festival event events "
    "speech show".split()
)
# Objects that make "met" a matter of reaching a mark, not a meeting.
NOT_MET = frozenset(
    "standard standards requirement requirements criterion criteria goal goals target targets deadline "
    "deadlines expectation expectations threshold obligation obligations need needs condition conditions "
    "test challenge quota demand demands resistance opposition fate end death".split()
)
# Objects that make an offer or promise hostile: "offered an ultimatum", "promised retaliation".
HOSTILE_OFFERS = frozenset(
    "ultimatum threat threats warning warnings retaliation revenge criticism critique critiques rebuke "
    "condemnation denunciation complaint complaints objection objections attack attacks resistance "
    # words offered are no cooperation either: "offered a tentative prediction", "would not offer details"
    "prediction predictions forecast assessment view views opinion opinions explanation explanations "
    "detail details comment comments thought thoughts remark remarks testimony evidence musing musings "
    "reflection reflections observation observations anecdote anecdotes theory theories excuse excuses "
    "analysis analyses perspective insight insights "
    # nor are a speaker's words, a defence or a plan of their own: "offering few specifics", "offered an
    # emotional defense of the city", "offered a tactical guide"
    "specific specifics defense defence guide guidance advice tip tips glimpse reminder summary rationale "
    "argument arguments answer answers response responses account version description clue clues hint hints "
    "example examples lesson lessons rebuttal preview tribute prayer prayers praise apology apologies "
    "reassurance reassurances words "
    # nor a stance or a barb: "offered a restrained embrace", "offered a caveat", "offered a Trump-style retort"
    "embrace caveat caveats retort retorts rejoinder riposte quip quips jab jabs barb barbs dig digs "
    "insult insults".split()
)


def _addressee(verb: Token) -> Token | None:
    """Whom an appeal or demand is made of: "urged Seoul to ...", "called on the Obamas to ..."."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child
    objects = clauses.prep_objects(verb, frozenset({"on", "upon"}))
    return objects[0] if objects else _asked_in_passive(verb)


def _asked_in_passive(verb: Token) -> Token | None:
    """Whom a passive appeal is made of: "Carson was asked by Smith to ...", "Asked by Smith to respond,
    Carson said ...": the passive's subject, or that of the clause its participle hangs on."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    asked = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not asked and verb.dep_ == "advcl" and verb.tag_ == "VBN":
        asked = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return asked[0] if asked else None


def _reduced_passive(verb: Token) -> bool:
    """A past participle with no subject or auxiliary of its own, hanging from another clause ("when pressed
    on the matter", "asked about the deal"): passive, its subject borrowed from the clause it hangs on."""
    if verb.dep_ not in ("advcl", "acl"):
        return False  # (a coordinated participle shares its head's auxiliary: "have skipped ... and vacated")
    own = {c.dep_ for c in verb.children}
    return not own & {"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "agent"}


# Verbs that take whom they act on as a direct object and what for after a preposition: with that preposition
# but no object and no auxiliary, the clause is a headline's passive ("Senator Accused Of Lying").
OBJECT_THEN_PREP = {"accuse": "of", "convict": "of", "suspect": "of", "blame": "for", "charge": "with"}


def _headline_passive(verb: Token) -> bool:
    """ "Clinton accused of shocking lie", "Senator charged with fraud": a participle with a subject but no
    object or auxiliary, its preposition right after it: the subject is the one acted on, the doer unsaid."""
    prep = OBJECT_THEN_PREP.get(verb.lemma_.lower())
    if prep is None or verb.tag_ not in ("VBD", "VBN"):
        return False
    own = {c.dep_ for c in verb.children}
    if own & {"dobj", "dative", "aux", "auxpass", "nsubjpass", "agent", "ccomp"}:
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ == prep and nxt.head.i == verb.i and "nsubj" in own


def _opinion_clause(verb: Token) -> bool:
    """ "agreed that the charges were serious": the clause holds an opinion, not a joint undertaking (which
    would be to come: "agreed that talks would resume", "agreed to meet")."""
    clauses_ = [c for c in verb.children if c.dep_ == "ccomp"]
    future = {"will", "would", "shall", "should", "'ll", "\u2019ll", "to", "must"}
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if not clauses_ and after is not None and after.lower_ == "that" and after.dep_ == "mark":
        # "agreed that the Treasury Department has limited power", parsed with the clause's object hung on
        # "agreed": the words after "that" are still the clause
        return not any(
            t.dep_ in ("aux", "auxpass") and t.lower_ in future - {"to"}
            for t in verb.doc[after.i : verb.sent.end]
        )
    if any(c.dep_ in ("xcomp", "dobj") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("on", "to", "upon") for c in verb.children):
        return False  # "agreed on a ceasefire", "agreed to the plan"
    if not clauses_:
        # "Justice Ginsburg agreed, saying ...": bare agreement with what someone said
        return not any(c.dep_ in ("nsubj", "nsubjpass") and c.conjuncts for c in verb.children)
    return not any(a.dep_ in ("aux", "auxpass") and a.lower_ in future for c in clauses_ for a in c.children)


def _simple_clause(verb: Token) -> bool:
    """The sentence's main verb, a verb coordinated with it, or what a reporting main verb reports ("Iran
    said it would support Syria"). Patterns derived from the Phoenix dictionary fire on a verb alone, so in
    a purpose, relative or subordinate clause ("to avoid any appearance that he is trying to influence the
    elections") they code what nobody did; on the hand-judged BASIL draws 5 of their 6 events were wrong."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "ROOT":
        return True
    head = tok.head
    return tok.dep_ == "ccomp" and head.dep_ == "ROOT" and head.lemma_.lower() in REPORTING_LEMMAS


REPORTING_LEMMAS = frozenset("say tell announce state declare add note confirm write claim report".split())


# "is willing to withdraw", "ready to contribute troops": an expressed readiness is an intent (03).
WILLING_WORDS = frozenset({"willing", "ready", "prepared", "eager", "determined"})
# Roots whose act a promise or readiness can be about (cooperation, aid, yielding, meeting, support).
INTENT_ROOTS = frozenset({"04", "05", "06", "07", "08"})
# Verbs with no entry of their own that, promised, still yield something: "said it would allow the return".
PERMIT_VERBS = frozenset({"allow", "permit", "let"})


def _code_willing(ctx: ArticleContext, sent: Span, verb: Token) -> list[Event]:
    """ "Syria says it is willing to withdraw its troops" (035), "France is ready to contribute troops"
    (033): readiness to do an act of the intent roots, coded as an intent from the one who is ready."""
    intent = ctx.lexicon.controls.get("promise")
    inner = clauses.match_verb(verb, ctx.lexicon)
    adjective = verb.head
    holder = adjective.head if adjective.dep_ == "acomp" else None
    if inner is not None and inner.code.startswith("03"):
        intent = ControlEntry(id="intent.willing", kind="intent", default=inner.code)  # already an intent
    if intent is None or inner is None or inner.code[:2] not in INTENT_ROOTS | {"03"} or holder is None:
        return []
    if holder.tag_ not in ("VBZ", "VBP"):
        return []  # "the fact that he was willing to fly to Singapore": the author's reading of the past
    if holder.dep_ not in ("ROOT", "ccomp", "conj"):
        return []
    if clauses.is_negated(holder) or clauses.is_negated(verb):
        return []  # "not willing to withdraw" is no promise; a refusal is coded by its own words
    code = intent.code_for(inner.code)
    if code is None:
        return []
    ctx.consumed.add(verb.i)
    return _assemble(ctx, sent, holder, inner, code, f"intent.willing+{inner.id}", None, complement=verb)


# Markers by which the doer itself will or plans to act (not "expected", "scheduled" by others).
PLANNING_MARKERS = frozenset({"will", "shall", "'ll", "\u2019ll", "plan", "intend", "going to", "is to"})
PLANNED_PLOVER = {
    **dict.fromkeys(("04", "05", "06", "07", "08"), "AGREE"),
    **dict.fromkeys(("16", "17", "18", "19", "20"), "THREATEN"),
}
DEMAND_MODALS = frozenset({"must", "should"})
FUTURE_MODALS = frozenset({"will", "would", "'ll", "\u2019ll", "shall"})
OWN_SUBJECTS = frozenset({"it", "they", "we", "i", "he", "she"})


VERDICT_VERBS = frozenset({"conclude", "rule", "resolve", "find"})
# Predicates by which a speaker rules an act out: "removing the sanctions is out of the question".
RULED_OUT = ("out of the question", "off the table", "unacceptable", "not an option", "non-negotiable")


def _ruled_out(content: Token) -> bool:
    if content.lemma_ != "be":
        return False
    words = " ".join(
        t.lower_ for c in content.children if c.dep_ in ("prep", "acomp", "attr", "neg") for t in c.subtree
    )
    return any(p in words for p in RULED_OUT)


def _ruled_out_act(ctx: ArticleContext, sent: Span, verb: Token, act: Token) -> list[Event]:
    """ "US authorities said removing the sanctions on Burma is out of the question": the speaker rejects
    the act (as a refusal of it: "refused to lift the sanctions"), aimed at whom the act concerns."""
    refusal = ctx.lexicon.controls.get("refuse")
    inner = clauses.match_verb(act, ctx.lexicon)
    code = refusal.code_for(inner.code if inner else None) if refusal else None
    if code is None or inner is None:
        return []
    targets, _ = syntactic_targets(ctx.index, act, inner, None)
    if not targets:
        return []
    ctx.consumed.add(act.i)
    entry = VerbEntry(id="statement.ruled-out", lemma=verb.lemma_, code=code)
    return _assemble(
        ctx, sent, verb, entry, code, f"statement.ruled-out+{inner.id}", None, given_targets=targets
    )


def _owned_thing(subject: Token, ctx: ArticleContext) -> bool:
    """ "Trump's attempts", "China's actions": a common noun held by a party, itself no actor (where
    "China's government" is one: the index resolves the noun itself)."""
    return (
        subject.pos_ == "NOUN"
        and any(c.dep_ == "poss" for c in subject.children)
        and ctx.index.direct(subject) is None
        and subject.lemma_.lower() not in SPEAKS_FOR_NOUNS | PEOPLE_NOUNS
        and subject.lemma_.lower() not in GROUP_ROLES
    )


def _own_country(ctx: ArticleContext, verb: Token, demanded: list[EventActor]) -> bool:
    """ "Clinton said the United States should lead the coalition": what a speaker's own country should do
    is a policy recommendation at home, no demand made of another party (10)."""
    speakers = [a for s in clauses.subject_tokens(verb) for a in ctx.index.resolve_all(s)]
    return bool(speakers) and all(
        d.code is not None
        and len(d.code) == 3
        and any(sp.code is not None and sp.code.startswith(d.code) for sp in speakers)
        for d in demanded
    )


def _said_content(
    ctx: ArticleContext, sent: Span, verb: Token, demands_only: bool = False
) -> list[Event] | None:
    """What a statement says can make it an act of its own: "Russia said Sudan must return the helicopter"
    demands (10) of Sudan; "Palestinian leaders said they would boycott all contact" threatens (13)."""
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if content is None or clauses.is_negated(content) or _counterfactual(content):
        return None  # "said he would have attended the meeting": what did not take place is neither
    aux = {a.lower_ for a in content.children if a.dep_ == "aux"}
    subjects = clauses.subject_tokens(content)
    if not subjects:
        return None
    if not demands_only and _ruled_out(content) and subjects[0].dep_ == "csubj":
        return _ruled_out_act(ctx, sent, verb, subjects[0])
    inner = clauses.match_verb(content, ctx.lexicon)
    opinion = content.lemma_ == "be" and any(c.dep_ == "attr" for c in content.children)
    if aux & DEMAND_MODALS and not opinion:  # "the director should be a professional": an opinion
        # "said Trump's attacks on the judge should give voters pause": a thing someone did is no party
        # that could be asked to act (the possessor is not the one demanded of)
        demanded = [a for s in subjects if not _owned_thing(s, ctx) for a in ctx.index.resolve_all(s)]
        if not demanded:
            return None
        if _own_country(ctx, verb, demanded):
            return None
        control = ctx.lexicon.controls.get("demand")
        code = (control.code_for(inner.code if inner else None) if control else None) or "100"
        entry = VerbEntry(id="statement.must", lemma=verb.lemma_, code=code)
        ctx.consumed.add(content.i)
        return _assemble(ctx, sent, verb, entry, code, "statement.must", None, given_targets=demanded)
    if demands_only:
        return None
    threat = ctx.lexicon.controls.get("threaten")
    if inner is not None and inner.code.startswith("19") and _fights_for_cause(ctx, content):
        return None  # "she will fight for the American people," he said: a campaign promise, no threat
    if aux & FUTURE_MODALS and inner is not None and threat is not None and inner.code[:2] in threat.by_root:
        speaker = [a for s in clauses.subject_tokens(verb) for a in ctx.index.resolve_all(s)]
        own = subjects[0].lower_ in OWN_SUBJECTS or any(
            same_actor(a, b) for a in ctx.index.resolve_all(subjects[0]) for b in speaker
        )
        threat_code = "139" if _unless(content) else threat.code_for(inner.code)
        if not own or threat_code is None:
            return None
        ctx.consumed.add(content.i)
        rule = f"statement.would+{inner.id}"
        # whom the threatened act is aimed at is in its own clause ("told Yahoo News he would deport illegal
        # immigrants": the immigrants, not the outlet told); named there but uncoded, no event
        aimed, _ = syntactic_targets(ctx.index, content, inner, None)
        if not aimed and names_unknown_party(content, inner, None):
            return []
        return _assemble(
            ctx,
            sent,
            verb,
            inner,
            threat_code,
            rule,
            "threatened",
            complement=content,
            given_targets=aimed or None,
        )
    intent = ctx.lexicon.controls.get("promise")
    permits = inner is None and content.lemma_.lower() in PERMIT_VERBS
    if aux & FUTURE_MODALS and intent is not None and (permits or (inner and inner.code[:2] in INTENT_ROOTS)):
        # "the RUF announced it will return weapons", "Iraq said it would allow the return of inspectors":
        # the speaker's own future act, announced, is an intent (03); another's is only a forecast.
        speaker = [a for s in clauses.subject_tokens(verb) for a in ctx.index.resolve_all(s)]
        own = subjects[0].lower_ in OWN_SUBJECTS or any(
            same_actor(a, b) for a in ctx.index.resolve_all(subjects[0]) for b in speaker
        )
        promised = intent.code_for(inner.code if inner is not None else None)
        if not own or promised is None or content.i < verb.i:
            return None  # (a quotation before its cue was coded, as planned, when the reading reached it)
        if _unless(content):
            promised = "139"  # "will withdraw its force from Chad unless ...": an ultimatum
        ctx.consumed.add(content.i)
        base = inner or VerbEntry(id="permit", lemma=content.lemma_, code=promised)
        targets, _ = syntactic_targets(ctx.index, content, base, None)
        return _assemble(
            ctx, sent, verb, base, promised, f"statement.will+{base.id}", None, given_targets=targets
        )
    return None


# Nouns for what is said, whose that-clause is the content: "issued a stern reminder to Iraq that it must".
STATEMENT_NOUNS = frozenset("reminder warning statement declaration message call demand appeal".split())
ISSUING_VERBS = frozenset("issue deliver send give make reiterate repeat renew".split())


def _statement_noun_content(ctx: ArticleContext, sent: Span, verb: Token) -> list[Event]:
    """ "Chirac issued a stern reminder to Iraq that it must cooperate": a statement named by a noun whose
    clause says someone must act demands it of them (a pronoun there is the one the statement went to)."""
    if verb.lemma_.lower() not in ISSUING_VERBS:
        return []
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STATEMENT_NOUNS), None)
    if noun is None:
        return []
    content = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
        ),
        None,
    )
    if content is None or clauses.is_negated(content):
        return []
    aux = {a.lower_ for a in content.children if a.dep_ == "aux"}
    subjects = clauses.subject_tokens(content)
    if not aux & DEMAND_MODALS or not subjects:
        return []
    demanded = [a for s in subjects for a in ctx.index.resolve_all(s)]
    if not demanded and subjects[0].lower_ in ("it", "they"):
        addressees = clauses.prep_objects(verb, frozenset({"to"})) + clauses.prep_objects(
            noun, frozenset({"to"})
        )
        demanded = [a for t in addressees for a in ctx.index.resolve_all(t)]
    if not demanded:
        return []
    inner = clauses.match_verb(content, ctx.lexicon)
    control = ctx.lexicon.controls.get("demand")
    code = (control.code_for(inner.code if inner else None) if control else None) or "100"
    entry = VerbEntry(id="statement.noun-must", lemma=verb.lemma_, code=code)
    ctx.consumed.add(content.i)
    return _assemble(ctx, sent, verb, entry, code, "statement.noun-must", None, given_targets=demanded)


def _unless(content: Token) -> bool:
    """ "... will withdraw its force unless the rebels disarm": an act announced on a condition."""
    return any(m.lower_ == "unless" for c in content.children if c.dep_ == "advcl" for m in c.children)


QUESTION_VERBS = frozenset({"ask", "question", "wonder", "inquire", "enquire", "query"})


def complement_of(verb: Token) -> Token | None:
    return clauses.complement_verb(verb)


def _asks_a_question(verb: Token, complement: Token | None) -> bool:
    """ "asked at a news conference", "asked why ...", "asking, 'What ...?'": asking a question is no appeal.
    "asked Seoul to resume talks" and "asked for aid" are appeals."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return False
    if complement is not None or any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return False
    return not any(
        c.dep_ == "dobj" and c.lemma_.lower() in ("help", "aid", "support", "assistance")
        for c in verb.children
    )


def _proposal_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in PROPOSAL_NOUNS:
            return child
    return None


def _hosts_others(verb: Token) -> bool:
    """ "Sweden hosted talks between the US and North Korea": the object names its own parties."""
    objects = clauses.object_tokens(verb) + [c for c in verb.children if c.dep_ == "attr"]
    if verb.dep_ == "amod":  # the parser read "Sweden hosted talks" as "Sweden-hosted talks"
        objects.append(verb.head)
    return any(clauses.prep_objects(obj, frozenset({"between"})) for obj in objects)


# Roots of acts which, promised, threaten (sanctions, coercion, force: 16-20); of acts which, promised, are no
# cooperation and no threat either (demand, disapprove, reject, threaten: 10-13), coded as no event.
# What a refusal to respond to rejects ("refused to respond to a demand from the US"): an ask, not a question.
ANSWERABLE_ASKS = frozenset(
    "demand demands request requests call calls appeal appeals ultimatum offer offers proposal proposals "
    "invitation invitations overture overtures".split()
)
HOSTILE_INTENT_ROOTS = frozenset({"16", "17", "18", "19", "20"})
# Roots of acts whose refusal rejects no one: a criticism or an attack not made.
UNDONE_HOSTILITY_ROOTS = frozenset({"11", "18", "19", "20"})
# "promised to declare China a currency manipulator": an intent to say something offers no cooperation
NO_INTENT_ROOTS = frozenset({"01", "10", "11", "12", "13"})


# Codes of unspecified or small-arms violence that a bombing named in the same clause makes a bombing (183);
# artillery and aerial attacks (194, 195) keep their codes ("bombers struck" are aircraft).
BOMBABLE_CODES = frozenset({"180", "182", "1823", "190", "193"})
# Prepositions that date an act by another one ("after the bombing"): what they name is not this act.
EARLIER_OR_LATER = frozenset({"after", "before", "since", "following", "until"})
BOMB_WORDS = frozenset({"bomb", "bombing", "bomber", "car-bomb", "explosive", "explosives", "ied", "suicide"})


def _bombing(verb: Token) -> bool:
    """The verb's own phrase names a bombing: a bomb, explosives ("explosives-laden car"), a suicide attacker."""
    nested = {
        d.i
        for c in verb.subtree
        if c.i != verb.i and c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "advcl", "relcl", "conj")
        for d in c.subtree
    }
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in EARLIER_OR_LATER:
            # "fought with gunmen after the bombing": the bombing is another act, named for its time
            nested |= {d.i for d in c.subtree}
    for t in verb.subtree:
        if t.i in nested:
            continue  # another clause's words ("..., and a bomb went off later") are not this act's
        word = t.lower_
        if word in BOMB_WORDS or t.lemma_.lower() in BOMB_WORDS or word.startswith(("explosive", "bomb-")):
            return True
    return False


# Fighters whose going somewhere joins a war there, no visit: "foreign fighters going to Syria", "militants
# travelling to Iraq".
FIGHTER_NOUNS = frozenset(
    "fighter fighters militant militants jihadist jihadists mercenary mercenaries".split()
)
# People who move to live elsewhere: "Syrians coming to the U.S. as refugees" migrate, they visit no one;
# "hosts millions of refugees" gives them a home, it receives no visit.
MIGRANT_NOUNS = frozenset(
    "refugee refugees migrant migrants immigrant immigrants emigrant emigrants asylum-seeker asylum-seekers "
    "asylum seeker seekers evacuee evacuees exile exiles".split()
)


def _person_confirmed(verb: Token) -> bool:
    """ "confirm" of a person (its object, or a passive subject) puts him in office: "who was confirmed by the
    Senate", "the committee confirmed Jane Roe"; "confirmed that he met Roe", "confirmed the report" state."""
    persons = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "conj" and clauses.is_passive(verb):  # "nominated by Obama and confirmed by the Senate"
        persons += [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return any(
        p.ent_type_ == "PERSON" or (p.lower_ in ("who", "whom") and p.dep_ == "nsubjpass") for p in persons
    )


# Occasions one hosts for a crowd or the press, not a visitor: a meal, a meeting open to many.
HOSTED_GATHERINGS = ATTENDED_EVENTS | frozenset(
    "breakfast lunch luncheon dinner brunch reception party gala hall forum town-hall summit conference "
    "roundtable panel session meeting".split()
)


# Words that make a rally one's own appearance with allies, not a protest: "joint rally", "campaign rally".
OWN_RALLY_WORDS = frozenset({"joint", "campaign", "election", "electoral", "reelection", "re-election"})


def _own_side_rally(verb: Token) -> bool:
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ("rally", "event")):
        if any(c.lower_ in OWN_RALLY_WORDS for c in obj.children if c.dep_ in ("amod", "compound")):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in obj.children):
            return True
    return False


# Goods a law regulates: restrictions on them are domestic rules, no sanction against a party.
REGULATED_GOODS = frozenset(
    "firearm firearms gun guns weapon weapons rifle rifles ammunition handgun handguns tobacco alcohol "
    "cigarette cigarettes drug drugs opioid opioids emission emissions pesticide pesticides".split()
)


def _restricts_goods(verb: Token) -> bool:
    """ "imposed restrictions on firearms": the restriction's "on" names only regulated goods."""
    ons = [
        p
        for obj in verb.children
        if obj.dep_ == "dobj"
        for prep in obj.children
        if prep.dep_ == "prep" and prep.lower_ == "on"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    ons += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "on" for p in prep.children]
    return bool(ons) and all(p.lower_ in REGULATED_GOODS for p in ons)


# Nouns that say how one speaks, not with whom: "spoke with gusto", "talked with great passion".
MANNER_NOUNS = frozenset(
    "gusto passion emotion conviction anger fury confidence enthusiasm fervor fervour ease authority candor "
    "candour humor humour force urgency care caution difficulty vigor vigour energy zeal feeling intensity "
    "sarcasm irony bitterness pride emphasis clarity precision accent lisp".split()
)


def _with_manner_only(verb: Token) -> bool:
    """Every "with" on the verb names a manner, none a party."""
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"]
    objects = [o for w in withs for o in w.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.lemma_.lower() in MANNER_NOUNS for o in objects)


def _hosts_residents(verb: Token) -> bool:
    """The object hosted (or the noun after its "of": "the growing number of migrants") are displaced people."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        nouns = [obj] + [
            p for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children
        ]
        nouns += [c for n in list(nouns) for c in n.conjuncts]
        if any(n.lower_ in MIGRANT_NOUNS for n in nouns):
            return True
    return False


def _hosts_a_gathering(verb: Token) -> bool:
    """The thing hosted is an occasion: the verb's object, or the noun its participle describes."""
    hosted = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.dep_ == "acl":
        hosted.append(verb.head)
    return any(h.lemma_.lower() in HOSTED_GATHERINGS for h in hosted)


# Lemmas of a decrease and the nouns of measured amounts: "consumption declined 3.3 percent", "sales fell".
DECREASE_VERBS = frozenset({"decline"})
MEASURED_NOUNS = frozenset(
    "consumption production output sale sales price prices rate rates number numbers share figure figures "
    "level levels growth export exports import imports revenue revenues demand use usage turnout rating "
    "ratings support approval enrollment enrolment membership population spending investment income "
    "profit profits emission emissions count total volume".split()
)
QUANTITY_WORDS = frozenset("percent % percentage point points".split())


def _decrease(verb: Token) -> bool:
    """ "declined 3.3 percent", "consumption has declined": the verb of refusal used of an amount going down,
    told by a measured subject or a figure; "declined the invitation", "the ministry declined" refuse."""
    if verb.lemma_.lower() not in DECREASE_VERBS:
        return False
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
        return False
    figure = any(
        t.like_num or t.lower_ in QUANTITY_WORDS
        for c in verb.children
        if c.dep_ in ("npadvmod", "dobj", "prep", "advmod")
        for t in c.subtree
    )
    subjects = clauses.subject_tokens(verb) or ([verb.head] if verb.dep_ == "xcomp" else [])
    measured = any(s.lemma_.lower() in MEASURED_NOUNS for s in subjects)
    if verb.dep_ == "xcomp":  # "consumption appears to have declined": the subject is the raising verb's
        measured = measured or any(
            s.lemma_.lower() in MEASURED_NOUNS for s in clauses.subject_tokens(verb.head)
        )
    return figure or measured


# Units of weight: "weighs 100,000 pounds", "weighing two tons".
WEIGHT_UNITS = frozenset(
    "pound pounds lb lbs ton tons tonne tonnes kilogram kilograms kilo kilos kg gram grams ounce ounces".split()
)


def _weight_measured(verb: Token) -> bool:
    """ "weighs more than 100,000 pounds", "weighed 200 kilograms": the verb's object is an amount of weight."""
    return any(
        t.lower_ in WEIGHT_UNITS
        for c in verb.children
        if c.dep_ in ("dobj", "npadvmod", "attr", "advmod")
        for t in c.subtree
    )


# Parts of a day still ahead when a morning paper is written: "Tuesday night", "tonight".
LATER_IN_THE_DAY = frozenset({"night", "evening", "tonight"})
PAST_TAGS = frozenset({"VBD", "VBN"})


def _still_ahead(trigger: Token, said: Status, when: timing.EventTime, published: date | None) -> bool:
    """An event noun told in the present whose own date is after the publication, or later on the
    publication day ("the meeting on Tuesday night is a step", in Tuesday's paper); "the meeting on Monday
    was tense" or a verb ("met on Wednesday") keep their own tense."""
    if trigger.pos_ not in ("NOUN", "PROPN") or said.status != "happened" or said.negated:
        return False
    if published is None or when.date is None or when.precision != "day":
        return False
    root = trigger.sent.root
    if root.tag_ in PAST_TAGS or any(
        c.tag_ in PAST_TAGS for c in root.children if c.dep_ in ("aux", "auxpass")
    ):
        return False
    day = date.fromisoformat(when.date[:10])
    if day > published:
        return True
    return day == published and any(t.lower_ in LATER_IN_THE_DAY for t in trigger.sent)


def _aimed_against(verb: Token) -> bool:
    """The thing backed is aimed against someone: "joined the campaign against ISIS", "supported sanctions
    against Iran"; "defended Trump against his critics" backs Trump, and stays."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(p.dep_ == "prep" and p.lower_ == "against" for o in objects for p in o.children)


FIGHTING_VERBS = frozenset({"fight", "battle"})


def _fights_for_cause(ctx: ArticleContext, verb: Token) -> bool:
    """ "She will fight for the American people", "battling for jobs": fighting *for* someone or something,
    with no opponent named, by no armed actor, is advocacy; "rebels fought for the town" is still force."""
    if verb.lemma_.lower() not in FIGHTING_VERBS or not _pobjs(verb, "for"):
        return False
    if any(c.dep_ == "dobj" for c in verb.children) or _pobjs(verb, "against") or _pobjs(verb, "with"):
        return False
    return not any(_armed(a) for s in clauses.subject_tokens(verb) for a in ctx.index.resolve_all(s))


# Roots of acts that are only words: statements and disapproval ("said ..., and accused ...").
VERBAL_ROOTS = frozenset({"01", "11"})


def _conjunct_of_reported(verb: Token) -> bool:
    """ "a panel, which said the army carried out two attacks, and also accused ISIS of ...": a verb of
    speech coordinated, without a subject of its own, with the content of a report may continue the reporter
    ("said ... and accused") as well as the reported doer; which one the parse cannot tell."""
    head = verb.head
    if (
        verb.dep_ != "conj"
        or head.i == verb.i
        or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)
    ):
        return False
    # the report's verb comes first ("which said the army ... and accused"); after its content ("Benin opened
    # its borders but was refusing Ghanaians, police said") the conjunct is the reported doer's
    return head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORTING_HEADS and head.head.i < head.i


# The head of a figure about a people: "56 percent of Americans", "a majority of voters".
SHARE_WORDS = frozenset("percent % majority plurality minority share proportion fraction".split())


def _share_of_people(subject: Token) -> bool:
    """The subject is the share, or the people counted in it ("Americans" of "56 percent of Americans")."""
    if subject.dep_ == "pobj" and subject.head.lower_ == "of":
        subject = subject.head.head
    return subject.lower_ in SHARE_WORDS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in subject.children
    )


def _migrating(verb: Token) -> bool:
    """The travellers are migrants ("refugees arriving in Germany"), or go as such ("coming as refugees")."""
    if any(t.lower_ in MIGRANT_NOUNS for t in _travellers(verb)):
        return True
    return any(o.lower_ in MIGRANT_NOUNS for o in _pobjs(verb, "as"))


def _travellers(verb: Token) -> list[Token]:
    """The words naming who goes: the subjects' phrases ("hundreds of foreign fighters"), or the noun a
    participle modifies with its modifiers ("the foreign fighter pipeline going to Iraq")."""
    words = [t for s in clauses.subject_tokens(verb) for t in s.subtree if t.dep_ != "poss"]
    if verb.dep_ == "acl":
        words += [verb.head, *(t for c in verb.head.children if c.i < verb.head.i for t in c.subtree)]
    return words


# "vowed to impose a tax on Carrier products", "pledged to slap tariffs on imports": a penalty promised is
# a threat, no cooperation (03)
PENALTY_NOUNS = frozenset(
    "tax taxes tariff tariffs duty duties penalty penalties fine fines levy levies".split()
)
IMPOSING_VERBS = frozenset("impose slap levy put place charge".split())


def _promises_penalty(complement: Token) -> bool:
    if complement.lemma_.lower() in ("tax", "penalize", "penalise", "punish", "fine"):
        return True  # "vowed to tax Mexican imports"
    return complement.lemma_.lower() in IMPOSING_VERBS and any(
        o.lemma_.lower() in PENALTY_NOUNS for o in clauses.object_tokens(complement)
    )


# Manners that make an offer or a promise a taunt: "sarcastically offered to buy him a dictionary".
TAUNTING_ADVERBS = frozenset(
    "defiantly sarcastically mockingly tauntingly derisively contemptuously scornfully sardonically "
    "facetiously jokingly ironically".split()
)


def _taunting(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in TAUNTING_ADVERBS for c in verb.children)


# Verbs that exclude an option ("rule out", "exclude", "preclude"): refusing them rejects nothing.
EXCLUDING_VERBS = frozenset({"exclude", "preclude"})


def _excluding(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "rule":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return lemma in EXCLUDING_VERBS


def _code_control(
    ctx: ArticleContext, sent: Span, verb: Token, control: ControlEntry, complement: Token
) -> list[Event]:
    """ "agreed to meet" (036), "refused to meet" (125), "threatened to strike" (138), "urged X to talk" (026)."""
    if clauses.is_idiom(complement, ctx.lexicon):
        ctx.consumed.add(complement.i)
        return []  # "tried to fight back tears": the complement is a figure of speech, no act to control
    if asks_anonymity(verb):
        ctx.consumed.add(complement.i)
        return []  # "an official, who asked not to be named, said ...": the source's terms, no appeal
    inner = clauses.match_verb(complement, ctx.lexicon)
    vowed_force = False
    if control.kind == "refusal":
        if clauses.is_negated(verb):  # "did not refuse to meet" asserts nothing we code
            ctx.consumed.add(complement.i)
            return []
        code = (
            inner.negated
            if inner is not None and inner.negated
            else control.code_for(inner.code if inner is not None else None)
        )
        if _excluding(complement):
            # "refused to rule out a carbon tax": refusing to exclude an option keeps it open; it rejects
            # nothing ("refused to repudiate Trump" still rejects the calls to)
            ctx.consumed.add(complement.i)
            return []
        if inner is not None and inner.code[:2] in UNDONE_HOSTILITY_ROOTS:
            # "refuses to attack Clinton on her character", "declined to criticize the mayor": a criticism or an
            # attack not made, no rejection of the one spared
            ctx.consumed.add(complement.i)
            return []
        # (refusing to consider a nominee or a plan rejects it: only words declined are a 011)
        if (inner is not None and inner.code.startswith("01") and inner.code != "014") or (
            complement.lemma_.lower() in control.speaking
            and not any(t.lemma_.lower() in ANSWERABLE_ASKS for t in complement.subtree)
        ):
            code = "011"  # "declined to weigh in", "refused to comment", "declined to respond": declining comment
        if inner is not None and inner.code == "019":
            # "declined to concur with that assessment": a finding disputed, neither silence (011) nor a
            # rejection of a party the sentence names
            ctx.consumed.add(complement.i)
            return []
    elif control.kind == "intent" and inner is not None and inner.code[:2] in HOSTILE_INTENT_ROOTS:
        # "vowed to attack Chile": a promise of force or coercion threatens it (13), it offers no cooperation
        threat = ctx.lexicon.controls.get("threaten")
        code = threat.code_for(inner.code) if threat is not None else None
        if threat is None or code is None or code == threat.default or _electoral(complement):
            # "vowed to fight on in the race": a candidate's fight in an election threatens no one
            ctx.consumed.add(complement.i)
            return []
        control, vowed_force = threat, True
    elif control.kind == "intent" and _taunting(verb):
        # "defiantly offered to lend Trump his copy of the Constitution": an offer made in scorn rebukes, it
        # promises no cooperation
        ctx.consumed.add(complement.i)
        return []
    elif (
        control.kind == "intent"
        and (
            complement.lemma_.lower() in control.undoing
            # "vowed not to take their calls": a refusal promised; "vowed to impose a tax on them": a threat
            or clauses.is_negated(complement)
            or _promises_penalty(complement)
            or (inner is not None and inner.code[:2] in NO_INTENT_ROOTS)
        )
    ):
        # "vowed to repeal the law", "pledged to reject the plan": an intent to undo, block or refuse
        # something promises no cooperation (03); the promised act is not done either, so no event
        ctx.consumed.add(complement.i)
        return []
    else:
        code = control.code_for(inner.code if inner is not None else None)
    if code is None:
        return []
    ctx.consumed.add(complement.i)
    mode = "threatened" if control.kind == "threat" else None
    if mode is None and clauses.modal_marker(verb, ctx.lexicon):
        mode = "potential"
    rule = f"{control.id}+{inner.id if inner is not None else 'bare'}"
    base = inner or VerbEntry(id=control.id, lemma=verb.lemma_, code=code)
    if control.kind == "appeal" and verb.lemma_.lower() == "call" and _acts_on_called(verb, complement):
        return []  # "called Sanders to congratulate him": a phone call whose caller acts, no appeal
    if (
        control.kind == "intent"
        and inner is None
        and not base.needs_target
        and not any(s.conjuncts for s in clauses.subject_tokens(verb))
    ):
        # "pledged to put New York in play", "promised to bridge the divide": an intent of one's own, no
        # cooperation unless offered to someone named ("agreed to work with Iran") or undertaken together
        # ("Jordan and Britain agreed to hold exercises")
        base = replace(base, needs_target=True)
    if vowed_force and not base.needs_target:
        base = replace(base, needs_target=True)  # "has vowed to fight on": a vow threatens only someone named
    answered: list[EventActor] | None = None
    if code == "011":
        # "declined to comment on Chaffetz's latest request": the refusal answers whoever made the ask
        answered, names_asker = answered_party(ctx.index, complement)
        if names_asker and not answered:
            return []  # "declined to comment on the senator's request": whose, named but uncoded
    events = _assemble(
        ctx, sent, verb, base, code, rule, mode, complement=complement, given_targets=answered or None
    )
    if control.kind == "demand" and verb.lemma_.lower() == "tell" and inner is None:
        # "told the crowd to sit down", "told an agent to go to hell": telling someone to do what is no
        # political act is a demand only when aimed at a party the coder codes ("told Mexico to pay")
        events = [e for e in events if e.target is not None and e.target.code]
    return events


def _assemble(
    ctx: ArticleContext,
    sent: Span,
    verb: Token,
    entry: VerbEntry,
    code: str,
    rule: str,
    mode: str | None,
    complement: Token | None = None,
    topic: list[Token] | None = None,
    polarity_absorbed: bool = False,
    given_targets: list[EventActor] | None = None,
) -> list[Event]:
    index = ctx.index
    subjects = clauses.subject_tokens(verb)
    if code[:2] in REPORTING_ROOTS and any(s.lemma_.lower() in TEXT_NOUNS for s in subjects):
        return []  # "BuzzFeed's report claimed that ...": a text reports; the act it reports is coded itself
    sources = [a for s in subjects for a in index.resolve_all(s)]
    unresolved_speaker = False
    if len(subjects) == 1:
        # "Trump said he would consider ...": the pronoun of reported speech is its speaker, whoever the
        # article's coreference last linked "he" to (an event needs the doer the sentence gives)
        speakers = _speaker_sources(ctx, verb, subjects[0])
        reporting = clauses.speaker_of_pronoun(verb, subjects[0])
        said_by = [t.text.lower() for t in clauses.subject_tokens(reporting)] if reporting is not None else []
        if speakers:
            sources = speakers
        elif said_by and not any(w in (a.name or "").lower() for a in sources for w in said_by):
            # the speaker is named but not resolved ("Trump" tagged as a verb): the pronoun is the speaker,
            # not whoever the coreference or the quote layer linked it to
            sources, unresolved_speaker = [], True
    named_body = True  # the source is named as itself, not only described ("two Singapore-based carriers")
    if (
        verb.lemma_.lower() in JOINT_VERBS
        and len({country_of(s) for s in sources} - {None}) > 1
        and given_targets is None
        and not clauses.prep_objects(verb, frozenset({"with"}))
    ):
        # "Erdogan and Biden agreed that ...": the co-subjects of an agreement, of two sides, agreed with each
        # other, not with whoever the agreed clause names (co-subjects of one side are left unpaired)
        entry = replace(entry, symmetric=True)
    if not sources and code[:2] in VIOLENT_ROOTS and _unnamed_attack(verb, subjects):
        # "three civilians were killed in a suicide car bombing", "a roadside bomb killed a soldier": an
        # attack whose doers the sentence does not name; coded as such, with no country guessed for them
        sources = [_unidentified_attackers(ctx, sent)]
    if not sources and not subjects and code in ("166", "087") and clauses.is_passive(verb):
        # "Eighty UN peacekeepers were shipped out of Gorazde": whoever the withdrawn belong to withdrew them
        withdrawn = [c for c in verb.children if c.dep_ == "nsubjpass"]
        sources = [a for w in withdrawn for a in index.resolve_all(w) if a.code]
        origins = clauses.prep_objects(verb, frozenset({"from"}))
        origins += [
            o
            for out in verb.children
            if out.lower_ == "out"
            for o in clauses.prep_objects(out, frozenset({"of"}))
        ]
        places = [a for o in origins for a in index.resolve_all(o) if country_of(a)]
        if sources and given_targets is None:
            given_targets = places  # withdrawn from where they were, not from themselves
    if not sources and not subjects and code[:3] in ("173", "174") and clauses.is_passive(verb):
        # "a missionary was arrested in Lebanon": only a state's authorities arrest or deport there
        sources = _authorities_of_place(ctx, verb)
    if not sources and any(s.lemma_.lower() in OPPOSING_NOUNS for s in subjects):
        return []  # "Peru's opponents condemned": whoever they are, not Peru (the quote layer may say Peru)
    if unresolved_speaker:
        return []
    if not sources and not clauses.speech_participle_in_content(verb):
        # (the quote layer gives "stating" in "X said that Y broke it, stating ..." to Y: not taken)
        cue_speaker = _cue_speaker(ctx, verb)
        sources = [cue_speaker] if cue_speaker else []
        named_body = _names_itself(ctx, verb)
        if cue_speaker is not None and _other_than_named(subjects, cue_speaker):
            # "Mayor Jane Roe wrote a letter to Attorney General Lynch asking ...": the clause names its
            # doer, whom no actor codes; the quote layer's speaker (the addressee) is not that doer
            return []
    if not sources:
        return []
    # "refuses to describe al Qaeda as ...": whom an act the lexicon does not know is done to is not whom
    # the refusal is aimed at (a refusal rejects someone's request; whose, the clause does not say)
    own_complement = None if rule.startswith("control.refuse+bare") else complement
    if code[:2] in ("02", "10") and complement is not None and _addressee(verb) is not None:
        # "called on the Obamas to rebuke the NAACP": the appeal is to the Obamas, whoever they rebuke
        own_complement = None
    targets, syntactic = syntactic_targets(index, verb, entry, own_complement)
    asked = _asked_in_passive(verb) if code[:2] in ("02", "10") and given_targets is None else None
    if not targets and asked is not None:
        targets = index.resolve_all(asked)  # "Asked by Smith to respond, Carson said": Carson was asked
        syntactic = bool(targets)
    if (
        entry.symmetric
        and targets
        and given_targets is None
        and not _counterpart_named(index, verb, entry)
        and not (complement is not None and _counterpart_named(index, complement, entry))
    ):
        # "the debt deal reached by the administration and Speaker Ryan", "Paris and Berlin reached a deal
        # on Greece's debt": a joint act's counterpart is named by its own preposition or is a co-maker
        # (paired below); whoever its object's modifiers name is what the act is about, no party to it
        targets, syntactic = [], False
    if not targets and given_targets is None and code[:2] in VIOLENT_ROOTS:
        # "militants killed 130 people in Paris": victims counted, not named, where the attack struck
        targets = counted_victims(index, ctx.places, verb)
        syntactic = bool(targets)
    if not targets and given_targets is None and code == "010":
        # "Sanders said he will vote for Clinton": the speaker's own stand for someone is aimed at them
        targets = own_stance_target(index, verb, sources)
        syntactic = bool(targets)
    if given_targets is not None:
        targets, syntactic = given_targets, True
    elif topic:  # a condemning statement: whoever its topic names ("Mentioning the South Korea-U.S. drill")
        # "told reporters that Trump may have violated the law by calling on Russia to ...": whom the said
        # clause accuses (its subject) is whom the criticism is aimed at, whoever else the clause names
        accused = [
            a
            for c in verb.children
            if c.dep_ == "ccomp"
            for t in clauses.subject_tokens(c)
            for a in index.resolve_all(t)
            if not any(same_actor(a, s) for s in sources)
        ]
        countries = {country_of(s) for s in sources}
        # "says the photo violates DNC rules": whose rules are broken is not who broke them
        in_topic = [a for t, a in index.in_span(topic) if not _owns_norm(t)]
        targets = accused[:2] or [a for a in in_topic if country_of(a) not in countries][:2]
        syntactic = bool(targets)
        if not targets and len(in_topic) < len(index.in_span(topic)):
            return []  # the accused is someone the coder did not find; the rules' owner is not them
        if not targets and not syntactic_targets(index, verb, entry, complement)[0]:
            code, rule = "010", rule.removesuffix(":critical")  # criticism of no one named is a statement
    elif not targets and not code.startswith("01") and code != "043":
        # (A host's guest must be named by the syntax; symmetric acts pair coordinated sources below.)
        if code in PLACE_TARGET_CODES:
            targets = destination(index, ctx.places, verb, entry, sources)
            syntactic = bool(targets)
        names_other_side = bool(clauses.object_tokens(verb) or clauses.prep_objects(verb, entry.target_preps))
        if (
            not targets
            and not (entry.symmetric and len(sources) > 1)
            and (not entry.symmetric or names_other_side)
            and code not in PLACE_TARGET_CODES
        ):
            # (a visit is to where the clause says: "toured a military base" is no visit to the nearest
            # foreign country the sentence names; a meeting with no other side in its clause, "Israel's
            # Cabinet met Sunday and ...", is the body's own, not one with whoever the sentence names next)
            # "negotiated a trade deal and signed a pact with Chile": a coordinated verb with an object of
            # its own is another act; whom it names is not whom this one is aimed at
            other_acts = {
                t.i
                for c in verb.children
                if c.dep_ == "conj"
                and c.pos_ in ("VERB", "AUX")
                and any(o.dep_ == "dobj" for o in c.children)
                for t in c.subtree
            }
            # "may have violated the law by calling on Russia to hack ...": a means clause is another act;
            # whom it is aimed at is not whom this one is
            other_acts |= {
                t.i
                for c in verb.children
                if c.dep_ == "prep"
                and c.lower_ == "by"
                and any(g.pos_ in ("VERB", "AUX") for g in c.children)
                for t in c.subtree
            }
            if code[:2] in COOPERATIVE_ROOTS:
                # "struck a deal to eliminate Syria's chemical arsenal", "met to discuss Syria": what a
                # meeting or a deal is for is no party to it (its counterpart is named by "with")
                other_acts |= {
                    t.i
                    for c in verb.children
                    if c.dep_ in ("advcl", "xcomp", "ccomp", "acl")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for t in c.subtree
                }
            if code[:2] in COOPERATIVE_TOPIC_ROOTS:
                # "reached a deal on Bolivia's debt", "talks about Syria": what a deal or talks are about
                # is no party to them (a coercive act's "on" is aimed: "sanctions on Iran")
                other_acts |= {
                    t.i
                    for o in clauses.object_tokens(verb) + [verb]
                    for p in o.children
                    if p.dep_ == "prep" and p.lower_ in ("on", "about", "over", "regarding", "concerning")
                    for t in p.subtree
                }
                # "discussed Syria"; "reached the Bolivia debt deal": what is discussed, or what the act's own
                # noun is qualified by, is the matter, not the other side
                other_acts |= {
                    t.i
                    for o in clauses.object_tokens(verb)
                    if (code[:2] == "04" and verb.lemma_.lower() in TOPIC_OBJECT_VERBS)
                    or o.lemma_.lower() in entry.objects
                    for t in o.subtree
                    if t.i <= o.i or code[:2] == "04"
                }
            after = [t for t in sent if t.i > verb.i and t.i not in other_acts] + [
                t
                for t in sent
                if t.i < verb.i and (t.i not in other_acts or code[:2] not in COOPERATIVE_TOPIC_ROOTS)
            ][::-1]
            if verb.dep_ == "acl" and code[:2] in COOPERATIVE_TOPIC_ROOTS:
                # "urged them to reject the deal reached by France": the participle's own phrase names the
                # deal's sides; the clause around the noun is another act's
                after = [t for t in after if t in verb.subtree]
            if not any(
                o.lemma_.lower() in PARTY_NOUNS - RELATION_NOUNS and index.resolve(o) is None
                for o in clauses.object_tokens(verb)
            ):  # "urged the administration to ...": whom, named if uncoded; no guessing another
                targets = fallback_target(index, verb, after, sources)
    if not targets and given_targets is None and code[:2] in ("10", "11"):
        # "charging that Mr. Trump had obstructed justice", "demanded Schiff step down": the subject of the
        # clause is whom the act is aimed at
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            targets = [a for t in clauses.subject_tokens(clause) for a in index.resolve_all(t)]
            syntactic = bool(targets)
            if targets:
                break
    if not targets and given_targets is None and code[:2] in ("10", "11"):
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            if any(
                t.ent_type_ in NAMED_PARTY_ENTITIES
                or t.lemma_.lower() in PARTY_NOUNS
                or (t.pos_ == "PRON" and t.lower_ in DEMANDED_PRONOUNS and code[:2] == "10")
                for t in clauses.subject_tokens(clause)
            ):
                # "demanding that Republicans get their house in order", "when Beijing demanded they stop
                # producing coal": whom, named (or named before) but not coded here ("complained that he
                # was not thanked" is about the speaker himself)
                return []
    if not targets and given_targets is None and code[:2] == "02":
        measured = _measure_target(index, verb)
        if measured is not None:  # "called for an Apple boycott", "called for a boycott of Apple"
            targets, syntactic = [measured], True
    if not targets and given_targets is None:
        named = _named_object(verb, entry, complement)
        if named is not None:  # "accused Schiff of ...": the sentence names whom, the actor layer did not
            targets, syntactic = [named], True
    if not targets and given_targets is None:
        # "anti-Trump activists held protests", "held anti-Chile protests": whom the act is against is named
        # by the "anti-" of its doers or of its object; named but uncoded, the target cannot be given
        against = [
            index.opposed(t)
            for t in subjects + clauses.object_tokens(verb) + [verb]
            if t.pos_ in ("NOUN", "PROPN")
        ]
        if any(named for named, _ in against):
            targets = [a for _, a in against if a is not None][:1]
            syntactic = bool(targets)
            if not targets:
                return []
    if targets and all(names_document(a) or called_a_law(index.doc, a) for a in targets):
        # "supported the North American Free Trade Agreement": a treaty or a law is no party, whatever
        # country its name holds; whom backing it is aimed at the clause does not say
        return []
    targets = [a for a in targets if not (names_document(a) or called_a_law(index.doc, a))]
    if entry.needs_target and not targets and not (entry.symmetric and len(sources) > 1):
        return []
    if (
        not targets
        and not code.startswith("01")
        and any(c.dep_ == "auxpass" for c in verb.children)
        and not any(c.dep_ == "nsubjpass" for c in verb.children)
    ):
        return []  # "despite having been investigated by the FBI": the one acted on is in another clause
    if not targets and (code == "175" or verb.lemma_.lower() == "prosecute"):
        return []  # repression or prosecution of no one named: "trying to quell the furor", "prosecuted a war"
    if not targets and rule.endswith("+bare") and code[:2] in ("02", "03") and len(sources) < 2:
        # "pledged to eradicate terrorism", "urged social media companies to ...": the act is named only by a
        # verb the lexicon does not know, so calling it an appeal or an offer of cooperation is a guess from
        # the control verb; with no one it is aimed at either, the event tells an analyst nothing reliable.
        # (A threat or refusal keeps its root whatever is threatened; "Jordan and Britain agreed to ..."
        # names both sides.)
        return []
    if (
        not targets
        and (not code.startswith("01") or code in AIMED_STATEMENTS)
        and not (entry.symmetric and len(sources) > 1)
        and names_unknown_party(verb, entry, complement)
    ):
        return []  # "rejected it", "decrying the TV star's rhetoric": aimed at someone we cannot name
    if (
        not targets
        and given_targets is None
        and code[:2] not in UNDIRECTED_ROOTS
        and not (entry.symmetric and len(sources) > 1)
    ):
        recovered = recovered_target(ctx, verb, entry, code, sources)
        if recovered:
            targets, syntactic = recovered, True
    if (
        not targets
        and given_targets is None
        and code[:2] not in UNDIRECTED_ROOTS
        and code not in UNDIRECTED_CODES
        and not (entry.symmetric and len(sources) > 1)
        and sentence_names_party(ctx, sent, verb, code, subjects, sources)
    ):
        # precision first: an act aimed at someone, with no target found, in a sentence that names another
        # party ("Sanders rejected that, too" after "Clinton proposed ..."): the party named is likely whom
        # the act is aimed at, and an event with its target missing would misreport it
        return []
    if (
        code == "141"
        and (not targets or _rally_for(verb))
        and any(o.lemma_.lower() == "rally" for o in clauses.object_tokens(verb))
        and all(_role(s) in CAMPAIGNING_ROLES or _is_politician(ctx, s) for s in sources)
    ):
        # "Trump held rallies all over the southwest", "will hold a star-studded rally", "held a rally on
        # behalf of Clinton": campaigning, for someone if anyone, not against them (one who "rallied for gay
        # rights" as a student still protested)
        return []
    if code in PHYSICAL_COERCION or code[:2] == "15":
        # courts and international bodies also charge and detain; a person in civilian office does not
        # seize or mobilise anything by hand ("Romney captured the nomination")
        sources = [
            s
            for s in sources
            if (_can_use_force(s) or _role(s) in ("JUD", "IGO")) and not _is_politician(ctx, s)
        ]
        if not sources:
            return []
    if ctx.lexicon.domain.figurative(code) and _outside_politics(sent, ctx.lexicon):
        # sport, film, weather: "forcing a showdown on the last lap", "an assault on the record" - only armed
        # forces, police or an armed group still act by force or inquiry there (a country's name is its team)
        sources = [s for s in sources if _armed(s) and not _is_politician(ctx, s)]
        if not sources:
            return []
    if ctx.lexicon.domain.needs_politics(code) and _outside_politics(sent, ctx.lexicon):
        # "a wild pitch allowed two runners to score", "conceded a goal": yielding in a game is play; only
        # an actor coded with a role (a government, a party, a league's ruling body) still yields there
        sources = [s for s in sources if _role(s) and country_of(s) != (s.code or "")]
        if not sources:
            return []
    if code[:2] in VIOLENT_ROOTS:
        # Force is used by states, armed forces, police, armed groups: "Brat attacked the congressman",
        # "lacking a rationale to fight McCarthy", "Moore beat Strange" are politics, not violence.
        armed = [s for s in sources if _can_use_force(s) and not _is_politician(ctx, s)]
        if not armed and _verbal_attack(ctx, sent, verb, sources, targets):
            # "Clinton attacked Trump on Tuesday": a person in public life attacks another with words
            code, rule = "111", f"{rule}:verbal"
        else:
            sources = armed
        if not sources:
            return []
    if code[:2] in REPORTING_ROOTS:
        # A medium that reports, writes, asks or hosts is telling the news, not acting ("the newspaper
        # reported", "KCNA said Kim told Putin ...", "told The Washington Post", "a town hall hosted by
        # MSNBC"): the act it reports is coded on its own. Its condemnation or threat is an act.
        if any(names_medium(s) for s in subjects):
            sources = []
        sources = [s for s in sources if not is_medium(ctx, s)]
        targets = [t for t in targets if not is_medium(ctx, t)]
        if targets and any(
            names_medium(o) or any(c.dep_ == "poss" and names_medium(c) for c in o.children)
            for o in clauses.object_tokens(verb) + clauses.prep_objects(verb, entry.target_preps)
        ):
            targets = []  # "Ryan told WVLK, a radio station", "told PBS' Charlie Rose" (an interviewer)
        if (
            code.startswith("01")
            and targets
            and all(not t.code for t in targets)
            and any(t.lemma_.lower() in SHOW_WORDS for t in sent)
        ):
            targets = []  # "In an interview shown on the 'Today' show, Mr. Trump told Meredith Vieira ..."
        if code.startswith("01") and verb.lemma_.lower() in ISSUING_VERBS | {"hand", "release", "provide"}:
            # "issued a statement to Heraldnews.com", "gave a statement to the Herald": whom a statement is
            # handed to, when the coder can code no one (or a web address), is the outlet that prints it
            targets = [t for t in targets if t.code and not web_address(t.name or "")]
        if code.startswith("01") and verb.lemma_.lower() == "tell":
            # whom one tells, when the coder can code no one, is an interviewer, an outlet or an audience
            # ("told Yahoo", "told Fox News's Greta Van Susteren", "told reporters"), not the statement's target
            targets = [t for t in targets if t.code]
            if not targets and any(
                o.lemma_.lower() in PERSON_NOUNS and any(c.dep_ in ("det", "poss") for c in o.children)
                for o in clauses.object_tokens(verb) + [c for c in verb.children if c.dep_ == "dative"]
            ):
                return []  # "told the girl", "told his son": one person, named but not coded, is the target
    if code[:2] == "11" and any(
        names_medium(t) or any(is_medium(ctx, a) for a in index.resolve_all(t))
        for o in clauses.prep_objects(verb, frozenset({"to"}))
        for t in [o, *(c for c in o.children if c.dep_ == "poss")]
    ):
        return []  # "complained to CBS News' Charlie Rose that ...": the one told is an interviewer, not whom
    if rule.startswith("statement.") and code[:2] not in REPORTING_ROOTS:
        # an act announced to a medium ("told Fox News it would impose sanctions"): the outlet told is no
        # party to it
        targets = [t for t in targets if not is_medium(ctx, t)]
    sources = [s for s in sources if not is_own_outlet(ctx, s)]
    targets = [t for t in targets if not is_own_outlet(ctx, t)]
    if not sources:
        return []
    if code == "010" and not targets and evaluates_named(ctx, verb, sources, complement):
        # "'She's a fake,' Symms said", "said he was happy to see that Khan was voted in": the remark praises
        # or blames a party the sentence names; a neutral statement with no target misstates it
        return []
    if (
        code in ("010", "019")
        and not targets
        and not all(country_of(s) for s in sources)
        and content_names_party(ctx, verb, sources, complement)
    ):
        # "Curiel said that Trump had placed ...", "said she was backing the Florida senator", "agreed that Trump
        # needs to deliver a speech": what was said is about a party it names, aimed at it in a way the coder
        # cannot tell (precision first: no event). A state's or its bodies' report of what another did
        # ("South Korea's defense ministry said North Korea has trained 500 hackers") is its official word on
        # the news, judged right as a statement far more often.
        return []
    if (
        code == "010"
        and targets
        and all(not t.code for t in targets)
        and content_names_party(ctx, verb, sources + targets, complement)
    ):
        # "told Cruz backers that Cruz has taken every punch": the uncoded one told is an audience, and what was
        # said is aimed at the party it names
        return []
    if code == "010" and not targets:
        # A bare "said" tells only that someone spoke, which the quote layer already records with the
        # words; it stays an event when a state or named body made the statement (an official position).
        sources = [s for s in sources if named_body and index.is_institution(s)]
    pairs = _pairs(sources, targets, entry.symmetric)
    events = []
    for source, target in pairs:
        event = _event(
            ctx,
            sent,
            verb,
            source,
            target,
            code,
            rule,
            mode,
            entry.confidence,
            syntactic or not targets,
            polarity_absorbed,
        )
        if event is not None:
            events.append(event)
    return events


# Nouns for an attack or its weapon that stand where its doer would: "a roadside bombing killed".
ATTACK_NOUNS = frozenset(
    "bombing bomb blast explosion device attack ambush airstrike air strike shelling shell rocket mortar "
    "missile grenade mine landmine gunfire shooting raid bomber".split()
)
KILLING_VERBS = frozenset("kill wound injure maim slay murder".split())


def _unidentified_attackers(ctx: ArticleContext, sent: Span) -> EventActor:
    """Attackers the sentence does not name, coded as CAMEO codes unidentified armed actors: by the country
    where they struck when the sentence names one place there ("a roadside bombing near Samarra" -> IRQUAF)."""
    here = [
        p
        for p in ctx.places
        if p.country and p.start is not None and sent.start_char <= p.start < sent.end_char
    ]
    # towns and regions name where it happened; a country's name may only qualify the victims ("U.S. soldier")
    countries: set[str] = {p.country for p in here if p.country and p.kind != "country"} or {
        p.country for p in here if p.country
    }
    if len(countries) == 1:
        country = ctx.index.kb.country_by_code(next(iter(countries)))
        if country is not None:
            return EventActor(name=f"unidentified attackers in {country.name}", code=country.cameo + "UAF")
    return EventActor(name="unidentified attackers", code="UAF")


def _authorities_of_place(ctx: ArticleContext, verb: Token) -> list[EventActor]:
    """The authorities of the country an "in" phrase of `verb` names ("arrested in Lebanon")."""
    for pobj in clauses.prep_objects(verb, frozenset({"in"})):
        if pobj.ent_type_ == "GPE":
            match = ctx.index.kb.lookup_country(pobj.text)
            if match is not None and match.via in ("name", "alias"):
                return [
                    EventActor(name=f"authorities in {match.country.name}", code=match.country.cameo + "GOV")
                ]
    return []


def _unnamed_attack(verb: Token, subjects: list[Token]) -> bool:
    """A killing or wounding done by an attack or a weapon, its doer unnamed: the subject (or the passive's
    "by" agent) is an attack noun, or a passive without agent says "in a bombing"."""
    if verb.lemma_.lower() not in KILLING_VERBS:
        return False
    if subjects:
        return all(s.lemma_.lower() in ATTACK_NOUNS for s in subjects)
    if not clauses.is_passive(verb):
        return False
    means = clauses.prep_objects(verb, frozenset({"in", "by"}))
    return any(m.lemma_.lower() in ATTACK_NOUNS for m in means)


def _speaker_sources(ctx: ArticleContext, verb: Token, subject: Token) -> list[EventActor]:
    """The actor a pronoun subject stands for when its clause is what that actor says: "Japan said it had
    halted aid", "the rebels said they would meet". "it" is a state or body, "he"/"she" a person."""
    head = clauses.speaker_of_pronoun(verb, subject)
    if head is None:
        return []
    said_by = clauses.subject_tokens(head)
    # '"I hold Sen. John McCain in esteem," Trump said': the parser may make a name inside the quotation
    # a second subject of the reporting verb; the speaker is the one outside it
    if said_by and all(_quoted(s) for s in said_by):
        outside = [c for c in head.children if c.dep_ == "nsubj" and not _quoted(c)]
        said_by = [t for c in outside for t in (c, *c.conjuncts)] or said_by
    speakers = [a for s in said_by for a in ctx.index.resolve_all(s)]

    def person(actor: EventActor) -> bool:
        return ctx.index.kinds.get(actor.actor_id or "", ("", ""))[0] == "person"

    if subject.lower_ == "it":
        return [a for a in speakers if not person(a)]
    if subject.lower_ in ("he", "she", "i"):
        people = [a for a in speakers if person(a)]
        if not people and subject.lower_ != "i":
            # "Ayotte's campaign said she would support the nominee": the person whose campaign or staff
            # speaks is the "she" of what they say
            owners = [c for s in clauses.subject_tokens(head) for c in s.children if c.dep_ == "poss"]
            people = [a for o in owners for a in ctx.index.resolve_all(o) if person(a)]
        return people
    return speakers


def _quoted(tok: Token) -> bool:
    """Whether `tok` stands inside quotation marks within its sentence."""
    inside = False
    for t in tok.doc[tok.sent.start : tok.i]:
        if t.text == '"':
            inside = not inside
        elif t.text in ("\u201c", "\u201d"):
            inside = t.text == "\u201c"
    return inside


NOT_ACTOR_ENTITIES = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)


# Who holds a rally to campaign, not to protest, unless the sentence says whom it is against.
CAMPAIGNING_ROLES = frozenset({"ELI", "PTY", "GOV", "LEG"})
# Coercion done by hand ("captured the nomination" is no seizure, "dispatching an adviser" no mobilisation):
# seizing and arresting, and military posture (15), like force, need a state, its forces or an armed group.
PHYSICAL_COERCION = frozenset({"171", "1711", "1712", "173"})
ARMED_ROLES = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "INS", "SEP", "GOV", "CRM"})


def _outside_politics(sent: Span, lexicon: Lexicon) -> bool:
    """Whether the sentence names sport, film, music or weather (the lexicon's [domain] cues, one word or
    two: "lap", "grand prix", "box office")."""
    cues = lexicon.domain.cues
    if not cues:
        return False
    words = [t.lemma_.lower() for t in sent] + [t.lower_ for t in sent]
    pairs = [f"{a.lower_} {b.lower_}" for a, b in zip(sent[:-1], sent[1:], strict=True)]
    return any(w in cues for w in words) or any(p in cues for p in pairs)


def _role(actor: EventActor) -> str:
    code = actor.code or ""
    return code[3:6] if country_of(actor) else code[:3]


def _can_use_force(actor: EventActor) -> bool:
    """A state, its government or forces, police, rebels, militants, criminals; or a group coded by country
    alone. A person or body without such a role (a candidate, a legislature, a party) is not."""
    code = actor.code or ""
    if not code:
        return False
    if code.startswith("IMG"):
        return True  # an international militarized group ("IMGMUSALQ", al-Qaeda)
    country = country_of(actor)
    role = code[3:6] if country else code[:3]
    if country and not role:
        return True
    if role == "CVL" and country and not actor.actor_id and actor.name and actor.name[0].isupper():
        return True  # a crowd, mob or settlers named by their people: "Jewish settlers set fire to ..."
    return role in ARMED_ROLES or (bool(country) and code[6:9] in ARMED_ROLES - {"GOV"})


def _armed(actor: EventActor) -> bool:
    """Armed forces, police, rebels, militants: not a state named alone (in sport, its team)."""
    code = actor.code or ""
    armed = ARMED_ROLES - {"GOV"}
    return code.startswith("IMG") or _role(actor) in armed or code[6:9] in armed


def _person_words(doc) -> set[str]:
    """Words of the names the parser tagged as people in this document ("Schiff" tagged LOC once is
    still the Schiff named as a person elsewhere)."""
    return {t.text for ent in doc_ents(doc) if ent.label_ == "PERSON" for t in ent}


def _is_politician(ctx: ArticleContext, actor: EventActor) -> bool:
    """A person whose role is a civilian office ("Trump beat Clinton in the election", "Grimm threatened to
    throw a reporter off the balcony"): their use of force would be a crime, which the news reports with
    other words. Soldiers, police, militants and criminals keep their acts."""
    kind = ctx.index.kinds.get(actor.actor_id or "", ("", ""))[0]
    role = (actor.code or "")[3:6] if country_of(actor) else (actor.code or "")[:3]
    return kind == "person" and role not in ("MIL", "COP", "REB", "UAF", "SPY", "CRM", "INS")


# Words of bodily harm: an attack in their sentence is one by hand or weapon, whoever makes it.
HARM_WORDS = frozenset(
    "knife gun pistol rifle weapon bat stab shoot punch kick beat hit wound injure injury kill hospital "
    "blood bruise assault arrest police".split()
)


def _verbal_attack(
    ctx: ArticleContext, sent: Span, verb: Token, sources: list[EventActor], targets: list[EventActor]
) -> bool:
    """Whether "attacked" is said of words: people in civilian office or public life attack each other
    in speech ("Clinton attacked Trump", CAMEO 111), where the sentence tells of no bodily harm."""
    if verb.lemma_.lower() != "attack" or not sources or not targets:
        return False

    def person(actor: EventActor) -> bool:
        return ctx.index.kinds.get(actor.actor_id or "", ("", ""))[0] == "person"

    return (
        all(person(s) and _is_politician(ctx, s) for s in sources)
        and all(person(t) for t in targets)
        and not any(t.lemma_.lower() in HARM_WORDS for t in sent)
    )


def _named_object(verb: Token, entry: VerbEntry, complement: Token | None) -> EventActor | None:
    """A proper name the clause gives as the act's object or addressee, uncoded: "accused Schiff",
    "called on Schiff to resign", "demanding Schiff's ouster"."""
    objects = clauses.object_tokens(verb)
    if entry.code == "010" and verb.lemma_.lower() in CONTENT_VERBS:
        objects = [o for o in objects if o.dep_ == "dative"]  # "insisted Comey had ...": what is said
    candidates = objects + clauses.prep_objects(verb, entry.target_preps)
    if complement is not None:
        candidates += clauses.object_tokens(complement)
    stray = stray_clause_subject(verb)  # "agreed the obstacle to Assad ... can be resolved": what is agreed
    candidates = [t for t in candidates if t.i not in stray]
    objects = [t for t in objects if t.i not in stray]

    for tok in candidates:
        owners = [c for c in tok.children if c.dep_ == "poss"]
        for t in [tok, *owners]:
            person = t.ent_type_ == "PERSON" or t.text in _person_words(t.doc)
            if t.pos_ == "PROPN" and person and t.ent_type_ not in NOT_ACTOR_ENTITIES:
                words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
                name = " ".join(w.text for w in words).removesuffix("\u2019s").removesuffix("'s")
                if name and name[0].isupper():
                    return EventActor(name=name, code=None)
    for tok in objects:
        plural = tok.tag_ == "NNPS" and tok.text.endswith("s")  # not a run-together "Citizens Unitedruling"
        if tok.dep_ == "dobj" and plural and tok.ent_type_ not in NOT_BODY_ENTITIES:
            # "slammed the Girl Scouts for ...": a plural proper name is a body of people, whatever label the
            # entity tagger gave it; named but uncoded, it is whom the act is aimed at
            words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
            return EventActor(name=" ".join(w.text for w in words), code=None)
    return None


# Measures an appeal may call for against a party: whom the measure is against is whom the appeal aims at.
MEASURE_NOUNS = frozenset(
    "boycott boycotts ban embargo sanctions investigation inquiry probe impeachment prosecution".split()
)


# Nouns for rules: their owner ("DNC rules", "Ohio's law") is whose rules an act breaks, not whom it is aimed at.
NORM_NOUNS = frozenset(
    "rule rules law laws regulation regulations guideline guidelines bylaw bylaws policy policies code "
    "constitution charter".split()
)


def _owns_norm(tok: Token) -> bool:
    """The token names the owner of rules ("violates DNC rules", "broke the party's bylaws")."""
    while tok.dep_ in ("compound", "flat", "amod") and tok.head.pos_ == "PROPN" and tok.head is not tok:
        tok = tok.head  # "Republican National Committee rules": the name's head owns the rules
    return tok.dep_ in ("compound", "poss", "nmod", "amod") and tok.head.lower_ in NORM_NOUNS


def _measure_target(index: ActorIndex, verb: Token) -> EventActor | None:
    """The party a measure called for is against, named by the measure's own phrase: "called for an Apple
    boycott", "called for a boycott of Apple", "called for an investigation into Acme Corp." (coded if the
    actor layer codes it, else by name)."""
    for measure in clauses.prep_objects(verb, frozenset({"for"})):
        if measure.lemma_.lower() in GIVEN_NOUNS:
            # "asked for Trump's endorsement", "appealed for China's help": one asks the giver for it
            for giver in (c for c in measure.children if c.dep_ == "poss"):
                found = index.resolve(giver)
                if found is not None:
                    return found
                if giver.pos_ == "PROPN" and giver.ent_type_ in NAMED_PARTY_ENTITIES:
                    words = [c for c in giver.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [giver]
                    return EventActor(name=" ".join(w.text for w in words), code=None)
            continue
        if measure.lemma_.lower() not in MEASURE_NOUNS and measure.lower_ not in MEASURE_NOUNS:
            continue
        parties = [c for c in measure.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        parties += clauses.prep_objects(measure, frozenset({"of", "against", "on", "into"}))
        for party in parties:
            found = index.resolve(party)
            if found is not None:
                return found
            if party.pos_ == "PROPN" and party.ent_type_ in NAMED_PARTY_ENTITIES:
                words = [c for c in party.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [party]
                return EventActor(name=" ".join(w.text for w in words), code=None)
    return None


# Entity labels of plural proper names that are places, times, laws or products ("the Philippines", "the
# Rockies", "the Citizens United ruling"), not bodies of people.
NOT_BODY_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "EVENT", "LAW", "PRODUCT"})


# What one asks another to give: whose it is names whom an appeal for it is made to.
GIVEN_NOUNS = frozenset(
    "endorsement support help backing blessing approval permission forgiveness cooperation assistance".split()
)


# Roots of consultation and cooperation: acts done with a counterpart, never with what they are about.
COOPERATIVE_ROOTS = frozenset({"04", "05", "06"})


# Roots and codes of acts that need no addressee: statements, a resignation (whom an appeal, a threat or a
# rejection is aimed at, a sentence naming another party says).
UNDIRECTED_ROOTS = frozenset({"01"})
UNDIRECTED_CODES = frozenset({"0831", "0832", "0833", "0834"})


# Statements aimed at someone: sympathy with ("condolences to the family of ..."), accord with ("concurred with
# the inspector general's findings"); a party the sentence names there but the actor layer cannot code leaves
# the event without its target, so none is made.
AIMED_STATEMENTS = frozenset({"018", "019"})


# Verbs of accord: co-subjects agree with each other ("Turkey and the U.S. agreed that ...").
JOINT_VERBS = frozenset({"agree", "concur"})


# Subjects of a demanded clause that stand for a party named before: "demanded they stop producing coal".
DEMANDED_PRONOUNS = frozenset({"he", "she", "they"})


def _counterpart_named(index: ActorIndex, verb: Token, entry: VerbEntry) -> bool:
    """Whether the clause names the other side of a joint act itself: its object is an actor ("met Putin",
    "met U.N. envoys") or the act's own preposition names one ("a deal with Chile", "talks between the two")."""
    objects = clauses.object_tokens(verb)
    if verb.lemma_.lower() not in TOPIC_OBJECT_VERBS and any(
        o.lemma_.lower() not in entry.objects and index.resolve(o) is not None for o in objects
    ):
        return True  # "met U.N. envoys"; not "reached the Iran deal" (the act's own noun)
    heads = [verb] + objects
    return any(clauses.prep_objects(h, entry.target_preps) for h in heads)


def _rally_for(verb: Token) -> bool:
    """ "held a rally for Clinton", "held rallies on behalf of his wife": a rally held for someone."""
    heads = [verb] + [o for o in clauses.object_tokens(verb) if o.lemma_.lower() == "rally"]
    for head in heads:
        if clauses.prep_objects(head, frozenset({"for"})):
            return True
        if any(p.lower_ == "behalf" for p in clauses.prep_objects(head, frozenset({"on", "in"}))):
            return True
    return False


def _pairs(
    sources: list[EventActor], targets: list[EventActor], symmetric: bool
) -> list[tuple[EventActor, EventActor | None]]:
    """One event per actor on each side; symmetric acts between coordinated sources pair them up."""
    pairs: list[tuple[EventActor, EventActor | None]] = []
    if not targets and symmetric and len(sources) > 1:
        # "Israel and Lebanon renewed negotiations": the two sides. Co-subjects of one country, or of none
        # known ("Kushner and Manafort also attended the meeting"), may be on the same side: not paired.
        return [
            (a, b)
            for a in sources
            for b in sources
            if not same_actor(a, b) and country_of(a) and country_of(b) and country_of(a) != country_of(b)
        ]
    for source in sources:
        options: list[EventActor | None] = list(targets) or [None]
        for target in options:
            if target is not None and same_actor(source, target):
                continue
            pairs.append((source, target))
            if symmetric and target is not None:
                pairs.append((target, source))
    return pairs


# Roots of acts a news medium performs as its work: statements, appeals and questions, interviews, hosting.
REPORTING_ROOTS = frozenset({"01", "02", "04", "09"})  # (a paper's investigation is journalism)
# Words that place a statement in an interview: whom it is told to there is the interviewer.
SHOW_WORDS = frozenset({"interview", "show", "program", "programme", "podcast", "broadcast"})
# Texts that "say", "claim" or "call for" things: their words are reported, they do not act.
TEXT_NOUNS = frozenset(
    "report article story column editorial op-ed headline broadcast documentary book memo tweet post plan "
    "proposal bill budget legislation resolution letter petition segment".split()
)


def _cue_speaker(ctx: ArticleContext, verb: Token) -> EventActor | None:
    """The speaker the quote layer resolved for this cue verb ("..., said a former senior official")."""
    speaker = ctx.cue_speakers.get(verb.idx)
    name = speaker and (speaker.name or speaker.description)
    if speaker is None or not name or not speaker.actor_code:
        return None
    return EventActor(name=name, code=speaker.actor_code, actor_id=speaker.actor_id)


def _other_than_named(subjects: list[Token], speaker: EventActor) -> bool:
    """Whether the subjects name a person or body by a proper name none of whose words is in `speaker`'s
    name."""
    names = [s for s in subjects if s.pos_ == "PROPN"]
    said = (speaker.name or "").lower()
    return bool(names) and not any(
        t.lower_ in said for s in names for t in s.subtree if t.pos_ == "PROPN" and t.i <= s.i
    )


def _names_itself(ctx: ArticleContext, verb: Token) -> bool:
    """Whether the cue's speaker phrase is a name of the actor it was linked to."""
    speaker = ctx.cue_speakers.get(verb.idx)
    if speaker is None:
        return False
    mention = (speaker.mention or "").strip().lower().removeprefix("the ")
    actor = ctx.index.by_word.get(mention)
    return actor is not None and actor.actor_id == speaker.actor_id


# ---------------------------------------------------------------- nominal events


def _code_noun(ctx: ArticleContext, sent: Span, noun: Token, entry: NounEntry) -> list[Event]:
    if entry.requires and not clauses.prep_objects(noun, entry.requires):
        return []
    if entry.code[:2] == "14" and noun.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        return []  # a protest named as the subject of its own clause; as an object its verb codes it
    if noun.dep_ in ("compound", "amod") or any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.lefts):
        return []
    parties = nominal.noun_parties(ctx.index, ctx.lexicon, sent, noun)
    pairs = parties.pairs(entry.symmetric)
    if not pairs:
        return []
    rule = entry.id + (".failed" if _failed(noun, entry) else "")
    events = [
        _event(ctx, sent, noun, s, t, entry.code, rule, parties.mode, entry.confidence, True)
        for s, t in pairs
    ]
    return [e for e in events if e is not None]


def _failed(noun: Token, entry: NounEntry) -> bool:
    """ "the summit ended without agreement", "its collapsed summit", "came to a premature end"."""
    if not entry.failed:
        return False
    words = {c.lower_ for c in noun.children} | {c.lemma_.lower() for c in noun.children}
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.i != noun.i:
        words |= {head.lemma_.lower(), head.lower_}
        words |= {
            t.lower_ for c in head.children if c.dep_ in ("prep", "dobj", "advmod", "prt") for t in c.subtree
        }
    return bool(words & entry.failed)


# ---------------------------------------------------------------- the Event


def _proposed_for_another(trigger: Token) -> bool:
    """ "Peru suggested that Chile could lift sanctions", "proposed that Seoul host the talks": the act is in a
    clause of its own subject under a verb of proposing; it is the proposer's idea, not a deed (or a possible
    one) of that subject."""
    head = trigger.head
    return (
        trigger.dep_ == "ccomp"
        and head.i != trigger.i
        and head.lemma_.lower() in PROPOSING_VERBS
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
        # a party proposes ("we", "Peru"); "the data suggests that Chile attacked" is evidence, left to the hedges
        and any(c.dep_ == "nsubj" and c.pos_ in ("PRON", "PROPN") for c in head.children)
    )


def _claimant(ctx: ArticleContext, verb: Token) -> str | None:
    """Who makes the allegation `verb` ("accused", "alleges") states: its subject, or that of the clause it
    hangs from ("wants answers after accusing ..."), or a passive's agent ("was accused by the union"); None
    where the text names no one ("was accused of", "the man accused of") or only an unresolved pronoun."""
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "auxpass" for c in tok.children) or (tok.tag_ == "VBN" and tok.dep_ == "acl"):
            who = next(
                (g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
            )
            if who is None:
                return None
        else:
            who = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if who is not None:
            actor = ctx.index.by_token.get(who.i)
            if actor is not None:
                return actor.name
            if who.pos_ == "PRON":
                return None
            # "the Sanders campaign" -> "Sanders campaign"
            start = who.left_edge.i + (who.left_edge.dep_ == "det")
            return "".join(t.text_with_ws for t in ctx.doc[start : who.i + 1]).strip() or None
        if tok.dep_ in ("relcl", "acl") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _event(
    ctx: ArticleContext,
    sent: Span,
    trigger: Token,
    source: EventActor,
    target: EventActor | None,
    code: str,
    rule: str,
    mode: str | None,
    base: float,
    syntactic_target: bool,
    polarity_absorbed: bool = False,
) -> Event | None:
    plover, plover_mode, _ = ctx.codebook.plover(code)
    claim_by = evidence.claim_at(ctx.claims, trigger.idx)
    if (
        claim_by is not None
        and claim_by.lower() == (source.name or "").lower()
        and not evidence.inside_content(trigger)
    ):
        claim_by = None
    if (source.name or "").startswith(("\u2019", "'")):
        return None  # a possessive ending read as a name ("'s Asia trip"): the parse went wrong here
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "without":
        return None  # "arranged the speech without consulting the White House": named only as not done
    if code == "042" and (target is None or not target.code):
        # a visit is news for whom it visits: "arrived in the Oval Office", "flying to Joint Base Andrews",
        # "during his visit" name no party visited (or none the coder can name)
        return None
    if _proposed_for_another(trigger):
        return (
            None  # "we suggested that the US could lift sanctions": the speaker's proposal, no act of the US
        )
    said = act_status(trigger)
    if said.claimant is not None:
        # "the campaign accused Clinton of violating the law": the act is the accuser's claim
        claim_by = claim_by or _claimant(ctx, ctx.doc[said.claimant])
        if claim_by is None:
            return None  # "Clinton was accused of violating the law": an allegation of no one named, no fact
    negated = said.negated and not polarity_absorbed
    if said.status not in FACT_STATUSES and claim_by is None and is_speculation(trigger):
        return None  # the author's own guess ("Kim may now be heading to Moscow") reports no event
    if claim_by is None and is_authors_demand(trigger, said):
        return None  # the author's own opinion ("Obama should use his strength to force Grassley")
    if negated and code.startswith("01"):
        return None  # "said nothing", "did not comment": no statement was made
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in trigger.children
    )
    own_word = claim_by is None or claim_by.lower() == (source.name or "").lower()
    own_conditional = said.status in ("hypothetical", "planned") and conditional and own_word
    if not negated and ((said.status == "planned" and said.marker in PLANNING_MARKERS) or own_conditional):
        # (so is an act its doer may do on a condition: "may halt mediation if cooperation founders")
        # PLOVER has no planned events: a cooperative act its doer will do or plans is an AGREE (an
        # undertaking), a hostile one a THREATEN ("The United Nations will provide food aid", "Greece plans to
        # impose restrictions"); the CAMEO code and the status keep saying what is planned
        plover = PLANNED_PLOVER.get(code[:2], plover)
    when = timing.event_time(ctx.doc, ctx.times, ctx.named, sent, trigger)
    named = timing.named_event_for(ctx.doc, ctx.named, trigger)
    place = location.event_place(ctx.doc, ctx.index, ctx.places, named, sent, trigger, source, code)
    published = anchor_date(ctx.article)
    if _still_ahead(trigger, said, when, published):
        # "their meeting on Wednesday is an important step", written on Tuesday: the meeting is ahead
        said = replace(said, status="planned", marker="dated ahead")
    floor = base + (0.1 if source.actor_id else 0.0)
    floor += (0.1 if syntactic_target else -0.1) if target is not None else 0.0
    floor -= 0.1 if mode else 0.0
    floor -= 0.1 if claim_by else 0.0
    floor -= 0.1 if DERIVED_RULE in rule else 0.0
    features = gate.features(
        sent,
        trigger,
        source,
        target,
        code,
        rule,
        mode,
        said.status,
        negated,
        claim_by,
        syntactic_target,
        base,
        ctx.index.kinds,
        ctx.actor_at,
    )
    confidence = gate.weights().probability(features)
    event = Event(
        source=source,
        target=target,
        cameo=code,
        mentions=[
            EventMention(
                article_id=ctx.article.id,
                start=sent.start_char,
                end=sent.end_char,
                sentence=sent.text,
                outlet=ctx.article.outlet,
                date=when.date,
                date_end=when.end,
                date_source=when.source,
                status=said.status,
                negated=negated,
            )
        ],
        status=said.status,
        negated=negated,
        plover=plover,
        mode=mode or plover_mode,
        goldstein=ctx.codebook.goldstein(code),
        date=when.date,
        date_precision=when.precision,
        date_end=when.end,
        date_source=when.source,
        reported_on=published.isoformat() if published else None,
        place=place,
        claim_by=claim_by,
        rule=rule,
        confidence=round(confidence, 3),
    )
    if floor < MIN_CONFIDENCE or not gate.passes(confidence, ctx.gated):
        ctx.held[id(event)] = event
    else:
        gate.note(event, features)
    return event
