"""The dateline that opens wire and newspaper copy: "TOKYO — ...", "SEOUL, April 26 (Yonhap) -- ...".

A dateline says where the story was filed, not who acts in it: the actor layer must not read "TOKYO" as
the Japanese government nor fold it into the name of the subject that follows, and a quote's content
starts after it. The places layer keeps its place as a location.

It is an ALL-CAPS place (one to four words), optionally a date or region after a comma, optionally an
agency in parentheses, then a dash; or a title-case place with an agency ("Denver (AP) -"). It opens the text or one of its first paragraphs (a headline or a
byline line may come first); only the first one counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from crosswire.nlp.runtime import doc_text

_CAPS_WORD = r"[A-Z][A-Z'.\-]*[A-Z.]"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}})"
    r"(?:, (?:[A-Z][A-Za-z.]+ ?){1,3}\d{0,2}){0,2}"  # ", April 26", ", Calif.", ", England, March 11"
    r" ?(?:\((?P<agency>[A-Za-z][^()\n]{0,40})\))?"
    r" ?(?:--|[\u2014\u2013]|-(?= ))[ \u00a0]+"
)
# A title-case place counts only with a wire agency in parentheses: "Denver (AP) – ...", "Paris (Reuters) - ...".
_TITLE_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?:, (?:[A-Z][A-Za-z.]+ ?){1,3}\d{0,2}){0,2}"
    r" ?\((?P<agency>[A-Z][A-Za-z]{1,10})\)"
    r" ?(?:--|[\u2014\u2013]|-(?= ))[ \u00a0]+"
)
# Paragraphs searched: a headline, a standfirst and a byline line may come before the dateline.
_PARAGRAPHS = 4
# Capitalised openers that are labels, not places ("UPDATE — ...", "EXCLUSIVE - ...").
_LABELS = frozenset(
    {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "EDITORIAL", "NOTE"}
)


_KEY = "crosswire.dateline"


# Credit lines that name the newsroom's own staff: "(Reporting by A in Seoul; Editing by B)", "By A, staff
# reporter". The people in them wrote the story; they are not actors in it.
_CREDIT = re.compile(
    r"^[ \t]*\(?[ \t]*(?:(?:additional )?reporting|writing|editing|compiled|written|reported) by\b",
    re.IGNORECASE | re.MULTILINE,
)
# A byline: "By" and a name of two to four capitalised words, then the line's end, a comma or "and".
_BYLINE = re.compile(r"^[ \t]*By (?:[A-Z][\w'.-]+ ){1,3}?[A-Z][\w'.-]+[ \t]*(?:$|,|and )", re.MULTILINE)


@dataclass(frozen=True)
class Dateline:
    """Character offsets into the text: the whole dateline with its dash, and its place."""

    start: int
    end: int
    place_start: int
    place_end: int
    place: str
    agency: str | None


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening `text` or one of its first paragraphs, or None."""
    pos, seen = 0, 0
    while pos < len(text) and seen < _PARAGRAPHS:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        m = _DATELINE.match(text, pos) or _TITLE_DATELINE.match(text, pos)
        if m is not None and _is_place(m.group("place")):
            return Dateline(
                start=m.start(),
                end=m.end(),
                place_start=m.start("place"),
                place_end=m.end("place"),
                place=m.group("place"),
                agency=m.group("agency"),
            )
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos, seen = nl + 1, seen + 1
    return None


def _is_place(words: str) -> bool:
    letters = [c for c in words if c.isalpha()]
    return len(letters) >= 3 and words.split()[0].strip(".") not in _LABELS


def dateline_tokens(doc: Doc) -> range:
    """Token indices of the dateline of `doc` (empty when it has none); the dash is included."""
    # Cached on the Doc as two ints (Doc.text joins every token on each access; ints pickle and serialise).
    found = doc.user_data.get(_KEY)
    if found is None:
        line = find_dateline(doc_text(doc))
        span = None if line is None else doc.char_span(line.start, line.end, alignment_mode="expand")
        found = (span.start, span.end) if span is not None else (0, 0)
        doc.user_data[_KEY] = found
    return range(found[0], found[1])


def credit_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs that credit reporters and editors ("(Reporting by ...)")."""
    out = []
    for m in sorted([*_CREDIT.finditer(text), *_BYLINE.finditer(text)], key=lambda m: m.start()):
        end = text.find("\n", m.start())
        out.append((m.start(), len(text) if end < 0 else end))
    return out
