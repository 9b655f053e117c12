"""crosswire's own event lexicon: verbs, nominal events and complement-taking verbs mapped to CAMEO codes.

The entries live in `crosswire/data/event_lexicon.toml` (its header documents the format); this module reads
them, checks every code against the CAMEO codebook and indexes them by lemma so the coder looks up one
dictionary per token instead of scanning patterns. A malformed file raises LexiconError naming the file and
the entry.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from crosswire.errors import LexiconError  # noqa: F401  (raised here; re-exported for callers)
from crosswire.knowledge import codebook as codebook_module
from crosswire.knowledge import data_cache
from crosswire.knowledge.codebook import Codebook

# Where an entry names no target prepositions: the usual ways English marks who an act is aimed at.
DEFAULT_TARGET_PREPS = frozenset({"with", "to", "against", "on", "upon", "toward", "towards"})
CONTROL_KINDS = frozenset({"intent", "refusal", "threat", "appeal", "demand", "modal"})


@dataclass(frozen=True)
class VerbEntry:
    id: str
    lemma: str  # the verb's lemma
    code: str
    particles: tuple[str, ...] = ()  # later words of a phrasal lemma ("down" in "turn down")
    objects: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    negated: str | None = None
    symmetric: bool = False
    target_preps: frozenset[str] = DEFAULT_TARGET_PREPS
    confidence: float = 0.6
    no_clause: bool = False  # does not fire on a verb taking a clause ("testing whether Washington will pay")
    needs_target: bool = False  # codes nothing without a target ("came to a premature end" is no visit)
    # does not fire on a verb whose object is a that-clause ("proposed that a coalition impose a no-fly zone"
    # puts forward a policy, no cooperation offered to a party)
    no_content: bool = False
    # fires only where its object states a content ("rejected the notion that ..."); "dismissed the idea of
    # a ceasefire" is a proposal turned down, for the entries after it
    object_content: bool = False
    # the prepositions whose objects count for `objects` (None: from, of, for, on); "broke off from the group
    # for a private meeting": a purpose ("for") is not what is halted
    object_preps: frozenset[str] | None = None

    @property
    def specificity(self) -> int:
        """Higher fires first: object conditions, then prepositions and particles, then the bare verb."""
        return 4 * bool(self.objects) + 2 * bool(self.preps) + len(self.particles)


@dataclass(frozen=True)
class NounEntry:
    id: str
    code: str
    symmetric: bool = False
    failed: frozenset[str] = frozenset()
    requires: frozenset[str] = frozenset()  # prepositions the noun must govern ("sanctions on")
    confidence: float = 0.55


@dataclass(frozen=True)
class ControlEntry:
    id: str
    kind: str
    default: str | None = None
    by_root: dict[str, str] = field(default_factory=dict)
    # complements that undo or block something ("vowed to repeal the law"): promised, no cooperation is
    # promised; the control verb then codes no event
    undoing: frozenset[str] = frozenset()
    # complements that answer or speak ("declined to respond", "refused to explain"): refusing them declines
    # comment (011), it rejects no one
    speaking: frozenset[str] = frozenset()

    def code_for(self, complement_code: str | None) -> str | None:
        if complement_code is None:
            return self.default
        return self.by_root.get(complement_code[:2], self.default)


@dataclass(frozen=True)
class Domain:
    """Text outside politics (sport, entertainment) where verbs of force, coercion and inquiry are figures
    of speech ("forcing a showdown" on the last lap): a sentence with one of `cues` codes none of `codes`
    (code prefixes: "17" is every coercion) unless a state, its forces or an armed group does it."""

    cues: frozenset[str] = frozenset()  # lemmas, or two-word phrases ("grand prix")
    codes: tuple[str, ...] = ()
    # code prefixes that, in such a sentence, need an actor coded with a role: "allowed two runners to score"
    political: tuple[str, ...] = ()

    def figurative(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.codes)

    def needs_politics(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.political)


@dataclass
class Lexicon:
    verbs: dict[str, list[VerbEntry]]  # verb lemma -> entries, most specific first
    nouns: dict[str, NounEntry]
    controls: dict[str, ControlEntry]
    critical: frozenset[str]
    origin: str = "<memory>"
    # verb lemma -> figures of speech that are no event whatever the verb codes ("fought back tears"); matched
    # like verb entries (particles, prepositions, objects), their `code` is empty
    idioms: dict[str, list[VerbEntry]] = field(default_factory=dict)
    domain: Domain = field(default_factory=Domain)

    @staticmethod
    @lru_cache(maxsize=1)
    def builtin() -> Lexicon:
        """The hand-written lexicon, extended with the verb patterns derived from the Phoenix dictionary
        (tools/derive_event_lexicon.py); hand entries are tried first at equal specificity. Read back from
        the user's cache folder when an earlier process built it from the same files (`data_cache`):
        parsing the TOML files takes about 0.17 CPU-s, reading the cached tables about 0.02."""
        data = resources.files("crosswire").joinpath("data")
        hand = data.joinpath("event_lexicon.toml").read_text(encoding="utf-8")
        derived_file = data.joinpath("event_lexicon_derived.toml")
        derived = derived_file.read_text(encoding="utf-8") if derived_file.is_file() else None
        codes = data.joinpath("cameo.tsv").read_text(encoding="utf-8")  # every code is checked against it

        def build() -> Lexicon:
            lexicon = parse_lexicon(hand, "crosswire/data/event_lexicon.toml")
            if derived is not None:
                extra = parse_lexicon(derived, "crosswire/data/event_lexicon_derived.toml")
                lexicon.add_verbs(extra.verbs)
            return lexicon

        sources = [Path(__file__).read_bytes(), Path(codebook_module.__file__ or "").read_bytes()]
        parts: list[str | bytes] = [hand, derived or "", codes, *sources]
        return data_cache.load_or_build("event_lexicon", parts, build)

    def add_verbs(self, verbs: dict[str, list[VerbEntry]]) -> None:
        """Add lower-priority verb entries: they only win over this lexicon's by being more specific."""
        for lemma, entries in verbs.items():
            own = self.verbs.get(lemma, [])
            ranked = [(e, 0) for e in own] + [(e, 1) for e in entries]
            ranked.sort(key=lambda pair: (-pair[0].specificity, pair[1]))
            self.verbs[lemma] = [e for e, _ in ranked]

    @classmethod
    def from_file(cls, path: str | Path) -> Lexicon:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise LexiconError(f"{path}: not UTF-8 text") from None
        return parse_lexicon(text, str(path))

    def verb_entries(self, lemma: str) -> list[VerbEntry]:
        return self.verbs.get(lemma.lower(), [])

    def entry_ids(self) -> set[str]:
        ids = {e.id for entries in self.verbs.values() for e in entries}
        return ids | {e.id for e in self.nouns.values()} | {e.id for e in self.controls.values()}

    def roots(self) -> set[str]:
        """The CAMEO roots ('01'..'20') some entry codes."""
        codes = [e.code for entries in self.verbs.values() for e in entries]
        codes += [e.code for e in self.nouns.values()]
        codes += [c for e in self.controls.values() for c in [e.default, *e.by_root.values()] if c]
        return {c[:2] for c in codes}


