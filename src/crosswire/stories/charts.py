"""The briefing's timeline chart as inline SVG, drawn once for the report and the web's story page.

Dated facts are spread over a date axis. A day with up to STACK facts shows them as stacked dots; a
busier day shows one bar with its count ("50"), so fifty facts on one day stay one readable column
instead of a tower past the frame. Axis labels sit inside the frame (the first anchored at its start,
the last at its end), with ticks between. Every text that enters the SVG is escaped (`html.escape`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any

WIDTH = 760
STACK = 6
ROW = 14
TICKS = 5


def _entry(e: Any) -> tuple[str | None, str, int]:
    get = e.get if isinstance(e, dict) else lambda k, d=None: getattr(e, k, d)
    return get("date"), str(get("summary") or ""), len(get("independent_outlets") or [])


def timeline_svg(entries: Sequence[Any], width: int = WIDTH) -> str:
    """The chart of `entries` (TimelineEntry records or dicts with date, summary, independent_outlets)."""
    rows = [_entry(e) for e in entries]
    dated = []
    for when, summary, outlets in rows:
        try:
            dated.append((date.fromisoformat((when or "")[:10]).toordinal(), summary, outlets))
        except ValueError:
            continue
    undated = len(rows) - len(dated)
    if not dated:
        return _empty(f"No dated events ({undated} undated).", width)
    by_day: dict[int, list[tuple[str, int]]] = {}
    for day, summary, outlets in dated:
        by_day.setdefault(day, []).append((summary, outlets))
    first, last = min(by_day), max(by_day)
    left, right = 40, 40
    span = max(1, last - first)
    tallest = max(min(len(v), STACK) for v in by_day.values())
    height = 70 + ROW * tallest
    base = height - 40

    def x_of(day: int) -> float:
        return left + (day - first) / span * (width - left - right) if last > first else width / 2

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="img" '
        f'aria-label="Timeline of {len(dated)} dated events" width="100%" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet">',
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="#333"/>',
    ]
    ticks = sorted({first, last, *(first + round(span * i / TICKS) for i in range(1, TICKS))})
    if last == first:
        ticks = [first]
    for i, day in enumerate(ticks):
        x = x_of(day)
        anchor = (
            "start"
            if i == 0 and len(ticks) > 1
            else "end"
            if i == len(ticks) - 1 and len(ticks) > 1
            else "middle"
        )
        parts.append(f'<line x1="{x:.1f}" y1="{base}" x2="{x:.1f}" y2="{base + 4}" stroke="#333"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{base + 17}" font-size="11" text-anchor="{anchor}">'
            f"{escape(date.fromordinal(day).isoformat())}</text>"
        )
    for day, items in sorted(by_day.items()):
        x = x_of(day)
        tip = f"{date.fromordinal(day).isoformat()}: " + "; ".join(s for s, _ in items[:12])
        if len(items) > 12:
            tip += f"; and {len(items) - 12} more"
        if len(items) <= STACK:
            for level, (summary, outlets) in enumerate(items):
                r = 3 + min(3, outlets)
                colour = "#1565c0" if outlets >= 2 else "#90a4ae"
                parts.append(
                    f'<circle class="day-dot" cx="{x:.1f}" cy="{base - 8 - level * ROW}" r="{r}" fill="{colour}" '
                    f'fill-opacity="0.85"><title>{escape(f"{date.fromordinal(day).isoformat()}: {summary}")}</title></circle>'
                )
        else:
            top = base - ROW * STACK
            parts.append(
                f'<rect class="day-bar" x="{x - 6:.1f}" y="{top}" width="12" height="{base - top}" '
                f'fill="#1565c0" fill-opacity="0.7"><title>{escape(tip)}</title></rect>'
            )
            parts.append(
                f'<text x="{min(max(x, 14), width - 14):.1f}" y="{top - 4}" font-size="11" text-anchor="middle">'
                f"{len(items)}</text>"
            )
    note = f"{len(dated)} dated event{'' if len(dated) == 1 else 's'}" + (
        f"; {undated} undated, listed below" if undated else ""
    )
    parts.append(f'<text x="{left}" y="{height - 6}" font-size="11" fill="#666">{escape(note)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _empty(message: str, width: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 {width} 40">'
        f'<text x="10" y="25" font-size="13">{escape(message)}</text></svg>'
    )
