"""Sources and targets read wrong in the blind draws 81-82 (issue #15): what a deal or talks are about is no
party to them, the makers of a thing own it, an interview with an outlet is no consultation, a law named after
its sponsors is no party, one person described by two demonyms is not the state, and the victims a participle
of an attack counts. Sentences written for these tests."""

from __future__ import annotations

from event_support import code_text


def coded(text: str, root: str):
    return [e for e in code_text(text) if e.cameo.startswith(root)]


def names(events, side: str) -> set[str]:
    return {getattr(e, side).name or "" for e in events if getattr(e, side) is not None}


def test_the_place_a_deal_is_about_is_no_party_to_it() -> None:
    found = coded("The Bolivia debt deal reached by France and Germany last week angered investors.", "03")
    assert not any("Bolivia" in n for n in names(found, "source") | names(found, "target"))


def test_the_place_a_deal_of_one_maker_is_about_is_no_party_to_it() -> None:
    found = coded("Brazil rejected the Bolivia debt deal reached by France last week.", "")
    assert not any("Bolivia" in n for n in names(found, "source") | names(found, "target"))


def test_co_makers_of_a_deal_on_a_countrys_debt_agree_with_each_other() -> None:
    found = coded("France and Germany reached a deal on Greece's debt on Monday.", "03")
    pairs = {(e.source.code, e.target.code if e.target is not None else None) for e in found}
    assert pairs == {("FRA", "DEU"), ("DEU", "FRA")}


def test_a_deal_on_a_countrys_debt_is_not_one_with_that_country() -> None:
    assert not coded("Peru reached a deal on Bolivia's debt on Monday.", "03")


def test_a_deal_with_a_named_partner_keeps_that_partner() -> None:
    found = coded("Peru reached a deal with Chile on Monday.", "03")
    assert {e.target.code for e in found if e.target is not None} == {"CHL", "PER"}


def test_rejecting_a_deal_is_aimed_at_its_makers_not_its_subject() -> None:
    found = coded("Brazil rejected the Bolivia debt deal reached by France last week.", "12")
    assert found and {e.target.code for e in found if e.target is not None} == {"FRA"}


def test_rejecting_a_countrys_own_proposal_keeps_that_country() -> None:
    found = coded("Brazil rejected the Argentine proposal.", "12")
    assert found and {e.target.code for e in found if e.target is not None} == {"ARG"}


def test_sitting_down_with_an_outlet_to_discuss_is_no_consultation() -> None:
    assert not coded("Laura Bush sat down this week with USA Today to discuss Iraq's longest war.", "04")


def test_what_is_discussed_is_no_party_to_the_talks() -> None:
    found = coded("Putin sat down with Erdogan to discuss Syria.", "04")
    assert found and not any("Syria" in n for n in names(found, "source") | names(found, "target"))
    assert any("Erdo" in n for n in names(found, "target"))


def test_a_law_named_after_its_sponsors_is_no_party() -> None:
    text = (
        "Obama praised the Dodd-Frank bill last year. "
        '"I am going to defend Dodd-Frank and I am going to defend President Obama," Clinton said.'
    )
    found = coded(text, "05")
    assert found and names(found, "target") == {"Barack Obama"}


def test_a_sponsor_whose_name_a_bill_bears_is_still_a_party() -> None:
    text = "Obama praised the Smith bill. Later, Jones defended Smith against the attacks."
    assert any(n == "Smith" for n in names(coded(text, "05"), "target"))


def test_one_person_described_by_two_demonyms_is_not_the_state() -> None:
    found = coded("An American Muslim carried out a shooting in Dallas, killing five people.", "18")
    assert not any(e.source.code == "USA" for e in found)


def test_an_envoy_described_by_a_demonym_still_acts_for_the_state() -> None:
    found = coded("The American envoy met with Putin in Moscow.", "04")
    assert any(e.source.code == "USAGOV" for e in found)


def test_victims_counted_by_the_participle_of_an_attack_are_civilians_where_it_struck() -> None:
    found = coded("Syrian troops carried out an attack in Homs, killing 14 people.", "18")
    assert found and {e.target.code for e in found if e.target is not None} == {"SYRCVL"}


def test_victims_counted_with_no_place_in_the_attacks_clause_get_no_country() -> None:
    found = coded("Syrian troops carried out an attack, killing 14 people.", "18")
    assert all(e.target is None for e in found)


