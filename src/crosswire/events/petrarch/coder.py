"""The PETRARCH-compatible coding engine: (sentence tree, date, dictionaries, config) -> events.

For each verb in the verb dictionary, in sentence order:
1. the longest matching pattern of its block gives the code (else the verb's default code);
   `[---]` means no event, and a coded verb claims its verb phrase, so verbs inside it
   (`abandoned efforts to stop ...`) are not coded again;
2. the source is the verb's subject: climbing from the verb, the nearest noun phrase before it in a
   clause (a pronoun subject hands over to the clause above: `Ethiopia indicated it deplored ...`);
   `$` in a pattern overrides it, and in the passive (`was opposed by Osgiliath`) the by-phrase is the
   source and the subject the target;
3. the target is the first coded noun phrase after the verb inside its verb phrase (else an uncoded
   one, which gives the null target `---`); `+` in a pattern overrides it;
4. one event per (source actor, target actor); `[a:b]` adds the reverse event b; a compound source
   with no target (or `% ... *`) yields events among its members; with `require_dyad` an event
   needs both actors.
Sentences with a discard phrase or a dateline are not coded; comma-delimited clauses are removed
first according to the `comma_*` settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from crosswire.errors import CrosswireError
from crosswire.knowledge.petrarch.dictionaries import NULL_CODE, Dictionaries, VerbForm

from .actors import CLAUSES, code_phrase, is_np
from .parse import Node, number_leaves, without_leaves
from .patterns import PatternMatch, match_pattern

BE_FORMS = {"IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "'S", "'RE"}
SUBJECT_HOSTS = {"S", "SINV", "SQ", "NP", "FRAG"}


class CodingError(CrosswireError, ValueError):
    """A sentence that PETRARCH refuses to code: `kind` is discard, storydiscard or dateline."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _truthy(value: object, default: bool) -> bool:
    if value is None:
        return default
    return str(value).strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class CoderConfig:
    """PETRARCH's coding options; `from_mapping` reads a record's `config` field (strings welcome)."""

    require_dyad: bool = True
    comma_min: int = 2
    comma_max: int = 8
    comma_bmin: int = 0
    comma_bmax: int = 0
    comma_emin: int = 2
    comma_emax: int = 8

    @classmethod
    def from_mapping(cls, values: dict | None) -> CoderConfig:
        values = values or {}
        ints = {}
        for name in ("comma_min", "comma_max", "comma_bmin", "comma_bmax", "comma_emin", "comma_emax"):
            if name in values:
                try:
                    ints[name] = int(str(values[name]).strip())
                except ValueError:
                    raise ValueError(f"config {name}={values[name]!r} is not a whole number") from None
        return cls(require_dyad=_truthy(values.get("require_dyad"), True), **ints)


@dataclass
class CodedEvent:
    source: str
    target: str
    code: str
    rule: str
    verb: str
    verb_index: int
    evidence: str = ""

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "target": self.target,
            "code": self.code,
            "rule": self.rule,
            "evidence": self.evidence,
        }


# --------------------------------------------------------------------------- sentence view


@dataclass
class Sentence:
    root: Node
    dicts: Dictionaries
    day: date | None
    leaves: list[Node] = field(init=False)
    words: list[str] = field(init=False)
    _codes: dict[int, list[str]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.leaves = number_leaves(self.root)
        self.words = [(leaf.word or "").upper() for leaf in self.leaves]

    def codes(self, node: Node) -> list[str]:
        key = id(node)
        if key not in self._codes:
            self._codes[key] = code_phrase(node, self.leaves, self.dicts, self.day)
        return self._codes[key]

    def _np_chain(self, leaf: Node) -> list[Node]:
        """Noun phrases above a leaf, innermost first, stopping at the first clause."""
        out = []
        for anc in leaf.ancestors():
            if anc.base in CLAUSES:
                break
            if is_np(anc):
                out.append(anc)
        return out

    def np_starting_at(self, pos: int) -> Node | None:
        """The largest noun phrase that starts with word `pos`."""
        best = None
        for node in self._np_chain(self.leaves[pos]):
            if node.start == pos:
                best = node
        return best

    def np_ending_at(self, pos: int) -> Node | None:
        best = None
        for node in self._np_chain(self.leaves[pos]):
            if node.end == pos:
                best = node
        return best

    def np_end_containing(self, pos: int) -> int:
        chain = self._np_chain(self.leaves[pos])
        return chain[0].end if chain else pos


# --------------------------------------------------------------------------- preprocessing


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1))


