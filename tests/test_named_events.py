"""The named-event base's alias pattern."""

from __future__ import annotations

import re

from crosswire.knowledge.named_events import first_letter_alternation


def test_the_grouped_alias_alternation_matches_what_the_plain_one_matches():
    words = ["Singapore summit", "summit", "Sochi talks", "Six-Party Talks", "six", "7 July accord", "Hanoi"]
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
    grouped = first_letter_alternation(escaped)
    assert grouped.startswith("s(?:") and grouped.count("s(?:") == 1  # one group per first letter
    text = (
        "The SINGAPORE  Summit and the six-party talks; sochi Talks, a summit in hanoi, the 7 July Accord, "
        "six of them, Sixty, summits, the Singapore summitry."
    )
    plain = re.compile(rf"(?<![\w-])(?:{'|'.join(escaped)})(?![\w-])", re.IGNORECASE)
    fast = re.compile(rf"(?<![\w-])(?:{grouped})(?![\w-])", re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.group(0) for m in fast.finditer(text)][:2] == ["SINGAPORE  Summit", "six-party talks"]
    assert len(list(fast.finditer(text))) == 7
    assert first_letter_alternation(["(x)", "y"]) == "(x)|y"  # not a letter or digit first: left plain
