"""What a statement says decides whether it is a neutral, targetless statement (010). A reported clause that
names another person, body or country as its subject, its object or the owner of either is about that party
- praise, blame, an endorsement, a refusal - and a targetless 010 would misstate it, so none is made; one
that names no one but the speaker stays. A hard word said with praise ("an aggressive and effective
campaign") or asked for in the comparative ("a more aggressive candidate") is no criticism (PolNeAR blind
sheets 61-74; sentences written for these tests)."""

from __future__ import annotations

from event_support import code_text

BODY = "The Brightwater Foundation"


def statements(text: str) -> list:
    return [e for e in code_text(text) if e.cameo == "010" and e.target is None]


def criticisms(text: str) -> list:
    return [e for e in code_text(text) if e.cameo.startswith("11")]


def test_a_statement_about_a_named_party_is_no_targetless_statement() -> None:
    assert not statements(f"{BODY} said that Chile had placed the integrity of the talks at issue.")
    assert not statements(f"{BODY} said Bolivia's closing of the border was a grave mistake.")
    assert not statements(f"{BODY} said it would back the Ecuadorian delegation's candidate, Maria Delgado.")


def test_a_statement_about_the_speaker_or_a_thing_stays() -> None:
    assert statements(f"{BODY} said the harvest was good this year.")
    assert statements(f"{BODY} said it would publish its own figures next week.")


def test_a_remark_made_of_a_named_party_is_no_targetless_statement() -> None:
    assert not statements(f"Of Chile, {BODY} said the talks would be long.")
    assert statements(f"Of the harvest, {BODY} said it was the best in years.")


def test_a_person_named_by_office_is_a_named_party() -> None:
    assert not statements(f"{BODY} said it was backing the Chilean senator.")
    assert not statements(f"{BODY} said the Democratic nominee could pose a threat to the treaty.")
    assert statements(f"{BODY} said a president must listen to farmers.")  # no one in particular


def test_a_name_on_a_group_or_under_a_preposition_is_not_the_party() -> None:
    assert statements(f"{BODY} said Delgado supporters had gathered outside the ministry.")
    assert statements(f"{BODY} said its figures were based on Delgado's own statements.")


def test_a_states_report_of_what_another_did_stays() -> None:
    assert statements("Peru's defense ministry said Chile has trained more than 500 hackers.")


def test_a_place_where_something_happens_is_not_whom_it_is_about() -> None:
    assert statements(f"{BODY} said the talks would take place in Chile next week.")


def test_an_audience_told_is_not_whom_the_remark_is_about() -> None:
    assert not statements(f"{BODY} told Delgado backers that Delgado has taken every punch.")
    assert statements(f"{BODY} told Delgado backers that the port had closed.")


def test_a_hard_word_said_with_praise_is_no_criticism() -> None:
    assert not criticisms(
        "Peru said Chile ran an aggressive and effective campaign against drug traffickers."
    )
    assert not criticisms("Peru said Chile should be a stronger and more aggressive partner.")
    assert criticisms("Peru said Chile ran an aggressive campaign against its fishermen.")


def test_an_opinion_agreed_about_a_named_party_is_withheld() -> None:
    def accords(text: str) -> list:
        return [e for e in code_text(text) if e.cameo == "019" and e.target is None]

    assert not accords(f"{BODY} agreed that Delgado needs to deliver a speech about her faith.")
    assert accords(f"{BODY} agreed that the harvest was the best in years.")
