"""A bare surname two people of the article share (nlp/actors.py): honorifics, pronouns, the head of
state named by office, "Jr.", and leaving it unresolved when nothing decides. Sentences written for these
tests."""

from __future__ import annotations

from datetime import datetime

from crosswire.model import Actor, Article
from crosswire.nlp.actors import extract_actors
from crosswire.nlp.runtime import parse
from test_events_extract import code

ON = datetime(2016, 11, 12)


def owner(text: str, word: str, nth: int = 0) -> str | None:
    """The name of the actor the `nth` bare mention `word` belongs to (None: no actor took it)."""
    article = Article(text=text, published=ON, outlet="Test Daily")
    actors: list[Actor] = extract_actors(article, parse(text))
    bare = sorted((m.start, a.name) for a in actors for m in a.mentions if m.text == word)
    full = [(m.start, m.end) for a in actors for m in a.mentions if m.text != word]
    starts = [
        i
        for i in range(len(text))
        if text.startswith(word, i) and not any(s <= i < e for s, e in full) and text[i + len(word)] in " ."
    ]
    wanted = starts[nth]
    return next((name for start, name in bare if start == wanted), None)


def test_a_relative_named_before_does_not_take_the_presidents_surname() -> None:
    text = (
        "President Barack Obama met the new cabinet on Thursday. First lady Michelle Obama visited a school "
        "in Ohio. Obama later criticized the Republican Congress."
    )
    assert owner(text, "Obama") == "Barack Obama"


def test_the_president_named_by_office_only() -> None:
    text = (
        "President Obama met the new cabinet on Thursday. First lady Michelle Obama visited a school in "
        "Ohio. Obama later criticized the Republican Congress."
    )
    assert owner(text, "Obama", -1) == "Barack Obama"


def test_an_honorific_or_a_pronoun_decides() -> None:
    text = (
        "Barack Obama and Michelle Obama arrived on Monday. Mrs. Obama praised the teachers. "
        "Mr. Obama criticized Congress."
    )
    assert owner(text, "Obama", 0) == "Michelle Obama"
    assert owner(text, "Obama", 1) == "Barack Obama"
    text = (
        "Barack Obama and Michelle Obama arrived on Monday. Later, Obama said she was proud of the teachers."
    )
    assert owner(text, "Obama") == "Michelle Obama"


def test_relatives_only_leave_a_bare_surname_unresolved() -> None:
    # neither the wife named last nor the president the article never names is certain
    text = "Melania Trump toured a hospital in Ohio on Monday. Trump praised the nurses."
    assert owner(text, "Trump") not in ("Melania Trump", "Donald Trump")


def test_a_relative_just_named_leaves_it_unresolved() -> None:
    text = (
        "Donald Trump met donors in Ohio on Monday. At the same dinner, Eric Trump spoke about the "
        "foundation. Trump criticized the press."
    )
    assert owner(text, "Trump", -1) not in ("Donald Trump", "Eric Trump")


def test_trump_jr_is_not_donald_trump() -> None:
    text = (
        "President Donald Trump defended his son, Donald Trump Jr., on Monday. Trump Jr. criticized the "
        "Justice Department."
    )
    events = [e for e in code(text, datetime(2017, 7, 10)) if e.cameo.startswith("11")]
    assert events and all(e.source.name == "Donald Trump Jr." for e in events)
    assert all(not (e.source.code or "").startswith("USAGOV") for e in events)


def test_a_surname_the_parser_calls_an_organisation() -> None:
    text = (
        "Donald Trump met Senate leaders at the Capitol on Thursday. Melania Trump stayed in New York. "
        "Following the meeting, Trump conferred with Paul Ryan."
    )
    article = Article(text=text, published=ON, outlet="Test Daily")
    actors = extract_actors(article, parse(text))
    assert not [a for a in actors if a.kind == "organisation" and a.name == "Trump"]


def test_a_former_head_of_state_is_no_default() -> None:
    # in 2016 "Clinton" is not Bill Clinton merely because he was president once
    text = (
        "Hillary Clinton won the primary in Ohio on Tuesday. Former President Bill Clinton campaigned in "
        "Iowa. Clinton criticized the Republican Congress."
    )
    assert owner(text, "Clinton", -1) != "Bill Clinton"


