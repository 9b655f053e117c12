"""The story page's comparison, read from a stored Story's facts (the merged events, stories/briefing.py:
the same facts `crosswire compare` and the report show): which facts several independent outlets report
as happened, which only one does, which each outlet leaves out, the statements, the positions, the
quotes aligned across outlets, the timeline and the actor graph. Only the actor page's event list reads
raw events (`timeline`), written as plain statements too. The events the precision gate doubts
(briefing.is_doubted) are in none of these but in `doubted`, the "less certain" list (the positions
they state in `doubted_positions`), unless the page or API call asks for `all_events` (`?all_events=1`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crosswire.model import FACT_STATUSES, Analysis, Article, Event, Story, outlet_readings, to_dict
from crosswire.stories.briefing import (
    DOUBTED_LABEL,
    cameo_name,
    counts,
    doubted_record,
    event_doubted,
    gate_threshold,
    is_doubted,
    kind_of,
    merged,
    merged_confidences,
    mirrors,
    shown,
    shown_and_doubted,
)
from crosswire.stories.build import story_from_comparison
from crosswire.stories.charts import timeline_svg
from crosswire.stories.compare import compare_story, is_corroborated, is_omitted_by, outlet_dates
from crosswire.stories.graph import facts_graph
from crosswire.stories.phrases import statement
from crosswire.stories.positions import positions
from crosswire.stories.summary import DOUBTED_POSITIONS_NOTE, NONE_FOUND, NONE_SURE
from crosswire.stories.timeline import story_timeline


def sentence_link(article_id: str, start: int, end: int) -> str:
    return f"/articles/{article_id}?hl={int(start)}-{int(end)}#hl"


def cameo_label(code: str | None) -> str:
    """The CAMEO name a person reads (briefing.cameo_name: "Consult", not "Consult, not specified below")."""
    return cameo_name(code) if code else "?"


def compare(
    story: Story, all_events: bool = False, heads: Iterable[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The comparison as plain data: the REST API returns it as JSON, the story page renders it. The
    doubted events are set apart in `doubted` (with `doubted_label` and the gate's `threshold`) unless
    `all_events`. `heads` (the member articles' {outlet, published}) let omissions take the articles'
    dates into account, as `crosswire compare` and the report do (stories/compare.is_omitted_by)."""
    published = None if heads is None else outlet_dates((h.get("outlet"), h.get("published")) for h in heads)
    outlets = list(dict.fromkeys(story.outlets))
    shown, doubted = shown_and_doubted(story.facts, all_events)
    shown_positions = positions(shown)
    said = {p.what for p in shown_positions}
    facts = []
    for i, fact in enumerate(shown):
        record = to_dict(fact)
        record["index"] = i
        record["corroborated"] = is_corroborated(fact)
        record["readings"] = outlet_readings(fact) if fact.kind != "quote" else []
        record["omitted_by"] = [o for o in outlets if is_omitted_by(o, fact, outlets, published)]
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
        "single_source": [f for f in facts if not f["corroborated"] and f["kind"] != "statement"],
        "statements": [f for f in facts if f["kind"] == "statement"],
        "positions": [to_dict(p) for p in shown_positions],
        # positions read off doubted events: a "less certain" sub-list, never among `positions`
        "doubted_positions": [to_dict(p) for p in positions(doubted) if p.what not in said],
        "none_found": NONE_FOUND,
        "none_sure": NONE_SURE,
        "doubted_positions_note": DOUBTED_POSITIONS_NOTE.format(threshold=gate_threshold()),
        "omitted": {o: fs for o, fs in omitted.items() if fs},
        "quotes": [f for f in facts if f["kind"] == "quote"],
        "doubted": [
            {
                **doubted_record(f),
                "reports": [
                    {**r, "href": sentence_link(r["article_id"], r["start"], r["end"])}
                    if r.get("article_id") is not None
                    and r.get("start") is not None
                    and r.get("end") is not None
                    else r
                    for r in doubted_record(f)["reports"]
                ],
            }
            for f in doubted
        ],
        "doubted_label": DOUBTED_LABEL,
        "threshold": gate_threshold(),
        "all_events": all_events,
        "portrayal": story.portrayal,
        "portrayal_by_actor": by_actor(story.portrayal),
        "portrayal_evidence": {
            actor: {
                outlet: [{**e, "href": sentence_link(e["article_id"], e["start"], e["end"])} for e in found]
                for outlet, found in per_outlet.items()
            }
            for actor, per_outlet in by_actor_evidence(story.portrayal_evidence).items()
        },
    }


