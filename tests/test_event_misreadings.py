"""Roots, sources and statuses read wrong in the blind checks of PolNeAR draws 79 and 80 (issue #15): a verb
in another sense ("declined 3 percent", "denied him a photograph", "requires"), a figure of speech ("fight for
the people", a defiant offer), a statistic taken for an act, a light verb's object aimed against the one
named, and a speaker given the words of someone he speaks of. Each rule has a case it must leave alone.
Sentences written for these tests."""

from __future__ import annotations

from crosswire.events.status import act_status
from crosswire.nlp.runtime import parse
from event_support import code_text


def codes(text: str) -> list[str]:
    return [e.cameo for e in code_text(text)]


def test_a_figure_that_declined_refuses_nothing() -> None:
    assert not codes("Germany's steel production appears to have declined 4 percent last year.")
    assert not codes("Brazil's coffee exports declined sharply in May.")
    assert codes("Germany's foreign ministry declined the invitation to the summit.") == ["125"]


def test_denying_someone_something_withholds_it() -> None:
    events = code_text("Senator Edward Kennedy denied President Jimmy Carter a photograph of unity.")
    assert [e.cameo for e in events] == ["120"]
    assert codes("Kennedy denied that he had met President Jimmy Carter.")[:1] == ["016"]


def test_fighting_for_people_is_advocacy_not_force() -> None:
    assert not codes('"She will fight for working families," John Podesta said.')
    assert not codes("Senator Elizabeth Warren will fight for the workers of Ohio.")
    assert codes("The Syrian army will fight the rebels in Aleppo.")[:1] == ["190"]
    assert codes("Hezbollah fighters fought for the town of Qusayr.") == ["190"]


def test_a_defiant_offer_is_no_intent_to_cooperate() -> None:
    text = "At the podium, Mark Olsen waved his copy of the treaty and defiantly offered to lend it to Trump."
    assert not [c for c in codes(text) if c.startswith("03")]
    assert codes("Mark Olsen offered to lend his car to Trump.") == ["030"]


def test_migrants_coming_to_a_country_pay_no_visit() -> None:
    assert not codes("A listener asked the host why young Iraqi men are coming to Germany as refugees.")
    assert not codes("Thousands of Afghan refugees are arriving in Germany every week.")
    assert codes("Angela Merkel is coming to France next week for talks.") == ["042"]


def test_a_share_of_people_polled_makes_no_statement() -> None:
    assert not codes("In the poll, 38 percent of French voters said President Hollande should resign.")
    assert not codes("A majority of Germans said Merkel should step down.")
    assert codes("The German government said Merkel should step down.")[:1] == ["105"]


def test_the_simple_present_of_require_states_a_rule_not_a_demand() -> None:
    text = "The Justice Department requires those who register as lobbyists for foreign governments to detail their payments."
    assert not codes(text)
    assert not codes("Winning Ohio requires more than a few rallies, Hillary Clinton said.")
    assert codes("The Justice Department required Google to hand over the records.") == ["100"]


def test_refraining_from_an_act_does_not_do_it() -> None:
    assert not codes("Senator Elizabeth Warren has refrained from endorsing Hillary Clinton.")
    text = "Senator Elizabeth Warren refrained from criticism but endorsed Hillary Clinton on Thursday."
    assert codes(text) == ["051"]


def test_joining_a_campaign_against_a_group_supports_none_of_it() -> None:
    assert not codes("Recep Tayyip Erdogan joined the campaign against ISIS.")
    assert codes("Jeb Bush defended Donald Trump against his critics.") == ["052"]


def test_a_verb_of_speech_joined_to_reported_words_is_not_the_reported_doer_s() -> None:
    text = (
        "A UN panel, which said the Iraqi army carried out two attacks on villages in 2014, and also accused "
        "ISIS of carrying out a gas attack, published its report."
    )
    assert not [e for e in code_text(text) if e.cameo.startswith("11") and e.source.code == "IRQMIL"]
    text = "The United Nations said the Syrian army shelled the town."
    assert [e.cameo for e in code_text(text) if e.source.code == "SYRMIL"] == ["194"]
    # the report's verb after its content: the conjunct is the reported doer's act
    text = "Togo reopened its border on Monday but was still refusing entry to Ghanaian traders, police said."
    assert [e.source.code for e in code_text(text)] == ["TGO"]


def test_a_noun_with_a_possessive_is_no_act_of_its_own() -> None:
    text = "Lee Smith has turned her sorrow into a strategy and her mourning into a movement."
    assert not codes(text)
    assert codes("Erica Smith mourned the victims with Hillary Clinton.") == ["018"]


def test_confirming_a_person_is_a_vote_not_a_statement() -> None:
    assert not codes(
        "Jones, who was nominated by President Obama and confirmed by the U.S. Senate, resigned."
    )
    assert not codes("The U.S. Senate confirmed John Kerry as secretary of state.")
    assert codes("The Kremlin confirmed the report on Monday.") == ["010"]


def test_would_in_the_news_of_a_plan_is_planned() -> None:
    doc = parse("Ward spoke after news that the Justice Department would sue Texas over the new law.")
    assert act_status(next(t for t in doc if t.lower_ == "sue")).status == "planned"
    doc = parse("If Obama wins, the Justice Department would sue Texas.")
    assert act_status(next(t for t in doc if t.lower_ == "sue")).status == "hypothetical"


def test_a_parenthetical_speaker_is_not_the_person_his_words_name() -> None:
    text = (
        "Luis Garcia voted for Obama twice. If Clinton is the Democratic nominee, he said, he would "
        "consider a third-party candidate."
    )
    assert not [e for e in code_text(text) if e.source.name == "Clinton"]
    text = (
        "Luis Garcia spoke to reporters in Ohio. If Clinton is the nominee, he said, he would consider a "
        "third-party candidate."
    )
    assert [e.source.name for e in code_text(text) if e.cameo == "014"] == ["Luis Garcia"]
    assert [e.source.name for e in code_text("If Donald Trump wins, he will consider a ban on imports.")] == [
        "Donald Trump"
    ]


def test_hosting_a_gathering_is_a_visit_only_with_a_guest_named() -> None:
    assert not codes("Hillary Clinton spoke at a town hall hosted by the Chamber of Commerce.")
    assert not codes('"We will win," Jeb Bush told reporters at a breakfast hosted by a local radio host.')
    assert codes("President Obama hosted Xi Jinping at the White House.") == ["043"]
