"""The actor graph: actors as nodes, coded events between them as directed edges.

Every interface draws the graph from the stories' facts (`facts_graph`: the same merged events the facts,
timeline and comparison show, briefing.py), so an edge's count is the number of event facts reported as
happened between the two actors. `actor_graph` over raw events stays for callers without stories.

A node is an actor key (its CAMEO country or organisation code, else its normalised name, as alignment
compares actors) labelled with what it is: a code key with its country's or body's name (never a
person's, stories/align.actor_label), a name key with the name used most often. An edge source -> target counts the coded
events between them and averages their Goldstein scores (-10 conflict .. +10 cooperation); its `kind` is
"cooperation" above +1, "conflict" below -1, else "neutral". Negated events are left out: "did not
attack" is not an attack. Exports: GraphML (for Gephi, yEd, networkx) and JSON.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from crosswire.model import Event, Fact
from crosswire.stories.align import actor_key, actor_label
from crosswire.stories.briefing import graph_edges

COOPERATION = 1.0
CONFLICT = -1.0


@dataclass
class Edge:
    source: str
    target: str
    count: int = 0
    goldstein_sum: float = 0.0
    scored: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    event_ids: list[str] = field(default_factory=list)

    @property
    def goldstein(self) -> float | None:
        return round(self.goldstein_sum / self.scored, 2) if self.scored else None

    @property
    def kind(self) -> str:
        g = self.goldstein
        if g is None:
            return "neutral"
        return "cooperation" if g > COOPERATION else "conflict" if g < CONFLICT else "neutral"


@dataclass
class ActorGraph:
    nodes: dict[str, dict[str, object]] = field(default_factory=dict)  # key -> {label, events, codes}
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "nodes": [{"id": k, **v} for k, v in sorted(self.nodes.items())],
            "edges": [
                {
                    "source": e.source,
                    "target": e.target,
                    "count": e.count,
                    "goldstein": e.goldstein,
                    "kind": e.kind,
                    "codes": dict(e.codes.most_common()),
                    "event_ids": e.event_ids,
                }
                for e in sorted(self.edges.values(), key=lambda e: (-e.count, e.source, e.target))
            ],
        }

    def to_graphml(self) -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
            '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
            '  <key id="events" for="node" attr.name="events" attr.type="int"/>',
            '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
            '  <key id="goldstein" for="edge" attr.name="goldstein" attr.type="double"/>',
            '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>',
            '  <graph id="actors" edgedefault="directed">',
        ]
        for key, node in sorted(self.nodes.items()):
            lines.append(
                f'    <node id={quoteattr(key)}><data key="label">{escape(str(node["label"]))}</data>'
                f'<data key="events">{node["events"]}</data></node>'
            )
        for i, e in enumerate(sorted(self.edges.values(), key=lambda e: (e.source, e.target))):
            gold = "" if e.goldstein is None else f'<data key="goldstein">{e.goldstein}</data>'
            lines.append(
                f'    <edge id="e{i}" source={quoteattr(e.source)} target={quoteattr(e.target)}>'
                f'<data key="count">{e.count}</data>{gold}<data key="kind">{e.kind}</data></edge>'
            )
        lines += ["  </graph>", "</graphml>", ""]
        return "\n".join(lines)

    def dumps(self, fmt: str) -> str:
        if fmt == "graphml":
            return self.to_graphml()
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=2)
        raise ValueError(f"unknown graph format {fmt!r}: choose graphml or json")


def actor_graph(events: Iterable[Event]) -> ActorGraph:
    """The graph of coded events between actors (events without a target add only their source node)."""
    graph = ActorGraph()
    labels: dict[str, Counter[str]] = {}
    seen: set[str] = set()
    for event in events:
        if event.negated or event.id in seen:
            continue
        seen.add(event.id)
        ends: list[str | None] = []
        for side in (event.source, event.target):
            key = side and actor_key(side.code, side.name)
            if side is None or not key:
                ends.append(None)
                continue
            labels.setdefault(key, Counter())[side.name or side.code or key] += 1
            node = graph.nodes.setdefault(key, {"label": key, "events": 0})
            node["events"] = int(node["events"]) + 1  # type: ignore[call-overload]
            ends.append(key)
        src, tgt = ends
        if src is None or tgt is None or src == tgt:
            continue
        edge = graph.edges.setdefault((src, tgt), Edge(src, tgt))
        edge.count += 1
        edge.codes[event.cameo] += 1
        edge.event_ids.append(event.id)
        if event.goldstein is not None:
            edge.goldstein_sum += event.goldstein
            edge.scored += 1
    for key, node in graph.nodes.items():
        node["label"] = actor_label(key, labels[key])
    return graph


def facts_graph(facts: Iterable[Fact], all_events: bool = False) -> ActorGraph:
    """The graph of event facts reported as happened (briefing.graph_edges): one count per fact; the
    doubted events left out unless `all_events`."""
    graph = ActorGraph()
    labels: dict[str, Counter[str]] = {}
    seen: set[str] = set()
    for edge in graph_edges(facts, all_events):
        if edge["event_id"] in seen:
            continue
        seen.add(edge["event_id"])
        for key, label in ((edge["source"], edge["source_label"]), (edge["target"], edge["target_label"])):
            labels.setdefault(key, Counter())[label] += 1
            node = graph.nodes.setdefault(key, {"label": key, "events": 0})
            node["events"] = int(node["events"]) + 1  # type: ignore[call-overload]
        found = graph.edges.setdefault((edge["source"], edge["target"]), Edge(edge["source"], edge["target"]))
        found.count += 1
        found.codes[str(edge["cameo"])] += 1
        found.event_ids.append(edge["event_id"])
        if edge["goldstein"] is not None:
            found.goldstein_sum += float(edge["goldstein"])
            found.scored += 1
    for key, node in graph.nodes.items():
        node["label"] = actor_label(key, labels[key])
    return graph


def edge_total(graph: ActorGraph) -> int:
    """How many facts the graph's edges stand for (the sum of their counts)."""
    return sum(e.count for e in graph.edges.values())
