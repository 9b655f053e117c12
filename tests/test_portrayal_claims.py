"""Portrayal keyed by who the actor is (not the words used), and the rules a claim must meet to be a fact."""

from __future__ import annotations

from dataclasses import replace

from crosswire.model import Actor, Story
from crosswire.stories.compare import compare_story
from crosswire.stories.portrayal import identity, portrayal, story_identities
from story_support import actor, analysis, article


def person(
    art, name: str, tone: float | None, kb: str | None = None, labels=(), code: str = "RUSGOV"
) -> Actor:
    a = actor(art, name, code, kind="person", tone=tone, labels=list(labels))
    return replace(a, code_evidence=[f"kb:person {kb} (President)"] if kb else [])


def test_one_row_per_person_whatever_the_outlet_calls_him() -> None:
    a = article("Vladimir Putin hosted the talks. Putin smiled.", "The Daily Alpha")
    b = article("Putin, the host, was blamed for the failure.", "The Beta Times")
    c = article("Putin spoke first. Vladimir Putin spoke last.", "The Beta Times", day=2)
    analyses = {
        a.id: analysis(a, [person(a, "Vladimir Putin", 0.2, kb="Vladimir Putin")]),
        b.id: analysis(b, [person(b, "Putin", -0.6)]),
        # one article, two names: counted once, its tones weighted by mentions (2 x -0.2, 1 x 0.4)
        c.id: analysis(c, [person(c, "Putin", -0.2), person(c, "Vladimir Putin", 0.4, kb="Vladimir Putin")]),
    }
    main, rows = portrayal([a, b, c], analyses)
    assert main == ["Vladimir Putin"]
    alpha, beta = rows["The Daily Alpha"]["Vladimir Putin"], rows["The Beta Times"]["Vladimir Putin"]
    assert alpha["tone"] == 0.2 and alpha["articles"] == 1
    assert beta["articles"] == 2
    assert beta["tone"] == round((-0.6 + (2 * -0.2 + 0.4) / 3) / 2, 3)
    assert beta["names"] == ["Putin", "Vladimir Putin"]
    assert {e["article_id"] for e in beta["evidence"]} <= {b.id, c.id}


def test_kim_keeps_each_outlets_labels_in_one_row() -> None:
    a = article("Chairman Kim met envoys. Kim was gracious.", "The Daily Alpha")
    b = article("Kim Jong-un, the dictator, met envoys.", "The Beta Times")
    kim_a = person(a, "Kim", 0.1, labels=["Chairman Kim"], code="PRKGOV")
    kim_b = person(b, "Kim Jong-un", -0.7, kb="Kim Jong-un", labels=["the dictator"], code="PRKGOV")
    main, rows = portrayal([a, b], {a.id: analysis(a, [kim_a]), b.id: analysis(b, [kim_b])})
    assert main == ["Kim Jong-un"]
    assert rows["The Daily Alpha"]["Kim Jong-un"]["labels"] == ["Chairman Kim"]
    assert rows["The Beta Times"]["Kim Jong-un"]["labels"] == ["the dictator"]
    assert rows["The Daily Alpha"]["Kim Jong-un"]["tone"] == 0.1


def test_an_ambiguous_surname_is_not_guessed_and_states_key_by_country() -> None:
    a = article("Kim Jong-un and Kim Yo-jong arrived. Kim spoke.", "The Daily Alpha")
    actors = [
        person(a, "Kim Jong-un", None, code="PRKGOV"),
        person(a, "Kim Yo-jong", None, code="PRKGOV"),
        person(a, "Kim", None, code="PRKGOV"),
    ]
    keys = story_identities(actors)
    assert len(set(keys.values())) == 3
    north = actor(a, "North Korea", "PRK")
    assert identity(north) == identity(replace(north, name="Pyongyang")) == "state:PRK"
    officials = actor(a, "Kim", "PRKGOV", kind="group")
    assert identity(officials) == "code:PRKGOV"  # a group keys by its full CAMEO code, not by the state


def test_portrayal_in_the_comparison_uses_identity_rows() -> None:
    a = article("Vladimir Putin hosted the talks.", "The Daily Alpha")
    b = article("Putin hosted the talks.", "The Beta Times")
    an = {
        a.id: analysis(a, [person(a, "Vladimir Putin", -0.3, kb="Vladimir Putin")]),
        b.id: analysis(b, [person(b, "Putin", 0.3)]),
    }
    comp = compare_story(Story([a.id, b.id]), [a, b], an)
    assert comp.main_actors == ["Vladimir Putin"]
    assert {o: list(v) for o, v in comp.portrayal.items()} == {
        "The Daily Alpha": ["Vladimir Putin"],
        "The Beta Times": ["Vladimir Putin"],
    }
    assert comp.portrayal["The Beta Times"]["Vladimir Putin"]["evidence"][0]["text"] == "Putin"
    assert isinstance(comp.portrayal["The Beta Times"]["Vladimir Putin"]["evidence"][0]["start"], int)
