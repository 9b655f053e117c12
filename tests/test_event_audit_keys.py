"""benchmarks/event_audit.py: every emitted event gets its own key, and sheets judged before keys were unique
(a key written once per event that shared it) still match their events."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
from event_audit import event_key, number_repeats, unique_keys  # noqa: E402


def fake_event(start: int, cameo: str, source: str | None, status: str = "happened") -> SimpleNamespace:
    return SimpleNamespace(
        mentions=[SimpleNamespace(start=start)],
        cameo=cameo,
        source=SimpleNamespace(code=source),
        target=None,
        status=status,
    )


def test_two_events_sharing_a_key_get_distinct_keys_and_a_lone_key_is_unchanged() -> None:
    rec = {"id": "a1"}
    coded = [
        (rec, fake_event(10, "043", None)),
        (rec, fake_event(10, "043", None)),  # a second uncoded co-host: same article, offset, root, sides
        (rec, fake_event(50, "010", "GBRCOP", "planned")),
        (rec, fake_event(50, "010", "GBRCOP", "happened")),  # one statement, two statuses
        (rec, fake_event(90, "111", "USA")),
    ]
    keys = unique_keys(coded)
    assert len(set(keys)) == len(keys) == 5
    assert keys[0] == event_key(rec, coded[0][1]) == "a1:10:043:None:-"
    assert keys[1] == "a1:10:043:None:-#2"
    assert keys[4] == "a1:90:111:USA:-"  # unchanged: old sheets keep matching


def test_an_old_sheet_with_a_repeated_key_numbers_it_as_the_coder_does() -> None:
    old_sheet = ["a1:10:043:None:-", "a1:90:111:USA:-", "a1:10:043:None:-"]
    assert number_repeats(old_sheet) == ["a1:10:043:None:-", "a1:90:111:USA:-", "a1:10:043:None:-#2"]
    # a sheet already written with numbered keys reads as written
    assert number_repeats(["k", "k#2"]) == ["k", "k#2"]
