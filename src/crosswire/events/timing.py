"""When a coded act happened, from the text that reports it; never the publication date.

`event_time(...)` gives an act its own time, in this order:

1. **text** or **relative**: a time expression of the act's own clause. For a verb, one whose path up the
   parse reaches the verb through prepositions and at most one noun ("met on April 25", "held talks on
   Thursday", "told Putin during their summit the previous day"), not through another verb (a reported act
   has its own time: "On Apr. 26, KCNA reported that Kim told ...") and not as the modifier of a noun ("the
   1994 North American Free Trade Agreement", "the 1953 armistice" date the agreement, not today's talk about
   it) - unless the noun is the act's setting ("In an October 2012 interview, he said", "at a May 10
   meeting"). A verb coordinated with another shares its time ("met on Friday and signed ..."), and so do
   a participle and its head ("Speaking on Friday, Trump praised ...", "responded Tuesday, telling ...")
   and a "when"/"as" clause and its head; an act told in a participle ("the Treasury announcing
   sanctions") shares the time of the noun phrase it describes ("This past Friday's sequence of events
   with ..."). For a noun ("the summit"), one inside its phrase ("the April 27 summit", "the summit on Apr. 25"), else one of the verb it
   is the subject of, or the object of a verb that holds it ("the summit took place on Thursday", "held a
   summit on Thursday"; not "criticized the summit on Thursday"). The source is "text" for a calendar
   date ("April 25", "2018"), "relative" for one counted from publication or from another dated mention
   ("on Thursday", "last week", "the previous day"). Two times that open and close a span ("from Dec. 22
   through Jan. 25") give a range.
2. **kb**: a named event the act is, or takes place in: the noun is the name ("the Hanoi summit"), or the
   verb holds or signs it ("signed the Panmunjom Declaration") or happens during it ("killed in the 1950-53
   Korean War"). A year, month or range from the text that the named event falls in yields to the named
   event's more precise date.
3. **none**: undated. The publication date is kept apart as `Event.reported_on`.

Expressions whose anchor the text does not give are not used: "the previous day" with no earlier dated
mention in its paragraph (date_rules would count it from publication), a bare time of day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from crosswire.knowledge.named_events import NamedEvent
from crosswire.model import TimeRef
from crosswire.nlp.named_events import NamedEventMention

# Verbs whose object names the event they perform: holding the summit is the summit. (Not "negotiate":
# negotiating NAFTA in 2018 is a renegotiation, not the 1994 agreement.)
PERFORMING_VERBS = frozenset(
    "hold sign reach conclude adopt attend host ink stage conduct seal finalise finalize agree issue".split()
)
# Verbs whose object is an event they open, have or close ("began talks on Monday"): the verb's time is the
# event's. Another verb's object keeps its own time ("criticized the summit on Friday").
HOLDING_VERBS = frozenset("have convene open begin start resume end wrap close continue".split())
# Prepositions that put an act inside a named event's time ("killed in the war", "met during the summit").
DURING_PREPS = frozenset({"in", "during", "at", "amid", "throughout"})
# Subordinators of a clause that happens at the time of its head ("stepped into the fray Friday when he ...").
SAME_TIME_MARKS = frozenset({"when", "as", "while"})
# Named events that are occasions an act can happen in ("killed in the war", "met at the summit"); being "in"
# an agreement is membership, not time ("staying in the Iran nuclear deal").
OCCASION_KINDS = frozenset(
    "summit talks war attack crisis test disaster invasion annexation referendum event".split()
)
# Dependencies by which a time expression modifies a noun (and so dates the noun, not the verb).
NOUN_MODIFIERS = frozenset({"compound", "nmod", "amod", "poss", "nummod"})
# Clause boundaries a time expression does not cross on its way up to the act.
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis"})
# Rules whose value is a calendar date the text spells out (the year may come from publication).
CALENDAR_RULES = frozenset(
    {"iso_date", "numeric_date", "month_day_year", "month_day", "month", "year_range", "decade", "year",
     "end_of_year"}
)  # fmt: skip


@dataclass(frozen=True)
class EventTime:
    date: str | None
    end: str | None
    precision: str | None  # day, month, year, range
    source: str  # one of model.DATE_SOURCES


UNDATED = EventTime(None, None, None, "none")


def usable(ref: TimeRef) -> bool:
    """Whether a resolved expression may date an act (see the module docstring)."""
    if not ref.value or ref.precision in ("unresolved", "duration"):
        return False
    anchor = ref.anchor or ""
    base = (ref.rule or "").split("+")[-1]
    if base == "relative_to_mention" and not anchor.startswith("mention:"):
        return False  # "the previous day" of nothing the text dates
    if base == "time_of_day" and not anchor.startswith("mention:"):
        return False
    return True


def source_of(ref: TimeRef) -> str:
    base = (ref.rule or "").split("+")[-1]
    return "text" if ref.anchor == "absolute" or base in CALENDAR_RULES else "relative"


def _from_ref(ref: TimeRef) -> EventTime:
    precision = ref.precision if ref.precision in ("day", "month", "year", "range") else "day"
    end = ref.end_value[:10] if ref.end_value else None
    return EventTime(ref.value[:10] if ref.value else None, end, precision, source_of(ref))


def _from_named(event: NamedEvent) -> EventTime:
    return EventTime(event.date, event.end, event.precision, "kb")


def _span(doc: Doc, ref: TimeRef) -> Span | None:
    return doc.char_span(ref.start, ref.end, alignment_mode="expand")


def reaches(start: Token, trigger: Token, max_nouns: int = 1) -> bool:
    """Whether `start` (a time expression's or a name's root) hangs off `trigger` within its clause: up
    through prepositions and at most `max_nouns` nouns, never through another verb or clause boundary, and
    not as the modifier of a noun."""
    if start.dep_ in NOUN_MODIFIERS and start.head.pos_ in ("NOUN", "PROPN") and start.head != trigger:
        setting = start.head  # "In an October 2012 interview, Christie said": the act's setting is dated
        if not (setting.dep_ == "pobj" and setting.head.lower_ in DURING_PREPS):
            return False
    tok, nouns = start, 0
    for _ in range(12):
        if tok == trigger:
            return True
        head = tok.head
        if head == tok or tok.dep_ in CLAUSE_DEPS or tok.dep_ == "conj":
            return False
        if head == trigger:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return False
        if head.pos_ in ("NOUN", "PROPN"):
            nouns += 1
            if nouns > max_nouns:
                return False
        tok = head
    return False


def _inside_named(ref: TimeRef, named: list[NamedEventMention]) -> bool:
    return any(m.start <= ref.start < m.end for m in named)


def _clause_times(
    doc: Doc, times: list[TimeRef], named: list[NamedEventMention], verb: Token
) -> list[TimeRef]:
    own = []
    for ref in times:
        span = _span(doc, ref)
        if span is None or _inside_named(ref, named):
            continue
        if reaches(span.root, verb):
            own.append(ref)
    return own


def _noun_times(doc: Doc, times: list[TimeRef], noun: Token) -> list[TimeRef]:
    """Times inside the noun's phrase ("the April 27 summit", "the summit on Apr. 25")."""
    own = []
    for ref in times:
        span = _span(doc, ref)
        if span is None:
            continue
        root = span.root
        if (
            root == noun
            or reaches(root, noun, max_nouns=0)
            or (root.dep_ in NOUN_MODIFIERS | {"npadvmod"} and root.head == noun)
        ):
            own.append(ref)
    return own


