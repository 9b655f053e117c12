"""Targets of aimed acts (issue #15, the "target missing: X is named" class of the PolNeAR sheets): whom an
act is aimed at is recovered along the act's own syntax (its preposition, its object's owner, the doer of a
demanded or threatened clause, "of" after a verb of asking), a named party the coder cannot code kept by
name; an aimed act with no target in a sentence naming another party is withheld, and one in a sentence
naming no other party stays targetless. Sentences written for these tests."""

from __future__ import annotations

from event_support import code_text


def roots(text: str, root: str):
    return [e for e in code_text(text) if e.cameo.startswith(root)]


def test_an_uncoded_named_addressee_is_the_target() -> None:
    for text, root in (
        ("Senator Tom Walsh apologized to Mary Pryce on Monday.", "05"),
        ('"Quiet," Senator Tom Walsh demanded of Mary Pryce.', "10"),
    ):
        found = roots(text, root)
        assert found and all(e.target is not None and e.target.name == "Mary Pryce" for e in found), text


def test_the_doer_of_a_threatened_condition_is_the_target() -> None:
    found = roots("The Druze threatened to hold a strike unless Israel rescinded the decree.", "13")
    assert found and all(e.target is not None and e.target.code == "ISR" for e in found)


def test_the_owner_or_people_of_the_object_is_the_target() -> None:
    for text, code in (
        ("Chile rejected a Bolivian peace plan on Monday.", "BOL"),
        ("The Peruvian police confiscated weapons from Chilean smugglers.", "CHL"),
    ):
        found = [e for e in code_text(text) if e.cameo[:2] in ("12", "17")]
        assert found and all(
            e.target is not None and (e.target.code or "").startswith(code) for e in found
        ), text


def test_an_aimed_act_without_target_beside_a_named_party_is_withheld() -> None:
    text = "Governor Mary Pryce proposed a debate in April, but Senator Tom Walsh rejected that."
    assert not [e for e in roots(text, "12") if e.target is None]
    assert not [e for e in roots(text, "03") if e.target is None]


def test_an_aimed_act_in_a_sentence_naming_no_other_party_stays_targetless() -> None:
    found = roots("Senator Tom Walsh rejected the plan on Monday.", "12")
    assert found and found[0].target is None


def test_a_reporter_a_place_or_an_appeals_content_is_no_other_party() -> None:
    # the one reporting the act, and what an appeal asks for, name no party it is aimed at
    assert [
        e
        for e in roots("Senator Tom Walsh criticized the decision, Mary Pryce said.", "11")
        if e.target is None
    ]
    text = "Senator Tom Walsh called for denying visas to travelers from countries where the Shining Path operates."
    assert [e for e in roots(text, "02") if e.target is None]
