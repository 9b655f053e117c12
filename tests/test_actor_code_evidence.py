"""Actor codes from real evidence only (nlp/actor_roles.py, events/participants.py, data/kb): a US state named
with an office holder gives the United States, a hospital is no school, a state agency is its government,
and a person described through someone else is not that someone. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse
from event_support import code_text

ON = datetime(2016, 5, 1)


def actor(text: str, name: str) -> Actor:
    article = Article(text=text, published=ON, outlet="Test Daily")
    return next(a for a in extract_actors(article, parse(text)) if a.name == name)


def test_a_us_state_named_with_an_office_holder_gives_the_united_states() -> None:
    cases = {
        "Representative Jane Roe of Ohio, who endorsed the governor on Tuesday, said the race was close.": (
            "Jane Roe",
            "USALEG",
        ),
        "Sen. Tom Hardy (D-Ore.) criticized the plan on Monday.": ("Tom Hardy", "USALEG"),
        "The company gave money to Nebraska Gov. Walter Briggs and other Republicans.": (
            "Walter Briggs",
            "USAGOV",
        ),
    }
    for text, (name, code) in cases.items():
        assert actor(text, name).codes == [code], text


def test_a_state_name_that_is_also_a_country_gives_no_country() -> None:
    text = "Senator Maria Lopez of Georgia criticized the plan on Monday."
    assert actor(text, "Maria Lopez").codes == ["LEG"]


def test_a_hospital_is_a_health_body_not_a_school() -> None:
    text = "Riverside University Hospital said 31 patients were brought in by ambulance on Monday."
    assert actor(text, "Riverside University Hospital").codes == ["HLH"]


def test_federal_agencies_and_their_heads_are_coded_from_the_knowledge_base() -> None:
    text = "FBI Director James Comey said on Tuesday that the inquiry was closed."
    assert actor(text, "James Comey").codes == ["USACOP"]
    text = "The General Services Administration said on Monday that the lease stood."
    assert actor(text, "General Services Administration").codes == ["USAGOV"]


def test_a_state_agency_known_only_by_its_country_is_that_government() -> None:
    events = code_text("The Federal Aviation Administration criticized the airline on Monday.", ON)
    assert [e.source.code for e in events] == ["USAGOV"]


def test_a_persons_predecessor_or_speechwriter_is_not_that_person_or_party() -> None:
    for text, wrong in (
        ("In 2008, Walsh's predecessor, Tom Menino, criticized the plan.", "Walsh"),
        ("The GOP speechwriter criticized the ban on Tuesday.", "GOP"),
    ):
        assert all(e.source.name != wrong for e in code_text(text, ON)), text


def test_an_unnamed_government_is_the_one_of_the_country_the_sentence_is_in() -> None:
    text = (
        "WASHINGTON - The president spoke on Monday. In Spain, officials of the conservative government are "
        "weighing a coalition to keep the far right out."
    )
    found = actor(text, "officials of the conservative government")
    assert found.codes == ["ESPGOV"]


def test_a_demonym_on_goods_gives_a_bare_ministry_no_country() -> None:
    text = (
        "The administration put a duty on cheap Korean washing machines. In March, the Trade Ministry "
        "announced a new tariff."
    )
    assert actor(text, "Trade Ministry").codes == ["GOV"]


def test_a_bodys_legend_or_organizer_is_not_the_body() -> None:
    text = "The NFL legend criticized the owners on Monday."
    assert all(e.source.name != "NFL" for e in code_text(text, ON))


def test_a_counted_people_is_a_crowd_of_civilians_not_the_state() -> None:
    for text in (
        "Thousands of Austrians protested against the trade pact on Saturday.",
        "The chancellor will be greeted by hundreds of Austrians protesting against the trade pact.",
    ):
        protests = [e for e in code_text(text, ON) if e.cameo.startswith("14")]
        assert protests and all(e.source.code == "AUTCVL" for e in protests), text


def test_a_member_of_a_persons_family_is_not_the_persons_country() -> None:
    events = code_text("A family member of a Peruvian girl said the well was empty.", ON)
    assert all(e.source.code != "PER" for e in events)


def test_a_state_the_parser_leaves_out_of_the_title_still_counts() -> None:
    text = "Inside the hall, the senator on Tuesday dismissed Wisconsin Gov. Tom Baxter as an ineffective leader."
    assert actor(text, "Tom Baxter").codes == ["USAGOV"]
