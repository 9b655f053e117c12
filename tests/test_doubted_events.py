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
from crosswire.stories.summary import NONE_FOUND, NONE_SURE, situation_summary
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


def _stored(db: str, made=None):
    """A story (default `_story()`'s: (articles, analyses, story)) compared, built and saved in `db`."""
    from crosswire.store import open_store

    arts, found, story = made or _story()
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


def test_the_cli_less_certain_list_says_which_report_denies_the_act(tmp_path: Path) -> None:
    # a denial merged under a doubted act is listed with its reading, not as one more report of the act
    denial = "Kim Jong-un did not threaten South Korea with new sanctions, officials said."
    under = gate_threshold() - 0.3
    a = article(THREAT, "The Daily Alpha", day=2)
    b = article(denial, "Beta Times", day=3)
    found = {
        a.id: analysis(a, events=[event(a, THREAT, KIM, SEOUL, "138", goldstein=-7.0, confidence=under)]),
        b.id: analysis(
            b, events=[event(b, denial, KIM, SEOUL, "138", goldstein=-7.0, negated=True, confidence=under)]
        ),
    }
    story = Story(article_ids=[a.id, b.id], title="Threat", outlets=["Beta Times", "The Daily Alpha"])
    db = str(tmp_path / "denied.db")
    built = _stored(db, ([a, b], found, story))
    result = CliRunner().invoke(cli_app, ["compare", built.id, "--db", db], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    less_certain = result.output[result.output.index("Less certain") :]
    assert "Beta Times [said it had not happened]" in less_certain
    assert "The Daily Alpha (" in less_certain  # a plain report carries no reading


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


# --------------------------------------------------------------- the situation summary's doubted positions
DEMAND = "Kim Jong-un demanded a written security guarantee from South Korea."
OFFER = "Vladimir Putin offered to host four-way talks on the peninsula."


def _positions_story():
    """One outlet: Kim demands a guarantee (doubted), Putin offers talks (doubted), South Korea protests
    to Japan (sure: no position family)."""
    a = article(f"{DEMAND} {OFFER} {PROTEST}", "The Daily Alpha", day=2)
    found = {
        a.id: analysis(
            a,
            actors=[
                actor(a, "Kim Jong-un", "PRKGOV", kind="person"),
                actor(a, "Vladimir Putin", "RUSGOV", kind="person"),
            ],
            events=[
                event(a, DEMAND, KIM, SEOUL, "1041", goldstein=-5.0, confidence=0.4),
                event(a, OFFER, PUTIN, None, "036", goldstein=4.0, confidence=gate_threshold() - 0.1),
                event(a, PROTEST, SEOUL, TOKYO, "141", goldstein=-6.5, confidence=0.95),
            ],
        )
    }
    story = Story(article_ids=[a.id], title="Guarantee", outlets=["The Daily Alpha"])
    return [a], found, story


def test_a_doubted_demand_is_a_less_certain_position_never_a_position() -> None:
    arts, found, story = _positions_story()
    facts = story_facts(arts, found, find_dependence(arts))
    summary = situation_summary(arts, found, facts)
    assert summary.positions == []
    doubted = {p.stance: p for p in summary.doubted_positions}
    assert set(doubted) == {"demands", "offers"}
    assert doubted["demands"].confidence == 0.4 and "security guarantee" in doubted["demands"].what
    # the switch: every position is shown as before, nothing set apart
    every = situation_summary(arts, found, facts, all_events=True)
    assert {p.stance for p in every.positions} == {"demands", "offers"} and every.doubted_positions == []


def test_the_report_lists_doubted_positions_apart_and_never_leaves_a_section_blank(tmp_path: Path) -> None:
    arts, found, story = _positions_story()
    built = story_from_comparison(story, compare_story(story, arts, found))
    paths = write_report(report_data(arts, found, [built], stored_facts=True), tmp_path / "default")
    md = Path(paths["report_md"]).read_text(encoding="utf-8")
    section = md.split("### Demands and positions", 1)[1].split("### Options", 1)[0]
    sure, unsure = section.split(DOUBTED_LABEL, 1)
    assert NONE_SURE in sure and "security guarantee" not in sure
    assert "security guarantee" in unsure and "(confidence 0.40)" in unsure
    options = md.split("### Options and scenarios", 1)[1].split("## Timeline", 1)[0]
    assert NONE_FOUND in options  # nothing discussed: said so, not blank
    html = Path(paths["report_html"]).read_text(encoding="utf-8")
    summary = html.split('id="summary"', 1)[1].split('id="timeline"', 1)[0]
    assert summary.count('class="doubted-position"') == 2 and 'class="position"' not in summary
    assert DOUBTED_LABEL in summary and "0.40" in summary and NONE_SURE in summary
    every = write_report(
        report_data(arts, found, [built], stored_facts=True, all_events=True), tmp_path / "all"
    )
    md_all = Path(every["report_md"]).read_text(encoding="utf-8")
    section_all = md_all.split("### Demands and positions", 1)[1].split("### Options", 1)[0]
    assert "security guarantee" in section_all and DOUBTED_LABEL not in section_all
    assert NONE_SURE not in section_all and NONE_FOUND not in section_all
    html_all = Path(every["report_html"]).read_text(encoding="utf-8")
    assert html_all.split('id="summary"', 1)[1].count('class="position"') == 2


def test_nothing_at_all_reads_none_found(tmp_path: Path) -> None:
    a = article(PROTEST, "The Daily Alpha")
    found = {a.id: analysis(a, events=[event(a, PROTEST, SEOUL, TOKYO, "141", confidence=0.95)])}
    story = Story(article_ids=[a.id], title="Protest", outlets=["The Daily Alpha"])
    built = story_from_comparison(story, compare_story(story, [a], found))
    paths = write_report(report_data([a], found, [built], stored_facts=True), tmp_path)
    md = Path(paths["report_md"]).read_text(encoding="utf-8")
    section = md.split("### Demands and positions", 1)[1].split("### Options", 1)[0]
    assert NONE_FOUND in section and DOUBTED_LABEL not in section


def test_the_story_page_and_the_api_list_doubted_positions_apart(tmp_path: Path) -> None:
    from crosswire.store import open_store

    arts, found, story = _positions_story()
    built = story_from_comparison(story, compare_story(story, arts, found))
    db = str(tmp_path / "positions.db")
    with open_store(db) as store:
        store.save_articles(arts)
        store.save_analyses(list(found.values()))
        store.save_stories([built])
    application = create_app(db)
    try:
        with TestClient(application, base_url="http://127.0.0.1") as client:
            api = client.get(f"/api/v1/stories/{built.id}/comparison").json()
            assert api["positions"] == []
            assert {p["stance"]: p["confidence"] for p in api["doubted_positions"]}["demands"] == 0.4
            api_all = client.get(f"/api/v1/stories/{built.id}/comparison?all_events=1").json()
            assert api_all["doubted_positions"] == [] and len(api_all["positions"]) == 2
            page = client.get(f"/stories/{built.id}", headers={"accept": "text/html"}).text
            section = page.split("<h2>Demands, offers, refusals and threats</h2>", 1)[1].split("</section>")[
                0
            ]
            assert NONE_SURE in section and section.count('class="doubted-position"') == 2
            assert DOUBTED_LABEL in section and "confidence 0.40" in section
            every = client.get(f"/stories/{built.id}?all_events=1", headers={"accept": "text/html"}).text
            section = every.split("<h2>Demands, offers, refusals and threats</h2>", 1)[1].split("</section>")[
                0
            ]
            assert 'class="doubted-position"' not in section and "security guarantee" in section
    finally:
        application.state.jobs.shutdown()
        application.state.store.close()


def test_the_report_step_takes_the_switch_and_rewrites_when_it_changes(tmp_path: Path) -> None:
    from crosswire.corpus import Corpus
    from crosswire.steps import write_report_output
    from crosswire.store import open_store

    db = str(tmp_path / "doubt.db")
    story = _stored(db)
    threat = next(f for f in story.facts if f.codes["cameo"] == "138").summary
    out = tmp_path / "out"
    out.mkdir()
    with open_store(db) as store:
        corpus = Corpus(store, db)
        md = Path(write_report_output(corpus, out)["report_md"])
        assert DOUBTED_LABEL in md.read_text(encoding="utf-8")
        corpus.config.all_events = True  # same store: only the switch changed, the report is rewritten
        write_report_output(corpus, out)
        every = md.read_text(encoding="utf-8")
        assert DOUBTED_LABEL not in every and threat in every.split("## Timeline", 1)[1]
        stamp = md.stat().st_mtime_ns
        write_report_output(corpus, out)  # nothing changed: skipped
        assert md.stat().st_mtime_ns == stamp


def test_analyze_passes_all_events_to_the_report(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Summit\n\n{MET} {PROTEST}\n", encoding="utf-8")
    runner = CliRunner()
    state = out / ".crosswire-outputs.json"
    for switch, expected in (([], False), (["--all-events"], True)):
        result = runner.invoke(cli_app, ["analyze", str(folder), "--out", str(out), *switch])
        assert result.exit_code == 0, result.output
        written = json.loads(state.read_text(encoding="utf-8"))["write_report_output"]
        assert written["key"][-1] == {"all_events": expected}  # the report was written with the switch
