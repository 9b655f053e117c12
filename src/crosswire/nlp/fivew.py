"""The article's main event as 5W1H: who did what, when, where, why and how.

Method (after Giveme5W1H's reading of the inverted pyramid, simplified to rules over spaCy's parse):

* Candidates come from the headline and the lead: the first content sentences of the body (a deck or
  description, when the reader kept one as the first paragraph, is part of the lead). Page furniture that
  scraped bodies start with ("Image copyright ...", "Click to share ...") is skipped.
* **who** is the subject of the main verb of the first of those sentences that has a usable one: a noun
  phrase, not a pronoun or an expletive "it"/"there", trimmed of relative clauses and parentheses. A headline
  without a verb ("Chinese boy found dead in well") is read as subject + participle. The value is the actor
  it belongs to (name and CAMEO code) when `actors` hold a mention inside it, else its named entity.
* **what** is that main verb with its auxiliaries, negation, particle and object or complement, from the same
  sentence as who.
* **when** is the first day-precise date or time of day in the first three content sentences of the body
  (`nlp.dates` resolves them against the publication date; years, months, ranges and durations are
  background more often than not), else the publication date itself, marked `found_in: "published"` with
  no span.
* **where** is the dateline place ("SEOUL -", "WASHINGTON (Reuters) -") when there is one, else the first
  place (`nlp.places`, locative uses only) in the headline, else in the lead sentences.
* **why** is a cause clause or phrase in the who/what sentence: "because ...", "due to ...", "in order to
  ...", "amid ...", "after ...", "in retaliation for ...".
* **how** is a manner or instrument: "by ...ing", "with <noun>", "using ...", or an -ly manner adverb of the
  main verb.

Each answer is `{text, start, end, value, found_in}` with offsets into the headline (`found_in: "title"`)
or into `Article.text` (`"text"`), or None when nothing qualifies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from crosswire.model import Actor, Article, Place, Quote, TimeRef

LEAD_SENTENCES = 3  # who/what/why/how look at the headline and this many content sentences
WHEN_SENTENCES = 3  # more finds more dates but fewer right ones (5: precision 0.67, recall 0.45)  # a date in the first few sentences still dates the main event
WHERE_SENTENCES = 3
MAX_PHRASE_TOKENS = 14
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "attr", "acomp", "oprd", "xcomp", "dative", "prt", "agent", "ccomp")
REPORTING_VERBS = frozenset(
    "say tell report claim announce state confirm add note reveal insist warn explain write describe".split()
)
QUOTE_MARKS = "'\"\u2018\u201c"
PERSONAL_PRONOUNS = frozenset("he she they".split())
WH_WORDS = frozenset("what why how who whom which when where whether".split())
# Subjects headed by these name people even without a named entity ("police", "a gunman").
PERSON_NOUNS = frozenset(
    "police officer officers official officials driver passenger passengers victim victims man woman boy girl "
    "child children people person gunman bomber militant militants rescuer rescuers president minister leader "
    "spokesman spokeswoman investigators prosecutors fans team player players candidate voters protesters "
    "soldiers troops residents family survivor survivors witnesses experts analysts".split()
)
NON_ANSWERS = frozenset("it there this that they he she we i you which who what these those one".split())
BOILERPLATE = re.compile(
    r"click to share|opens in new window|image copyright|image caption|getty images|follow us|sign up|"
    r"read more|share this|advertisement|all rights reserved|subscribe",
    re.IGNORECASE,
)
CAUSE_MARKERS = ("because of", "because", "due to", "owing to", "in order to", "so as to", "in retaliation for",
                 "in response to", "as a result of", "amid", "after", "over", "following", "for fear")  # fmt: skip
DATELINE = re.compile(
    r"^\s*([A-Z][A-Z.' -]{2,40}?)(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[\u2014\u2013-]{1,2}\s"
)


def main_event(
    article: Article,
    doc: Doc,
    actors: Sequence[Actor] | None = None,
    times: Sequence[TimeRef] | None = None,
    places: Sequence[Place] | None = None,
    quotes: Sequence[Quote] | None = None,
) -> dict[str, Any]:
    """who/what/when/where/why/how of `article` (see the module docstring); `doc` is the parse of its text.
    Stages not run yet are run here: times, places."""
    from crosswire.nlp.dates import extract_times
    from crosswire.nlp.places import extract_places

    title_doc, headline = parse_title(article.title)
    lead = lead_sentences(doc, LEAD_SENTENCES, quotes)
    if times is None:
        times = extract_times(article, doc)
    if places is None:
        places = extract_places(article, doc)

    who, what, why, how = _who_what(headline, lead, actors or ())
    return {
        "who": who,
        "what": what,
        "when": _when(article, doc, times, quotes),
        "where": _where(article, doc, title_doc, places, quotes),
        "why": why,
        "how": how,
    }


def parse_title(title: str | None) -> tuple[Doc | None, list[tuple[Span, int]]]:
    """The headline's parse and its clauses with their offsets into the title. A headline "Croydon tram
    crash: Police identify three victims" puts a topic label before the colon and the news after it, so the
    part after a colon comes first, then the part before it. One batch: spaCy's per-call cost dominates
    for texts this short."""
    if not title or not title.strip():
        return None, []
    from crosswire.nlp.runtime import parse_many

    parts = [(title, 0)]
    colon = re.search(r":\s+", title)
    # ...unless what follows the colon is a quotation ("Cubs win World Series: 'Baseball will never ...'").
    if colon and len(title[colon.end() :].split()) >= 3 and title[colon.end()] not in QUOTE_MARKS:
        parts = [(title[colon.end() :], colon.end()), (title[: colon.start()], 0)]
    texts = [title] + [text for text, _ in parts if text != title]
    docs = dict(zip(texts, parse_many(texts, batch_size=4), strict=True))
    clauses = [(sent, offset) for text, offset in parts for sent in docs[text].sents]
    return docs[title], clauses


def lead_sentences(doc: Doc, count: int, quotes: Sequence[Quote] | None = None) -> list[Span]:
    """The first `count` content sentences: at least four words, a verb, no page furniture. (`quotes` is
    accepted for a later rule that skips quoted leads; it is not used yet.)"""
    out: list[Span] = []
    for sent in _paragraph_pieces(doc):
        words = [t for t in sent if t.is_alpha]
        if len(words) < 4 or BOILERPLATE.search(sent.text):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        out.append(sent)
        if len(out) >= count:
            break
    return out


def _paragraph_pieces(doc: Doc) -> Iterator[Span]:
    """Sentences, cut again at line breaks: a deck without a full stop runs into the next paragraph."""
    for sent in doc.sents:
        if "\n" not in sent.text.strip():
            yield sent
            continue
        start = sent.start_char
        for piece in re.split(r"(\n+)", sent.text):
            if piece.strip() and not piece.startswith("\n"):
                span = doc.char_span(start, start + len(piece), alignment_mode="contract")
                if span is not None and len(span):
                    yield span
            start += len(piece)


def answer(span: Span | None, value: Any, found_in: str, offset: int = 0) -> dict[str, Any] | None:
    """An answer record; `offset` shifts spans parsed from part of the title back into the whole title.
    A phrase never runs past a line break (a parse can join a deck to the next paragraph)."""
    if span is None or not span.text.strip():
        return None
    text = span.text.split("\n")[0].rstrip()
    start = span.start_char + offset
    return {"text": text, "start": start, "end": start + len(text), "value": value, "found_in": found_in}


# --- who and what ------------------------------------------------------------------------------------------


def _who_what(
    headline: list[tuple[Span, int]], lead: list[Span], actors: Sequence[Actor]
) -> tuple[dict[str, Any] | None, ...]:
    """Who and what from the first clause whose subject names someone (an entity or a person noun), else from
    the first clause with any usable subject; why and how from the same clause."""
    candidates = []
    for sent, offset, where in [*((s, o, "title") for s, o in headline), *((s, 0, "text") for s in lead)]:
        found = subject_and_verb(sent)
        if found is None:
            continue
        subject, verb = found
        who_span = subject_phrase(subject)
        if who_span is not None:
            candidates.append((sent, offset, where, who_span, verb))
    if not candidates:
        return None, None, None, None
    sent, offset, where, who_span, verb = next((c for c in candidates if names_someone(c[3])), candidates[0])
    value = _who_value(who_span, actors if where == "text" else ())
    return (
        answer(who_span, value, where, offset),
        answer(verb_phrase(verb), verb.lemma_, where, offset),
        answer(cause_phrase(sent, verb), None, where, offset),
        answer(manner_phrase(sent, verb), None, where, offset),
    )


def names_someone(span: Span) -> bool:
    if any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") for e in span.ents):
        return True
    if any(t.pos_ == "PROPN" or (t.is_title and t.i > span.sent.start) for t in span):
        return True  # headlines: the model often misses names there
    return span.root.lemma_.lower() in PERSON_NOUNS


def subject_and_verb(sent: Span) -> tuple[Token, Token] | None:
    """The subject token and main verb of a sentence or headline."""
    root = sent.root
    verb = root if root.pos_ in ("VERB", "AUX") else None
    if verb is None:
        # Headlines drop the auxiliary: "Chinese boy found dead in well" parses as a noun with a clause.
        clause = next((c for c in root.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)
        if clause is not None and root.pos_ in ("NOUN", "PROPN"):
            return root, clause
        # The model reads a headline's present-tense verb as a plural noun: "Donald Trump lands in
        # Washington" comes out as the noun "lands" with "Donald Trump" as a compound.
        names = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if root.tag_ == "NNS" and names and any(c.dep_ in ("prep", "dobj") for c in root.rights):
            return names[-1], root
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    inner = next(
        (
            c
            for c in verb.children
            if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and sent.start <= c.i < sent.end
        ),
        None,
    )
    if inner is not None and (subject is None or verb.lemma_.lower() in REPORTING_VERBS):
        # "X happened, officials said": the event is the reported clause, unless its subject is a pronoun.
        inner_subject = next((c for c in inner.children if c.dep_ in SUBJECT_DEPS), None)
        if (
            inner_subject is not None
            and inner_subject.pos_ != "PRON"
            and inner_subject.lower_ not in NON_ANSWERS
        ):
            subject, verb = inner_subject, inner
    if subject is not None and subject.dep_ == "nsubjpass":
        # "German consulate bombed by Taliban": the doer is the agent of the passive.
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        doer = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if doer is not None and doer.pos_ in ("PROPN", "NOUN"):
            subject = doer
    if subject is not None and subject.lower_ in PERSONAL_PRONOUNS:
        # "When Kim boarded his train, he was asking ...": a personal pronoun after a name in the same
        # sentence refers back to it.
        labels = ("PERSON",) if subject.lower_ != "they" else ("PERSON", "ORG", "NORP", "GPE")
        earlier = [e for e in sent.ents if e.label_ in labels and e.end <= subject.i]
        if earlier:
            return earlier[-1].root, verb
    if subject is None or subject.lower_ in NON_ANSWERS or subject.pos_ == "PRON":
        return None
    if subject.lower_ in WH_WORDS or subject.left_edge.lower_ in WH_WORDS:
        return None
    return subject, verb


def subject_phrase(subject: Token) -> Span | None:
    """The subject's noun phrase without relative clauses, appositions after commas, or parentheses."""
    doc = subject.doc
    drop = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"}
    left = subject.left_edge.i
    right = subject.i
    for child in subject.rights:
        if child.dep_ in drop:
            # keep "X and Y" when the conjunct is a name too ("Trump and Obama")
            if child.dep_ == "conj" and child.pos_ == "PROPN":
                right = max(right, child.i)
                continue
            if child.dep_ == "prep" and child.i == right + 1 and child.lower_ in ("of",):
                right = max(right, child.right_edge.i)
                continue
            break
        right = max(right, child.right_edge.i)
    while left < right and doc[left].is_punct:
        left += 1
    if right - left + 1 > MAX_PHRASE_TOKENS:
        right = max(subject.i, left + MAX_PHRASE_TOKENS - 1)
    span = doc[left : right + 1]
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in span):
        return None
    return span


