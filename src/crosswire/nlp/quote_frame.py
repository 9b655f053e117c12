"""Where a direct quote sits in its sentence: set off from it or inside it, the unquoted clause around it,
and the speaker a colon or the sentence before it gives ('Kim put pressure on the US: "..."').
Used by the direct-quote pass of `nlp/quotes.py`."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from crosswire.nlp.quote_index import TokenIndex
from crosswire.nlp.quote_speakers import speaker_head

CLAUSE_END = frozenset(".?!")
_SET_OFF_BEFORE = frozenset(":,\u2014\u2013-(;")


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def is_set_off(text: str, start: int, end: int) -> bool:
    """Whether a quotation stands apart from its sentence (after a colon, comma or at a clause start)
    rather than sitting inside it as a fragment ('a "deadlock"')."""
    prefix = text[:start]
    before = prefix.rstrip()
    if (
        not before
        or "\n" in prefix[len(before) :]
        or before[-1] in _SET_OFF_BEFORE
        or before[-1] in CLAUSE_END
    ):
        return True
    # A closing quote mark or a bracket ending the previous quotation also sets it off.
    return before[-1] in '"\u201d)'


def clause_frame(text: str, doc: Doc, idx: TokenIndex, start: int, end: int) -> tuple[list[int], list[int]]:
    """Unquoted tokens of the clause around a quote piece: those before it and those after it, up to
    a sentence end, another quotation or the paragraph's edge."""
    p_start, p_end = paragraph_bounds(text, start)
    first, last = idx.tokens(start, end)
    before: list[int] = []
    i = first - 1
    while i >= 0 and doc[i].idx >= p_start and i not in idx.quoted and doc[i].text not in CLAUSE_END:
        before.append(i)
        i -= 1
    after: list[int] = []
    i = last
    while i < len(doc) and doc[i].idx < p_end and i not in idx.quoted:
        after.append(i)
        if doc[i].text in CLAUSE_END:
            break
        i += 1
    return list(reversed(before)), after


def colon_speaker(doc: Doc, before: list[int]) -> tuple[Token, Token | None] | None:
    """For 'Kim also put pressure on the US in his remarks: "..."', the clause's verb and its subject."""
    if not before or doc[before[-1]].text != ":":
        return None
    verbs = [doc[i] for i in before if doc[i].pos_ in ("VERB", "AUX") and doc[i].head.i not in before]
    verbs = verbs or [doc[i] for i in before if doc[i].pos_ in ("VERB", "AUX")]
    if not verbs:
        return None
    verb = verbs[0]
    head = speaker_head(verb)
    if _reprints_anothers_words(doc, before, head):
        return None
    return verb, head


# Nouns for someone's words: "used one of the woman's quotes as its headline: '...'" reprints her words.
_WORDS_NOUNS = frozenset("quote word remark line phrase slogan comment statement tweet post".split())


def _reprints_anothers_words(doc: Doc, before: list[int], subject: Token | None) -> bool:
    """Whether the clause a colon ends names the quotation as someone else's words ("the piece used one of
    the woman's quotes as its headline: ..."): its subject only reprints them. A pronoun ("in his
    remarks: ...") is taken for the subject's own."""
    return any(
        doc[i].lemma_.lower() in _WORDS_NOUNS
        and doc[i].pos_ == "NOUN"
        and any(
            c.dep_ == "poss"
            and c.pos_ in ("NOUN", "PROPN")
            and (subject is None or c.lower_ != subject.lower_)
            for c in doc[i].children
        )
        for i in before
    )


def previous_sentence_speaker(doc: Doc, first_token: int) -> tuple[Token, Token] | None:
    """For a quotation standing alone after 'Ri Yong-ho made remarks ...': that sentence's verb and subject."""
    if first_token == 0:
        return None
    prev = doc[first_token - 1].sent
    root = prev.root
    head = speaker_head(root)
    if head is None or head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return root, head
