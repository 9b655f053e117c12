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
-> 125), else dropped. Acts inside a quote are claims of its speaker. The date is a time expression in
the sentence (the one inside the act's phrase first), else the publication date marked "published".

Confidence (0..1) is a documented heuristic, not a probability: the entry's base (0.6; 0.45 for
catch-all verbs like "said"), +0.1 when the source is one of the article's actors, +0.1 for a target
found in the clause's syntax, -0.1 for a target only guessed from the sentence, -0.1 for modal or
quoted (claimed) acts, clamped to [0.05, 0.95].
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from crosswire.events import clauses, evidence, nominal
from crosswire.events.codebook import Codebook
from crosswire.events.lexicon import ControlEntry, Lexicon, NounEntry, VerbEntry
from crosswire.events.participants import ActorIndex, country_of, same_actor
from crosswire.events.targets import destination, fallback_target, syntactic_targets
from crosswire.model import Actor, Article, Event, EventActor, EventMention, Place, Quote, Speaker, TimeRef
from crosswire.nlp.runtime import doc_text

# Nouns whose infinitive names an act that is only offered or asked for ("Seoul's offer to co-host").
# Acts whose target may be named by a place: a visit's destination, the host of a closed mission.
PLACE_TARGET_CODES = frozenset({"042", "161"})
PROPOSAL_NOUNS = frozenset(
    "offer proposal invitation plan request demand call bid attempt effort suggestion idea".split()
)


@dataclass
class _Article:
    """What coding one article needs, built once (no state survives the call)."""

    article: Article
    doc: Doc
    index: ActorIndex
    times: list[TimeRef]
    places: list[Place]
    claims: list[tuple[int, int, str]]  # (start, end, speaker) of quote pieces that are claims
    cue_speakers: dict[int, Speaker]  # cue verb's character offset -> the quote's speaker
    codebook: Codebook
    lexicon: Lexicon
    consumed: set[int] = field(default_factory=set)  # tokens already coded as part of another act


def extract_events(
    article: Article,
    doc: Doc,
    actors: list[Actor],
    times: list[TimeRef],
    places: list[Place],
    quotes: list[Quote],
    codebook: Codebook | None = None,
    lexicon: Lexicon | None = None,
) -> list[Event]:
    """Every event the built-in (or given) lexicon codes in `article`, in reading order."""
    if doc_text(doc) != article.text:
        raise ValueError(
            f"article {article.id}: the Doc was not parsed from article.text (offsets would be wrong)"
        )
    ctx = _Article(
        article=article,
        doc=doc,
        index=ActorIndex(doc, actors),
        times=[t for t in times if t.value and t.precision != "unresolved"],
        places=[p for p in places if p.start is not None],
        claims=evidence.claim_spans(quotes),
        cue_speakers={q.cue_start: q.speaker for q in quotes if q.cue_start is not None},
        codebook=codebook or Codebook.builtin(),
        lexicon=lexicon or Lexicon.builtin(),
    )
    events: list[Event] = []
    for sent in doc.sents:
        for tok in sent:
            if tok.pos_ == "VERB" and tok.i not in ctx.consumed:
                events += _code_verb(ctx, sent, tok)
        for tok in sent:
            entry = ctx.lexicon.nouns.get(tok.lemma_.lower())
            if entry is not None and tok.pos_ in ("NOUN", "PROPN") and tok.i not in ctx.consumed:
                events += _code_noun(ctx, sent, tok, entry)
    return events


# ---------------------------------------------------------------- verbs