def test_a_pronoun_is_no_evidence_where_the_sentence_names_someone_else() -> None:
    text = "Bill Clinton and Hillary Clinton arrived on Monday. Jane Roe said Clinton called her twice."
    assert owner(text, "Clinton", -1) not in ("Hillary Clinton", "Bill Clinton")


def test_a_possessive_in_a_fronted_phrase_points_ahead() -> None:
    # "his meeting" is Trump's, not the president's named in the sentence before
    text = (
        "President Barack Obama spoke on Monday. Following his meeting with Paul Ryan, Donald Trump "
        "conferred with Mitch McConnell."
    )
    meetings = {
        (e.source.name, e.target.name if e.target else None)
        for e in code(text, datetime(2016, 11, 11))
        if e.cameo.startswith("04")
    }
    assert ("Donald Trump", "Paul Ryan") in meetings
    assert not {pair for pair in meetings if "Barack Obama" in pair}


def test_an_untagged_surname_with_one_bearer_joins_him_without_any_pronoun() -> None:
    # the parser leaves the second "Novaks" untagged; no pronoun or honorific is needed to join him
    text = (
        "Sen. Tom Novaks (R-Texas) on Friday lashed out at the governor.\n\nThe tabloid published a story "
        "earlier this week claiming that Novaks had extramarital affairs with five women. Novaks vehemently "
        "denied the rumors, which rippled through the media on Friday."
    )
    doc = parse(text)
    untagged = text.index("Novaks vehemently")
    assert not any(e.start_char == untagged for e in doc.ents)
    assert owner(text, "Novaks", -1) == "Tom Novaks"


def test_a_former_president_named_in_full_is_elite_not_government() -> None:
    text = "Donald Trump once defended Bill Clinton against allegations of scandal."
    article = Article(text=text, published=ON, outlet="Test Daily")
    bill = next(a for a in extract_actors(article, parse(text)) if a.name == "Bill Clinton")
    assert bill.codes == ["USAELI"]


def test_a_title_that_is_not_the_kb_holders_office_names_the_article_bearer() -> None:
    # "President Kim" of a bank is not North Korea's Supreme Leader, whom the article never names
    text = (
        "The White House nominated Jim Yong Kim for a second term at the development bank on Thursday. "
        "Officials said President Kim had served the bank well. The Treasury secretary also lauded Mr. Kim "
        "for his work."
    )
    assert owner(text, "Kim", 0) == "Jim Yong Kim"
    assert owner(text, "Kim", 1) == "Jim Yong Kim"


def test_a_title_of_the_kb_holders_office_still_names_him() -> None:
    text = (
        "Kim Yo-jong, the North Korean leader's sister, arrived in Seoul on Friday. South Korea's president "
        "welcomed the delegation at the airport. Leader Kim stayed in Pyongyang."
    )
    assert owner(text, "Kim", 0) == "Kim Jong-un"


def test_the_bearer_the_article_names_most_takes_the_bare_surname() -> None:
    # a married couple: the article follows her, and names her husband in full when he is meant
    text = (
        "Mary Bennett won the mayoral primary on Tuesday. Bennett thanked her volunteers in Dayton. Mary Bennett "
        "had trailed in the polls for months. Her husband, Tom Bennett, held rallies in the suburbs. The "
        "turnout was the highest in a decade. Analysts credited the unions. Bennett criticized the city "
        "council on Wednesday."
    )
    assert owner(text, "Bennett", -1) == "Mary Bennett"


def test_the_other_bearer_just_named_in_full_leaves_the_surname_unresolved() -> None:
    # the husband named in full in the sentence before may be meant: not clear
    text = (
        "Mary Bennett won the mayoral primary on Tuesday. Bennett thanked her volunteers in Dayton. Mary Bennett "
        "had trailed in the polls for months. Her husband, Tom Bennett, held rallies in the suburbs. Bennett "
        "criticized the city council on Wednesday."
    )
    assert owner(text, "Bennett", -1) not in ("Mary Bennett", "Tom Bennett")


