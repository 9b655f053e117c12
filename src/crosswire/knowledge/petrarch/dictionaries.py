"""Readers for PETRARCH-format dictionaries: actors, agents, verbs (with synsets and patterns), discards.

The data structures here are public: the built-in lexicon and the article-level coder build on them.

Format notes (all files): `#` starts a comment; `<!-- ... -->` blocks (possibly over several lines) are
comments; words are matched in upper case; `_` and spaces both separate the words of a phrase.

Actors::

    NORTH_KOREA  [PRK]          phrase and code
    +PYONGYANG                  synonym of the entry above
    GOLLUM                      codes may follow on indented lines, restricted by date:
        [HOB < 950601]          before 1995-06-01 (YYMMDD or YYYYMMDD)
        [HOBGOV 19950601 - 19990815]   inclusive interval
        [HOBREB > 990816]       after; an undated code is the default. The first restriction that
                                holds for the sentence's date wins, then the default.
    THE_SHIRE  [FRO/BIL/SAM]    one phrase standing for several actors

Agents::

    !PERSON! = MAN, MEN         substitution set used as CONGRESS!PERSON!
    POLICE {} [~COP]            `~X` suffixes the actor code, `X~` prefixes it; `{}` lists plurals
                                (empty: none), otherwise a regular plural is generated

Verbs::

    &CURRENCY                   synset, members on `+` lines (members may name other synsets)
    --- BREAK [1717] ---        block: first line is the main verb, later lines synonyms
    BREAK { BROKE BROKEN }      irregular forms; regular -S/-ED/-ING forms are generated too
    +BREAK_DOWN {...}           multi-word verb: `+` marks the inflected word
    DOWNPLAY [014]              synonym with its own default code
    - SAID WOULD * NOW [1010]   pattern: words before `*` precede the verb, words after follow it;
                                `_` joins neighbours (no words between), a space allows a gap;
                                `$` source, `+` target, `^` skip one noun phrase, `%` compound actor,
                                `&SET` any synset member, `[a:b]` a paired event, `[---]` no event.

Discards: a line is a phrase whose presence drops the sentence; a `+` line drops the whole story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .text import NULL_CODE, DictionaryError, _where, iter_lines, phrase_words, strip_comment
from .verbs import (
    Pattern,
    PatternItem,
    VerbBlock,
    VerbDictionary,
    VerbForm,
    parse_pattern,
    read_verbs,
    regular_forms,
)

__all__ = [
    "NULL_CODE",
    "DictionaryError",
    "iter_lines",
    "phrase_words",
    "strip_comment",
    "Pattern",
    "PatternItem",
    "VerbBlock",
    "VerbDictionary",
    "VerbForm",
    "parse_pattern",
    "read_verbs",
    "regular_forms",
]

# --------------------------------------------------------------------------- actors


@dataclass(frozen=True)
class DatedCode:
    """An actor code valid from `first` to `last` inclusive (None: unbounded)."""

    code: str
    first: date | None = None
    last: date | None = None

    @property
    def restricted(self) -> bool:
        return self.first is not None or self.last is not None

    def holds_on(self, day: date) -> bool:
        return (self.first is None or day >= self.first) and (self.last is None or day <= self.last)


@dataclass
class ActorEntry:
    phrases: list[tuple[str, ...]]
    codes: list[DatedCode] = field(default_factory=list)

    def codes_on(self, day: date | None) -> list[str]:
        """The code(s) for a sentence dated `day`: first matching restriction, else the default.

        A code like FRO/BIL/SAM stands for several actors and yields several codes; `---` yields none.
        """
        chosen: str | None = None
        if day is not None:
            for dated in self.codes:
                if dated.restricted and dated.holds_on(day):
                    chosen = dated.code
                    break
        if chosen is None:
            defaults = [d.code for d in self.codes if not d.restricted]
            chosen = defaults[0] if defaults else None
        if chosen is None or chosen == NULL_CODE:
            return []
        return [c for c in chosen.split("/") if c]


def parse_yymmdd(text: str, where: str) -> date:
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise DictionaryError(f"{where}: date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        # Two-digit years: the dictionaries date from the 1990s onwards, so 00-29 are 2000s.
        year = 2000 + yy if yy < 30 else 1900 + yy
        text = f"{year}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise DictionaryError(f"{where}: {text!r} is not a calendar date") from None


_DATED = re.compile(r"^\s*(\S+)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*$")


def parse_actor_code(body: str, where: str) -> DatedCode:
    """The inside of `[...]`: `CODE`, `CODE <YYMMDD`, `CODE >YYMMDD` or `CODE YYMMDD-YYMMDD`."""
    m = _DATED.match(body)
    if not m or not re.fullmatch(r"[A-Za-z0-9/+\-#~]+", m.group(1)):
        raise DictionaryError(f"{where}: cannot read actor code [{body}]")
    code = m.group(1).upper()
    if m.group(2) == "<":
        return DatedCode(code, None, parse_yymmdd(m.group(3), where) - timedelta(days=1))
    if m.group(2) == ">":
        return DatedCode(code, parse_yymmdd(m.group(3), where) + timedelta(days=1), None)
    if m.group(4):
        return DatedCode(code, parse_yymmdd(m.group(4), where), parse_yymmdd(m.group(5), where))
    return DatedCode(code)


class PhraseIndex:
    """Phrases indexed by first word; `match(words, i)` gives the longest phrase starting at i."""

    def __init__(self) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}

    def add(self, phrase: tuple[str, ...], value: object) -> None:
        if not phrase:
            return
        bucket = self.by_first.setdefault(phrase[0], [])
        bucket.append((phrase, value))
        bucket.sort(key=lambda pv: -len(pv[0]))

    def match(self, words: list[str] | tuple[str, ...], i: int) -> tuple[int, object] | None:
        for phrase, value in self.by_first.get(words[i], ()):
            n = len(phrase)
            if tuple(words[i : i + n]) == phrase:
                return n, value
        return None

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


def read_actors(text: str, path: str = "<actors>", warnings: list[str] | None = None) -> list[ActorEntry]:
    """Actor entries; a malformed code raises, unless `warnings` is given: then it is noted there and
    skipped (the production Phoenix dictionaries carry a few typos such as a 7-digit date)."""
    entries: list[ActorEntry] = []
    current: ActorEntry | None = None
    for lineno, line in iter_lines(text):
        if not line.strip():
            continue
        where = _where(path, lineno)
        stripped = line.strip()
        codes = []
        for body in re.findall(r"\[([^\]]*)\]", stripped):
            try:
                codes.append(parse_actor_code(body, where))
            except DictionaryError as exc:
                if warnings is None:
                    raise
                warnings.append(f"{exc}; ignored")
        head = re.sub(r"\[[^\]]*\]", " ", stripped).strip()
        if stripped.startswith("["):
            if current is None:
                raise DictionaryError(f"{where}: code line before any actor phrase")
            current.codes.extend(codes)
        elif stripped.startswith("+"):
            if current is None:
                raise DictionaryError(f"{where}: synonym line before any actor phrase")
            current.phrases.append(phrase_words(head[1:]))
            current.codes.extend(codes)
        else:
            current = ActorEntry([phrase_words(head)], codes)
            entries.append(current)
    return entries


# --------------------------------------------------------------------------- agents


@dataclass(frozen=True)
class AgentEntry:
    phrase: tuple[str, ...]
    code: str
    prefix: bool  # NGO~ puts the code before the actor's, ~GOV after it


def plural_of(word: str) -> str:
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    if word.endswith("Y") and len(word) > 1 and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


def read_agents(text: str, path: str = "<agents>", warnings: list[str] | None = None) -> list[AgentEntry]:
    """Agent entries; a malformed line raises, unless `warnings` is given (then it is noted and skipped)."""
    substitutions: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for lineno, line in iter_lines(text):
        if not line.strip():
            continue
        m = re.match(r"^\s*(![A-Za-z0-9]+!)\s*=\s*(.+)$", line)
        if m:
            substitutions[m.group(1).upper()] = [
                w.strip().upper() for w in m.group(2).split(",") if w.strip()
            ]
            continue
        try:
            entries.extend(_agent_line(line, _where(path, lineno), substitutions))
        except DictionaryError as exc:
            if warnings is None:
                raise
            warnings.append(f"{exc}; ignored")
    return entries


def _agent_line(line: str, where: str, substitutions: dict[str, list[str]]) -> list[AgentEntry]:
    code_match = re.search(r"\[([^\]]*)\]", line)
    if not code_match:
        raise DictionaryError(f"{where}: agent line has no [code]")
    body = code_match.group(1).replace(" ", "").upper()
    if "~" not in body:
        raise DictionaryError(f"{where}: agent code [{body}] needs a ~ (~CODE or CODE~)")
    prefix = not body.startswith("~")
    code = body.replace("~", "")
    head = line[: code_match.start()]
    plurals_match = re.search(r"\{([^}]*)\}", head)
    variants = [re.sub(r"\{[^}]*\}", " ", head).strip().upper()]
    for name, values in substitutions.items():
        if any(name in v for v in variants):
            variants = [v.replace(name, value) for v in variants for value in values]
    forms: list[tuple[str, ...]] = []
    for variant in variants:
        words = phrase_words(variant)
        if not words:
            raise DictionaryError(f"{where}: agent line has no phrase")
        forms.append(words)
        if plurals_match is None:
            forms.append(words[:-1] + (plural_of(words[-1]),))
    if plurals_match is not None:
        forms.extend(phrase_words(p) for p in plurals_match.group(1).split() if p.strip())
    unique = list(dict.fromkeys(w for w in forms if w))
    return [AgentEntry(words, code, prefix) for words in unique]


# --------------------------------------------------------------------------- discards


@dataclass
class Discards:
    sentence: list[tuple[str, ...]] = field(default_factory=list)
    story: list[tuple[str, ...]] = field(default_factory=list)


def read_discards(text: str, path: str = "<discards>") -> Discards:
    out = Discards()
    for _lineno, line in iter_lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("+"):
            out.story.append(phrase_words(stripped[1:]))
        else:
            out.sentence.append(phrase_words(stripped))
    return out


# --------------------------------------------------------------------------- all together


@dataclass
class Dictionaries:
    actors: list[ActorEntry]
    agents: list[AgentEntry]
    verbs: VerbDictionary
    discards: Discards
    actor_index: PhraseIndex = field(default_factory=PhraseIndex)
    agent_index: PhraseIndex = field(default_factory=PhraseIndex)
    warnings: list[str] = field(default_factory=list)  # problems skipped while loading

    def __post_init__(self) -> None:
        for entry in self.actors:
            for phrase in entry.phrases:
                if not _has_exact(self.actor_index, phrase):
                    self.actor_index.add(phrase, entry)
        for agent in self.agents:
            if not _has_exact(self.agent_index, agent.phrase):
                self.agent_index.add(agent.phrase, agent)


def _has_exact(index: PhraseIndex, phrase: tuple[str, ...]) -> bool:
    # The first entry for a phrase wins, as in PETRARCH; later duplicates are ignored.
    return any(p == phrase for p, _ in index.by_first.get(phrase[0], ())) if phrase else True


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return path.read_text(encoding="latin-1")


def load_dictionaries(directory: str | Path) -> Dictionaries:
    """Read every dictionary in a folder, choosing each file's kind by its name.

    `*actors*` files are actors, `*agents*` agents, `*verbs*` (or a CAMEO*.txt verb file) verbs and
    `*discards*` discards; other files (issues, licences) are ignored.
    """
    folder = Path(directory)
    if not folder.is_dir():
        raise DictionaryError(f"{folder}: not a folder of PETRARCH dictionaries")
    actors: list[ActorEntry] = []
    agents: list[AgentEntry] = []
    verbs: VerbDictionary | None = None
    warnings: list[str] = []
    discards = Discards()
    for path in sorted(folder.iterdir()):
        name = path.name.lower()
        if not path.is_file() or not name.endswith(".txt"):
            continue
        if "actors" in name:
            actors.extend(read_actors(_read(path), str(path), warnings))
        elif "agents" in name:
            agents.extend(read_agents(_read(path), str(path), warnings))
        elif "verbs" in name or name.startswith("cameo"):
            if verbs is not None:
                raise DictionaryError(f"{path}: a second verb dictionary in {folder}")
            verbs = read_verbs(_read(path), str(path))
        elif "discard" in name:
            found = read_discards(_read(path), str(path))
            discards.sentence.extend(found.sentence)
            discards.story.extend(found.story)
    if verbs is None:
        raise DictionaryError(f"{folder}: no verb dictionary (*verbs*.txt) found")
    dicts = Dictionaries(actors, agents, verbs, discards)
    dicts.warnings = warnings + verbs.warnings
    return dicts
