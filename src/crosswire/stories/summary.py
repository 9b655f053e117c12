"""The situation summary: who the main actors are, what each demands, rejects or agrees to, and which
options and scenarios the coverage discusses; every item cites its sentences.

- positions come from coded events of the demand (10), reject (12) and cooperation (03, 05, 06) families
  whose source is a main actor, and from that actor's direct quotes;
- options and scenarios are sentences that discuss them: "options", "scenario", "alternative(s)",
  "could"/"might" with a main actor as subject, and enumerations "(1) ... (2) ..." or "first ... second".
A citation is {article_id, outlet, start, end, sentence}.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from crosswire.model import Analysis, Article
from crosswire.stories.align import actor_key
from crosswire.stories.cues import ROOT_NAMES
from crosswire.stories.sentences import SentenceIndex

MAIN_ACTORS = 5
MAX_POSITIONS = 6
MAX_OPTIONS = 12
POSITION_ROOTS = {"10": "demands", "12": "rejects", "03": "offers", "05": "agrees", "06": "cooperates"}
_OPTION = re.compile(r"\b(options?|scenarios?|alternatives?)\b", re.I)
_ENUMERATION = re.compile(r"\(\s*(?:1|a|i)\s*\)[^()]{3,}\(\s*(?:2|b|ii)\s*\)")
_MODAL = re.compile(
    r"\b(could|might|may)\s+(?:\w+\s+){0,2}(?:go|turn|seek|use|try|lead|become|undermine|fall|"
    r"choose|return|resume|launch|pursue|ask|raise|take|push)\b",
    re.I,
)


@dataclass
class Position:
    actor: str
    stance: str  # demands, rejects, offers, agrees, cooperates, says
    what: str
    citations: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Summary:
    main_actors: list[dict[str, Any]] = field(default_factory=list)  # {key, name, articles, mentions}
    positions: list[Position] = field(default_factory=list)
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


def situation_summary(articles: Sequence[Article], analyses: Mapping[str, Analysis]) -> Summary:
    """The situation summary of `articles` (a story's, or a whole corpus's)."""
    summary = Summary(main_actors=main_actors(articles, analyses))
    main = {a["key"]: a["name"] for a in summary.main_actors}
    grouped: dict[tuple[str, str, str], Position] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        index = SentenceIndex(article.text)
        for event in analysis.events:
            stance = POSITION_ROOTS.get(event.cameo[:2])
            key = actor_key(event.source.code, event.source.name)
            if stance is None or key not in main or event.negated:
                continue
            for m in event.mentions:
                if m.article_id != article.id:
                    continue
                s, e, text = index.sentence(m.start)
                target = event.target.name if event.target and event.target.name else ""
                what = f"{ROOT_NAMES.get(event.cameo[:2], event.cameo)}" + (
                    f" toward {target}" if target else ""
                )
                pos = grouped.setdefault((main[key], stance, what), Position(main[key], stance, what))
                pos.citations.append(_cite(article, s, e, text))
        for quote in analysis.quotes:
            sp = quote.speaker
            key = actor_key(sp.actor_code, sp.name)
            if sp.anonymous or key not in main or quote.kind != "direct":
                continue
            s, e, text = index.sentence(quote.start, quote.end)
            pos = Position(sp.name or main[key], "says", quote.text, [_cite(article, s, e, text)])
            grouped[(pos.actor, "says", quote.text)] = pos
        for s, e in index.spans:
            text = article.text[s:e]
            kind = _option_kind(text)
            if kind and len(summary.options) < MAX_OPTIONS * 4:
                summary.options.append(
                    {"kind": kind, "sentence": text, "citations": [_cite(article, s, e, text)]}
                )
    ranked = sorted(grouped.values(), key=lambda p: (p.stance == "says", -len(p.citations), p.actor, p.what))
    per_actor: Counter[str] = Counter()
    for pos in ranked:
        if per_actor[pos.actor] < MAX_POSITIONS:
            summary.positions.append(pos)
            per_actor[pos.actor] += 1
    order = {"enumeration": 0, "option": 1, "scenario": 2}
    summary.options = sorted(summary.options, key=lambda o: order.get(o["kind"], 3))[:MAX_OPTIONS]
    return summary


def _option_kind(sentence: str) -> str | None:
    if _ENUMERATION.search(sentence):
        return "enumeration"
    if _OPTION.search(sentence):
        return "option"
    if _MODAL.search(sentence):
        return "scenario"
    return None