def _phrase_times(doc: Doc, times: list[TimeRef], noun: Token) -> list[TimeRef]:
    """An act told in a participle shares the time of the noun phrase it describes: "This past Friday's
    sequence of events with the Treasury announcing sanctions" (up through "of"/"with" phrases)."""
    for _ in range(3):
        own = _noun_times(doc, times, noun)
        if own or noun.dep_ != "pobj" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            return own
        noun = noun.head.head
    return []


def _same_time_clause(clause: Token) -> bool:
    """An adverbial clause told at the time of its head: a participle without its own subject ("Speaking
    on Friday, Trump praised ...", "responded Tuesday, telling the Times ...") or a "when"/"as" clause."""
    if clause.dep_ != "advcl" or clause.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in SAME_TIME_MARKS for c in clause.children):
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)
    return clause.tag_ in ("VBG", "VBN") and not has_subject


def _linked_clause_times(
    doc: Doc, times: list[TimeRef], named: list[NamedEventMention], verb: Token
) -> list[TimeRef]:
    """The time of a clause told at the same time as `verb`: its head, or one of its own such clauses."""
    if _same_time_clause(verb) and verb.head.pos_ in ("VERB", "AUX"):
        own = _clause_times(doc, times, named, verb.head)
        if own:
            return own
    for child in verb.children:
        if _same_time_clause(child):
            own = _clause_times(doc, times, named, child)
            if own:
                return own
    return []