def _who_value(span: Span, actors: Sequence[Actor]) -> Any:
    for actor in actors:
        for m in actor.mentions:
            if m.start >= span.start_char and m.end <= span.end_char:
                return {"name": actor.name, "code": actor.codes[0] if actor.codes else None}
    ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
    if ents:
        return {"name": ents[0].text, "code": None}
    return {"name": span.text, "code": None}


def verb_phrase(verb: Token) -> Span:
    """The verb with its auxiliaries and negation and its object or complement, kept short."""
    doc = verb.doc
    left = verb.i
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= verb.i - 3:
            left = min(left, child.i)
    right = verb.i
    objects = [c for c in verb.rights if c.dep_ in OBJECT_DEPS and c.dep_ != "ccomp"]
    if objects:
        right = max(c.right_edge.i for c in objects)
    else:
        prep = next((c for c in verb.rights if c.dep_ == "prep"), None)
        if prep is not None:
            right = prep.right_edge.i
    right = min(right, left + MAX_PHRASE_TOKENS - 1)
    while right > verb.i and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


def cause_phrase(sent: Span, verb: Token) -> Span | None:
    """A clause or phrase giving the reason, attached in the main verb's sentence."""
    lower = sent.text.lower()
    for marker in CAUSE_MARKERS:
        at = re.search(rf"\b{re.escape(marker)}\b", lower)
        if at is None:
            continue
        start_char = sent.start_char + at.start()
        first = sent.doc.char_span(start_char, start_char + len(marker), alignment_mode="expand")
        if first is None:
            continue
        head = first[0]
        if head.dep_ not in ("mark", "prep", "advmod", "amod", "pcomp", "agent") and marker not in (
            "because",
        ):
            continue
        end = max(t.right_edge.i for t in first) if len(first) else head.right_edge.i
        end = max(end, head.head.right_edge.i if head.dep_ == "mark" else end)
        end = min(end, head.i + MAX_PHRASE_TOKENS, sent.end - 1)
        while end > head.i and sent.doc[end].is_punct:
            end -= 1
        if end > head.i:
            return sent.doc[head.i : end + 1]
    return None


