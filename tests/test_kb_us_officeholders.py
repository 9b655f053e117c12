"""US office holders of 2015-2020 in the knowledge base: coded by the office held on the article's date, a
former office holder as the country's elite (ELI), a namesake left alone (invented sentences)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from crosswire.knowledge.kb import KnowledgeBase, fold
from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.builtin()


def actors_of(text: str, published: datetime) -> list[Actor]:
    return extract_actors(Article(text=text, published=published), parse(text))


def codes_of(text: str, name: str, published: datetime) -> list[str]:
    found = [a for a in actors_of(text, published) if a.name == name]
    assert len(found) == 1, [(a.name, a.codes) for a in actors_of(text, published)]
    return found[0].codes


def test_offices_by_the_articles_date(kb: KnowledgeBase) -> None:
    scott = kb.person("Rick Scott")
    assert scott.code_on(date(2016, 8, 23)) == ("USAGOV", False)  # Governor of Florida
    assert scott.code_on(date(2020, 1, 1)) == ("USALEG", False)  # then a senator
    sessions = kb.person("Jeff Sessions")
    assert sessions.code_on(date(2016, 3, 1))[0] == "USALEG"
    assert sessions.code_on(date(2017, 6, 1))[0] == "USAGOV"
    assert sessions.code_on(date(2019, 6, 1)) == ("USAELI", True)
    assert kb.person("Paul Ryan").office_on(date(2016, 5, 23)).title == "Speaker of the House"
    assert kb.person("Mike Pence").office_on(date(2016, 9, 1)).title == "Governor of Indiana"


def test_a_former_governor_is_elite_never_government(kb: KnowledgeBase) -> None:
    assert kb.person("Gary Johnson").code_on(date(2016, 8, 28)) == ("USAELI", True)
    assert kb.person("Jeb Bush").code_on(date(2015, 12, 1)) == ("USAELI", True)


def test_a_bare_surname_two_office_holders_share_names_neither(kb: KnowledgeBase) -> None:
    assert kb.person("Sanders", date(2016, 5, 1)).name == "Bernie Sanders"
    # 2018: Sarah Huckabee Sanders is press secretary too
    assert kb.person("Sanders", date(2018, 5, 1)) is None
    assert kb.person("Johnson", date(2016, 8, 1)) is None  # a senator and a British foreign secretary


def test_no_two_people_share_a_spelling(kb: KnowledgeBase) -> None:
    seen: dict[str, str] = {}
    for person in kb.people:
        for form in {person.name, *person.aliases}:
            assert seen.setdefault(fold(form), person.name) == person.name, form


def test_a_sitting_senator_named_without_title() -> None:
    text = "Bernie Sanders criticized the trade deal on Tuesday. Sanders said workers would lose."
    assert codes_of(text, "Bernie Sanders", datetime(2016, 5, 23)) == ["USALEG"]


def test_a_governor_before_and_after_his_term() -> None:
    text = "Rick Scott signed the budget in Tallahassee on Monday."
    assert codes_of(text, "Rick Scott", datetime(2016, 6, 1)) == ["USAGOV"]
    assert codes_of(text, "Rick Scott", datetime(2010, 6, 1)) == ["USAELI"]


def test_a_former_governor_running_for_president() -> None:
    text = "Former New Mexico governor Gary Johnson praised the plan on Sunday."
    assert codes_of(text, "Gary Johnson", datetime(2016, 8, 28)) == ["USAELI"]
    text = "Libertarian nominee Gary Johnson praised the plan on Sunday."
    assert codes_of(text, "Gary Johnson", datetime(2016, 8, 28)) == ["USAELI"]


def test_a_namesake_with_another_first_name_is_left_alone() -> None:
    text = "Tom Sanders, a dairy farmer, criticized the trade deal on Tuesday."
    assert codes_of(text, "Tom Sanders", datetime(2016, 5, 23)) == []


def test_the_article_calling_the_held_office_former_tells_of_another_time() -> None:
    # a 2016 story of a 1992 debate: "former" governor then, though governor again on the article's date
    text = "After former California Gov. Jerry Brown criticized the plan during a debate, she shot back."
    assert codes_of(text, "Jerry Brown", datetime(2016, 8, 19)) == ["USAELI"]
    assert codes_of(
        "California Gov. Jerry Brown criticized the plan.", "Jerry Brown", datetime(2016, 8, 19)
    ) == ["USAGOV"]
    # a former governor who holds another office on the date is coded by that office
    text = "Former Texas Gov. Rick Perry praised the plan."
    assert codes_of(text, "Rick Perry", datetime(2018, 8, 19)) == ["USAGOV"]
