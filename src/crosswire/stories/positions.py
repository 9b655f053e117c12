"""Positions: what each actor demands, asks for, offers, rejects or threatens, with its content.

A position is a merged event (a story fact, briefing.py) of the demand (10), appeal (02), intent to
cooperate (03), reject (12) or threaten (13) family. Its content (*what* is demanded, offered, ...) is read
from a report's sentence: the words after the act's cue ("demand for", "asked for", "offered to",
"rejected", "threatened to") up to the end of the clause, so "Kim's demand for a security guarantee for the
North Korean regime, predicated on ..." gives "a security guarantee for the North Korean regime". The
content must be the actor's own act: in "an official said the North Korean side had demanded ...", the
demand is not the official's. A fact whose reports state no content ("North Korea appealed") is no
position: a line that does not say what is asked, offered or refused tells an analyst nothing. Each
position cites every sentence of its fact.
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
    # "threatened to strike"; "threatened South Korea with new sanctions" (the one threatened, then with what)
    "13": r"threaten(?:s|ed|ing)?\s+to|threaten(?:s|ed|ing)?(?=\s+[^,.;:]{1,40}?\swith\s)",
}
# How the line names the side a position is aimed at: "demanded X (from Y)", "threatened X (against Y)".
_TOWARDS = {"10": "from", "02": "from", "13": "against"}
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
_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*"
_NAME_LIST = re.compile(rf",(?:\s+{_NAME},)*\s+(?:{_NAME}\s+)?(?:and|or)\s+{_NAME}")
# (also "must"/"should": "Trump must demand and secure ..." is what someone says he ought to do)
_HEDGE = re.compile(
    r"\b(?:if|whether|unless|will|would|could|may|might|how|must|should|ought)\b[^,;.]*$", re.I
)
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


# A verb of reporting before the cue: what follows it is someone's report, whose subject may be another.
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|added|adds|stated|states|reported|reports|quoted|saying|according to)\b", re.I
)
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:that\s+)?(?:it|he|she|they|we|i)\b", re.I)
_NAME_WORD = re.compile(r"[A-Za-z]{3,}")
_PRONOUN = re.compile(r"\b(?:it|he|she|they|we)\b", re.I)
_FUNCTION_WORDS = frozenset(
    "while and but then also when after before again had has have was were would could should that this "
    "the with for from later earlier previously repeatedly once since today yesterday monday tuesday "
    "wednesday thursday friday saturday sunday week month year last next".split()
)


def _anothers_act(sentence: str, cue_start: int, actor: str) -> bool:
    """Whether the cue at `cue_start` is the act of someone other than `actor`: a report's clause with a
    subject of its own ("A U.S. official, who ..., said the North Korean side had again demanded ...": the
    demand is the North's, not the official's). A pronoun ("said it demanded") or the actor's own name
    after the verb of reporting keeps the act the actor's."""
    reports = list(_REPORTING.finditer(sentence, 0, cue_start))
    if not reports:
        return False
    clause = sentence[reports[-1].end() : cue_start]
    if "," in clause or _PRONOUN_SUBJECT.match(clause) or _PRONOUN.search(clause):
        # "Since Kim said ..., Pyongyang has raised ..., poising to demand": the report ended at the comma;
        # "said on Tuesday that it demanded": the actor goes on
        return False
    words = {w.lower() for w in _NAME_WORD.findall(clause)} - _FUNCTION_WORDS
    if not words:
        return False  # '"...," Putin said, while proposing six-way talks': no subject of its own
    names = {w.lower() for w in _NAME_WORD.findall(actor)} - {"the", "and"}
    return not names & words


def content_of(root: str, sentence: str, actor: str | None = None) -> str | None:
    """The words that say what is demanded, offered, ... in `sentence`, or None. An infinitive keeps
    its "to" ("to co-host the anniversary event"), so "offered" + it reads as the outlet wrote it. With
    `actor`, a cue that is another's act in a report (`_anothers_act`) states no content of the actor's."""
    cue = _CUES.get(root)
    if not cue:
        return None
    for match in re.finditer(r"\b(?:" + cue + r")\s+", sentence, re.I):
        if _HEDGE.search(sentence[max(0, match.start() - 40) : match.start()]):
            continue  # "if Pyongyang demands ...", "will ask ...": not a position taken
        if actor and _anothers_act(sentence, match.start(), actor):
            continue
        rest = sentence[match.end() :]
        if re.search(r"\bto\s*$", match.group(0), re.I):
            rest = "to " + rest
        end = _END.search(rest)
        stop = end.start() if end else len(rest)
        listed = _NAME_LIST.match(rest, stop) if end and re.search(r"[A-Z][\w.-]*$", rest[:stop]) else None
        if listed:
            stop = listed.end()  # "to cut off aid to Honduras, El Salvador and Guatemala": a list of names
        words = rest[:stop].split()[:MAX_CONTENT_WORDS]
        text = _TRAILING.sub("", " ".join(words)).strip()
        while _TRAILING.search(text):
            text = _TRAILING.sub("", text).strip()
        if re.match(r"(?:and|or|but|nor)\b", text, re.I):
            continue  # "demand and secure a real ...": the cue is one of two verbs, its object elsewhere
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
        content = content_of(root, sentence, actor)
        if content:
            # "refused to testify", not "rejected to testify": an infinitive is refused, a thing rejected
            refused = root == "12" and content.lower().startswith("to ")
            if expected:
                verb = "is expected to " + ("refuse" if refused else _BASE_VERBS[root])
            else:
                verb = "refused" if refused else _VERBS[root]
            line = f"{actor} {verb} {content}"
            if target and root != "12" and target.lower() not in content.lower():
                line += f" ({_TOWARDS.get(root, 'to')} {target})"
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
    if fact.status in FACT_STATUSES or fact.status == "planned":
        for s in fact.sentences:
            content = content_of(root, str(s.get("text") or ""), actor)
            if content:
                break
    if content is None:
        # "North Korea appealed", "Sweden rejected proposals": a position that does not say what is asked,
        # offered or refused tells an analyst nothing and is often a misreading; it is not a position
        return None
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
        if any(p.what == pos.what for p in out):
            continue  # the same line from one act coded once per target
        if taken.get(pos.actor, 0) < per_actor:
            out.append(pos)
            taken[pos.actor] = taken.get(pos.actor, 0) + 1
    return out
