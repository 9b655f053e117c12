"""The article analysis: the registered components (`nlp/registry.py`) run over one parse, in the order
`data/pipeline.toml` gives.

`analyze_article` is a pure function of (Article, Doc): it is what a process pool or a Dask worker
runs. `analyze_articles` batches the parsing through spaCy's `nlp.pipe` (with its parse cache) and
yields one `Analysis` per analysable article. This module registers nlp's components; the event coder
registers itself (`events/component.py`), and `crosswire.analysis`, which imports both, is what callers
wanting every built-in component use. `crosswire.scale.analyze_store` runs it over a store's
unanalysed articles, in chunks, where the run's executor runs tasks.
"""

from __future__ import annotations

import functools
import importlib.resources
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from crosswire import heap
from crosswire.knowledge.gazetteer import gazetteer
from crosswire.knowledge.resources import Resources
from crosswire.model import Analysis, Article
from crosswire.nlp import components, runtime  # noqa: F401  (components registers nlp's components)
from crosswire.nlp.fivew import title_texts
from crosswire.nlp.registry import AnalysisInProgress, registered

TITLE_BLOCK = 64  # articles whose headlines are parsed together (at most 3 parses each)


@functools.cache
def pipeline_order() -> tuple[str, ...]:
    """The components an analysis runs, in order (`data/pipeline.toml`)."""
    text = importlib.resources.files("crosswire").joinpath("data/pipeline.toml").read_text(encoding="utf-8")
    return tuple(tomllib.loads(text)["order"])


def analyze_article(
    article: Article, doc: Doc, resources: Resources | None = None, order: Sequence[str] | None = None
) -> Analysis:
    """Actors, times, places, quotes, tone, events and the 5W1H main event of one article: every component
    of `order` (None: `pipeline_order()`) run in turn over one analysis in progress."""
    steps = [registered(name) for name in (pipeline_order() if order is None else order)]
    work = AnalysisInProgress(article, doc, resources or Resources(), Analysis(article_id=article.id))
    for step in steps:
        step(work)
    return work.analysis


def analyze_articles(
    articles: Iterable[Article],
    *,
    batch_size: int = 32,
    resources: Resources | None = None,
    order: Sequence[str] | None = None,
) -> Iterator[tuple[Article, Analysis]]:
    """(article, analysis) for every analysable article, in this process; non-English articles are
    passed over. Process pools and Dask run this on chunks (`crosswire.scale`)."""
    todo = [a for a in articles if a.analysable and a.text.strip()]
    if todo:
        gazetteer()  # before the parser loads, whose entity fixes then read the large cities from it
        runtime.load_nlp()
        heap.models_loaded()  # in a run (run.analyze), collections no longer traverse what is loaded
    # Headlines are parsed in one batch per block: one spaCy call per headline cost more than the parsing.
    # A block's headline parses stay in the parse cache (runtime.MEMORY_CACHE_SIZE) until 5W1H asks.
    for start in range(0, len(todo), TITLE_BLOCK):
        block = todo[start : start + TITLE_BLOCK]
        titles = [text for a in block for text in title_texts(a.title, a.text)]
        for _ in runtime.parse_many(titles, batch_size=batch_size):
            pass
        docs = runtime.parse_many((a.text for a in block), batch_size=batch_size)
        for article, doc in zip(block, docs, strict=True):
            analysis = analyze_article(article, doc, resources, order)
            yield replace(article, main_event=analysis.main_event), analysis
