"""Seed review: talks named only as a possibility ("matters for negotiations between A and B", "could be
turned into talks between A and B") are no happened meeting. Sentences written for these tests."""

from __future__ import annotations

import pytest

from event_support import code_text


@pytest.mark.parametrize(
    "text",
    [
        "These issues could be downgraded into matters for negotiations between the United States and Iran.",
        "The dispute was turned into a subject for talks between China and Japan.",
        "The prospect of talks between China and Japan has grown.",
    ],
)
def test_talks_named_as_a_prospect_are_no_event(text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.cameo[:2] in ("03", "04")], [(e.cameo, e.status) for e in events]


def test_talks_under_a_modal_are_not_happened() -> None:
    events = [
        e for e in code_text("The dispute could end in talks between China and Japan.") if e.cameo[:2] == "04"
    ]
    assert events and all(e.status != "happened" for e in events)


def test_held_talks_between_two_states_still_happened() -> None:
    for text in (
        "Talks between China and Japan took place in Beijing on Monday.",
        "Kim arrived in Hanoi for talks between North Korea and the United States.",
    ):
        events = [e for e in code_text(text) if e.cameo[:2] == "04"]
        assert events and all(e.status == "happened" for e in events), text
