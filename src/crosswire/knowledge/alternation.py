"""Regular expressions over long lists of names, grouped so that the regex engine tries few of them.

Python's regex engine tries the alternatives of `a|b|c` one after another at every position it scans: a
pattern of 260 event names tried all 260 at every word of every article. `first_letter_alternation`
groups them under their first letter, "a(?:lpha|nt)|b(?:eta)", so only those starting with the text's
letter there are tried, and it matches exactly what the plain alternation matches (tests/test_alternation.py).
"""

from __future__ import annotations


def first_letter_alternation(alternatives: list[str], *, ignore_case: bool) -> str:
    """`"|".join(alternatives)` (escaped literals) with the alternatives grouped under their first letter
    (`ignore_case`: for a case-insensitive pattern, "A..." and "a..." in one group).

    The same matches: at one position at most one group's letter can match (ASCII letters and digits,
    with or without case, fall in distinct classes), and a group keeps its alternatives in their order, so
    the first alternative that leads to a match is the same one. When some alternative starts with anything
    but an ASCII letter or digit (an escape, a class), the alternation is left plain."""
    if not all(a[:1].isascii() and a[:1].isalnum() for a in alternatives):
        return "|".join(alternatives)
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first = alternative[0].lower() if ignore_case else alternative[0]
        groups.setdefault(first, []).append(alternative[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
