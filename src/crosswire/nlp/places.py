"""Places: toponyms in an article resolved to a country (ISO3) and coordinates.

Candidates are spaCy's GPE, LOC and FAC entities plus any name from crosswire's alias table
(`data/places_aliases.toml`: launch sites, test sites, border villages, territories) that the model left
untagged. Each is looked up in the gazetteer (`knowledge/gazetteer.py`, which gives the order: the alias
table, countries, cities, US states).

States that act ("Pyongyang has raised military issues", "Seoul's offer") are actors, not places: a
country or capital counts as a place only where it is used as a location: the object of a locative
preposition ("in Hanoi", "to Russia"), a modifier of a noun ("the Hanoi summit", "Vladivostok railway
station"), or in apposition or coordination with such a place ("in Hanoi, Vietnam"). Other toponyms
(cities that are not capitals, facilities, regions) always count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from crosswire.knowledge.gazetteer import Entry, gazetteer, place_key, resolve_name
from crosswire.knowledge.kb import KnowledgeBase
from crosswire.model import Article, Place
from crosswire.nlp.dateline import find_dateline
from crosswire.nlp.runtime import doc_ents, doc_text

# Prepositions whose object is a location wherever they stand ("in Hanoi", "at Panmunjom").
LOCATIVE_PREPS = frozenset(
    "in at into near inside outside across around via throughout within off onto through along beyond en "
    "aboard inside".split()
)
# Prepositions of direction: locative only after a word of movement ("traveled to Russia", not "a signal to
# North Korea" or "support from Russia").
DIRECTION_PREPS = frozenset("to from toward towards".split())
MOTION_WORDS = frozenset(
    "travel go return fly come arrive head move leave depart send deploy ship drive sail cross flee defect "
    "visit trip journey flight ride train way route road return back arrival departure travel relocate "
    "bring take transfer escape march walk".split()
)
SETTLEMENT_NOUNS = frozenset(
    "city town village province region capital state county district island port suburb outskirts area "
    "neighborhood neighbourhood borough prefecture municipality".split()
)
# Nouns that a place name before them locates ("the Hanoi summit", "Panmunjom talks"); before other nouns a
# country or capital is a party ("US troops", "the Seoul government").
LOCATED_NOUNS = frozenset(
    "summit talks meeting meetings conference negotiations visit trip station airport declaration forum "
    "rally protest protests attack bombing shooting crash ceremony games olympics parade venue hotel "
    "embassy consulate headquarters bureau port harbor harbour base".split()
)
UNTAGGED_CITY_POPULATION = 100_000
MISREAD_LABELS = frozenset({"PRODUCT", "ORG", "WORK_OF_ART", "EVENT", "LAW"})
PLACE_LABELS = ("GPE", "LOC", "FAC")


def article_countries(doc: Doc, kb: KnowledgeBase | None = None) -> set[str]:
    """ISO3s of the countries the article names (as places or as actors)."""
    kb = kb or KnowledgeBase.builtin()
    out: set[str] = set()
    for ent in doc_ents(doc):
        if ent.label_ in ("GPE", "NORP", "LOC"):
            match = kb.lookup_country(ent.text)
            if match is not None:
                out.add(match.country.iso3)
    return out


def extract_places(article: Article, doc: Doc, context_countries: Iterable[str] = ()) -> list[Place]:
    """Every locatively used toponym in `doc` (parsed from `article.text`), resolved (see module docstring)."""
    kb = KnowledgeBase.builtin()
    context = set(context_countries) | article_countries(doc, kb)
    spans = [(_strip_article(e), False) for e in doc_ents(doc) if e.label_ in PLACE_LABELS]
    taken = [(e.start_char, e.end_char) for e in doc_ents(doc) if e.label_ in PLACE_LABELS]
    others = [(e.start_char, e.end_char) for e in doc_ents(doc) if e.label_ not in PLACE_LABELS]
    pattern = gazetteer().alias_pattern
    if pattern is not None:  # known places the model left untagged or tagged as something else
        for m in pattern.finditer(doc_text(doc)):  # Doc.text joins every token on each access
            span = doc.char_span(m.start(), m.end())
            if span is not None and not any(m.start() < b and a < m.end() for a, b in taken):
                mislabelled = any(m.start() < b and a < m.end() for a, b in others)
                spans.append((span, mislabelled))
    aliases = gazetteer().aliases
    for ent in doc_ents(
        doc
    ):  # "at the DMZ" tagged ORG: a short alias the scan above leaves out, used as a place
        if (
            ent.label_ in MISREAD_LABELS
            and place_key(ent.text) in aliases
            and not pattern_covers(pattern, ent.text)
        ):
            stripped = _strip_article(ent)
            if is_locative(stripped):
                spans.append((stripped, True))
    spans.extend((span, False) for span in untagged_cities(doc))
    # "the Dutch port of Rotterdam", "arrived in Darwin": a city the model took for a person, used as a place
    starts = {span.start_char for span, _ in spans}
    spans.extend(
        (e, True)
        for e in doc_ents(doc)
        if e.label_ == "PERSON" and e.start_char not in starts and is_locative(e)
    )
    line = find_dateline(doc_text(doc))
    if line is not None and not any(
        line.place_start <= span.start_char < line.place_end for span, _ in spans
    ):
        span = doc.char_span(line.place_start, line.place_end)  # "SEOUL (Yonhap) --" read as an organisation
        if span is not None:
            spans.append((span, True))
    out: list[Place] = []
    for span, mislabelled in spans:
        if line is not None and line.place_start <= span.start_char < line.place_end:
            # "TOKYO — ...": the dateline's place is where the story was filed, a location (the actor layer
            # leaves it out)
            found = resolve_name(line.place.title(), context, kb)
            if found is not None:
                out.append(_place(found[0], line.place.title(), span.start_char, span.end_char))
            continue
        found = resolve_name(span.text, context, kb)
        if found is None and span.label_ == "PERSON":
            continue
        if found is None:
            # A toponym no table knows ("Interlagos", "Trump Tower") is still a place where used as one.
            if not mislabelled and is_locative(span):
                out.append(Place(name=span.text, start=span.start_char, end=span.end_char))
            continue
        entry, source = found
        acting = _may_be_actor(span.text, source, kb) or (mislabelled and entry.kind == "building")
        if acting and not is_locative(
            span
        ):  # "the White House said" is an actor, "at the White House" a place
            continue
        out.append(_place(entry, span.text, span.start_char, span.end_char))
    return sorted(out, key=lambda p: p.start or 0)


def pattern_covers(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.fullmatch(text.removeprefix("the ")) is not None


def untagged_cities(doc: Doc) -> list[Span]:
    """Proper nouns outside every entity that name a large city ("Croydon tram crash": the model tags
    nothing there). Only cities of UNTAGGED_CITY_POPULATION or more, so that surnames shared with small
    towns stay people."""
    cities = gazetteer().cities
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.is_title or not tok.is_alpha or len(tok.text) < 4:
            continue
        if tok.ent_type_ and not (
            tok.ent_type_ in MISREAD_LABELS and tok.ent_iob_ == "B" and _ent_len(tok) == 1
        ):
            continue  # inside a name; but a lone city read as a product or organisation is still a city
        found = cities.get(place_key(tok.text))
        if found and max(e.population for e in found) >= UNTAGGED_CITY_POPULATION:
            out.append(doc[tok.i : tok.i + 1])
    return out


def _ent_len(tok: Token) -> int:
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    return end - tok.i


def _strip_article(ent: Span) -> Span:
    if len(ent) > 1 and ent[0].lower_ == "the":
        return ent[1:]
    return ent


def _place(entry: Entry, text: str, start: int, end: int) -> Place:
    return Place(
        name=entry.name if entry.kind != "city" or place_key(text) != place_key(entry.name) else text,
        start=start,
        end=end,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        kind=entry.kind,
        geonames_id=entry.geonames_id,
    )


def _may_be_actor(text: str, source: str, kb: KnowledgeBase) -> bool:
    """Countries and capitals stand for their states ("Pyongyang has raised ...")."""
    if source == "country":
        return True
    match = kb.lookup_country(text)
    return match is not None and match.via == "capital"


def is_locative(span: Span) -> bool:
    """Whether a country or capital is used as a location rather than as an acting state (module docstring)."""
    doc = span.doc
    hyphen_before = span.start > 0 and doc[span.start - 1].text == "-"
    if (
        hyphen_before
        and span.start > 1
        and doc[span.start - 2].lower_ in ("post", "pre", "anti", "pro", "non")
    ):
        return False  # "post-Hanoi strategy": the summit as an event, not a place
    root = span.root
    for _ in range(3):
        if root.dep_ in ("appos", "conj") and root.head.i != root.i:
            root = root.head
            continue
        break
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ in LOCATIVE_PREPS:
            return True
        if prep.lower_ == "of" and prep.head.lemma_.lower() in SETTLEMENT_NOUNS:
            return True  # "the northern Afghan city of Mazar-i-Sharif"
        if prep.lower_ in DIRECTION_PREPS:
            governor = prep.head
            return governor.lemma_.lower() in MOTION_WORDS or governor.lower_ in MOTION_WORDS
        return False
    if root.dep_ in ("compound", "nmod", "amod", "npadvmod"):
        # "North Korea-Russia relations" names the parties; "the Hanoi summit" names where it happened.
        joined = hyphen_before or (span.end < len(doc) and doc[span.end].text == "-")
        return not joined and root.head.lemma_.lower() in LOCATED_NOUNS
    return False
