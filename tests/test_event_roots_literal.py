"""Verbs read against their meaning (the root of an act other than a plain statement) and the status of
acts under efforts, past progressives, calls and imagined scenes. Invented sentences only."""

from __future__ import annotations

from crosswire.model import Event
from test_event_status import status_of
from test_events_extract import code


def codes(text: str) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.name, e.target.name if e.target else None, e.cameo) for e in code(text)}


def roots(text: str) -> set[str]:
    return {e.cameo[:2] for e in code(text)}


def by_code(text: str, cameo: str) -> list[Event]:
    return [e for e in code(text) if e.cameo == cameo]


# ------------------------------------------------------------------ a message sent out is no criticism
def test_blasting_out_a_message_criticizes_no_one() -> None:
    assert "11" not in roots("Sen. Jane Doe blasted out a new robocall touting her bid for the House.")
    assert "11" not in roots("Germany fired off an email to its embassies on Monday.")


def test_blasting_a_party_still_criticizes_it() -> None:
    assert ("Germany", "France", "111") in codes("Germany blasted France over the budget on Monday.")


# ------------------------------------------------------------------ an idea dismissed, a charge denied
def test_dismissing_an_idea_rejects_no_proposal() -> None:
    assert "12" not in roots("Iran dismissed the idea that sanctions would change its policy.")
    assert "12" not in roots("Iran rejected the notion that its navy is provoking the United States.")


def test_rejecting_the_idea_of_an_act_still_rejects_a_proposal() -> None:
    # an idea "of" talks is a proposal turned down; only an idea "that ..." is an opinion disputed
    assert ("Israel", "Hamas", "120") in codes("Israel rejected the idea of talks with Hamas.")


def test_rejecting_an_accusation_is_a_denial() -> None:
    found = codes("Iran rejected the accusation that it had armed the rebels.")
    assert any(c == "016" for _, _, c in found) and not any(c.startswith("12") for _, _, c in found)


def test_rejecting_a_proposal_is_still_a_rejection() -> None:
    assert ("Iran", "United Nations", "125") in codes("Iran rejected the proposal from the United Nations.")


# ------------------------------------------------------------------ a vow to defy is no cooperation
def test_vowing_to_ignore_a_ruling_is_no_intent_to_cooperate() -> None:
    text = "The court will rule on a case filed by Vietnam, and China has vowed to ignore the ruling."
    assert "03" not in roots(text)
    assert "03" not in roots("Russia pledged to defy the order issued by Ukraine.")


def test_vowing_to_cooperate_still_codes_intent() -> None:
    assert {"03"} <= roots("China has vowed to cooperate with Vietnam.")


# ------------------------------------------------------------------ welcoming people in, or a process
def test_welcoming_refugees_grants_asylum_not_praise() -> None:
    found = codes("Canada will welcome refugees fleeing the war in Syria.")
    assert not any(c == "051" for _, _, c in found)
    assert any(c == "075" for _, _, c in codes("Germany welcomed refugees from Syria."))


def test_welcoming_extradition_praises_no_one() -> None:
    assert "05" not in roots("The hacker said he welcomed extradition to the United States.")


def test_welcoming_a_leader_still_codes_support() -> None:
    assert "05" in roots("Germany welcomed the French president's visit to Berlin.") or "05" in roots(
        "Germany welcomed France's decision to lift the sanctions on Iran."
    )


# ------------------------------------------------------------------ Phoenix bare verbs too general to code
def test_introducing_a_speaker_and_submitting_an_entry_are_no_events() -> None:
    assert "04" not in roots("Sen. Mary Roe was introduced by Gov. John Miller, who endorsed her last week.")
    assert "08" not in roots(
        "Gov. John Miller submitted the family's pie recipe and Mary Roe's entry was a cake."
    )


def test_consulting_and_yielding_still_code() -> None:
    assert "04" in roots("Germany consulted France on the budget on Monday.")


# ------------------------------------------------------------------ what one's own country should do
def test_own_country_should_is_a_recommendation() -> None:
    assert "10" not in roots(
        "Speaking in Ohio, Donald Trump said the United States should take a tougher line."
    )


