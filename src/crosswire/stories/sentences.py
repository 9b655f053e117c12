"""Sentences of an article with their character offsets, and the sentence around an offset.

Alignment, comparison and the report all cite sentences as `[start, end)` offsets into `Article.text`,
so splitting must keep offsets (stories/inputs.py's splitter normalises spacing and cannot). The rules
are deliberately cheap, no parser: a sentence ends at . ! ? (optionally closed by a quote or bracket)
followed by space and a capital, digit or opening quote, or at a line break; a title abbreviation
before the stop ("Mr.", "Gen.", "U.S.") does not end one.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_BREAK = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*[ \t]+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n+")
_ABBREVIATION = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|St|Jr|Sr|No|Vol|Apr|Aug|Sept?|Oct|Nov|Dec|Jan|Feb"
    r"|Mar|Jun|Jul|U\.S|U\.N|U\.K|N|S|[A-Z])\.$"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """`[start, end)` of every non-empty sentence of `text`, in order, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        if m.group(0).strip("\n") and _ABBREVIATION.search(text[max(start, m.start() - 8) : m.start()]):
            continue
        _append(text, start, m.start(), spans)
        start = m.end()
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


class SentenceIndex:
    """Find the sentence containing an offset in one article (binary search over sentence starts)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self._starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence holding `start` (widened to `end` when a span runs over a boundary)."""
        if not self.spans:
            return (start, end if end is not None else start)
        i = max(0, bisect_right(self._starts, start) - 1)
        s, e = self.spans[i]
        if end is not None and end > e:
            j = max(i, bisect_right(self._starts, end - 1) - 1)
            e = self.spans[j][1]
        return (min(s, start), max(e, end or e))

    def sentence(self, start: int, end: int | None = None) -> tuple[int, int, str]:
        s, e = self.around(start, end)
        return (s, e, self.text[s:e])
