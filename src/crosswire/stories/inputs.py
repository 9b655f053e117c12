"""What story grouping reads from an article: title, lead, date, and the actors and events it names.

Grouping compares the start of articles, not their full text: two outlets covering one story agree most
in the headline and the first sentences (the news peg), while the rest drifts into background that
different stories share. On BASIL (300 articles, 100 stories) the title plus the first three sentences
separated stories better than the title alone or a longer lead (see evaluation/stories.py).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from crosswire.model import Analysis, Article

LEAD_SENTENCES = 3
LEAD_WORDS = 120
LEAD_SCAN_CHARS = 20_000
# A sentence ends at . ! ? (optionally closed by a quote or bracket) followed by space and a capital,
# a digit or an opening quote; a title abbreviation before the stop ("Mr.", "Gen.") does not end one.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|No|Vol|U\.S|U\.N|U\.K|[A-Z])\.$"
)
# Datelines and bylines that open wire copy carry no story signal: "SEOUL, April 26 (Yonhap) -- ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{2,40}(?:,[^\n\u2014-]{0,40})?\s*(?:\([^)]{1,30}\))?\s*(?:--|\u2014|\u2013|-)\s+"
)
_GENRE_PREFIX = re.compile(r"^\s*\[[^\]]{1,30}\]\s*")


@dataclass(frozen=True)
class StoryInput:
    """One article as story grouping sees it.

    `actors` and `events` are plain strings so any analysis can feed them: CAMEO actor codes and
    normalised names from nlp, or named entities from a parser; `events` are event signatures such as
    "PRK|04|RUS" (source code, CAMEO root, target code). Both may be empty.
    """

    article_id: str
    outlet: str | None
    title: str
    lead: str
    published: date | None
    actors: frozenset[str] = field(default_factory=frozenset)
    events: frozenset[str] = field(default_factory=frozenset)

    @property
    def text(self) -> str:
        """What gets embedded: the title and the lead."""
        if not self.title:
            return self.lead
        return f"{self.title}. {self.lead}" if self.lead else self.title


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, cheaply: paragraph breaks and sentence-final punctuation, abbreviations kept."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n(?=[A-Z\"\u201c])", text):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        start = 0
        for m in _SENTENCE_END.finditer(paragraph):
            if _ABBREVIATION.search(paragraph[start : m.start()]):
                continue
            out.append(paragraph[start : m.start()].strip())
            start = m.end()
        out.append(paragraph[start:].strip())
    return [s for s in out if s]


def lead_text(text: str, max_sentences: int = LEAD_SENTENCES, max_words: int = LEAD_WORDS) -> str:
    """The first `max_sentences` sentences of `text`, cut at `max_words` words, dateline removed."""
    # The lead is in the opening: a very long text is not split into sentences whole.
    body = _DATELINE.sub("", text[:LEAD_SCAN_CHARS].lstrip(), count=1)
    words: list[str] = []
    for sentence in split_sentences(body)[: max(1, max_sentences)]:
        words.extend(sentence.split())
        if len(words) >= max_words:
            break
    return " ".join(words[:max_words])


def clean_title(title: str | None) -> str:
    """The headline without genre tags such as "[Opinion]" and with spacing normalised."""
    if not title:
        return ""
    return " ".join(_GENRE_PREFIX.sub("", unicodedata.normalize("NFKC", title)).split())


def as_date(value: date | datetime | str | None) -> date | None:
    """A calendar date from a date, datetime or ISO string; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(str(value).strip().replace("Z", "+00:00")).date()
    except ValueError:
        return None


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """A name as compared across articles: case, accents, dots and a leading "the" ignored.

    Cached: quote alignment compares every quote's speaker with every group's, the same few names
    over and over (it was most of a story comparison's time)."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = re.sub(r"['\u2019]s$", "", folded.strip())  # possessive: "Obama's" -> "obama"
    folded = re.sub(r"[.'\u2019]", "", folded)
    folded = re.sub(r"^the\s+", "", " ".join(folded.replace("-", " ").split()))
    return folded


def event_signature(source: str | None, cameo: str, target: str | None) -> str:
    """An event as compared across articles: who, CAMEO root, to whom."""
    return f"{source or '-'}|{cameo[:2]}|{target or '-'}"


def story_input(
    article: Article,
    analysis: Analysis | None = None,
    *,
    article_id: str | None = None,
    extra_actors: Iterable[str] = (),
) -> StoryInput:
    """A StoryInput from an article and, when there is one, its analysis (actors' codes and names,
    events' signatures)."""
    actors = {normalise_name(a) for a in extra_actors if a.strip()}
    events: set[str] = set()
    if analysis is not None:
        for actor in analysis.actors:
            if actor.anonymous:
                continue  # "a senior official" names nobody two outlets could share
            actors.add(normalise_name(actor.name))
            actors.update(code for code in actor.codes if code)
        for event in analysis.events:
            if not event.negated:
                events.add(
                    event_signature(
                        event.source.code, event.cameo, event.target.code if event.target else None
                    )
                )
    return StoryInput(
        article_id=article_id or article.id,
        outlet=article.outlet,
        title=clean_title(article.title),
        lead=lead_text(article.text),
        published=as_date(article.published),
        actors=frozenset(a for a in actors if a),
        events=frozenset(events),
    )
