"""Exact duplicates and near-duplicates (wire copies), recorded as relations between articles, never dropped.

Exact duplicates share the hash of their normalised text (`model.text_hash`). Near-duplicates are found
with MinHash LSH over word shingles. The same agency copy printed by two outlets typically differs by a
rewritten first sentence, the outlet's own dateline or header, and a trimmed ending; so two texts count as
near-duplicates when most of the SHORTER one's shingles occur in the longer one (containment), not only
when their Jaccard similarity is high.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

import numpy as np

from crosswire.model import Article, normalise_text

SHINGLE_WORDS = 4  # word 4-grams: long enough that shared phrases mean shared copy, not shared topic
MIN_SHINGLES = 25  # a text shorter than this (a headline, a teaser line) is too short to call a copy
MIN_SIZE_RATIO = 0.3  # a quoted paragraph inside a long feature is not a copy of the feature
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of `size`-word sequences of the normalised text, as bytes for hashing."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class Deduplicator:
    """Streaming de-duplication: `check` each article in arrival order; earlier articles are the originals."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, known: Iterable[tuple[str, str]] = ()):
        from datasketch import MinHashLSH

        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        # Candidates are fetched at a lower Jaccard level than the containment threshold, because a trimmed
        # copy (half the length of the original) has a Jaccard of about 0.5 with it; each is then verified.
        self._lsh = MinHashLSH(threshold=max(0.2, threshold * 0.5), num_perm=num_perm)
        self._by_hash: dict[str, str] = {}
        for article_id, text_hash in known:
            self._by_hash.setdefault(text_hash, article_id)
        self._signatures: dict[str, np.ndarray] = {}
        self._sizes: dict[str, int] = {}

    def check(self, article: Article) -> Article:
        """Set `duplicate_of` and `near_duplicates` on `article` (and remember it); returns the same article."""
        article_id = article.id
        digest = article.text_hash
        original = self._by_hash.setdefault(digest, article_id)
        if original != article_id:
            article.duplicate_of = original
            return article  # the original already stands for this text among near-duplicates
        if article_id in self._signatures:
            return article  # the same article seen again (re-ingested file): nothing new to relate
        parts = shingles(article.text)
        if len(parts) < MIN_SHINGLES:
            return article
        signature = self._minhash(parts)
        near = [other for other in self._lsh.query(signature) if self._is_copy(signature, len(parts), other)]
        for other in near:
            if other not in article.near_duplicates:
                article.near_duplicates.append(other)
        self._lsh.insert(article_id, signature)
        self._signatures[article_id] = signature.hashvalues
        self._sizes[article_id] = len(parts)
        return article

    def _minhash(self, parts: set[bytes]):  # -> datasketch.MinHash
        from datasketch import MinHash

        # CRC-32 rather than datasketch's default SHA-1: half the cost, deterministic across processes
        # (unlike hash()), and a plain builtin, so the deduplicator still pickles.
        signature = MinHash(num_perm=self.num_perm, hashfunc=zlib.crc32)
        signature.update_batch(list(parts))
        return signature

    def _is_copy(self, signature, size: int, other: str) -> bool:
        other_size = self._sizes[other]
        small, large = sorted((size, other_size))
        if small / large < MIN_SIZE_RATIO:
            return False
        jaccard = float(np.mean(signature.hashvalues == self._signatures[other]))
        # |A∩B| = J(|A|+|B|)/(1+J); containment of the shorter text = |A∩B| / min(|A|, |B|)
        containment = jaccard * (size + other_size) / ((1.0 + jaccard) * small)
        return containment >= self.threshold