def _code_verb(ctx: _Article, sent: Span, verb: Token) -> list[Event]:
    lexicon = ctx.lexicon
    control = lexicon.controls.get(verb.lemma_.lower())
    if control is not None and control.kind != "modal":
        complement = clauses.complement_verb(verb)
        # "rejected Seoul's offer to co-host": a noun object owns the infinitive, the verb is no control verb.
        owned = control.kind in ("refusal", "intent") and _proposal_object(verb) is not None
        if complement is not None and not owned:
            return _code_control(ctx, sent, verb, control, complement)
    if verb.dep_ == "xcomp" and _proposal_object(verb.head) is not None:
        return []  # the act only proposed ("offer to co-host") is not reported as done
    head_control = lexicon.controls.get(verb.head.lemma_.lower()) if verb.dep_ == "xcomp" else None
    if head_control is not None and head_control.kind != "modal" and verb.head.i in ctx.consumed:
        return []
    entry = clauses.match_verb(verb, lexicon)
    if entry is None:
        return []
    code, rule = entry.code, entry.id
    if clauses.is_negated(verb):
        if entry.negated is None:
            return []
        code, rule = entry.negated, f"{entry.id}:negated"
    if code == "043" and _hosts_others(verb):
        return []  # the parties' meeting is coded from its noun; a host is no party to it
    topic: list[Token] = []
    if code == "010" and _is_critical(verb, lexicon):
        code, rule = "111", f"{entry.id}:critical"
        topic = [t for c in verb.children if c.dep_ == "advcl" for t in c.subtree] + [
            t for c in verb.children if c.dep_ in ("ccomp", "xcomp") for t in c.subtree
        ]
    mode = "potential" if clauses.modal_marker(verb, lexicon) else None
    return _assemble(ctx, sent, verb, entry, code, rule, mode, topic=topic)


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


def _is_critical(verb: Token, lexicon: Lexicon) -> bool:
    """A statement whose content condemns: "claimed, 'It is a violent violation ...'"."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "dobj", "xcomp", "advcl"):
            if any(
                t.lemma_.lower() in lexicon.critical or t.lower_ in lexicon.critical for t in child.subtree
            ):
                return True
    return False


def _code_control(
    ctx: _Article, sent: Span, verb: Token, control: ControlEntry, complement: Token
) -> list[Event]:
    """ "agreed to meet" (036), "refused to meet" (125), "threatened to strike" (138), "urged X to talk" (026)."""
    inner = clauses.match_verb(complement, ctx.lexicon)
    if clauses.is_negated(verb) and control.kind != "refusal":
        ctx.consumed.add(complement.i)
        return []
    if control.kind == "refusal":
        if clauses.is_negated(verb):  # "did not refuse to meet" asserts nothing we code
            ctx.consumed.add(complement.i)
            return []
        code = (
            inner.negated
            if inner is not None and inner.negated
            else control.code_for(inner.code if inner is not None else None)
        )
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
    return _assemble(ctx, sent, verb, base, code, rule, mode, complement=complement)


def _assemble(
    ctx: _Article,
    sent: Span,
    verb: Token,
    entry: VerbEntry,
    code: str,
    rule: str,
    mode: str | None,
    complement: Token | None = None,
    topic: list[Token] | None = None,
) -> list[Event]:
    index = ctx.index
    subjects = clauses.subject_tokens(verb)
    sources = [a for s in subjects for a in index.resolve_all(s)]
    named_body = True  # the source is named as itself, not only described ("two Singapore-based carriers")
    if not sources:
        cue_speaker = _cue_speaker(ctx, verb)
        sources = [cue_speaker] if cue_speaker else []
        named_body = _names_itself(ctx, verb)
    if not sources:
        return []
    targets, syntactic = syntactic_targets(index, verb, entry, complement)
    if topic:  # a condemning statement: whoever its topic names ("Mentioning the South Korea-U.S. drill")
        countries = {country_of(s) for s in sources}
        targets = [a for _, a in index.in_span(topic) if country_of(a) not in countries][:2]
        syntactic = bool(targets)
    elif not targets and not code.startswith("01") and code != "043":
        # (A host's guest must be named by the syntax; symmetric acts pair coordinated sources below.)
        if code in PLACE_TARGET_CODES:
            targets = destination(index, ctx.places, verb, entry, sources)
            syntactic = bool(targets)
        if not targets and not (entry.symmetric and len(sources) > 1):
            after = [t for t in sent if t.i > verb.i] + [t for t in sent if t.i < verb.i][::-1]
            targets = fallback_target(index, verb, after, sources)
    if entry.needs_target and not targets:
        return []
    if code == "010" and not targets:
        # A bare "said" tells only that someone spoke, which the quote layer already records with the
        # words; it stays an event when a state or named body made the statement (an official position).
        sources = [s for s in sources if named_body and index.is_institution(s)]
    pairs = _pairs(sources, targets, entry.symmetric)
    events = []
    for source, target in pairs:
        events.append(
            _event(
                ctx, sent, verb, source, target, code, rule, mode, entry.confidence, syntactic or not targets
            )
        )
    return events


def _pairs(
    sources: list[EventActor], targets: list[EventActor], symmetric: bool
) -> list[tuple[EventActor, EventActor | None]]:
    """One event per actor on each side; symmetric acts between coordinated sources pair them up."""
    pairs: list[tuple[EventActor, EventActor | None]] = []
    if not targets and symmetric and len(sources) > 1:
        return [(a, b) for a in sources for b in sources if not same_actor(a, b)]
    for source in sources:
        options: list[EventActor | None] = list(targets) or [None]
        for target in options:
            if target is not None and same_actor(source, target):
                continue
            pairs.append((source, target))
            if symmetric and target is not None:
                pairs.append((target, source))
    return pairs


def _cue_speaker(ctx: _Article, verb: Token) -> EventActor | None:
    """The speaker the quote layer resolved for this cue verb ("..., said a former senior official")."""
    speaker = ctx.cue_speakers.get(verb.idx)
    name = speaker and (speaker.name or speaker.description)
    if speaker is None or not name or not speaker.actor_code:
        return None
    return EventActor(name=name, code=speaker.actor_code, actor_id=speaker.actor_id)


def _names_itself(ctx: _Article, verb: Token) -> bool:
    """Whether the cue's speaker phrase is a name of the actor it was linked to."""
    speaker = ctx.cue_speakers.get(verb.idx)
    if speaker is None:
        return False
    mention = (speaker.mention or "").strip().lower().removeprefix("the ")
    actor = ctx.index.by_word.get(mention)
    return actor is not None and actor.actor_id == speaker.actor_id


