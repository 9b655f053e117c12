"""Group articles into stories, incrementally: a new article joins the best existing story or starts one.

An article joins a story when its combined similarity to the story reaches `threshold`:

    score = mean cosine to the story's articles (average linkage: article vector . story's vector sum / n)
          + ACTOR_WEIGHT * rarity-weighted Jaccard(article actors, story's core actors)
          + EVENT_WEIGHT * Jaccard(article events, story's core events)
          - time penalty (0 within GRACE_DAYS of the story's date span, rising to TIME_PENALTY at window_days)

and stories further than `window_days` away, or whose mean cosine is under MIN_COSINE, are never
candidates. The threshold favours precision: a false merge would claim that two newsrooms corroborated
each other, while a missed merge only shows one story twice. Average rather than centroid linkage for
the same reason: a story that has absorbed several neighbours has a centroid close to their whole topic
and would then pull in every article of that topic; its mean cosine to its members stays low.
The values (threshold 0.55, actors 0.3, 21-day window, 2 grace days, penalty 0.5) come from a sweep on
BASIL (evaluation/stories.py): they meet the targets overall and in every year; thresholds 0.5 and 0.6
still meet them overall but miss the per-year ARI target in one year each (0.86, 0.89).

Scaling: the index keeps the stories' vector sums in one matrix and their date spans in arrays. Articles
are processed in date order in blocks; for each block, the candidate stories are those whose span lies
within the window of the block's dates, and one matrix product scores the whole block against them. Joins
made inside the block are folded in exactly through the block's own Gram matrix, so the result equals
adding the articles one at a time. Nothing is ever compared all-pairs.
"""

from __future__ import annotations

import io
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.model import stable_id
from crosswire.stories.embed import DIMENSION, embed_texts
from crosswire.stories.inputs import StoryInput
from crosswire.stories.titles import CORE_SHARE, core_actors, related_stories, story_title

THRESHOLD = 0.55
WINDOW_DAYS = 21
GRACE_DAYS = 2
TIME_PENALTY = 0.5
ACTOR_WEIGHT = 0.3
EVENT_WEIGHT = 0.10
BLOCK = 256
MAX_SCORED = 16
LINKAGE = "average"
MIN_COSINE = 0.4
# Tokens of title + lead that are embedded (the model takes up to 256). MiniLM's cost grows with the
# input's length: the first 64 tokens (the headline and about the first sentence) group BASIL about as
# well as 256 (B-cubed F1 0.989 against 0.993, ARI 0.983 against 0.988, every year above target) at
# 37% of the CPU, a tenth of a whole analysis (docs/accuracy.md "Story grouping", docs/benchmarks.md).
EMBED_TOKENS = 64
# 2: vectors of the first EMBED_TOKENS tokens (1: of up to 256); an index of another version is rebuilt.
STATE_VERSION = 2


@dataclass
class Cluster:
    """A story found by grouping: its articles and what describes it."""

    key: str
    article_ids: list[str]
    outlets: list[str]
    date_span: tuple[str | None, str | None]
    title: str | None = None
    actors: list[str] = field(default_factory=list)  # most shared first
    related: list[str] = field(default_factory=list)  # keys of related stories


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def weighted_jaccard(a: frozenset[str], b: frozenset[str], weight: dict[str, float] | None = None) -> float:
    """Jaccard with each element weighted (by its rarity): sharing "Blumenthal" says more than "Trump"."""
    if not a or not b:
        return 0.0
    if weight is None:
        return jaccard(a, b)
    inter = sum(weight.get(x, 1.0) for x in a & b)
    union = sum(weight.get(x, 1.0) for x in a | b)
    return inter / union if union else 0.0


def time_penalty(distance_days: int, window_days: int) -> float:
    """Nothing within the grace period; then linear up to TIME_PENALTY at the window's edge."""
    if distance_days <= GRACE_DAYS or window_days <= GRACE_DAYS:
        return 0.0
    return TIME_PENALTY * min(1.0, (distance_days - GRACE_DAYS) / (window_days - GRACE_DAYS))


