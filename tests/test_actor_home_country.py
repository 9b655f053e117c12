"""Office holders named by role only get the country their title or the article's home country gives them;
known heads of state and national bodies their government's code (invented sentences)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from crosswire.knowledge.kb import KnowledgeBase
from crosswire.model import Actor, Article
from crosswire.nlp.actor_home import home_country, home_office_country, us_office_title
from crosswire.nlp.actors import extract_actors, without_initials
from crosswire.nlp.runtime import parse

# A US story: the White House and President Obama (in office on the date) make the United States its home.
US_OPENING = "President Obama spoke at the White House on Monday. The White House said Obama would travel. "


def actors_of(text: str, outlet: str | None = None) -> list[Actor]:
    article = Article(text=text, published=datetime(2016, 7, 1), outlet=outlet)
    return extract_actors(article, parse(text))


def codes_of(text: str, name: str, outlet: str | None = None) -> list[str]:
    found = [a for a in actors_of(text, outlet) if a.name == name]
    assert len(found) == 1, [(a.name, a.codes) for a in actors_of(text, outlet)]
    return found[0].codes


def test_a_us_office_in_a_us_story_takes_the_home_country() -> None:
    text = US_OPENING + "Sen. Walter Brennick said the bill would pass."
    assert codes_of(text, "Walter Brennick") == ["USALEG"]
    text = US_OPENING + "Labor Secretary Tobias Wendle and Gov. Mildred Ashcombe praised the plan."
    assert codes_of(text, "Tobias Wendle") == ["USAGOV"]
    assert codes_of(text, "Mildred Ashcombe") == ["USAGOV"]


def test_a_national_outlet_gives_the_home_country_where_nothing_else_is_coded() -> None:
    text = "Sen. Walter Brennick said the bill would pass."
    assert codes_of(text, "Walter Brennick", outlet="USA Today") == ["USALEG"]
    assert codes_of(text, "Walter Brennick") == ["LEG"]  # no home country: the role alone


def test_offices_the_us_lacks_keep_no_us_code() -> None:
    text = US_OPENING + "Prime Minister Harold Quimby and Foreign Secretary Peter Quill met him."
    assert "USA" not in "".join(codes_of(text, "Harold Quimby"))
    assert "USA" not in "".join(codes_of(text, "Peter Quill"))
    text = US_OPENING + "British MP Alicia Fernbrook criticised the plan."
    assert codes_of(text, "Alicia Fernbrook") == ["GBRLEG"]


def test_a_us_state_in_the_title_places_the_office_in_the_us() -> None:
    text = "Derek Osterhout, a former Oklahoma state senator, endorsed the candidate."
    assert codes_of(text, "Derek Osterhout") == ["USAELI"]
    text = "Sen. Walter Brennick, Democrat of Ohio, said the bill would pass."
    assert codes_of(text, "Walter Brennick") == ["USALEG"]
    text = "Mexican Gov. Tobias Wendle met Gov. Walter Brennick of Texas."
    assert codes_of(text, "Tobias Wendle") == ["MEXGOV"]


def test_another_home_country_gives_no_us_code() -> None:
    text = (
        "South Korea and North Korea held talks in Seoul. South Korea said the talks went well. "
        "Sen. Walter Brennick said the bill would pass."
    )
    assert codes_of(text, "Walter Brennick") == ["LEG"]


def test_a_body_named_by_its_kind_in_a_us_story() -> None:
    text = US_OPENING + "The Supreme Court struck down the law."
    assert codes_of(text, "Supreme Court") == ["USAJUD"]


def test_home_country_needs_a_majority() -> None:
    assert home_country(Counter({"USA": 5, "TUR": 1})) == "USA"
    assert home_country(Counter({"USA": 3, "TUR": 3})) is None
    assert home_country(Counter({"USA": 3, "TUR": 3}), outlet="USA") == "USA"
    assert home_country(Counter({"TUR": 4}), outlet="USA") == "TUR"
    assert home_country(Counter({"TUR": 1, "USA": 1, "SYR": 1})) is None


def test_title_words() -> None:
    kb = KnowledgeBase.builtin()
    assert us_office_title("state Sen.") and us_office_title("House Speaker")
    assert not us_office_title("Foreign Secretary") and not us_office_title("President")
    assert home_office_country("Gov.", None, kb) is None
    assert home_office_country("local GOP leader", None, kb) == ("USA", "US-only institution in title")
    assert home_office_country("Mexican governor", "USA", kb) is None


def test_a_known_head_of_state_is_his_government() -> None:
    text = "Syrian President Bashar al-Assad met the envoy. Assad said the war would go on."
    found = [a for a in actors_of(text) if "Assad" in a.name]
    assert len(found) == 1 and found[0].codes == ["SYRGOV"]
    assert len(found[0].mentions) == 2


def test_national_bodies_of_the_knowledge_base_are_government() -> None:
    text = "The Federal Reserve raised rates. The Fed said inflation was low."
    assert codes_of(text, "Federal Reserve") == ["USAGOV"]
    actors = actors_of("Fed up with the delays, the mayor resigned.")
    assert not [a for a in actors if a.name == "Federal Reserve"]


def test_a_source_familiar_with_a_body_does_not_speak_for_it() -> None:
    actors = actors_of("A source familiar with the Pentagon's plans said the drills would go ahead.")
    source = [a for a in actors if a.anonymous]
    assert source and not any(c.startswith("USA") for c in source[0].codes)


def test_a_middle_initial_does_not_make_another_person() -> None:
    assert without_initials("Walter K. Brennick") == "Walter Brennick"
    assert without_initials("George H. W. Bush") == "George H. W. Bush"
    text = "Walter K. Brennick said the bill would pass. Walter Brennick added that he was sure."
    assert len([a for a in actors_of(text) if "Brennick" in a.name]) == 1


def test_officials_of_a_us_city_are_the_us_governments() -> None:
    # a city only the US has places its officials there, whatever the article is about
    assert codes_of("Atlantic City officials welcomed the decision.", "Atlantic City officials") == ["USAGOV"]
    # Birmingham is English too: the role alone
    assert codes_of("Birmingham officials welcomed the decision.", "Birmingham officials") == ["GOV"]


def test_a_county_office_in_a_us_story() -> None:
    text = (
        US_OPENING + "Orange County Supervisor of Elections Susan Whitaker said the count would end Friday."
    )
    assert codes_of(text, "Susan Whitaker") == ["USAGOV"]
    text = "Orange County Supervisor of Elections Susan Whitaker said the count would end Friday."
    assert codes_of(text, "Susan Whitaker") == ["GOV"]  # no home country: the role alone
    text = US_OPENING + "Warehouse supervisor Tom Hale said the count would end Friday."
    assert codes_of(text, "Tom Hale") == []  # a supervisor of no government office


def test_an_outlet_named_usa_today_is_no_country() -> None:
    text = "Edna Parkhurst told USA Today that the count would end Friday."
    assert all(a.codes != ["USA"] and a.country != "USA" for a in actors_of(text) if "USA" in a.name)
