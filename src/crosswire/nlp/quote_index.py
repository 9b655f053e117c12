"""Token lookups by character offset over one parse, and which tokens lie inside quote marks.

Shared by the direct-quote pass (`quotes`) and the clause reading around a quotation (`quote_frame`).
A quoted name or title (the "Alliance 19-1" drill, the "Great Disruptor") is quoted but not speech.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from crosswire.knowledge.quote_cues import NAME_NOUNS
from crosswire.nlp.quote_marks import QuotedSegment
from crosswire.nlp.runtime import doc_text

_SMALL_WORDS = frozenset("a an the of and or in on at to for by with de la le von van al".split())


class TokenIndex:
    """Token lookups by character offset, and which tokens lie inside quote marks."""

    def __init__(self, doc: Doc, segments: list[QuotedSegment]):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.quoted: set[int] = set()
        self.speech: set[int] = set()  # quoted tokens other than quoted names and titles
        text = doc_text(doc)
        for seg in segments:
            name = looks_like_name(text, seg.start, seg.pieces[0][1], doc, self)
            for a, b in seg.pieces:
                self.quoted.update(range(*self.tokens(a, b)))
                if not name:
                    self.speech.update(range(*self.tokens(a, b)))

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """[first, last) token indices whose start lies in [start, end)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)


def looks_like_name(text: str, seg_start: int, seg_end: int, doc: Doc, idx: TokenIndex) -> bool:
    """A quoted name or title, not speech: capitalised words with no sentence punctuation inside,
    or a quoted phrase followed by a noun such as drill, exercise or campaign."""
    inner = text[seg_start + 1 : seg_end - 1].strip(" '\"\u201c\u201d")
    words = inner.split()
    if not words or len(words) > 6 or re.search(r"[.?!,]$", inner):
        return False
    first, _ = idx.tokens(seg_end, len(text))
    if first < len(doc) and doc[first].lower_ in NAME_NOUNS:
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content)
