"""Long alternations of names grouped by first letter match what the plain ones match."""

from __future__ import annotations

import re

from crosswire.knowledge.alternation import first_letter_alternation


def test_a_case_insensitive_grouped_alternation_matches_what_the_plain_one_matches():
    words = ["Singapore summit", "summit", "Sochi talks", "Six-Party Talks", "six", "7 July accord", "Hanoi"]
    escaped = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
    grouped = first_letter_alternation(escaped, ignore_case=True)
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
    assert (
        first_letter_alternation(["(x)", "y"], ignore_case=True) == "(x)|y"
    )  # not a letter or digit first: left plain


def test_a_case_sensitive_grouped_alternation_keeps_case_apart():
    names = ["AFP", "AP", "Associated Press", "ANSA", "apa", "Reuters", "RIA Novosti", "Yonhap"]
    escaped = sorted((re.escape(n) for n in names), key=len, reverse=True)
    grouped = first_letter_alternation(escaped, ignore_case=False)
    assert "A(?:" in grouped and "a(?:" in grouped  # "AP" and "apa" are not one group
    text = "(AP) - Seoul (Yonhap) -- apa said, AFP and ap reported; RIA Novosti, APA, Associated Press, RIAA."
    plain = re.compile(rf"\b(?P<a>{'|'.join(escaped)})\b")
    fast = re.compile(rf"\b(?P<a>{grouped})\b")
    found = [(m.span(), m.group("a")) for m in fast.finditer(text)]
    assert found == [(m.span(), m.group("a")) for m in plain.finditer(text)]
    assert [a for _, a in found] == ["AP", "Yonhap", "apa", "AFP", "RIA Novosti", "Associated Press"]