def check_irregulars(words: list[str], dicts: Dictionaries) -> None:
    for phrase in dicts.discards.story:
        if phrase and _contains(words, phrase):
            raise CodingError("storydiscard", f"story discard phrase {' '.join(phrase)!r}")
    for phrase in dicts.discards.sentence:
        if phrase and _contains(words, phrase):
            raise CodingError("sentencediscard", f"sentence discard phrase {' '.join(phrase)!r}")
    # A wire-story dateline ("CEBU CITY: -- ...") means the sentence is a story's first line glued to
    # its place header; PETRARCH skips those.
    for i, word in enumerate(words[:6]):
        if word in (":", "--") and i > 0 and all(w.isalpha() and w.isupper() for w in words[:i]):
            raise CodingError("dateline", "sentence starts with a dateline")
        if not (word.isalpha() or word in (":", "--")):
            break


def drop_comma_clauses(root: Node, config: CoderConfig) -> Node:
    """Remove short comma-delimited clauses (PETRARCH's comma_* options) before coding.

    Commas inside a noun phrase (`complete, full diplomatic ties`) do not delimit clauses.
    """
    leaves = root.leaves()
    end = len(leaves) - (1 if leaves and leaves[-1].label == "." else 0)
    commas = [lf.index for lf in leaves[:end] if lf.word == "," and not (lf.parent and is_np(lf.parent))]
    if not commas:
        return root
    drop: set[int] = set()
    if config.comma_bmax > 0 and config.comma_bmin <= commas[0] <= config.comma_bmax:
        drop.update(range(0, commas[0] + 1))
    if config.comma_max > 0:
        for a, b in zip(commas, commas[1:], strict=False):
            if config.comma_min <= b - a - 1 <= config.comma_max:
                drop.update(range(a, b))
    last = commas[-1]
    if config.comma_emax > 0 and config.comma_emin <= end - last - 1 <= config.comma_emax:
        drop.update(range(last, end))
    return without_leaves(root, drop) if drop else root


# --------------------------------------------------------------------------- verbs


def find_verb(sent: Sentence, i: int) -> tuple[VerbForm, int, int] | None:
    """The dictionary verb form whose head word is leaf i: (form, first index, last index)."""
    leaf = sent.leaves[i]
    if not leaf.label.startswith("VB"):
        return None
    for form in sent.dicts.verbs.forms.get(sent.words[i], ()):
        start = i - form.head
        stop = start + len(form.words)
        if start >= 0 and tuple(sent.words[start:stop]) == form.words:
            return form, start, stop - 1
    return None


def verb_phrase(leaf: Node) -> Node:
    node = leaf
    for anc in leaf.ancestors():
        if anc.base == "VP":
            return anc
        node = anc
    return node


def is_pronoun_np(node: Node) -> bool:
    return all(lf.label in ("PRP", "PRP$", "EX") for lf in node.leaves())


def subject_of(leaf: Node, skip: Node | None = None) -> Node | None:
    node = leaf
    for parent in leaf.ancestors():
        if parent.base in SUBJECT_HOSTS:
            at = parent.children.index(node)
            for sib in reversed(parent.children[:at]):
                if is_np(sib):
                    if sib is skip or is_pronoun_np(sib):
                        break  # try the clause above
                    return sib
                if sib.base in CLAUSES:
                    break
        node = parent
    return None


def passive_agent(sent: Sentence, leaf: Node, start: int) -> Node | None:
    """The by-phrase of a passive verb (`was opposed by Osgiliath`), else None."""
    if leaf.label != "VBN":
        return None
    k = start - 1
    while k >= 0 and sent.leaves[k].label.startswith("RB"):
        k -= 1
    if k < 0 or sent.words[k] not in BE_FORMS:
        return None
    for child in verb_phrase(leaf).children:
        if (
            child.base == "PP"
            and child.children
            and child.children[0].is_leaf
            and (child.children[0].word or "").upper() == "BY"
        ):
            nps = [c for c in child.children[1:] if is_np(c)]
            if nps:
                return nps[0]
    return None


