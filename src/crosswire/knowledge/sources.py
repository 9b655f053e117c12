"""The sources registry: which outlet a URL, an e-mail address or a masthead belongs to.

The built-in registry lives in `crosswire/data/sources.toml`; users add or override outlets with a
TOML file of the same shape (`[[outlet]]` tables). Readers never guess an outlet: they ask the
registry, and an outlet it does not know stays unknown.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import fields, replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crosswire.model import Outlet

KINDS = ("newspaper", "wire agency", "state media", "broadcaster", "magazine", "online")
_OUTLET_FIELDS = {f.name for f in fields(Outlet)}
_LIST_FIELDS = ("domains", "aliases", "layouts")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_ISO3 = re.compile(r"^[A-Z]{3}$")

# A credit or copyright line: "(c) The Japan Times", "Copyright 2019 Yonhap News Agency",
# "© The Dong-A Ilbo. All rights reserved." Only such lines may name the publishing outlet;
# an outlet mentioned in running copy ("Yonhap reported ...") is a cited source, not the publisher.
_CREDIT_LINE = re.compile(r"(?:©|\(c\)|\bcopyright\b|\ball rights reserved\b)", re.IGNORECASE)
# What surrounds the outlet's name on a credit line and is not part of it.
_CREDIT_NOISE = re.compile(
    r"©|\(c\)|\bcopyright\b|\ball rights reserved\b|\b(?:19|20)\d{2}\b|[-–]|"
    r"\b(?:ltd|limited|inc|llc|co|corp|corporation|plc|gmbh)\b\.?|[.,;:|]",
    re.IGNORECASE,
)
# How many lines at the very top and bottom of a page may hold a bare masthead ("The Japan Times").
_MASTHEAD_LINES = 3
_MASTHEAD_MAX_WORDS = 6
# Layout signatures are matched against this much of the top of a page only: a page's chrome sits
# there, and the bound keeps a user's regex from running over a whole long text.
LAYOUT_CHARS = 2000


def name_key(name: str) -> str:
    """A name as compared: case, accents, punctuation, spacing and a leading "The" ignored.

    "The Dong-A Ilbo", "Dong-A Ilbo" and "DongA ilbo" share the key "dongailbo".
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    folded = folded.replace("&", " and ").replace("'", "").replace("\u2019", "")
    words = _NON_ALNUM.sub(" ", folded).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


def host_of(host_or_url_or_email: str) -> str | None:
    """The lower-case host name in a bare host, a URL (with or without scheme) or an e-mail address."""
    value = host_or_url_or_email.strip().strip("[]<>()\"'").strip()
    if not value:
        return None
    if "@" in value and "://" not in value:
        value = value.rsplit("@", 1)[1]
    elif "://" in value:
        value = urlsplit(value).hostname or ""
    else:
        value = re.split(r"[/?#]", value, maxsplit=1)[0]
    value = value.split(":", 1)[0].strip().rstrip(".").lower()
    if value.startswith("www."):
        value = value[4:]
    return value or None


