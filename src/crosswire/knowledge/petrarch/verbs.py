"""Reader for PETRARCH verb dictionaries: synsets, verb blocks, verb forms and patterns.

See `dictionaries` for the format; the structures here are what `patterns` matches against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import NULL_CODE, DictionaryError, _where, iter_lines, phrase_words


@dataclass(frozen=True)
class PatternItem:
    """One element of a verb pattern.

    kind: 'word', 'synset', 'verb' (the `*`), 'source' ($), 'target' (+), 'skip' (^), 'compound' (%),
    'any' (@). `joined` is True when the item is `_`-joined to the next item (no words between).
    """

    kind: str
    value: str = ""
    joined: bool = False


@dataclass
class Pattern:
    items: list[PatternItem]
    code: str
    line: str
    where: str

    @property
    def verb_index(self) -> int:
        return next(i for i, it in enumerate(self.items) if it.kind == "verb")

    @property
    def before(self) -> list[PatternItem]:
        return self.items[: self.verb_index]

    @property
    def after(self) -> list[PatternItem]:
        return self.items[self.verb_index + 1 :]

    @property
    def size(self) -> int:
        return len(self.items) - 1


@dataclass
class VerbBlock:
    name: str
    code: str
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class VerbForm:
    """An inflected verb, possibly multi-word: `words[head]` is the word tagged as the verb."""

    words: tuple[str, ...]
    head: int
    block: str
    code: str | None  # a synonym's own default code, else None (use the block's)


_SYMBOLS = {"*": "verb", "$": "source", "+": "target", "^": "skip", "%": "compound", "@": "any"}


def parse_pattern(text: str, code: str, where: str) -> Pattern:
    items: list[PatternItem] = []
    # `*SCEPTICAL` (no space) occurs in production dictionaries: the star is its own item
    for token in re.sub(r"\*(?=[^\s_])", "* ", re.sub(r"(?<=[^\s_])\*", " *", text)).split():
        parts = [p for p in token.split("_") if p]
        for k, part in enumerate(parts):
            joined = k < len(parts) - 1
            upper = part.upper()
            if upper in _SYMBOLS:
                items.append(PatternItem(_SYMBOLS[upper], upper, joined))
            elif upper.startswith("&"):
                items.append(PatternItem("synset", upper[1:].rstrip("_"), joined))
            else:
                # `SUGGESTED_+` style: a symbol glued to the end of a word
                if len(upper) > 1 and upper[-1] in "$+^%" and not upper[:-1].endswith("-"):
                    items.append(PatternItem("word", upper[:-1], True))
                    items.append(PatternItem(_SYMBOLS[upper[-1]], upper[-1], joined))
                else:
                    items.append(PatternItem("word", upper, joined))
    if sum(1 for it in items if it.kind == "verb") != 1:
        raise DictionaryError(f"{where}: pattern needs exactly one * for the verb: {text.strip()!r}")
    return Pattern(items, code, text.strip(), where)


def regular_forms(verb: str) -> set[str]:
    """Base, -S, -ED and -ING forms of a regular English verb, in upper case."""
    forms = {verb}
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in "AEIOU":
        forms |= {verb[:-1] + "IES", verb[:-1] + "IED", verb + "ING"}
    elif verb.endswith("E"):
        forms |= {verb + "S", verb + "D", (verb if verb.endswith("EE") else verb[:-1]) + "ING"}
    elif verb.endswith(("S", "X", "Z", "CH", "SH")):
        forms |= {verb + "ES", verb + "ED", verb + "ING"}
    else:
        forms |= {verb + "S", verb + "ED", verb + "ING"}
    return forms


def _verb_forms(spec: str, block: str, code: str | None, where: str) -> list[VerbForm]:
    """Forms for one verb line such as `BREAK { BROKE BROKEN }` or `+BREAK_DOWN {+BROKE_DOWN}`."""
    irregular = re.search(r"\{([^}]*)\}", spec)
    base = re.sub(r"\{[^}]*\}", " ", spec).strip()
    if not base:
        raise DictionaryError(f"{where}: verb line has no verb")

    def split(written: str) -> tuple[tuple[str, ...], int]:
        parts = [p for p in re.split(r"[\s_]+", written.strip().upper()) if p]
        head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        return tuple(p.lstrip("+") for p in parts), head

    words, head = split(base)
    if not words or not words[head]:
        raise DictionaryError(f"{where}: verb line has no verb: {spec.strip()!r}")
    out = [
        VerbForm(words[:head] + (w,) + words[head + 1 :], head, block, code)
        for w in regular_forms(words[head])
    ]
    if irregular:
        for written in irregular.group(1).split():
            forms, h = split(written)
            if forms and forms[h]:
                out.append(
                    VerbForm(forms, h if len(forms) == len(words) else min(h, len(forms) - 1), block, code)
                )
    return out


@dataclass
class VerbDictionary:
    blocks: dict[str, VerbBlock] = field(default_factory=dict)
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)  # keyed by the inflected head word
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def add_form(self, form: VerbForm) -> None:
        bucket = self.forms.setdefault(form.words[form.head], [])
        if form not in bucket:
            bucket.append(form)
            bucket.sort(key=lambda f: -len(f.words))  # multi-word verbs are tried first


def _expand_synsets(raw: dict[str, list[str]], where: dict[str, str]) -> dict[str, list[tuple[str, ...]]]:
    done: dict[str, list[tuple[str, ...]]] = {}

    def expand(name: str, stack: tuple[str, ...]) -> list[tuple[str, ...]]:
        if name in done:
            return done[name]
        if name in stack:
            raise DictionaryError(f"{where.get(name, '<verbs>')}: synset &{name} refers to itself")
        members: list[tuple[str, ...]] = []
        for member in raw[name]:
            if member.startswith("&"):
                ref = member[1:].rstrip("_")
                if ref not in raw:
                    raise DictionaryError(f"{where.get(name, '<verbs>')}: synset &{name} uses unknown &{ref}")
                members.extend(expand(ref, stack + (name,)))
            else:
                members.append(phrase_words(member))
        done[name] = [m for m in members if m]
        return done[name]

    for name in raw:
        expand(name, ())
    return done


def read_verbs(text: str, path: str = "<verbs>") -> VerbDictionary:
    vd = VerbDictionary()
    raw_synsets: dict[str, list[str]] = {}
    synset_where: dict[str, str] = {}
    synset: str | None = None
    block: VerbBlock | None = None
    first_in_block = False
    for lineno, line in iter_lines(text):
        where = _where(path, lineno)
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("---"):
            m = re.match(r"^---\s*(.+?)\s*\[([^\]]*)\]", stripped) or re.match(
                r"^---\s*(.+?)\s*---\s*$", stripped
            )
            if not m:
                raise DictionaryError(f"{where}: cannot read verb block header {stripped!r}")
            name = " ".join(phrase_words(m.group(1)))
            code = m.group(2).strip() if m.lastindex and m.lastindex >= 2 else NULL_CODE
            existing = vd.blocks.get(name)
            if existing is None:
                block = VerbBlock(name, code or NULL_CODE)
                vd.blocks[name] = block
            else:
                block = existing  # a repeated block adds patterns; its code replaces a null one
                if existing.code == NULL_CODE:
                    existing.code = code or NULL_CODE
            synset, first_in_block = None, True
            continue
        if stripped.startswith("&"):
            name_words = stripped[1:].split()
            if not name_words or not name_words[0].rstrip("_"):
                raise DictionaryError(f"{where}: synset line names no synset: {stripped!r}")
            synset = name_words[0].rstrip("_").upper()
            raw_synsets[synset] = []
            synset_where[synset] = where
            block = None
            continue
        if synset is not None and stripped.startswith("+"):
            raw_synsets[synset].append(stripped[1:].strip())
            continue
        if block is None:
            raise DictionaryError(f"{where}: line outside any verb block or synset: {stripped!r}")
        codes = re.findall(r"\[([^\]]*)\]", stripped)
        body = re.sub(r"\[[^\]]*\]", " ", stripped).strip()
        if stripped.startswith("-"):
            if not codes:
                raise DictionaryError(f"{where}: pattern has no [code]: {stripped!r}")
            # PETRARCH-2 dictionaries group words in (...) and {...}: read them as plain words
            text = re.sub(r"[(){}]", " ", body[1:])
            block.patterns.append(parse_pattern(text, codes[-1].strip(), where))
            continue
        own_code = codes[0].strip() if codes else None
        if first_in_block and own_code is None:
            own_code = None  # the main verb uses the block's code
        for form in _verb_forms(body, block.name, own_code, where):
            vd.add_form(form)
        first_in_block = False
    vd.synsets = _expand_synsets(raw_synsets, synset_where)
    for blk in vd.blocks.values():
        # A pattern naming an undefined synset could never match; production dictionaries have a few,
        # so they are dropped with a warning rather than refusing the whole dictionary.
        kept = []
        for pattern in blk.patterns:
            missing = [it.value for it in pattern.items if it.kind == "synset" and it.value not in vd.synsets]
            if missing:
                vd.warnings.append(f"{pattern.where}: pattern uses unknown synset &{missing[0]}; ignored")
            else:
                kept.append(pattern)
        blk.patterns = kept
        # Longer patterns are more specific, so they are tried first; ties keep the file's order.
        blk.patterns.sort(key=lambda p: -p.size)
    return vd
