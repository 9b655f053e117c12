"""Aligned quotes as `model.Fact`s, with outlets counted by independence (wire.py). Event facts are built
by stories/briefing.py from the merged events."""

from __future__ import annotations

from crosswire.model import Fact, quote_line, spoken_text
from crosswire.stories.align_quotes import AlignedQuote
from crosswire.stories.wire import Dependence

MAX_QUOTE_SUMMARY = 160


def shortened(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with an ellipsis: never mid-word
    ("North K…"), which a reader takes for a typo or a word stem."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def quote_fact(group: AlignedQuote, dep: Dependence) -> Fact:
    # The quote's own marks are the outlet's; a direct quote's summary adds one pair (never “““...”””),
    # reported speech none (model.quote_line).
    text = (spoken_text(group.text) or group.text) if group.kind == "direct" else group.text.strip()
    short = shortened(text, MAX_QUOTE_SUMMARY)
    sentences = [
        {
            "article_id": r.article_id,
            "outlet": r.outlet,
            "start": r.sentence_start,
            "end": r.sentence_end,
            "text": r.sentence,
            "speaker": group.speaker,
            "quote": r.text,
            "quote_kind": r.kind,
            "quote_start": r.start,
            "quote_end": r.end,
            "similarity": r.similarity,
            "length_ratio": r.length_ratio,
        }
        for r in sorted(group.reports, key=lambda r: (r.outlet or "", r.article_id, r.start))
    ]
    return Fact(
        kind="quote",
        summary=quote_line(group.speaker, short, group.kind),
        quote_id=group.reports[0].quote_id,
        outlets=group.outlets,
        independent_outlets=dep.independent_outlets((r.article_id, r.outlet) for r in group.reports),
        sentences=sentences,
    )
