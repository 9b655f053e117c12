"""Doubted events in the briefing (stories/briefing.py `shown_and_doubted`, issues 15/16): an event whose
merged confidence is under the precision gate's threshold is no fact, no corroboration, no timeline row
and no graph edge, but is listed apart as "less certain" with each report's confidence - in
`crosswire compare`, the report and the web's story page - and the one switch (`all_events`,
`--all-events`, `?all_events=1`) shows it as before. Reports that are each doubted but independently
corroborate an act lift its merged confidence over the threshold: it stays a corroborated fact."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crosswire.cli import app as cli_app
from crosswire.model import Story
from crosswire.report import report_data, write_report
from crosswire.stories.briefing import (
    DOUBTED_LABEL,
    gate_threshold,
    graph_edges,
    is_doubted,
    shown_and_doubted,
    story_facts,
    timeline_facts,
)
from crosswire.stories.build import story_from_comparison
from crosswire.stories.compare import compare_story, comparison_record
from crosswire.stories.summary import situation_summary
from crosswire.stories.wire import find_dependence
from crosswire.web.app import create_app
from story_support import actor, analysis, article, event

KIM, PUTIN = ("Kim Jong-un", "PRKGOV"), ("Vladimir Putin", "RUSGOV")
SEOUL, TOKYO = ("South Korea", "KORGOV"), ("Japan", "JPNGOV")
MET = "Kim Jong-un met Vladimir Putin in Vladivostok."
THREAT = "Kim Jong-un threatened South Korea with new sanctions."
PROTEST = "South Korea protested to Japan over the fishing dispute."
MET_B = "The Russian president received the North Korean leader at a naval base near the city on Thursday."
PROTEST_B = "Seoul lodged a formal complaint with Tokyo about boats seized near the islands, officials said."


def _story():
    """Two independent outlets report the summit, each report a little under the threshold; one outlet
    alone reports a threat the coder gave a low confidence; both report a protest coded with a high one."""
    under = gate_threshold() - 0.2
    a = article(f"{MET} {THREAT} {PROTEST}", "The Daily Alpha", day=2)
    b = article(f"{MET_B} {PROTEST_B}", "Beta Times", day=3)
    found = {
        a.id: analysis(
            a,
            actors=[actor(a, "Kim Jong-un", "PRKGOV", kind="person")],
            events=[
                event(a, MET, KIM, PUTIN, "040", confidence=under),
                event(a, THREAT, KIM, SEOUL, "138", goldstein=-7.0, confidence=0.45),
                event(a, PROTEST, SEOUL, TOKYO, "141", goldstein=-6.5, confidence=0.95),
            ],
        ),
        b.id: analysis(
            b,
            actors=[actor(b, "Kim Jong-un", "PRKGOV", kind="person")],  # "the North Korean leader"
            events=[
                event(b, MET_B, KIM, PUTIN, "040", confidence=under),
                event(b, PROTEST_B, SEOUL, TOKYO, "141", goldstein=-6.5, confidence=0.95),
            ],
        ),
    }
    arts = [a, b]
    story = Story(article_ids=[a.id, b.id], title="Summit", outlets=["Beta Times", "The Daily Alpha"])
    return arts, found, story


def _by_code(facts):
    return {f.codes["cameo"]: f for f in facts}


def test_a_doubted_event_is_set_apart_and_corroborated_reports_lift_an_act_over_the_threshold() -> None:
    arts, found, story = _story()
    facts = _by_code(story_facts(arts, found, find_dependence(arts)))
    assert is_doubted(facts["138"]) and facts["138"].confidence == 0.45
    # each summit report is doubted alone; two independent ones combine (1 - product of the doubts)
    assert facts["040"].confidence >= gate_threshold() and not is_doubted(facts["040"])
    assert {s["confidence"] for s in facts["040"].sentences} == {gate_threshold() - 0.2}
    comp = compare_story(story, arts, found)
    assert [f.codes["cameo"] for f in comp.doubted] == ["138"]
    shown = {f.codes["cameo"] for f in comp.corroborated + comp.single_source + comp.statements}
    assert shown == {"040", "141"}
    assert {f.codes["cameo"] for f in comp.corroborated} == {"040", "141"}
    assert all("138" not in {f.codes["cameo"] for f in fs} for fs in comp.omissions.values())
    record = comparison_record(comp)
    assert [d["codes"]["cameo"] for d in record["doubted"]] == ["138"]
    assert record["doubted"][0]["reports"][0]["confidence"] == 0.45
    # no timeline row, no graph edge, no position of the summary from a doubted event
    everything = list(facts.values())
    assert {f.codes["cameo"] for f in timeline_facts(everything)} == {"040", "141"}
    assert {e["cameo"] for e in graph_edges(everything)} == {"040", "141"}
    threat = facts["138"].event_id
    positions = situation_summary(arts, found, everything).positions
    assert threat not in {p.event_id for p in positions}
    positions = situation_summary(arts, found, everything, all_events=True).positions
    assert threat in {p.event_id for p in positions}


def test_the_switch_shows_every_event_as_before() -> None:
    arts, found, story = _story()
    comp = compare_story(story, arts, found, all_events=True)
    assert comp.doubted == []
    assert "138" in {f.codes["cameo"] for f in comp.single_source}
    everything = story_facts(arts, found, find_dependence(arts))
    assert "138" in {f.codes["cameo"] for f in timeline_facts(everything, all_events=True)}
    assert "138" in {e["cameo"] for e in graph_edges(everything, all_events=True)}
    assert shown_and_doubted(everything, all_events=True) == (everything, [])


def test_the_report_lists_a_doubted_event_apart_collapsed(tmp_path: Path) -> None:
    arts, found, story = _story()
    built = story_from_comparison(story, compare_story(story, arts, found))
    assert len(built.facts) == 3  # the stored story keeps the doubted fact, set apart when shown
    threat = next(f for f in built.facts if f.codes["cameo"] == "138").summary
    paths = write_report(report_data(arts, found, [built], stored_facts=True), tmp_path / "default")
    html = Path(paths["report_html"]).read_text(encoding="utf-8")
    rows = html.split('<details class="doubted">', 1)
    assert threat not in rows[0].split('id="stories"', 1)[1]  # not a fact, a timeline row or an edge
    assert threat not in html.split('id="timeline"', 1)[1].split('id="stories"', 1)[0]
    assert DOUBTED_LABEL in rows[1] and threat in rows[1] and "confidence 0.45" in rows[1]
    assert html.count('class="doubted-fact"') == 1
    md = Path(paths["report_md"]).read_text(encoding="utf-8")
    assert DOUBTED_LABEL in md and "confidence 0.45" in md
    assert md.split(DOUBTED_LABEL, 1)[0].count("threatened") == 0
    everything = write_report(
        report_data(arts, found, [built], stored_facts=True, all_events=True), tmp_path / "all"
    )
    html_all = Path(everything["report_html"]).read_text(encoding="utf-8")
    assert 'class="doubted-fact"' not in html_all
    assert html_all.split('id="timeline"', 1)[1].split('id="stories"', 1)[0].count(threat) == 1


def _stored(db: str):
    from crosswire.store import open_store

    arts, found, story = _story()
    built = story_from_comparison(story, compare_story(story, arts, found))
    with open_store(db) as store:
        store.save_articles(arts)
        store.save_analyses(list(found.values()))
        store.save_stories([built])
    return built


def test_the_story_page_and_the_api_list_a_doubted_event_apart(tmp_path: Path) -> None:
    db = str(tmp_path / "doubt.db")
    story = _stored(db)
    threat = next(f for f in story.facts if f.codes["cameo"] == "138").summary
    application = create_app(db)
    try:
        with TestClient(application, base_url="http://127.0.0.1") as client:
            page = client.get(f"/stories/{story.id}", headers={"accept": "text/html"}).text
            before, after = page.split('<details id="doubted">', 1)
            assert threat not in before and page.count('class="fact fact-event"') == 2
            assert DOUBTED_LABEL in after and threat in after and "confidence 0.45" in after
            timeline = page.split("<h2>Timeline</h2>", 1)[1]
            assert threat not in timeline and timeline.count('class="timeline-row"') == 2
            every = client.get(f"/stories/{story.id}?all_events=1", headers={"accept": "text/html"}).text
            assert 'id="doubted"' not in every and every.count('class="fact fact-event"') == 3
            assert every.split("<h2>Timeline</h2>", 1)[1].count('class="timeline-row"') == 3
            api = client.get(f"/api/v1/stories/{story.id}/comparison").json()
            assert [d["summary"] for d in api["doubted"]] == [threat]
            assert api["doubted"][0]["reports"][0]["href"].startswith("/articles/")
            assert threat not in {f["summary"] for f in api["corroborated"] + api["single_source"]}
            api_all = client.get(f"/api/v1/stories/{story.id}/comparison?all_events=1").json()
            assert api_all["doubted"] == [] and threat in {f["summary"] for f in api_all["single_source"]}
            briefing = client.get("/export/briefing.md").text
            assert DOUBTED_LABEL in briefing and "confidence 0.45" in briefing
            briefing_all = client.get("/export/briefing.md?all_events=1").text
            assert DOUBTED_LABEL not in briefing_all and "threatened" in briefing_all
            actor = client.get("/actors/Kim Jong-un", headers={"accept": "text/html"}).text
            events = actor.split("Events involving", 1)[1].split("</section>", 1)[0]
            marked = [line for line in events.splitlines() if "less certain" in line]
            # the summit's two reports are doubted alone but not together (as on the story page)
            assert len(marked) == 1 and "138" in marked[0] and "confidence 0.45" in marked[0]
            threat_id = next(f for f in story.facts if f.codes["cameo"] == "138").event_id
            assert threat_id not in {p["event_id"] for p in api["positions"]}
            assert threat_id in {p["event_id"] for p in api_all["positions"]}
    finally:
        application.state.jobs.shutdown()
        application.state.store.close()


def test_the_cli_switch(tmp_path: Path) -> None:
    db = str(tmp_path / "doubt.db")
    story = _stored(db)
    runner = CliRunner()
    plain = runner.invoke(cli_app, ["timeline", "--story", story.id, "--db", db, "--json"])
    every = runner.invoke(cli_app, ["timeline", "--story", story.id, "--db", db, "--json", "--all-events"])
    assert plain.exit_code == 0 and every.exit_code == 0, plain.output + every.output
    assert len(json.loads(plain.output)["timeline"]) == 2
    assert len(json.loads(every.output)["timeline"]) == 3


def test_each_report_shows_its_own_confidence_beside_another_act_of_the_same_sentence() -> None:
    text = "Kim Jong-un criticised South Korea and Japan for the drills."
    a = article(text, "The Daily Alpha")
    found = {
        a.id: analysis(
            a,
            events=[
                event(a, text, KIM, SEOUL, "111", goldstein=-2.0, confidence=0.85),
                event(a, text, KIM, TOKYO, "111", goldstein=-2.0, confidence=0.5),
            ],
        )
    }
    facts = {f.target["name"]: f for f in story_facts([a], found, find_dependence([a]))}
    assert [s["confidence"] for s in facts["South Korea"].sentences] == [0.85]
    assert [s["confidence"] for s in facts["Japan"].sentences] == [0.5]
    assert is_doubted(facts["Japan"]) and not is_doubted(facts["South Korea"])
