"""Wire dependence: which articles of a story are not independent of each other.

Three outlets reprinting one Reuters dispatch are one source, not three. Two signals link articles of
different outlets:

- a shared passage: articles share at least `MIN_SHARED_SHINGLES` word 5-shingles (about a 30-word
  stretch copied verbatim) or one's shingles are at least `MIN_CONTAINMENT` contained in the other's,
  counting the writer's words only: the same statement quoted verbatim by two newsrooms is no copy.
  Small stories are compared exactly; larger ones find candidate pairs with MinHash LSH first
  (datasketch), then verify exactly, so nothing is compared all-pairs.
- the same wire agency credited in the text or captions: a dateline "(Yonhap)", "Reuters reported",
  "according to AP", "(AFP) -", "Reporting by ... for Reuters". Only wire services count: state media
  being *reported on* ("KCNA reported") is the story's subject, and two newsrooms quoting it independently
  are still two sources.

Linked articles form a dependence group (union-find); `independent_outlets` counts one outlet per group.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from crosswire.knowledge.alternation import first_letter_alternation
from crosswire.knowledge.sources import wire_credits
from crosswire.model import Article

SHINGLE = 5
# Copied passages and agency credits are looked for in an article's first million characters (the
# most any article is analysed for): a 50 MB text dump otherwise cost 1.4 GB of shingles in every
# comparison of its story.
SCAN_CHARS = 1_000_000
MIN_SHARED_SHINGLES = 25
MIN_CONTAINMENT = 0.5
LSH_ABOVE = 40  # stories with more articles than this use MinHash LSH to find candidate pairs
LSH_THRESHOLD = 0.2
NUM_PERM = 64

# Wire agencies and the names they go by in credits (the `credits` of the sources registry's entries);
# KCNA, Rodong Sinmun, Xinhua as *subjects* are not credits.
AGENCIES: dict[str, tuple[str, ...]] = wire_credits()
_ALIAS = {alias.lower(): name for name, aliases in AGENCIES.items() for alias in aliases}
_NAMES = first_letter_alternation(
    sorted((re.escape(a) for aliases in AGENCIES.values() for a in aliases), key=len, reverse=True),
    ignore_case=False,
)
# Case matters for the short acronyms ("AP" not "ap"), so the credit patterns are case-sensitive.
_WORD = re.compile(r"\w+")


def _patterns(names: str) -> list[re.Pattern[str]]:
    return [
        re.compile(rf"\((?P<a>{names})\)"),  # dateline or photo credit: "(Yonhap)"
        re.compile(rf"\((?P<a>{names}) Photo\b"),
        re.compile(rf"\b(?P<a>{names}) (?:reported|said in a report|news agency reported)\b"),
        re.compile(rf"\b[Aa]ccording to (?:the )?(?P<a>{names})\b"),
        re.compile(rf"\b[Rr]eporting by [^.\n]{{1,80}}? for (?P<a>{names})\b"),
        re.compile(rf"^(?:[A-Z][A-Za-z .,'-]{{1,40}})?\(?(?P<a>{names})\)? ?(?:--|\u2014|\u2013|-) ", re.M),
        re.compile(rf"\b[Pp]hoto:? (?P<a>{names})\b"),
    ]


_CREDIT_PATTERNS = _patterns(_NAMES)


def agency_credits(article: Article, outlets: Iterable[str] = ()) -> set[str]:
    """The wire agencies `article` credits in its text or photo captions (canonical names). `outlets` are
    further names to look for: a story's other outlets, so a reprint crediting "(Meridian Wire)" counts
    even when that agency is in no list."""
    found = set(_agencies_credited(article.text, tuple(article.captions)))
    others = sorted({o for o in outlets if o and o != article.outlet}, key=len, reverse=True)
    extra = _patterns("|".join(re.escape(o) for o in others)) if others else []
    for chunk in [article.text[:SCAN_CHARS], *article.captions]:
        for pattern in extra:
            for m in pattern.finditer(chunk):
                found.add(m.group("a"))
    return found


# The stories step and then the report look for the same articles' credits: the answers for the articles
# met last are kept, as their shingles are (`_text_shingles`).
@functools.lru_cache(maxsize=128)
def _agencies_credited(text: str, captions: tuple[str, ...]) -> frozenset[str]:
    """The wire agencies of the built-in list that `text` or `captions` credit (canonical names)."""
    found: set[str] = set()
    for chunk in [text[:SCAN_CHARS], *captions]:
        for pattern in _CREDIT_PATTERNS:
            for m in pattern.finditer(chunk):
                found.add(_ALIAS[m.group("a").lower()])
    return frozenset(found)


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Hashes of the word `size`-grams of `text` (lower-cased)."""
    words = [w.lower() for w in _WORD.findall(text, 0, SCAN_CHARS)]
    return {hash(" ".join(words[i : i + size])) for i in range(max(0, len(words) - size + 1))}


# Quoted words: two newsrooms quoting one statement verbatim have not copied each other, so copied
# passages are looked for in the writer's own words only (a quotation is cut out, and no shingle spans
# the cut). Straight quotes pair within a paragraph.
_QUOTED = re.compile(r"\u201c[^\u201c\u201d]{0,3000}\u201d|\"[^\"\n]{0,3000}\"")