def named_event_for(doc: Doc, named: list[NamedEventMention], trigger: Token) -> NamedEventMention | None:
    """The named event the act is (a noun inside the name) or performs or takes place in (a verb)."""
    for mention in named:
        if mention.start <= trigger.idx < mention.end:
            return mention
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    for mention in named:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "dobj" and root.head == trigger and trigger.lemma_.lower() in PERFORMING_VERBS:
            return mention
        if (
            root.dep_ == "pobj"
            and root.head.lower_ in DURING_PREPS
            and root.head.head == trigger
            and mention.event.kind in OCCASION_KINDS
        ):
            return mention
    return None


def _word_before(doc: Doc, ref: TimeRef) -> str:
    span = _span(doc, ref)
    return doc[span.start - 1].lower_ if span is not None and span.start > 0 else ""


def _span_of(doc: Doc, own: list[TimeRef]) -> EventTime | None:
    """ "From Dec. 22 through Jan. 25": two times of the clause that open and close one span."""
    opens = [t for t in own if _word_before(doc, t) in ("from", "between")]
    closes = [t for t in own if _word_before(doc, t) in ("through", "to", "until", "till", "and")]
    for first in opens:
        for last in closes:
            end = (last.end_value or last.value or "")[:10]
            if last.start > first.start and first.value and first.value[:10] <= end:
                source = "text" if source_of(first) == source_of(last) == "text" else "relative"
                return EventTime(first.value[:10], end, "range", source)
    return None


def _closest(refs: list[TimeRef], trigger: Token) -> TimeRef:
    return min(refs, key=lambda t: abs(t.start - trigger.idx))


def _consistent(text_time: EventTime, named: NamedEvent) -> bool:
    """A year ("the 1953 armistice") or month the named event falls in: the named event is more precise."""
    if text_time.precision not in ("year", "month", "range") or text_time.date is None:
        return False
    start = date.fromisoformat(text_time.date)
    end = date.fromisoformat(text_time.end) if text_time.end else start
    return start <= date.fromisoformat(named.date) <= end


def event_time(
    doc: Doc,
    times: list[TimeRef],
    named: list[NamedEventMention],
    sent: Span,
    trigger: Token,
) -> EventTime:
    """The act's own time (see the module docstring); `times` and `named` cover the whole article."""
    in_sentence = [t for t in times if sent.start_char <= t.start < sent.end_char and usable(t)]
    named_here = [m for m in named if sent.start_char <= m.start < sent.end_char]
    own: list[TimeRef] = []
    if trigger.pos_ in ("VERB", "AUX"):
        verb: Token | None = trigger
        for _ in range(4):  # "met on Friday and signed ...": a coordinated verb shares the time
            assert verb is not None
            own = _clause_times(doc, in_sentence, named_here, verb)
            if own or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
                break
            verb = verb.head
        if not own and verb is not None and verb.dep_ == "acl":
            own = _phrase_times(doc, in_sentence, verb.head)
        if not own and verb is not None:
            own = _linked_clause_times(doc, in_sentence, named_here, verb)
    else:
        own = _noun_times(doc, in_sentence, trigger)
        head = trigger.head
        # "The summit took place on Thursday", "held talks on Friday"; not "criticized the summit on Friday".
        performed = trigger.dep_ != "dobj" or head.lemma_.lower() in PERFORMING_VERBS | HOLDING_VERBS
        if (
            not own
            and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
            and head.pos_ in ("VERB", "AUX")
            and performed
        ):
            own = _clause_times(doc, in_sentence, named_here, head)
    text_time = _span_of(doc, own) or (_from_ref(_closest(own, trigger)) if own else None)
    mention = named_event_for(doc, named_here, trigger)
    if mention is not None and (text_time is None or _consistent(text_time, mention.event)):
        return _from_named(mention.event)
    return text_time or UNDATED
