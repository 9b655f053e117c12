"""Aligned events and quotes as `model.Fact`s, with outlets counted by independence (wire.py)."""

from __future__ import annotations

from datetime import date

from crosswire.model import Fact, stable_id
from crosswire.stories.align import AlignedFact, AlignedQuote
from crosswire.stories.wire import Dependence

MAX_QUOTE_SUMMARY = 160


def event_fact(fact: AlignedFact, dep: Dependence) -> Fact:
    """A Fact for an aligned event: one sentence per (article, sentence), coded events before claims."""
    sentences = []
    seen: set[tuple[str, int]] = set()
    for occ in sorted(
        fact.occurrences, key=lambda o: (o.match != "event", o.outlet or "", o.article_id, o.start)
    ):
        if (occ.article_id, occ.start) in seen:
            continue
        seen.add((occ.article_id, occ.start))
        sentences.append(
            {
                "article_id": occ.article_id,
                "outlet": occ.outlet,
                "start": occ.start,
                "end": occ.end,
                "text": occ.sentence,
                "match": occ.match,
                "date": date.fromordinal(occ.day).isoformat() if occ.day else None,
            }
        )
    reports = [(o.article_id, o.outlet) for o in fact.occurrences]
    ids = fact.event_ids
    return Fact(
        kind="event",
        summary=fact.summary,
        # a claim-only fact has no coded event: its id is a hash of its first sentence, marked "claim:"
        event_id=ids[0]
        if ids
        else "claim:" + stable_id("claim", sentences[0]["article_id"], sentences[0]["start"]),
        outlets=fact.outlets,
        independent_outlets=dep.independent_outlets(reports),
        sentences=sentences,
    )


def quote_fact(group: AlignedQuote, dep: Dependence) -> Fact:
    text = group.text
    short = text if len(text) <= MAX_QUOTE_SUMMARY else text[: MAX_QUOTE_SUMMARY - 1].rstrip() + "\u2026"
    sentences = [
        {
            "article_id": r.article_id,
            "outlet": r.outlet,
            "start": r.sentence_start,
            "end": r.sentence_end,
            "text": r.sentence,
            "speaker": group.speaker,
            "quote": r.text,
            "quote_start": r.start,
            "quote_end": r.end,
            "similarity": r.similarity,
            "length_ratio": r.length_ratio,
        }
        for r in sorted(group.reports, key=lambda r: (r.outlet or "", r.article_id, r.start))
    ]
    return Fact(
        kind="quote",
        summary=f"{group.speaker}: \u201c{short}\u201d",
        quote_id=group.reports[0].quote_id,
        outlets=group.outlets,
        independent_outlets=dep.independent_outlets((r.article_id, r.outlet) for r in group.reports),
        sentences=sentences,
    )
