"""Who said it: the speaker mention at a cue, and the name it resolves to.

The mention is read off the dependency parse around the cue verb (its subject, the agent of a passive,
the object of "according to", or the noun after an inverted "said"). Resolution prefers the article's
actors (another stage groups mentions into actors); without them a small fallback links pronouns and
surnames to the nearest earlier full name in the article.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire import model
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.knowledge.quote_cues import ANONYMOUS_HEADS
from crosswire.nlp.actor_roles import is_hyphen_modifier
from crosswire.nlp.coref import PRONOUN_GENDER, agrees, generation_marked
from crosswire.nlp.dateline import dateline_tokens
from crosswire.nlp.runtime import doc_ents, span_ents

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Relations through which a participle or infinitive cue inherits its subject: "..., adding that ...".
_INHERITS_SUBJECT = ("advcl", "xcomp", "conj", "acl", "pcomp", "dep")
_INVERTED_SUBJECTS = ("dobj", "attr", "npadvmod", "nsubj", "appos", "dative", "oprd")
_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_PERSON_PRONOUNS = frozenset("he she him her his".split())
_GROUP_PRONOUNS = frozenset("they it them its their".split())
_RELATIVES = frozenset("who which that whom".split())
SUBJECT_SENTENCES = 2  # how many sentences back a pronoun's antecedent is looked for among subjects


@dataclass
class SpeakerMention:
    """A speaker as found at the attribution site, before resolution."""

    start: int  # token indices
    end: int
    head: int


def _trim(doc: Doc, start: int, end: int, stop: set[int]) -> tuple[int, int]:
    """Shrink [start, end) so it holds no quoted or cue tokens and no edge punctuation."""
    while start < end and (doc[start].is_punct or doc[start].is_space or start in stop):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or end - 1 in stop):
        end -= 1
    return start, end


def mention_from_head(head: Token, stop: set[int]) -> SpeakerMention:
    """The noun phrase headed by `head`, cut short of relative clauses and of any quoted text."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i + 1
    for child in head.rights:
        if child.dep_ == "relcl":
            break
        if child.dep_ in ("cc", "conj"):
            continue
        right = max(right, child.right_edge.i + 1)
    # Keep a coordinated name ("Rodong Sinmun and Korean Central News Agency").
    for child in head.rights:
        if child.dep_ == "conj" and child.pos_ == "PROPN":
            right = max(right, child.right_edge.i + 1)
    # Never run past a stop token (a quote, the cue, a paragraph break or a dateline: "SEOUL (Yonhap) --
    # officials said") that lies inside the span.
    stop = stop | {t.i for t in doc[left:right] if "\n" in t.text}
    dateline = dateline_tokens(doc)
    if head.i not in dateline:
        stop |= set(dateline)
    for i in range(head.i + 1, right):
        if i in stop:
            right = i
            break
    for i in range(head.i - 1, left - 1, -1):
        if i in stop:
            left = i + 1
            break
    start, end = _trim(doc, left, right, stop)
    if start >= end:
        start, end = head.i, head.i + 1
    return SpeakerMention(start, end, head.i)