def test_doubts_about_someones_project_are_aimed_at_its_owner() -> None:
    found = coded("Senator Peter Hall expressed concern about Mexico's new border policy.", "01")
    assert found and {e.target.code for e in found if e.target is not None} == {"MEX"}


def test_concern_about_a_matter_no_one_owns_has_no_target() -> None:
    found = coded("Senator Peter Hall expressed concern about the violence in the region.", "01")
    assert all(e.target is None for e in found)


def test_asking_for_someones_endorsement_is_an_appeal_to_them() -> None:
    found = coded("Senator Peter Hall asked for Mexico's help.", "02")
    assert found and {e.target.code for e in found if e.target is not None} == {"MEX"}


def test_asking_for_help_from_no_one_named_has_no_target() -> None:
    found = coded("Senator Peter Hall asked for help.", "02")
    assert all(e.target is None for e in found)


def test_who_was_asked_in_a_passive_participle_is_the_clauses_subject() -> None:
    text = "Asked by Stephanopoulos to respond to Trump's criticism, Carson said the attacks were unfair."
    found = coded(text, "02")
    assert found and all("Carson" in n for n in names(found, "target"))


def test_an_active_appeal_keeps_its_object_as_the_one_asked() -> None:
    found = coded("Obama urged Congress to reject Trump's plan.", "02")
    assert found and {e.target.code for e in found if e.target is not None} == {"USALEG"}


def test_a_name_inside_the_quotation_is_not_the_speaker_of_its_first_person() -> None:
    text = (
        '"While I am at it, I hold in the highest esteem Sen. John McCain," Trump said, '
        '"and I fully endorse his re-election."'
    )
    found = coded(text, "05")
    assert found and names(found, "source") == {"Donald Trump"}


def test_examining_claims_made_by_someone_is_not_aimed_at_them() -> None:
    text = "The dean said on Tuesday that he had carefully examined the detailed allegations made by Exxon Mobil."
    assert not any("Exxon" in n for n in names(code_text(text), "target"))


def test_the_speaker_of_a_quotation_keeps_its_first_person() -> None:
    found = coded('"I praise Mexico," Obama said.', "05")
    assert found and {(e.source.code, e.target.code if e.target else None) for e in found} == {
        ("USAGOV", "MEX")
    }


def test_he_after_a_surname_the_tagger_took_for_a_body_is_that_person() -> None:
    text = (
        "Donald Trump spoke on Monday. With the convention nearing, Trump has signaled that he may try to "
        "make peace with some rivals, offering Sen. Ted Cruz a speaking slot. Trump has continued to needle "
        "his detractors, as he did on a recent visit to Capitol Hill, where he attacked some lawmakers. "
        '"You have been very critical of me," he told Sen. Jeff Flake, according to officials.'
    )
    found = [e for e in code_text(text) if e.target is not None and e.target.name == "Jeff Flake"]
    assert found and names(found, "source") == {"Donald Trump"}


def test_a_partys_members_in_a_chamber_are_named_as_such_not_as_congress() -> None:
    found = coded("Senate Democrats blocked the bill on Tuesday.", "12")
    assert found and {(e.source.name, e.source.code) for e in found} == {("Senate Democrats", "USALEG")}


def test_a_chambers_party_members_are_named_without_their_describing_words() -> None:
    found = coded("Jones is pushing fellow Senate Democrats to reject the deal reached by France.", "12")
    assert found and names(found, "source") == {"Senate Democrats"}


def test_the_chamber_itself_is_still_the_legislature() -> None:
    found = coded("The Senate blocked the bill on Tuesday.", "12")
    assert found and {e.source.code for e in found} == {"USALEG"}


def test_a_deal_named_in_a_participle_is_not_made_with_the_clause_around_it() -> None:
    text = "Jones is pushing fellow Senate Democrats to reject the Bolivia debt deal reached by France."
    assert not any(e.target is not None and e.target.code == "USALEG" for e in coded(text, "03"))


def test_only_the_acts_own_noun_is_left_out_of_the_guessed_counterpart() -> None:
    text = "Mr. Obama secured a landmark nuclear deal with Iran and sealed a free-trade pact in Asia."
    assert any(e.target is not None and e.target.code == "IRN" for e in coded(text, "05"))
