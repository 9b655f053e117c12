"""The story page's comparison, computed from a stored Story and its events: which facts several
independent outlets report, which only one does, and which each outlet leaves out; the quotes
aligned across outlets; the timeline; and the actor graph's nodes and edges.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from crosswire.events.codebook import Codebook
from crosswire.model import Analysis, Article, Event, Story, to_dict
from crosswire.stories.compare import is_corroborated, is_omitted_by


def sentence_link(article_id: str, start: int, end: int) -> str:
    return f"/articles/{article_id}?hl={int(start)}-{int(end)}#hl"


def cameo_label(code: str | None) -> str:
    if not code:
        return "?"
    entry = (
        Codebook.builtin().get(code) or Codebook.builtin().get(code[:3]) or Codebook.builtin().get(code[:2])
    )
    return entry.name if entry else code


def compare(story: Story) -> dict[str, Any]:
    """The comparison as plain data: the REST API returns it as JSON, the story page renders it."""
    outlets = list(dict.fromkeys(story.outlets))
    facts = []
    for i, fact in enumerate(story.facts):
        record = to_dict(fact)
        record["index"] = i
        record["corroborated"] = is_corroborated(fact)
        record["omitted_by"] = [o for o in outlets if is_omitted_by(o, fact, outlets)]
        record["links"] = [
            {**s, "href": sentence_link(s["article_id"], s["start"], s["end"])}
            for s in fact.sentences
            if s.get("article_id") is not None and s.get("start") is not None and s.get("end") is not None
        ]
        facts.append(record)
    # Each omission names its fact by index and summary; the full record is in the lists above.
    omitted = {
        o: [
            {"index": f["index"], "summary": f["summary"], "outlets": f["outlets"]}
            for f in facts
            if o in f["omitted_by"]
        ]
        for o in outlets
    }
    return {
        "story_id": story.id,
        "title": story.title,
        "outlets": outlets,
        "corroborated": [f for f in facts if f["corroborated"]],
        "single_source": [f for f in facts if not f["corroborated"]],
        "omitted": {o: fs for o, fs in omitted.items() if fs},
        "quotes": [f for f in facts if f["kind"] == "quote"],
        "portrayal": story.portrayal,
        "portrayal_by_actor": by_actor(story.portrayal),
    }


def by_actor(portrayal: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """The stored {outlet: {actor: tone}} turned into {actor: {outlet: tone}}: one table row per actor."""
    rows: dict[str, dict[str, float]] = {}
    for outlet, tones in portrayal.items():
        for actor, tone in tones.items():
            rows.setdefault(actor, {})[outlet] = tone
    return dict(sorted(rows.items()))


def recompare_story(story: Story, members: list[Article], analyses: dict[str, Analysis]) -> Story:
    """`story` compared afresh over its (remaining) members, as the stories stage compares a story
    whose membership changed: the store calls this when an article leaves a story."""
    from crosswire.stories.build import story_from_comparison
    from crosswire.stories.compare import compare_story

    return story_from_comparison(story, compare_story(story, members, analyses))


def timeline(events: list[Event]) -> list[dict[str, Any]]:
    """Events by date with a readable line and links to the sentences reporting them."""
    rows = []
    for event in events:
        target = event.target.name if event.target and event.target.name else None
        rows.append(
            {
                "id": event.id,
                "date": event.date,
                "cameo": event.cameo,
                "label": cameo_label(event.cameo),
                "source": event.source.name,
                "target": target,
                "negated": event.negated,
                "links": [
                    {
                        "href": sentence_link(m.article_id, m.start, m.end),
                        "outlet": m.outlet,
                        "text": m.sentence,
                    }
                    for m in event.mentions
                ],
            }
        )
    return rows


def actor_graph(events: list[Event], actors: list[dict[str, Any]], max_nodes: int = 40) -> dict[str, Any]:
    """Nodes (actors, sized by mentions) and edges (events between them, by CAMEO root)."""
    weight: Counter[str] = Counter()
    for actor in actors:
        if actor.get("name"):
            weight[actor["name"]] += max(1, int(actor.get("mentions") or 1))
    edges: Counter[tuple[str, str, str]] = Counter()
    for event in events:
        source = event.source.name
        target = event.target.name if event.target else None
        if source and target and source != target:
            edges[(source, target, (event.cameo or "")[:2])] += 1
            weight[source] += 1
            weight[target] += 1
    keep = {name for name, _ in weight.most_common(max_nodes)}
    return {
        "nodes": [{"id": name, "weight": w} for name, w in weight.most_common(max_nodes)],
        "edges": [
            {"source": s, "target": t, "root": r, "label": cameo_label(r), "count": n}
            for (s, t, r), n in sorted(edges.items())
            if s in keep and t in keep
        ],
    }
