"""Rules from the hand checks of fresh BASIL draws (docs/accuracy.md, seed 22 onwards): each false "fact"
class the check found, in sentences written for these tests."""

from __future__ import annotations

from crosswire.events.status import act_status
from crosswire.nlp.runtime import parse
from test_events_extract import code


def roots(events, root: str):
    return [e for e in events if e.cameo.startswith(root)]


def status_of(text: str, word: str) -> tuple[str, bool]:
    doc = parse(text)
    said = act_status(next(t for t in doc if t.text == word))
    return said.status, said.negated


def test_an_act_done_without_another_does_not_code_the_other() -> None:
    events = code("The visit was arranged by Peru's ambassador without consulting the Chilean government.")
    assert not roots(events, "04")
    assert roots(code("Peru's ambassador consulted the Chilean government on the visit."), "04")


def test_a_visit_needs_a_party_visited() -> None:
    assert not roots(code("President Ramos toured a military base in northern Peru."), "042")
    assert not roots(code("Senator Smith arrived in the Oval Office on Monday."), "042")
    visits = roots(code("President Ramos flew to Chile on Monday."), "042")
    assert visits and visits[0].target.code.startswith("CHL")


def test_reported_would_is_a_plan_and_a_bare_participle_shares_it() -> None:
    assert status_of(
        "The minister said that he would be in Geneva negotiating with Chile.", "negotiating"
    ) == (
        "planned",
        False,
    )
    assert status_of("The minister spoke in Geneva, praising Chile.", "praising") == ("happened", False)
    # a participle does not take its head's meaning: only its mood
    assert status_of("Peru rejected the plan, urging Chile to sign another.", "urging") == ("happened", False)


def test_should_and_must_demand() -> None:
    assert status_of("He should resign, the senator said.", "resign") == ("demanded", False)


def test_no_evidence_that_someone_acted_is_no_act() -> None:
    status, negated = status_of("There is no evidence that the minister objected to the plan.", "objected")
    assert status != "happened" and negated


def test_a_question_in_a_quote_does_not_make_the_act_a_question() -> None:
    text = "Later, Ms. Smith wrote to the ministry objecting that the plan could be \u201cabused by critics, so why do we want that?\u201d"
    assert status_of(text, "objecting") == ("happened", False)
    assert status_of(
        'Ms. Smith objected that the plan could be "abused by critics, so why do we want that?"', "objected"
    ) == (
        "happened",
        False,
    )
    assert status_of("Did Peru reject the plan?", "reject")[0] == "hypothetical"


def test_a_report_does_not_act() -> None:
    assert not roots(code("The Lima Daily's report claimed that Peru paid the rebels."), "01")


def test_an_unknown_act_urged_or_pledged_with_no_target_is_not_coded() -> None:
    assert not roots(code("President Ramos pledged to eradicate corruption."), "03")
    assert not roots(code("President Ramos urged phone companies to cut their prices."), "02")
    assert roots(code("Peru and Chile agreed to hold joint exercises."), "03")  # both sides named
    assert roots(code("Peru has threatened to ban voting in the border region."), "13")


def test_derived_patterns_only_in_the_main_clause() -> None:
    events = code(
        "Chile will not meet Peru, to avoid any appearance that it is trying to sway the Peruvian vote."
    )
    assert not [e for e in events if "phoenix" in (e.rule or "")]


def test_no_targetless_act_where_the_sentence_describes_whom_it_is_aimed_at() -> None:
    assert not roots(code("President Ramos accused phone companies of cheating their customers."), "11")
    assert not roots(
        code("President Ramos turned down a request by opposition senators for a meeting."), "12"
    )
    assert not roots(code("Ms. Smith refused to answer congressional queries about the contract."), "12")
    assert roots(code("Chile accused Peru of cheating its customers."), "11")


