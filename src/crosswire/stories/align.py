"""Alignment inside a story: which articles report the same event, and which quote the same words.

Events. Every event the coder found in a story's articles, plus every *claim* (a sentence naming an
actor with an event cue word the coder did not code, see cues.py), becomes an occurrence keyed by its
CAMEO root, the actors involved (country-level keys: "Kim Jong-un", "Pyongyang" and "North Korea" are
all PRK) and the content words after the cue. Occurrences are clustered greedily, coded events first
so they seed the facts: an occurrence joins the compatible fact it shares most with, where compatible
means the same root and negation, dates at most DATE_WINDOW_DAYS apart, and either

- both name a dyad (a coded source and target, or a meeting or fight claim naming two actors) and
  share at least two actors, or
- they share an actor and at least MIN_SHARED_WORDS content words (one-sided events such as demands:
  "demand for a security guarantee" ~ "demand guarantee of its regime security").

Greedy seeding (not union-find) keeps a sentence naming three countries from chaining the
North Korea-Russia summit and the North Korea-US summit into one fact.

Quotes. Two quotes align when their speakers match (same normalised name, or one name's last word is
the other's surname: "Putin" ~ "Vladimir Putin"; anonymous speakers only by their words) and their
words match by rapidfuzz:

- `partial_ratio >= PARTIAL_MIN` (the shorter quote found, nearly verbatim, inside the longer: a
  truncated quote), when the shorter has at least MIN_PARTIAL_WORDS words, or
- `token_set_ratio >= TOKEN_SET_MIN` (the same words, reordered or partly altered: a paraphrased or
  re-translated quote).

The thresholds were set on quote pairs from the seeds and the demo corpus: verbatim and truncated copies
score 95-100, re-translations 80-90, different statements by the same speaker stay below 70.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from crosswire.model import Actor, Analysis, Article, Event
from crosswire.stories.cues import ROOT_NAMES, content_words, find_cues, stem
from crosswire.stories.inputs import normalise_name
from crosswire.stories.sentences import SentenceIndex

DATE_WINDOW_DAYS = 7
MIN_SHARED_WORDS = 2
OBJECT_WINDOW = 10
ANONYMOUS_MIN = 92
# "X said" (01) is what quotes are for; an event list full of statements hides the events.
SKIP_ROOTS = frozenset({"01"})
# Claims of these roots are identified by their actors alone (a meeting is its participants); other
# claims also need matching content words (a demand is what is demanded).
DYAD_ROOTS = frozenset({"04", "18", "19"})  # anonymous speakers: the words alone must match closely


# CAMEO role codes that can stand without a country ("GOV" for "the foreign ministry" of unknown state):
# they name a kind of actor, not an actor, so they never serve as its key.
ROLE_CODES = frozenset(
    {
        "GOV",
        "MIL",
        "EDU",
        "MED",
        "BUS",
        "CVL",
        "OPP",
        "REB",
        "JUD",
        "LEG",
        "COP",
        "SPY",
        "ELI",
        "LAB",
        "REF",
        "HLH",
        "CRM",
        "UAF",
        "AGR",
        "DEV",
        "HRI",
        "RAD",
        "REL",
        "SET",
        "MOD",
        "INS",
    }
)


def actor_key(code: str | None, name: str | None, country: str | None = None) -> str | None:
    """The key actors are compared by: a country (or IGO/NGO) code, else the normalised name."""
    if code and code[:3].upper() not in ROLE_CODES:
        code = code.upper()
        return code[:6] if code[:3] in {"IGO", "NGO", "MNC", "IMG"} else code[:3]
    if country:
        return country.upper()
    return normalise_name(name) if name else None


def _article_actor_keys(actor: Actor) -> str | None:
    return actor_key(actor.codes[0] if actor.codes else None, actor.name, actor.country)


@dataclass
class Occurrence:
    """One article's report of an event: a coded event mention or a sentence-level claim."""

    article_id: str
    outlet: str | None
    match: str  # "event" (coded) or "claim" (cue word, see cues.py)
    root: str
    code: str
    actors: frozenset[str]
    names: dict[str, str]  # actor key -> the name this article uses
    keywords: frozenset[str]
    start: int
    end: int
    sentence: str
    day: int | None  # the act's own day, else the report's publication day: keeps reports of days apart
    negated: bool = False
    dyad: bool = False  # names a source and a distinct target: enough to identify the event
    event_id: str | None = None
    what: str = ""  # the cue word or the coded event's name
    own_day: int | None = None  # the act's own day from the text (never the publication day); None: undated


