"""The evidence around a coded act: who claims it, when it happened, where.

Pure functions over the parse and the other layers' records (quotes, TimeRefs, Places), used by
`extract.py` for each event it builds.
"""

from __future__ import annotations

from datetime import datetime

from spacy.tokens import Doc, Span, Token

from crosswire.events.participants import ActorIndex
from crosswire.model import Place, Quote, TimeRef

# Cues whose content is something said or believed (a claim), not an act the speaker is reported doing.
SPEECH_CUES = frozenset(
    "say tell report claim state announce add note insist argue describe believe think according mention "
    "write explain stress emphasise emphasize assert allege declare suggest predict comment reply respond "
    "remark acknowledge admit deny confirm warn quote cite accuse charge :".split()
)


def claim_spans(quotes: list[Quote]) -> list[tuple[int, int, str]]:
    out = []
    for q in quotes:
        cue = (q.cue or "").split()
        speech = q.kind == "direct" or (cue and cue[0].lower().rstrip("sd") in _SPEECH_STEMS) or q.cue == ":"
        speaker = q.speaker.name or q.speaker.description or q.speaker.mention
        if speech and speaker:
            for start, end in q.spans or [(q.start, q.end)]:
                out.append((start, end, speaker))
    return out


# Cue words come inflected ("reported", "says"); compare a crude stem so "reported" finds "report".
_SPEECH_STEMS = frozenset(w.rstrip("sd") for w in SPEECH_CUES) | frozenset(
    {"sai", "tol", "claime", "state", "reporte", "announce", "believe", "thought", "warne", "insiste"}
)


def claim_at(claims: list[tuple[int, int, str]], start: int) -> str | None:
    """The speaker of the innermost claim holding character `start`."""
    inside = [(e - s, who) for s, e, who in claims if s <= start < e]
    return min(inside)[1] if inside else None


def inside_content(tok: Token) -> bool:
    return tok.dep_ in ("ccomp", "xcomp") or any(a.dep_ == "ccomp" for a in tok.ancestors)


def phrase_range(trigger: Token) -> tuple[int, int]:
    left, right = trigger.left_edge, trigger.right_edge
    return left.idx, right.idx + len(right)


def _first_verb_above(tok: Token) -> Token | None:
    for ancestor in tok.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _names_something(doc: Doc, ref: TimeRef) -> bool:
    """ "the April 27 Panmunjom Declaration": a date inside a name dates the name, not the act."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nmod", "compound", "amod") and root.head.pos_ == "PROPN"


def date_for(
    doc: Doc, times: list[TimeRef], published: datetime | None, sent: Span, trigger: Token
) -> tuple[str | None, str | None]:
    """The act's own time: one inside its phrase, else one in its clause, else one elsewhere in the
    sentence that is not part of a name; failing all, the publication date marked "published"."""
    start, end = phrase_range(trigger)
    in_sentence = [
        t for t in times if sent.start_char <= t.start < sent.end_char and not _names_something(doc, t)
    ]
    inside = [t for t in in_sentence if start <= t.start < end]
    own_clause = []
    if trigger.pos_ in ("VERB", "AUX"):
        for t in in_sentence:
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None and _first_verb_above(span.root) is trigger:
                own_clause.append(t)
    chosen = inside or own_clause or in_sentence
    if chosen:
        best = min(chosen, key=lambda t: abs(t.start - trigger.idx))
        return (best.value or "")[:10], best.precision
    return (published.date().isoformat(), "published") if published else (None, None)


def place_for(index: ActorIndex, places: list[Place], sent: Span, trigger: Token) -> Place | None:
    """A place named in the act's phrase, else elsewhere in the sentence, never one that acts in it."""
    start, end = phrase_range(trigger)
    acting = {index.by_token[i].name for i in range(sent.start, sent.end) if i in index.by_token}
    candidates = [
        p for p in places if sent.start_char <= (p.start or 0) < sent.end_char and p.kind != "country"
    ]
    candidates = [p for p in candidates if p.name not in acting or (start <= (p.start or 0) < end)]
    inside = [p for p in candidates if start <= (p.start or 0) < end]
    chosen = inside or candidates
    return min(chosen, key=lambda p: abs((p.start or 0) - trigger.idx)) if chosen else None