def test_refusing_to_do_something_to_someone_is_no_rejection_of_them() -> None:
    events = code("President Ramos refuses to describe the Shining Path as a political party.")
    assert not [e for e in roots(events, "12") if e.target is not None]


def test_an_interviewer_or_a_show_is_no_target() -> None:
    events = code("Peru's foreign minister told PBS' Charlie Rose that the talks had failed.")
    assert not [e for e in events if e.target and e.target.name == "Charlie Rose"]
    events = code("Senator Smith voiced concern about Chile on Mitchell's show.")
    assert not [e for e in events if e.target and "Mitchell" in (e.target.name or "")]


def test_the_target_of_an_attack_is_not_the_target_of_its_investigation() -> None:
    events = code("Peru's congress is investigating the attacks on the Chilean embassy in Lima.")
    assert not [e for e in roots(events, "09") if e.target and (e.target.code or "").startswith("CHL")]
    launched = roots(code("Peruvian troops launched an attack on Chilean positions."), "19")
    assert launched and launched[0].target.code.startswith("CHL")


def test_us_domestic_politics_is_not_coded_as_force_or_meetings() -> None:
    assert not roots(code("Senator Smith captured the Republican nomination in June."), "17")
    assert not roots(code("Zambia and Zimbabwe had met new standards for conservation."), "04")
    assert not roots(code("The Justice Department will hold a press conference at noon."), "04")
    assert roots(code("Peru will hold talks with Chile on Monday."), "04")


def test_agreeing_with_an_opinion_is_no_agreement() -> None:
    events = code("Peru agreed that the Chilean proposal was unfair.")
    assert not roots(events, "03")
    assert roots(code("Peru and Chile agreed that talks would resume in May."), "03")


def test_weighing_in_is_commenting_and_a_pardon_needs_someone_pardoned() -> None:
    assert not roots(code("Senator Smith went on Twitter to weigh in on the vote."), "014")
    assert not roots(code("President Ramos pardoned two turkeys at the ceremony."), "056")


def test_courts_still_charge() -> None:
    charged = roots(code("Three Chilean smugglers were indicted by a Peruvian court for fraud."), "17")
    assert charged


def test_status_of_needs_whether_for_to_and_contrasted_verbs() -> None:
    assert status_of('"The minister needs to apologize to the army," he said.', "apologize")[0] == "demanded"
    assert status_of("Mr. Lopez will announce whether he plans to step down.", "step")[0] == "hypothetical"
    assert status_of("It is important for Congress to examine the agreement.", "examine")[0] == "hypothetical"
    assert status_of("Smith would not go that far but said Lopez must apologize.", "said") == (
        "happened",
        False,
    )
    text = (
        "Mr. Lopez declined to comment before telling reporters that his lawyers had looked into the matter."
    )
    assert status_of(text, "looked") == ("happened", False)
    assert status_of("The aide insisted that the ministry never offered Lopez the job.", "offered") == (
        "happened",
        True,
    )
    assert status_of("Ms. Lopez weighed in to defend the movement on Monday.", "defend")[0] == "happened"


def test_people_near_a_body_or_once_of_it_do_not_speak_for_it() -> None:
    events = code("A former Justice Department prosecutor said the case was weak.")
    assert not [e for e in events if "Justice" in (e.source.name or "")]
    events = code("A Peruvian Congress insider told reporters that the vote would fail.")
    assert not [e for e in events if (e.source.code or "").endswith("LEG")]


def test_the_subject_of_a_reduced_passive_is_not_its_doer() -> None:
    events = code("The Peruvian government, when pressed on the matter, had been vague.")
    assert not roots(events, "02")


def test_calling_out_criticises_and_declining_comment_is_011() -> None:
    events = code("President Ramos called out Chile's foreign minister for his remarks.")
    assert roots(events, "11") and not roots(events, "02")
    events = code("Peru's foreign ministry declined repeated requests for comment.")
    assert not roots(events, "12")