def speaker_head(cue: Token, quote_before_cue: bool = False, quoted: Set[int] = frozenset()) -> Token | None:
    """The head token of the cue's speaker, following the parse; None when the cue has no speaker.
    A participle never takes its subject from inside a quotation (`quoted`): in 'Clapper insisted that the
    government "does not obtain ..." from providers, saying that ...', the parser hangs "saying" on the
    quoted "obtain", but Clapper is the one saying."""
    if cue.lower_ == "according":
        for child in cue.children:
            if child.dep_ == "prep":
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return None
    # '"..., Sen. Grassley's one of only two farmers ...," the aide said': the parser may give the cue a
    # second subject inside the quotation; the speaker is the one outside it.
    subjects = [c for c in cue.children if c.dep_ in _SUBJECTS]
    if len(subjects) > 1:
        subjects = [c for c in subjects if c.i not in quoted] or subjects
        # "The son of Cuban immigrants, Rubio has challenged ...": the name is the subject, not its description.
        subjects = [c for c in subjects if c.pos_ == "PROPN"] or subjects
    for child in subjects:
        if child.dep_ in _SUBJECTS:
            agent = [a for a in cue.children if a.dep_ == "agent"]
            if child.dep_ == "nsubjpass" and agent:
                objs = [g for g in agent[0].children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
            if child.dep_ == "nsubjpass":
                # "Kim was asked ...", "the deal is expected to ...": the subject of a passive is what the
                # report is about; without a by-phrase the speaker goes unnamed.
                return None
            return _past_dateline(child)
    # "Less than a third agreed that ...": a quantity the parser left as a modifier is the subject.
    for child in cue.lefts:
        if child.dep_ == "npadvmod" and child.pos_ in ("NOUN", "PROPN", "NUM"):
            return child
    # Inverted attribution after a quote: '"...," said a former senior official'.
    if quote_before_cue:
        for child in cue.rights:
            if child.dep_ in _INVERTED_SUBJECTS and child.pos_ in ("NOUN", "PROPN", "PRON"):
                return child
    relayed = quoted_as_saying(cue)
    if relayed is not None:
        return relayed
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in cue.children)
    if cue.dep_ in ("acl", "relcl") and infinitive:
        return None  # "three reasons to believe that ...", "a decision to announce ...": nobody's words
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and cue.head.pos_ in ("NOUN", "PROPN"):
        return cue.head  # "a statement announcing the pick", "the department announcing sanctions"
    if cue.dep_ == "xcomp":
        # "The remarks prompted Vieira to ask ...", "urged him to say": the object is who speaks.
        objs = [c for c in cue.head.children if c.dep_ in ("dobj", "dative") and c.i < cue.i]
        if objs:
            return objs[0]
    if cue.dep_ in _INHERITS_SUBJECT and cue.head.i != cue.i:
        head = cue.head
        while head.i in quoted and head.head.i != head.i:
            head = head.head
        return speaker_head(head, quote_before_cue, quoted)
    if cue.dep_ == "relcl" and cue.head.i != cue.i:
        return cue.head
    return None


def quoted_as_saying(cue: Token) -> Token | None:
    """'The Ledger quoted a senior official as saying that ...': the head of the one quoted (the speaker),
    when `cue` is the "saying" of such a relay; None otherwise."""
    verb = cue.head.head
    if cue.dep_ != "pcomp" or cue.head.lower_ != "as" or verb.lemma_.lower() not in ("quote", "cite"):
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < cue.i]
    return objs[0] if objs else None


def _past_dateline(subject: Token) -> Token | None:
    """ "SEOUL (Yonhap) -- South Korean officials said": the parser may make the dateline's place the
    subject and the real subject its apposition; the speaker is that apposition (or nobody)."""
    dateline = dateline_tokens(subject.doc)
    if subject.i not in dateline:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i >= dateline.stop), None)


def _person_entities(doc: Doc) -> list[Span]:
    return [e for e in doc_ents(doc) if e.label_ == "PERSON"]


