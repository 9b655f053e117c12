"""Shared line handling for the PETRARCH dictionary readers: comments, phrases, errors."""

from __future__ import annotations

import re

from crosswire.errors import CrosswireError

NULL_CODE = "---"


class DictionaryError(CrosswireError, ValueError):
    """A dictionary line could not be read; the message names the file, line and problem."""


def _where(path: str, lineno: int) -> str:
    return f"{path}:{lineno}"


def strip_comment(line: str) -> str:
    """Drop a `#` comment; a `#` inside a [code] (e.g. the test code [###]) is not a comment."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def iter_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) pairs with `<!-- -->` blocks and `#` comments removed; blank lines kept."""
    out: list[tuple[int, str]] = []
    in_block = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw
        if in_block:
            if "-->" in line:
                in_block = False
            out.append((lineno, ""))
            continue
        if line.lstrip().startswith("<!"):
            if "-->" not in line:
                in_block = True
            out.append((lineno, ""))
            continue
        out.append((lineno, strip_comment(line)))
    return out


def phrase_words(text: str) -> tuple[str, ...]:
    """'NORTH_KOREA' or 'north korea' -> ('NORTH', 'KOREA')."""
    return tuple(w for w in re.split(r"[\s_]+", text.strip().upper()) if w)