def test_an_appeal_is_aimed_at_whom_it_is_made_of() -> None:
    events = code("Senator Smith called on the Lopez family to rebuke the Chilean government.")
    assert not [e for e in roots(events, "02") if e.target and (e.target.code or "").startswith("CHL")]


def test_quelling_an_uproar_is_no_repression_and_handing_over_reins_no_extradition() -> None:
    assert not roots(code("President Ramos sought to quell the uproar among his supporters."), "17")
    assert not roots(code("Mr. Lopez would have to hand over the reins of his company."), "06")
    assert roots(code("A Peruvian court charged three Chilean smugglers with fraud."), "17")


def test_a_statement_in_an_interview_is_not_aimed_at_the_interviewer() -> None:
    events = code("In an interview shown on the morning show, Senator Smith told Jane Doe that Chile lied.")
    assert not [e for e in events if e.target and e.target.name == "Jane Doe"]


def test_a_namesake_in_the_dictionaries_does_not_give_a_person_a_foreign_country() -> None:
    # "John Delaney" is a Bahamian name in the Phoenix dictionaries; this one is a Maryland congressman
    events = code("Former Rep. John Delaney of Maryland called for the report to be made public.")
    assert not [e for e in events if (e.source.code or "").startswith("BHS")]


def test_a_plan_or_letter_does_not_appeal_and_should_be_is_an_opinion() -> None:
    assert not roots(code("The president's plan also calls on Congress to fund new schools."), "02")
    events = code("Senator Smith said that the next director should be a career prosecutor.")
    assert not roots(events, "10")
    assert roots(code("Russia said on Tuesday that Sudan must return the captured helicopter."), "10")


def test_a_participle_does_not_carry_its_heads_meaning_to_what_it_governs() -> None:
    text = "The ministry said that Mr. Lopez agreed with the report, saying he had raised the same concerns."
    assert status_of(text, "raised")[0] == "happened"


def test_whom_one_accuses_or_offers_something_is_a_party() -> None:
    assert not roots(code("Senator Smith lashed out on Friday, accusing the billionaire of lying."), "112")
    assert not roots(code("We offered the prime minister a private meeting, Senator Smith said."), "03")


def test_confirming_nominations_is_a_vote_and_a_passive_needs_its_patient() -> None:
    assert not roots(code("The Peruvian Congress confirmed two cabinet nominations on Friday."), "01")
    events = code("He bought the weapons legally, despite having been investigated by Peruvian police.")
    assert not roots(events, "09")


def test_imperatives_are_demands() -> None:
    assert status_of('"Call off this summit now," Senator Smith tweeted.', "Call")[0] == "demanded"


def test_one_private_person_of_a_country_is_not_the_state() -> None:
    events = code("An American dentist killed Cecil, a lion beloved in Zimbabwe, in 2015.")
    assert not [e for e in events if (e.source.code or "") == "USA"]


def test_relatives_former_aides_and_stances_are_not_the_actors_they_name() -> None:
    events = code("Mr. Lopez, the president's son, met with Chilean officials in June.")
    assert not [e for e in events if (e.source.code or "").endswith("GOV") and e.source.name == "Lopez"]
    events = code("Mr. Ramos criticized a former Lopez aide for leaking the memo.")
    assert not [e for e in events if e.target and (e.target.code or "").endswith("GOV")]
    events = code("Ms. Lopez criticized her sister's opposition to the new law.")
    assert not [e for e in events if e.target and (e.target.code or "").endswith("OPP")]


def test_things_handed_over_and_offices_left_are_no_acts_on_anyone() -> None:
    assert not roots(
        code("Mr. Lopez handed over his messages to several committees investigating Chile."), "06"
    )
    assert not roots(code("Mr. Lopez stepped down when President Ramos left office in January."), "16")
    assert not roots(code("Chile offered a tentative prediction that Peru would prevail."), "03")


