"""Sentence-level event cues: what alignment uses when the event coder found nothing in a sentence.

The event coder (events/) is precise and parse-based; it misses events that coverage states in passing
("construction activity at the Sohae launch facility", "Pyongyang has raised military issues"). For
cross-outlet comparison a miss matters twice: the fact looks single-source, or an outlet looks as if it
omitted it. So a sentence that names an actor and holds one of these cue words becomes a *claim*: a
weaker occurrence keyed by the CAMEO root of the cue, the actors named in the sentence, and the content
words after the cue. Claims are marked as such in every output (`match: "claim"`).

The cue words are ordinary English news vocabulary grouped by CAMEO root (facts about CAMEO, not about
any article).
"""

from __future__ import annotations

import re

CUES: dict[str, tuple[str, ...]] = {
    "03": (
        "pledge",
        "pledged",
        "promise",
        "promised",
        "offer",
        "offered",
        "proposal",
        "proposed",
        "proposing",
    ),
    "04": (
        "summit",
        "summits",
        "meeting",
        "meetings",
        "met",
        "meet",
        "talks",
        "visit",
        "visited",
        "visiting",
        "negotiation",
        "negotiations",
        "hosted",
        "consultations",
    ),
    "05": ("agreement", "agreed", "accord", "endorsed", "praised"),
    "06": ("cooperation", "aid", "assistance"),
    "10": (
        "demand",
        "demands",
        "demanded",
        "demanding",
        "urged",
        "urge",
        "urges",
        "asking",
        "seek",
        "seeks",
        "sought",
        "insisted",
    ),
    "11": ("criticized", "criticised", "blasted", "condemned", "denounced", "accused", "slammed"),
    "12": ("reject", "rejected", "rejects", "refused", "refuse", "refusal", "rejection", "dismissed"),
    "13": ("threatened", "threat", "threats", "warned", "warning", "ultimatum"),
    "15": (
        "construction",
        "drill",
        "drills",
        "exercise",
        "exercises",
        "deployment",
        "deployed",
        "launch",
        "launches",
        "mobilized",
        "mobilised",
    ),
    # "sanctions" alone is mostly the standing regime ("sanctions relief"), not an act: only verbs here.
    "16": ("sanctioned", "suspended", "withdrew", "withdrawing", "expelled"),
    "17": ("purge", "purges", "purging", "purged", "arrested", "seized", "detained"),
    "18": ("attack", "attacked", "raid", "assault", "bombing"),
    "19": ("fighting", "shelling", "clashes", "airstrike", "airstrikes"),
}
CUE_ROOT = {word: root for root, words in CUES.items() for word in words}

ROOT_NAMES = {
    "01": "make public statement",
    "02": "appeal",
    "03": "express intent to cooperate",
    "04": "consult",
    "05": "engage in diplomatic cooperation",
    "06": "engage in material cooperation",
    "07": "provide aid",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "reject",
    "13": "threaten",
    "14": "protest",
    "15": "exhibit force posture",
    "16": "reduce relations",
    "17": "coerce",
    "18": "assault",
    "19": "fight",
    "20": "use unconventional mass violence",
}

# Words that carry no content for matching two claims: function words and reporting verbs.
STOP = frozenset(
    "a an the of for to in on at by with from and or but as is are was were be been being it its this that these "
    "those he she they we you i his her their our your them him us has have had do does did will would could "
    "should may might can must not no so than then there here which who whom whose what when where why how "
    "also about into over under after before since during more most such any some all other said says say "
    "told according while because if however even just only very first new one two three".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
OBJECT_WINDOW = 10  # content words after the cue that say what the event is about


def stem(word: str) -> str:
    """A crude stem so "guarantees" meets "guarantee" and "sanctions" meets "sanction"."""
    word = word.lower().strip("'-")
    for suffix in ("ies", "es", "s", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """Stems of the content words of `text`, in order, without stop words and `skip` (stems)."""
    out = []
    for w in _WORD.findall(text):
        s = stem(w)
        if w.lower() not in STOP and s not in skip and len(s) > 2:
            out.append(s)
    return out


# Sentences that are page furniture or questions say nothing happened: no claim is read from them.
_BOILERPLATE = re.compile(
    r"\b(?:sign up|subscribe|newsletter|click here|read more|all rights reserved|copyright|follow us"
    r"|contributed (?:to )?this report|editor'?s note|terms of (?:use|service)|privacy policy|advertisement)\b",
    re.IGNORECASE,
)
_CLOSERS = " \t\"'\u201d\u2019)]"


def is_question(sentence: str) -> bool:
    """A sentence that asks ("What comes next?") rather than reports."""
    return sentence.rstrip(_CLOSERS).endswith("?")


def is_boilerplate(sentence: str) -> bool:
    return bool(_BOILERPLATE.search(sentence))


def find_cues(sentence: str) -> list[tuple[str, str, int]]:
    """(root, cue word, offset in `sentence`) for each cue word, in order; none in a question or in page
    furniture (newsletter prompts, copyright lines, "contributed to this report")."""
    if is_question(sentence) or is_boilerplate(sentence):
        return []
    return [
        (CUE_ROOT[m.group(0).lower()], m.group(0), m.start())
        for m in _WORD.finditer(sentence)
        if m.group(0).lower() in CUE_ROOT
    ]
