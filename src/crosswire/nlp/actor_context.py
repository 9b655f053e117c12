"""The country of an actor whose own words do not name one, read from the article around it.

Real coverage names institutions and officials without their country once the context makes it plain:
"North Korea's Foreign Ministry said ... The Foreign Ministry added"; "Foreign Ministry spokesperson Park
said" right after a paragraph about South Korea; "a former official in the government" in a Seoul daily.
Each rule here is conservative: when the context names two candidate countries the actor keeps none,
because a wrong country merges two governments in every comparison downstream.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from crosswire.knowledge.kb import Country, KnowledgeBase
from crosswire.knowledge.sources import SourceRegistry
from crosswire.model import Article
from crosswire.nlp.coref import Sentences
from crosswire.nlp.runtime import doc_text

# Head words of state institutions whose country a reader takes from the context ("the Foreign Ministry").
INSTITUTION_WORDS = frozenset({"ministry", "department", "embassy", "consulate"})
# CAMEO puts armed forces and the ministry that runs them under MIL (the KB's Pentagon is USAMIL). A defence
# *minister* stays GOV (a cabinet member), as ROLE_PHRASES has it; the *institution* is MIL.
MILITARY_INSTITUTION_WORDS = frozenset({"defense", "defence", "pentagon"})
# Outlet kinds that write for one national audience: "the government" in their copy is their own country's.
# Wire agencies write for everyone, so they are left out.
NATIONAL_OUTLET_KINDS = frozenset({"newspaper", "broadcaster", "magazine", "online", "state media"})

_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"\n]*\"")


@dataclass(frozen=True)
class CountryMention:
    token: int
    iso3: str
    text: str


class QuoteIndex:
    """Character ranges inside quotation marks: a country a speaker names is not the narrator's context."""

    def __init__(self, text: str) -> None:
        spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def inside(self, char: int) -> bool:
        i = bisect_right(self.starts, char) - 1
        return i >= 0 and char < self.ends[i]


# Nouns by which a phrase names someone through a sports team: "Brazil fan", "Indians supporter".
FAN_WORDS = frozenset({"fan", "fans", "supporter", "supporters", "fanbase", "diehard", "faithful"})


