"""The article's main event as 5W1H: who did what, when, where, why and how.

Method (after Giveme5W1H's candidate scoring over the inverted pyramid, as rules over spaCy's parse):

* Candidates come from the headline and the lead: the first content sentences of the body (a deck or
  description, when the reader kept one as the first paragraph, is part of the lead). Page furniture that
  scraped bodies start with ("Image copyright ...", "Click to share ...") is skipped.
* **who** and **what** (`fivew_who`): every headline clause and lead sentence with a usable subject and
  verb is a candidate (`fivew_syntax` reads the parse; a headline the model misread is chunked by its
  telegraphic shape, and Title Case headlines are parsed in sentence case). Candidates are scored on
  position (headline first), whether the subject names someone, how often it recurs, and headline/lead
  agreement; who is the best subject, what the best clause's predicate.
* **when** and **where** (`fivew_when_where`): a day-precise date in the lead that dates the event (the
  publication date stands in otherwise, marked `found_in: "published"` with no span); the dateline place,
  else a headline place, else a lead place.
* **why** is a cause clause or phrase in the what clause ("because ...", "due to ...", "amid ...");
  **how** a manner or instrument ("by ...ing", "with <noun>", an -ly adverb of the main verb).

Each of who/what/when/where carries a `confidence` in [0, 1]; below its threshold the question is left
unanswered (`abstain=False` answers anyway). Thresholds were chosen on the even half of the Giveme5W1H
dev set and checked on the odd half (`crosswire eval 5w1h` measures them).

Each answer is `{text, start, end, value, found_in}` with offsets into the headline (`found_in: "title"`)
or into `Article.text` (`"text"`), or None when nothing qualifies.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from crosswire.model import Actor, Article, Place, Quote, TimeRef
from crosswire.nlp.dates import extract_times
from crosswire.nlp.fivew_syntax import cause_phrase, manner_phrase
from crosswire.nlp.fivew_when_where import when_answer, where_answer
from crosswire.nlp.fivew_who import choose_who_what
from crosswire.nlp.places import extract_places
from crosswire.nlp.runtime import parse_many, span_ents

LEAD_SENTENCES = 3  # who/what/why/how look at the headline and this many content sentences
WHEN_SENTENCES = 3  # a date in the first few sentences still dates the main event
WHERE_SENTENCES = 3
QUOTE_MARKS = "'\"\u2018\u201c"
BOILERPLATE = re.compile(
    r"click to share|opens in new window|image copyright|image caption|getty images|follow us|sign up|"
    r"read more|share this|advertisement|all rights reserved|subscribe",
    re.IGNORECASE,
)
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def main_event(
    article: Article,
    doc: Doc,
    actors: Sequence[Actor] | None = None,
    times: Sequence[TimeRef] | None = None,
    places: Sequence[Place] | None = None,
    quotes: Sequence[Quote] | None = None,
    *,
    abstain: bool = True,
) -> dict[str, Any]:
    """who/what/when/where/why/how of `article` (see the module docstring); `doc` is the parse of its text.
    Stages not run yet are run here: times, places. With `abstain=False` every question with a candidate
    is answered, however low its confidence."""

    title_doc, headline = parse_title(article.title, article.text)
    lead = lead_sentences(doc, LEAD_SENTENCES, quotes)
    if times is None:
        times = extract_times(article, doc)
    if places is None:
        places = extract_places(article, doc)

    who, what, why, how = _who_what(article, doc, headline, lead, actors or (), abstain)
    return {
        "who": who,
        "what": what,
        "when": when_answer(article, lead_sentences(doc, WHEN_SENTENCES, quotes), times, abstain),
        "where": where_answer(
            article, title_doc, lead_sentences(doc, WHERE_SENTENCES, quotes), places, abstain
        ),
        "why": why,
        "how": how,
    }


def parse_title(title: str | None, body: str = "") -> tuple[Doc | None, list[tuple[Span, int]]]:
    """The headline's parse and its clauses with their offsets into the title. A headline "Croydon tram
    crash: Police identify three victims" puts a topic label before the colon and the news after it, so the
    part after a colon comes first, then the part before it. The clauses are parsed from the headline in
    sentence case (`sentence_case`), which keeps every offset. One batch: spaCy's per-call cost dominates
    for texts this short."""
    if not title or not title.strip():
        return None, []

    parts = _title_parts(title, body)
    texts = list(dict.fromkeys([title] + [text for text, _ in parts]))
    docs = dict(zip(texts, parse_many(texts, batch_size=4), strict=True))
    clauses = [(sent, offset) for text, offset in parts for sent in docs[text].sents]
    return docs[title], clauses


def title_texts(title: str | None, body: str = "") -> list[str]:
    """The texts `parse_title` parses for this headline, so that a caller can parse many articles' titles in
    one batch beforehand (the parse cache then answers `parse_title`)."""
    if not title or not title.strip():
        return []
    return list(dict.fromkeys([title] + [text for text, _ in _title_parts(title, body)]))


def _title_parts(title: str, body: str) -> list[tuple[str, int]]:
    """The headline's clauses to parse, each with its offset into the title (see `parse_title`)."""
    cased = sentence_case(title, body)
    parts = [(cased, 0)]
    colon = re.search(r":\s+", cased)
    # ...unless what follows the colon is a quotation ("Cubs win World Series: 'Baseball will never ...'"):
    # a soundbite, so the news is before the colon.
    if colon and cased[colon.end()] in QUOTE_MARKS:
        parts = [(cased[: colon.start()], 0)]
    elif colon and len(cased[colon.end() :].split()) >= 3:
        parts = [(cased[colon.end() :], colon.end()), (cased[: colon.start()], 0)]
    return parts


