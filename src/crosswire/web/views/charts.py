"""Geometry for the server-drawn SVG chart of articles over time (no script needed to see it)."""

from __future__ import annotations

from typing import Any

# Drawn near the size the dashboard's column shows it (about 360 px), so its 12-unit labels read as 12 px
# text rather than shrinking to 5 px; at least SLOTS bar widths, so one month is a bar, not a wall.
WIDTH, HEIGHT, MARGIN, SLOTS = 360, 170, 24, 6


def month_bars(counts: list[dict[str, Any]], width: int = WIDTH, height: int = HEIGHT) -> dict[str, Any]:
    """Bars for [{month, articles}]: x, y, w, h in SVG units, with every few months labelled."""
    if not counts:
        return {"bars": [], "width": width, "height": height, "max": 0}
    top = max(c["articles"] for c in counts)
    inner_w, inner_h = width - 2 * MARGIN, height - 2 * MARGIN
    step = inner_w / max(len(counts), SLOTS)
    left = MARGIN + (inner_w - step * len(counts)) / 2  # a few months sit in the middle
    label_every = max(1, -(-len(counts) // 4))  # at most four labels: a label is about 60 units wide
    bars = []
    for i, c in enumerate(counts):
        h = max(1.0, inner_h * c["articles"] / top)
        bars.append(
            {
                "x": round(left + i * step + step * 0.1, 1),
                "y": round(MARGIN + inner_h - h, 1),
                "w": round(max(1.0, step * 0.8), 1),
                "h": round(h, 1),
                "month": c["month"],
                "articles": c["articles"],
                "label": c["month"] if i % label_every == 0 else None,
                "label_x": round(left + i * step + step / 2, 1),
            }
        )
    return {"bars": bars, "width": width, "height": height, "max": top, "base": MARGIN + inner_h}
