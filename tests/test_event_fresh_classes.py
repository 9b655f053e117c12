"""Classes of false events from the blind checks of the newest PolNeAR draws, in sentences written for
these tests: attending a gathering, a signed domestic law, a thing someone did said to be obliged, and unreal pasts."""

from __future__ import annotations

from test_events_extract import code, triples


def roots(events, root: str):
    return [e for e in events if e.cameo.startswith(root)]


def test_going_to_a_rally_or_a_game_is_no_visit() -> None:
    assert not roots(code("Two Canadian farmers went to a Putin rally in Moscow last month."), "042")
    assert not roots(code("The French minister flew to a Merkel fundraiser in Berlin."), "042")
    assert not roots(code("Senator Smith travelled to the game in Mexico City."), "042")
    assert roots(code("President Ramos flew to Chile on Monday."), "042")


def test_signing_a_bill_into_law_is_no_agreement() -> None:
    assert not roots(
        code("The Clean Water Act, which President Obama signed into law in 2014, was amended."), "057"
    )
    assert not roots(code("President Macron signed the pension reform into law on Friday."), "057")
    assert roots(code("Israel and Jordan signed a peace treaty on Monday."), "057")


def test_a_thing_someone_did_is_not_asked_to_act() -> None:
    said = "Senator John Smith said Putin's attempts to discredit the judge should give voters pause."
    assert not [e for e in roots(code(said), "10") if e.target and e.target.code == "RUSGOV"]
    assert ("LEG", "CHN", "100") in triples(
        code("Senator John Smith said China's government should free the activists.")
    )
    assert roots(code("Russia said Sudan must return the helicopter."), "10")


def test_an_unreal_past_is_no_act() -> None:
    assert not roots(
        code("If the French envoy had met the Iranian president earlier, the deal would be done."), "04"
    )
    assert not roots(code("The Chinese premier would have visited Japan, but the trip was cancelled."), "042")
    assert roots(code("The Chinese premier visited Japan on Monday."), "042")
    assert not roots(
        code("The Chinese premier said he would have met the Japanese prime minister in Tokyo."), "03"
    )
    assert roots(code("The Chinese premier said he would meet the Japanese prime minister in Tokyo."), "03")
