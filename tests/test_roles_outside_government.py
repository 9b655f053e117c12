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