def _name_inside(doc: Doc, start: int, end: int, head: int | None = None) -> str | None:
    """The name inside a mention: the entity holding its head word ("Korean Central News Agency" in "the
    North's Korean Central News Agency"), joined with a coordinated one; else its first person or
    organisation, else its first place."""
    inside = [e for e in doc_ents(doc) if e.start >= start and e.end <= end and e.label_ in _NAME_LABELS]
    # "Denver (AP) - Colorado's top official ...": where the story was filed never speaks.
    dateline = dateline_tokens(doc)
    inside = [e for e in inside if e.start not in dateline]
    # "Two Singapore-based carriers": a name in a hyphenated modifier is an attribute, not the speaker.
    inside = [e for e in inside if not is_hyphen_modifier(doc, e.start, e.end)]
    if head is not None and doc[head].tag_ == "NNS":
        inside = [e for e in inside if e.label_ != "PERSON"]  # "Supporters of Mr. McCarthy" are not McCarthy
    # "Cuban Americans": a people's name qualifying another is part of that people's name, never the speaker
    # (nor its country) alone
    qualifying = {e.start: e for e in inside if _qualifies_people(e)}
    inside = [e for e in inside if e.start not in qualifying]
    if not inside:
        return None
    if head is not None:
        for ent in inside:
            if ent.start <= head < ent.end:
                conj = [c.i for c in doc[head].children if c.dep_ == "conj"]
                later = [e for e in inside if conj and e.start <= conj[0] < e.end]
                return doc[ent.start : later[0].end].text if later else ent.text
        if doc[head].pos_ == "NOUN" and all(_is_modifier(e, doc[head]) for e in inside):
            return None  # "Japanese trading houses", "the North Korean side": a country qualifies the speaker
    ranked = sorted(inside, key=lambda e: (e.label_ not in ("PERSON", "ORG"), e.start))
    first = next((q for q in qualifying.values() if q.root.head.i == ranked[0].root.i), None)
    return doc[first.start : ranked[0].end].text if first is not None else ranked[0].text


def _qualifies_people(ent: Span) -> bool:
    """A people's name qualifying a later one ("Cuban" in "Cuban Americans", "Mexican-Americans")."""
    root = ent.root
    return (
        ent.label_ == "NORP"
        and root.dep_ in ("amod", "compound")
        and root.head.i >= ent.end
        and root.head.ent_type_ == "NORP"
    )


# Heads that name one person by office or role; a place inside such a mention only says where they are from.
_PERSON_TITLES = frozenset(
    "senator congressman congresswoman representative governor mayor lawmaker legislator delegate "
    "candidate nominee man woman voter resident supporter president minister leader judge son daughter "
    "father mother wife husband".split()
)


def _place_qualifies_person(doc: Doc, mention: SpeakerMention, name: str) -> bool:
    """Whether the name found inside a mention is a place qualifying a person named by a title ("Senator from
    Texas", "a woman in Iowa"): the words are the person's, never the place's."""
    head = doc[mention.head]
    if head.ent_type_ or head.lemma_.lower() not in _PERSON_TITLES:
        return False
    return any(
        e.text == name and e.label_ in ("GPE", "LOC", "NORP")
        for e in doc_ents(doc)
        if mention.start <= e.start and e.end <= mention.end
    )


def _is_modifier(ent: Span, head: Token) -> bool:
    """A country or nationality qualifying the speaker's head noun rather than naming the speaker."""
    return (
        ent.label_ in ("GPE", "NORP") and ent.root.head.i == head.i and ent.root.dep_ in ("amod", "compound")
    )


def _full_name(doc: Doc, short: str) -> str:
    """The longest person name in the article that contains `short`'s last word ("Putin" -> "Vladimir Putin")."""
    last = short.split()[-1].lower()
    best = short
    for ent in _person_entities(doc):
        words = [w.lower() for w in ent.text.replace("\u2019s", "").split()]
        if last in words or any(w.split("-")[0] == last for w in words):
            if len(ent.text) > len(best):
                best = ent.text
    return best