def by_actor(portrayal: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """The stored {outlet: {actor: tone}} turned into {actor: {outlet: tone}}: one table row per actor."""
    rows: dict[str, dict[str, float]] = {}
    for outlet, tones in portrayal.items():
        for actor, tone in tones.items():
            rows.setdefault(actor, {})[outlet] = tone
    return dict(sorted(rows.items()))


def by_actor_evidence(
    evidence: dict[str, dict[str, list[dict[str, Any]]]],
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The stored {outlet: {actor: sentences}} turned into {actor: {outlet: sentences}}."""
    rows: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for outlet, actors in evidence.items():
        for actor, found in actors.items():
            rows.setdefault(actor, {})[outlet] = found
    return rows


def recompare_story(story: Story, members: list[Article], analyses: dict[str, Analysis]) -> Story:
    """`story` compared afresh over its (remaining) members, as the stories stage compares a story
    whose membership changed: the store calls this when an article leaves a story."""

    return story_from_comparison(story, compare_story(story, members, analyses))


def story_timeline_rows(story: Story, all_events: bool = False) -> list[dict[str, Any]]:
    """The story's timeline: one row per event fact (stories/timeline.py; doubted events left out unless
    `all_events`), with sentence links."""
    rows = []
    for entry in story_timeline(story, all_events):
        record = to_dict(entry)
        record["links"] = [
            {
                "href": sentence_link(s["article_id"], s["start"], s["end"]),
                "outlet": s.get("outlet"),
                "text": s.get("text"),
                "reads": s.get("reads"),
            }
            for s in entry.sources
            if s.get("article_id") is not None and s.get("start") is not None
        ]
        rows.append(record)
    return rows


def story_chart(rows: list[dict[str, Any]]) -> str:
    """The timeline chart's SVG (stories/charts.py escapes every text in it)."""
    return timeline_svg(rows)


def story_graph(story: Story, all_events: bool = False) -> dict[str, Any]:
    """The story's actor graph from its facts (stories/graph.py `facts_graph`; doubted events left out
    unless `all_events`): nodes keyed as alignment keys actors (CAMEO code, else name) with the name used
    most as label; one count per fact."""
    graph = facts_graph(story.facts, all_events).to_json()
    return {
        "nodes": [{"id": n["id"], "label": n["label"], "weight": n["events"]} for n in graph["nodes"]],
        "edges": [
            {
                "source": e["source"],
                "target": e["target"],
                "count": e["count"],
                "root": next(iter(e["codes"]), "")[:2],
                "label": ", ".join(cameo_label(c) for c in e["codes"]),
            }
            for e in graph["edges"]
        ],
    }


def _shown_status(event: Event) -> str:
    """The statement's form for an act not reported as done: a negated forecast ("will not accept") reads
    "is not expected to", not "did not"."""
    if not event.negated:
        return event.status
    return (
        "negated" if event.status in FACT_STATUSES or event.status == "denied" else f"negated-{event.status}"
    )


def actor_events(
    name: str, involved: list[Event], reported: list[Event], stories: Iterable[Story]
) -> list[dict[str, Any]]:
    """The actor page's events: the facts and statements of the stories holding the actor's articles
    (the one event model: the merged events that events.jsonl, the story page and the report show, each
    once, a symmetric act's mirror image left out) that the actor is a side of or that hold a report the
    actor is a side of; one the precision gate doubts is marked "less certain". Events of articles in no
    story are merged here (`briefing.merged`), as a story would. `involved`: the coded events the actor
    is a side of; `reported`: every coded event of its articles."""
    theirs = {(m.article_id, m.start) for e in involved for m in e.mentions}
    rows: dict[str, dict[str, Any]] = {}
    covered: set[str] = set()
    for story in stories:
        covered.update(story.article_ids)
        for fact in story.facts:
            if fact.kind not in ("event", "statement") or not fact.event_id or fact.event_id in rows:
                continue
            sides = {side.get("name") for side in (fact.source, fact.target) if side}
            if name not in sides and not any((x["article_id"], x["start"]) in theirs for x in fact.sentences):
                continue
            cameo = str(fact.codes.get("cameo") or "")
            rows[fact.event_id] = {
                "id": fact.event_id,
                "date": fact.date,
                "cameo": cameo,
                "label": cameo_label(cameo),
                "statement": fact.summary,
                "status": fact.status,
                "kind": fact.kind,
                "confidence": fact.confidence,
                "doubted": is_doubted(fact),
                "links": [
                    {
                        "href": sentence_link(x["article_id"], x["start"], x["end"]),
                        "outlet": x.get("outlet"),
                        "text": x.get("text"),
                    }
                    for x in fact.sentences
                ],
            }
    alone = [e for e in reported if not {m.article_id for m in e.mentions} <= covered]
    groups = merged(alone)
    mirrored = mirrors(groups)
    for event in groups:
        if event.id in mirrored or event.id in rows:
            continue
        if not any((m.article_id, m.start) in theirs for m in event.mentions):
            continue
        view = shown(event)
        rows[event.id] = {
            "id": event.id,
            "date": view["date"],
            "cameo": event.cameo,
            "label": cameo_label(event.cameo),
            "statement": view["statement"],
            "status": view["status"],
            "kind": kind_of(event),
            "confidence": event.confidence,
            "doubted": event_doubted(event),
            "links": [
                {"href": sentence_link(m.article_id, m.start, m.end), "outlet": m.outlet, "text": m.sentence}
                for m in event.mentions
            ],
        }
    return sorted(rows.values(), key=lambda r: (r["date"] is None, r["date"] or ""))


def timeline(events: list[Event]) -> list[dict[str, Any]]:
    """Events by date with a plain statement and links to the sentences reporting them (the actor
    page's list of one actor's raw events); an event whose merged act the precision gate doubts is
    marked so (`doubted`, briefing.merged_confidences)."""
    rows = []
    for event, confidence in zip(events, merged_confidences(events), strict=True):
        target = event.target.name if event.target and event.target.name else None
        happened = any(counts(m) for m in event.mentions) or not event.mentions
        status = "happened" if happened and not event.negated else _shown_status(event)
        rows.append(
            {
                "id": event.id,
                "date": event.date if event.date_precision != "published" else None,
                "cameo": event.cameo,
                "label": cameo_label(event.cameo),
                "statement": statement(event.source.name, event.cameo, target, status, rule=event.rule),
                "source": event.source.name,
                "target": target,
                "negated": event.negated,
                # the merged act's confidence (its reports' together, as the story page has it)
                "confidence": confidence,
                "doubted": confidence < gate_threshold(),  # marked "less certain"
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
