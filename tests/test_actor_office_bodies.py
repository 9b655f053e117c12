"""An office's role code read from the body it belongs to: a committee chair of a legislature is LEG, a
campaign's or a person's staff are no government, a party's chair and officials are PTY (invented
sentences)."""

from __future__ import annotations

from datetime import datetime

from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse


def actors_of(text: str) -> list[Actor]:
    return extract_actors(Article(text=text, published=datetime(2016, 7, 1)), parse(text))


def codes_of(text: str, name: str) -> list[str]:
    found = [a for a in actors_of(text) if a.name == name]
    assert len(found) == 1, [(a.name, a.codes) for a in actors_of(text)]
    return found[0].codes


def test_chair_of_a_house_or_senate_committee_is_legislature() -> None:
    text = "House Ethics Committee Chairman Walter Brennick said the inquiry would go on."
    assert codes_of(text, "Walter Brennick") == ["LEG"]
    text = "Senate Majority Leader Harold Quimby said the bill would pass."
    assert codes_of(text, "Harold Quimby")[0].endswith("LEG")


def test_committee_chair_with_a_party_state_tag_is_a_us_legislator() -> None:
    text = "Ethics Committee Chairman Walter Brennick (R-Iowa) said the inquiry would go on."
    assert codes_of(text, "Walter Brennick") == ["USALEG"]


def test_executive_house_stays_government() -> None:
    text = "White House spokesman Tobias Wendle said the vote failed."
    assert codes_of(text, "Tobias Wendle") == ["USAGOV"]


def test_campaign_staff_are_not_government() -> None:
    text = "Campaign spokeswoman Alicia Fernbrook said the senator would win."
    assert codes_of(text, "Alicia Fernbrook") == []
    text = "Campaign manager Derek Osterhout said the governor had lied."
    assert codes_of(text, "Derek Osterhout") == []


def test_a_persons_spokesman_or_aides_are_not_government() -> None:
    text = "Harlan Voss spokesman Peter Quill said the ad was false."
    assert "GOV" not in "".join(codes_of(text, "Peter Quill"))
    actors = actors_of("Trusted aides met the rival team on Monday.")
    aides = [a for a in actors if a.description == "Trusted aides"]
    assert aides and aides[0].codes == []


def test_aides_to_a_minister_stay_government() -> None:
    actors = actors_of("Aides to the prime minister said the talks had failed.")
    aides = [a for a in actors if a.anonymous]
    assert aides and aides[0].codes == ["GOV"]


def test_party_chair_and_party_officials_are_party() -> None:
    text = "Mildred Ashcombe, the Dorset County GOP chairwoman, said the race was close."
    assert codes_of(text, "Mildred Ashcombe") == ["USAPTY"]  # the GOP is the US Republican Party
    actors = actors_of("Republican Party officials said the debate schedule was fair.")
    officials = [a for a in actors if a.anonymous]
    assert officials and officials[0].codes == ["PTY"]


def test_bare_official_keeps_government() -> None:
    actors = actors_of("A senior official said the talks had failed.")
    assert [a.codes for a in actors if a.anonymous] == [["GOV"]]


def test_organisation_qualifying_an_epithet_is_not_the_actor() -> None:
    # "the Acme League veteran" is a person the league's name only describes
    actors = actors_of("The Acme League veteran criticized the mayor on Monday.")
    assert not any(any(m.text == "Acme League" for m in a.mentions) for a in actors)
    # a spokesman speaks for the body his title names, and "the NATO alliance" is NATO
    actors = actors_of("The NATO alliance warned Russia on Monday.")
    assert any(a.codes and a.codes[0].startswith("IGO") for a in actors)


def test_pronoun_after_a_description_of_someone_else_stays_unresolved() -> None:
    text = (
        "Quentin Marsh, a former White House press secretary, spoke on Monday. "
        "Instead, the businessman has insisted that he will win."
    )
    marsh = [a for a in actors_of(text) if a.name == "Quentin Marsh"]
    assert marsh and [m.text for m in marsh[0].mentions] == ["Quentin Marsh"]
    # the description fits the person named before: the pronoun stays theirs
    text = "Sen. Quentin Marsh spoke on Monday. The senator said he would vote no."
    marsh = [a for a in actors_of(text) if a.name == "Quentin Marsh"]
    assert marsh and "he" in [m.text for m in marsh[0].mentions]


def test_leader_of_an_act_is_no_state_leader() -> None:
    text = "Committee Chairman Quentin Marsh (D-Mont.) voted no. The leader of the sit-in is pressing Ferris."
    marsh = [a for a in actors_of(text) if a.name == "Quentin Marsh"]
    assert marsh and [m.text for m in marsh[0].mentions] == ["Quentin Marsh"]


def test_legislative_offices_without_a_body_word() -> None:
    assert codes_of("Majority Leader Harold Quimby said the bill would pass.", "Harold Quimby") == ["LEG"]
    text = "Ranking member Mildred Ashcombe (D-Md.) said the report was false."
    assert codes_of(text, "Mildred Ashcombe") == ["USALEG"]
