"""Status (happened / ongoing / planned / hypothetical / demanded / denied) and polarity of coded acts."""

from __future__ import annotations

import pytest

from crosswire.events.status import act_status, is_speculation
from crosswire.nlp.runtime import parse
from test_events_extract import code


def status_of(text: str, word: str) -> tuple[str, bool]:
    doc = parse(text)
    tok = next(t for t in doc if t.lower_ == word)
    s = act_status(tok)
    return s.status, s.negated


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # happened / ongoing
        ("Chile signed a trade pact with Peru on Monday.", "signed", ("happened", False)),
        ("Chile is negotiating a trade pact with Peru.", "negotiating", ("ongoing", False)),
        ("Chile was negotiating with Peru when the talks collapsed.", "negotiating", ("happened", False)),
        ("Chile continues to negotiate with Peru.", "negotiate", ("ongoing", False)),
        # planned
        ("Chile will sign a trade pact with Peru.", "sign", ("planned", False)),
        ("Chile is expected to sign a trade pact with Peru.", "sign", ("planned", False)),
        ("Chile plans to sign a trade pact with Peru.", "sign", ("planned", False)),
        ("Chile is going to sign a trade pact with Peru.", "sign", ("planned", False)),
        ("Chile is poised to sign a trade pact with Peru.", "sign", ("planned", False)),
        ("Chile is poising to demand a guarantee from Peru.", "demand", ("planned", False)),
        ("The anticipated talks between Chile and Peru were postponed.", "talks", ("planned", False)),
        # hypothetical
        ("Chile may sign a trade pact with Peru.", "sign", ("hypothetical", False)),
        ("If Peru attacks, Chile would respond.", "attacks", ("hypothetical", False)),
        ("Chile wants to ask Peru about the border.", "ask", ("hypothetical", False)),
        ("Did Chile sign the pact with Peru?", "sign", ("hypothetical", False)),
        ("Chile would sign the pact, officials said.", "sign", ("planned", False)),  # reported future
        ("Chile would sign the pact if asked.", "sign", ("hypothetical", False)),
        # demanded of someone
        ("Chile demanded that Peru withdraw its troops.", "withdraw", ("demanded", False)),
        ("Chile urged Peru to withdraw its troops.", "withdraw", ("demanded", False)),
        # denied / refused
        ("Peru denied that its troops crossed the border.", "crossed", ("denied", False)),
        ("Peru refused to withdraw its troops.", "withdraw", ("denied", False)),
        # negated
        ("Peru did not withdraw its troops.", "withdraw", ("happened", True)),
        ("Peru never attacked Chile.", "attacked", ("happened", True)),
        ("Peru failed to reach an agreement with Chile.", "reach", ("happened", True)),
        ("The talks ended with no agreement.", "agreement", ("happened", True)),
        ("The summit ended without an agreement.", "agreement", ("happened", True)),
        ("Chile will not sign the pact.", "sign", ("planned", True)),
    ],
)
def test_status_rules(text: str, word: str, expected: tuple[str, bool]) -> None:
    assert status_of(text, word) == expected


def test_coordinated_verb_shares_auxiliaries_not_the_first_verbs_meaning() -> None:
    assert status_of("Chile will meet Peru and sign a pact.", "sign")[0] == "planned"
    assert status_of("Peru denied the report and attacked Chile.", "attacked") == ("happened", False)


def test_an_adverbial_clause_keeps_its_own_status() -> None:
    # The bombing happened; the demand is the main clause's.
    assert status_of("After Peru bombed the port, Chile demanded talks.", "bombed") == ("happened", False)


def test_speculation_by_the_author_is_told_from_a_reported_possibility() -> None:
    doc = parse("Kim may now be heading to Moscow for a summit.")
    assert is_speculation(next(t for t in doc if t.lower_ == "heading"))
    doc = parse("Officials said Kim may be heading to Moscow.")
    assert not is_speculation(next(t for t in doc if t.lower_ == "heading"))
    doc = parse("The visit suggests that Chile will recognise Peru's claim.")
    assert is_speculation(next(t for t in doc if t.lower_ == "recognise"))


