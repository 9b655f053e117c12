"""Stories with their facts and portrayals: grouping (cluster.py) followed by comparison (compare.py).

`build_stories` is the pure core; `stories_step` and `write_stories_output` are the hooks crosswire's
API runs (`api.ANALYSIS_STEPS`, `api.OUTPUT_WRITERS`): the first groups the stored corpus and stores the
stories, the second writes `stories.jsonl` (docs/output-format.md, "## stories.jsonl").
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from crosswire.model import Analysis, Article, Event, Story, to_dict
from crosswire.stories.compare import Comparison, compare_story

ProgressFn = Callable[[str, int, int | None], None]


def story_from_comparison(story: Story, comp: Comparison) -> Story:
    """`story` with the comparison's facts and its portrayal {outlet: {actor: tone}} filled in."""
    story.facts = comp.facts
    story.portrayal = {
        outlet: {actor: view["tone"] for actor, view in actors.items() if view.get("tone") is not None}
        for outlet, actors in comp.portrayal.items()
    }
    return story


def build_stories(
    articles: Sequence[Article],
    analyses: Mapping[str, Analysis],
    events: Iterable[Event] | None = None,
    *,
    threshold: float | None = None,
) -> list[Story]:
    """Group `articles` into stories and align each story's facts across its outlets.

    `analyses` maps article id -> Analysis (articles without one are grouped by text alone);
    `events` are the corpus's events (e.g. merged across articles), by default each analysis's own."""
    from crosswire.stories.cluster import THRESHOLD, group_articles
    from crosswire.stories.inputs import story_input

    ids = list(dict.fromkeys(a.id for a in articles))
    unique = {a.id: a for a in articles}
    items = [story_input(unique[i], analyses.get(i)) for i in ids]
    clusters = group_articles(items, threshold=THRESHOLD if threshold is None else threshold)
    pool = list(events) if events is not None else None
    stories: list[Story] = []
    key_to_id: dict[str, str] = {}
    for cluster in clusters:
        story = Story(
            article_ids=list(cluster.article_ids),
            title=cluster.title,
            outlets=list(cluster.outlets),
            date_span=cluster.date_span,
        )
        key_to_id[cluster.key] = story.id
        members = [unique[i] for i in cluster.article_ids]
        stories.append(story_from_comparison(story, compare_story(story, members, analyses, pool)))
    for story, cluster in zip(stories, clusters, strict=True):
        story.related = [key_to_id[k] for k in cluster.related if k in key_to_id]
    return stories


def story_record(story: Story) -> dict[str, Any]:
    """The `stories.jsonl` shape (docs/output-format.md)."""
    facts = []
    for fact in story.facts:
        rec: dict[str, Any] = {"kind": fact.kind, "summary": fact.summary}
        if fact.kind == "quote":
            rec["quote_id"] = fact.quote_id
            rec["speaker"] = fact.sentences[0].get("speaker") if fact.sentences else None
        else:
            rec["event_id"] = fact.event_id
        rec.update(
            outlets=list(fact.outlets),
            independent_outlets=list(fact.independent_outlets),
            sentences=to_dict(fact.sentences),
        )
        facts.append(rec)
    return {
        "id": story.id,
        "title": story.title,
        "article_ids": list(story.article_ids),
        "outlets": list(story.outlets),
        "date_span": list(story.date_span),
        "facts": facts,
        "portrayal": to_dict(story.portrayal),
        "related": list(story.related),
    }


def load_corpus(store: Any) -> tuple[list[Article], dict[str, Analysis]]:
    """Every stored article and its analysis (when it has one)."""
    articles = [a for a in store.iter_articles() if a.duplicate_of is None]
    wanted = {a.id for a in articles}
    analyses = {an.article_id: an for an in store.iter_analyses() if an.article_id in wanted}
    return articles, analyses


def stories_step(corpus: Any, progress: ProgressFn | None = None) -> None:
    """Analysis step: group the stored corpus into stories and store them (replacing earlier ones)."""
    articles, analyses = load_corpus(corpus.store)
    if progress:
        progress("stories", 0, len(articles))
    stories = build_stories(articles, analyses)
    corpus.store.save_stories(stories)
    if progress:
        progress("stories", len(articles), len(articles))


def write_stories_jsonl(stories: Iterable[Story], path: Path) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        for story in stories:
            fh.write(json.dumps(story_record(story), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_stories_output(corpus: Any, out_dir: Path) -> dict[str, str]:
    """Output writer: `stories.jsonl` from the stored stories."""
    path = Path(out_dir) / "stories.jsonl"
    write_stories_jsonl(corpus.stories(), path)
    return {"stories": str(path)}
