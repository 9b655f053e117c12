"""Records of the knowledge base (`knowledge/kb.py`): countries, people with their dated offices, organisations,
and the name folding every lookup uses. Plain data: they pickle to process-pool and Dask workers."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

# Dictionary entry codes: (code, in office from, in office to); None means open-ended.
CodeSpan = tuple[str, date | None, date | None]

_CONTINENTS = {
    "AF": "Africa",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
    "AN": "Antarctica",
}


@dataclass
class Country:
    iso3: str
    cameo: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    region: str | None = None


@dataclass
class CountryMatch:
    country: Country
    via: str  # name, alias, demonym, capital, context


@dataclass
class Office:
    title: str
    code: str
    start: date | None = None
    end: date | None = None

    def holds_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass
class Person:
    name: str
    country: str | None
    offices: list[Office] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    family_first: bool = False
    note: str | None = None
    source: str = "builtin"

    @property
    def surname(self) -> str:
        parts = self.name.split()
        return parts[0] if self.family_first else parts[-1]

    def office_on(self, on: date | None) -> Office | None:
        """The office held on `on`; without a date, the latest office (news is mostly about the present)."""
        if not self.offices:
            return None
        if on is None:
            return max(self.offices, key=lambda o: o.start or date.min)
        held = [o for o in self.offices if o.holds_on(on)]
        return max(held, key=lambda o: o.start or date.min) if held else None

    def code_on(self, on: date | None) -> tuple[str | None, bool]:
        """(CAMEO code, former) on a date: out of office means the country's elite (ELI), as the dictionaries do."""
        office = self.office_on(on)
        if office is not None:
            return office.code, False
        if self.country:
            return f"{self.country}ELI", True
        return None, True


@dataclass
class Org:
    name: str
    code: str
    country: str | None = None
    role: str | None = None
    kind: str | None = None
    aliases: list[str] = field(default_factory=list)
    note: str | None = None


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The lookup key: accents, case, curly quotes, a leading "the", possessive, dots, hyphens, spaces dropped.

    Cached: the extractors fold the same few names tens of thousands of times per 100 articles."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").strip().lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s?$", "", text)
    return re.sub(r"[\s.\-_]+", "", text)


# The Arabic article joined to a family name ("al-Assad", "el-Sisi"): news writes the name with it and without.
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|Al|El)-(?=[A-Z])")


def strip_article_prefix(surname: str) -> str:
    """ "al-Assad" -> "Assad"; any other name unchanged."""
    return _ARTICLE_PREFIX.sub("", surname)


def is_acronym(alias: str) -> bool:
    """Short capitals ("US", "U.N.", "WHO"): these must match case-sensitively."""
    letters = alias.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 5


def romanisation_variants(name: str) -> set[str]:
    """Spellings of an East Asian name as news writes it: "Kim Jong-un" -> "Kim Jong Un", "Kim Jong-Un" ...

    Only the surface forms differ; `fold` already equates them for lookups. The runtime's entity ruler needs
    the surface forms because it matches tokens.
    """
    parts = name.split()
    if len(parts) < 2:
        return {name}
    family, given = parts[0], " ".join(parts[1:])
    syllables = [s for s in re.split(r"[\s-]+", given) if s]
    if len(syllables) < 2:
        return {name}
    first, rest = syllables[0].capitalize(), [s.lower() for s in syllables[1:]]
    forms = {
        f"{family} {first}-{'-'.join(rest)}",
        f"{family} {first}-{'-'.join(s.capitalize() for s in rest)}",
        f"{family} {first} {' '.join(s.capitalize() for s in rest)}",
        f"{family} {first}{''.join(rest)}",
    }
    return forms | {name}


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