def test_a_pronoun_the_name_is_the_object_of_is_no_evidence_of_its_sex() -> None:
    # "He endorsed Bennett": "He" is the senator, not Bennett, so it does not make her the husband
    text = (
        "Mary Bennett won the mayoral primary on Tuesday. Bennett thanked her volunteers in Dayton. Mary Bennett "
        "had trailed in the polls for months. Her husband, Tom Bennett, held rallies in the suburbs. The "
        "turnout was the highest in a decade. Andrew Pike is a former state senator. He endorsed Bennett in "
        "March."
    )
    assert owner(text, "Bennett", -1) == "Mary Bennett"
    text = "Mary Bennett and Tom Bennett arrived in Dayton on Monday. Later, Bennett praised him for the turnout."
    assert owner(text, "Bennett", -1) not in ("Mary Bennett", "Tom Bennett")


def test_an_object_pronoun_is_not_its_own_clauses_subject() -> None:
    # "Bennett praised him": "him" is someone other than Bennett, whoever Bennett is
    text = "Mary Bennett and Tom Bennett arrived in Dayton on Monday. Later, Bennett praised him for the turnout."
    article = Article(text=text, published=ON, outlet="Test Daily")
    him = text.index(" him ") + 1
    assert not [a for a in extract_actors(article, parse(text)) for m in a.mentions if m.start == him]
    text = "Tom Bennett arrived in Dayton on Monday. Later, Bennett praised himself for the turnout."
    article = Article(text=text, published=ON, outlet="Test Daily")
    himself = text.index("himself")
    assert [
        a.name for a in extract_actors(article, parse(text)) for m in a.mentions if m.start == himself
    ] == ["Tom Bennett"]


def test_the_brother_last_named_in_full_takes_the_surname_where_counts_do_not_decide() -> None:
    text = (
        "Daniel Novak and his brother Peter Novak opened a bakery in 2010. The bakery grew quickly. "
        "Peter Novak said on Monday that the shop would close. Novak blamed the landlord."
    )
    assert owner(text, "Novak", -1) == "Peter Novak"


def test_two_brothers_named_alike_leave_the_surname_unresolved() -> None:
    text = "Daniel Novak and Peter Novak opened a bakery in 2010. Novak blamed the landlord on Monday."
    assert owner(text, "Novak", -1) not in ("Daniel Novak", "Peter Novak")


def test_one_bearer_and_full_names_are_left_alone() -> None:
    text = "Tom Bennett opened a bakery in 2010. Bennett blamed the landlord on Monday."
    assert owner(text, "Bennett", -1) == "Tom Bennett"
    text = (
        "Mary Bennett won the mayoral primary on Tuesday. Bennett thanked her volunteers. Mary Bennett had trailed "
        "for months. Tom Bennett criticized the city council on Wednesday."
    )
    sources = {e.source.name for e in code(text, datetime(2016, 11, 11)) if e.cameo.startswith("11")}
    assert sources == {"Tom Bennett"}


def test_an_unresolved_pronoun_is_a_rival_for_the_next_of_its_sex() -> None:
    # "him" may be whoever "He" is: not certainly Mr. Bennett, the only man named in the sentence
    text = (
        "Mary Bennett and Tom Bennett campaigned in Ohio on Monday. The crowds were large. He attacked Mr. Bennett's "
        "record after Mrs. Bennett accused him of lying."
    )
    article = Article(text=text, published=ON, outlet="Test Daily")
    tom = next(a for a in extract_actors(article, parse(text)) if a.name == "Tom Bennett")
    assert not [m for m in tom.mentions if m.kind == "pronoun"]
    events = code(text, datetime(2016, 11, 11))
    assert not [e for e in events if e.target is not None and e.target.name == "Tom Bennett"]


def _pronoun_owner(text: str, pronoun: str) -> str | None:
    article = Article(text=text, published=ON, outlet="Test Daily")
    at = text.index(f" {pronoun} ") + 1
    return next(
        (a.name for a in extract_actors(article, parse(text)) for m in a.mentions if m.start == at), None
    )


def test_a_pronoun_goes_to_the_one_of_its_sex_among_a_couple() -> None:
    text = 'Mary Bennett and Tom Bennett arrived in Dayton on Monday. "We will win this city," he said.'
    assert _pronoun_owner(text, "he") == "Tom Bennett"
    text = 'Mary Bennett and Tom Bennett arrived in Dayton on Monday. "We will win this city," she said.'
    assert _pronoun_owner(text, "she") == "Mary Bennett"
    # first names that tell no sex: neither
    text = 'Jordan Bennett and Casey Bennett arrived in Dayton on Monday. "We will win this city," she said.'
    assert _pronoun_owner(text, "she") is None