def sentence_case(title: str, body: str) -> str:
    """The headline with the capitals of headline style taken off the words the body writes in lower case.

    "Toblerone Alters Shape of 2 Chocolate Bars" and "Hillary Clinton CLEARED by FBI" make the tagger
    read every capitalised word as a name; the article itself says which words are ordinary ones. A word
    is lowered only when the body uses it in lower case more often than capitalised mid-sentence, so names
    ("Toblerone", "FBI") keep their capitals. Same length, so offsets into the title still hold."""
    words = list(_TITLE_WORD.finditer(title))
    long_words = [w for w in words if len(w.group()) >= 4]
    title_case = len(long_words) >= 3 and sum(w.group()[0].isupper() for w in long_words) >= 0.7 * len(
        long_words
    )
    out = list(title)
    counts: tuple[Counter[str], Counter[str]] | None = None
    for w in words[1:]:
        word = w.group()
        if not word[0].isupper() or not (title_case or (word.isupper() and len(word) >= 3)):
            continue
        lower = word.lower()
        named = word[0] + lower[1:]
        if lower.isalpha():  # the body's words counted once, not searched for each headline word
            counts = counts or _body_word_counts(body)
            in_lower, as_name = counts[0][lower], counts[1][named]
        else:  # "Anti-War", "Trump's": the searches themselves
            in_lower = len(re.findall(rf"\b{re.escape(lower)}\b", body))
            as_name = len(re.findall(rf"(?<=[a-z,] ){re.escape(named)}\b", body))
        if in_lower and in_lower > as_name:
            out[w.start() : w.end()] = lower
    return "".join(out)


_WORD_RUN = re.compile(r"\w+")
_RUN_AFTER_LOWER = re.compile(r"(?<=[a-z,] )\w+")


def _body_word_counts(body: str) -> tuple[Counter[str], Counter[str]]:
    """(how often each maximal run of word characters occurs in `body`, how often one does right after a
    lower-case letter or comma and a space). For a word of letters, these count the matches of the word
    between word boundaries and of the word as a name after such a letter (`sentence_case`'s two
    searches): each such match is one whole run, since it starts and ends on a boundary."""
    return Counter(_WORD_RUN.findall(body)), Counter(_RUN_AFTER_LOWER.findall(body))


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


def answer(
    span: Span | None, value: Any, found_in: str, source: str, offset: int = 0
) -> dict[str, Any] | None:
    """An answer record with its text read from `source` (the title or the body); `offset` shifts spans
    parsed from part of the title back into the whole title. A phrase never runs past a line break (a
    parse can join a deck to the next paragraph)."""
    if span is None or not span.text.strip():
        return None
    start = span.start_char + offset
    text = source[start : span.end_char + offset].split("\n")[0].rstrip()
    return {"text": text, "start": start, "end": start + len(text), "value": value, "found_in": found_in}


# --- who and what ------------------------------------------------------------------------------------------


def _who_what(
    article: Article,
    doc: Doc,
    headline: list[tuple[Span, int]],
    lead: list[Span],
    actors: Sequence[Actor],
    abstain: bool = True,
) -> tuple[dict[str, Any] | None, ...]:
    """Who and what from the best-scoring candidate clauses (`fivew_who`), each with its confidence; why
    and how from the clause that answers what."""
    who_choice, what_choice = choose_who_what(headline, lead, doc, article.title, abstain)
    who = what = why = how = None
    if who_choice is not None:
        clause, conf = who_choice
        source = (article.title or "") if clause.found_in == "title" else article.text
        value = _who_value(clause.subject, actors if clause.found_in == "text" else ())
        who = answer(clause.subject, value, clause.found_in, source, clause.offset)
        if who is not None:
            who["confidence"] = round(conf, 3)
    if what_choice is not None:
        clause, conf = what_choice
        source = (article.title or "") if clause.found_in == "title" else article.text
        where, offset = clause.found_in, clause.offset
        what = answer(clause.what, clause.verb.lemma_, where, source, offset)
        if what is not None:
            what["confidence"] = round(conf, 3)
        why = answer(cause_phrase(clause.sent, clause.verb), None, where, source, offset)
        how = answer(manner_phrase(clause.sent, clause.verb), None, where, source, offset)
    return who, what, why, how


def _who_value(span: Span, actors: Sequence[Actor]) -> Any:
    for actor in actors:
        for m in actor.mentions:
            if m.start >= span.start_char and m.end <= span.end_char:
                return {"name": actor.name, "code": actor.codes[0] if actor.codes else None}
    ents = [e for e in span_ents(span) if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
    if ents:
        return {"name": ents[0].text, "code": None}
    return {"name": span.text, "code": None}