class SourceRegistry:
    """Outlets with lookup by name or alias, by domain (subdomains included) and by credit line."""

    def __init__(self, outlets: list[Outlet]):
        self.outlets = list(outlets)
        self._by_key: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        self._layouts = [(o, re.compile(p, re.MULTILINE)) for o in self.outlets for p in o.layouts]
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                self._by_key.setdefault(name_key(name), outlet)
            for domain in outlet.domains:
                host = host_of(domain)
                if host:
                    self._by_domain.setdefault(host, outlet)

    def __len__(self) -> int:
        return len(self.outlets)

    def __repr__(self) -> str:
        return f"SourceRegistry({len(self.outlets)} outlets)"

    @classmethod
    def builtin(cls) -> SourceRegistry:
        """The starter registry shipped with crosswire (data/sources.toml)."""
        source = resources.files("crosswire").joinpath("data/sources.toml")
        return cls(_parse_outlets(source.read_text(encoding="utf-8"), "crosswire/data/sources.toml"))

    @classmethod
    def from_file(cls, path: Path, base: SourceRegistry | None = None) -> SourceRegistry:
        """A user's registry file merged over `base` (the built-in registry when None).

        An entry whose name or alias matches a base outlet updates it: scalar fields replace the base
        values, `domains` and `aliases` extend them. Other entries are added as new outlets.
        """
        path = Path(path)
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"{path}: cannot read sources file: {exc}") from exc
        user = _parse_outlets(raw, str(path))
        merged = list((base if base is not None else cls.builtin()).outlets)
        index = {name_key(n): i for i, o in enumerate(merged) for n in (o.name, *o.aliases)}
        for outlet in user:
            hit = next((index[k] for k in map(name_key, (outlet.name, *outlet.aliases)) if k in index), None)
            if hit is None:
                merged.append(outlet)
                position = len(merged) - 1
            else:
                merged[hit] = _merge(merged[hit], outlet)
                position = hit
            for name in (outlet.name, *outlet.aliases):
                index[name_key(name)] = position
        return cls(merged)

    def by_name(self, name: str) -> Outlet | None:
        """The outlet called `name` or one of its aliases ("Hankyoreh" -> The Hankyoreh)."""
        key = name_key(name or "")
        return self._by_key.get(key) if key else None

    def by_domain(self, host_or_url_or_email: str) -> Outlet | None:
        """The outlet owning a host, URL or e-mail domain; the longest registered suffix wins."""
        host = host_of(host_or_url_or_email or "")
        if not host:
            return None
        labels = host.split(".")
        for i in range(len(labels) - 1):  # never a bare top-level domain
            outlet = self._by_domain.get(".".join(labels[i:]))
            if outlet is not None:
                return outlet
        return None

    def by_masthead(self, text: str) -> Outlet | None:
        """The outlet a credit/copyright line or a bare masthead line at the top or bottom names."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        for line in lines:
            if _CREDIT_LINE.search(line) and len(line) < 200:
                outlet = self._credited(line)
                if outlet is not None:
                    return outlet
        # A bare masthead: a short line that is exactly an outlet's name, where mastheads sit.
        edges = lines[:_MASTHEAD_LINES] + lines[-_MASTHEAD_LINES:]
        for line in edges:
            if len(line.split()) <= _MASTHEAD_MAX_WORDS:
                outlet = self.by_name(line)
                if outlet is not None:
                    return outlet
        return None

    def by_layout(self, page: str) -> Outlet | None:
        """The outlet whose page layout the top of a text dump shows, when exactly one outlet's does.

        Layouts are the registry's record of an outlet's page chrome (Dong-A's "Posted April. 29, 2019
        07:42" with "Updated" under it; The Japan Times' "Commentary / World" kicker, "by" line and
        "Contributing Writer"). Weaker than a URL or a credit line, so asked last; two outlets matching
        is no answer.
        """
        top = page[:LAYOUT_CHARS]
        found = {o.name: o for o, pattern in self._layouts if pattern.search(top)}
        return next(iter(found.values())) if len(found) == 1 else None

    def match(
        self,
        *,
        url: str | None = None,
        email: str | None = None,
        text: str | None = None,
        page: str | None = None,
    ) -> Outlet | None:
        """The outlet by the strongest evidence given: URL, then e-mail domain, then a credit line or
        masthead in `text`, then the layout of `page` (the raw top of a text dump)."""
        for evidence in (url, email):
            if evidence:
                outlet = self.by_domain(evidence)
                if outlet is not None:
                    return outlet
        outlet = self.by_masthead(text) if text else None
        if outlet is None and page:
            outlet = self.by_layout(page)
        return outlet

    def _credited(self, line: str) -> Outlet | None:
        # First the whole remainder of the line ("© 2019 The Japan Times Ltd." -> "The Japan Times"),
        # then any known name inside it, longest first ("Copyright (c) Yonhap News Agency. Reproduction ...").
        remainder = _CREDIT_NOISE.sub(" ", line)
        outlet = self.by_name(remainder)
        if outlet is not None:
            return outlet
        key_line = " " + " ".join(_NON_ALNUM.sub(" ", line.casefold()).split()) + " "
        best: tuple[int, Outlet] | None = None
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                words = " ".join(_NON_ALNUM.sub(" ", name.casefold().replace("'", "")).split())
                if len(words) > 2 and f" {words} " in key_line and (best is None or len(words) > best[0]):
                    best = (len(words), outlet)
        return best[1] if best else None


@functools.cache
def wire_credits() -> dict[str, tuple[str, ...]]:
    """The wire agencies of the built-in registry by the name their credits give ("Yonhap"), with every
    form a credit may take ("Yonhap", "Yonhap News", "Yonhap News Agency"): the `credits` of its entry."""
    source = resources.files("crosswire").joinpath("data/sources.toml")
    tables = tomllib.loads(source.read_text(encoding="utf-8")).get("outlet", [])
    return {table["credits"][0]: tuple(table["credits"]) for table in tables if table.get("credits")}


def _merge(base: Outlet, update: Outlet) -> Outlet:
    changes: dict[str, Any] = {}
    for name in _OUTLET_FIELDS - {"name", *_LIST_FIELDS}:
        value = getattr(update, name)
        if value is not None:
            changes[name] = value
    for name in _LIST_FIELDS:
        changes[name] = list(dict.fromkeys([*getattr(base, name), *getattr(update, name)]))
    # The user's spelling of the name becomes canonical; the old one stays findable as an alias.
    if update.name != base.name:
        changes["name"] = update.name
        changes["aliases"] = list(dict.fromkeys([*changes["aliases"], base.name]))
    return replace(base, **changes)


def _parse_outlets(raw: str, where: str) -> list[Outlet]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{where}: not valid TOML: {exc}") from exc
    tables = data.get("outlet", [])
    if not isinstance(tables, list):
        raise ValueError(f"{where}: 'outlet' must be an array of tables ([[outlet]])")
    return [_outlet(table, f"{where}: outlet #{i}") for i, table in enumerate(tables, start=1)]


def _outlet(table: Any, where: str) -> Outlet:
    if not isinstance(table, dict):
        raise ValueError(f"{where}: must be a table")
    unknown = set(table) - _OUTLET_FIELDS - {"credits"}
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = table.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: missing 'name'")
    where = f"{where} ({name})"
    for key in (*_LIST_FIELDS, "credits"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{where}: '{key}' must be a list of strings")
    for key in ("country", "language", "kind", "leaning", "owner"):
        if key in table and not isinstance(table[key], str):
            raise ValueError(f"{where}: '{key}' must be a string")
    country = table.get("country")
    if country is not None and not _ISO3.match(country):
        raise ValueError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-3 code like 'KOR'")
    kind = table.get("kind")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    for pattern in table.get("layouts", []):
        try:
            re.compile(pattern, re.MULTILINE)
        except re.error as exc:
            raise ValueError(f"{where}: layout {pattern!r} is not a valid regular expression: {exc}") from exc
    return Outlet(
        name=name.strip(),
        domains=[d for d in (host_of(d) for d in table.get("domains", [])) if d],
        country=country,
        language=table.get("language"),
        kind=kind,
        leaning=table.get("leaning"),
        owner=table.get("owner"),
        aliases=[a.strip() for a in table.get("aliases", []) if a.strip()],
        layouts=list(table.get("layouts", [])),
    )


# Last words of newspaper names: "the Christian Science Monitor", "the Hindustan Times", "Fox News".
OUTLET_TAILS = frozenset(
    "post times journal herald tribune gazette monitor chronicle news observer telegraph guardian "
    "independent inquirer examiner courier dispatch reporter star sun globe bee register record review "
    "standard".split()
)
