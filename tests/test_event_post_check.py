"""Classes of false events from the blind check of PolNeAR draws 75 and 76, in sentences written for these
tests: figurative or non-consulting talk, promises that are threats or refusals, someone's remarks rejected,
fighters joining a war, and a rights group named a union."""

from __future__ import annotations

from test_events_extract import code


def roots(events, root: str):
    return [e for e in events if e.cameo.startswith(root)]


def test_speaking_with_one_voice_is_no_consultation() -> None:
    text = "Jennifer Walsh has worked at the plant for years. Mr. Smith and Donald Trump are speaking to her with one voice."
    assert not roots(code(text), "04")
    assert not roots(code("The European allies spoke with a single voice on Iran."), "04")
    assert roots(
        code("Jennifer Walsh has worked at the plant for years. Donald Trump spoke with Walsh on Monday."),
        "04",
    )


def test_memories_of_talking_to_someone_hold_no_talks() -> None:
    text = (
        "John Kasich campaigned in Iowa. Kasich is telling a packed crowd in Windham that he has few memories "
        "from his 1999 bid aside from talking to a voter for 20 minutes only to have her ask when the candidate "
        "would arrive."
    )
    assert not roots(code(text), "04")
    assert roots(code("Kerry held talks with Lavrov in Geneva on Monday."), "04")


def test_a_promised_penalty_or_refusal_is_no_intent_to_cooperate() -> None:
    before = "Donald Trump has attacked Acme Corp. for moving jobs. "
    assert not roots(
        code(before + "At every rally, he vows to impose a 35 percent tax on Acme products from Mexico."),
        "03",
    )
    assert not roots(
        code(before + "And Mr. Trump vows not to take Acme's calls until it agrees to change course."), "03"
    )
    assert not roots(code("The senator vowed to slap tariffs on Chinese steel."), "03")
    assert roots(code("President Obama pledged to work with Mexico on trade."), "03")


def test_rejecting_someones_comments_is_not_declining_comment() -> None:
    text = "Ryan has been very vocal in rejecting several of Trump's comments throughout the campaign."
    assert not roots(code(text), "011")
    assert roots(code("Senator Ryan declined requests for comment on the report."), "011")


def test_fighters_going_to_a_war_pay_no_visit() -> None:
    text = "The more you clog up the foreign fighter pipeline going to Iraq and Syria, the more likely they stay home."
    assert not roots(code(text), "042")
    assert not roots(code("Hundreds of foreign fighters travelled to Syria last year."), "042")
    assert roots(code("Secretary of State John Kerry traveled to Iraq on Monday."), "042")


def test_a_civil_liberties_union_is_a_rights_group_not_labour() -> None:
    text = "The American Civil Liberties Union of Ohio has sued the city over the rules, saying they violate free speech."
    sources = [e.source.code or "" for e in code(text)]
    assert sources and not any(s.endswith("LAB") for s in sources)
    union = "The National Education Union has sued the city over the rules, saying they violate the contract."
    assert any((e.source.code or "").endswith("LAB") for e in code(union))


def test_an_interview_with_the_press_is_no_consultation() -> None:
    assert not roots(
        code("Earlier this year, Klein, author of a book, spoke with Breitbart News about Clinton."), "04"
    )
    assert not roots(code("Senator Smith talked to reporters about the bill on Monday."), "04")
    assert roots(code("Kerry spoke with Lavrov about Syria."), "04")


def test_declining_to_concur_with_a_finding_is_not_declining_comment() -> None:
    text = "Until Friday, however, the State Department had declined to concur with that assessment."
    assert not roots(code(text), "011")
    assert roots(code("A State Department spokesman declined to comment on the report."), "011")


def test_a_noun_phrase_read_as_a_clause_has_no_speaker() -> None:
    text = (
        "Marine Le Pen praised Trump. “I would choose Donald Trump,” said Le Pen, who has also garnered "
        "attention for her Islamophobic remarks."
    )
    assert not [e for e in code(text) if e.source.name == "Islamophobic"]
    assert roots(code("Marine Le Pen criticized Hollande on Monday."), "11")


def test_a_past_dismissal_named_by_what_is_no_hypothetical() -> None:
    text = "Now Bloomberg says he is so distressed by the campaign that he is considering what he so categorically rejected."
    assert [e.status for e in roots(code(text), "12")] == ["happened"]
    maybe = (
        "Now Bloomberg says he is so distressed by the campaign that he is considering what he would reject."
    )
    assert [e.status for e in roots(code(maybe), "12")] == ["hypothetical"]


def test_what_a_rule_requires_is_no_demand() -> None:
    text = "The FBI rewrote the statute, inserting an intent element that Congress did not require."
    assert not roots(code(text), "10")
    assert roots(code("Congress required the State Department to release the documents."), "10")


def test_the_means_of_a_guessed_offence_happened() -> None:
    guessed = (
        'Senator Harry Reid told reporters that Donald Trump "may have violated the law" by calling on Russia '
        "to hack Hillary Clinton."
    )
    assert [e.status for e in roots(code(guessed), "02")] == ["happened"]
    maybe = "Senator Harry Reid said Donald Trump could win the election by calling on Russia to help him."
    assert [e.status for e in roots(code(maybe), "02")] == ["hypothetical"]


def test_a_named_body_placed_by_its_country_is_not_the_state() -> None:
    text = (
        "Jorge Ramos is a news anchor. He crossed the border more than 30 years ago after Mexico's powerful "
        "Televisa network censured his first report."
    )
    assert not [e for e in code(text) if e.source.code == "MEX"]
    assert [
        e for e in code("Mexico's government criticized Jorge Ramos on Monday.") if e.source.code == "MEX"
    ]


def test_the_president_of_a_named_firm_is_no_official() -> None:
    text = "It was a sizable purchase of data, said L2 president Bruce Willsie, who declined to give a price tag."
    assert [e.source.code for e in roots(code(text), "12")] == [None]
    biden = "Vice President Joe Biden declined to give a specific date."
    assert [(e.source.code or "")[:3] for e in roots(code(biden), "12")] == ["USA"]
