"""Actor codes for noun phrases: dictionary actors, agents, compounds and dates.

A noun phrase's code is its first dictionary actor (date-restricted codes resolved with the sentence's
date) combined with the agents found in it: `Arnor's foreign minister` -> ARN + ~GOVFRM = ARNGOVFRM,
`MSF Arnor diplomat` -> NGO~ + ARN + ~GOV. A phrase with agents but no actor gets the null country
`---` (`officials` -> ---GOV). Coordinated phrases (`Gondor and Osgiliath`, `lawmakers and officials
in Fornost and Gondor`) are expanded into one reading per combination of conjuncts, so a compound
actor yields one code per actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import product

from crosswire.knowledge.petrarch.dictionaries import NULL_CODE, ActorEntry, AgentEntry, Dictionaries

from .parse import Node

# Phrases that are not part of the noun phrase's actor: clauses and verb phrases inside it.
CLAUSES = {"S", "SBAR", "SBARQ", "SINV", "SQ", "VP", "RRC", "UCP-S"}
NOUN_TAGS = ("NN", "NNS", "NNP", "NNPS", "PRP", "CD")
MAX_READINGS = 64  # compounds inside compounds multiply; beyond this the phrase is not worth coding


def is_np(node: Node) -> bool:
    return not node.is_leaf and node.base == "NP"


def _is_noun(node: Node) -> bool:
    return node.is_leaf and node.label.startswith(("NN", "PRP"))


def conjunct_groups(node: Node) -> list[list[Node]] | None:
    """The conjuncts of a coordinated noun phrase, or None when it is not one.

    Needs a CC among the children: commas alone mark apposition (`Osgiliath, the state's fiercest
    foe`), not a list. In a flat phrase the CC must stand between nouns, so `awful and evil minister`
    and `2000 and 2004` stay single phrases.
    """
    kids = node.children
    cc_at = [i for i, k in enumerate(kids) if k.is_leaf and k.label == "CC"]
    if not cc_at:
        return None
    flat = all(k.is_leaf for k in kids)
    if flat:
        ok = [
            i
            for i in cc_at
            if 0 < i < len(kids) - 1
            and _is_noun(kids[i - 1])
            and kids[i + 1].label.startswith(("NN", "DT", "JJ"))
        ]
        if not ok:
            return None
    groups: list[list[Node]] = [[]]
    for kid in kids:
        if kid.is_leaf and (kid.label == "CC" or kid.word in (",", ";", ":")):
            groups.append([])
        else:
            groups[-1].append(kid)
    groups = [
        g for g in groups if any(is_np(k) or _is_noun(k) or (not k.is_leaf and k.base != "PRN") for k in g)
    ]
    if len(groups) < 2:
        return None
    if not flat and not any(is_np(k) for g in groups for k in g):
        return None
    return groups


def readings(node: Node, dicts: Dictionaries | None = None) -> list[list[int]]:
    """Alternative leaf-index sequences for a phrase, one per combination of conjuncts."""
    if node.is_leaf:
        return [[node.index]]
    if node.base in CLAUSES:
        return [[]]
    groups = conjunct_groups(node) if is_np(node) else None
    if groups is not None:
        out: list[list[int]] = []
        first = [k.index for k in groups[0] if k.is_leaf]
        for n, group in enumerate(groups):
            for seq in _sequence(group, dicts):
                # `Danish media and government`: a bare noun conjunct shares the first one's modifiers.
                if (
                    n > 0
                    and len(group) == 1
                    and group[0].is_leaf
                    and len(first) > 1
                    and not _is_actor(seq, group, dicts)
                ):
                    seq = first[:-1] + seq
                out.append(seq)
        return out[:MAX_READINGS]
    return _sequence(node.children, dicts)


def _is_actor(seq: list[int], group: list[Node], dicts: Dictionaries | None) -> bool:
    if dicts is None:
        return False
    word = group[0].word.upper() if group[0].word else ""
    return dicts.actor_index.match([word], 0) is not None


def _sequence(nodes: list[Node], dicts: Dictionaries | None) -> list[list[int]]:
    seqs: list[list[int]] = [[]]
    for child in nodes:
        alternatives = readings(child, dicts)
        seqs = [s + a for s, a in product(seqs, alternatives)][:MAX_READINGS]
    return seqs


@dataclass(frozen=True)
class Match:
    start: int
    length: int
    entry: ActorEntry | AgentEntry


def find_matches(words: list[str], dicts: Dictionaries) -> tuple[list[Match], list[Match]]:
    """Longest dictionary matches left to right: (actors, agents); a word belongs to one match."""
    actors: list[Match] = []
    agents: list[Match] = []
    i = 0
    while i < len(words):
        actor = dicts.actor_index.match(words, i)
        agent = dicts.agent_index.match(words, i)
        if actor and (not agent or actor[0] >= agent[0]):
            actors.append(Match(i, actor[0], actor[1]))  # type: ignore[arg-type]
            i += actor[0]
        elif agent:
            agents.append(Match(i, agent[0], agent[1]))  # type: ignore[arg-type]
            i += agent[0]
        else:
            i += 1
    return actors, agents


def _contains_aligned(code: str, part: str) -> bool:
    """True when `part` already sits in `code` on a 3-letter boundary (USAGOV already has GOV)."""
    return any(code[i : i + len(part)] == part for i in range(0, len(code), 3))


def combine(actor: str, prefixes: list[str], suffixes: list[str]) -> str:
    code = actor
    for agent in suffixes:
        if not _contains_aligned(code, agent):
            code += agent
    for agent in reversed(prefixes):
        if not _contains_aligned(code, agent):
            code = agent + code
    return code


def code_words(words: list[str], dicts: Dictionaries, day: date | None) -> list[str]:
    """Codes for one reading of a phrase: [] when it names no actor and no agent."""
    actors, agents = find_matches(words, dicts)
    actor_codes: list[str] = []
    for match in actors:
        actor_codes = match.entry.codes_on(day)  # type: ignore[union-attr]
        if actor_codes:
            break
    prefixes = [m.entry.code for m in agents if m.entry.prefix]  # type: ignore[union-attr]
    suffixes = [m.entry.code for m in agents if not m.entry.prefix]  # type: ignore[union-attr]
    if not actor_codes:
        if not agents:
            return []
        actor_codes = [NULL_CODE]
    return [combine(code, prefixes, suffixes) for code in actor_codes]


def code_phrase(node: Node, leaves: list[Node], dicts: Dictionaries, day: date | None) -> list[str]:
    """All codes a noun phrase stands for (several for a compound); [] for an uncoded phrase."""
    codes: list[str] = []
    for seq in readings(node, dicts):
        words = [leaves[i].word.upper() for i in seq if leaves[i].word]  # type: ignore[union-attr]
        for code in code_words(words, dicts, day):
            if code not in codes:
                codes.append(code)
    return codes
