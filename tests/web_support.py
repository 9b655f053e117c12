"""The demo corpus for the web tests: examples/ ingested, analysed by the real nlp pipeline, and
grouped into stories whose facts are aligned here (events by actors and CAMEO root, quotes by
speaker), so the story page has corroborated, single-source and omitted facts to show.

Stories follow examples/truth.toml (the examples' ground truth), not a clustering model, so the
pages under test are the same on every run.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path
from typing import Any

from crosswire import api
from crosswire.model import Analysis, Article, Fact, Story
from crosswire.nlp.pipeline import analyze_articles

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def _story_of(truth: dict[str, Any], article: Article) -> str | None:
    for entry in truth["article"]:
        if entry.get("url") and entry["url"] == article.url:
            return entry["story"]
        if entry.get("title") and entry["title"] == article.title:
            return entry["story"]
    return None


def _facts(articles: list[Article], analyses: dict[str, Analysis]) -> list[Fact]:
    groups: dict[tuple[str, ...], Fact] = {}
    for article in articles:
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for event in analysis.events:
            key = (
                "event",
                event.source.name or "?",
                event.cameo[:2],
                (event.target and event.target.name) or "?",
            )
            target = f" → {key[3]}" if key[3] != "?" else ""
            fact = groups.setdefault(key, Fact(kind="event", summary=f"{key[1]} [{event.cameo[:2]}]{target}"))
            for m in event.mentions:
                if m.article_id == article.id:
                    fact.sentences.append(
                        {
                            "article_id": article.id,
                            "outlet": article.outlet,
                            "start": m.start,
                            "end": m.end,
                            "text": m.sentence,
                        }
                    )
        for quote in analysis.quotes:
            if not quote.speaker.name:
                continue
            key = ("quote", quote.speaker.name)
            fact = groups.setdefault(key, Fact(kind="quote", summary=f"{quote.speaker.name} is quoted"))
            fact.sentences.append(
                {
                    "article_id": article.id,
                    "outlet": article.outlet,
                    "start": quote.start,
                    "end": quote.end,
                    "text": quote.text,
                }
            )
    for fact in groups.values():
        fact.outlets = sorted({s["outlet"] for s in fact.sentences if s["outlet"]})
        fact.independent_outlets = list(fact.outlets)
    return [f for f in groups.values() if f.sentences]


def _portrayal(articles: list[Article], analyses: dict[str, Analysis]) -> dict[str, dict[str, float]]:
    tones: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for article in articles:
        for actor in getattr(analyses.get(article.id), "actors", []):
            if actor.tone is not None and article.outlet:
                tones[actor.name][article.outlet].append(actor.tone)
    return {
        name: {outlet: sum(v) / len(v) for outlet, v in by_outlet.items()}
        for name, by_outlet in tones.items()
        if len(by_outlet) >= 2
    }


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
            stories.append(
                Story(
                    article_ids=[a.id for a in members],
                    title=titles.get(key),
                    outlets=sorted({a.outlet for a in members if a.outlet}),
                    date_span=(dates[0] if dates else None, dates[-1] if dates else None),
                    facts=_facts(members, analyses),
                    portrayal=_portrayal(members, analyses),
                )
            )
        store.save_stories(stories)
        return {"stories": stories, "articles": articles}


__all__ = ["EXAMPLES", "load_demo_corpus"]
