"""The briefing report (escaping, anchors, self-contained), stories.jsonl records, timeline, graph,
situation summary and the story CLI commands."""

from __future__ import annotations

import copy
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crosswire.cli import app
from crosswire.report import report_data, write_report
from crosswire.stories.build import build_stories, story_record
from crosswire.stories.graph import edge_total, facts_graph
from crosswire.stories.summary import situation_summary
from crosswire.stories.timeline import corpus_timeline
from story_support import analysis, article, event, talks_story

HOSTILE = (
    'North Korea and Russia held a summit. <script>alert("x")</script> '
    '<img src="http://evil.example/x.png" onerror="alert(1)"> Officials had four options: '
    "(1) wait; (2) talk; (3) walk away."
)


@pytest.fixture(scope="module")
def corpus():
    arts, an = talks_story()
    bad = article(HOSTILE, "The Hostile Herald", day=3, title="<b>Summit</b> & more")
    an[bad.id] = analysis(
        bad,
        events=[
            event(
                bad,
                "North Korea and Russia held a summit",
                ("North Korea", "PRK"),
                ("Russia", "RUS"),
                "040",
                goldstein=1.0,
            )
        ],
    )
    arts.append(bad)
    stories = build_stories(arts, an)
    return arts, an, stories


@pytest.fixture(scope="module")
def written(corpus, tmp_path_factory):
    arts, an, stories = corpus
    out = tmp_path_factory.mktemp("report")
    paths = write_report(report_data(arts, an, stories), out)
    return Path(paths["report_html"]).read_text(encoding="utf-8"), Path(paths["report_md"]).read_text(
        encoding="utf-8"
    )


def test_html_escapes_untrusted_text_and_loads_nothing(written) -> None:
    html, _ = written
    assert "<script" not in html and "<img" not in html and "<b>Summit" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;Summit&lt;/b&gt; &amp; more" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert not re.search(r"<[^>]+\son\w+\s*=", html)  # no inline event handlers
    assert "Content-Security-Policy" in html and "<svg" in html


def test_every_link_has_its_anchor(written) -> None:
    html, _ = written
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert any(t.startswith("a-") for t in targets)
    assert targets <= ids, sorted(targets - ids)[:5]


def test_markdown_escapes_and_cites(written) -> None:
    _, md = written
    assert "<script>" not in md and "\\<script\\>" in md
    assert "(report.html#a-" in md and "## Stories" in md


def test_story_records_follow_the_documented_shape(corpus) -> None:
    _, _, stories = corpus
    rec = story_record(stories[0])
    assert set(rec) >= {"id", "title", "article_ids", "outlets", "date_span", "facts", "portrayal", "related"}
    fact = rec["facts"][0]
    assert set(fact) >= {"kind", "summary", "outlets", "independent_outlets", "sentences"}
    assert ("event_id" in fact) != ("quote_id" in fact)
    assert json.loads(json.dumps(rec)) == rec
    assert any(isinstance(t, float) for actors in rec["portrayal"].values() for t in actors.values())


def test_timeline_graph_and_summary(corpus) -> None:
    arts, an, stories = corpus
    entries = corpus_timeline(stories)
    dates = [e.date for e in entries if e.date]
    assert dates == sorted(dates) and all(e.sources for e in entries)
    # One event model: the graph counts the stories' facts, one per merged event (three outlets'
    # reports of the summit are one fact, so one count), as the timeline lists them.
    facts = [f for s in stories for f in s.facts]
    talks = next(s for s in stories if arts[0].id in s.article_ids)
    assert len(talks.article_ids) >= 3
    talks_graph = facts_graph(talks.facts)
    assert ("PRK", "RUS") in talks_graph.edges and talks_graph.edges[("PRK", "RUS")].count == 1
    graph = facts_graph(facts)
    assert edge_total(graph) == len([e for e in entries if e.status in ("happened", "ongoing")])
    root = ET.fromstring(graph.to_graphml())
    assert len(root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == len(graph.edges)
    assert {e["kind"] for e in graph.to_json()["edges"]} <= {"cooperation", "conflict", "neutral"}
    summary = situation_summary(arts, an, facts)
    assert summary.main_actors[0]["key"] in {"PRK", "RUS"}
    enum = [o for o in summary.options if o["kind"] == "enumeration"]
    assert enum and enum[0]["citations"][0]["outlet"] == "The Hostile Herald"
    assert summary.positions == []  # no demand, offer, refusal or threat is coded in this corpus


def test_story_cli_commands(corpus, tmp_path) -> None:
    from crosswire.store import open_store

    arts, an, _ = corpus
    db = str(tmp_path / "s.db")
    store = open_store(db)
    store.save_articles(arts)
    store.save_analyses(list(an.values()))
    store.close()
    runner = CliRunner()
    res = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    stories = json.loads(res.output)["stories"]
    assert stories and stories[0]["facts"]
    res = runner.invoke(app, ["compare", stories[0]["id"], "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["corroborated"]
    res = runner.invoke(app, ["timeline", "--db", db, "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["timeline"]
    res = runner.invoke(app, ["graph", "--format", "graphml", "--db", db])
    assert res.exit_code == 0 and "<graphml" in res.output
    res = runner.invoke(app, ["graph", "--format", "dot", "--db", db])
    assert res.exit_code == 2
    res = runner.invoke(app, ["compare", "nosuchstory", "--db", db, "--json"])
    assert res.exit_code == 2 and "nosuchstory" in res.output
    res = runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path / "r"), "--json"])
    assert res.exit_code == 0 and (tmp_path / "r" / "report.html").exists()


def test_no_python_none_reaches_the_reader(corpus, tmp_path) -> None:
    # an actor no sentence scores has no tone: the reader sees "n/a", never Python's None
    arts, an, stories = corpus
    an = copy.deepcopy(an)
    for analysis_ in an.values():
        for actor in analysis_.actors:
            actor.tone = None
    paths = write_report(report_data(arts, an, stories), tmp_path)
    md = Path(paths["report_md"]).read_text(encoding="utf-8")
    html = Path(paths["report_html"]).read_text(encoding="utf-8")
    assert "**Portrayal**" in md and "| n/a |" in md
    assert not re.search(r"\|\s*None\s*\|", md)
    assert not re.search(r">\s*None\s*<", html)


def test_the_appendix_cuts_a_text_too_long_to_analyse_with_a_note(tmp_path):
    # Issue #18 item 11: a 50 MB text (stored, too long to analyse) was copied whole into report.html
    # (60 MB) and its rendering was the run's peak memory. It is cut, and the report says so.
    from crosswire.model import Article
    from crosswire.report.render import APPENDIX_CHARS
    from crosswire.store import open_store

    sentence = "Envoys met in Stockholm on Monday and agreed to meet again next week. "
    long_text = sentence * (APPENDIX_CHARS // len(sentence) + 2000)
    db = str(tmp_path / "long.db")
    with open_store(db) as store:
        store.save_articles([Article(text=long_text, title="A very long dump", outlet="Meridian Wire")])
        paths = write_report(store, tmp_path / "out")
    html = Path(paths["report_html"]).read_text(encoding="utf-8")
    assert "A very long dump" in html and f"runs to {len(long_text):,} characters in all" in html
    assert (
        html.count("agreed to meet again") <= APPENDIX_CHARS // len(sentence) + 1 < long_text.count("agreed")
    )
