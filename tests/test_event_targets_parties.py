"""Targets the sentence names (issue #15, blind draws 79-80): victims an attack counts where it struck, a
person described by a demonym, the speaker's own vote, a first-person owner, a pronoun or kin noun that
names whom, a campaign rally for someone, the subject the parser hung on a verb of accord, and co-subjects
of an agreement. Sentences written for these tests."""

from __future__ import annotations

from event_support import code_text


def coded(text: str, root: str):
    return [e for e in code_text(text) if e.cameo.startswith(root)]


def target_codes(events) -> set[str | None]:
    return {e.target.code if e.target is not None else None for e in events}


def test_victims_counted_in_a_place_are_that_countrys_civilians() -> None:
    found = coded("Armed militants killed 45 people in Madrid on Friday.", "18")
    assert found and target_codes(found) == {"ESPCVL"}


def test_victims_counted_at_a_named_site_are_that_countrys_civilians() -> None:
    found = coded("Islamist gunmen killed 12 people in a shooting at the Lyon railway station.", "18")
    assert found and target_codes(found) == {"FRACVL"}


def test_a_headline_counting_victims_of_an_attack_in_a_country() -> None:
    found = coded("Bomb attack in Spain kills at least 30.", "18")
    assert found and target_codes(found) == {"ESPCVL"}


def test_victims_counted_with_no_place_have_no_guessed_country() -> None:
    found = coded("Armed militants killed 45 people on Friday.", "18")
    assert target_codes(found) <= {None}


def test_some_of_a_group_killed_are_not_counted_civilians() -> None:
    found = coded("The rebels killed two of their own commanders in Kabul on Friday.", "18")
    assert not any(e.target is not None and (e.target.code or "").endswith("CVL") for e in found)


def test_a_person_described_by_a_demonym_is_that_person_not_the_state() -> None:
    found = coded("A U.S. district judge sentenced the Bulgarian smuggler to six years in prison.", "11")
    assert found and all(e.target is not None and e.target.name == "Bulgarian smuggler" for e in found)
    assert target_codes(found) == {"BGR"}


def test_a_plan_a_demonym_qualifies_is_still_the_countrys() -> None:
    found = coded("Bolivia rejected a Peruvian plan for the border.", "12")
    assert found and target_codes(found) == {"PER"}


def test_the_speakers_own_vote_for_someone_is_aimed_at_them() -> None:
    found = coded("Senator Jane Doe said she would vote for Barack Obama in November.", "01")
    assert found and all(e.target is not None and "Obama" in (e.target.name or "") for e in found)


def test_anothers_vote_or_a_vote_on_a_bill_gives_no_target() -> None:
    found = coded("Senator Jane Doe said voters would vote for Barack Obama in November.", "01")
    assert not any(e.target is not None and "Obama" in (e.target.name or "") for e in found)
    found = coded("Senator Jane Doe said she would vote against the farm bill.", "01")
    assert target_codes(found) <= {None}


def test_a_thing_the_speaker_calls_ours_names_the_speaker_as_target() -> None:
    text = '"We regret that Governor Doe has turned down our interview request," the station said.'
    assert not any(e.target is None for e in coded(text, "12"))


def test_a_pronoun_object_is_no_ground_to_guess_a_credited_agency() -> None:
    text = (
        "Paris (AFP) - Vice President Joe Biden on Tuesday toured the Ohio campaign trail, mocking Donald "
        "Trump as reckless and accusing him of insulting US allies."
    )
    assert not any(e.target is not None and "Agence" in (e.target.name or "") for e in code_text(text))


def test_a_demanded_clause_with_a_pronoun_subject_names_whom() -> None:
    text = "Provincial officials ignored the rules after Beijing demanded they close the mines."
    assert not any(e.target is None for e in coded(text, "10"))


def test_a_demanded_clause_with_a_named_subject_keeps_its_target() -> None:
    found = coded("China demanded that Japan stop the naval drills.", "10")
    assert found and target_codes(found) == {"JPN"}


def test_support_drummed_up_for_a_relative_names_whom() -> None:
    text = "The senator held rallies in the state to drum up support for his wife."
    assert not any(e.target is None for e in coded(text, "05"))


def test_a_campaign_rally_held_for_a_candidate_is_no_protest() -> None:
    assert not coded("President Barack Obama held a rally on behalf of Hillary Clinton in Ohio.", "14")


def test_the_subject_of_a_thatless_agreed_clause_is_no_target() -> None:
    text = "Erdogan and Obama agreed the obstacle to Assad staying in power can be removed."
    assert not any(e.target is not None and "Assad" in (e.target.name or "") for e in code_text(text))


def test_co_subjects_of_an_agreement_agree_with_each_other() -> None:
    found = coded("Erdogan and Obama agreed that the crisis can be resolved.", "01")
    pairs = {(e.source.code, e.target.code if e.target is not None else None) for e in found}
    assert pairs == {("TURGOV", "USAGOV"), ("USAGOV", "TURGOV")}


def test_an_agreement_with_a_named_partner_keeps_that_partner() -> None:
    found = coded("Turkey and Germany agreed with Russia on the plan.", "01")
    assert found and target_codes(found) == {"RUS"}


def test_co_subjects_of_one_side_that_agree_keep_their_events() -> None:
    found = coded("Senator Jane Doe and Senator John Roe agreed that they would back the farm bill.", "0")
    assert len(found) == 2 and target_codes(found) == {None}


def test_a_complaint_about_the_speaker_himself_keeps_its_event() -> None:
    # only a demand's pronoun subject names another party; "complained that he ..." is about himself
    assert coded("Senator John Roe complained that he had not been thanked for his work.", "11")


def source_codes(events) -> set[str | None]:
    return {e.source.code for e in events}


def test_part_of_a_people_is_its_citizens_not_the_state() -> None:
    # "some Americans say ...": citizens speak, not the United States; a people named alone keeps the state
    assert source_codes(coded("Many Americans criticized the new trade plan.", "11")) == {"USACVL"}
    assert source_codes(coded("Some Germans criticized the new trade plan.", "11")) == {"DEUCVL"}
    assert "USACVL" not in source_codes(coded("The Americans criticized the new trade plan.", "11"))
