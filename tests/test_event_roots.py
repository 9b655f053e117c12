"""Roots read against their verb's meaning (issue #15, judged PolNeAR and 5W1H draws): an offer of words, a
promise to say something, an admission, an election's backing, a look at an issue and a thing shunned are
no cooperation, yield, diplomacy, inquiry or protest. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from event_support import code_text


def roots(text: str, root: str) -> list[str]:
    return [e.cameo for e in code_text(text) if e.cameo.startswith(root)]


def test_offering_words_or_oneself_is_no_intent_to_cooperate() -> None:
    assert not roots("Secretary of State John Kerry offered few specifics on the plan.", "03")
    assert not roots("Donald Trump offered an emotional defense of the city during the debate.", "03")
    assert not roots("President Obama offered himself up as a powerful force for Hillary Clinton.", "03")
    assert roots("Iran offered Iraq help.", "03") == ["033"]


def test_a_promise_to_say_something_is_no_intent_to_cooperate() -> None:
    assert not roots("Donald Trump promised to declare China a currency manipulator.", "03")
    assert roots("Iran offered to hold talks with France.", "03")


def test_revived_hopes_promise_nothing() -> None:
    assert not code_text("The FBI letter revived President Obama's hopes.")


def test_an_admission_is_no_yield() -> None:
    assert not roots(
        "In his final State of the Union address, President Obama conceded he had fallen short.", "08"
    )
    assert not roots(
        "US forces conceded last week that their air strikes had killed civilians in Kunduz.", "08"
    )
    assert roots("The rebels finally gave in.", "08")


def test_a_place_after_gave_is_no_giving_in() -> None:
    assert not roots("Defense Secretary Ashton Carter gave in Moscow a speech on arms control.", "08")


def test_declining_to_respond_declines_comment() -> None:
    assert roots("Hillary Clinton declined to respond to questions about the donation.", "01") == ["011"]
    assert not roots("Hillary Clinton declined to respond to questions about the donation.", "12")


def test_backing_a_candidate_in_an_election_is_no_diplomatic_cooperation() -> None:
    text = "In the 2010 Senate election in Florida, hedge fund manager John Pate supported Governor Charlie Crist."
    assert not roots(text, "05")
    assert roots("France supported Germany in the negotiations.", "05") == ["050"]


def test_looking_into_it_is_no_investigation() -> None:
    assert not roots("Hillary Clinton has been looking into it for a long time.", "09")
    assert roots("The FBI is looking into the senator's emails.", "09")


def test_shunning_a_thing_is_no_boycott() -> None:
    assert not roots(
        "Hillary Clinton's instinct to shun any personal responsibility angered some Democrats.", "14"
    )
    assert roots("Israeli leaders shunned President Carter during his trip.", "14") == ["143"]


def test_a_vow_to_fight_on_threatens_no_one() -> None:
    assert not roots("Still, Senator Bernie Sanders has vowed to fight on.", "13")
    assert not roots("Senator Bernie Sanders vowed to fight on in the race until the convention.", "13")
    assert roots("Iran vowed to attack Israel.", "13") == ["138"]


def test_firing_on_all_cylinders_is_no_assault() -> None:
    assert not code_text("Washington's trade policy has been firing on all cylinders since the summit.")


def test_calling_someone_to_congratulate_him_is_no_appeal() -> None:
    assert not roots(
        "Hillary Clinton spoke shortly after she called Bernie Sanders to congratulate him.", "02"
    )
    assert roots("President Obama urged Iran to release them.", "02")


def test_the_one_asked_makes_no_appeal() -> None:
    assert not roots("When asked to confirm the report, Defense Secretary Ashton Carter did so.", "02")


def test_declining_to_follow_suit_rejects_nothing() -> None:
    assert not roots("Senator Ted Cruz declined to follow suit on the debate stage.", "12")
    assert roots("Senator Ted Cruz refused to repudiate Donald Trump.", "12") == ["120"]


def test_telling_someone_to_act_demands_it() -> None:
    assert roots(
        "Senator Elizabeth Warren told Donald Trump to stop playing the song at his rallies.", "1"
    ) == ["100"]
    assert not roots(
        "Senator Elizabeth Warren told Donald Trump to stop playing the song at his rallies.", "01"
    )
    assert roots("Iran told the United States that it would not negotiate.", "01") == ["010"]


def test_telling_a_crowd_or_a_stranger_to_act_demands_nothing_political() -> None:
    assert not roots("Donald Trump told the crowd at the rally to sit down.", "10")
    assert not roots("Senator Ted Cruz told a protester to go home.", "10")
    assert roots("Donald Trump told the Mexican government to pay for the wall.", "10") == ["100"]


def test_an_invitation_offers_a_meeting_it_is_none() -> None:
    assert roots(
        "Senator Ted Cruz invited Donald Trump to a rally against the Iran deal in September.", "0"
    ) == ["036"]


def test_hosting_a_game_or_a_fundraiser_hosts_no_visit() -> None:
    assert not roots("The PGA hosted the golf tournament in Florida.", "04")
    assert not roots("Senator Chuck Schumer hosted a fundraiser for Hillary Clinton.", "04")
    assert roots("President Obama hosted the Chinese president at the White House.", "04") == ["043"]


def test_a_past_president_in_todays_news_is_no_government() -> None:
    events = code_text(
        "President Eisenhower criticized Iran, Senator Walsh said.", published=datetime(2016, 8, 17)
    )
    assert [e.source.code for e in events if e.cameo.startswith("11")] == ["USAELI"]


def test_an_intent_to_cooperate_is_one_with_a_party() -> None:
    # a policy proposed, a stance offered or a pledge about one's own campaign names no one to cooperate with
    assert not roots("Senator Elizabeth Warren proposed a tax on carbon emissions.", "03")
    assert not roots("Senator Rob Portman pledged to put Ohio in play for the Republicans.", "03")
    assert not roots("Senate Majority Leader Mitch McConnell offered a cautious embrace on Tuesday.", "03")
    assert not roots("Senator Marco Rubio offered a caveat that undercut his own remark.", "03")
    assert not roots("Governor Jeb Bush offered a sharp retort, tweeting at Trump.", "03")
    assert roots("Iran offered Iraq a deal.", "03") == ["030"]
    assert roots("Iran vowed to help Syria.", "03") == ["030"]
    assert roots("President Obama proposed talks to Iran.", "03") == ["036"]


def test_fighting_a_thing_is_no_armed_clash() -> None:
    assert not roots("The United States vowed to fight poverty.", "1")
    assert not roots("President Obama said the United States must fight homegrown terrorism.", "19")
    assert not roots(
        "President Obama said the United States must act and fight what he called homegrown terrorism.", "19"
    )
    assert not roots("Republicans in Congress fought against the bill.", "19")
    assert roots("The Syrian army fought the rebels near the border.", "19") == ["190", "190"]
    assert roots("The Syrian army attacked the rebels.", "19") == ["190"]


def test_a_campaign_march_is_no_protest() -> None:
    assert not roots(
        '"We are going to march into the convention with momentum," Senator Bernie Sanders said.', "14"
    )
    assert roots("Thousands of Egyptian workers marched through Cairo to protest the new law.", "14") == [
        "141"
    ]
    assert roots("Thousands of Egyptian workers marched for higher wages.", "14") == ["141"]
    assert not roots("Senator Bernie Sanders rallied for Hillary Clinton in Iowa.", "14")


def test_a_letter_asking_answers_is_a_request_not_a_meeting_or_an_agreement() -> None:
    text = (
        "Senator Chuck Grassley sent a letter to FBI Director James Comey seeking answers about the decision."
    )
    assert roots(text, "0") == ["020"]
    text = "Senator Chuck Grassley sent a letter, signed by 20 senators, to FBI Director James Comey seeking answers."
    assert not roots(text, "04")
    assert not roots(text, "05")
    assert not roots("Senator Chuck Grassley sent a letter to FBI Director James Comey.", "04")
    text = "Senator Chuck Grassley sent a letter to James Comey, signed by 20 senators, seeking answers."
    assert not roots(text, "05")
    assert roots("The peace accord signed by Israel and Jordan ended decades of war.", "05") == ["057", "057"]


def test_refusing_to_attack_or_criticize_rejects_no_one() -> None:
    assert not roots("Senator Bernie Sanders refuses to attack Hillary Clinton on her character.", "12")
    assert not roots("Turkey refused to condemn Russia.", "12")
    assert roots("Senator Ted Cruz refused to repudiate Donald Trump.", "12") == ["120"]


def test_words_of_praise_or_insult_aimed_at_a_party_are_praise_or_disapproval() -> None:
    assert roots("Donald Trump taunted Jeb Bush on CNN.", "1") == ["111"]
    assert roots("Donald Trump insulted Senator John McCain at a rally.", "1") == ["111"]
    assert not roots("Donald Trump mocked the idea.", "1")
    assert roots("Donald Trump congratulated Sadiq Khan on his election.", "05") == ["051"]
    assert roots("Senator Ted Cruz paid tribute to Justice Antonin Scalia.", "05") == ["051"]
    assert not code_text("Donald Trump taunted Jeb Bush on CNN.")[0].cameo.startswith("01")