def _antecedent(doc: Doc, before: int, pronoun: str, quoted: Set[int] = frozenset()) -> str | None:
    """Nearest earlier candidate for a pronoun: a person for he/she, an organisation or state for it/they.
    Names inside quote marks are the speaker's words, not the writer's ("... the failed Obama
    administration ...," he said): a pronoun outside a quotation never points into one."""
    if pronoun in ("they", "them", "their"):
        # "some analysts believe ..., they say": a plural subject nearby is the likelier antecedent.
        for token in reversed(doc[max(0, before - 60) : before]):
            if token.i in quoted:
                continue
            if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NNS", "NNPS"):
                return doc[token.left_edge.i : token.i + 1].text
    labels = ("PERSON",) if pronoun in _PERSON_PRONOUNS else ("ORG", "GPE", "NORP", "PERSON")
    named = [e for e in doc_ents(doc) if e.end <= before and e.label_ in labels and e.start not in quoted]
    earlier = [e for e in named if e.label_ != "PERSON" or agrees(pronoun, _full_name(doc, e.text))]
    if not earlier:
        return None
    # A subject in the last few sentences beats a nearer object: "Putin met Kim. ... he told reporters";
    # a long quotation between them ('Trump said .... "...," he told reporters') is no reason to look less far.
    window = doc[before].sent.start if before < len(doc) else len(doc)
    for _ in range(SUBJECT_SENTENCES - 1):
        if window > 0:
            window = doc[window - 1].sent.start
    subjects = [e for e in earlier if e.start >= window and e.root.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and len(earlier) < len(named) and named[-1] not in earlier:
        # The nearest name is of the other sex ("Justice Antonin Scalia ... '...,' she said") and no subject
        # nearby agrees: the antecedent is someone unnamed, not whoever of her sex was named further back.
        return None
    ent = (subjects or earlier)[-1]
    if generation_marked(doc, ent.start):
        return None  # "said the younger Mr. Trump. He ...": a relative, whose full name this is not
    return _full_name(doc, ent.text) if ent.label_ == "PERSON" else ent.text


def _subject_antecedent(
    doc: Doc, actors: list[model.Actor], before: int, quoted: Set[int], depth: int = 0
) -> model.Actor | None:
    """For "he said" after a quotation: the person who is the subject of this sentence or the one before,
    outside any quotation. Reporters name a speaker as a subject, then go on with a pronoun; the nearest
    name of any role ("... the 'phony theology' of Mr. Obama's agenda. '...,' he said") is the wrong one.
    The subject of the main clause comes first: in "Romney said Trump made a reasonable offer. He tweeted
    ..." Trump is only the subject of what Romney said; and a main-clause "He said ..." passes the chain on
    to its own antecedent. A person whose first name is of the other sex is no antecedent."""
    pronoun = doc[before].lower_
    # This sentence and the one before, not counting sentences wholly inside the quotation.
    start, counted = doc[before].sent.start, 1
    while start > 0 and counted < 2:
        sent = doc[start - 1].sent
        start = sent.start
        counted += any(t.i not in quoted and not t.is_punct and not t.is_space for t in sent)
    subjects = [
        e
        for e in doc_ents(doc)
        if _names_person(e, actors)
        and start <= e.start
        and e.end <= before
        and e.start not in quoted
        and e.root.dep_ in ("nsubj", "nsubjpass")
        and agrees(pronoun, _full_name(doc, e.text))
    ]
    main = [
        t
        for t in doc[start:before]
        if t.i not in quoted
        and t.dep_ in ("nsubj", "nsubjpass")
        and _in_main_clause(t)
        and (t.lower_ in _PERSON_PRONOUNS or any(e.start <= t.i < e.end for e in subjects))
    ]
    if main and main[-1].lower_ in _PERSON_PRONOUNS:
        if PRONOUN_GENDER.get(main[-1].lower_) != PRONOUN_GENDER.get(pronoun) or depth >= 3:
            return None
        chained = _subject_antecedent(doc, actors, main[-1].i, quoted, depth + 1)
        return chained or _actor_for(actors, main[-1].idx, main[-1].idx + len(main[-1]))
    if main:
        ent = next(e for e in subjects if e.start <= main[-1].i < e.end)
    elif subjects:
        ent = subjects[-1]
    else:
        return None
    if generation_marked(doc, ent.start):
        return None  # "said the younger Mr. Trump": not the one named in full
    if ent.label_ != "PERSON":
        return _person_by_surname(ent, actors)
    return _actor_for(actors, ent.start_char, ent.end_char)


def _names_person(ent: Span, actors: list[model.Actor]) -> bool:
    """A person's name, also where the tagger took it for an organisation ("Trump has continued ...") but
    the article's actors know it as a person."""
    if ent.label_ == "PERSON":
        return True
    return ent.label_ == "ORG" and _person_by_surname(ent, actors) is not None


def _person_by_surname(ent: Span, actors: list[model.Actor]) -> model.Actor | None:
    """The article's person whose surname a one-word name is ("Trump" after "Donald Trump")."""
    if len(ent) != 1:
        return None
    found = _actor_for(actors, ent.start_char, ent.end_char)
    if found is not None and found.kind == "person":
        return found
    people = [
        a for a in actors if a.kind == "person" and len(a.name.split()) > 1 and a.name.split()[-1] == ent.text
    ]
    return people[0] if len(people) == 1 else None


def _in_main_clause(subject: Token) -> bool:
    """Whether a subject is that of its sentence's main verb (or of a verb conjoined with it)."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _closing_appositive(doc: Doc, mention: SpeakerMention) -> Token | None:
    """A person's name closing a mention after a comma, in apposition: "The lawyer for Mrs. Clinton, David
    Kendall"."""
    last = [
        e
        for e in doc_ents(doc)
        if e.label_ == "PERSON" and mention.head < e.start and e.end <= mention.end and e.root.dep_ == "appos"
    ]
    if not last:
        return None
    ent = last[-1]
    tail = doc[ent.end : mention.end]
    if ent.start > 0 and doc[ent.start - 1].text == "," and all(t.is_punct for t in tail):
        return ent.root
    return None


def _actor_for(actors: list[model.Actor], start: int, end: int) -> model.Actor | None:
    """The actor one of whose mentions overlaps the speaker's character span, the tightest first."""
    best: tuple[int, model.Actor] | None = None
    for actor in actors:
        for m in actor.mentions:
            if m.start < end and start < m.end:
                size = m.end - m.start
                if best is None or size < best[0]:
                    best = (size, actor)
    return best[1] if best else None


def is_anonymous(doc: Doc, mention: SpeakerMention) -> bool:
    head = doc[mention.head]
    span = doc[mention.start : mention.end]
    if head.lemma_.lower() not in ANONYMOUS_HEADS and head.lower_ not in ANONYMOUS_HEADS:
        return False
    return not any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in span)