def test_only_happened_affirmed_events_are_facts() -> None:
    planned = [e for e in code("Peru will attack Chile next week.") if e.cameo.startswith("19")]
    assert planned and all(e.status == "planned" and not e.is_fact for e in planned)
    done = [e for e in code("Peru attacked Chile on Monday.") if e.cameo.startswith("19")]
    assert done and all(e.status == "happened" and e.is_fact for e in done)
    assert all(m.status == e.status for e in planned + done for m in e.mentions)


def test_the_authors_speculation_is_no_event() -> None:
    assert not [e for e in code("Peru may now be preparing to attack Chile.") if e.cameo.startswith("19")]


def test_no_agreement_is_never_an_agreement_fact() -> None:
    events = code("North Korea and the United States reached no agreement in Hanoi.")
    assert not [e for e in events if e.cameo.startswith(("03", "05", "06", "07", "08")) and e.is_fact]
    assert not [e for e in events if e.is_fact and e.plover == "AGREE"]


def test_saying_nothing_and_negated_statements_are_dropped() -> None:
    assert not code("Peru did not comment on the border.")


def test_media_that_report_are_no_parties_but_their_condemnation_is_an_act() -> None:
    events = code("The Korean Central News Agency reported that Peru attacked Chile.")
    assert not [e for e in events if "MED" in (e.source.code or "")]
    assert [e for e in events if e.cameo.startswith("19") and e.source.code == "PER"]
    events = code("The Korean Central News Agency denounced Japan over the drill.")
    assert [e for e in events if e.cameo.startswith("11") and e.source.code == "PRKMED"]


def test_the_articles_own_outlet_is_no_actor() -> None:
    events = code("Test Daily reported on Monday that Peru criticised Chile.")
    assert not [
        e
        for e in events
        if "test daily" in {(e.source.name or "").lower(), (e.target and e.target.name or "").lower()}
    ]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # an act urged "for someone to do it" is demanded, not a mere possibility
        ("The senator called for the minister to resign.", "resign", ("demanded", False)),
        ("Aides pressed for Chile to carry out strikes on the rebels.", "carry", ("demanded", False)),
        ("Pressure has been mounting all year for Smith to step down.", "step", ("demanded", False)),
        ("It is important for the committee to examine the deal.", "examine", ("hypothetical", False)),
        # "calls out X for backing down": the act blamed was done; "called for ending" demands
        ("The senator calls out the governor for backing down from a fight.", "backing", ("happened", False)),
        ("The senator called for ending the war.", "ending", ("demanded", False)),
        # only possible, alleged or suggested: no fact
        (
            "Auditors found that the minister potentially violated the rules.",
            "violated",
            ("hypothetical", False),
        ),
        ("The minister allegedly violated the rules.", "violated", ("hypothetical", False)),
        (
            "The senator suggested boycotting the firm if it did not cooperate.",
            "boycotting",
            ("hypothetical", False),
        ),
        (
            "The northern hills are considered occupied territory under the treaty.",
            "occupied",
            ("hypothetical", False),
        ),
        # what a copula denies of a meeting is not the meeting
        (
            "The minister said his meeting with the cardinal was not political.",
            "meeting",
            ("happened", False),
        ),
        ("His meeting with the cardinal is not an endorsement.", "meeting", ("happened", False)),
        ("The meeting did not take place.", "meeting", ("happened", True)),
        # "no sign that" rules out what a verb below it plans
        (
            "At the rally, Smith showed no sign that he was planning to apologize.",
            "apologize",
            ("planned", True),
        ),
        ("There is no evidence that Chile attacked Peru.", "attacked", ("hypothetical", True)),
        # a speech verb hung below the words it reports: the statement was made, whatever their mood
        ('"Peru will attack Chile if it refuses," the minister said.', "said", ("happened", False)),
        (
            "Instead, Smith told reporters, his policy would be to leave if he wins.",
            "told",
            ("happened", False),
        ),
        ("Peru hopes Chile will say yes.", "say", ("planned", False)),
    ],
)
def test_status_of_urged_alleged_and_described_acts(text: str, word: str, expected: tuple[str, bool]) -> None:
    assert status_of(text, word) == expected


