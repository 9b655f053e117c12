"""A story's generated title, and links between related stories.

Title: the member headline that shares the most words with the other members' headlines, i.e. the
most central one lexically; it needs no vectors, so an index reloaded from disk can still name its
stories. Ties go to the shorter headline (less outlet-specific spin).

Related stories: centroids similar enough to be about the same affair (RELATED_COSINE and up) but not
merged, because they are further apart in time or below the join threshold, and within RELATED_DAYS
of each other; or stories that share at least two core actors in that time. Computed block-wise over
stories sorted by date, never all-pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Protocol

import numpy as np

CORE_SHARE = 0.5  # an actor is part of a story's core when at least this share of its articles name it
RELATED_COSINE = 0.5
RELATED_DAYS = 90
MAX_RELATED = 5
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of to in on for and or but with at by from as is are was were be has have had it its "
    "this that after over says said will would could new".split()
)


class StoryIndex(Protocol):
    """What the related-story links read of `cluster.StoryIndex` (which imports this module)."""

    actors: list[Counter[str]]
    members: list[list[str]]
    dated: np.ndarray
    first: np.ndarray
    last: np.ndarray

    def __len__(self) -> int: ...
    def centroids(self) -> np.ndarray: ...


def core_actors(counts: Counter[str], n: int) -> frozenset[str]:
    """The actors named by at least CORE_SHARE of a story's `n` articles (`counts`: actor -> articles)."""
    need = max(1.0, CORE_SHARE * n)
    return frozenset(k for k, c in counts.items() if c >= need)


def _words(title: str) -> set[str]:
    return {w for w in _WORD.findall(title.lower()) if w not in _STOP}


def story_title(titles: list[str]) -> str | None:
    """The most central of the members' headlines (see the module docstring)."""
    titles = [t for t in titles if t and t.strip()]
    if not titles:
        return None
    sample = titles[:50]  # centrality over the first 50 is plenty and keeps big stories cheap
    words = [_words(t) for t in sample]
    freq: Counter[str] = Counter(w for ws in words for w in ws)

    def centrality(i: int) -> tuple[float, int]:
        shared = sum(freq[w] - 1 for w in words[i])
        return (shared / (len(words[i]) or 1) ** 0.5, -len(sample[i]))

    return sample[max(range(len(sample)), key=centrality)]


def related_stories(index: StoryIndex, block: int = 512) -> dict[int, list[int]]:
    """For each story (by position in the index), up to MAX_RELATED related stories, most similar first."""
    n = len(index)
    if n < 2:
        return {}
    centroids = index.centroids()
    dated = np.flatnonzero(index.dated[:n])
    undated = np.flatnonzero(~index.dated[:n])
    order = dated[np.argsort(index.first[dated], kind="stable")]
    firsts = index.first[order]
    longest = int((index.last[dated] - index.first[dated]).max()) if len(dated) else 0
    out: dict[int, list[int]] = {}
    for start in range(0, len(order), block):
        rows = order[start : start + block]
        lo = int(index.first[rows].min()) - RELATED_DAYS
        hi = int(index.last[rows].max()) + RELATED_DAYS
        # Stories that start early enough to end within reach: no span is longer than `longest`.
        left = np.searchsorted(firsts, lo - longest, side="left")
        right = np.searchsorted(firsts, hi, side="right")
        cols = np.concatenate([order[left:right], undated])
        _link(index, centroids, rows, cols, out)
    if len(undated):
        _link(index, centroids, undated, np.arange(n), out)
    return out


def _link(
    index: StoryIndex, centroids: np.ndarray, rows: np.ndarray, cols: np.ndarray, out: dict[int, list[int]]
) -> None:
    sims = centroids[rows] @ centroids[cols].T
    for i, s in enumerate(rows):
        s = int(s)
        scored: list[tuple[float, int]] = []
        core = None
        for j in np.argsort(-sims[i]):
            t = int(cols[j])
            if t == s or not _near_in_time(index, s, t):
                continue
            sim = float(sims[i, j])
            if sim < RELATED_COSINE:
                if core is None:
                    core = core_actors(index.actors[s], len(index.members[s]))
                if len(core) < 2 or sim < RELATED_COSINE / 2:
                    break  # sorted by similarity: nothing further down qualifies by cosine either
                shared = core & core_actors(index.actors[t], len(index.members[t]))
                if len(shared) < 2:
                    continue
            scored.append((sim, t))
            if len(scored) >= MAX_RELATED:
                break
        if scored:
            out[s] = [t for _, t in scored]


def _near_in_time(index: StoryIndex, s: int, t: int) -> bool:
    if not (index.dated[s] and index.dated[t]):
        return True
    gap = max(0, int(index.first[t]) - int(index.last[s]), int(index.first[s]) - int(index.last[t]))
    return gap <= RELATED_DAYS
