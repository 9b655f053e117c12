"""Names that read as the wrong country: a place that is a person's surname, "Cuban Americans", a place whose
name holds a country's ("New England"), a sports team named after a people. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from crosswire.model import Event
from event_support import code_text

ON = datetime(2016, 5, 3)


def sources(events: list[Event]) -> list[tuple[str, str | None]]:
    return [(e.source.name, e.source.code) for e in events]


def parties(events: list[Event]) -> list[tuple[str, str | None]]:
    found = [(e.source.name, e.source.code) for e in events]
    return found + [(e.target.name, e.target.code) for e in events if e.target is not None]


# --- a place's name that is the surname of someone named in full before it is that person


def test_a_surname_that_names_a_place_is_the_person() -> None:
    text = (
        "The singer Maria Jordan and the actor Dale Lincoln joined the rally on Monday. "
        "Jordan, a Grammy winner, thanked Hillary Clinton for her plan."
    )
    events = code_text(text, ON)
    assert events, "the thanks is still coded"
    assert all(e.source.code is None or e.source.code[:3] != "JOR" for e in events), sources(events)
    assert "Maria Jordan" in [e.source.name for e in events], sources(events)


def test_the_capital_with_no_such_person_is_still_the_state() -> None:
    events = code_text("Washington criticized Beijing on Tuesday over the new tariffs.", ON)
    assert ("United States", "USA") in sources(events), sources(events)


def test_the_capital_after_a_namesake_is_still_the_state_unless_described_as_a_person() -> None:
    # a namesake named before is not enough: "Washington" acting on foreign policy is the US government
    events = code_text(
        "George Washington warned against foreign entanglements. "
        "Washington criticized Pyongyang on Monday for the missile launch.",
        ON,
    )
    assert ("United States", "USA") in sources(events), sources(events)
    assert ("George Washington", None) not in sources(events), sources(events)


# --- "Cuban Americans", "Mexican-Americans": people of the United States


def test_americans_of_an_origin_are_people_of_the_united_states() -> None:
    for text in (
        "Cuban Americans criticized Donald Trump on Tuesday.",
        "Many Mexican-Americans condemned Donald Trump after the speech.",
        "Korean Americans praised Hillary Clinton at a rally in Los Angeles.",
    ):
        events = code_text(text, ON)
        assert events, text
        assert all(e.source.code == "USACVL" for e in events), (text, sources(events))


def test_a_peoples_officials_keep_their_country() -> None:
    events = code_text("Cuban officials criticized Donald Trump on Tuesday.", ON)
    assert [e.source.code for e in events] == ["CUBGOV"], sources(events)


# --- a place whose name holds a country's name is another place


def test_a_country_word_inside_a_longer_place_name_is_no_country() -> None:
    events = code_text("Donald Trump met with New England delegates on Tuesday.", ON)
    assert not [p for p in parties(events) if p[1] and p[1][:3] == "GBR"], parties(events)


def test_a_countrys_own_adjective_still_names_it() -> None:
    events = code_text("Donald Trump met with British delegates on Tuesday.", ON)
    assert ("British delegates", "GBRGOV") in parties(events), parties(events)


# --- a sports team named after a people is no nationality


def test_a_team_fan_is_no_country() -> None:
    events = code_text(
        '"It was a long night for us," Indians fan Mara Delgado-Singh said after the game.', ON
    )
    assert not [p for p in parties(events) if p[1] and p[1][:3] == "IND"], parties(events)


def test_a_peoples_name_before_officials_still_names_it() -> None:
    events = code_text("Indian officials criticized Donald Trump on Tuesday.", ON)
    assert [e.source.code for e in events] == ["INDGOV"], sources(events)


def test_a_counted_share_of_americans_of_an_origin_is_not_their_origin_country() -> None:
    text = (
        "Shifting loyalties could reshape the county this fall, with 61 percent of Polish Americans saying "
        "they will certainly support Hillary Clinton over Trump."
    )
    events = code_text(text, ON)
    assert not [p for p in parties(events) if p[1] and p[1][:3] == "POL"], parties(events)


def test_a_counted_share_of_a_countrys_people_keeps_its_country() -> None:
    events = code_text("Thousands of Germans protested against Donald Trump in Berlin on Saturday.", ON)
    assert [e.source.code for e in events if e.source.code] and all(
        (e.source.code or "")[:3] == "DEU" for e in events
    ), sources(events)


# --- a name shared by a country and a US state, in an article about US states


def test_georgia_among_us_states_is_no_country() -> None:
    text = (
        "Ted Cruz won Oklahoma and Alaska on Tuesday, while Marco Rubio carried Minnesota. "
        'Donald Trump posted a message on Twitter reading "Thank you Georgia" moments after the polls closed.'
    )
    events = code_text(text, ON)
    assert not [p for p in parties(events) if p[1] and p[1][:3] == "GEO"], parties(events)


def test_georgia_in_foreign_news_is_the_country() -> None:
    events = code_text("Russia praised Georgia on Tuesday after the talks in Moscow.", ON)
    assert ("Georgia", "GEO") in parties(events), parties(events)


def test_georgia_with_its_capital_named_is_the_country_whatever_us_states_the_article_names() -> None:
    text = (
        "Sen. John McCain of Arizona and Sen. Lindsey Graham of South Carolina flew to Tbilisi on Monday. "
        "Russia condemned Georgia on Tuesday for the border clash."
    )
    assert ("Georgia", "GEO") in parties(code_text(text, ON)), parties(code_text(text, ON))
