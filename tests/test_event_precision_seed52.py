"""Rules from the hand check of the seed-52 Giveme5W1H draw (benchmarks/event_audit_judgements_5w1h_seed52.tsv):
each false class it found, in sentences written for these tests."""

from __future__ import annotations

from test_events_extract import code


def test_an_attack_at_a_states_site_abroad_is_aimed_at_that_state() -> None:
    for text, country in (
        ("Militants struck at the Peruvian consulate in Lima.", "PER"),
        ("Rebels struck at the Chilean embassy.", "CHL"),
    ):
        attacks = [e for e in code(text) if e.cameo.startswith("19")]
        assert attacks and all(e.target and (e.target.code or "").startswith(country) for e in attacks), text
    # a place that is no state's site stays a place: the attack keeps its source, with no target
    assert [e for e in code("Rebels struck at the market in Lima.") if e.cameo.startswith("19")]


def test_a_head_of_a_body_or_a_person_named_by_a_noun_is_a_party() -> None:
    # the coder cannot code "the FBI chief" or "the girl": an event without them would misreport the act
    for text in (
        "President Obama blasted the FBI chief.",
        "Senator Smith criticized the police chief.",
        "Senator Smith criticized the woman.",
    ):
        assert not [e for e in code(text) if e.cameo.startswith("11")], text
    assert [e for e in code("Peru criticized Chile.") if e.cameo.startswith("11")]


def test_whom_one_tells_is_the_target_when_a_person_is_named() -> None:
    assert not code("The Peruvian government told the girl that it would pay for her school.")
    # (what is told names no other party: "that it would help Chile" is aimed at Chile,
    # tests/test_event_statements_content.py)
    told = code("The Peruvian government told reporters that it would raise the minimum wage.")
    assert told and told[0].cameo == "010"  # reporters are an audience, not a target


def test_the_outlet_handed_a_statement_is_not_its_target() -> None:
    for text in (
        "The Peruvian government issued a statement to Heraldnews.com apologizing for the remarks.",
        "The Peruvian government gave a statement to the Lima Herald.",
    ):
        assert all(e.target is None for e in code(text)), text
    aimed = [e for e in code("The Peruvian government issued a statement to Chile.") if e.target]
    assert aimed and aimed[0].target.code.startswith("CHL")


def test_a_place_after_outside_is_where_not_whom() -> None:
    # a building named for a person is no party: no event rather than one aimed at no one or at a building
    assert not code("Peruvian students protested outside Barack Obama Tower.")
    assert not [e for e in code("Peruvian students protested outside Ana Lopes Tower.") if e.target]
    # whom the protest is against is still its target; a state's site still stands for the state
    against = code("Peruvian students protested against Barack Obama outside Ana Lopes Tower.")
    assert against and against[0].target.code.startswith("USA")
    embassy = code("Peruvian students protested outside the Chilean embassy.")
    assert embassy and embassy[0].target.code.startswith("CHL")
