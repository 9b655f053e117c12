"""Datelines, hyphenated modifiers and spokespeople in the actor, quote and places layers (invented text)."""

from __future__ import annotations

from datetime import datetime

import pytest

from crosswire.model import Actor, Article, Quote
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.dateline import credit_lines, dateline_tokens, find_dateline
from crosswire.nlp.places import extract_places
from crosswire.nlp.quotes import extract_quotes
from crosswire.nlp.runtime import parse


def analyse(text: str) -> tuple[list[Actor], list[Quote]]:
    article = Article(text=text, published=datetime(2026, 3, 2))
    doc = parse(text)
    actors = extract_actors(article, doc)
    return actors, extract_quotes(article, doc, actors)


def quote_with(quotes: list[Quote], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert len(found) == 1, [(q.text, q.speaker.name) for q in quotes]
    return found[0]


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("OSLO — Fishing crews walked out on Friday.", "OSLO", None),
        ("LIMA, March 3 (Reuters) -- Miners blocked a road.", "LIMA", "Reuters"),
        ("Port strike spreads\n\nBy Ana Ruiz\n\nSAN JOSE (AP) — Dockers stayed home.", "SAN JOSE", "AP"),
        ("NAIROBI, Kenya - Traders closed their stalls.", "NAIROBI", None),
    ],
)
def test_datelines_are_found_with_place_and_agency(text: str, place: str, agency: str | None) -> None:
    line = find_dateline(text)
    assert line is not None
    assert (line.place, line.agency) == (place, agency)
    assert text[line.place_start : line.place_end] == place
    assert text[line.end - 1] == " "  # the dash and the space after it belong to the dateline


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE — The vote was delayed.",
        "The EU — and its members — disagreed.",
        "NATO-led patrols resumed on Friday.",
        "Headline\n\nOne\n\nTwo\n\nThree\n\nFour\n\nLIMA — too deep into the text to be a dateline.",
        "Officials in LIMA — the capital — met.",
    ],
)
def test_other_capitals_and_dashes_are_not_datelines(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_tokens_cover_place_agency_and_dash() -> None:
    doc = parse("LIMA, March 3 (Reuters) -- Miners blocked a road.")
    tokens = [doc[i].text for i in dateline_tokens(doc)]
    assert tokens[0] == "LIMA" and tokens[-1] == "--" and "Reuters" in tokens
    assert len(dateline_tokens(parse("Miners blocked a road."))) == 0


def test_dateline_is_no_part_of_a_group_actor_or_quote() -> None:
    text = "OSLO — Working-level negotiators from Norway and Iceland met on Monday to draft the quota, officials said."
    actors, quotes = analyse(text)
    for actor in actors:
        for m in actor.mentions:
            assert "OSLO" not in m.text, actor.name
    group = [a for a in actors if a.kind == "group" and "negotiators" in a.name]
    assert group and group[0].name.startswith("Working-level negotiators")
    quote = quote_with(quotes, "negotiators")
    assert quote.text.startswith("Working-level") and quote.start == text.index("Working-level")


def test_dateline_capital_is_not_the_acting_state_or_the_speaker() -> None:
    text = "LIMA (Reuters) -- Peruvian officials said on Tuesday that the mine would reopen."
    actors, quotes = analyse(text)
    assert not any(m.start == 0 for a in actors for m in a.mentions)
    quote = quote_with(quotes, "the mine would reopen")
    assert quote.speaker.mention == "Peruvian officials"
    assert "LIMA" not in (quote.speaker.name or "")


def test_dateline_place_is_a_place() -> None:
    text = "LIMA (Reuters) -- Peruvian officials said the mine would reopen in Arequipa."
    places = extract_places(Article(text=text), parse(text))
    first = min(places, key=lambda p: p.start or 0)
    assert (first.start, first.country, first.name) == (0, "PER", "Lima")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Two Oslo-based shipping firms said they would cancel sailings to Murmansk.", "Two Oslo-based"),
        ("A Nairobi-based aid group said the convoy was turned back at the border.", "A Nairobi-based"),
    ],
)
def test_hyphenated_place_modifier_is_not_the_speaker(text: str, mention: str) -> None:
    actors, quotes = analyse(text)
    quote = quotes[0]
    assert quote.speaker.mention is not None and quote.speaker.mention.startswith(mention)
    assert quote.speaker.name not in ("Oslo", "Norway", "Nairobi", "Kenya")
    assert not any(a.kind == "state" for a in actors), [(a.name, a.kind) for a in actors]


def test_a_hyphenated_modifier_does_not_hide_an_acting_state() -> None:
    actors, _ = analyse("Norway rejected the Oslo-based panel's report on Monday.")
    norway = [a for a in actors if a.name == "Norway"]
    assert norway and [m.text for m in norway[0].mentions] == ["Norway"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("A company spokesperson said deliveries would resume.", "BUS"),
        ("A spokesman for one Oslo-based trading firm said prices rose.", "BUS"),
        ("A spokesperson for a fishing cooperative said boats stayed in port.", None),
        ("A government spokeswoman said the quota was final.", "GOV"),
        ("A spokesman said the quota was final.", "GOV"),
    ],
)
def test_a_spokesperson_has_the_role_of_what_they_speak_for(text: str, role: str | None) -> None:
    actors, _ = analyse(text)
    anonymous = [a for a in actors if a.anonymous]
    assert len(anonymous) == 1, [(a.name, a.codes) for a in actors]
    assert anonymous[0].role == role
    assert all(code.endswith(role) for code in anonymous[0].codes) if role else anonymous[0].codes == []


