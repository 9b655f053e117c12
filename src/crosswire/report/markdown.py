"""`report.md`: the briefing as Markdown. Citations link into report.html's appendix anchors; article
text is escaped so a Markdown renderer shows it as text (no HTML, no links smuggled in by an article)."""

from __future__ import annotations

import re
from collections.abc import Container
from functools import partial
from typing import Any

from crosswire.model import outlet_readings
from crosswire.report.data import ReportData
from crosswire.report.scope import coverage_sentence
from crosswire.stories.briefing import DOUBTED_LABEL, gate_threshold, outlet_coverage
from crosswire.stories.summary import DOUBTED_POSITIONS_NOTE, NONE_FOUND, NONE_SURE

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>&])")
# Control characters (ESC and CSI start terminal escape sequences) are never written: `cat report.md`
# must not retitle the window or clear the screen, whatever a store written by an older crosswire or
# through the Python API holds. They are shown as U+FFFD, as the CLI shows them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def md(text: Any) -> str:
    """Untrusted text made inert in Markdown: specials backslash-escaped, newlines folded."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text if text is not None else "").split()))


def cite(c: dict[str, Any], shown: Container[str] | None = None) -> str:
    """A link to the cited sentence; plain text when `shown` (the appendix's article ids) lacks it."""
    if shown is not None and c["article_id"] not in shown:
        return f"\\[{md(c.get('outlet') or '?')}\\]"
    return f"[{md(c.get('outlet') or '?')}](report.html#a-{c['article_id']}-{c['start']})"


def render_markdown(data: ReportData, title: str) -> str:
    link = partial(cite, shown={a.id for a in data.articles})
    by_id = data.article_by_id
    lines = [
        f"# {md(title)}",
        "",
        f"{len(data.articles)} articles, {len(data.stories)} stories. "
        "Citations link to the sentence in report.html.",
        "",
        *([md(coverage_sentence(data.coverage)), ""] if data.coverage else []),
        "## Situation summary",
        "",
        "### Main actors",
        "",
    ]
    summary = data.summary
    lines += [f"- {md(a['name'])} ({md(a['key'])}): {a['articles']} articles" for a in summary.main_actors]
    lines += [] if summary.main_actors else [NONE_FOUND]
    lines += ["", "### Demands and positions", ""]
    lines += [f"- {md(p.what)} " + " ".join(link(c) for c in p.citations[:4]) for p in summary.positions]
    if not summary.positions:
        lines.append(NONE_SURE if summary.doubted_positions else NONE_FOUND)
    if summary.doubted_positions:
        lines += [
            "",
            f"**{DOUBTED_LABEL}** ({DOUBTED_POSITIONS_NOTE.format(threshold=gate_threshold())}):",
            "",
        ]
        lines += [
            f"- {md(p.what)} (confidence {p.confidence or 0:.2f}) "
            + " ".join(link(c) for c in p.citations[:4])
            for p in summary.doubted_positions
        ]
    lines += ["", "### Options and scenarios", ""]
    lines += [f"- {md(o['sentence'])} " + " ".join(link(c) for c in o["citations"]) for o in summary.options]
    lines += [] if summary.options else [NONE_FOUND]
    lines += ["", "## Timeline", "", "| date | event | independent outlets | sources |", "|---|---|---|---|"]
    lines += [
        f"| {e.date or 'undated'} | {md(e.summary)} | {md(', '.join(e.independent_outlets))} | "
        + " ".join(link(s) for s in e.sources[:5])
        + " |"
        for e in data.timeline
    ]
    lines += [
        "",
        "## Actor graph",
        "",
        "| source | target | events | mean Goldstein | kind |",
        "|---|---|---|---|---|",
    ]
    graph_json = data.graph.to_json()
    labels = {n["id"]: str(n["label"]) for n in graph_json["nodes"]}
    lines += [
        f"| {md(labels.get(e['source'], e['source']))} | {md(labels.get(e['target'], e['target']))} | "
        f"{e['count']} | {e['goldstein']} | {e['kind']} |"
        for e in graph_json["edges"]
    ]
    lines += ["", "## Stories", ""]
    for story in data.stories:
        comp = data.comparisons[story.id]
        lines += [
            f"### {md(story.title or 'Untitled story')}",
            "",
            f"{story.date_span[0] or '?'} to {story.date_span[1] or '?'}; outlets: {md(', '.join(story.outlets))}",
            "",
        ]
        lines += [
            "Coverage: "
            + "; ".join(
                f"{md(a['outlet'])} {a['published'] or 'undated'} ({a['genre']})"
                for a in outlet_coverage(by_id[i] for i in story.article_ids if i in by_id)
            ),
            "",
        ]
        sections = (
            ("Corroborated facts", [f for f in comp.corroborated if f.kind == "event"]),
            ("Single-source and unconfirmed facts", [f for f in comp.single_source if f.kind == "event"]),
            ("Statements (said, not facts)", comp.statements),
        )
        for name, facts in sections:
            lines += [f"**{name}**", ""]
            lines += [
                f"- {md(f.summary)} ("
                + ", ".join(
                    md(r["outlet"]) + ("" if r["counted"] else f" ({r['reads']})") for r in outlet_readings(f)
                )
                + ") "
                + " ".join(link(s) for s in f.sentences[:6])
                for f in facts
            ] or ["- none"]
            lines.append("")
        if comp.doubted:
            lines += [
                f"**{DOUBTED_LABEL}** (not shown as facts: confidence under {gate_threshold():.2f})",
                "",
            ]
            for f in comp.doubted:
                lines.append(f"- {md(f.summary)} (confidence {f.confidence or 0:.2f})")
                lines += [
                    f"  - {link(s)}"
                    + ("" if s.get("reads") in (None, "reported") else f" ({s['reads']})")
                    + (f", confidence {s['confidence']:.2f}" if s.get("confidence") is not None else "")
                    + f": {md(s.get('text') or '')}"
                    for s in f.sentences[:6]
                ]
            lines.append("")
        lines += ["**Omissions**", ""]
        lines += [
            f"- {md(o)}: " + "; ".join(md(f.summary) for f in fs[:8])
            for o, fs in comp.omissions.items()
            if fs
        ]
        lines += ["", "**Portrayal**", "", "| outlet | actor | tone | labels |", "|---|---|---|---|"]
        lines += [
            f"| {md(o)} | {md(a)} | {'n/a' if v['tone'] is None else v['tone']} | {md(', '.join(v['labels']))} |"
            for o, actors in comp.portrayal.items()
            for a, v in actors.items()
        ]
        lines += [
            "",
            "**Anonymous sources**: "
            + "; ".join(f"{md(o)} {v['anonymous']}/{v['quotes']}" for o, v in comp.anonymous_share.items()),
            "",
        ]
    lines += ["## Quotes by speaker", ""]
    for who, quotes in data.quotes_by_speaker.items():
        lines += [f"### {md(who)}", ""] + [f"- {md(q['shown'])} {link(q)}" for q in quotes[:12]] + [""]
    return _CONTROLS.sub("\ufffd", "\n".join(lines) + "\n")
