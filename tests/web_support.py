"""The demo corpus for the web tests: examples/ ingested, analysed by the real nlp pipeline, and
grouped into stories compared by the real comparison (stories/compare.py over the one event model,
stories/briefing.py), so the story page shows what `crosswire compare` and the report show.

Stories follow examples/truth.toml (the examples' ground truth), not a clustering model, so the
pages under test are the same on every run.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from crosswire import api
from crosswire.analysis import analyze_articles
from crosswire.model import Article, Story
from crosswire.stories.build import story_from_comparison
from crosswire.stories.compare import compare_story

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _story_of(truth: dict[str, Any], article: Article) -> str | None:
    for entry in truth["article"]:
        if entry.get("url") and entry["url"] == article.url:
            return entry["story"]
        if entry.get("title") and entry["title"] == article.title:
            return entry["story"]
    return None


def load_demo_corpus(db_url: str, extra_paths: list[Path] | None = None) -> dict[str, Any]:
    """Ingest examples/ (and `extra_paths`) into `db_url`, analyse, group and align; returns
    {"stories": [Story], "articles": [Article]} as stored."""
    truth = tomllib.loads((EXAMPLES / "truth.toml").read_text(encoding="utf-8"))
    paths: list[Path] = [EXAMPLES, *(extra_paths or [])]
    api.ingest(paths, db=db_url, manifest=EXAMPLES / "manifest.toml", sources=EXAMPLES / "sources.toml")
    with api.open_corpus(db_url) as corpus:
        store = corpus.store
        articles = [a for a in store.iter_articles() if not a.duplicate_of]
        pairs = list(analyze_articles(articles))
        store.save_analyses([analysis for _, analysis in pairs])
        analyses = {analysis.article_id: analysis for _, analysis in pairs}
        by_story: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            key = _story_of(truth, article)
            if key:
                by_story[key].append(article)
        titles = {s["key"]: s["title"] for s in truth["story"]}
        stories = []
        for key, members in by_story.items():
            dates = sorted(a.published.date().isoformat() for a in members if a.published)
            story = Story(
                article_ids=[a.id for a in members],
                title=titles.get(key),
                outlets=sorted({a.outlet for a in members if a.outlet}),
                date_span=(dates[0] if dates else None, dates[-1] if dates else None),
            )
            stories.append(story_from_comparison(story, compare_story(story, members, analyses)))
        store.save_stories(stories)
        return {"stories": stories, "articles": articles}


__all__ = ["EXAMPLES", "load_demo_corpus"]
