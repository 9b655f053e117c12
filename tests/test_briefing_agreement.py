"""One event model (issue 16): for the seeds and the demo corpus, the counts of facts, statements,
timeline rows and graph edges agree across events.jsonl, `crosswire compare` / `timeline` / `graph`,
the report (HTML and Markdown) and the web's story page; and no output a person reads carries a word
stem ("describ", "guarante", "ill-advis") or a doubled quote mark.

Each corpus is analysed once, for real (`crosswire analyze`), into a temporary folder."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from conftest import SEEDS
from crosswire.cli import app
from crosswire.web.app import create_app

REPO = Path(__file__).resolve().parents[1]
CORPORA = {"seeds": SEEDS, "demo": REPO / "examples"}
runner = CliRunner()


def _cli(*args: str) -> dict:
    res = runner.invoke(app, [*args, "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(name, marks=[pytest.mark.needs_shared] if name == "seeds" else [])
        for name in sorted(CORPORA)
    ],
)
def corpus(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    res = runner.invoke(app, ["analyze", str(CORPORA[request.param]), "--out", str(out)])
    assert res.exit_code in (0, 1), res.output
    db = str(out / "crosswire.db")
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    stories = _cli("stories", "--db", db)["stories"]
    assert stories
    return {"name": request.param, "out": out, "db": db, "events": events, "stories": stories}


def _edge_of(fact: dict) -> bool:
    """Whether a fact is an edge of the graph: reported as happened between two different actors."""
    from crosswire.stories.align import actor_key

    if fact["status"] not in ("happened", "ongoing") or not fact["source"] or not fact["target"]:
        return False
    ends = [actor_key(side.get("code"), side.get("name")) for side in (fact["source"], fact["target"])]
    return bool(ends[0] and ends[1] and ends[0] != ends[1])


def _inside(event: dict, members: set[str]) -> bool:
    return set(event["article_ids"]) <= members


def test_facts_timeline_and_graph_counts_agree_everywhere(corpus) -> None:
    db, events = corpus["db"], corpus["events"]
    report_html = (corpus["out"] / "report.html").read_text(encoding="utf-8")
    report_md = (corpus["out"] / "report.md").read_text(encoding="utf-8")
    application = create_app(db)
    total_facts = total_edges = 0
    try:
        with TestClient(application, base_url="http://127.0.0.1") as client:
            for story in corpus["stories"]:
                members = set(story["article_ids"])
                # events.jsonl: the merged events inside the story, as the briefing shows them
                jsonl_facts = sum(e["shown_as"] == "event" for e in events if _inside(e, members))
                jsonl_statements = sum(e["shown_as"] == "statement" for e in events if _inside(e, members))
                jsonl_doubted = sum(e["shown_as"] == "doubted" for e in events if _inside(e, members))
                # crosswire compare
                comp = _cli("compare", story["id"], "--db", db)
                facts = [f for f in comp["corroborated"] + comp["single_source"] if f["kind"] == "event"]
                assert len(facts) == jsonl_facts, story["id"]
                # `crosswire stories`: its corroborated column counts what compare lists as corroborated
                listed = runner.invoke(app, ["stories", "--db", db], env={"COLUMNS": "250"}).output
                row = next(line for line in listed.splitlines() if story["id"] in line)
                cells = [c.strip() for c in re.split(r"[│┃|]", row) if c.strip()]
                corroborated = [f for f in comp["corroborated"] if f["kind"] == "event"]
                assert cells[4] == str(len(corroborated)), row
                assert len(comp["statements"]) == jsonl_statements
                # the events the precision gate doubts: in the less-certain list only, everywhere
                assert len(comp["doubted"]) == jsonl_doubted
                assert {f["event_id"] for f in facts} == {
                    e["id"] for e in events if _inside(e, members) and e["shown_as"] == "event"
                }
                # crosswire timeline --story: one row per fact
                rows = _cli("timeline", "--story", story["id"], "--db", db)["timeline"]
                assert len(rows) == len(facts)
                happened = sum(bool(_edge_of(f)) for f in facts)
                # the web's story page: fact rows, statement rows, timeline rows, graph edge counts
                page = client.get(f"/stories/{story['id']}", headers={"accept": "text/html"}).text
                assert page.count('class="fact fact-event"') == len(facts)
                assert page.count('class="fact fact-statement"') == len(comp["statements"])
                assert page.count('class="doubted-fact"') == jsonl_doubted
                assert page.count('class="timeline-row"') == len(rows)
                graph = json.loads(
                    html.unescape(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
                )
                edges = sum(e["count"] for e in graph["edges"])
                assert edges == happened
                # the report's section of this story
                section = report_html.split(f'id="story-{story["id"]}"', 1)[1].split(
                    '<section class="story"', 1
                )[0]
                assert section.count('data-kind="event"') == len(facts)
                assert section.count('data-kind="statement"') == len(comp["statements"])
                assert section.count('class="doubted-fact"') == jsonl_doubted
                total_facts += len(facts)
                total_edges += edges
            web_dashboard = client.get("/", headers={"accept": "text/html"})
            assert web_dashboard.status_code == 200
    finally:
        application.state.jobs.shutdown()
        application.state.store.close()
    # corpus-wide: the report's timeline and the CLI timeline list every story's facts once
    assert report_html.count('class="timeline-row"') == total_facts
    assert len(_cli("timeline", "--db", db)["timeline"]) == total_facts
    md_timeline = report_md.split("## Timeline", 1)[1].split("## Actor graph", 1)[0]
    assert sum(
        line.startswith("| 20") or line.startswith("| undated") for line in md_timeline.splitlines()
    ) == (total_facts)
    # the graph: the CLI's, the report's and the web's edges stand for the same facts
    cli_graph = json.loads(runner.invoke(app, ["graph", "--format", "json", "--db", db]).output)
    cli_edges = sum(e["count"] for e in cli_graph["edges"])
    report_edges = sum(int(n) for n in re.findall(r'class="edge" data-count="(\d+)"', report_html))
    assert cli_edges == report_edges == total_edges


# Word stems the old claim labels showed ("(describ, dismiss, engine)", "guarante", "ill-advis"): a
# stem is a lower-case word that is a known stem cut, or a run of letters ending where no English word
# ends. The check is on the text a person reads: report, web pages, CLI output, JSONL labels.
STEMS = re.compile(r"\b(?:describ|guarante|ill-advis|engin|negotiat|agre|propos|announc|sanct)\b")


def _visible(page: str) -> str:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_no_word_stems_or_doubled_quote_marks_in_any_output(corpus) -> None:
    db = corpus["db"]
    texts = {
        "report.html": _visible((corpus["out"] / "report.html").read_text(encoding="utf-8")),
        "report.md": (corpus["out"] / "report.md").read_text(encoding="utf-8"),
        "events.jsonl statements": "\n".join(e["statement"] for e in corpus["events"]),
    }
    application = create_app(db)
    try:
        with TestClient(application, base_url="http://127.0.0.1") as client:
            for story in corpus["stories"]:
                comp = runner.invoke(app, ["compare", story["id"], "--db", db])
                texts[f"compare {story['id']}"] = comp.output
                texts[f"web {story['id']}"] = _visible(client.get(f"/stories/{story['id']}").text)
    finally:
        application.state.jobs.shutdown()
        application.state.store.close()
    texts["timeline"] = runner.invoke(app, ["timeline", "--db", db]).output
    for name, text in texts.items():
        # Sentences quoted from the articles are the outlets' own words: only the generated labels count.
        labels = "\n".join(line for line in text.splitlines() if "said" not in line or len(line) < 400)
        assert not STEMS.search(labels), (name, STEMS.search(labels))
        assert "\u201c\u201c" not in text and "\u201d\u201d" not in text, name


def test_generated_statements_use_only_words_of_the_phrase_book(corpus) -> None:
    """Every lower-case word of a generated statement (events.jsonl `statement`) is a word of the
    phrase book (stories/phrases.py), of an actor's or place's name, or of the reports' own sentences
    (a position's content): nothing else, so no stem or made-up word can appear."""
    from crosswire.stories.phrases import STATUS_FORMS, VERBS, WITHOUT_TARGET

    book = {
        w
        for phrases in (*VERBS.values(), *WITHOUT_TARGET.values(), *(f for _, f in STATUS_FORMS.values()))
        for text in (phrases if isinstance(phrases, tuple) else (phrases,))
        for w in re.findall(
            r"[a-z][a-z'-]*", text.replace("{t}", " ").replace("{s}", " ").replace("{v}", " ")
        )
    } | {"on", "in", "at", "someone", "the"}
    names = set()
    for e in corpus["events"]:
        for side in (e["source"], e["target"]):
            if side and side.get("name"):
                names.update(re.findall(r"\b[a-z][a-z'-]*", side["name"]))
        if e.get("place"):
            names.update(re.findall(r"\b[a-z][a-z'-]*", e["place"]["name"]))
    for e in corpus["events"]:
        # a demand's or offer's content is the report's own words ("asked for an end-of-war declaration")
        reported = {w for m in e["mentions"] for w in re.findall(r"\b[a-z][a-z'-]*", m["sentence"])}
        words = set(re.findall(r"\b[a-z][a-z'-]*", e["statement"]))
        assert words <= book | names | reported, (e["statement"], words - book - names - reported)