@dataclass
class AlignedFact:
    """An event as reported across a story: its occurrences grouped by article."""

    root: str
    actors: list[str]
    names: dict[str, str]
    summary: str
    occurrences: list[Occurrence] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        return sorted({o.article_id for o in self.occurrences})

    @property
    def outlets(self) -> list[str]:
        return sorted({o.outlet for o in self.occurrences if o.outlet})

    @property
    def event_ids(self) -> list[str]:
        return list(dict.fromkeys(o.event_id for o in self.occurrences if o.event_id))

    @property
    def date(self) -> str | None:
        """The earliest own day a report gives the act; None when none does (a publication day is not
        the act's date)."""
        days = sorted(o.own_day for o in self.occurrences if o.own_day is not None)
        return date.fromordinal(days[0]).isoformat() if days else None


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _published_day(article: Article) -> int | None:
    return article.published.date().toordinal() if article.published else None


def event_occurrences(
    article: Article, events: Iterable[Event], sentences: SentenceIndex
) -> list[Occurrence]:
    """Occurrences for the coded events whose mentions fall in `article`."""
    from crosswire.events.codebook import Codebook

    book = Codebook.builtin()
    out = []
    for event in events:
        if event.cameo[:2] in SKIP_ROOTS:
            continue
        for m in event.mentions:
            if m.article_id != article.id:
                continue
            names: dict[str, str] = {}
            for side in (event.source, event.target):
                key = side and actor_key(side.code, side.name)
                if key and side is not None:
                    names.setdefault(key, side.name or key)
            s, e, text = sentences.sentence(m.start)
            entry = book.get(event.cameo) if event.cameo else None
            own_day = _day(event.date) if event.date_precision == "day" else None
            skip = frozenset(stem(w) for n in names.values() for w in n.split())
            out.append(
                Occurrence(
                    article_id=article.id,
                    outlet=article.outlet,
                    match="event",
                    root=event.cameo[:2],
                    code=event.cameo,
                    actors=frozenset(names),
                    names=names,
                    keywords=frozenset(content_words(text, skip)),
                    start=s,
                    end=e,
                    sentence=text,
                    day=own_day if own_day is not None else _published_day(article),
                    own_day=own_day,
                    negated=event.negated,
                    event_id=event.id,
                    dyad=len(names) >= 2,
                    what=entry.name if entry else event.cameo,
                )
            )
    return out


def claim_occurrences(
    article: Article, actors: Sequence[Actor], sentences: SentenceIndex, covered: set[tuple[int, str]]
) -> list[Occurrence]:
    """Claims: sentences naming at least one actor and holding a cue word whose root no coded event
    in the same sentence already has (`covered` holds (sentence start, root) pairs)."""
    mentions: list[tuple[int, int, str, str]] = []
    for actor in actors:
        key = _article_actor_keys(actor)
        if key and not actor.anonymous:
            mentions.extend((m.start, m.end, key, actor.name) for m in actor.mentions)
    out = []
    for s, e in sentences.spans:
        inside = [m for m in mentions if s <= m[0] < e]
        if not inside:
            continue
        text = article.text[s:e]
        names = {key: name for _, _, key, name in sorted(inside)}
        skip = frozenset(stem(w) for _, _, _, n in inside for w in n.split())
        skip |= frozenset(stem(w) for m in inside for w in article.text[m[0] : m[1]].split())
        seen_roots: set[str] = set()
        for root, cue, offset in find_cues(text):
            if root in seen_roots or (s, root) in covered:
                continue
            seen_roots.add(root)
            words = content_words(text[offset:], skip | {stem(cue)})[:OBJECT_WINDOW]
            out.append(
                Occurrence(
                    article_id=article.id,
                    outlet=article.outlet,
                    match="claim",
                    root=root,
                    code=root,
                    actors=frozenset(names),
                    names=names,
                    keywords=frozenset(words),
                    start=s,
                    end=e,
                    sentence=text,
                    day=_published_day(article),
                    what=cue.lower(),
                    dyad=root in DYAD_ROOTS and len(names) >= 2,
                )
            )
    return out


