"""Article text cut into segments for display: each segment knows which annotations (actor mentions,
quotes, events, dates, the linked-to sentence) cover it, so overlapping spans render as flat,
non-nested <span>s. The template escapes every segment's text; nothing here builds HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crosswire.model import Analysis


@dataclass
class Annotation:
    start: int
    end: int
    kind: str  # actor, quote, event, date, target
    title: str | None = None


@dataclass
class Segment:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    anchor: str | None = None  # id of the segment that starts the linked-to range

    @property
    def focusable(self) -> bool:
        # Quotes take focus, so keyboard users can read the speaker too (title shown via CSS on focus).
        return "quote" in self.kinds

    @property
    def title(self) -> str:
        return " · ".join(dict.fromkeys(self.titles))


def annotations_for(analysis: Analysis | None, article_id: str) -> list[Annotation]:
    """Every span the analysis found in this article, as annotations."""
    if analysis is None:
        return []
    found: list[Annotation] = []
    for actor in analysis.actors:
        codes = f" ({', '.join(actor.codes)})" if actor.codes else ""
        found.extend(Annotation(m.start, m.end, "actor", f"{actor.name}{codes}") for m in actor.mentions)
    for quote in analysis.quotes:
        speaker = quote.speaker.name or quote.speaker.mention or "unknown speaker"
        found.append(Annotation(quote.start, quote.end, "quote", f"Speaker: {speaker}"))
    for event in analysis.events:
        label = (
            f"Event {event.cameo}: {event.source.name or '?'} → {(event.target and event.target.name) or '?'}"
        )
        found.extend(
            Annotation(m.start, m.end, "event", label) for m in event.mentions if m.article_id == article_id
        )
    for ref in analysis.times:
        found.append(Annotation(ref.start, ref.end, "date", f"Date: {ref.value or 'unresolved'}"))
    return found


def parse_range(value: str | None, text_length: int) -> tuple[int, int] | None:
    """ "120-180" -> (120, 180) when it lies inside the text; anything else -> None."""
    if not value or "-" not in value:
        return None
    left, _, right = value.partition("-")
    if not (left.isdigit() and right.isdigit()):
        return None
    start, end = int(left), int(right)
    return (start, end) if 0 <= start < end <= text_length else None


def segments(text: str, annotations: list[Annotation]) -> list[Segment]:
    """Cut `text` at every annotation boundary; spans outside the text are clipped or dropped."""
    spans = [a for a in annotations if 0 <= a.start < a.end and a.start < len(text)]
    cuts = sorted({0, len(text), *(a.start for a in spans), *(min(a.end, len(text)) for a in spans)})
    starts: dict[int, list[Annotation]] = {}
    for a in spans:
        starts.setdefault(a.start, []).append(a)
    active: list[Annotation] = []
    out: list[Segment] = []
    anchored = False
    for left, right in zip(cuts, cuts[1:], strict=False):
        active = [a for a in active if a.end > left] + starts.get(left, [])
        seg = Segment(text[left:right], left)
        for a in active:
            seg.kinds.append(a.kind)
            if a.title:
                seg.titles.append(a.title)
        seg.kinds = list(dict.fromkeys(seg.kinds))
        if "target" in seg.kinds and not anchored:
            seg.anchor, anchored = "hl", True
        out.append(seg)
    return out


def marked_parts(snippet: str | None, mark_start: str, mark_end: str) -> list[dict[str, Any]]:
    """A search snippet with its markers as [{text, marked}] parts, for the template to escape."""
    parts: list[dict[str, Any]] = []
    for i, piece in enumerate((snippet or "").split(mark_start)):
        if i == 0:
            parts.append({"text": piece, "marked": False})
            continue
        inside, _, after = piece.partition(mark_end)
        parts.append({"text": inside, "marked": True})
        if after:
            parts.append({"text": after, "marked": False})
    return [p for p in parts if p["text"]]
