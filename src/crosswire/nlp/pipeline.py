"""The article analysis: every extractor in `nlp/` (and the event coder) run over one parse.

`analyze_article` is a pure function of (Article, Doc): it is what a process pool or a Dask worker
runs. `analyze_articles` batches the parsing through spaCy's `nlp.pipe` (with its parse cache) and
yields one `Analysis` per analysable article. `crosswire.scale.analyze_store` runs it over a store's
unanalysed articles, in chunks, where the run's executor runs tasks.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from crosswire.model import Analysis, Article
from crosswire.nlp import runtime
from crosswire.nlp.fivew import title_texts

TITLE_BLOCK = 64  # articles whose headlines are parsed together (at most 3 parses each)


@dataclass(frozen=True)
class Resources:
    """What the extractors look things up in: the knowledge base (None: the built-in one, maybe extended
    with --actors dictionaries) and the sources registry (None: the built-in one, maybe a user's file).
    Plain data, so it pickles to process-pool and Dask workers with the articles."""

    kb: Any = None
    sources: Any = None


def analyze_article(article: Article, doc: Doc, resources: Resources | None = None) -> Analysis:
    """Actors, times, places, quotes, tone, events and the 5W1H main event of one article."""
    from crosswire.events.extract import extract_events
    from crosswire.knowledge.kb import KnowledgeBase
    from crosswire.nlp.actors import extract_actors
    from crosswire.nlp.dates import extract_times
    from crosswire.nlp.fivew import main_event
    from crosswire.nlp.places import extract_places
    from crosswire.nlp.quotes import extract_quotes
    from crosswire.nlp.tone_model import score_tone

    resources = resources or Resources()
    kb = resources.kb or KnowledgeBase.builtin()
    actors = extract_actors(article, doc, kb, sources=resources.sources)
    times = extract_times(article, doc)
    countries = sorted({a.country for a in actors if a.country})
    places = extract_places(article, doc, countries)
    # Beliefs and intentions ("analysts believe that ...") still mark whose words a stretch is for tone and
    # events; only reported speech is kept as the article's quotes, which every interface shows as "X says".
    attributed = extract_quotes(article, doc, actors, attributions=True)
    # A quote with no speaker cannot be shown as anyone's words ('..., asked if ..., said, "..."' misparsed).
    quotes = [q for q in attributed if q.kind != "attribution" and (q.speaker.name or q.speaker.mention)]
    actors = score_tone(article, doc, actors, attributed)
    events = extract_events(article, doc, actors, times, places, attributed)
    five = main_event(article, doc, actors=actors, times=times, places=places, quotes=attributed)
    return Analysis(
        article_id=article.id,
        actors=actors,
        quotes=quotes,
        events=events,
        places=places,
        times=times,
        main_event=five,
    )


def analyze_articles(
    articles: Iterable[Article],
    *,
    batch_size: int = 32,
    resources: Resources | None = None,
) -> Iterator[tuple[Article, Analysis]]:
    """(article, analysis) for every analysable article, in this process; non-English articles are
    passed over. Process pools and Dask run this on chunks (`crosswire.scale`)."""
    todo = [a for a in articles if a.analysable and a.text.strip()]
    # Headlines are parsed in one batch per block: one spaCy call per headline cost more than the parsing.
    # A block's headline parses stay in the parse cache (runtime.MEMORY_CACHE_SIZE) until 5W1H asks.
    for start in range(0, len(todo), TITLE_BLOCK):
        block = todo[start : start + TITLE_BLOCK]
        titles = [text for a in block for text in title_texts(a.title, a.text)]
        for _ in runtime.parse_many(titles, batch_size=batch_size):
            pass
        docs = runtime.parse_many((a.text for a in block), batch_size=batch_size)
        for article, doc in zip(block, docs, strict=True):
            analysis = analyze_article(article, doc, resources)
            yield replace(article, main_event=analysis.main_event), analysis