# ---------------------------------------------------------------- nominal events


def _code_noun(ctx: _Article, sent: Span, noun: Token, entry: NounEntry) -> list[Event]:
    if entry.requires and not clauses.prep_objects(noun, entry.requires):
        return []
    if noun.dep_ in ("compound", "amod") or any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.lefts):
        return []
    parties = nominal.noun_parties(ctx.index, ctx.lexicon, sent, noun)
    pairs = parties.pairs(entry.symmetric)
    if not pairs:
        return []
    rule = entry.id + (".failed" if _failed(noun, entry) else "")
    return [
        _event(ctx, sent, noun, s, t, entry.code, rule, parties.mode, entry.confidence, True)
        for s, t in pairs
    ]


def _failed(noun: Token, entry: NounEntry) -> bool:
    """ "the summit ended without agreement", "its collapsed summit", "came to a premature end"."""
    if not entry.failed:
        return False
    words = {c.lower_ for c in noun.children} | {c.lemma_.lower() for c in noun.children}
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head is not noun:
        words |= {head.lemma_.lower(), head.lower_}
        words |= {
            t.lower_ for c in head.children if c.dep_ in ("prep", "dobj", "advmod", "prt") for t in c.subtree
        }
    return bool(words & entry.failed)


# ---------------------------------------------------------------- the Event


def _event(
    ctx: _Article,
    sent: Span,
    trigger: Token,
    source: EventActor,
    target: EventActor | None,
    code: str,
    rule: str,
    mode: str | None,
    base: float,
    syntactic_target: bool,
) -> Event:
    plover, plover_mode, _ = ctx.codebook.plover(code)
    claim_by = evidence.claim_at(ctx.claims, trigger.idx)
    if (
        claim_by is not None
        and claim_by.lower() == (source.name or "").lower()
        and not evidence.inside_content(trigger)
    ):
        claim_by = None
    date, precision = evidence.date_for(ctx.doc, ctx.times, ctx.article.published, sent, trigger)
    confidence = base + (0.1 if source.actor_id else 0.0)
    confidence += (0.1 if syntactic_target else -0.1) if target is not None else 0.0
    confidence -= 0.1 if mode else 0.0
    confidence -= 0.1 if claim_by else 0.0
    return Event(
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
            )
        ],
        plover=plover,
        mode=mode or plover_mode,
        goldstein=ctx.codebook.goldstein(code),
        date=date,
        date_precision=precision,
        place=evidence.place_for(ctx.index, ctx.places, sent, trigger),
        claim_by=claim_by,
        rule=rule,
        confidence=round(min(0.95, max(0.05, confidence)), 2),
    )
