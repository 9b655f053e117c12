"""The knowledge base of named events (`data/kb/named_events.toml`): summits, declarations, agreements,
tests and wars with their dates, places, parties, aliases and head nouns. `nlp/named_events.py` finds
their mentions in a parsed article."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

from crosswire.knowledge.alternation import first_letter_alternation


@dataclass(frozen=True)
class NamedEvent:
    """One entry of the knowledge base of named events."""

    name: str
    date: str  # ISO date of the start
    end: str | None = None  # ISO date of the end, for events lasting several days
    kind: str = "event"
    place: str | None = None
    parties: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    ordinal: int | None = None

    @property
    def precision(self) -> str:
        return "range" if self.end and self.end != self.date else "day"

    def years(self) -> set[int]:
        first = int(self.date[:4])
        return set(range(first, int((self.end or self.date)[:4]) + 1))


@dataclass
class NamedEventBase:
    events: list[NamedEvent] = field(default_factory=list)
    alias_pattern: re.Pattern[str] | None = None
    by_alias: dict[str, list[NamedEvent]] = field(default_factory=dict)
    spellings: dict[str, set[str]] = field(default_factory=dict)  # folded alias -> the aliases as written
    by_noun: dict[str, list[NamedEvent]] = field(default_factory=dict)

    @classmethod
    def from_toml(cls, text: str, source: str = "named_events.toml") -> NamedEventBase:
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"{source}: invalid TOML: {exc}") from exc
        base = cls()
        for row in table.get("event", []):
            try:
                entry = NamedEvent(
                    name=row["name"],
                    date=date.fromisoformat(row["date"]).isoformat(),
                    end=date.fromisoformat(row["end"]).isoformat() if row.get("end") else None,
                    kind=row.get("kind", "event"),
                    place=row.get("place"),
                    parties=tuple(row.get("parties", [])),
                    aliases=tuple(row.get("aliases", [])),
                    nouns=tuple(
                        n.lower() for n in row.get("nouns", ["summit"] if row.get("kind") == "summit" else [])
                    ),
                    ordinal=row.get("ordinal"),
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{source}: bad named event {row.get('name')!r}: {exc}") from exc
            base.events.append(entry)
            for alias in {fold_name(a) for a in (entry.name, *entry.aliases)}:
                base.by_alias.setdefault(alias, []).append(entry)
            for written in (entry.name, *entry.aliases):
                base.spellings.setdefault(fold_name(written), set()).add(written)
            for noun in entry.nouns:
                base.by_noun.setdefault(noun, []).append(entry)
        names = sorted(base.by_alias, key=len, reverse=True)
        if names:
            body = first_letter_alternation(
                [re.escape(n).replace(r"\ ", r"\s+") for n in names], ignore_case=True
            )
            base.alias_pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        return base

    @classmethod
    @functools.cache
    def builtin(cls) -> NamedEventBase:
        path = resources.files("crosswire") / "data" / "kb" / "named_events.toml"
        return cls.from_toml(path.read_text(encoding="utf-8"), str(path))


def fold_name(text: str) -> str:
    """An alias as compared: lower case, one space between words, curly apostrophes and en dashes plain."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2013", "-")).strip().lower()
