"""Charts for the report as inline SVG strings, drawn in Python so the report needs nothing at view time.

Every piece of text that enters an SVG goes through `html.escape`; the callers mark the result safe for
the template only because of that.
"""

from __future__ import annotations

import math
from html import escape

from crosswire.stories.charts import timeline_svg  # noqa: F401  (re-exported: one chart for report and web)
from crosswire.stories.graph import ActorGraph

WIDTH = 760
COLOURS = {"cooperation": "#2e7d32", "conflict": "#c62828", "neutral": "#757575"}


def graph_svg(graph: ActorGraph, width: int = WIDTH, max_nodes: int = 16) -> str:
    """Actors on a circle (ordered by event count, then key: deterministic), edges coloured by kind and
    as thick as their event count."""
    nodes = sorted(graph.nodes.items(), key=lambda kv: (-int(kv[1]["events"]), kv[0]))[:max_nodes]  # type: ignore[call-overload]
    if not nodes:
        return _empty("No actors with coded events.", width)
    height = 440
    cx, cy, radius = width / 2, height / 2, min(width, height) / 2 - 70
    pos = {}
    for i, (key, _) in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[key] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Actor graph" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">'
    ]
    for edge in sorted(graph.edges.values(), key=lambda e: (e.source, e.target)):
        if edge.source not in pos or edge.target not in pos:
            continue
        (x1, y1), (x2, y2) = pos[edge.source], pos[edge.target]
        tip = f"{edge.source} \u2192 {edge.target}: {edge.count} events, mean Goldstein {edge.goldstein}"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{COLOURS[edge.kind]}" stroke-opacity="0.7" '
            f'stroke-width="{min(8, 1 + edge.count):.0f}"><title>{escape(tip)}</title></line>'
        )
    for key, node in nodes:
        x, y = pos[key]
        label = str(node["label"])
        tip = f"{label} ({key}): {node['events']} events"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{6 + min(14, int(node["events"]))}" fill="#fff8e1" '  # type: ignore[call-overload]
            f'stroke="#333"><title>{escape(tip)}</title></circle>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{y - 22:.1f}" font-size="12" text-anchor="middle">'
            f"{escape(label[:28])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _empty(message: str, width: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" viewBox="0 0 {width} 40">'
        f'<text x="10" y="25" font-size="13">{escape(message)}</text></svg>'
    )
