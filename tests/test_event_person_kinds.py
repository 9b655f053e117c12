"""People coded as the body or work that only describes them (benchmarks/event_audit_judgements*.tsv: 'a
member of Red Bull's pit crew' coded as Red Bull; 'the Poker Face singer' coded as the song). Invented
sentences."""

from __future__ import annotations

from test_events_extract import code


def test_people_an_uncoded_body_or_work_describes_are_not_that_body() -> None:
    for text, name in (
        ("A member of Red Bull's pit crew said the car was fine after the race on Sunday.", "Red Bull"),
        ("The Poker Face singer criticized President Trump on Monday.", "Poker Face"),
    ):
        assert not [e for e in code(text) if e.source is not None and e.source.name == name], text


def test_a_body_s_spokesman_and_members_still_speak_for_it() -> None:
    events = code("Members of Hamas attacked Israeli soldiers in Gaza on Monday.")
    assert any(e.source is not None and e.source.name == "Hamas" for e in events)
