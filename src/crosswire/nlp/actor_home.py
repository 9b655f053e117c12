"""The country of an office holder the article names by role only ("Sen. Jane Roe", "Gov. John Doe",
"lawmakers"): the country the article is about, where the office is one that country has.

A US news story names its own country's senators, governors and secretaries without saying "U.S.": the
reader knows whose they are. Coded by role alone ("LEG") they name no party an analyst can use. The
article's home country is the country most of its coded actors belong to (by mentions), and it is given
only to a title the home country's system of government has: never "USA" to a prime minister, a
chancellor, a foreign secretary or a president (a foreign head of state the knowledge base does not know
is as likely as the US one). Only the United States has its table of offices so far; another country's
articles keep their role-only codes until one is written for it.
"""

from __future__ import annotations

import re
from collections import Counter

from crosswire.knowledge.gazetteer import gazetteer, place_key
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.nlp.actor_roles import is_us_state

# Words of a title naming an office of the US federal, state or local government, legislatures, courts
# or parties ("state Sen.", "House Speaker", "Labor Secretary", "GOP chairman", "councilmember").
US_OFFICE_WORDS = frozenset(
    "senator senators sen sen. senate representative representatives rep rep. congressman congresswoman "
    "congressmen congresswomen congressional congress lawmaker lawmakers legislator legislators legislature "
    "legislatures assemblyman assemblywoman assemblymember governor governors gov gov. secretary "
    "attorney-general speaker justice justices mayor councilmember councilman councilwoman alderman "
    "sheriff gop republican republicans democrat democrats democratic whip administration".split()
)
# Two-word offices of the US system whose words alone say too little ("attorney general", "majority
# leader", "party chairman").
US_OFFICE_PHRASES = frozenset(
    {
        "attorney general",
        "majority leader",
        "minority leader",
        "party chairman",
        "party chairwoman",
        "party chair",
        "council member",
        "city council",
        "state senator",
        "state representative",
        "district attorney",
        # local government: a county's or a city's officers ("Palm Beach County Supervisor of Elections",
        # "city officials"), the officers of elections
        "county official",
        "county officials",
        "county commissioner",
        "county commissioners",
        "county supervisor",
        "county clerk",
        "city official",
        "city officials",
        "of elections",
        "elections supervisor",
        "election official",
        "election officials",
    }
)
# Words of a title naming a government's officers in general: with a US city's name they place their holders
# in the US ("Atlantic City officials"), whatever the article is about.
OFFICIALS_WORDS = frozenset("official officials authorities".split())
# Words of a title that name an office the US does not have, or one held as often by foreigners in a US
# story (a president, an ambassador): their holder never gets the home country from the article alone.
NOT_US_OFFICE_WORDS = frozenset(
    "minister ministers premier chancellor mp mps parliament parliamentarian parliamentarians lord lords "
    "king queen prince princess emperor emir sheikh ayatollah monarch dictator strongman regime politburo "
    "duma knesset bundestag president president-elect ambassador envoy diplomat consul embassy consulate "
    "junta secretary-general tsar czar mullah cleric".split()
)
NOT_US_OFFICE_PHRASES = frozenset(
    {"foreign secretary", "home secretary", "secretary general", "shadow secretary", "general secretary"}
)
# Titles that name an institution only the US has, so that they place their holder there whatever the
# article is about: the Republican Party's nickname and the seat of Congress.
US_ONLY_WORDS = frozenset({"gop"})
US_ONLY_PHRASES = frozenset({"capitol hill"})

# The words of a body's name that the US system's courts, legislatures and councils are named with ("the
# Supreme Court", "the state legislature", "a federal appeals court", "the City Council"): a body named only
# with these, coded by its role alone, is the home country's where that is the US.
US_BODY_WORDS = frozenset(
    "supreme court courts appeals appellate district circuit federal state senate house legislature "
    "assembly congress city county council".split()
)

# Roles an office holder of the home country may be coded with (an elite: once in an office).
HOME_ROLES = frozenset({"GOV", "LEG", "JUD", "PTY", "ELI"})
# The share of the article's coded mentions the home country must hold, and the fewest mentions.
HOME_SHARE = 0.5
HOME_MIN_MENTIONS = 2

_WORD = re.compile(r"[A-Za-z][A-Za-z.\-]*")


