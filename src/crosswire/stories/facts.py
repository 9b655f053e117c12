"""Aligned events and quotes as `model.Fact`s, with outlets counted by independence (wire.py), and the
rules a sentence-level claim must meet to stay in a comparison (`tighten_claims`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from rapidfuzz import fuzz

from crosswire.model import Analysis, Article, Fact, spoken_text, stable_id
from crosswire.stories.align import AlignedFact, AlignedQuote, Occurrence
from crosswire.stories.align import (
    _fact as summarise_group,
)  # one summary rule for aligned and tightened facts
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
                # The act's own day; never the publication day, which only says when it was reported.
                "date": date.fromordinal(occ.own_day).isoformat() if occ.own_day else None,
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
    text = spoken_text(group.text)
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


# ---------------------------------------------------------------------------------------------- claims
# A claim (a sentence naming an actor with a cue word, see cues.py) stays in the comparison only when it
# names a resolved actor (one with a CAMEO code or country) and reads as a report of an act: the cue lies
# within CUE_WINDOW words of that actor's mention ("North Korea: construction activity at Sohae") or inside
# a quote attributed to a resolved speaker. Bare cues with nothing after them ("the sequencing of his
# summits") are dropped unless they name a dyad. Claim-only facts of one root whose sentences name the same
# resolved actor and are near-identical across outlets (rapidfuzz token_set_ratio >= SAME_CLAIM) are merged
# into one fact: alignment keeps them apart when, say, their dates are more than its window apart.
CUE_WINDOW = 6
SAME_CLAIM = 88
_WORDS = re.compile(r"\S+")


def _resolved(key: str) -> bool:
    # actor_key gives CAMEO / ISO codes in upper case and normalised names in lower case
    return key.isupper()


def _word_index(text: str, offset: int) -> int:
    return sum(1 for m in _WORDS.finditer(text) if m.end() <= offset)


def _claim_qualifies(occ: Occurrence, article: Article | None, analysis: Analysis | None) -> bool:
    if article is None or analysis is None:
        return False
    if not occ.keywords and not occ.dyad:
        return False
    resolved = [k for k in occ.actors if _resolved(k)]
    if not resolved:
        return False
    cue = re.search(r"\b" + re.escape(occ.what) + r"\b", occ.sentence, re.IGNORECASE)
    if cue is None:
        return False
    where = occ.start + cue.start()
    if any(q.start <= where < q.end and q.speaker.actor_code for q in analysis.quotes):
        return True  # the cue is inside a statement attributed to a resolved speaker
    at = _word_index(occ.sentence, cue.start())
    for actor in analysis.actors:
        if actor.anonymous or not (actor.codes or actor.country):
            continue
        for m in actor.mentions:
            if occ.start <= m.start < occ.end:
                first = _word_index(occ.sentence, m.start - occ.start)
                last = _word_index(occ.sentence, max(m.end - occ.start - 1, 0))
                if min(abs(at - first), abs(at - last)) <= CUE_WINDOW:
                    return True
    return False


def tighten_claims(
    aligned: Sequence[AlignedFact], articles: Sequence[Article], analyses: Mapping[str, Analysis]
) -> list[AlignedFact]:
    """The aligned facts with unqualified claims removed and near-identical claim-only facts merged (see
    above); facts left with no occurrence are dropped, changed ones re-summarised. Coded events are kept."""
    by_id = {a.id: a for a in articles}
    kept: list[list[Occurrence]] = []
    for fact in aligned:
        group = []
        for occ in fact.occurrences:
            if occ.match != "claim":
                group.append(occ)
            elif _claim_qualifies(occ, by_id.get(occ.article_id), analyses.get(occ.article_id)):
                group.append(occ)
        if group:
            kept.append(group)
    merged: list[list[Occurrence]] = []
    for group in kept:
        target = next((m for m in merged if _same_claim(m, group)), None)
        if target is None:
            merged.append(group)
        else:
            target.extend(group)
    out: list[AlignedFact] = []
    for group in merged:
        before = _original(group, aligned)
        if before is not None and before.occurrences == group:
            out.append(before)  # untouched: keep its summary as alignment wrote it
        else:
            out.append(summarise_group(group, Counter(w for o in group for w in o.keywords)))
    out.sort(key=lambda f: (-len(f.outlets), -len(f.occurrences), f.summary))
    return out


def _same_claim(a: list[Occurrence], b: list[Occurrence]) -> bool:
    if any(o.match == "event" for o in (*a, *b)) or a[0].root != b[0].root:
        return False
    # The same resolved actor too: "Russia demanded ..." and "China demanded ..." differ by one word only.
    return any(
        x.outlet != y.outlet
        and any(_resolved(k) for k in x.actors & y.actors)
        and fuzz.token_set_ratio(x.sentence, y.sentence) >= SAME_CLAIM
        for x in a
        for y in b
    )


def _original(group: list[Occurrence], aligned: Sequence[AlignedFact]) -> AlignedFact | None:
    return next((f for f in aligned if f.occurrences and f.occurrences[0] is group[0]), None)