def first_target(sent: Sentence, vp: Node, after: int) -> tuple[Node | None, bool]:
    """(first coded noun phrase after word `after` in the verb phrase, whether any noun phrase follows)."""
    seen_any = False
    for node in vp.walk():
        if is_np(node) and node.start > after:
            seen_any = True
            if sent.codes(node):
                return node, True
    return None, seen_any


def _pairs(sources: list[str], targets: list[str], code: str) -> list[tuple[str, str, str]]:
    first, _, second = code.partition(":")
    out = []
    for s in sources:
        for t in targets:
            out.append((s, t, first))
            if second:
                out.append((t, s, second))
    return out


def code_tree(
    root: Node, dicts: Dictionaries, day: date | None, config: CoderConfig | None = None
) -> list[CodedEvent]:
    """Code one parsed sentence. Raises CodingError for discards and datelines."""
    config = config or CoderConfig()
    check_irregulars([(lf.word or "").upper() for lf in root.leaves()], dicts)
    sent = Sentence(drop_comma_clauses(root, config), dicts, day)
    events: list[CodedEvent] = []
    claimed: list[tuple[int, int]] = []
    for i in range(len(sent.leaves)):
        found = find_verb(sent, i)
        if found is None or any(a <= i <= b for a, b in claimed):
            continue
        form, vstart, vend = found
        block = dicts.verbs.blocks.get(form.block)
        match: PatternMatch | None = None
        for pattern in block.patterns if block else ():
            match = match_pattern(pattern, sent, vstart, vend, dicts.verbs.synsets)
            if match:
                break
        code = match.pattern.code if match else (form.code or (block.code if block else NULL_CODE))
        rule = f"{form.block}: {match.pattern.line}" if match else f"{form.block} [{code}]"
        if not code or code == NULL_CODE:
            continue
        leaf = sent.leaves[i]
        vp = verb_phrase(leaf)
        claimed.append((vp.start, vp.end))
        events.extend(_events_for(sent, leaf, vp, vstart, vend, code, rule, match, config))
    unique: list[CodedEvent] = []
    seen = set()
    for ev in events:
        key = (ev.source, ev.target, ev.code)
        if key not in seen:
            seen.add(key)
            unique.append(ev)
    return unique


def _events_for(sent, leaf, vp, vstart, vend, code, rule, match, config) -> list[CodedEvent]:
    target_node = match.target if match else None
    source_node = match.source if match else None
    agent = passive_agent(sent, leaf, vstart) if source_node is None else None
    any_target = target_node is not None
    if agent is not None and target_node is None:
        source_node, target_node, any_target = agent, subject_of(leaf), True
    if source_node is None:
        source_node = subject_of(leaf, skip=target_node)
    if target_node is None:
        target_node, any_target = first_target(sent, vp, vend)
    if source_node is None:
        return []
    sources = sent.codes(source_node) or [NULL_CODE]
    evidence = " ".join(lf.word or "" for lf in sent.leaves)
    verb = " ".join(sent.words[vstart : vend + 1])
    triples: list[tuple[str, str, str]] = []
    if match and match.compound_before is not None:
        members = sent.codes(match.compound_before)
        triples = [(a, b, code.partition(":")[0]) for a in members for b in members if a != b]
    elif target_node is not None and sent.codes(target_node):
        triples = _pairs(sources, sent.codes(target_node), code)
    elif len(sources) > 1:
        # A compound source with no coded target acts on itself: "Gondor and Osgiliath renewed ties".
        triples = [(a, b, code.partition(":")[0]) for a in sources for b in sources if a != b]
    elif any_target:
        triples = _pairs(sources, [NULL_CODE], code)
    out = []
    for s, t, c in triples:
        null_s, null_t = s == NULL_CODE, t == NULL_CODE
        if (null_s and null_t) or s == t or (config.require_dyad and (null_s or null_t)):
            continue
        out.append(CodedEvent(s, t, c, rule, verb, vstart, evidence))
    return out
