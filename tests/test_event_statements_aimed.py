"""A remark that praises or blames a party the sentence names is aimed at that party: coded as a neutral
statement (010) with no target it misstates what was said, so it is not emitted; a statement that only
tells a fact about someone stays (PolNeAR seed-66 blind sheet; sentences written for these tests)."""

from __future__ import annotations

from event_support import code_text


def statements(text: str) -> list:
    return [e for e in code_text(text) if e.cameo == "010" and e.target is None]


def test_a_quoted_insult_of_a_named_person_is_no_neutral_statement() -> None:
    text = (
        "Governor Maria Delgado toured the state on Monday. Local farmer Jonas Pell watched her speech. "
        '"She\'s a fraud," Pell said.'
    )
    assert not statements(text)


def test_praise_of_a_named_person_is_no_neutral_statement() -> None:
    assert not statements("Pell said he has been impressed by Delgado over the years.")
    assert not statements("The mayor said that Delgado was a brilliant administrator.")
    assert not statements("Pell said he admires Delgado.")
    assert not statements("The State Department said it admires Maria Delgado.")


def test_a_fact_told_about_someone_stays_a_statement() -> None:
    assert statements("The State Department said Delgado was committed to a statewide tour.")
    assert statements("The State Department said the harvest was good this year.")
    assert statements("The State Department said Garcia backs Delgado.")  # another's support, reported


def test_blame_of_a_thing_is_not_blame_of_the_clause_subject() -> None:
    assert statements("The State Department said that volunteers have flooded offices with vile emails.")