def test_a_city_read_as_a_person_is_a_place_not_an_actor() -> None:
    text = "Exporters are rerouting cargo to Antwerp and the Dutch port of Rotterdam, traders said."
    actors, _ = analyse(text)
    assert not any(a.kind == "person" and a.name == "Rotterdam" for a in actors)
    places = extract_places(Article(text=text), parse(text))
    assert any(p.name == "Rotterdam" and p.country == "NLD" for p in places)


def test_a_surname_that_is_also_a_city_stays_a_person() -> None:
    actors, _ = analyse("Lee Jackson met reporters on Monday. Jackson said the ship sailed to Perth.")
    jackson = [a for a in actors if a.name == "Lee Jackson"]
    assert jackson and len(jackson[0].mentions) == 2


def test_a_description_does_not_run_back_over_a_paragraph_break() -> None:
    text = "Posted : 09:30 KST\n\nNorwegian and Icelandic negotiators reached a deal on Wednesday."
    actors, _ = analyse(text)
    group = [a for a in actors if "negotiators" in a.name]
    assert group and group[0].name == "Norwegian and Icelandic negotiators"


def test_dateline_with_region_and_date() -> None:
    line = find_dateline("HULL, England, May 4 (Harbor Wire) - Ferry crews walked out.")
    assert line is not None and (line.place, line.agency) == ("HULL", "Harbor Wire")


def test_credit_lines_name_staff_not_actors() -> None:
    text = (
        "Ferry crews walked out on Friday, the union said.\n\n"
        "(Reporting by Ana Ruiz in Lima; Additional reporting by Li Wei in Oslo; Editing by Tom Hale)\n"
        "By contrast, Maria Costa said the strike would end soon."
    )
    spans = credit_lines(text)
    assert [text[a:b] for a, b in spans] == [text.splitlines()[2]]
    actors, _ = analyse(text)
    people = {a.name for a in actors if a.kind == "person"}
    assert "Maria Costa" in people
    assert not people & {"Ana Ruiz", "Li Wei", "Tom Hale", "Wei", "Hale"}


def test_byline_is_a_credit_but_a_sentence_starting_with_by_is_not() -> None:
    text = "By Ana Ruiz, staff reporter\nBy Monday the crews had left.\nBy Ana Ruiz and Li Wei"
    assert [text[a:b] for a, b in credit_lines(text)] == [
        "By Ana Ruiz, staff reporter",
        "By Ana Ruiz and Li Wei",
    ]


def test_title_words_are_not_organisations_and_the_possessor_gives_the_country() -> None:
    actors, _ = analyse("Norway's Fisheries Minister Ola Dahl met Special Representative Eva Lund in Oslo.")
    assert not any(a.kind == "organisation" for a in actors), [(a.name, a.kind) for a in actors]
    dahl = [a for a in actors if a.name == "Ola Dahl"]
    assert dahl and dahl[0].country == "NOR" and dahl[0].codes == ["NORGOV"]


def test_nationality_qualifies_a_group_speaker_without_naming_it() -> None:
    _, quotes = analyse("Norwegian trading houses said they welcomed the quota deal.")
    quote = quote_with(quotes, "welcomed")
    assert quote.speaker.name == "Norwegian trading houses"
    assert quote.speaker.actor_code == "NOR"


def test_a_title_with_a_named_person_in_apposition_is_that_person() -> None:
    text = "Norway's fisheries minister, Ola Dahl, said the quota would not change."
    _, quotes = analyse(text)
    assert quote_with(quotes, "quota would not change").speaker.name == "Ola Dahl"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Union general secretary Ruth Moss said members would strike again.", "Ruth Moss", "LAB"),
        ("Company president Ola Dahl said output fell.", "Ola Dahl", "BUS"),
        ("University president Eva Lund said classes would resume.", "Eva Lund", "EDU"),
        ("Party general secretary Ruth Moss said the vote was fair.", "Ruth Moss", "PTY"),
    ],
)
def test_an_officer_heads_the_body_their_title_names(text: str, name: str, role: str) -> None:
    actors, _ = analyse(text)
    person = [a for a in actors if a.name == name]
    assert person and person[0].role == role, [(a.name, a.role, a.codes) for a in actors]


def test_main_event_place_is_a_dateline_after_the_headline() -> None:
    from crosswire.nlp.fivew import main_event

    text = "Ferry strike spreads to the north\n\nBERGEN (Harbor Wire) — Ferry crews walked out on Friday."
    article = Article(text=text, published=datetime(2026, 3, 2))
    doc = parse(text)
    actors = extract_actors(article, doc)
    five = main_event(article, doc, actors=actors, places=extract_places(article, doc))
    where = five["where"]
    assert where is not None and where["found_in"] == "dateline"
    assert (where["text"], where["value"]["country"]) == ("BERGEN", "NOR")


def test_title_case_dateline_with_a_wire_agency():
    found = find_dateline(
        "Denver (AP) \u2013 Colorado's top law enforcement official promises to defend the law."
    )
    assert found is not None and found.place == "Denver" and found.agency == "AP"
    assert find_dateline("Sen. Ted Cruz (R) \u2013 the senator from Texas, spoke on Monday.") is None