def _words(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: '{key}' must be a list of non-empty strings")
    return [v.strip().lower() for v in value]


def _code(value: Any, where: str, key: str, codebook: Codebook, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not codebook.is_valid(value):
        raise LexiconError(f"{where}: '{key}' = {value!r} is not a CAMEO code in the codebook")
    return value


def _read_verbs(
    items: list[Any], origin: str, codebook: Codebook, section: str = "verb"
) -> dict[str, list[VerbEntry]]:
    """`[[verb]]` entries; `[[idiom]]` ones (section "idiom") have the same conditions and no code."""
    verbs: dict[str, list[VerbEntry]] = {}
    for n, item in enumerate(items, 1):
        where = (
            f"{origin}: [[{section}]] #{n} ({item.get('id', 'no id') if isinstance(item, dict) else item!r})"
        )
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise LexiconError(f"{where}: each entry needs an 'id' string")
        lemmas = _words(item.get("lemmas"), where, "lemmas")
        if not lemmas:
            raise LexiconError(f"{where}: 'lemmas' is empty")
        targets = item.get("target_preps")
        for phrase in lemmas:
            head, *rest = phrase.split()
            entry = VerbEntry(
                id=item["id"],
                lemma=head,
                code="" if section == "idiom" else str(_code(item.get("code"), where, "code", codebook)),
                particles=tuple(rest),
                objects=frozenset(_words(item.get("objects"), where, "objects")),
                preps=frozenset(_words(item.get("preps"), where, "preps")),
                negated=_code(item.get("negated"), where, "negated", codebook, required=False),
                symmetric=bool(item.get("symmetric", False)),
                target_preps=(
                    DEFAULT_TARGET_PREPS
                    if targets is None
                    else frozenset(_words(targets, where, "target_preps"))
                ),
                confidence=float(item.get("confidence", 0.6)),
                no_clause=bool(item.get("no_clause", False)),
                needs_target=bool(item.get("needs_target", False)),
                no_content=bool(item.get("no_content", False)),
                object_content=bool(item.get("object_content", False)),
                object_preps=(
                    None
                    if item.get("object_preps") is None
                    else frozenset(_words(item.get("object_preps"), where, "object_preps"))
                ),
            )
            verbs.setdefault(head, []).append(entry)
    for entries in verbs.values():
        entries.sort(key=lambda e: -e.specificity)  # stable: file order breaks ties
    return verbs


def parse_lexicon(text: str, origin: str, codebook: Codebook | None = None) -> Lexicon:
    """Read the TOML lexicon; every code must be in `codebook` (the built-in one by default)."""
    codebook = codebook or Codebook.builtin()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{origin}: not valid TOML ({exc})") from None
    unknown = set(data) - {"verb", "noun", "control", "content", "idiom", "domain"}
    if unknown:
        raise LexiconError(f"{origin}: unknown section(s) {', '.join(sorted(unknown))}")
    verbs = _read_verbs(list(data.get("verb", [])), origin, codebook)
    nouns: dict[str, NounEntry] = {}
    for n, item in enumerate(data.get("noun", []), 1):
        where = f"{origin}: [[noun]] #{n} ({item.get('id', 'no id')})"
        entry = NounEntry(
            id=str(item.get("id") or f"noun.{n}"),
            code=str(_code(item.get("code"), where, "code", codebook)),
            symmetric=bool(item.get("symmetric", False)),
            failed=frozenset(_words(item.get("failed"), where, "failed")),
            requires=frozenset(_words(item.get("requires"), where, "requires")),
            confidence=float(item.get("confidence", 0.55)),
        )
        for lemma in _words(item.get("lemmas"), where, "lemmas"):
            nouns[lemma] = entry
    controls: dict[str, ControlEntry] = {}
    for n, item in enumerate(data.get("control", []), 1):
        where = f"{origin}: [[control]] #{n} ({item.get('id', 'no id')})"
        kind = item.get("kind")
        if kind not in CONTROL_KINDS:
            raise LexiconError(f"{where}: 'kind' must be one of {', '.join(sorted(CONTROL_KINDS))}")
        by_root = item.get("by_root") or {}
        if not isinstance(by_root, dict):
            raise LexiconError(f"{where}: 'by_root' must be a table of root -> code")
        entry_c = ControlEntry(
            id=str(item.get("id") or f"control.{n}"),
            kind=kind,
            default=_code(item.get("default"), where, "default", codebook, required=False),
            by_root={str(k): str(_code(v, where, f"by_root.{k}", codebook)) for k, v in by_root.items()},
            undoing=frozenset(_words(item.get("undoing"), where, "undoing")),
            speaking=frozenset(_words(item.get("speaking"), where, "speaking")),
        )
        for lemma in _words(item.get("lemmas"), where, "lemmas"):
            controls[lemma] = entry_c
    content = data.get("content") or {}
    critical = frozenset(_words(content.get("critical"), f"{origin}: [content]", "critical"))
    idioms = _read_verbs(list(data.get("idiom", [])), origin, codebook, section="idiom")
    domain_data = data.get("domain") or {}
    where = f"{origin}: [domain]"
    codes = _words(domain_data.get("codes"), where, "codes")
    political = _words(domain_data.get("political"), where, "political")
    if any(not c.isdigit() for c in codes + political):
        raise LexiconError(f"{where}: 'codes' and 'political' must be CAMEO code prefixes (digits)")
    domain = Domain(
        cues=frozenset(_words(domain_data.get("cues"), where, "cues")),
        codes=tuple(codes),
        political=tuple(political),
    )
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        controls=controls,
        critical=critical,
        origin=origin,
        idioms=idioms,
        domain=domain,
    )