def manner_phrase(sent: Span, verb: Token) -> Span | None:
    """'by <gerund> ...', 'with/using <instrument>', or a manner adverb of the main verb."""
    doc = sent.doc
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "with", "using", "via", "through"):
            pobj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and (child.lower_ != "by" or pobj.tag_ == "VBG"):
                end = min(pobj.right_edge.i, child.i + MAX_PHRASE_TOKENS)
                return doc[child.i : end + 1]
        if child.dep_ == "advmod" and child.lower_.endswith("ly") and child.pos_ == "ADV":
            return doc[child.i : child.i + 1]
    return None


# --- when and where ----------------------------------------------------------------------------------------


def _when(
    article: Article, doc: Doc, times: Sequence[TimeRef], quotes: Sequence[Quote] | None
) -> dict[str, Any] | None:
    lead = lead_sentences(doc, WHEN_SENTENCES, quotes)
    in_lead = [
        r
        for r in times
        if r.value and r.precision not in ("duration", "unresolved") and _inside(r.start, lead)
    ]
    # A day or a time of day dates an event; a year, month or stretch ("since 1908", "the last three weeks")
    # is usually background. Measured on the Giveme5W1H set: answering with those too lowered precision
    # (0.66 against 0.70) and added no right answers.
    ranked = [r for r in in_lead if r.precision == "day"]
    if ranked:
        ref = ranked[0]
        return {"text": ref.text, "start": ref.start, "end": ref.end, "value": ref.value,
                "found_in": "text", "precision": ref.precision}  # fmt: skip
    if article.published is not None:
        return {"text": None, "start": None, "end": None, "value": article.published.date().isoformat(),
                "found_in": "published", "precision": "day"}  # fmt: skip
    return None


