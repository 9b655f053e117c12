"""The event coder on constructed sentences: voice, negation, modality, coordination, claims."""

from __future__ import annotations

from datetime import datetime

import pytest

from crosswire.events.extract import extract_events
from crosswire.model import Article, Event
from crosswire.nlp.runtime import parse
from event_support import code_text


def code(text: str, published: datetime | None = datetime(2019, 4, 29)) -> list[Event]:
    return code_text(text, published)


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


def test_active_voice_source_and_target() -> None:
    assert ("PRK", "JPN", "111") in triples(code("North Korea condemned Japan on Monday."))


def test_passive_voice_swaps_roles() -> None:
    events = code("Japan was condemned by North Korea on Monday.")
    assert ("PRK", "JPN", "111") in triples(events)
    assert ("JPN", "PRK", "111") not in triples(events)


def test_negated_event_is_not_coded_as_positive() -> None:
    attacks = [e for e in code("North Korea did not attack Japan.") if e.cameo.startswith("19")]
    # Kept visible as what it is: a negated act, never a fact.
    assert attacks and all(e.negated and not e.is_fact for e in attacks)
    assert all(m.negated for e in attacks for m in e.mentions)


def test_refusal_codes_the_opposite() -> None:
    events = code("North Korea refused to meet South Korea.")
    assert ("PRK", "KOR", "125") in triples(events)
    assert not [e for e in events if e.cameo.startswith("04")]


def test_modal_event_is_potential() -> None:
    events = [e for e in code("Russia could impose sanctions on Japan.") if e.cameo == "163"]
    assert events and events[0].mode == "potential"
    assert events[0].status == "hypothetical" and not events[0].is_fact
    assert events[0].source.code == "RUS" and events[0].target.code == "JPN"


def test_threat_codes_13_family() -> None:
    events = code("China threatened to attack Taiwan.")
    assert [e for e in events if e.cameo == "138" and e.mode == "threatened" and e.source.code == "CHN"]
    assert not [e for e in events if e.cameo.startswith("19")]


def test_compound_actors_give_one_event_each() -> None:
    events = [e for e in code("South Korea and the United States condemned North Korea.") if e.cameo == "111"]
    assert {(e.source.code, e.target.code) for e in events} == {("KOR", "PRK"), ("USA", "PRK")}


def test_symmetric_talks_between_coordinated_actors() -> None:
    events = [
        e for e in code("South Korea and Japan held talks in Tokyo on Tuesday.") if e.cameo.startswith("04")
    ]
    assert {(e.source.code, e.target.code) for e in events} == {("KOR", "JPN"), ("JPN", "KOR")}
    assert all(e.place is not None and e.place.name == "Tokyo" for e in events)
    assert all(e.date_precision == "day" and e.date == "2019-04-23" for e in events)


def test_event_inside_quote_is_a_claim() -> None:
    text = 'Japanese officials said on Monday, "North Korea attacked a Japanese ship."'
    attacks = [e for e in code(text) if e.cameo.startswith("19")]
    assert attacks and attacks[0].claim_by is not None and attacks[0].source.code == "PRK"


def test_undated_when_no_own_date() -> None:
    # The publication date is when it was reported, not when it happened.
    events = [e for e in code("Russia criticized Japan.") if e.cameo == "111"]
    assert events[0].date is None and events[0].date_precision is None and events[0].date_source == "none"
    assert events[0].reported_on == "2019-04-29"
    undated = [e for e in code("Russia criticized Japan.", published=None) if e.cameo == "111"][0]
    assert undated.date is None and undated.reported_on is None


def test_event_fields_from_codebook() -> None:
    event = [e for e in code("The United States imposed sanctions on Iran.") if e.cameo == "163"][0]
    assert (event.source.code, event.target.code) == ("USA", "IRN")
    assert event.plover == "COERCE" and event.goldstein is not None and event.rule == "sanction.impose"
    assert 0.05 <= event.confidence <= 0.95
    assert event.mentions[0].outlet == "Test Daily"


def test_doc_must_match_article() -> None:
    with pytest.raises(ValueError, match="not parsed from article.text"):
        extract_events(Article(text="a"), parse("b"), [], [], [], [])


def test_room_naming_a_meeting_is_no_party() -> None:
    # an uncoded room or building before a meeting noun says where it was held, not who sat in it
    events = code('Trump called Obama "a very good man" after their Oval Office meeting.')
    assert not [
        e for e in events if e.cameo == "040" and "Office" in f"{e.source.name} {e.target and e.target.name}"
    ]
    # a coded body in the same place still is a party
    assert ("USAMIL", "JPN", "040") in triples(code("The Pentagon meeting with Japan ended on Monday."))


def test_the_president_is_who_holds_the_office_on_the_articles_date() -> None:
    # a president-to-be called "President" in the text is not "the president" before taking office
    text = (
        "Donald Trump arrived in Washington on Thursday. Trump said the transition would be smooth. "
        "Aides said President Trump would move fast. Trump praised his team. "
        "Barack Obama hosted a dinner on Wednesday. Germany's foreign minister met with the president last week."
    )
    met = {
        e.target.name for e in code(text, published=datetime(2016, 11, 10)) if e.cameo == "040" and e.target
    }
    assert "Barack Obama" in met
    assert "Donald Trump" not in met


def test_a_name_and_a_gerund_split_by_the_parser_are_one_act_of_the_name() -> None:
    # "covered up China hacking": China's hacking, not the agency hacking China
    events = code("FDIC Accused Of Covering Up China Hacking To Protect Its Chairman.")
    assert not [e for e in events if e.cameo == "170"]
    # a gerund with its own object after its subject stays the subject's act
    assert ("RUS", "USAMIL", "170") in triples(code("Russia kept hacking the computers of the Pentagon."))
