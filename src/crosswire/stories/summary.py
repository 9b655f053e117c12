"""The situation summary: who the main actors are, what each demands, rejects or agrees to, and which
options and scenarios the coverage discusses; every item cites its sentences.

- positions are the stories' facts (the merged events, briefing.py) of the demand (10), appeal (02),
  offer (03), reject (12) and threat (13) families whose source is a main actor, each with what is
  demanded, offered, rejected or threatened as its reports state it (positions.py); those of events the
  precision gate doubts (briefing.is_doubted) are `doubted_positions`, shown apart as less certain with
  their confidence, never as positions (all with `all_events`);
- options and scenarios are sentences that discuss them: enumerations "(1) ... (2) ..."; "options",
  "scenario", "alternative(s)" in a sentence that names a main actor; "could"/"might"/"may" + a verb of
  action whose subject is a main actor's mention (at most three words before the modal, outside
  quotation marks: "a place that could take us back" in a leader's quote is no scenario of the story).
A citation is {article_id, outlet, start, end, sentence}.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from crosswire.model import Analysis, Article, Fact
from crosswire.stories.align import actor_key
from crosswire.stories.briefing import shown_and_doubted
from crosswire.stories.positions import Position, position_of
from crosswire.stories.sentences import SentenceIndex

MAIN_ACTORS = 5
# What a summary section with nothing in it says: an empty section would read as "none" to an analyst
# (no demands) where the coder may have found some it doubts.
NONE_FOUND = "None found."
NONE_SURE = "None the coder is sure of: see the less certain ones below."
DOUBTED_POSITIONS_NOTE = "not taken as positions: the coder's confidence is under {threshold:.2f}"
MAX_POSITIONS = 6
MAX_OPTIONS = 12
_OPTION = re.compile(r"\b(options?|scenarios?|alternatives?)\b", re.I)
_ENUMERATION = re.compile(r"\(\s*(?:1|a|i)\s*\)[^()]{3,}\(\s*(?:2|b|ii)\s*\)")
_MODAL = re.compile(
    r"\b(?:could|might|may)\s+(?:\w+\s+){0,2}(?:go|turn|seek|use|try|lead|become|undermine|fall|"
    r"choose|return|resume|launch|pursue|ask|raise|take|push)\b",
    re.I,
)


@dataclass
class Summary:
    main_actors: list[dict[str, Any]] = field(default_factory=list)  # {key, name, articles, mentions}
    positions: list[Position] = field(default_factory=list)
    # the positions read off doubted events (briefing.is_doubted): never among `positions`, shown apart
    # as less certain with their confidence; empty with `all_events` (they are in `positions` then)
    doubted_positions: list[Position] = field(default_factory=list)
    options: list[dict[str, Any]] = field(default_factory=list)  # {kind, sentence, citations}


def _cite(article: Article, start: int, end: int, text: str) -> dict[str, Any]:
    return {"article_id": article.id, "outlet": article.outlet, "start": start, "end": end, "sentence": text}


def main_actors(articles: Sequence[Article], analyses: Mapping[str, Analysis]) -> list[dict[str, Any]]:
    spread: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    names: dict[str, Counter[str]] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        keys = set()
        for actor in analysis.actors if analysis else []:
            if actor.anonymous:
                continue
            key = actor_key(actor.codes[0] if actor.codes else None, actor.name, actor.country)
            if not key:
                continue
            keys.add(key)
            mentions[key] += len(actor.mentions)
            names.setdefault(key, Counter())[actor.name] += len(actor.mentions) or 1
        spread.update(keys)
    ranked = sorted(spread, key=lambda k: (-spread[k], -mentions[k], k))[:MAIN_ACTORS]
    return [
        {"key": k, "name": names[k].most_common(1)[0][0], "articles": spread[k], "mentions": mentions[k]}
        for k in ranked
    ]


def situation_summary(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    facts: Sequence[Fact] = (),
    all_events: bool = False,
) -> Summary:
    """The situation summary of `articles` (a story's, or a whole corpus's) and their stories' `facts`
    (a position read off a doubted event is never among `positions` but in `doubted_positions`, the
    "less certain" sub-list, unless `all_events`)."""
    summary = Summary(main_actors=main_actors(articles, analyses))
    main = {a["key"] for a in summary.main_actors}
    shown, doubted = shown_and_doubted(facts, all_events)
    summary.positions = _main_positions(shown, main)
    said = {p.what for p in summary.positions}
    summary.doubted_positions = [p for p in _main_positions(doubted, main) if p.what not in said]
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        named = _main_mentions(analysis, main)
        index = SentenceIndex(article.text)
        for s, e in index.spans:
            text = article.text[s:e]
            kind = _option_kind(text, [(a - s, b - s) for a, b in named if s <= a and b <= e])
            if kind and len(summary.options) < MAX_OPTIONS * 4:
                summary.options.append(
                    {"kind": kind, "sentence": text, "citations": [_cite(article, s, e, text)]}
                )
    order = {"enumeration": 0, "option": 1, "scenario": 2}
    summary.options = sorted(summary.options, key=lambda o: order.get(o["kind"], 3))[:MAX_OPTIONS]
    return summary


def _main_positions(facts: Sequence[Fact], main: set[str]) -> list[Position]:
    """The positions `facts` state whose source is one of the `main` actors (keys), best supported
    first, at most MAX_POSITIONS per actor."""
    found: dict[str, Position] = {}
    for fact in facts:
        pos = position_of(fact)
        side = fact.source or {}
        if pos is None or actor_key(side.get("code"), side.get("name")) not in main:
            continue
        found.setdefault(pos.event_id or pos.what, pos)
    ranked = sorted(found.values(), key=lambda p: (p.content is None, -len(p.citations), p.actor, p.what))
    per_actor: Counter[str] = Counter()
    out: list[Position] = []
    for pos in ranked:
        if any(p.what == pos.what for p in out):
            continue  # one act coded once per target ("aid to Honduras, El Salvador and Guatemala") reads once
        if per_actor[pos.actor] < MAX_POSITIONS:
            out.append(pos)
            per_actor[pos.actor] += 1
    return out


def _main_mentions(analysis: Analysis, main: set[str]) -> list[tuple[int, int]]:
    """Offsets of every mention (names, titles, pronouns the article resolved) of a main actor."""
    spans: list[tuple[int, int]] = []
    for actor in analysis.actors:
        key = actor_key(actor.codes[0] if actor.codes else None, actor.name, actor.country)
        if key in main and not actor.anonymous:
            spans.extend((m.start, m.end) for m in actor.mentions)
    return sorted(spans)


_QUOTE_MARKS = '"“”'
_ADVERBS = frozenset(
    "also still then now soon eventually itself themselves alone too instead again even".split()
)


def _subject_of(sentence: str, modal_start: int, mentions: Sequence[tuple[int, int]]) -> bool:
    """A main actor's mention stands right before the modal, or with only adverbs between ("Seoul also
    could", "Kim eventually may"), and the modal is not inside a quotation."""
    if sum(sentence[:modal_start].count(q) for q in _QUOTE_MARKS) % 2:
        return False
    for _, end in mentions:
        if end > modal_start:
            continue
        between = sentence[end:modal_start].split()
        if len(between) <= 2 and all(w.lower() in _ADVERBS or w.lower().endswith("ly") for w in between):
            return True
    return False


def _option_kind(sentence: str, mentions: Sequence[tuple[int, int]] = ()) -> str | None:
    """`mentions`: offsets in `sentence` of the main actors' mentions."""
    if _ENUMERATION.search(sentence):
        return "enumeration"
    if not mentions:
        return None
    if _OPTION.search(sentence):
        return "option"
    if any(_subject_of(sentence, m.start(), mentions) for m in _MODAL.finditer(sentence)):
        return "scenario"
    return None
