"""The article analysis: every extractor in `nlp/` (and the event coder) run over one parse.

`analyze_article` is a pure function of (Article, Doc): it is what a process pool or a Dask worker
runs. `analyze_articles` batches the parsing through spaCy's `nlp.pipe` (with its parse cache) and
yields one `Analysis` per analysable article. `analyze_store` is the step `crosswire analyze` runs:
it reads stored articles that have no analysis yet, analyses them in chunks and saves each chunk in
one transaction, so an interrupted run keeps what it finished and re-running it does the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from crosswire.model import Analysis, Article

# progress(task, completed, total), as in crosswire.api
ProgressFn = Callable[[str, int, int | None], None]
CHUNK = 64
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
    from crosswire.nlp.actors import extract_actors
    from crosswire.nlp.dates import extract_times
    from crosswire.nlp.fivew import main_event
    from crosswire.nlp.kb import KnowledgeBase
    from crosswire.nlp.places import extract_places
    from crosswire.nlp.quotes import extract_quotes
    from crosswire.nlp.tone import score_tone

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
    n_process: int = 1,
    batch_size: int = 32,
    resources: Resources | None = None,
) -> Iterator[tuple[Article, Analysis]]:
    """(article, analysis) for every analysable article; non-English articles are passed over.

    With `n_process` > 1 whole chunks (parse and extraction) go to a process pool: parsing alone in
    parallel would leave the extractors serial in this process.
    """
    todo = [a for a in articles if a.analysable and a.text.strip()]
    if n_process > 1 and len(todo) > batch_size:
        from crosswire.scale import analyze_in_pool

        chunks = (todo[i : i + batch_size] for i in range(0, len(todo), batch_size))
        for pairs in analyze_in_pool(chunks, n_process, resources=resources):
            yield from pairs
        return
    from crosswire.nlp import runtime
    from crosswire.nlp.fivew import title_texts

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


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyze_store(
    store: Any,
    progress: ProgressFn | None = None,
    *,
    n_process: int = 1,
    force: bool = False,
    chunk_size: int = CHUNK,
    client: Any = None,
    resources: Resources | None = None,
    executor: Any = None,
) -> int:
    """Analyse every stored, analysable article without an analysis (all of them with `force`).

    With an `executor` (`crosswire.scale`) the chunks run where it runs tasks; with a Dask `client` on
    the cluster, with `n_process` > 1 in a local process pool, else in this process. Each finished chunk is saved in one transaction.
    """
    # The store finds the unanalysed articles itself (an anti-join), so no set of every analysed id
    # is held here and memory stays flat however large the corpus grows.
    if force:
        todo: Iterable[Article] = (a for a in store.iter_articles() if a.analysable)
        total = store.count_articles()
    else:
        todo, total = store.iter_unanalysed(), store.count_unanalysed()
    if executor is not None:  # a scale.Executor: in-process, process pool or Dask, results in order
        from crosswire.scale import analyze_chunks

        results: Iterable[list[tuple[Article, Analysis]]] = analyze_chunks(
            _chunks(todo, chunk_size), executor, resources=resources
        )
    elif client is not None:
        from crosswire.scale import analyze_distributed

        results = analyze_distributed(_chunks(todo, chunk_size), client, resources=resources)
    elif n_process > 1:
        from crosswire.scale import analyze_in_pool

        results = analyze_in_pool(_chunks(todo, chunk_size), n_process, resources=resources)
    else:
        results = (list(analyze_articles(chunk, resources=resources)) for chunk in _chunks(todo, chunk_size))
    count = 0
    for pairs in results:
        store.save_analyses([analysis for _, analysis in pairs])
        count += len(pairs)
        if progress:
            progress("analysis", count, total)
    if count:
        # The analyses are stored: the cached parses (hundreds of Docs with their tensors) would only
        # raise the peak memory of the steps that follow (story embeddings, outputs).
        from crosswire.nlp import runtime

        runtime.clear_cache()
    return count