def _fit(occ: Occurrence, seed: Occurrence, words: Counter[str]) -> int:
    """How well `occ` fits the fact seeded by `seed` (0: not compatible)."""
    if occ.root != seed.root or occ.negated != seed.negated:
        return 0
    if occ.day is not None and seed.day is not None and abs(occ.day - seed.day) > DATE_WINDOW_DAYS:
        return 0
    shared = len(occ.actors & seed.actors)
    overlap = len(occ.keywords & set(words))
    if occ.dyad and seed.dyad:
        ok = shared >= 2
    else:
        ok = shared >= 1 and overlap >= MIN_SHARED_WORDS
    return 2 * shared + min(overlap, 3) + 1 if ok else 0


def align_events(
    articles: Sequence[Article], analyses: Mapping[str, Analysis], events: Iterable[Event] | None = None
) -> list[AlignedFact]:
    """The events of a story aligned across its articles (see the module docstring), biggest first.
    `events` are the corpus's (possibly merged) events; by default each analysis's own."""
    pool = list(events) if events is not None else [e for a in analyses.values() for e in a.events]
    by_article: dict[str, list[Event]] = {}
    for event in pool:
        for aid in {m.article_id for m in event.mentions}:
            by_article.setdefault(aid, []).append(event)
    coded: list[Occurrence] = []
    claims: list[Occurrence] = []
    for article in articles:
        sentences = SentenceIndex(article.text)
        found = event_occurrences(article, by_article.get(article.id, []), sentences)
        coded.extend(found)
        analysis = analyses.get(article.id)
        if analysis is not None:
            covered = {(o.start, o.root) for o in found}
            claims.extend(claim_occurrences(article, analysis.actors, sentences, covered))
    seeds: list[Occurrence] = []
    members: list[list[Occurrence]] = []
    words: list[Counter[str]] = []
    for occ in [*coded, *claims]:
        scores = [_fit(occ, seed, words[i]) for i, seed in enumerate(seeds)]
        best = max(range(len(seeds)), key=lambda i: scores[i], default=None)
        if best is None or scores[best] == 0:
            seeds.append(occ)
            members.append([])
            words.append(Counter())
            best = len(seeds) - 1
        members[best].append(occ)
        words[best].update(occ.keywords)
    facts = [_fact(group, words[i]) for i, group in enumerate(members)]
    facts.sort(key=lambda f: (-len(f.outlets), -len(f.occurrences), f.summary))
    return facts


def _fact(group: list[Occurrence], words: Counter[str]) -> AlignedFact:
    names: dict[str, Counter[str]] = {}
    for occ in group:
        for key, name in occ.names.items():
            names.setdefault(key, Counter())[name] += 1
    seed = group[0]
    # In the seed's order (a coded event's source, then its target), so "Kim Jong-un – China: make a
    # visit" keeps who visited whom; the keys alone are kept sorted in `actors`.
    order = [*seed.names, *sorted(seed.actors - set(seed.names))]
    chosen = {key: names[key].most_common(1)[0][0] for key in order if key in names}
    what = Counter(o.what.replace(", not specified below", "").lower() for o in group if o.match == "event")
    what = what or Counter(o.what for o in group)
    # Ties broken by the word itself: keywords come from frozensets, whose order varies with PYTHONHASHSEED.
    ranked = sorted(words.items(), key=lambda item: (-item[1], item[0]))
    shared = [w for w, c in ranked if c >= 2][:4] or [w for w, _ in ranked[:3]]
    about = f" ({', '.join(shared)})" if shared and seed.root in {"03", "05", "10", "12", "13", "15"} else ""
    negation = "not " if seed.negated else ""
    who = " \u2013 ".join(chosen.values()) or "unknown actor"
    summary = f"{who}: {negation}{what.most_common(1)[0][0]}{about} [{ROOT_NAMES.get(seed.root, seed.root)}]"
    return AlignedFact(
        root=seed.root,
        actors=sorted(chosen),
        names=chosen,
        summary=summary,
        occurrences=group,
        keywords=shared,
    )


# Quote alignment (PARTIAL_MIN, TOKEN_SET_MIN, ANONYMOUS_MIN) lives in align_quotes.py; re-exported so `stories.align` is the one entry point.
from crosswire.stories.align_quotes import (  # noqa: E402
    AlignedQuote,
    QuoteReport,
    align_quotes,
    quote_similarity,
    same_speaker,
    same_words,
)

__all__ = [
    "AlignedFact",
    "AlignedQuote",
    "Occurrence",
    "QuoteReport",
    "actor_key",
    "align_events",
    "align_quotes",
    "quote_similarity",
    "same_speaker",
    "same_words",
]
