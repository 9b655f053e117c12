"""Whom an act is aimed at (issue #15, the target class of the blind sheets): a statement's target is only
its addressee, an aimed act whose object the coder cannot code is no event, a group is not one person, a deal
is made with its counterpart. Sentences written for these tests."""

from __future__ import annotations

from event_support import code_text


def roots(text: str, root: str):
    return [e for e in code_text(text) if e.cameo.startswith(root)]


def test_what_a_statement_says_or_quotes_is_not_its_target() -> None:
    for text in (
        "Senator Walsh insisted Governor Pryce had obviously hidden something damning.",
        'The minister said the second report "energized Chilean voters."',
        "President Ramos spoke Quechua, quoted the Bible and visited the grave of a poet.",
    ):
        assert all(e.target is None for e in roots(text, "01")), text
    told = roots("President Ramos told Vladimir Putin that Peru would pay.", "01")
    assert told and told[0].target is not None and told[0].target.code == "RUSGOV"


def test_an_aimed_act_at_someone_uncoded_is_no_event() -> None:
    for text, root in (
        ("Senator Walsh defended his mother and said nothing more.", "05"),
        ("Senator Walsh criticized people trying to draw attention to the epidemic.", "11"),
        ("Mrs. Pryce, whose son Tom was killed in the 2012 ambush, spoke to reporters.", "18"),
        ("The Peruvian police said they were investigating whether he fell asleep at the wheel.", "09"),
    ):
        assert not roots(text, root), text


def test_a_complaint_to_an_interviewer_is_not_aimed_at_the_interviewer() -> None:
    text = "On Monday, Senator Walsh complained to CBS News' Charlie Rose that linking him to the fire was unfair."
    assert not roots(text, "11")


def test_a_plural_noun_is_not_one_person() -> None:
    text = (
        "Vladimir Putin met Xi Jinping on Monday. Later, Mr. Putin will hold separate meetings with the "
        "Chinese leaders in Beijing, Li Qiang and Wang Yi."
    )
    later = [e for e in roots(text, "04") if "separate" in e.mentions[0].sentence]
    assert not any("Xi" in (e.target.name if e.target else "") for e in later)
    assert not any("Xi" in e.source.name for e in later)


def test_a_meeting_owned_in_its_phrase_is_not_the_describers() -> None:
    text = "In an interview last week, Chancellor Angela Merkel described the union leaders' meeting with Vladimir Putin."
    assert not any(
        e.source.code == "DEUGOV" or (e.target and e.target.code == "DEUGOV") for e in roots(text, "04")
    )


def test_a_deal_is_not_made_with_what_it_is_about() -> None:
    assert not any(
        e.target and e.target.code == "SYR"
        for e in roots("Barack Obama instead struck a deal to eliminate Syria's chemical arsenal.", "05")
    )
    deals = roots("Barack Obama struck a deal with Russia to eliminate Syria's chemical arsenal.", "05")
    assert deals and deals[0].target is not None and deals[0].target.code == "RUS"


def test_a_place_a_proposed_thing_lies_over_is_where_not_whom() -> None:
    # (a policy proposed with no party to cooperate with is no intent to cooperate at all: test_event_roots.py)
    assert not roots("Senator Ortega proposed a no-fly zone over Syria.", "03")
    sanctions = roots("Senator Ortega proposed sanctions against Iran.", "03")
    assert sanctions and sanctions[0].target is not None and sanctions[0].target.code == "IRN"
