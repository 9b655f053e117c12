"""`write_report(corpus_data, out_dir)`: the briefing as `report.md` and a self-contained `report.html`.

The HTML has no scripts and no external assets (a CSP meta tag forbids them); charts are inline SVG from
svg.py. Article text is untrusted: Jinja2 renders with autoescape on, and only the SVG charts (built
from escaped text) are marked safe. Every cited sentence has an anchor `#a-<article_id>-<start>` in the
appendix, where each article's text is cut at its sentence starts and at every cited offset.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from crosswire.model import outlet_readings as fact_readings
from crosswire.report.data import ReportData, report_data_from_store
from crosswire.report.markdown import render_markdown
from crosswire.report.scope import coverage_sentence
from crosswire.report.svg import graph_svg, timeline_svg
from crosswire.report.templates import FACTS_TABLE, HTML
from crosswire.store import Store
from crosswire.stories.briefing import DOUBTED_LABEL, gate_threshold, outlet_coverage
from crosswire.stories.sentences import sentence_spans
from crosswire.stories.summary import DOUBTED_POSITIONS_NOTE, NONE_FOUND, NONE_SURE

TITLE = "crosswire briefing"


def cited_offsets(data: ReportData) -> dict[str, set[int]]:
    """Every (article, start) the report links to."""
    cuts: dict[str, set[int]] = {}

    def add(aid: Any, start: Any) -> None:
        if isinstance(aid, str) and isinstance(start, int):
            cuts.setdefault(aid, set()).add(start)

    for comp in data.comparisons.values():
        for fact in [*comp.facts, *comp.doubted]:
            for s in fact.sentences:
                add(s.get("article_id"), s.get("start"))
                add(s.get("article_id"), s.get("quote_start"))
        for actors in comp.portrayal.values():
            for view in actors.values():
                for ev in view["evidence"]:
                    add(ev["article_id"], ev["start"])
    for pos in [*data.summary.positions, *data.summary.doubted_positions]:
        for c in pos.citations:
            add(c["article_id"], c["start"])
    for opt in data.summary.options:
        for c in opt["citations"]:
            add(c["article_id"], c["start"])
    for quotes in data.quotes_by_speaker.values():
        for q in quotes:
            add(q["article_id"], q["start"])
    return cuts


# The appendix shows an article's text up to here: a longer one (a 50 MB dump, stored but too long to
# analyse, so never cited) made a 60 MB report and its rendering the run's peak memory (1.1 GB). It is
# cut with a note; the whole text stays in articles.jsonl and the store. Cited text is never cut.
APPENDIX_CHARS = 1_000_000


def appendix(data: ReportData) -> list[dict[str, Any]]:
    cuts = cited_offsets(data)
    out = []
    for article in data.articles:
        text = article.text
        cited = cuts.get(article.id, ())
        shown_chars = len(text)
        if len(text) > APPENDIX_CHARS and max(cited, default=0) < APPENDIX_CHARS:
            shown_chars = APPENDIX_CHARS
            text = text[:APPENDIX_CHARS]
        points = sorted(
            {
                0,
                *(s for s, _ in sentence_spans(text)),
                *(c for c in cuts.get(article.id, ()) if 0 <= c < len(text)),
            }
        )
        pieces = [
            {"start": p, "text": text[p:q]} for p, q in zip(points, [*points[1:], len(text)], strict=True)
        ]
        out.append(
            {
                "id": article.id,
                "title": article.title,
                "outlet": article.outlet,
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "pieces": pieces,
                "cut": len(article.text) if shown_chars < len(article.text) else None,
            }
        )
    return out


def render_html(data: ReportData, title: str = TITLE) -> str:
    env = Environment(autoescape=True, trim_blocks=False, lstrip_blocks=False)
    facts_template = env.from_string(FACTS_TABLE)

    shown = {a.id for a in data.articles}

    def facts_table(facts: list[Any]) -> Markup:
        return Markup(facts_template.render(facts=facts, shown=shown, readings=fact_readings))

    by_id = data.article_by_id

    def coverage_strip(story: Any) -> list[dict[str, Any]]:
        return outlet_coverage([by_id[i] for i in story.article_ids if i in by_id])

    template = env.from_string(HTML)
    outlets = sorted({a.outlet for a in data.articles if a.outlet})
    graph_json = data.graph.to_json()
    return template.render(
        title=title,
        coverage=coverage_sentence(data.coverage) if data.coverage else None,
        shown=shown,
        articles=data.articles,
        outlets=outlets,
        stories=data.stories,
        comparisons=data.comparisons,
        summary=data.summary,
        timeline=data.timeline,
        graph_edges=graph_json["edges"],
        timeline_svg=Markup(timeline_svg(data.timeline)),
        graph_svg=Markup(graph_svg(data.graph)),
        quotes_by_speaker=data.quotes_by_speaker,
        appendix=appendix(data),
        facts_table=facts_table,
        coverage_strip=coverage_strip,
        labels={n["id"]: n["label"] for n in graph_json["nodes"]},
        doubted_label=DOUBTED_LABEL,
        threshold=gate_threshold(),
        none_found=NONE_FOUND,
        none_sure=NONE_SURE,
        doubted_positions_note=DOUBTED_POSITIONS_NOTE.format(threshold=gate_threshold()),
    )


def write_report(
    corpus_data: ReportData | Store, out_dir: str | Path, title: str = TITLE, *, all_events: bool = False
) -> dict[str, str]:
    """Write `report.md` and `report.html` into `out_dir`. `corpus_data` is a ReportData, or a store
    from which the report's contents are gathered (the doubted events set apart unless `all_events`)."""
    data = (
        corpus_data
        if isinstance(corpus_data, ReportData)
        else report_data_from_store(corpus_data, all_events=all_events)
    )
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html_path, md_path = out / "report.html", out / "report.md"
    html_path.write_text(render_html(data, title), encoding="utf-8")
    md_path.write_text(render_markdown(data, title), encoding="utf-8")
    return {"report_html": str(html_path), "report_md": str(md_path)}
