"""Rules from the hand check of the seed-51 Giveme5W1H draw (benchmarks/event_audit_judgements_5w1h_seed51.tsv):
each false class it found, in sentences written for these tests."""

from __future__ import annotations

from test_events_extract import code


def roots(events, root: str):
    return [e for e in events if e.cameo.startswith(root)]


def test_an_intent_to_undo_or_block_is_no_intent_to_cooperate() -> None:
    for text in (
        "Senator Smith vowed to dismantle President Obama's health law.",
        "The Peruvian government vowed to repeal the treaty with Chile.",
        "Peru pledged to block Chile's bid.",
    ):
        assert not roots(code(text), "03"), text
    helped = roots(code("Peru vowed to help Chile."), "03")
    assert helped and helped[0].target.code.startswith("CHL")


def test_a_promise_of_force_is_a_threat() -> None:
    events = code("Peru vowed to attack Chile.")
    assert not roots(events, "03")
    threats = roots(events, "13")
    assert threats and threats[0].target.code.startswith("CHL")


def test_an_object_described_by_a_predicate_is_no_appeal() -> None:
    assert not roots(code("Peru's president called the meeting with Chile an honor."), "02")
    assert roots(code("Peru's president called for a meeting with Chile."), "02")


def test_a_team_named_for_a_country_gives_no_nationality() -> None:
    for text in (
        '"We criticized the umpire," Indians fan Ana Lopes said.',
        "Brazil fan Ana Lopes criticized Mexico.",
    ):
        for event in code(text):
            assert not (event.source.code or "").startswith(("IND", "BRA")), text
    kept = code("Brazilian player Ana Lopes criticized Mexico.")
    assert kept and kept[0].source.code.startswith("BRA")


def test_a_purpose_is_not_what_is_halted() -> None:
    text = "Senator Jones and Chancellor Merkel broke off from the group for a private meeting."
    assert not roots(code(text), "16")
    assert roots(code("Peru withdrew from the negotiations with Chile."), "16")
    assert roots(code("Peru broke off talks with Chile."), "16")


def test_a_bombing_is_coded_as_a_bombing_not_a_gunfight() -> None:
    rammed = code("The bomber rammed his explosives-laden car into the wall of the French embassy in Kabul.")
    assert rammed and all(e.cameo.startswith("183") for e in roots(rammed, "1"))
    assert [
        e.cameo for e in roots(code("A suicide car bombing killed five German soldiers in Kabul."), "18")
    ] == ["1831"]
    shot = code("Gunmen shot at the French embassy in Kabul, and a bomb exploded later in Herat.")
    assert [e.cameo for e in shot if e.rule.startswith("fight.shoot")] == ["193"]


def test_skipping_is_a_boycott_only_of_a_gathering() -> None:
    assert not roots(
        code("Maria Lopez, a Mexican student, said she skipped class to attend a concert."), "14"
    )
    assert roots(code("Peru skipped the summit in Chile."), "14")


def test_an_evaluation_of_an_owned_act_is_aimed_at_its_owner() -> None:
    praised = roots(code("Senator Jones praised Brazil's outreach to Mexico."), "05")
    assert praised and praised[0].target.code.startswith("BRA")
    plain = roots(code("Senator Jones praised Mexico."), "05")
    assert plain and plain[0].target.code.startswith("MEX")


def test_a_coordinated_act_with_its_own_object_lends_no_target() -> None:
    events = code("Peru negotiated a trade deal and signed a border pact with Chile.")
    assert not [e for e in roots(events, "04") if e.target is not None and e.target.code.startswith("CHL")]
    assert roots(events, "05")