def test_an_act_only_called_for_and_a_city_named_group() -> None:
    assert not roots(code("Senator Smith issued a call for President Ramos to resign on Sunday."), "08")
    events = code(
        "The Lima group sent the statement demanding that the organization withdraw its resolution."
    )
    assert not [e for e in events if (e.source.code or "") == "PER"]


def test_promises_that_something_will_be_and_words_offered_are_no_undertakings() -> None:
    assert not roots(code("Mr. Lopez promised that Chile would pay for the new road."), "03")
    assert not roots(code("Mr. Lopez spent an hour offering his musings on the utility of wheels."), "03")
    assert not roots(code("Chile would not comment on the remarks Mr. Lopez offered on Monday."), "03")


def test_whom_one_tells_is_no_target_when_no_one_can_be_coded() -> None:
    """An uncoded addressee of "told" is an interviewer, an outlet or an audience (the PolNeAR checks:
    "told Yahoo", "told Fox News's Greta Van Susteren"); a coded one stays the target."""
    told = code("Senator Smith told Yahoo that security would rule.")
    assert not [e for e in told if e.target is not None]
    assert not code("President Ramos told Jane Doe of the Daily Planet that the talks were over.")
    kept = roots(code("North Korea told Japan that the talks were over."), "01")
    assert kept and kept[0].target is not None and kept[0].target.code == "JPN"


def test_a_named_but_uncoded_target_leaves_no_event() -> None:
    # a person named by a noun that needs its article, a political wing, a title standing for senators
    assert not code("Senator Smith sharply criticized the 83-year-old justice on Monday.")
    assert roots(code("Senator Smith demanded justice for the workers."), "10")
    assert not code("Governor Brown denounced the alt-right on Thursday.")
    assert not code("Governor Brown denounced the far left on Thursday.")
    denounced = roots(code("Governor Brown denounced Iran on Thursday."), "111")
    assert denounced and denounced[0].target is not None
    assert not code(
        "Senator Smith teamed up with Sens. Robert Menendez and Joe Manchin to introduce the bill."
    )
    assert not code("The senator denounced sponsors of the bill.")


def test_accord_with_a_named_but_uncoded_party_leaves_no_event() -> None:
    assert not code("State Department officials concurred with the inspector general's findings.")
    accord = roots(code("State Department officials concurred with Iran's findings."), "019")
    assert accord and accord[0].target is not None
    assert roots(code("Israel expressed sympathy."), "018")


def test_an_outlet_told_of_an_act_is_no_party_to_it() -> None:
    attack = roots(code("Iran told Fox News that it would attack Israel."), "13")
    assert attack and attack[0].target is not None and attack[0].target.name == "Israel"
    # whom the announced act is aimed at is named but uncoded: no event rather than one aimed at the outlet
    assert not roots(code("Trump told Yahoo News that he would deport all illegal immigrants."), "13")


def test_a_headline_passive_makes_its_subject_the_one_acted_on() -> None:
    assert not code("Hillary Clinton Accused Of Shocking Lie About Benghazi")
    assert not code("Senator Smith accused of lying about the deal.")
    accused = roots(code("Iran accused Israel of lying."), "112")
    assert accused and accused[0].source.code.startswith("IRN")


def test_a_relative_pronoun_aims_the_act_at_its_antecedent() -> None:
    text = "The donors have ties to the Islamic movement, which has been accused by the Turkish government of plotting."
    assert not roots(code(text), "11")
    assert not code("Senator Smith is courting the alt-right, which Governor Brown denounced on Thursday.")
    coded = roots(code("Senator Smith praised Iran, which Governor Brown denounced on Thursday."), "111")
    assert coded and coded[0].target is not None and coded[0].target.code.startswith("IRN")
    kept = roots(code("Senator Smith praised the plan, which Governor Brown denounced on Thursday."), "111")
    assert kept and kept[0].target is None


