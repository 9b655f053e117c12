"""Where a coded act happened: the place its own clause names, not the first place the article names.

`event_place(...)` looks, in order, for

1. a place in the act's own phrase or clause: the object of a locative preposition that hangs off the act
   ("met in Vladivostok", "the summit in Hanoi", "talks at the DMZ"), a place that names the act ("the Hanoi
   summit"), or a visit's destination ("flew to Moscow", "visited Beijing"). A place that acts in the
   sentence ("Pyongyang rejected ...") is an actor, not a location; a place reached through another verb
   belongs to that verb's act ("KCNA reported that Kim told Putin that the summit in Hanoi ...": Hanoi is
   the summit's, not the report's);
2. the named event's place from the knowledge base ("the Singapore summit" is in Singapore; "the April 27
   Panmunjom Declaration" was signed at Panmunjom);
3. the dateline, only when the act is clearly the report's own: a statement or meeting (CAMEO roots 01-05)
   in the lead sentence by an actor of the dateline's own country ("SEOUL - South Korea's president said
   on Monday ...").

Otherwise the act has no place.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from crosswire.events.participants import ActorIndex, country_of
from crosswire.events.timing import reaches
from crosswire.knowledge.gazetteer import resolve_name
from crosswire.knowledge.named_events import NamedEvent
from crosswire.model import EventActor, Place
from crosswire.nlp.dateline import find_dateline
from crosswire.nlp.named_events import NamedEventMention
from crosswire.nlp.runtime import doc_text

LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "on", "aboard", "within"})
# Acts whose destination is where they happen ("flew to Moscow", "visited Beijing").
MOTION_LEMMAS = frozenset("visit travel trip fly arrive go head come journey tour".split())
DIRECTION_PREPS = frozenset({"to", "into"})
DATELINE_ROOTS = frozenset({"01", "02", "03", "04", "05"})
_LEAD_KEY = "crosswire.event_lead"


def _root(doc: Doc, place: Place) -> Token | None:
    span = doc.char_span(place.start or 0, place.end or 0, alignment_mode="expand")
    return span.root if span is not None else None


def _own_place(doc: Doc, index: ActorIndex, places: list[Place], sent: Span, trigger: Token) -> Place | None:
    motion = trigger.lemma_.lower() in MOTION_LEMMAS
    found: list[Place] = []
    for place in places:
        if place.start is None or not (sent.start_char <= place.start < sent.end_char):
            continue
        root = _root(doc, place)
        if root is None:
            continue
        if root.i in index.by_token and root.dep_ in ("nsubj", "nsubjpass", "poss"):
            continue  # an acting state or capital
        head = root.head
        if root.dep_ == "pobj" and (
            head.lower_ in LOCATIVE_PREPS or (motion and head.lower_ in DIRECTION_PREPS)
        ):
            if head.head == trigger or reaches(head, trigger, max_nouns=1):
                found.append(place)
        elif (
            root.dep_ in ("compound", "nmod", "npadvmod")
            and head == trigger
            and trigger.pos_ in ("NOUN", "PROPN")
        ):
            found.append(place)  # "the Hanoi summit"
        elif root.dep_ == "dobj" and head == trigger and motion:
            found.append(place)  # "visited Beijing"
    if not found:
        return None
    # A city says more than its country ("in Hanoi, Vietnam").
    return min(found, key=lambda p: (p.kind == "country", abs((p.start or 0) - trigger.idx)))


def kb_place(event: NamedEvent) -> Place | None:
    """The named event's place, resolved through the gazetteer (no offsets: the text does not name it)."""
    if not event.place:
        return None
    found = resolve_name(event.place)
    if found is None:
        return Place(name=event.place)
    entry = found[0]
    return Place(
        name=event.place,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        kind=entry.kind,
        geonames_id=entry.geonames_id,
    )


def _dateline_place(
    doc: Doc, places: list[Place], sent: Span, source: EventActor, cameo: str
) -> Place | None:
    if cameo[:2] not in DATELINE_ROOTS:
        return None
    found = _lead(doc)
    if found is None or found[0] != sent.start:
        return None
    start, end = found[1], found[2]
    place = next((p for p in places if p.start is not None and start <= p.start < end), None)
    if place is None or not place.country or country_of(source) != place.country:
        return None
    return place


def _lead(doc: Doc) -> tuple[int, int, int] | None:
    """(first token of the lead sentence, the dateline place's start and end offsets), once per Doc."""
    if _LEAD_KEY not in doc.user_data:
        line = find_dateline(doc_text(doc))
        lead = None if line is None else next((s for s in doc.sents if s.end_char > line.end), None)
        doc.user_data[_LEAD_KEY] = (
            None if line is None or lead is None else (lead.start, line.place_start, line.place_end)
        )
    found: tuple[int, int, int] | None = doc.user_data[_LEAD_KEY]
    return found


def event_place(
    doc: Doc,
    index: ActorIndex,
    places: list[Place],
    named: NamedEventMention | None,
    sent: Span,
    trigger: Token,
    source: EventActor,
    cameo: str,
) -> Place | None:
    """The act's own place (see the module docstring), or None."""
    own = _own_place(doc, index, places, sent, trigger)
    if own is not None:
        return own
    if named is not None:
        return kb_place(named.event)
    return _dateline_place(doc, places, sent, source, cameo)