def names_a_team(ent: Span) -> bool:
    """A country's name or demonym that names a team, not a nationality: one followed by a fan word ("Brazil
    fan Ana Lopes" may be from anywhere), or a plural demonym modifying a noun ("Indians pitcher", where the
    nationality is the singular adjective "Indian pitcher")."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in FAN_WORDS:
        return True
    last = ent[-1]
    return (
        last.ent_type_ == "NORP"
        and last.tag_ in ("NNPS", "NNS")
        and last.dep_ == "compound"
        and last.head.pos_ in ("NOUN", "PROPN")
        and last.head.i > last.i
    )


# Head nouns that make a named entity a place where things are done, not a body that acts: "the Sohae
# Satellite Launching Station", "the Yongbyon Nuclear Complex", "the Tonghae Launch Site", "a power plant",
# and a building named after its owner ("Trump Tower", "the Trump International Hotel"), which neither meets
# nor is met. Words for buildings that stand for their occupants ("the White House", "Buckingham Palace")
# and bodies named after a building ("the Carter Center") are left out.
FACILITY_HEADS = frozenset(
    "site sites station stations facility facilities complex complexes plant plants reactor reactors "
    "launchpad launchpads tower towers hotel hotels skyscraper skyscrapers plaza stadium arena casino".split()
)


def names_a_facility(ent: Span) -> bool:
    """A named launch site, station, facility, complex, plant or reactor: a place, never an actor. The head
    noun ends the name ("the Yongbyon Nuclear Complex") or follows it ("the Punggye nuclear test site")."""
    last = ent[-1]
    if last.lower_ in FACILITY_HEADS:
        return True
    head = last.head
    return (
        last.dep_ in ("compound", "nmod")
        and head.i >= ent.end
        and head.lower_ in FACILITY_HEADS
        and all(t.dep_ in ("compound", "amod", "nmod") for t in ent.doc[ent.end : head.i])
    )


# The word between the parties of a lawsuit's name: "Walmart Stores v. Dukes", "Roe v. Wade".
CASE_WORDS = frozenset({"v.", "v", "vs.", "vs"})


def names_a_case(ent: Span) -> bool:
    """A lawsuit's name or one party of it ("Walmart Stores v. Dukes", "Citizens United v."): a case decides
    nothing itself and is no actor; the court that ruled in it is."""
    doc = ent.doc
    inside = any(t.lower_ in CASE_WORDS for t in ent[1:])
    before = ent.start > 0 and doc[ent.start - 1].lower_ in CASE_WORDS
    after = ent.end < len(doc) and doc[ent.end].lower_ in CASE_WORDS and doc[ent.end].text[:1] == "v"
    return inside or before or after


# Nouns a demonym before them still makes a state's or its people's ("Chinese officials", "the Chinese
# side"); the endings name people ("negotiators", "Americans").
STATE_HEADS = frozenset(
    "government ministry regime authorities authority side leadership military army navy troops forces police "
    "media press embassy state people public official delegation".split()
)
PEOPLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men")


def names_goods(ent: Span) -> bool:
    """A demonym that only says where goods or things come from ("tariffs on Chinese steel", "cheap
    Chinese truck tires"): it names no state near a bare institution."""
    root = ent.root
    if ent.label_ != "NORP" or root.dep_ not in ("amod", "compound"):
        return False
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    lemma = head.lemma_.lower()
    return head.pos_ == "NOUN" and lemma not in STATE_HEADS and not lemma.endswith(PEOPLE_ENDINGS)


class CountryContext:
    """Where each country is named in the narration (not inside quotes), by sentence."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, context: set[str], sentences: Sentences) -> None:
        self.sentences = sentences
        self.quotes = QuoteIndex(doc_text(doc))
        self.by_sentence: dict[int, list[CountryMention]] = {}
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "NORP", "LOC") or self.quotes.inside(ent.start_char):
                continue
            if names_a_team(ent) or names_goods(ent):
                continue
            match = kb.lookup_country(ent.text, context)
            if match is not None:
                self.add(ent.start, match.country.iso3, ent.text)
        for tok in doc:  # "the North", "the South's": bare compass words the NER leaves out
            if tok.text in ("North", "South") and not tok.ent_type_ and not self.quotes.inside(tok.idx):
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if nxt is not None and nxt.text in ("Korea", "Korean", "Koreans", "-"):
                    continue
                match = kb.lookup_country("the " + tok.text, context)
                if match is not None:
                    self.add(tok.i, match.country.iso3, "the " + tok.text)

    def add(self, token: int, iso3: str, text: str) -> None:
        self.by_sentence.setdefault(self.sentences.of(token), []).append(CountryMention(token, iso3, text))

    def local(self, token: int) -> list[CountryMention]:
        """Countries named before `token` in its sentence, else in the sentence before."""
        sent = self.sentences.of(token)
        same = [m for m in self.by_sentence.get(sent, []) if m.token < token]
        return same or list(self.by_sentence.get(sent - 1, []))

    def nearest_before(self, token: int) -> CountryMention | None:
        """The last country named before `token` in the same sentence ("North Korea ..., and its state media")."""
        same = [m for m in self.by_sentence.get(self.sentences.of(token), []) if m.token < token]
        return max(same, key=lambda m: m.token) if same else None


def qualifier_country(ent: Span, kb: KnowledgeBase, context: set[str]) -> tuple[Country, str] | None:
    """The country named in or right before an organisation's name: "Swedish Foreign Ministry", "North Korea's
    Foreign Ministry", "the South Korean Unification Ministry", "Seoul's Foreign Ministry", "U.S. Treasury"."""
    doc = ent.doc
    tokens = [t for t in ent if t.lower_ != "the"]
    # inside the name: a leading country word or phrase ("Swedish", "North Korea's", "U.S.")
    possessive = next((k for k, t in enumerate(tokens[:4]) if t.tag_ == "POS"), None)
    lengths = [possessive] if possessive else [3, 2, 1]
    for n in lengths:
        if 0 < n < len(tokens):
            text = doc[tokens[0].i : tokens[n - 1].i + 1].text
            match = kb.lookup_country(text, context)
            if match is not None:
                return match.country, f"name:{text}"
    # after the name's own words: "the Foreign Ministry of Peru", "Ministry of Defense of Chile" (the country
    # the last "of" names, inside the entity or just after it)
    after = _country_after_of(ent, tokens, kb, context)
    if after is not None:
        return after
    # right before the name: "North Korea's", "the North's", "South Korean" (a separate entity)
    i = ent.start - 1
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i < 0:
        return None
    before = next((e for e in doc.ents if e.end == i + 1), None) if doc[i].ent_type_ else None
    if before is not None:
        text = before.text
    elif doc[i].text in ("North", "South") and i > 0 and doc[i - 1].lower_ == "the":
        text = "the " + doc[i].text
    else:
        return None
    match = kb.lookup_country(text, context)
    return (match.country, f"qualifier:{text}") if match is not None else None


def _country_after_of(
    ent: Span, tokens: list[Token], kb: KnowledgeBase, context: set[str]
) -> tuple[Country, str] | None:
    """The country of "<institution> of <country>": the words after the name's last "of" when they name a
    country, or a country entity right after the name and an "of"."""
    doc = ent.doc
    last_of = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k].lower_ == "of"), None)
    if last_of is not None and last_of + 1 < len(tokens):
        text = doc[tokens[last_of + 1].i : tokens[-1].i + 1].text
        match = kb.lookup_country(text, context)
        if match is not None:
            return match.country, f"name of:{text}"
    i = ent.end
    if i + 1 < len(doc) and doc[i].lower_ == "of":
        j = i + 2 if doc[i + 1].lower_ == "the" else i + 1
        if j < len(doc) and doc[j].ent_iob_ == "B" and doc[j].ent_type_ == "GPE":
            end = j + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            text = doc[j:end].text
            match = kb.lookup_country(text, context)
            if match is not None:
                return match.country, f"of:{text}"
    return None


