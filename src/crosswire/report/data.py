"""Everything the briefing report shows, gathered once: articles, analyses, stories and their comparisons,
the timeline, the actor graph, the situation summary and quotes by speaker. A large corpus gets a
bounded briefing over its most significant stories (report/scope.py)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from crosswire.model import Analysis, Article, Event, Story, shown_quote
from crosswire.report.scope import (
    REPORT_ARTICLES,
    REPORT_STORIES,
    Coverage,
    choose,
    covered_from_lists,
    covered_from_store,
    keep_stories,
    ranks_from_lists,
    ranks_from_store,
)
from crosswire.report.stored import comparison_from_story
from crosswire.store import Store
from crosswire.store.bulk import TABLES as ANALYSIS_TABLES
from crosswire.stories.build import build_stories
from crosswire.stories.compare import Comparison, compare_story
from crosswire.stories.graph import ActorGraph, facts_graph
from crosswire.stories.summary import Summary, situation_summary
from crosswire.stories.timeline import TimelineEntry, corpus_timeline


@dataclass
class ReportData:
    articles: list[Article]
    analyses: dict[str, Analysis]
    stories: list[Story]
    comparisons: dict[str, Comparison] = field(default_factory=dict)
    timeline: list[TimelineEntry] = field(default_factory=list)
    graph: ActorGraph = field(default_factory=ActorGraph)
    summary: Summary = field(default_factory=Summary)
    quotes_by_speaker: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # None: the whole corpus; else how much of it a bounded briefing covers.
    coverage: Coverage | None = None

    @property
    def article_by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


def report_data(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    stories: Sequence[Story],
    events: Sequence[Event] | None = None,
    *,
    stored_facts: bool = False,
    max_stories: int = REPORT_STORIES,
    max_articles: int = REPORT_ARTICLES,
    all_events: bool = False,
) -> ReportData:
    """Compute the report's contents (stories must already be built, e.g. by `build_stories`).

    The events the precision gate doubts are set apart in each comparison's less-certain list and left
    out of the timeline, the graph and the summary (stories/briefing.py), unless `all_events`.

    With `stored_facts`, each story's facts are taken as they are (the stories step aligned them when
    the story last changed) instead of aligning its articles again; see report/stored.py. A corpus
    with more than `max_stories` stories or `max_articles` articles is narrowed to its most
    significant stories and their articles first (report/scope.py)."""
    arts, kept_stories, found = list(articles), list(stories), dict(analyses)
    choice = choose(ranks_from_lists(kept_stories, arts), len(arts), max_stories, max_articles)
    coverage = None
    if choice is not None:
        kept_stories = keep_stories(kept_stories, choice.stories)
        ids = covered_from_lists(kept_stories, arts, choice)
        coverage = Coverage(len(kept_stories), sum(a.id in ids for a in arts), len(stories), len(arts))
        arts = [a for a in arts if a.id in ids]
        found = {k: v for k, v in found.items() if k in ids}
        if events is not None:
            events = [e for e in events if any(m.article_id in ids for m in e.mentions)]
    return _contents(arts, found, kept_stories, events, stored_facts, coverage, all_events)


def _contents(
    arts: list[Article],
    analyses: dict[str, Analysis],
    stories: list[Story],
    events: Sequence[Event] | None,
    stored_facts: bool,
    coverage: Coverage | None,
    all_events: bool = False,
) -> ReportData:
    data = ReportData(articles=arts, analyses=analyses, stories=stories, coverage=coverage)
    by_id = data.article_by_id
    for story in data.stories:
        if stored_facts and events is None:
            # In the story's own article order, as the stories step compared it (alignment keeps the
            # first wording it meets, so the order decides which one a fact shows).
            found = [by_id[i] for i in story.article_ids if i in by_id]
            data.comparisons[story.id] = comparison_from_story(story, found, analyses, all_events=all_events)
        else:
            data.comparisons[story.id] = compare_story(story, arts, analyses, events, all_events=all_events)
    # One event model (stories/briefing.py): the timeline, the graph and the positions are the
    # stories' compared facts, the same ones the comparisons list.
    data.timeline = corpus_timeline(
        [
            replace(s, facts=data.comparisons[s.id].facts) if s.id in data.comparisons else s
            for s in data.stories
        ],
        all_events,
    )
    all_facts = [f for c in data.comparisons.values() for f in c.facts]
    data.graph = facts_graph(all_facts, all_events)
    # the summary sets the doubted facts' positions apart itself (`doubted_positions`): it gets them all
    doubted = [f for c in data.comparisons.values() for f in c.doubted]
    data.summary = situation_summary(arts, analyses, [*all_facts, *doubted], all_events)
    for aid, analysis in sorted(analyses.items()):
        article = by_id.get(aid)
        if article is None:
            continue
        for q in analysis.quotes:
            sp = q.speaker
            who = (
                (sp.description or sp.name or "anonymous source")
                if sp.anonymous
                else (sp.name or "unknown speaker")
            )
            data.quotes_by_speaker.setdefault(who, []).append(
                {
                    "article_id": aid,
                    "outlet": article.outlet,
                    "start": q.start,
                    "end": q.end,
                    "text": q.text,
                    "shown": shown_quote(q.text, q.kind),
                    "kind": q.kind,
                    "anonymous": sp.anonymous,
                }
            )
    data.quotes_by_speaker = dict(sorted(data.quotes_by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    return data


def report_data_from_store(
    store: Store,
    *,
    max_stories: int = REPORT_STORIES,
    max_articles: int = REPORT_ARTICLES,
    all_events: bool = False,
) -> ReportData:
    """Report contents from a store: its articles, analyses and stored stories (built here if none).

    Stored stories keep the facts the stories step aligned, so they are not aligned again here. A
    large corpus's stories are ranked in SQL and only the kept stories, their articles and analyses
    are read and decoded, so the cost does not grow with the corpus."""

    n_stories, n_articles = store.corpus_size()
    ranks = ranks_from_store(store) if n_stories else []
    choice = choose(ranks, n_articles, max_stories, max_articles) if n_stories else None
    if choice is not None:
        chosen = store.stored_stories(ids=choice.stories)
        ids = store.in_corpus_order(covered_from_store(store, chosen, choice))
        articles = [a for a in store.iter_articles(ids=ids) if a.duplicate_of is None]
        wanted = set(ids)
        picked = store.iter_all_analyses(ids=wanted, parts=("actors", "quotes", "events"))
        coverage = Coverage(len(chosen), len(articles), n_stories, n_articles)
        analyses = {an.article_id: an for an in picked}
        return _contents(articles, analyses, chosen, None, True, coverage, all_events)
    stories = store.stored_stories()
    articles = [a for a in store.iter_articles() if a.duplicate_of is None]
    wanted = {a.id for a in articles}
    # The report reads actors, quotes and events; places and time references are left out,
    # unless stories must be grouped here (the grouping reads whole analyses).
    found = store.iter_all_analyses(parts=("actors", "quotes", "events") if stories else ANALYSIS_TABLES)
    analyses = {an.article_id: an for an in found if an.article_id in wanted}
    if not stories and articles:
        stories = build_stories(articles, analyses)
    return report_data(
        articles,
        analyses,
        stories,
        stored_facts=True,
        max_stories=max_stories,
        max_articles=max_articles,
        all_events=all_events,
    )