def description_text(doc: Doc, mention: SpeakerMention) -> str:
    """An anonymous source's description without its relative clause ("who is familiar with ...")."""
    end = mention.end
    for t in doc[mention.start : mention.end]:
        if t.dep_ == "relcl" or (t.tag_ in ("WP", "WDT") and t.i > mention.head):
            end = t.left_edge.i
            break
    start, end = _trim(doc, mention.start, end, set())
    return doc[start:end].text


def resolve_speaker(
    doc: Doc, mention: SpeakerMention, actors: list[model.Actor] | None, quoted: Set[int] = frozenset()
) -> model.Speaker:
    """Turn a speaker mention into a `model.Speaker` with its resolved name, code and anonymity; `quoted`
    holds the tokens inside quote marks, where a pronoun's antecedent is never looked for."""
    span = doc[mention.start : mention.end]
    head = doc[mention.head]
    speaker = model.Speaker(mention=span.text, start=span.start_char, end=span.end_char)
    if mention.head in dateline_tokens(doc):
        return speaker  # the dateline's place or agency is no speaker: left unresolved (and not shown)
    if actors:
        named = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if named is None and head.pos_ == "NOUN":
            # "The lawyer for Mrs. Clinton, David Kendall, said": the parser may hang the apposed name on the
            # nearer name; a person named after a comma at the end of a title's mention is still the one.
            named = _closing_appositive(doc, mention)
        # "Australia's trade minister, Claire Donnelly", "The chairman of the committee, Representative Trey
        # Gowdy": the person named in apposition speaks, whatever actor the title alone was linked to.
        by_name = named is not None and _actor_for(actors, named.idx, named.idx + len(named.text))
        by_head = _actor_for(actors, head.idx, head.idx + len(head.text))
        if span.text.lower() in _PERSON_PRONOUNS:
            by_head = _subject_antecedent(doc, actors, mention.start, quoted) or by_head
        # Only names up to the head: "an accompanying list of his speaking fees" is no one's words but the
        # list's, whoever "his" is; and "McCarthy supporters" are not McCarthy.
        by_span = _actor_for(actors, span.start_char, head.idx + len(head.text))
        if by_span is not None and head.pos_ == "NOUN" and by_span.kind == "person":
            by_span = None
        if by_head is not None and head.tag_ == "NNS" and by_head.kind == "person":
            by_head = None  # "McCarthy supporters", "Clinton aides": a group named after a person
        actor = (by_name or by_head if head.pos_ == "NOUN" else by_head or by_name) or by_span
        if actor is not None:
            speaker.name = actor.name
            speaker.actor_code = actor.codes[0] if actor.codes else None
            speaker.actor_id = actor.actor_id
            speaker.anonymous = actor.anonymous
            speaker.description = actor.description
            return speaker
    lower = span.text.lower()
    if lower in _RELATIVES and head.head.i != head.i:
        # "who" in "Hong Min, who said ..." stands for the noun the relative clause hangs on: resolve that
        # noun as the speaker ("Pyongyang, which rejected ..." is North Korea), keeping the mention "which".
        noun = head.head.head if head.head.dep_ == "relcl" else head.head
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN":
            # "John Roe, a law professor at Lake University, who said ...": the named person speaks, not the
            # university inside the description
            noun = noun.head
        inner = mention_from_head(noun, {head.i})
        found = resolve_speaker(doc, inner, actors, quoted)
        speaker.name, speaker.actor_code, speaker.actor_id = found.name, found.actor_code, found.actor_id
        speaker.anonymous, speaker.description = found.anonymous, found.description
        return speaker
    if lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS:
        speaker.name = _antecedent(doc, mention.start, lower, quoted)
    elif is_anonymous(doc, mention):
        speaker.anonymous = True
        speaker.description = description_text(doc, mention)
        speaker.name = speaker.description
    else:
        inside = _name_inside(doc, mention.start, mention.end, mention.head)
        if inside and _place_qualifies_person(doc, mention, inside):
            inside = None  # "Senator from Texas says ...": the senator speaks, not Texas
        if inside and any(e.label_ == "PERSON" and e.text == inside for e in doc_ents(doc)):
            inside = _full_name(doc, inside)
        elif inside is None and head.pos_ == "PROPN":
            inside = _full_name(doc, head.text)
        speaker.name = inside or description_text(doc, mention)
    if speaker.name and speaker.actor_code is None:
        _code_by_name(doc, speaker, actors or [])
    if speaker.actor_code is None and head.pos_ == "NOUN":
        # "Japanese trading houses": the speaker is the group; the country that qualifies it is its code
        kb = KnowledgeBase.builtin()
        for ent in span_ents(doc[mention.start : mention.end]):
            country = kb.country(ent.text) if _is_modifier(ent, head) else None
            if country is not None:
                speaker.actor_code = country.cameo
                break
    return speaker


def _code_by_name(doc: Doc, speaker: model.Speaker, actors: list[model.Actor]) -> None:
    """Give a speaker resolved by name alone ("they" -> "U.S.") the code of the actor or state of that name."""
    name = speaker.name or ""
    for actor in actors:
        if actor.codes and (actor.name == name or any(m.text == name for m in actor.mentions)):
            speaker.name, speaker.actor_code, speaker.actor_id = actor.name, actor.codes[0], actor.actor_id
            return
    kb = KnowledgeBase.builtin()
    # "the North" names North Korea only in an article about Korea: the states the article names decide.
    context = {
        c.iso3 for c in (kb.country(e.text) for e in doc_ents(doc) if e.label_ == "GPE") if c is not None
    }
    country = kb.country(name, context)
    if country is not None:
        speaker.actor_code = country.cameo  # a capital or state name: "Pyongyang", "Washington", "U.S."