def test_an_alleged_act_is_the_accusers_claim() -> None:
    doc = parse("The union wants answers after accusing the minister of violating the rules.")
    said = act_status(next(t for t in doc if t.lower_ == "violating"))
    assert said.claimant is not None and doc[said.claimant].lower_ == "accusing"
    doc = parse("The union cited violations that the minister's office alleges.")
    assert act_status(next(t for t in doc if t.lower_ == "violations")).claimant is not None
    events = code("The Peru Workers Union accused Chile of violating the border treaty.")
    alleged = [e for e in events if e.source.code == "CHL" and not e.cameo.startswith("11")]
    assert alleged and all(e.claim_by for e in alleged)
    # an allegation no one is named making is no event
    events = code("Chile was accused of violating the border treaty.")
    assert not [e for e in events if e.source.code == "CHL" and e.claim_by is None]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # an "if"/"unless" clause makes what is planned on it hypothetical, on the act or a verb above it
        ("If Peru attacks Chile, Chile is going to bomb Lima.", "bomb", ("hypothetical", False)),
        ("If the talks fail, Chile is going to bomb Lima.", "bomb", ("hypothetical", False)),
        ("Chile will bomb Lima unless Peru withdraws its troops.", "bomb", ("hypothetical", False)),
        (
            "If we win big in Ohio, we are going to go marching into the capital.",
            "marching",
            ("hypothetical", False),
        ),
        ("Chile will bomb Lima next week.", "bomb", ("planned", False)),
        # ... but a speech verb with the condition in what it reports was still said
        ("If asked, the minister said, Chile would sign the pact.", "said", ("happened", False)),
        # a place a legal view characterises by a participle reports no act
        (
            "The eastern hills are considered occupied territory under international law.",
            "occupied",
            ("hypothetical", False),
        ),
        (
            "Diplomats have embassies in Lima, whose eastern flanks are considered occupied land, although "
            "Chile disputes this.",
            "occupied",
            ("hypothetical", False),
        ),
        # an infinitive the parser hung beside "under pressure" is still only demanded (a headline)
        ("Smith Under Pressure To Condemn Governor Who Called For Ban.", "condemn", ("demanded", False)),
    ],
)
def test_conditions_views_and_pressure(text: str, word: str, expected: tuple[str, bool]) -> None:
    assert status_of(text, word) == expected


def test_to_be_blamed_is_no_act_of_the_blamed() -> None:
    # "X is to blame": X is blamed, by no one the clause names; X blames no one
    events = code("Paul Jones claimed that Governor John Smith is to blame for the crisis.")
    assert not [e for e in events if e.source.name == "John Smith"]
    assert not [
        e
        for e in code("Governor John Smith is to blame for the crisis, Paul Jones said.")
        if e.cameo[:2] == "11" and e.source.name == "John Smith"
    ]


def test_a_journey_under_way_is_an_arrival_still_ahead() -> None:
    # BASIL: "Donald J. Trump is heading to Mexico on Wednesday to meet with ..." was counted as a visit made
    from test_events_extract import code

    heading = code("President Ruiz is heading to Peru on Wednesday to meet with President Garcia.")
    assert heading and all(e.status == "planned" for e in heading if e.cameo[:2] == "04")
    flown = code("President Ruiz flew to Peru on Wednesday to meet with President Garcia.")
    assert any(e.status == "happened" for e in flown if e.cameo[:2] == "04")