def _inside(char: int, sents: Sequence[Span]) -> bool:
    return any(s.start_char <= char < s.end_char for s in sents)


def _where(
    article: Article, doc: Doc, title_doc: Doc | None, places: Sequence[Place], quotes: Sequence[Quote] | None
) -> dict[str, Any] | None:
    from crosswire.nlp.places import resolve_name

    m = DATELINE.match(article.text)
    if m:
        hit = resolve_name(m.group(1).strip().title())
        if hit is not None:
            entry, _ = hit
            return {"text": m.group(1), "start": m.start(1), "end": m.end(1),
                    "value": {"name": entry.name, "country": entry.country}, "found_in": "dateline"}  # fmt: skip
    if title_doc is not None:
        from crosswire.nlp.places import extract_places

        title_places = extract_places(Article(text=title_doc.text), title_doc)
        if title_places:
            return _place_answer(most_specific(title_places), title_doc.text, "title")
    lead = lead_sentences(doc, WHERE_SENTENCES, quotes)
    in_lead = [p for p in places if p.start is not None and _inside(p.start, lead)]
    if in_lead:
        return _place_answer(most_specific(in_lead), article.text, "text")
    return None


def most_specific(places: Sequence[Place]) -> Place:
    """The first place below country level ("Mazar-i-Sharif" over "Afghanistan"), else the first place."""
    return next((p for p in places if p.kind not in ("country", "region")), places[0])


def _place_answer(place: Place, text: str, found_in: str) -> dict[str, Any]:
    start, end = place.start or 0, place.end or 0
    return {"text": text[start:end], "start": start, "end": end,
            "value": {"name": place.name, "country": place.country}, "found_in": found_in}  # fmt: skip
