"""Matching PETRARCH verb patterns around a verb.

Words before `*` are matched leftwards from the verb, words after it rightwards. Between two items
joined by `_` no word may intervene; a space lets any number of words intervene (PETRARCH's "open"
match). `$` and `+` match the next coded noun phrase and make it the source or target, `^` skips one
noun phrase, `%` matches a compound actor, `&SET` any member phrase of a synset (members are matched
word for word). The first pattern that matches wins; patterns are tried longest first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from crosswire.knowledge.petrarch.dictionaries import Pattern, PatternItem

from .parse import Node


class SentenceView(Protocol):
    words: list[str]

    def np_starting_at(self, pos: int) -> Node | None: ...
    def np_ending_at(self, pos: int) -> Node | None: ...
    def codes(self, node: Node) -> list[str]: ...


@dataclass
class PatternMatch:
    pattern: Pattern
    source: Node | None = None
    target: Node | None = None
    compound_before: Node | None = None  # `% ... *`: the compound's members act on each other
    used: set[int] = field(default_factory=set)


def _gap_after(items: list[PatternItem], k: int, star_joined: bool) -> bool:
    """May words intervene before item k of the after-part?"""
    return not (star_joined if k == 0 else items[k - 1].joined)


def match_pattern(
    pattern: Pattern,
    view: SentenceView,
    verb_start: int,
    verb_end: int,
    synsets: dict[str, list[tuple[str, ...]]],
) -> PatternMatch | None:
    before, after = pattern.before, pattern.after
    star = pattern.items[pattern.verb_index]
    words = view.words
    n = len(words)
    found = PatternMatch(pattern)

    def phrase_item(item: PatternItem, node: Node) -> bool:
        if item.kind in ("source", "target"):
            return bool(view.codes(node))
        if item.kind == "compound":
            return len(view.codes(node)) > 1
        return True  # skip (^) and any (@)

    def record(item: PatternItem, node: Node, before_verb: bool) -> None:
        if item.kind == "source":
            found.source = node
        elif item.kind == "target":
            found.target = node
        elif item.kind == "compound":
            if before_verb:
                found.compound_before = node
            else:
                found.target = node

    def forward(k: int, pos: int) -> bool:
        if k == len(after):
            return True
        item = after[k]
        gap = _gap_after(after, k, star.joined)
        last = n - 1 if gap else min(pos, n - 1)
        for p in range(pos, last + 1):
            if item.kind == "word":
                if words[p] == item.value and forward(k + 1, p + 1):
                    return True
            elif item.kind == "synset":
                for phrase in synsets.get(item.value, ()):
                    if tuple(words[p : p + len(phrase)]) == phrase and forward(k + 1, p + len(phrase)):
                        return True
            else:
                node = view.np_starting_at(p)
                if node is None and item.kind == "skip" and p == pos and pos > 0:
                    # `* THEIR ^`: the skipped phrase began with the word just matched
                    inside = view.np_ending_at(view_end_of_np_containing(view, pos))
                    node = inside if inside is not None and inside.start < pos else None
                if node is not None and phrase_item(item, node):
                    if forward(k + 1, node.end + 1):
                        record(item, node, False)
                        return True
        return False

    def backward(k: int, pos: int) -> bool:
        if k < 0:
            return True
        item = before[k]
        gap = not item.joined
        first = 0 if gap else max(pos, 0)
        for p in range(pos, first - 1, -1):
            if p < 0:
                break
            if item.kind == "word":
                if words[p] == item.value and backward(k - 1, p - 1):
                    return True
            elif item.kind == "synset":
                for phrase in synsets.get(item.value, ()):
                    size = len(phrase)
                    if (
                        p - size + 1 >= 0
                        and tuple(words[p - size + 1 : p + 1]) == phrase
                        and backward(k - 1, p - size)
                    ):
                        return True
            else:
                node = view.np_ending_at(p)
                if node is not None and phrase_item(item, node) and backward(k - 1, node.start - 1):
                    record(item, node, True)
                    return True
        return False

    if forward(0, verb_end + 1) and backward(len(before) - 1, verb_start - 1):
        return found
    return None


def view_end_of_np_containing(view: SentenceView, pos: int) -> int:
    """The last word of the smallest noun phrase around `pos` (pos itself when there is none)."""
    finder = getattr(view, "np_end_containing", None)
    return finder(pos) if finder else pos