def test_another_party_should_and_demanded_that_stay_demands() -> None:
    assert ("Donald Trump", "China", "100") in codes(
        "Donald Trump said China should take a tougher line with North Korea."
    )
    assert any(c == "100" for _, _, c in codes("Donald Trump demanded that China take a tougher line."))


# ------------------------------------------------------------------ support rallied against a party
def test_support_for_a_bid_against_a_party_is_not_support_of_it() -> None:
    text = (
        "Mary Jones went home to drum up support for a congressional bid against Republican Rep. Bill Posey."
    )
    assert "05" not in roots(text)


def test_support_rallied_for_a_party_still_codes() -> None:
    assert ("Hillary Clinton", "Barack Obama", "053") in codes(
        "Hillary Clinton drummed up support for Barack Obama in Ohio."
    )


# ------------------------------------------------------------------ a conference call with no one named
def test_conference_call_to_defend_a_company_is_no_consultation() -> None:
    assert "04" not in roots("In March, Donald Trump held a long conference call to defend the drugmaker.")


def test_conference_call_with_a_leader_is_a_consultation() -> None:
    found = codes("Donald Trump held a conference call with Vladimir Putin on Monday.")
    assert ("Donald Trump", "Vladimir Putin", "040") in found


# ------------------------------------------------------------------ a policy proposed in a that-clause
def test_proposing_that_a_coalition_act_is_no_intent_to_cooperate() -> None:
    text = "Hillary Clinton went further on Syria by proposing that a coalition put in place a no-fly zone."
    assert "03" not in roots(text)


def test_proposing_something_to_a_party_still_codes() -> None:
    assert roots("Germany proposed talks with Syria.") & {"03"}


# ------------------------------------------------------------------ statuses
def test_a_present_effort_is_under_way() -> None:
    assert status_of("Mexico has been trying to improve its relations with Canada.", "improve") == (
        "ongoing",
        False,
    )
    assert status_of("Mexico tried to improve its relations with Canada.", "improve")[0] == "hypothetical"


def test_a_past_perfect_progressive_and_its_reason_happened() -> None:
    text = "The hacker had been serving a sentence in Romania for hacking the accounts of officials."
    assert status_of(text, "hacking") == ("happened", False)
    assert status_of("The hacker is hacking the accounts of officials.", "hacking") == ("ongoing", False)


def test_calls_for_a_resignation_demand_it() -> None:
    assert (
        status_of("Democrats have been silent amid calls for the mayor to resign.", "resign")[0] == "demanded"
    )
    assert status_of("Clinton called for the mayor to resign.", "resign")[0] == "demanded"


def test_no_call_for_a_resignation_demands_nothing() -> None:
    assert status_of("Clinton has not called for the mayor to resign.", "resign")[0] != "demanded"


def test_a_scene_imagined_under_a_modal_did_not_happen() -> None:
    text = "The move could avoid the awkwardness of Bill Clinton asking Saudi Arabia for money."
    assert status_of(text, "asking")[0] == "hypothetical"
    assert (
        status_of("The video showed Bill Clinton asking Saudi Arabia for money.", "asking")[0] == "happened"
    )


# ------------------------------------------------------------------ a war on a cause is no armed clash
def test_fighting_the_war_on_terror_is_no_clash_between_partners() -> None:
    assert "19" not in roots("Saudi Arabia has been fighting the same war on terror as the United States.")


def test_a_war_against_a_country_is_still_a_clash() -> None:
    assert "19" in roots("Iraq fought a war against Iran in the 1980s.")


# ------------------------------------------------------------------ agreeing with an opinion
def test_agreeing_that_something_is_so_is_no_agreement_to_act() -> None:
    text = (
        "Edward Smith, a former official, agreed that the Treasury Department has limited power to stop it."
    )
    assert not any(e.cameo == "030" for e in code(text))


def test_agreeing_that_talks_will_resume_is_still_an_agreement() -> None:
    assert any(e.cameo == "030" for e in code("Germany and France agreed that talks would resume in June."))