def home_country(mentions_by_country: Counter[str], outlet: str | None = None) -> str | None:
    """The ISO3 country holding more than half of the coded mentions (at least HOME_MIN_MENTIONS), else a
    national outlet's own country where no other country is named more often than it; else None."""
    total = sum(mentions_by_country.values())
    if total:
        iso3, count = mentions_by_country.most_common(1)[0]
        if count >= HOME_MIN_MENTIONS and count > total * HOME_SHARE:
            return iso3
    if outlet is not None and all(n <= mentions_by_country[outlet] for n in mentions_by_country.values()):
        return outlet
    return None


def _words(text: str) -> list[str]:
    return [w.lower().rstrip(",") for w in _WORD.findall(text)]


def _pairs(words: list[str]) -> set[str]:
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def us_only_title(text: str) -> bool:
    """A title naming an institution only the US has ("GOP leader", "lawmakers on Capitol Hill")."""
    words = _words(text)
    return bool(set(words) & US_ONLY_WORDS or _pairs(words) & US_ONLY_PHRASES)


def us_office_title(text: str) -> bool:
    """Whether a title names an office of the US system and none the US lacks ("Labor Secretary", "state
    Sen."; not "Foreign Secretary", "Prime Minister", "President")."""
    words = _words(text)
    pairs = _pairs(words)
    if set(words) & NOT_US_OFFICE_WORDS or pairs & NOT_US_OFFICE_PHRASES:
        return False
    return bool(set(words) & US_OFFICE_WORDS or pairs & US_OFFICE_PHRASES)


def foreign_country_in(text: str, home: str, kb: KnowledgeBase) -> bool:
    """Whether a capitalised name in a title's words is another country's, its people's or its capital's
    ("London Mayor", "Tory lawmakers" aside, "British MP", "Mexican governor"): then the home country is
    not the holder's."""
    words = re.findall(r"[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*)*", text)
    for run in words:
        parts = run.split()
        for n in range(len(parts), 0, -1):
            for i in range(len(parts) - n + 1):
                name = " ".join(parts[i : i + n])
                if home == "USA" and is_us_state(name, kb):
                    continue
                match = kb.lookup_country(name)
                if match is not None and match.country.iso3 != home:
                    return True
    return False


def us_state_in(text: str, kb: KnowledgeBase) -> str | None:
    """A US state a title names ("former Oklahoma state senator", "Democrat of Ohio"), else None."""
    for run in re.findall(r"[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*)*", text):
        parts = run.split()
        for n in range(len(parts), 0, -1):
            for i in range(len(parts) - n + 1):
                name = " ".join(parts[i : i + n])
                if is_us_state(name, kb):
                    return name
    return None


def us_city_in(text: str, kb: KnowledgeBase) -> str | None:
    """A city a title names that is in the US wherever a place of that name is ("Atlantic City",
    "Cleveland"; not "Birmingham", which is English too, nor a country's capital), else None."""
    for run in re.findall(r"[A-Z][A-Za-z.\-]*(?:\s+[A-Z][A-Za-z.\-]*)*", text):
        parts = run.split()
        for n in range(len(parts), 0, -1):
            for i in range(len(parts) - n + 1):
                name = " ".join(parts[i : i + n])
                places = gazetteer().cities.get(place_key(name), ())
                if places and all(p.country == "USA" for p in places) and kb.lookup_country(name) is None:
                    return name
    return None


def home_office_country(title: str, home: str | None, kb: KnowledgeBase) -> tuple[str, str] | None:
    """(ISO3, evidence) for an office holder named by a role only, from the words of its title: a US state
    or a US-only institution the title names, else the article's home country where the title is one of
    its offices. None where neither decides (the role then keeps no country)."""
    if not title.strip():
        return None
    words = _words(title)
    if set(words) & NOT_US_OFFICE_WORDS or _pairs(words) & NOT_US_OFFICE_PHRASES:
        return None
    if foreign_country_in(title, "USA", kb):
        return None
    state = us_state_in(title, kb)
    if state is not None and us_office_title(title):
        return "USA", f"US state in title:{state}"
    if us_only_title(title):
        return "USA", "US-only institution in title"
    city = us_city_in(title, kb)
    if city is not None and (us_office_title(title) or set(words) & OFFICIALS_WORDS):
        return "USA", f"US city in title:{city}"
    if home == "USA" and us_office_title(title):
        return "USA", "home country:USA (a US office)"
    return None


def home_body_country(name: str, home: str | None) -> tuple[str, str] | None:
    """(ISO3, evidence) for a body named by its kind only ("the Supreme Court", "the state legislature") in
    an article whose home country is the US; None otherwise."""
    words = [w for w in _words(name) if w != "the"]
    if home != "USA" or not words or not set(words) <= US_BODY_WORDS:
        return None
    return "USA", "home country:USA (a US body)"
