"""The coder's sentence tree, and a reader for Penn Treebank parses (CoreNLP-style bracketing).

A tree is made of `Node`s: phrases (`label`, `children`) and leaves (`label` = part-of-speech tag,
`word`, `index` = position in the sentence). Both the Treebank reader and `spacy_tree` build the same
structure, so the coder never knows which parser produced it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from crosswire.errors import CrosswireError


class ParseError(CrosswireError, ValueError):
    """The parse could not be read (unbalanced brackets, empty tree, ...)."""


@dataclass(eq=False)
class Node:
    label: str
    children: list[Node] = field(default_factory=list)
    word: str | None = None
    index: int = -1
    parent: Node | None = field(default=None, repr=False)

    @property
    def is_leaf(self) -> bool:
        return self.word is not None

    @property
    def base(self) -> str:
        """The label without function tags: NP-SBJ -> NP (NP-TMP is kept whole: it is a time, not an actor)."""
        if self.label.startswith("NP-TMP"):
            return "NP-TMP"
        return self.label.split("-")[0] if self.label not in ("-LRB-", "-RRB-", "-NONE-") else self.label

    def leaves(self) -> list[Node]:
        if self.is_leaf:
            return [self]
        out: list[Node] = []
        for child in self.children:
            out.extend(child.leaves())
        return out

    def walk(self) -> Iterator[Node]:
        """Every node in pre-order (a phrase before the phrases inside it)."""
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def start(self) -> int:
        node = self
        while not node.is_leaf:
            node = node.children[0]
        return node.index

    @property
    def end(self) -> int:
        node = self
        while not node.is_leaf:
            node = node.children[-1]
        return node.index

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def __str__(self) -> str:
        if self.is_leaf:
            return f"({self.label} {self.word})"
        return f"({self.label} " + " ".join(str(c) for c in self.children) + ")"


_TOKEN = re.compile(r"\(|\)|[^\s()]+")
_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LCB-": "{", "-RCB-": "}", "-LSB-": "[", "-RSB-": "]"}


def parse_treebank(text: str) -> Node:
    """Read one bracketed parse, e.g. `(ROOT (S (NP (NNP Arnor)) (VP (VBD left))))`.

    Raises ParseError when brackets do not balance or a leaf is malformed: PETRARCH refused such
    input rather than guess, and so do we.
    """
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        raise ParseError("empty parse")
    if tokens.count("(") != tokens.count(")"):
        raise ParseError(f"unbalanced parse: {tokens.count('(')} '(' against {tokens.count(')')} ')'")
    pos = 0

    def read() -> Node:
        nonlocal pos
        if tokens[pos] != "(":
            raise ParseError(f"expected '(' at token {pos}, got {tokens[pos]!r}")
        pos += 1
        if tokens[pos] in "()":
            label = "ROOT"  # `( (S ...))`: an unlabelled root
        else:
            label = tokens[pos]
            pos += 1
        if pos < len(tokens) and tokens[pos] not in "()":
            word = tokens[pos]
            pos += 1
            if tokens[pos] != ")":
                raise ParseError(f"leaf ({label} {word} ...) has more than one word")
            pos += 1
            return Node(label, word=_BRACKETS.get(word, word))
        node = Node(label)
        while pos < len(tokens) and tokens[pos] == "(":
            child = read()
            child.parent = node
            node.children.append(child)
        if pos >= len(tokens) or tokens[pos] != ")":
            raise ParseError(f"phrase ({label} ...) is not closed")
        pos += 1
        if not node.children:
            raise ParseError(f"empty phrase ({label})")
        return node

    root = read()
    if pos != len(tokens):
        raise ParseError("text after the end of the parse")
    number_leaves(root)
    return root


def number_leaves(root: Node) -> list[Node]:
    leaves = root.leaves()
    for i, leaf in enumerate(leaves):
        leaf.index = i
    return leaves


def without_leaves(root: Node, drop: set[int]) -> Node:
    """A copy of the tree without the leaves whose index is in `drop`; emptied phrases disappear."""

    def copy(node: Node) -> Node | None:
        if node.is_leaf:
            return None if node.index in drop else Node(node.label, word=node.word)
        kids = [c for c in (copy(child) for child in node.children) if c is not None]
        if not kids:
            return None
        new = Node(node.label, kids)
        for kid in kids:
            kid.parent = new
        return new

    new_root = copy(root)
    if new_root is None:
        raise ParseError("nothing left of the sentence")
    number_leaves(new_root)
    return new_root