def test_a_source_asking_not_to_be_named_makes_no_appeal() -> None:
    # the demo corpus showed "A senior U.S. official asked for the suspension of joint military exercises"
    for text in (
        "A senior U.S. official, who asked not to be named because he was not authorised to discuss the talks "
        "publicly, said the Chilean side had again demanded the suspension of joint military exercises with Peru.",
        "A senior Chilean official, who asked not to be identified because he was not authorized to discuss the "
        "talks publicly, said the Bolivian side had again demanded the end of joint patrols with Peru.",
        "One diplomat, who requested to remain anonymous, said Peru had recalled its ambassador.",
    ):
        events = code(text)
        assert not roots(events, "02"), text
        assert all("official" not in e.source.name and "aide" not in e.source.name for e in events), text
    # the control verb keeps its other complements
    appeals = roots(code("Peru asked Chile to release the prisoners."), "02")
    assert appeals and appeals[0].target.code.startswith("CHL")


def test_one_phrase_naming_two_states_people_gives_two_sides() -> None:
    # "U.S. and North Korean negotiators met in Stockholm" (the demo corpus's main story) had no event
    for text, sides in (
        ("Chilean and Peruvian negotiators met in Lima on Wednesday.", {"CHL", "PER"}),
        ("Japanese and Chinese officials met in Geneva on Friday.", {"JPN", "CHN"}),
        ("Israeli and Palestinian officials held talks in Cairo.", {"ISR", "PSE"}),
    ):
        meetings = roots(code(text), "04")
        assert len(meetings) == 2, text
        pairs = {(e.source.code[:3], e.target.code[:3]) for e in meetings if e.target is not None}
        assert pairs == {tuple(sorted(sides)), tuple(sorted(sides, reverse=True))}, text
        assert all(e.source.name.endswith(("negotiators", "officials")) for e in meetings), text
    # a phrase naming one state's people stays one side, with no meeting made up
    assert not roots(code("Chilean negotiators met in Lima on Wednesday."), "04")


def test_reaching_an_agreement_pairs_its_sides() -> None:
    agreed = roots(code("Peru and Chile reached an agreement on fishing rights in Lima."), "03")
    assert {(e.source.code, e.target.code) for e in agreed} == {("PER", "CHL"), ("CHL", "PER")}
    assert all(not e.negated for e in agreed)
    failed = roots(code("Peru and Chile failed to reach an agreement on fishing rights."), "03")
    assert failed and all(e.negated for e in failed)
    # with no other side, an agreement reached is no act between parties
    assert not roots(code("The committee reached a consensus on the budget."), "03")


def test_talks_ended_were_held_not_broken_off() -> None:
    ended = code(
        "Chilean and Peruvian negotiators ended their first talks in a year on Wednesday without agreement."
    )
    assert not roots(ended, "16")
    assert {(e.source.code[:3], e.target.code[:3]) for e in roots(ended, "04") if e.target} == {
        ("CHL", "PER"),
        ("PER", "CHL"),
    }
    assert roots(code("Peru broke off talks with Chile on Monday."), "164")


def test_troops_withdrawn_are_not_whom_the_withdrawal_is_toward() -> None:
    text = (
        "President Bachelet's decision to withdraw roughly 2,000 Chilean troops from Peru was a step too far."
    )
    events = roots(code(text), "087")
    assert events and all(e.target is not None and e.target.code[:3] == "PER" for e in events)


def test_crime_as_a_topic_is_no_condemnation() -> None:
    # BASIL: an endorsement ("a tough-on-crime president", "border crime") was shown as criticism
    for text in (
        '"We need a tough-on-crime president who will fund border security," the sheriff said.',
        '"The federal government has failed on border crime, and no one has done more than Governor Ruiz," '
        "the sheriff said.",
        "The senator said the plan for criminal justice reform would pass.",
    ):
        assert not roots(code(text), "11"), text
    assert roots(code("Chile said Peru's seizure of the boat was a criminal act."), "11")
