"""Seed review: a named launch site, station, facility, complex, plant or reactor is a place, never an actor;
a defector acts for no state he left. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse
from event_support import code_text


def actors_of(text: str, published: datetime | None = datetime(2019, 4, 29)) -> list[Actor]:
    return extract_actors(Article(text=text, published=published, outlet="Test Daily"), parse(text))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The Tonghae Launch Site was expanded in May.", "Tonghae"),
        ("The Yongbyon Nuclear Complex resumed operations and threatened the region.", "Yongbyon"),
        ("Kim Jong Un visited the Punggye nuclear test site.", "Punggye"),
        ("Satellite images show new construction at the Sohae Satellite Launching Station.", "Sohae"),
    ],
)
def test_a_named_facility_is_no_actor(text: str, place: str) -> None:
    actors = actors_of(text)
    assert not [a for a in actors if place in a.name], [(a.name, a.kind) for a in actors]


def test_a_body_is_still_an_actor() -> None:
    names = {a.name for a in actors_of("Samsung sued Apple over a patent.")}
    assert {"Samsung", "Apple"} <= names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kang Myong-chol, a North Korean defector, criticised Kim Jong Un on Monday.", "Kang Myong-chol"),
        (
            "Ri Jong-ho, a former North Korean diplomat who defected to South Korea, met Moon Jae-in.",
            "Ri Jong-ho",
        ),
        ("Pak Chol-su, who defected from North Korea in 2016, criticised Kim Jong Un.", "Pak Chol-su"),
    ],
)
def test_a_defector_acts_for_no_state_he_left(text: str, name: str) -> None:
    actor = next(a for a in actors_of(text) if a.name == name)
    assert actor.codes == [] and actor.country is None, actor.code_evidence
    assert not any((e.source.code or "").startswith("PRK") and e.source.name == name for e in code_text(text))


def test_defectors_as_a_group_act_for_no_state() -> None:
    events = code_text("North Korean defectors protested against Kim Jong Un in Seoul.")
    assert not [e for e in events if (e.source.code or "").startswith("PRK")], [
        (e.cameo, e.source.code) for e in events
    ]


def test_a_diplomat_who_did_not_defect_keeps_his_state() -> None:
    actor = next(
        a
        for a in actors_of("Ri Jong-ho, a North Korean diplomat, met Moon Jae-in.")
        if a.name == "Ri Jong-ho"
    )
    assert actor.codes and actor.codes[0].startswith("PRK")
