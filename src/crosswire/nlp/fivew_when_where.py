"""When and where of the main event: candidates from the dateline, headline and lead, each with a confidence.

**when** is a day-precise date or time of day in the lead (`nlp.dates` has resolved it against the
publication date). A year, month or stretch ("since 1908", "the last three weeks") is background more
often than not, and so are: an outlet's name that reads as a date ("USA TODAY"), a bare part of the day
("morning") with no day to attach it to, and a date more than a week before publication or after it
(what the event led to or what comes next). The first surviving candidate answers; one in the first lead
sentence is surer than one further down. Without one, the publication date stands in, marked
`found_in: "published"` with no span.

**where** is the dateline place ("SEOUL -"), else a place of the headline, else of the lead. A city or
facility is surer than a country; a headline's country gives way to a lead city inside it ("German consulate
in Afghanistan" + "... in Mazar-i-Sharif"); a place that opens a longer name ("Chicago Cubs", "Cleveland
Indians", "Brazil Grand Prix") is a name, not a location. A lead place the article names only once is the
least sure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Any

from spacy.tokens import Doc, Span

from crosswire.knowledge.gazetteer import resolve_name
from crosswire.model import Article, Place, TimeRef
from crosswire.nlp.dateline import find_dateline
from crosswire.nlp.places import extract_places

_BARE_PART_OF_DAY = re.compile(r"^(?:the\s+)?(?:morning|afternoon|evening|night|overnight)$", re.IGNORECASE)
BACKGROUND_DAYS = 7  # a date further back than this before publication is background
# Confidences (see the module docstring); answers below MIN_*_CONFIDENCE are withheld. Chosen on the
# even-numbered half of the Giveme5W1H set, checked on the odd-numbered half (`crosswire eval 5w1h`).
WHEN_CONFIDENCE = {
    "base": 0.6,
    "repeated": 0.15,  # the article dates something else to the same day too: the story's day
    "publication_day": 0.15,  # news of the day: the event falls on the publication date
}
WHERE_CONFIDENCE = {
    "dateline": 0.95,
    "title_specific": 0.9,  # a city or facility in the headline
    "lead_in_title_country": 0.8,  # a lead city inside the headline's country
    "title_country": 0.6,
    "lead_repeated": 0.65,  # a lead city or facility the article names more than once
    "lead_once": 0.55,
    "lead_country": 0.5,
}
MIN_WHEN_CONFIDENCE = 0.85
MIN_WHERE_CONFIDENCE = 0.75


def inside(char: int, sents: Sequence[Span]) -> int | None:
    """The index of the sentence holding `char`, or None."""
    return next((i for i, s in enumerate(sents) if s.start_char <= char < s.end_char), None)


def when_answer(
    article: Article, lead: Sequence[Span], times: Sequence[TimeRef], abstain: bool = True
) -> dict[str, Any] | None:
    """The lead's date of the main event (see the module docstring), or the publication date."""
    published = article.published.date() if article.published else None
    day_counts: dict[str, int] = {}
    for ref in times:
        if ref.value and ref.precision == "day":
            day_counts[ref.value[:10]] = day_counts.get(ref.value[:10], 0) + 1
    best: tuple[float, TimeRef] | None = None
    for ref in times:
        if inside(ref.start, lead) is None or not ref.value or ref.precision != "day":
            continue
        if not _dates_the_event(ref, published):
            continue
        conf = WHEN_CONFIDENCE["base"]
        if day_counts[ref.value[:10]] > 1:
            conf += WHEN_CONFIDENCE["repeated"]
        if published is not None and ref.value[:10] == published.isoformat():
            conf += WHEN_CONFIDENCE["publication_day"]
        if best is None or conf > best[0]:
            best = (conf, ref)
    if best is not None and (best[0] >= MIN_WHEN_CONFIDENCE or not abstain):
        conf, ref = best
        return {"text": ref.text, "start": ref.start, "end": ref.end, "value": ref.value,
                "found_in": "text", "precision": ref.precision, "confidence": round(conf, 3)}  # fmt: skip
    if published is not None:
        return {"text": None, "start": None, "end": None, "value": published.isoformat(),
                "found_in": "published", "precision": "day"}  # fmt: skip
    return None


def _dates_the_event(ref: TimeRef, published: Any) -> bool:
    text = ref.text.strip()
    if text.isupper() and len(text.split()) == 1:
        return False  # "USA TODAY": the outlet's name
    if _BARE_PART_OF_DAY.match(text):
        return False  # "morning" of which day? often a reaction's, not the event's
    if published is not None and ref.value:
        try:
            day = date.fromisoformat(ref.value[:10])
        except ValueError:
            return False
        if day > published or (published - day).days > BACKGROUND_DAYS:
            return False
    return True


def where_answer(
    article: Article,
    title_doc: Doc | None,
    lead: Sequence[Span],
    places: Sequence[Place],
    abstain: bool = True,
) -> dict[str, Any] | None:
    """The main event's place (see the module docstring), or None."""

    line = find_dateline(article.text)  # also after a headline or byline line, as HTML bodies have them
    if line is not None:
        hit = resolve_name(line.place.title())
        if hit is not None:
            entry, _ = hit
            return {"text": line.place, "start": line.place_start, "end": line.place_end,
                    "value": {"name": entry.name, "country": entry.country}, "found_in": "dateline",
                    "confidence": WHERE_CONFIDENCE["dateline"]}  # fmt: skip
    text = article.text
    in_lead = [p for p in places if p.start is not None and inside(p.start, lead) is not None]
    in_lead = [p for p in in_lead if not opens_a_name(p, text)]
    title_places: list[Place] = []
    if title_doc is not None:
        title_places = [
            p
            for p in extract_places(Article(text=title_doc.text), title_doc)
            if not opens_a_name(p, title_doc.text)
        ]
    specific = [p for p in title_places if not _broad(p)]
    if specific:
        return _place_answer(specific[0], title_doc.text, "title", "title_specific")  # type: ignore[union-attr]
    answer = partial(_place_answer, abstain=abstain)
    if title_places:
        country = title_places[0].country
        inner = [p for p in in_lead if not _broad(p) and country and p.country == country]
        if inner:
            return answer(inner[0], text, "text", "lead_in_title_country")
        return answer(title_places[0], title_doc.text, "title", "title_country")  # type: ignore[union-attr]
    lead_specific = [p for p in in_lead if not _broad(p)]
    if lead_specific:
        place = lead_specific[0]
        repeated = len(re.findall(rf"\b{re.escape(text[place.start : place.end])}\b", text)) > 1
        return answer(place, text, "text", "lead_repeated" if repeated else "lead_once")
    if in_lead:
        return answer(in_lead[0], text, "text", "lead_country")
    return None


def _broad(place: Place) -> bool:
    return place.kind in ("country", "region", None)


def opens_a_name(place: Place, text: str) -> bool:
    """Whether a capitalised word follows the place ("Chicago Cubs", "Cleveland Indians", "Trump Tower")."""
    after = text[place.end or 0 :]
    m = re.match(r"\s+([A-Z][a-z]+)", after)
    return m is not None and m.group(1) not in ("On", "In", "And", "The", "Of")


def _place_answer(
    place: Place, text: str, found_in: str, kind: str, abstain: bool = True
) -> dict[str, Any] | None:
    conf = WHERE_CONFIDENCE[kind]
    if conf < MIN_WHERE_CONFIDENCE and abstain:
        return None
    start, end = place.start or 0, place.end or 0
    return {"text": text[start:end], "start": start, "end": end,
            "value": {"name": place.name, "country": place.country}, "found_in": found_in,
            "confidence": conf}  # fmt: skip
