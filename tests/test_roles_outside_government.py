"""Role codes of people outside government (nlp/actor_roles.py): party officers, the heads of think
tanks, advocacy groups and companies, legislators with an earlier career. Sentences written for these
tests."""

from __future__ import annotations

from datetime import datetime

from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse


def person(text: str, name: str) -> Actor:
    article = Article(text=text, published=datetime(2016, 5, 1), outlet="Test Daily")
    return next(a for a in extract_actors(article, parse(text)) if a.name == name)


def roles(actor: Actor) -> set[str]:
    return {c[3:] if len(c) > 3 else c for c in actor.codes}


def test_a_party_officer_is_the_party_not_the_government() -> None:
    actor = person("Green Party chairwoman Jane Roe criticized the governor on Monday.", "Jane Roe")
    assert roles(actor) == {"PTY"}


def test_the_president_of_a_private_body_holds_no_government_office() -> None:
    for text in (
        "Jane Roe, president of the Center for Fair Budgets, criticized the senator on Monday.",
        "Jane Roe, the president of Acme Corp., praised the governor on Monday.",
        "Jane Roe, executive director of the advocacy group Clean Rivers, criticized the governor.",
    ):
        assert not roles(person(text, "Jane Roe")) & {"GOV", "BUS"}, text


def test_officers_of_the_state_keep_their_office() -> None:
    text = "Jane Roe, secretary of the Department of Homeland Security, criticized the governor."
    assert roles(person(text, "Jane Roe")) == {"GOV"}
    text = "Jane Roe, chairman of the House Intelligence Committee, criticized the agency on Monday."
    assert roles(person(text, "Jane Roe")) == {"LEG"}


def test_a_sitting_legislator_is_not_elite_for_an_earlier_career() -> None:
    for text in (
        "Rep. Jane Roe, a former Navy admiral, criticized the Pentagon on Monday.",
        "Senator Jane Roe, a former Navy pilot, criticized the Pentagon on Monday.",
    ):
        actor = person(text, "Jane Roe")
        assert roles(actor) == {"LEG"} and not actor.former, text
    actor = person("Jane Roe, a former congresswoman, criticized the governor.", "Jane Roe")
    assert roles(actor) == {"ELI"}


def test_representative_before_a_name_is_a_legislator_but_a_special_one_an_envoy() -> None:
    text = "Representative Jane Roe criticized the Pentagon on Monday."
    assert roles(person(text, "Jane Roe")) == {"LEG"}
    text = "Special Representative Jane Roe met the delegation on Monday."
    assert roles(person(text, "Jane Roe")) == {"GOV"}


def organisation(text: str, name: str) -> Actor:
    article = Article(text=text, published=datetime(2016, 5, 1), outlet="Test Daily")
    return next(a for a in extract_actors(article, parse(text)) if name in a.name)


def test_a_title_word_inside_a_company_name_is_no_title() -> None:
    for text, name in (
        ("General Turbine Corp. said on Monday it would cut 2,000 jobs.", "General Turbine"),
        ("Shares of General Electric fell after General Motors announced a recall.", "General Motors"),
        ("Admiral Freight Lines announced a new route on Tuesday.", "Admiral Freight Lines"),
    ):
        assert not roles(organisation(text, name)) & {"MIL", "GOV"}, text
    text = "The Marine Corps said on Monday it would send 2,000 troops."
    assert roles(organisation(text, "Marine Corps")) == {"MIL"}


def test_staff_of_a_company_take_its_kind_never_the_government() -> None:
    for text in (
        "Jane Roe, a bank analyst, said the central bank would raise rates.",
        "Jane Roe, an analyst at the bank Fenwick Sachs, said rates would rise.",
    ):
        assert roles(person(text, "Jane Roe")) == {"BUS"}, text
    text = "A Fenwick executive said the company would cut jobs."
    assert "GOV" not in {
        r for a in extract_actors(Article(text=text, outlet="T"), parse(text)) for r in roles(a)
    }
    for text in (
        "Chirper spokesman John Doe said the company had suspended the account.",
        "John Doe, a Chirper spokesman, declined to comment on the account.",
        "Jane Roe, an analyst at Fenwick Partners, said the central bank would raise rates.",
    ):
        assert not roles(person(text, "John Doe" if "John" in text else "Jane Roe")) & {"GOV", "EDU"}, text


def test_spokespeople_of_state_bodies_stay_government() -> None:
    text = "John Doe, a State Department spokesman, said the talks would resume."
    assert roles(person(text, "John Doe")) == {"GOV"}
    text = "Jane Roe, an analyst at the Korea Institute for National Unification, said talks would resume."
    assert roles(person(text, "Jane Roe")) == {"EDU"}


def test_a_ministry_of_a_named_country_takes_the_country() -> None:
    text = "The Foreign Ministry of Peru condemned the attack on Monday."
    assert organisation(text, "Ministry").codes == ["PERGOV"]
    text = "The Ministry of Defense of Chile denied the report on Tuesday."
    assert organisation(text, "Ministry").codes == ["CHLMIL"]
