"""Event-coder quality fixes, one invented sentence per pattern (none of these sentences is in the seeds).

Bare "said" statements, who takes part in a nominal meeting, hosts versus parties, visits and their
destinations, withdrawals from missions, and targets the coder must not guess.
"""

from __future__ import annotations

from crosswire.events.participants import ActorIndex
from crosswire.nlp.runtime import parse
from test_events_extract import code, triples


def pairs(events, root: str) -> set[tuple[str | None, str | None]]:
    return {(e.source.code, e.target.code if e.target else None) for e in events if e.cameo.startswith(root)}


# ---------------------------------------------------------------- 010: statements that carry information


def test_a_persons_bare_statement_is_left_to_the_quote_layer() -> None:
    assert not [e for e in code("The mayor said the bridge would reopen in May.") if e.cameo == "010"]


def test_a_named_institutions_statement_stays_an_event() -> None:
    events = [
        e for e in code("The Brazilian Foreign Ministry said the bridge would reopen.") if e.cameo == "010"
    ]
    assert [e.source.code for e in events] == ["BRAGOV"]


def test_a_statement_to_an_actor_keeps_its_target() -> None:
    assert ("BRA", "ARG", "010") in triples(
        code("Brazil's foreign minister told Argentina that the border would reopen.")
    )


def test_saying_nothing_is_no_statement() -> None:
    assert not code("Argentina said nothing about the border.")


def test_a_body_that_only_describes_the_speakers_is_not_the_speaker() -> None:
    assert not [
        e for e in code("Two Oslo-based shipping firms said the route would close.") if e.cameo == "010"
    ]


# ---------------------------------------------------------------- nominal meetings


def test_meetings_held_by_the_clause_subject_pair_it_with_each_partner() -> None:
    found = pairs(code("Japan has prioritized meetings with India and Australia."), "04")
    assert found == {("JPN", "IND"), ("IND", "JPN"), ("JPN", "AUS"), ("AUS", "JPN")}


def test_partners_of_a_meeting_are_not_paired_with_each_other() -> None:
    events = code("Chile has sought frequent meetings with Peru and Bolivia since June.")
    # Seeking meetings is an intent to meet (036), not a meeting.
    assert not [e for e in events if e.cameo.startswith("04")]
    found = pairs(events, "036")
    assert ("PER", "BOL") not in found and ("BOL", "PER") not in found
    assert ("CHL", "PER") in found and ("CHL", "BOL") in found


def test_a_host_is_no_party_to_the_talks_it_hosts() -> None:
    events = code("Norway hosted talks between Colombia and Venezuela on Friday.")
    assert pairs(events, "04") == {("COL", "VEN"), ("VEN", "COL")}
    assert not [e for e in events if "NOR" in (e.source.code or "", e.target.code if e.target else "")]


def test_a_host_of_talks_with_a_guest_hosts_it() -> None:
    assert ("CHN", "PAK", "043") in triples(code("China hosted talks with Pakistan on Friday."))


def test_opposing_talks_is_no_meeting() -> None:
    assert not pairs(code("Greece opposed talks with Turkey and Cyprus."), "04")


# ---------------------------------------------------------------- visits


def test_a_visit_by_gerund_takes_the_main_clause_subject_and_the_destination() -> None:
    events = code("India's prime minister signalled support by traveling to Japan twice.")
    assert ("IND", "JPN", "042") in triples(events)


def test_a_visit_to_a_capital_visits_its_country() -> None:
    events = [
        e for e in code("The Chinese foreign minister will fly to Paris on Monday.") if e.cameo == "042"
    ]
    assert [(e.source.code, e.target.code if e.target else None, e.mode) for e in events] == [
        ("CHNGOV", "FRA", "potential")  # a Chinese minister acts for the Chinese government
    ]


def test_going_home_and_coming_to_an_end_are_no_visits() -> None:
    assert not code("The Iranian president flew back to Tehran on Friday.")
    assert not code("The summit came to an abrupt end on Friday.")


# ---------------------------------------------------------------- withdrawals


def test_vacating_offices_folded_into_a_coordination_is_coded() -> None:
    events = code("Since March, Iranian diplomats have skipped meetings and vacated embassy offices.")
    assert ("IRNGOV", None, "161") in triples(events)
    assert ("IRNGOV", None, "143") in triples(events)


def test_closing_an_embassy_in_a_capital_targets_its_country() -> None:
    assert ("IRN", "CAN", "161") in triples(code("Iran closed its embassy in Ottawa last year."))


# ---------------------------------------------------------------- targets that must not be guessed


def test_an_actor_speaking_in_another_clause_is_not_the_target() -> None:
    events = [
        e for e in code("France welcomed the agreement, but a diplomat in Germany said it was fragile.")
    ]
    welcomed = [e for e in events if e.cameo == "051"]
    assert welcomed and all(e.target is None for e in welcomed)


def test_testing_whether_is_no_weapons_test() -> None:
    assert not [e for e in code("Chile is testing whether Peru will compromise.") if e.cameo.startswith("15")]
    assert not [e for e in code("Chile is testing if Peru will compromise.") if e.cameo.startswith("15")]
    tested = code("Iran tested what it called a new rocket engine last month.")
    assert [e.source.code for e in tested if e.cameo == "150"] == ["IRN"]


def test_only_country_names_are_coded_from_the_knowledge_base() -> None:
    doc = parse("SINGAPORE - Talks resumed in Stockholm with Singapore and Sweden.")
    index = ActorIndex(doc, [])
    assert index.entity_actor(doc[0]) is None  # a dateline
    by_text = {t.text: index.entity_actor(t) for t in doc if t.ent_type_}
    assert by_text["Stockholm"] is None  # a capital names a place, not a government
    assert by_text["Singapore"] is not None and by_text["Singapore"].code == "SGP"
    assert by_text["Sweden"] is not None and by_text["Sweden"].code == "SWE"


# ---------------------------------------------------------------- reduced passives


def test_the_noun_a_past_participle_modifies_is_not_the_actor() -> None:
    """ "soldiers killed in the war": the soldiers were killed, they did not kill."""
    events = code("Chile and Peru agreed to return the remains of Peruvian soldiers killed in the 1879 war.")
    assert not [
        e for e in events if e.cameo.startswith("18") and e.source and e.source.code.startswith("PER")
    ]


def test_a_reduced_passive_with_an_agent_keeps_the_agent() -> None:
    events = code("Fishermen detained by the Argentine navy were released on Friday.")
    assert any(e.cameo.startswith("17") and e.source.code.startswith("ARG") for e in events)
