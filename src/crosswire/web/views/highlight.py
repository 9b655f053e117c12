"""Article text cut into segments for display: each segment knows which annotations (actor mentions,
quotes, events, dates, the linked-to sentence) cover it, so overlapping spans render as flat,
non-nested <span>s. The template escapes every segment's text; the only HTML built here is a search
snippet's <mark> tags, around text escaped first (`marked_snippet`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from crosswire.model import Analysis
from crosswire.store.search import MARK_END, MARK_START


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
    # ASCII digits only ("²".isdigit() is true, int("²") fails), and no more than any text's length.
    if not all(part.isascii() and part.isdigit() and len(part) <= 9 for part in (left, right)):
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


def marked_snippet(snippet: str | None) -> Markup:
    """A search snippet as HTML: the whole text escaped first, and only then its markers (private-use
    characters, which escaping leaves alone) turned into <mark> tags. A marker left open closes at the
    end of the snippet; a stray end marker and empty marks are dropped.

    Built here rather than part by part in the template: a search page has 20 snippets of a few dozen
    parts each, and the template's per-part lookups and escapes cost more than the rest of the page."""
    pieces = str(escape(snippet or "")).split(MARK_START)
    out = [pieces[0].replace(MARK_END, "")]
    for piece in pieces[1:]:
        inside, _, after = piece.partition(MARK_END)
        if inside:
            out.append(f"<mark>{inside}</mark>")
        out.append(after.replace(MARK_END, ""))
    return Markup("".join(out))