def institution_role(ent: Span) -> str:
    words = {t.lower_ for t in ent}
    if words & {"police", "constabulary"}:
        return "COP"  # "the New York Police Department": a police force, not the government
    return "MIL" if words & MILITARY_INSTITUTION_WORDS else "GOV"


def is_institution(ent: Span) -> bool:
    return any(t.lower_ in INSTITUTION_WORDS for t in ent)


def bare_name(ent: Span, qualifier_evidence: str | None) -> str:
    """The institution's own name without the article and the country words inside it."""
    tokens = [t for t in ent if t.lower_ != "the"]
    if qualifier_evidence and qualifier_evidence.startswith("name of:"):
        text = ent.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ent.text
        tail = r"\s+of\s+(?:the\s+)?" + re.escape(qualifier_evidence[len("name of:") :]) + "$"
        return re.sub(tail, "", text).strip() or text
    if qualifier_evidence and qualifier_evidence.startswith("name:"):
        skip = qualifier_evidence[5:]
        text = ent.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ent.text
        rest = text[len(skip) :] if text.startswith(skip) else text
        return re.sub(r"^['\u2019]s\s+", "", rest).strip() or text
    return ent.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else ent.text


def display_name(bare: str, country: Country) -> str:
    """ "Foreign Ministry" of Sweden -> "Swedish Foreign Ministry" (the country's demonym when the KB has one)."""
    demonym = next((d for d in country.demonyms if not d.endswith("s") or d.endswith("ss")), None)
    return f"{demonym} {bare}" if demonym else f"{bare} of {country.name}"


def context_country(token: int, explicit: list[str], countries: CountryContext) -> tuple[str, str] | None:
    """(iso3, evidence) for a bare institution ("the Foreign Ministry") at `token`.

    `explicit`: countries of the same institution named with their country earlier in the article. One such
    country wins unless the sentences around name other countries and not it (a different ministry is
    likelier then); without one, the sentences around must name exactly one country."""
    local = countries.local(token)
    local_isos = {m.iso3 for m in local}
    named = set(explicit)
    if len(named) == 1:
        iso3 = next(iter(named))
        if local_isos and iso3 not in local_isos:
            return None
        return iso3, "context:same institution named earlier"
    if len(named) > 1:
        both = named & local_isos
        return (next(iter(both)), "context:nearest named institution") if len(both) == 1 else None
    if len(local_isos) == 1:
        return local[0].iso3, f"context:{local[0].text}"
    return None


@functools.cache
def _builtin_sources() -> SourceRegistry:
    return SourceRegistry.builtin()


def outlet_country(article: Article, sources: SourceRegistry | None = None) -> str | None:
    """The country of a national outlet (the sources registry), None for wire agencies and unknown outlets."""
    if not article.outlet:
        return None
    outlet = (sources or _builtin_sources()).by_name(article.outlet)
    if outlet is None or not outlet.country or (outlet.kind or "") not in NATIONAL_OUTLET_KINDS:
        return None
    return outlet.country
