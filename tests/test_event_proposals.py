"""A proposal by one party that another could act is the proposer's idea, not a (possible) act of the other;
an act a party is poised to do is anticipated, not done."""

from __future__ import annotations

from test_events_extract import code


def test_a_suggestion_that_another_party_could_act_is_no_act_of_that_party() -> None:
    quoted = code(
        'The foreign minister of Peru, Juan Ruiz, said: "We suggested that Chile could partially lift sanctions."'
    )
    assert not [e for e in quoted if e.source.code == "CHL"]
    proposed = code("Peru proposed that Chile lift sanctions on Bolivia.")
    assert not [e for e in proposed if e.source.code == "CHL"]
    # the proposer's own offer stays its own act
    own = code("Peru proposed to lift sanctions on Chile.")
    assert any(e.source.code == "PER" for e in own)


def test_an_act_a_party_is_poised_to_do_is_anticipated() -> None:
    text = "Chile has raised border issues, poising to demand a guarantee of its security from Peru."
    demands = [e for e in code(text) if e.cameo.startswith("10")]
    assert demands and all(e.status == "planned" and not e.is_fact for e in demands)
    assert not [e for e in code("Chile is poised to demand a guarantee from Peru.") if e.is_fact]
