"""One status and one date for a merged event in every view (issue 16): events.jsonl (`status`,
`shown`), `crosswire compare` and `crosswire timeline` (CLI, JSON) and the web API show the same status
word and show the act's date, with its source, by the one rule (stories/briefing.py `shown_date`:
only where most reports that count give it). Invented sentences."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from crosswire.cli import app as cli_app
from crosswire.export.events import write_events_jsonl
from crosswire.model import Story, overall_status, status_word
from crosswire.stories.briefing import merged
from crosswire.stories.build import story_from_comparison
from crosswire.stories.compare import compare_story
from crosswire.web.app import create_app
from story_support import analysis, article, event

KIM, USA = ("Kim Jong-un", "PRKGOV"), ("United States", "USAGOV")
GOING = "Kim Jong-un is negotiating with the United States over sanctions relief."
DATED = "Kim Jong-un negotiated with the United States at the Singapore summit."
DATED_B = "At the Singapore summit Kim Jong-un negotiated with the United States."
PLAIN = "Kim Jong-un negotiated with the United States last year."


def _report(art, sentence, status="happened", date=None, precision="day"):
    ev = event(art, sentence, KIM, USA, "046", date=date)
    if date:  # a date the knowledge base gives ("the Singapore summit")
        end = "2018-06-13" if precision == "range" else None
        ev = replace(ev, date_precision=precision, date_end=end, date_source="kb")
    mentions = [
        replace(m, status=status, date=date, date_source="kb" if date else "none") for m in ev.mentions
    ]
    return replace(ev, status=status, mentions=mentions)


def _corpus(dated_reports: int, precision: str = "day"):
    """Three outlets: one gives the talks as going on (undated), the others as held; `dated_reports`
    of those two date them by the Singapore summit (a day, or a `precision` "range")."""
    a = article(GOING, "The Daily Alpha", day=2)
    b = article(DATED, "Beta Times", day=3)
    c = article(DATED_B if dated_reports == 2 else PLAIN, "Gamma Post", day=4)
    found = {
        a.id: analysis(a, events=[_report(a, GOING, status="ongoing")]),
        b.id: analysis(b, events=[_report(b, DATED, date="2018-06-12", precision=precision)]),
        c.id: analysis(
            c,
            events=[
                _report(c, DATED_B, date="2018-06-12", precision=precision)
                if dated_reports == 2
                else _report(c, PLAIN),
            ],
        ),
    }
    arts = [a, b, c]
    story = Story(article_ids=[x.id for x in arts], title="Talks", outlets=sorted(x.outlet for x in arts))
    return arts, found, story


def _views(tmp_path: Path, dated_reports: int, precision: str = "day") -> list[tuple]:
    """(status, date, date_source) of the one merged event in events.jsonl, compare, timeline and the API."""
    from crosswire.store import open_store

    arts, found, story = _corpus(dated_reports, precision)
    events = merged(e for an in found.values() for e in an.events)
    assert len(events) == 1
    path = tmp_path / "events.jsonl"
    write_events_jsonl(events, path)
    (record,) = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    shown = record["shown"]
    assert shown["status"] == status_word(record["status"], record["negated"])
    views = [("events.jsonl", shown["status"], shown["date"], shown["date_source"])]

    db = str(tmp_path / "views.db")
    built = story_from_comparison(story, compare_story(story, arts, found))
    with open_store(db) as store:
        store.save_articles(arts)
        store.save_analyses(list(found.values()))
        store.save_stories([built])
    runner = CliRunner()
    res = runner.invoke(cli_app, ["compare", built.id, "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    comp = json.loads(res.output)
    facts = [f for key in ("corroborated", "single_source") for f in comp[key]]
    (fact,) = [f for f in facts if f["event_id"] == record["id"]]
    views.append(("compare", fact["status"], fact["date"], fact["date_source"]))
    res = runner.invoke(cli_app, ["timeline", "--story", built.id, "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    (row,) = json.loads(res.output)["timeline"]
    assert row["event_id"] == record["id"]
    views.append(("timeline", row["status"], row["date"], row["date_source"]))
    application = create_app(db)
    try:
        with TestClient(application, base_url="http://127.0.0.1") as client:
            api = client.get(f"/api/v1/stories/{built.id}/comparison").json()
            (fact,) = [f for key in ("corroborated", "single_source") for f in api[key]]
            views.append(("api", fact["status"], fact["date"], fact.get("date_source")))
    finally:
        application.state.jobs.shutdown()
        application.state.store.close()
    return views


def test_an_act_one_outlet_gives_as_going_on_and_two_as_held_reads_happened_everywhere_undated(
    tmp_path,
) -> None:
    views = _views(tmp_path, dated_reports=1)
    # one of three reports dates it: no view shows the date (the events.jsonl `date` stays the data)
    assert {v[1:] for v in views} == {("happened", None, None)}, views


def test_a_date_most_reports_give_is_shown_everywhere_with_its_source(tmp_path) -> None:
    views = _views(tmp_path, dated_reports=2)
    assert {v[1:] for v in views} == {("happened", "2018-06-12", "kb")}, views


def test_a_range_is_shown_nowhere(tmp_path) -> None:
    views = _views(tmp_path, dated_reports=2, precision="range")
    assert {v[1:] for v in views} == {("happened", None, None)}, views


def test_the_one_status_rule() -> None:
    assert overall_status([("ongoing", False), ("happened", False)]) == ("happened", False)
    assert overall_status([("ongoing", False), ("planned", False)]) == ("ongoing", False)
    assert overall_status([("planned", False), ("happened", True)]) == ("happened", True)
    assert overall_status([("planned", False), ("denied", False), ("happened", True)]) == ("denied", False)
    assert overall_status([("planned", False), ("planned", False), ("demanded", False)]) == ("planned", False)
    assert status_word("happened", True) == "denied" and status_word(None, False) == "happened"
