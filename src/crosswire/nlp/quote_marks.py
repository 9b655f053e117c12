"""Find quoted stretches of text by their quote marks, before any parsing.

News text mixes curly and straight double quotes, the doubled apostrophes some archives use for them
(''brilliant''), and single quotes for quotes inside quotes or British-style headlines. A quotation
that runs over several paragraphs leaves its closing mark off every paragraph but the last, and opens
each following paragraph again; those pieces are chained into one `QuotedSegment`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Characters that can open or close a double quotation; `''` and `` are the two-character forms.
_DOUBLE = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[\u2014\u2013\"\u201c]))[\u2018'](?=[A-Za-z0-9])")
_SINGLE_CLOSE = re.compile(r"(?<=[A-Za-z0-9.,!?])[\u2019'](?=$|[\s,.;:!?)\]\u2014\u2013\"\u201d])")
_OPENERS_BEFORE = set(" \t\n([{\u2014\u2013-/:")


@dataclass
class QuotedSegment:
    """One quotation: its pieces are [start, end) spans that include the quote marks themselves."""

    pieces: list[tuple[int, int]] = field(default_factory=list)
    single: bool = False  # delimited by single quotes (nested or British style)

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def _mark_role(text: str, pos: int, mark: str) -> str:
    """Whether a double mark at `pos` opens or closes, from the mark itself or, when straight, its neighbours."""
    before = text[pos - 1] if pos > 0 else " "
    after_pos = pos + len(mark)
    after = text[after_pos] if after_pos < len(text) else " "
    if mark in ("\u201c", "``", "\u201e", "\u00ab"):
        return "open"
    if mark in ("\u201d", "\u00bb"):
        # A right curly quote glued to the next word after a space is a mis-typed opening mark.
        return "open" if before.isspace() and after.isalnum() else "close"
    if before in _OPENERS_BEFORE:
        return "open"
    if after.isspace() or after in ".,;:!?)]}\u2014\u2013-" or after_pos >= len(text):
        return "close"
    return "either"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank line: news bodies put one paragraph on a line."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


def _double_pieces(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed quotations in one paragraph, and the position of an opening mark left unclosed at its end."""
    pieces: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _DOUBLE.finditer(text, start, end):
        role = _mark_role(text, m.start(), m.group())
        if role == "either":
            role = "close" if open_at is not None else "open"
        if role == "open":
            # An opening mark while one is open: the earlier one was stray (a typo or an inch sign).
            open_at = m.start()
        elif open_at is not None:
            pieces.append((open_at, m.end()))
            open_at = None
    return pieces, open_at


def _starts_with_open_mark(text: str, start: int, end: int) -> bool:
    m = _DOUBLE.match(text, start)
    if m is None or m.start() >= end:
        return False
    return _mark_role(text, m.start(), m.group()) in ("open", "either")


def find_double_quotes(text: str) -> list[QuotedSegment]:
    """All double-quoted segments, with multi-paragraph quotations chained into one segment."""
    segments: list[QuotedSegment] = []
    carrying: QuotedSegment | None = None  # a quotation still running from the previous paragraph
    for p_start, p_end in _paragraphs(text):
        pieces, open_at = _double_pieces(text, p_start, p_end)
        if carrying is not None:
            if pieces and pieces[0][0] == p_start:
                carrying.pieces.append(pieces.pop(0))
                segments.append(carrying)
                carrying = None
            elif not pieces and open_at == p_start:
                pass  # the quotation runs through this paragraph as well; handled below
            else:
                segments.append(carrying)
                carrying = None
        segments.extend(QuotedSegment([p]) for p in pieces)
        if open_at is not None:
            stripped_end = len(text[:p_end].rstrip())
            piece = (open_at, stripped_end)
            if carrying is not None:
                carrying.pieces.append(piece)
            else:
                carrying = QuotedSegment([piece])
            # Only a next paragraph that opens with a quote mark continues the quotation.
            nxt = re.compile(r"\n\s*").match(text, p_end)
            next_start = nxt.end() if nxt else p_end
            if not _starts_with_open_mark(text, next_start, len(text)):
                segments.append(carrying)
                carrying = None
    if carrying is not None:
        segments.append(carrying)
    return sorted(segments, key=lambda s: s.start)


def find_single_quotes(text: str, inside: list[QuotedSegment]) -> list[QuotedSegment]:
    """Clearly paired single-quoted phrases within one paragraph that no double quotation contains.

    Single quotes double as apostrophes, so a pair counts only when the opening mark starts a word and
    the closing mark ends one, at most 25 words apart, on the same line.
    """
    covered = [(s.start, s.end) for s in inside]
    found: list[QuotedSegment] = []
    for p_start, p_end in _paragraphs(text):
        closes = [m.start() for m in _SINGLE_CLOSE.finditer(text, p_start, p_end)]
        pos = p_start
        for m in _SINGLE_OPEN.finditer(text, p_start, p_end):
            if m.start() < pos:
                continue
            close = next((c for c in closes if c > m.start() + 1), None)
            if close is None:
                break
            if len(text[m.start() : close].split()) > 25:
                continue
            span = (m.start(), close + 1)
            if any(a <= span[0] and span[1] <= b for a, b in covered):
                continue
            found.append(QuotedSegment([span], single=True))
            pos = close + 1
    return found


def find_quoted_segments(text: str) -> list[QuotedSegment]:
    """Double-quoted segments plus clearly paired single-quoted ones, in text order."""
    doubles = find_double_quotes(text)
    return sorted(doubles + find_single_quotes(text, doubles), key=lambda s: s.start)
