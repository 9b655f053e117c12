"""Positions: what each actor demands, asks for, offers, rejects or threatens, with its content.

A position is a merged event (a story fact, briefing.py) of the demand (10), appeal (02), intent to
cooperate (03), reject (12) or threaten (13) family. Its content (*what* is demanded, offered, ...) is read
from a report's sentence: the words after the act's cue ("demand for", "asked for", "offered to",
"rejected", "threatened to") up to the end of the clause, so "Kim's demand for a security guarantee for the
North Korean regime, predicated on ..." gives "a security guarantee for the North Korean regime". When no
report states the content in that shape, the line is the fact's plain sentence ("North Korea rejected
South Korea's proposal"), never a bare code name. Each position cites every sentence of its fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from crosswire.model import FACT_STATUSES, Fact

POSITION_ROOTS = {"02": "asks", "10": "demands", "03": "offers", "12": "rejects", "13": "threatens"}
MAX_CONTENT_WORDS = 16

_CUES = {
    "10": r"demand(?:s|ed|ing)?(?:\s+for)?|call(?:s|ed|ing)?\s+for|ask(?:s|ed|ing)?\s+for|insist(?:s|ed|ing)?\s+on|"
    r"press(?:es|ed|ing)?\s+for|requests?(?:ed)?(?:\s+for)?",
    "02": r"ask(?:s|ed|ing)?\s+for|call(?:s|ed|ing)?\s+for|appeal(?:s|ed|ing)?\s+for|request(?:s|ed|ing)?|"
    r"demand(?:s|ed|ing)?(?:\s+for)?|urg(?:es|ed|ing)\s+\w+\s+to",
    "03": r"offer(?:s|ed|ing)?(?:\s+to)?|propos(?:es|ed|ing|al)(?:\s+to|\s+for)?|pledg(?:es|ed|ing)(?:\s+to)?|"
    r"promis(?:es|ed|ing)(?:\s+to)?|vow(?:s|ed)?(?:\s+to)?",
    "12": r"reject(?:s|ed|ing|ion of)?|refus(?:es|ed|ing|al)(?:\s+to)?|turn(?:s|ed)?\s+down|rebuff(?:s|ed)?|"
    r"dismiss(?:es|ed)?",
    "13": r"threaten(?:s|ed|ing)?\s+to",
}
_VERBS = {
    "10": "demanded",
    "02": "asked for",
    "03": "offered",
    "12": "rejected",
    "13": "threatened",
}
# The same verbs after "is expected to", for a position an outlet reports as coming ("poised to demand ...").
_BASE_VERBS = {"10": "demand", "02": "ask for", "03": "offer", "12": "reject", "13": "threaten"}
# The content ends where the clause does: punctuation, a relative or contrasting clause, a quote.
_END = re.compile(
    r"[,;:.!?\"\u201c\u201d()\u2014\u2013]|\s(?:but|which|while|whereas|who|because|as|after|before|when|if|saying|said)\s"
)
_HEDGE = re.compile(r"\b(?:if|whether|unless|will|would|could|may|might|how)\b[^,;.]*$", re.I)
# Content that only points elsewhere ("this issue", "it") tells the analyst nothing.
_VAGUE = re.compile(r"(?:this|that|these|those|it|them|him|her|such)\b", re.I)
_TRAILING = re.compile(r"\s+(?:and|or|of|for|to|the|a|an|in|on|with|by|from)$", re.I)


@dataclass
class Position:
    actor: str
    stance: str  # demands, asks, offers, rejects, threatens, says
    what: str  # the full line an analyst reads
    citations: list[dict[str, Any]] = field(default_factory=list)
    content: str | None = None  # what is demanded / offered ..., when a report states it
    event_id: str | None = None
    status: str | None = None
    confidence: float | None = None  # the fact's merged confidence (the precision gate's, briefing.py)


def content_of(root: str, sentence: str) -> str | None:
    """The words that say what is demanded, offered, ... in `sentence`, or None. An infinitive keeps
    its "to" ("to co-host the anniversary event"), so "offered" + it reads as the outlet wrote it."""
    cue = _CUES.get(root)
    if not cue:
        return None
    for match in re.finditer(r"\b(?:" + cue + r")\s+", sentence, re.I):
        if _HEDGE.search(sentence[max(0, match.start() - 40) : match.start()]):
            continue  # "if Pyongyang demands ...", "will ask ...": not a position taken
        rest = sentence[match.end() :]
        if re.search(r"\bto\s*$", match.group(0), re.I):
            rest = "to " + rest
        end = _END.search(rest)
        words = (rest[: end.start()] if end else rest).split()[:MAX_CONTENT_WORDS]
        text = _TRAILING.sub("", " ".join(words)).strip()
        while _TRAILING.search(text):
            text = _TRAILING.sub("", text).strip()
        if len(text.split()) >= 2 and re.search(r"[a-z]", text) and not _VAGUE.match(text):
            if root in ("10", "02") and match.group(0).lower().startswith(("urg",)):
                return None
            return text
    return None


def content_line(
    code: str, actor: str, target: str | None, sentences: list[str], expected: bool = False
) -> str | None:
    """The position's line with its content ("North Korea demanded a security guarantee for its
    regime (from the United States)") from the first sentence that states it, or None; with `expected`,
    as a position reported as coming ("North Korea is expected to demand ...")."""
    root = code[:2]
    if root not in POSITION_ROOTS:
        return None
    for sentence in sentences:
        content = content_of(root, sentence)
        if content:
            # "refused to testify", not "rejected to testify": an infinitive is refused, a thing rejected
            refused = root == "12" and content.lower().startswith("to ")
            if expected:
                verb = "is expected to " + ("refuse" if refused else _BASE_VERBS[root])
            else:
                verb = "refused" if refused else _VERBS[root]
            line = f"{actor} {verb} {content}"
            if target and root != "12" and target.lower() not in content.lower():
                line += f" ({'from' if root in ('10', '02') else 'to'} {target})"
            return line[0].upper() + line[1:]
    return None


def position_of(fact: Fact) -> Position | None:
    """The position a fact states, or None when it is of no position family or has no source."""
    code = str(fact.codes.get("cameo") or "")
    root = code[:2]
    stance = POSITION_ROOTS.get(root)
    if stance is None or not fact.source or fact.kind not in ("event", "statement"):
        return None
    actor = str(fact.source.get("name"))
    citations = [
        {
            "article_id": s.get("article_id"),
            "outlet": s.get("outlet"),
            "start": s.get("start"),
            "end": s.get("end"),
            "sentence": s.get("text"),
            "reads": s.get("reads"),
        }
        for s in fact.sentences
    ]
    content = None
    if fact.status in FACT_STATUSES:
        for s in fact.sentences:
            content = content_of(root, str(s.get("text") or ""))
            if content:
                break
    # The fact's summary already carries the content when a report states it (briefing.py).
    line = fact.summary
    return Position(actor, stance, line, citations, content, fact.event_id, fact.status, fact.confidence)


def positions(facts: list[Fact], main: set[str] | None = None, per_actor: int = 6) -> list[Position]:
    """Positions of `facts` (of the `main` actors' names only, when given), best supported first."""
    found = [p for f in facts if (p := position_of(f)) is not None and (main is None or p.actor in main)]
    found.sort(key=lambda p: (p.content is None, -len(p.citations), p.actor, p.what))
    out: list[Position] = []
    taken: dict[str, int] = {}
    for pos in found:
        if taken.get(pos.actor, 0) < per_actor:
            out.append(pos)
            taken[pos.actor] = taken.get(pos.actor, 0) + 1
    return out
