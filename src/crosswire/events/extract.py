"""Article-level event coding with crosswire's own lexicon over the article's existing spaCy parse.

`extract_events(article, doc, actors, times, places, quotes)` walks each sentence once. A verb fires the
most specific lexicon entry whose conditions its clause meets; a verb that takes another event as
complement ("agreed to meet", "refused to talk", "threatened to strike") codes the pair as one act; a
nominal event ("the Kim-Putin summit in Vladivostok") fires when its modifiers name participants.

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

from crosswire.events import clauses, evidence
from crosswire.events.codebook import Codebook
from crosswire.events.lexicon import ControlEntry, Lexicon, NounEntry, VerbEntry
from crosswire.events.participants import ActorIndex, country_of, same_actor
from crosswire.model import Actor, Article, Event, EventActor, EventMention, Place, Quote, Speaker, TimeRef

# Nouns whose infinitive names an act that is only offered or asked for ("Seoul's offer to co-host").
PROPOSAL_NOUNS = frozenset(
    "offer proposal invitation plan request demand call bid attempt effort suggestion idea".split()
)
POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})


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
    if doc.text != article.text:
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


def _targets(
    ctx: _Article, verb: Token, entry: VerbEntry, complement: Token | None
) -> tuple[list[EventActor], bool]:
    """The target actors and whether the syntax (rather than a guess) gave them."""
    index = ctx.index
    objects = clauses.object_tokens(verb)
    heads = [verb] + ([complement] if complement is not None else [])
    candidates: list[Token] = [o for o in objects if index.direct(o) is not None]
    for head in heads:
        candidates += clauses.prep_objects(head, entry.target_preps)
        for obj in clauses.object_tokens(head):
            candidates += clauses.prep_objects(obj, entry.target_preps)
    if complement is not None:
        candidates += [o for o in clauses.object_tokens(complement) if index.direct(o) is not None]
    candidates += [o for o in objects if index.direct(o) is None]  # "Seoul's offer": the owner
    for tok in candidates:
        found = index.resolve_all(tok)
        if found:
            return found, True
    return [], False


def _fallback_target(
    ctx: _Article, sent: Span, tokens: list[Token], sources: list[EventActor]
) -> list[EventActor]:
    """A target the syntax did not give: the nearest actor of another country in `tokens`."""
    countries = {country_of(s) for s in sources}
    for _, actor in ctx.index.in_span(tokens):
        if country_of(actor) is not None and country_of(actor) not in countries:
            return [actor]
    return []


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
    if not sources:
        cue_speaker = _cue_speaker(ctx, verb)
        sources = [cue_speaker] if cue_speaker else []
    if not sources:
        return []
    targets, syntactic = _targets(ctx, verb, entry, complement)
    if topic:  # a condemning statement: whoever its topic names ("Mentioning the South Korea-U.S. drill")
        countries = {country_of(s) for s in sources}
        targets = [a for _, a in index.in_span(topic) if country_of(a) not in countries][:2]
        syntactic = bool(targets)
    elif not targets and not code.startswith("01"):
        after = [t for t in sent if t.i > verb.i] + [t for t in sent if t.i < verb.i][::-1]
        targets = _fallback_target(ctx, sent, after, sources)
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


# ---------------------------------------------------------------- nominal events


def _noun_participants(ctx: _Article, sent: Span, noun: Token) -> tuple[list[EventActor], list[EventActor]]:
    """(owners, partners) of a nominal event: "Kim's summit with Putin", "the North Korea-Russia summit"."""
    index = ctx.index
    owners: list[EventActor] = []
    for child in noun.lefts:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS and index.direct(child) is None:
            found = _main_subject(ctx, sent)
            owners += [found] if found is not None else []
        elif child.dep_ in ("poss", "compound", "nmod", "amod"):
            owners += [a for _, a in index.in_span(list(child.subtree))]
    partners: list[EventActor] = []
    for pobj in clauses.prep_objects(noun, frozenset({"with", "between", "to", "on", "against"})):
        partners += index.resolve_all(pobj)
    return owners, partners


def _main_subject(ctx: _Article, sent: Span) -> EventActor | None:
    """A possessive pronoun opening a sentence ("Since its collapsed summit ..., the North ...") refers
    ahead to the main clause's subject."""
    root = sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return ctx.index.resolve(child)
    return None


def _code_noun(ctx: _Article, sent: Span, noun: Token, entry: NounEntry) -> list[Event]:
    if entry.requires and not clauses.prep_objects(noun, entry.requires):
        return []
    if noun.dep_ in ("compound", "amod") or any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.lefts):
        return []
    owners, partners = _noun_participants(ctx, sent, noun)
    everyone: list[EventActor] = []
    for a in owners + partners:
        if not any(same_actor(a, b) for b in everyone):
            everyone.append(a)
    if entry.symmetric and len(everyone) < 2 or not everyone:
        return []
    rule = entry.id + (".failed" if _failed(noun, entry) else "")
    verb_entry = VerbEntry(id=entry.id, lemma=noun.lemma_, code=entry.code, confidence=entry.confidence)
    pairs: list[tuple[EventActor, EventActor | None]]
    if entry.symmetric:
        pairs = [(a, b) for a in everyone for b in everyone if not same_actor(a, b)]
    else:
        sources = owners or everyone[:1]
        options: list[EventActor | None] = list(partners) or [None]
        pairs = [(s, t) for s in sources for t in options if t is None or not same_actor(s, t)]
    return [
        _event(ctx, sent, noun, s, t, entry.code, rule, None, verb_entry.confidence, True) for s, t in pairs
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