class StoryIndex:
    """Stories so far: centroids (as vector sums), members, date spans, outlets, actor and event counts."""

    def __init__(self, *, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.sums = np.zeros((64, DIMENSION), dtype=np.float32)
        self.norms = np.zeros(64, dtype=np.float32)
        self.counts = np.zeros(64, dtype=np.float32)  # members per story: average linkage divides by it
        self.first = np.zeros(64, dtype=np.int64)  # proleptic ordinal days; meaningful where `dated`
        self.last = np.zeros(64, dtype=np.int64)
        self.dated = np.zeros(64, dtype=bool)
        self.keys: list[str] = []
        self.members: list[list[str]] = []
        self.titles: list[list[str]] = []
        self.outlets: list[Counter[str]] = []
        self.actors: list[Counter[str]] = []
        self.events: list[Counter[str]] = []
        self.story_of: dict[str, int] = {}
        self.actor_df: Counter[str] = Counter()  # articles naming each actor, for rarity weights
        # The caller's own JSON-serialisable bookkeeping, saved with the index (e.g. what each article
        # looked like when it was added, so a caller can tell when the index is stale).
        self.notes: dict[str, Any] = {}

    def __len__(self) -> int:
        return len(self.keys)

    # -- adding ----------------------------------------------------------------------------------
    def add(self, item: StoryInput, vector: np.ndarray | None = None) -> str:
        """Add one article; the key of the story it joined or started."""
        vectors = None if vector is None else np.asarray(vector, dtype=np.float32).reshape(1, -1)
        return self.add_many([item], vectors)[0]

    def add_many(self, items: Sequence[StoryInput], vectors: np.ndarray | None = None) -> list[str]:
        """Add articles (in date order, undated last); their story keys in the order given.
        An article already in the index keeps its story."""
        if vectors is None:
            texts = [it.text for it in items]
            vectors = embed_texts(texts, max_length=EMBED_TOKENS) if items else np.zeros((0, DIMENSION))
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.shape != (len(items), DIMENSION):
            raise ValueError(
                f"StoryIndex.add_many: expected vectors of shape ({len(items)}, {DIMENSION}), "
                f"got {vectors.shape}"
            )
        days = [it.published.toordinal() if it.published else None for it in items]
        order = sorted(range(len(items)), key=lambda i: (days[i] is None, days[i] or 0, items[i].article_id))
        dated = [i for i in order if days[i] is not None]
        undated = [i for i in order if days[i] is None]
        for group in (dated, undated):
            for start in range(0, len(group), BLOCK):
                rows = group[start : start + BLOCK]
                self._add_block([items[i] for i in rows], vectors[rows], [days[i] for i in rows])
        return [self.keys[self.story_of[it.article_id]] for it in items]

    def _candidates(self, day_min: int | None, day_max: int | None) -> np.ndarray:
        n = len(self.keys)
        if day_min is None or day_max is None:
            return np.arange(n)
        w = self.window_days
        mask = ~self.dated[:n] | ((self.last[:n] >= day_min - w) & (self.first[:n] <= day_max + w))
        return np.flatnonzero(mask)

    def _add_block(self, items: list[StoryInput], x: np.ndarray, days: list[int | None]) -> None:
        known = [d for d in days if d is not None]
        cand = self._candidates(min(known, default=None), max(known, default=None))
        base = x @ self.sums[cand].T if len(cand) else np.zeros((len(items), 0), dtype=np.float32)
        gram = x @ x.T
        # Stories joined or started inside this block: their sums moved since `base` was computed.
        # touched_ids[k] is the k-th such story, touched_at[k] its column in `base` (-1: started here),
        # incidence[k, r] = 1 when block row r joined it; incidence @ gram[j] is then exactly what the
        # block's joins added to row j's dot products.
        size = len(items)
        touched_ids = np.zeros(size, dtype=np.int64)
        touched_at = np.zeros(size, dtype=np.int64)
        incidence = np.zeros((size, size), dtype=np.float32)
        n_touched = 0
        touched_pos: dict[int, int] = {}
        cand_pos = {int(s): p for p, s in enumerate(cand)}
        for j, item in enumerate(items):
            if item.article_id in self.story_of:
                continue
            dots, ids = base[j], cand
            if n_touched:
                extra = incidence[:n_touched] @ gram[j]
                at = touched_at[:n_touched]
                moved = at >= 0
                dots = dots.copy()
                dots[at[moved]] += extra[moved]
                if not moved.all():
                    ids = np.concatenate([cand, touched_ids[:n_touched][~moved]])
                    dots = np.concatenate([dots, extra[~moved]])
            best = self._best(item, dots, ids, days[j])
            if best is None:
                best = self._new_story(item)
            self._join(best, item, x[j], days[j])
            k = touched_pos.get(best)
            if k is None:
                k = touched_pos[best] = n_touched
                touched_ids[k], touched_at[k] = best, cand_pos.get(best, -1)
                n_touched += 1
            incidence[k, j] = 1.0

    def _best(self, item: StoryInput, dots: np.ndarray, ids: np.ndarray, day: int | None) -> int | None:
        if not len(ids):
            return None
        if LINKAGE == "average":
            sims = dots / np.maximum(self.counts[ids], 1.0)
        else:
            sims = dots / np.maximum(self.norms[ids], 1e-12)
        # Only stories whose cosine could still reach the threshold with the bonuses this article can
        # earn are scored fully, and of those only the MAX_SCORED most similar (in a dense period many
        # stories of one topic pass the floor, and a bonus of at most 0.4 rarely lifts a far-down one to the top).
        bonus_max = (ACTOR_WEIGHT if item.actors else 0.0) + (EVENT_WEIGHT if item.events else 0.0)
        # Shared actors alone never make a story: two stories about one president on one day share them.
        floor = max(MIN_COSINE, self.threshold - bonus_max)
        if day is not None:
            w = self.window_days
            in_window = ~self.dated[ids] | ((self.last[ids] >= day - w) & (self.first[ids] <= day + w))
            sims = np.where(in_window, sims, -1.0)
        best, best_score = None, self.threshold
        passing = np.flatnonzero(sims >= floor)
        if len(passing) > MAX_SCORED:
            passing = passing[np.argpartition(-sims[passing], MAX_SCORED - 1)[:MAX_SCORED]]
        for p in passing:
            s = int(ids[p])
            score = float(sims[p]) + self._bonus(s, item, day)
            if score >= best_score:
                best, best_score = s, score
        return best

    def _bonus(self, s: int, item: StoryInput, day: int | None) -> float:
        n = len(self.members[s])
        core = core_actors(self.actors[s], n)
        bonus = ACTOR_WEIGHT * weighted_jaccard(item.actors, core, self._rarity(item.actors | core))
        bonus += EVENT_WEIGHT * jaccard(item.events, core_actors(self.events[s], n))
        if day is not None and self.dated[s]:
            distance = max(0, int(self.first[s]) - day, day - int(self.last[s]))
            bonus -= time_penalty(distance, self.window_days)
        return bonus

    def _rarity(self, actors: frozenset[str]) -> dict[str, float]:
        """Inverse document frequency of each actor among the articles indexed so far."""
        total = len(self.story_of) + 1
        return {a: math.log(1.0 + total / (1.0 + self.actor_df[a])) for a in actors}

    def _new_story(self, item: StoryInput) -> int:
        s = len(self.keys)
        if s == len(self.norms):
            self._grow()
        self.keys.append(stable_id("story", item.article_id))
        self.members.append([])
        self.titles.append([])
        self.outlets.append(Counter())
        self.actors.append(Counter())
        self.events.append(Counter())
        return s

    def _grow(self) -> None:
        cap = 2 * len(self.norms)
        self.sums = np.concatenate([self.sums, np.zeros_like(self.sums)])
        for name in ("norms", "counts", "first", "last", "dated"):
            arr = getattr(self, name)
            setattr(self, name, np.concatenate([arr, np.zeros(cap - len(arr), dtype=arr.dtype)]))

    def _join(self, s: int, item: StoryInput, vector: np.ndarray, day: int | None) -> None:
        self.sums[s] += vector
        self.norms[s] = float(np.linalg.norm(self.sums[s]))
        self.counts[s] += 1.0
        if day is not None:
            if self.dated[s]:
                self.first[s] = min(int(self.first[s]), day)
                self.last[s] = max(int(self.last[s]), day)
            else:
                self.first[s] = self.last[s] = day
                self.dated[s] = True
        self.members[s].append(item.article_id)
        self.titles[s].append(item.title)
        if item.outlet:
            self.outlets[s][item.outlet] += 1
        self.actors[s].update(
            sorted(item.actors)
        )  # sorted: ties in most_common() keep a hash-seed-free order
        self.actor_df.update(item.actors)
        self.events[s].update(item.events)
        self.story_of[item.article_id] = s

    # -- reading -----------------------------------------------------------------------------------
    def centroids(self) -> np.ndarray:
        n = len(self.keys)
        return self.sums[:n] / np.maximum(self.norms[:n], 1e-12)[:, None]

    def date_span(self, s: int) -> tuple[str | None, str | None]:
        if not self.dated[s]:
            return (None, None)
        return (
            date.fromordinal(int(self.first[s])).isoformat(),
            date.fromordinal(int(self.last[s])).isoformat(),
        )

    def clusters(self, *, with_related: bool = True) -> list[Cluster]:
        """The stories, largest first, with generated titles and (optionally) related-story links."""
        related = related_stories(self) if with_related else {}
        out = []
        for s, key in enumerate(self.keys):
            n = len(self.members[s])
            shared = [a for a, c in self.actors[s].most_common(8) if c >= max(1.0, CORE_SHARE * n)]
            out.append(
                Cluster(
                    key=key,
                    article_ids=list(self.members[s]),
                    outlets=sorted(self.outlets[s]),
                    date_span=self.date_span(s),
                    title=story_title(self.titles[s]),
                    actors=shared,
                    related=[self.keys[r] for r in related.get(s, [])],
                )
            )
        out.sort(key=lambda c: (-len(c.article_ids), c.date_span[0] or "", c.key))
        return out

    # -- saving ------------------------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the index to one .npz file (arrays plus a JSON document; no pickles)."""
        payload = self.to_bytes()
        with open(path, "wb") as fh:
            fh.write(payload)

    @classmethod
    def load(cls, path: str | Path) -> StoryIndex:
        try:
            with open(path, "rb") as fh:
                payload = fh.read()
        except OSError as exc:
            raise ValueError(f"{path}: not a story index file ({exc})") from exc
        return cls.from_bytes(payload, source=str(path))

    def to_bytes(self) -> bytes:
        """The index as the bytes of one .npz file (what `save` writes), e.g. to keep in a database."""
        n = len(self.keys)
        meta = {
            "version": STATE_VERSION,
            "threshold": self.threshold,
            "window_days": self.window_days,
            "keys": self.keys,
            "members": self.members,
            "titles": self.titles,
            "outlets": [dict(c) for c in self.outlets],
            "actors": [dict(c) for c in self.actors],
            "events": [dict(c) for c in self.events],
            "actor_df": dict(self.actor_df),
            "notes": self.notes,
        }
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            sums=self.sums[:n],
            first=self.first[:n],
            last=self.last[:n],
            dated=self.dated[:n],
            meta=np.array(json.dumps(meta)),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, payload: bytes, *, source: str = "story index") -> StoryIndex:
        """The index `to_bytes` wrote; ValueError naming `source` when the bytes are not one."""
        try:
            with np.load(io.BytesIO(payload), allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                arrays = {k: data[k] for k in ("sums", "first", "last", "dated")}
        except (OSError, ValueError, KeyError, EOFError) as exc:
            raise ValueError(f"{source}: not a story index file ({exc})") from exc
        if not isinstance(meta, dict) or meta.get("version") != STATE_VERSION:
            found = meta.get("version") if isinstance(meta, dict) else None
            raise ValueError(f"{source}: story index version {found}, expected {STATE_VERSION}")
        n = len(meta["keys"])
        if arrays["sums"].shape != (n, DIMENSION):
            raise ValueError(f"{source}: story index arrays do not match its {n} stories")
        index = cls(threshold=meta["threshold"], window_days=meta["window_days"])
        while len(index.norms) < n:
            index._grow()
        index.sums[:n] = arrays["sums"]
        index.norms[:n] = np.linalg.norm(arrays["sums"], axis=1)
        index.counts[:n] = [len(m) for m in meta["members"]]
        index.first[:n], index.last[:n], index.dated[:n] = arrays["first"], arrays["last"], arrays["dated"]
        index.keys = list(meta["keys"])
        index.members = [list(m) for m in meta["members"]]
        index.titles = [list(t) for t in meta["titles"]]
        index.outlets = [Counter(c) for c in meta["outlets"]]
        index.actors = [Counter(c) for c in meta["actors"]]
        index.events = [Counter(c) for c in meta["events"]]
        index.story_of = {a: s for s, ids in enumerate(index.members) for a in ids}
        index.actor_df = Counter(meta.get("actor_df") or {})
        index.notes = dict(meta.get("notes") or {})
        return index


def group_articles(
    items: Sequence[StoryInput],
    *,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
    vectors: np.ndarray | None = None,
    with_related: bool = True,
) -> list[Cluster]:
    """Group articles into stories (see the module docstring); `vectors` are their embeddings when
    already computed (rows in the order of `items`), else they are embedded here."""
    ids = [it.article_id for it in items]
    if len(set(ids)) != len(ids):
        raise ValueError("group_articles: article ids must be unique")
    index = StoryIndex(threshold=threshold, window_days=window_days)
    index.add_many(items, vectors)
    return index.clusters(with_related=with_related)
