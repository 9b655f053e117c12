"""What a cue reports: the token ranges of its content, read off the dependency parse.

"X said that ..." reports its clausal complement; "according to X, ..." the clause it hangs on;
"X described Kim as 'merciless'" its object and complement; "X vowed to ..." its infinitive. Ranges are
[start, end) token indices; a content may come in two pieces when the cue sits in its middle
("The talks, he said, are over").
"""

from __future__ import annotations

from spacy.tokens import Token

from crosswire.knowledge.quote_cues import DESCRIBE_VERBS, INTENT_VERBS, SPEECH_VERBS, THOUGHT_VERBS
from crosswire.nlp.dateline import dateline_tokens

Range = tuple[int, int]
_SKIP_RIGHT = ("punct", "cc", "conj", "advcl", "advmod", "npadvmod", "parataxis", "mark")


def _subtree_range(token: Token) -> Range:
    return token.left_edge.i, token.right_edge.i + 1


_QUOTE_CHARS = frozenset("\"\u201c\u201d\u2018\u2019'`")


def _is_edge_junk(token: Token) -> bool:
    """Spaces and punctuation other than quote marks, which belong to the quoted content."""
    return token.is_space or (token.is_punct and not (set(token.text) & _QUOTE_CHARS))


def _trim(token: Token, rng: Range) -> Range | None:
    """Drop edge punctuation and spaces; None when nothing is left."""
    doc = token.doc
    start, end = rng
    # A conjunction at an edge belongs to the sentence, not the content: "announcing sanctions and".
    while start < end and (_is_edge_junk(doc[start]) or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (_is_edge_junk(doc[end - 1]) or doc[end - 1].dep_ == "cc"):
        end -= 1
    return (start, end) if end > start else None


def _minus(outer: Range, hole: Range) -> list[Range]:
    """`outer` without `hole`: zero, one or two ranges."""
    parts = []
    if hole[0] > outer[0]:
        parts.append((outer[0], min(hole[0], outer[1])))
    if hole[1] < outer[1]:
        parts.append((max(hole[1], outer[0]), outer[1]))
    return [p for p in parts if p[1] > p[0]]


def _paragraph(cue: Token) -> Range:
    """Token range of the cue's paragraph: content never runs over a line break."""
    doc = cue.doc
    start = cue.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = cue.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    return start, end


def _clean(cue: Token, parts: list[Range]) -> list[Range]:
    out = []
    p_start, p_end = _paragraph(cue)
    dateline = dateline_tokens(cue.doc)
    if p_start in dateline:
        p_start = dateline.stop  # "TOKYO — negotiators met ..., officials said": reported from after it
    for part in parts:
        part = (max(part[0], p_start), min(part[1], p_end))
        if part[1] <= part[0]:
            continue
        trimmed = _trim(cue, part)
        if trimmed is not None:
            out.append(trimmed)
    return out


def _according_content(cue: Token) -> list[Range]:
    """'According to X, Y' and 'Y, according to X': Y is the clause the phrase modifies."""
    head = cue.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
    outer = _subtree_range(head) if head.i != cue.i else (cue.sent.start, cue.sent.end)
    return _clean(cue, _minus(outer, _subtree_range(cue)))


def _right_content(cue: Token) -> Range | None:
    """Everything the cue governs to its right, minus trailing adverbials: 'called him "a liar"'."""
    rights = [c for c in cue.rights if c.dep_ not in _SKIP_RIGHT]
    if any(c.dep_ == "auxpass" for c in cue.children):
        # "would be discussed at the officials' level", "was announced on March 9": a passive's
        # prepositional phrases say where and when, not what was said.
        rights = [c for c in rights if c.dep_ not in ("prep", "agent")]
    if not rights:
        return None
    return rights[0].left_edge.i, rights[-1].right_edge.i + 1


# Clauses of their own: a that-clause below one of these is another verb's content, not the cue's (a
# participle, "..., signaling that ...", counts too; a purpose clause, "to prove that ...", does not).
_OTHER_CLAUSES = frozenset(("relcl", "parataxis"))


def is_clause(comp: Token) -> bool:
    """Whether a clausal complement is a clause: a dash the parser took for one ("slammed Democrats ― and
    in particular Schumer ― for ...") is none unless a verb hangs below it ("WASHINGTON ― X is an
    insult ..., lawmakers said": the verb is the dash's own)."""
    return not comp.is_punct or any(t.pos_ in ("VERB", "AUX") for t in comp.children)


def own_clause(cue: Token, clause: Token) -> bool:
    """Whether a that-clause below the cue is its own content ("said following a vote that ...") rather
    than another verb's ("told lawmakers ..., signaling that ...", "announced by Rosenstein, who made clear
    that ...")."""
    token = clause.head
    while token.i != cue.i and token.head.i != token.i:
        if token.dep_ in _OTHER_CLAUSES or (token.dep_ == "advcl" and token.tag_ == "VBG"):
            return False
        if token.dep_ == "conj" and token.pos_ == "VERB" and token.head.i == cue.i:
            return False  # "congratulated her, and signaled that ...": the that-clause is the other verb's
        token = token.head
    return token.i == cue.i


_LEAD_ADVERBS = frozenset("only just merely simply".split())


def _after_writers_lead(comp: Token, start: int) -> int:
    """Where a that-clause's content starts when the words before its "that" are the writer's: "said
    only that the talks were ..." (the speaker did not say "only"), "said on Wednesday, U.S. time, that
    ..." (a time the parser hung on the clause)."""
    marks = [c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that" and c.i > start]
    if not marks:
        return start
    mark = marks[0]
    lead = comp.doc[start : mark.i]
    if comp.doc[mark.i - 1].text == "," or all(t.lower_ in _LEAD_ADVERBS for t in lead):
        return mark.i
    return start


def content_ranges(cue: Token) -> list[Range]:
    """The token ranges a cue reports, or [] when it has no content the parse can show."""
    if cue.lower_ == "according":
        return _according_content(cue)
    lemma = cue.lemma_.lower()
    comps = [c for c in cue.children if c.dep_ == "ccomp" and is_clause(c)]
    if comps:
        # "X said ... -- he said he still plans ...": a clause before the cue that is a statement of its own
        # is not this cue's content when one follows it.
        comps = [c for c in comps if c.i > cue.i] or comps
        comp = max(comps, key=lambda c: c.right_edge.i - c.left_edge.i)
        start, end = _subtree_range(comp)
        objs = [c for c in cue.children if c.dep_ == "dobj" and c.right_edge.i + 1 == start]
        if objs and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in comp.children):
            # "saying $2.5 billion in spending was insufficient": the parser took the clause's subject for
            # the cue's object; without it the words shown would be "was insufficient".
            start = objs[0].left_edge.i
        start = _after_writers_lead(comp, start)
        # "told reporters that ..." keeps only the clause; "said in a statement that ..." likewise.
        return _clean(cue, [(start, end)])
    if lemma in INTENT_VERBS:
        xcomps = [c for c in cue.children if c.dep_ == "xcomp"]
        if xcomps:
            objs = [c for c in cue.children if c.dep_ in ("dobj", "dative") and c.i < xcomps[0].i]
            start = objs[0].left_edge.i if objs else xcomps[0].left_edge.i
            return _clean(cue, [(start, xcomps[0].right_edge.i + 1)])
    if lemma in SPEECH_VERBS or lemma in THOUGHT_VERBS:
        # "said following a vote in 2001 that ...": the parser hung the that-clause on a nearby noun.
        for t in cue.subtree:
            if (
                t.i > cue.i
                and t.lower_ == "that"
                and t.dep_ == "mark"
                and t.head.i > cue.i
                and own_clause(cue, t.head)
            ):
                return _clean(cue, [(t.i, t.head.right_edge.i + 1)])
        xcomps = [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
        if xcomps and lemma not in INTENT_VERBS:
            return _clean(cue, [_subtree_range(xcomps[0])])
    if lemma in DESCRIBE_VERBS:
        rng = _right_content(cue)
        if rng is not None:
            return _clean(cue, [rng])
    if cue.dep_ in ("parataxis",) and cue.head.i != cue.i:
        # "The talks, he said, are over": the content is the host clause around the cue. The parser may
        # hang the cue on the host's subject ("its first summit, they say, was aimed at ..."): climb to the verb.
        host = cue.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        return _clean(cue, _minus(_subtree_range(host), _subtree_range(cue)))
    if cue.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in cue.children):
        # "..., as Kim said during a speech": the host clause is what was said.
        host = cue.head
        return _clean(cue, _minus(_subtree_range(host), _subtree_range(cue)))
    return []
