"""Guessed targets of aimed acts (issue #15): with no target from the syntax, the coder guesses the nearest
actor of another country in the sentence. The guess stays for a country named as a party of the act ("agreed
to lift embargoes on medicine sales to Cuba", "assistance to the US-led war") and is not made from a
demonym qualifying another noun ("the Russian argument"), from another clause ("the resolution that
condemns Venezuela", "proposed that a coalition set up safe zones for Syrians") or from a partner or
likeness ("the same war as its U.K. partner"). Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from crosswire.model import Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse
from event_support import code_text


def aimed(text: str, root: str):
    return [e for e in code_text(text) if e.cameo.startswith(root)]


def target_codes(events) -> set[str | None]:
    return {e.target.code if e.target is not None else None for e in events}


def test_a_demonym_qualifying_another_noun_is_no_guessed_target() -> None:
    found = aimed("Brazil protested on Monday, giving added fuel to the Russian argument.", "14")
    assert found and "RUS" not in target_codes(found)


def test_a_country_leading_the_object_is_still_the_guessed_target() -> None:
    found = aimed(
        "The Turkish government has refused to commit to any direct assistance to the US-led war.", "12"
    )
    assert found and target_codes(found) == {"USA"}


def test_a_country_named_in_a_relative_clause_of_the_object_is_no_guessed_target() -> None:
    found = aimed("Canada threatened to veto the resolution that condemns Venezuela over the election.", "13")
    assert found and "VEN" not in target_codes(found)


def test_a_country_the_act_reaches_is_still_the_guessed_target() -> None:
    found = aimed("The Congress agreed to lift embargoes on medicine sales to Cuba and Sudan in March.", "03")
    assert found and target_codes(found) == {"CUB"}


def test_a_partner_or_likeness_is_no_target_of_a_fight() -> None:
    found = aimed(
        "Norway has been fighting the same war on piracy as its U.K. partner for two decades.", "19"
    )
    assert not any({e.source.code, e.target and e.target.code} == {"NOR", "GBR"} for e in found)


def test_a_fight_alongside_a_partner_keeps_its_enemy() -> None:
    found = aimed("Germany has fought alongside its French partner against the militants for a decade.", "19")
    assert any(e.source.code == "DEU" and e.target is not None and e.target.code == "REB" for e in found)
    assert not any(e.target is not None and e.target.code == "FRA" for e in found)


def test_a_country_in_a_clause_with_its_own_doer_is_no_guessed_target() -> None:
    found = aimed("Germany proposed that a coalition set up safe zones for Syrians along the border.", "03")
    assert "SYR" not in target_codes(found)


def test_the_doer_of_a_demanded_clause_is_still_the_target() -> None:
    found = aimed("The United States demanded that North Korea abandon its missile program.", "10")
    assert found and target_codes(found) == {"PRK"}


def test_a_plural_proper_name_as_object_is_the_uncoded_target() -> None:
    # the entity tagger may miss the body in a long sentence; its plural proper name still names it
    text = (
        "Dunn, who is a pastor at the Grace Church of Dover, Delaware, slammed the Girl Scouts for promoting "
        "abortion among its members on Monday, the Dover Gazette first reported."
    )
    found = aimed(text, "11")
    assert found and all(e.target is not None and e.target.name == "Girl Scouts" for e in found)


def test_a_coded_plural_proper_name_keeps_its_code() -> None:
    found = aimed("Senator Tom Walsh criticized the Philippines over its drug war.", "11")
    assert found and target_codes(found) == {"PHL"}


def test_the_president_of_a_body_is_not_the_president_of_another_sentence() -> None:
    text = (
        "President Ortiz prompted outrage among conservatives in 2010 when he blasted the ruling in a speech. "
        "Republican members of Congress criticized the president for attacking the decision. Maria Lopez, "
        "the president of the lawyers association, said the group is not an advocacy group."
    )
    found = [e for e in code_text(text) if e.cameo.startswith("11") and e.source.code == "USALEG"]
    assert found and all(e.target is not None and e.target.name == "Ortiz" for e in found)


def test_the_president_of_a_country_is_still_the_president() -> None:
    text = (
        "Ahmed Said, the president of Egypt, met the envoy on Monday. Critics condemned the president for it."
    )
    article = Article(text=text, title="t", outlet="Test", published=datetime(2016, 5, 1))
    said = [a for a in extract_actors(article, parse(text)) if a.name == "Ahmed Said"]
    assert said and sum(m.text == "the president" for m in said[0].mentions) == 2


def test_the_party_a_called_for_measure_is_against_is_the_target() -> None:
    for text in (
        "Senator Tom Walsh called for a Nike boycott after the company refused to cooperate with the FBI.",
        "Senator Tom Walsh called for a boycott of Nike on Monday.",
    ):
        found = aimed(text, "02")
        assert found and all(e.target is not None and e.target.name == "Nike" for e in found), text


def test_a_measure_against_no_party_gives_no_target() -> None:
    found = aimed("Senator Tom Walsh called for a boycott of the election on Monday.", "02")
    assert found and all(e.target is None for e in found)


def test_a_law_named_as_object_is_no_body_of_people() -> None:
    text = (
        "President Ortiz drew fire in 2010 when he blasted the Citizens Unitedruling in his annual address."
    )
    assert not [e for e in code_text(text) if e.target is not None and e.target.name == "Citizens"]