def narrative_shingles(text: str, size: int = SHINGLE) -> set[int]:
    """`shingles` of the text outside its quotations (see _QUOTED)."""
    out: set[int] = set()
    for part in _QUOTED.split(text[:SCAN_CHARS]):
        out |= shingles(part, size)
    return out


# Stories compare each story's articles, then the report compares its stories again: the shingles of the
# articles met last are kept (about 60 KB each), so the report does not hash their words a second time.
@functools.lru_cache(maxsize=128)
def _text_shingles(text: str) -> frozenset[int]:
    return frozenset(narrative_shingles(text))


def shares_passage(a: set[int] | frozenset[int], b: set[int] | frozenset[int]) -> bool:
    """True when two shingle sets share a copied passage (see the module docstring)."""
    if not a or not b:
        return False
    common = len(a & b)
    return common >= MIN_SHARED_SHINGLES or common / min(len(a), len(b)) >= MIN_CONTAINMENT


@dataclass
class WireLink:
    """Why two articles depend on each other: "passage" or "agency:<name>"."""

    a: str
    b: str
    reason: str


@dataclass
class Dependence:
    """Dependence groups of a story's articles: `group_of[article_id]` -> group number."""

    group_of: dict[str, int] = field(default_factory=dict)
    links: list[WireLink] = field(default_factory=list)
    agencies: dict[str, list[str]] = field(default_factory=dict)  # article id -> agencies credited

    def groups(self) -> list[list[str]]:
        out: dict[int, list[str]] = {}
        for aid, g in self.group_of.items():
            out.setdefault(g, []).append(aid)
        return sorted((sorted(v) for v in out.values()), key=lambda v: (-len(v), v))

    def independent_outlets(self, reports: Iterable[tuple[str, str | None]]) -> list[str]:
        """One outlet per dependence group among `reports` ((article_id, outlet) pairs), sorted."""
        chosen: dict[int, str] = {}
        for aid, outlet in sorted(reports, key=lambda r: (r[1] or "", r[0])):
            g = self.group_of.get(aid, hash(aid))
            if outlet and g not in chosen and outlet not in chosen.values():
                chosen[g] = outlet
        return sorted(chosen.values())


def _candidate_pairs(sets: Sequence[frozenset[int]]) -> Iterable[tuple[int, int]]:
    n = len(sets)
    if n <= LSH_ABOVE:
        return ((i, j) for i in range(n) for j in range(i + 1, n))
    # Only stories of more than LSH_ABOVE articles need it, and importing datasketch loads SciPy
    # (about 0.7 s, 3% of a 100-article analysis).
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    sketches = []
    for i, s in enumerate(sets):
        mh = MinHash(num_perm=NUM_PERM)
        mh.update_batch([str(h).encode() for h in s])
        sketches.append(mh)
        lsh.insert(str(i), mh)
    pairs = set()
    for i, mh in enumerate(sketches):
        for key in lsh.query(mh):
            j = int(key)
            if j != i:
                pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def find_dependence(articles: Sequence[Article]) -> Dependence:
    """Dependence groups among `articles` (normally one story's): shared passages and shared agency
    credits between different outlets, plus the ingest deduplicator's near-duplicate links."""
    ids = [a.id for a in articles]
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    dep = Dependence()
    sets = [_text_shingles(a.text) for a in articles]
    outlets = {a.outlet for a in articles if a.outlet}
    credits = [agency_credits(a, outlets) for a in articles]
    for i, j in _candidate_pairs(sets):
        if shares_passage(sets[i], sets[j]):
            union(i, j)
            dep.links.append(WireLink(ids[i], ids[j], "passage"))
    position = {aid: i for i, aid in enumerate(ids)}
    for i, art in enumerate(articles):
        for other in [*art.near_duplicates, *([art.duplicate_of] if art.duplicate_of else [])]:
            if other in position and find(i) != find(position[other]):
                union(i, position[other])
                dep.links.append(WireLink(art.id, other, "near-duplicate"))
    by_agency: dict[str, list[int]] = {}
    for i, names in enumerate(credits):
        for name in names:
            by_agency.setdefault(name, []).append(i)
    for i, art in enumerate(articles):
        for j, source in enumerate(articles):
            if (
                source.outlet
                and source.outlet in credits[i]
                and source.outlet != art.outlet
                and find(i) != find(j)
            ):
                union(i, j)
                dep.links.append(WireLink(art.id, source.id, f"credits:{source.outlet}"))
    for name, members in sorted(by_agency.items()):
        for j in members[1:]:
            if articles[j].outlet != articles[members[0]].outlet and find(j) != find(members[0]):
                union(members[0], j)
                dep.links.append(WireLink(ids[members[0]], ids[j], f"agency:{name}"))
    dep.group_of = {aid: find(i) for i, aid in enumerate(ids)}
    dep.agencies = {aid: sorted(c) for aid, c in zip(ids, credits, strict=True) if c}
    return dep
