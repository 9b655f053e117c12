"""Classes of general political event language the coder covers (issue #15, PLOVER goals): reported
speech, readiness, light verbs, groups named through their country. Sentences written for these tests."""

from __future__ import annotations

from test_events_extract import code


def roots(events, root: str):
    return [e for e in events if e.cameo.startswith(root)]


def test_a_pronoun_in_reported_speech_is_the_speaker() -> None:
    halted = roots(code("Norway said on Friday it had suspended military aid to Chad."), "16")
    assert halted and halted[0].source.code == "NOR" and halted[0].target.code == "TCD"
    # Inside quotation marks "he" is someone else; "I" and "we" are the speaker.
    assert not [e for e in code('"He will visit Chad," the Norwegian minister said.') if e.cameo == "042"]
    assert roots(code('"We apologize to Chad," Norway said in a statement.'), "055")


def test_an_announced_own_act_is_an_intent() -> None:
    events = code("Chile announced it will return the seized equipment to Peru.")
    intents = roots(events, "03")
    assert intents and intents[0].source.code == "CHL" and intents[0].status == "happened"
    # another's future act is a forecast, not the speaker's intent
    assert not roots(code("Chile said Peru will return the seized equipment."), "03")
    assert not roots(code("Chile said it would not return the seized equipment."), "03")


def test_readiness_to_act_is_an_intent() -> None:
    ready = roots(code("Ghana is ready to provide aid to Liberia, the minister said."), "03")
    assert ready and ready[0].source.code == "GHA"
    assert roots(code("Syria says it is willing to withdraw its troops from Lebanon."), "03")
    # a past readiness read by the author is no reported intent
    assert not roots(code("The fact that he was willing to fly to Chile shows his resolve."), "03")
