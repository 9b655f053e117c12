"""Exact duplicates and near-duplicates (wire copies), recorded as relations between articles, never dropped.

Exact duplicates share the hash of their normalised text (`model.text_hash`). Near-duplicates are found
with MinHash LSH over word shingles (ingest/fingerprint.py). The same agency copy printed by two outlets
typically differs by a rewritten first sentence, the outlet's own dateline or header, and a trimmed
ending; so two texts count as near-duplicates when most of the SHORTER one's shingles occur in the
longer one (containment), not only when their Jaccard similarity is high.

Two ways to use it, with the same answers:
- `check_batch(articles)` with a `store` (what ingest does): one lookup in the store per batch finds
  stored originals by text hash and candidate copies by band key; after the batch is saved,
  `save_fingerprints()` records the new fingerprints. Memory holds one batch, whatever the corpus size.
- `check(article)` without a store: an in-memory index of the most recent `window` articles. Wire copies
  usually arrive within days of each other, but a corpus read folder by folder (one outlet after the
  other) can put them far apart, so the store is the sound choice for corpora larger than the window.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence

import numpy as np

from crosswire.ingest.fingerprint import (
    NUM_BINS,
    Fingerprint,
    band_keys,
    containment,
    fingerprint,
    signature_bytes,
)
from crosswire.model import Article, normalise_text
from crosswire.store.protocol import FingerprintRow, Lookup, Store

SHINGLE_WORDS = 4  # word 4-grams: long enough that shared phrases mean shared copy, not shared topic
MIN_SHINGLES = 25  # a text shorter than this (a headline, a teaser line) is too short to call a copy
MIN_SIZE_RATIO = 0.3  # a quoted paragraph inside a long feature is not a copy of the feature
# Articles the in-memory index keeps (check() without a store): about 3 KB each, so about 60 MB.
DEFAULT_WINDOW = 20_000
LOOKUP_ARTICLES = 100  # articles per store lookup within a batch (see check_batch)
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of `size`-word sequences of the normalised text: what a fingerprint hashes, spelled out."""
    words = _WORD.findall(normalise_text(text))
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def is_copy(size: int, sig: np.ndarray, other_size: int, other_sig: np.ndarray, threshold: float) -> bool:
    """Whether most of the shorter text's shingles occur in the other (and the two are of comparable size)."""
    if min(size, other_size) / max(size, other_size) < MIN_SIZE_RATIO:
        return False
    return containment(sig, size, other_sig, other_size) >= threshold


class _RecentIndex:
    """Signatures and text hashes of the most recent `window` articles (all of them when None)."""

    def __init__(self, window: int | None) -> None:
        self.window = window
        self.hashes: OrderedDict[str, str] = OrderedDict()  # text hash -> first article id
        self.prints: OrderedDict[str, tuple[int, int, np.ndarray]] = OrderedDict()  # id -> (seq, size, sig)
        self.bands: dict[int, list[str]] = {}
        self._seq = 0

    def original(self, text_hash: str, article_id: str) -> str:
        original = self.hashes.setdefault(text_hash, article_id)
        if self.window is not None and len(self.hashes) > self.window:
            self.hashes.popitem(last=False)
        return original

    def candidates(self, keys: Iterable[int]) -> list[str]:
        # Keys are Python ints (ndarray.tolist()): numpy scalars would hash alike but cost more.
        found: dict[str, None] = {}
        for key in keys:
            found.update(dict.fromkeys(self.bands.get(key, ())))
        return sorted(found, key=lambda other: self.prints[other][0])  # earliest first

    def add(self, article_id: str, size: int, sig: np.ndarray, keys: Iterable[int]) -> None:
        self._seq += 1
        self.prints[article_id] = (self._seq, size, sig)
        for key in keys:
            self.bands.setdefault(key, []).append(article_id)
        if self.window is not None and len(self.prints) > self.window:
            old_id, (_seq, _size, old_sig) = self.prints.popitem(last=False)
            for key in band_keys(old_sig).tolist():
                ids = self.bands.get(key)
                if ids is not None:
                    ids.remove(old_id)
                    if not ids:
                        del self.bands[key]


class Deduplicator:
    """Check articles in arrival order; earlier articles are the originals."""

    def __init__(
        self,
        threshold: float = 0.8,
        num_perm: int = NUM_BINS,
        known: Iterable[tuple[str, str]] = (),
        store: Store | None = None,
        window: int | None = DEFAULT_WINDOW,
    ):
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        if num_perm != NUM_BINS:
            # Signatures are stored and compared across runs, so their length is fixed.
            raise ValueError(f"num_perm must be {NUM_BINS} (the stored signature length), got {num_perm}")
        if window is not None and window < 1:
            raise ValueError(f"window must be a positive number of articles or None, got {window}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.store = store
        self._recent = _RecentIndex(window)
        for article_id, text_hash in known:
            self._recent.original(text_hash, article_id)
        self._pending: list[FingerprintRow] = []  # FingerprintRows of the last checked batch, not yet saved

    # -- one article at a time, in memory -----------------------------------------------------------

    def check(self, article: Article) -> Article:
        """Set `duplicate_of` and `near_duplicates` on `article` (and remember it); returns the same article."""
        fp = fingerprint(article.text)
        article_id = article.id
        original = self._recent.original(fp.text_hash, article_id)
        if original != article_id:
            article.duplicate_of = original
            return article  # the original already stands for this text among near-duplicates
        if article_id in self._recent.prints or not self._comparable(fp):
            return article  # the same article seen again (re-ingested file): nothing new to relate
        assert fp.signature is not None
        keys = band_keys(fp.signature).tolist()
        for other in self._recent.candidates(keys):
            _seq, size, sig = self._recent.prints[other]
            if is_copy(fp.size, fp.signature, size, sig, self.threshold):
                _relate(article, other)
        self._recent.add(article_id, fp.size, fp.signature, keys)
        return article

    @staticmethod
    def _comparable(fp: Fingerprint) -> bool:
        return fp.signature is not None and fp.size >= MIN_SHINGLES

    # -- a batch at a time, against the store -------------------------------------------------------

    def check_batch(self, batch: Sequence[Article]) -> Sequence[Article]:
        """`check` every article of `batch`, in order, against the store and the batch's earlier articles.

        Without a store this is `check` in a loop. With one, call `save_fingerprints()` once the batch's
        articles are saved, so later batches (and later runs) find them.
        """
        if self.store is None:
            for article in batch:
                self.check(article)
            return batch
        by_hash: dict[str, str] = {}  # text hash -> original id: stored ones, then this batch's
        in_batch = _RecentIndex(None)  # this batch's new articles, not in the store yet
        pending: list[FingerprintRow] = []
        # Looked up LOOKUP_ARTICLES at a time: the candidates a lookup brings back (and so the memory
        # it takes) grow with the corpus, so a smaller group keeps that peak low; the queries are the same.
        for start in range(0, len(batch), LOOKUP_ARTICLES):
            group = batch[start : start + LOOKUP_ARTICLES]
            ids = [article.id for article in group]  # a property that hashes the whole text: once each
            prints = [fingerprint(article.text) for article in group]
            keys = [fp.band_keys().tolist() if self._comparable(fp) else None for fp in prints]
            found = self.store.lookup_fingerprints(
                (fp.text_hash for fp in prints),
                [ks for ks in keys if ks is not None],
                ids,
            )
            stored = _Candidates(found)
            for text_hash, original in found.originals.items():
                by_hash.setdefault(text_hash, original)
            for article, article_id, fp, article_keys in zip(group, ids, prints, keys, strict=True):
                original = by_hash.setdefault(fp.text_hash, article_id)
                if original != article_id:
                    article.duplicate_of = original
                    continue
                if article_keys is None or article_id in in_batch.prints:
                    continue
                assert fp.signature is not None
                own_seq = found.fingerprinted.get(article_id)
                for other in self._stored_copies(fp, article_id, own_seq, article_keys, stored):
                    _relate(article, other)
                if own_seq is not None:
                    continue  # stored before: related only to what was stored before it, as it was then
                for other in in_batch.candidates(article_keys):
                    _seq, size, sig = in_batch.prints[other]
                    if is_copy(fp.size, fp.signature, size, sig, self.threshold):
                        _relate(article, other)
                in_batch.add(article_id, fp.size, fp.signature, article_keys)
                pending.append(
                    FingerprintRow(article_id, fp.size, signature_bytes(fp.signature), article_keys)
                )
        self._pending = pending
        return batch

    def _stored_copies(
        self, fp: Fingerprint, article_id: str, own_seq: int | None, keys: list[int], stored: _Candidates
    ) -> list[str]:
        """Stored articles that `fp` copies (or is copied by), earliest first; all checked at once."""
        assert fp.signature is not None
        rows = {
            stored.rows[other]
            for key in keys
            for other in stored.found.candidates.get(key, ())
            if other != article_id and other in stored.rows
        }
        if not rows:
            return []
        picked = np.fromiter(rows, dtype=np.intp, count=len(rows))
        if own_seq is not None:  # stored before: only what was stored before it counts
            picked = picked[stored.seqs[picked] < own_seq]
        sizes = stored.sizes[picked]
        jaccard = np.count_nonzero(stored.matrix[picked] == fp.signature, axis=1) / NUM_BINS
        small = np.minimum(sizes, fp.size)
        # |A∩B| = J(|A|+|B|)/(1+J); containment of the shorter text = |A∩B| / min(|A|, |B|)
        contained = jaccard * (sizes + fp.size) / ((1.0 + jaccard) * small)
        copies = picked[
            (small / np.maximum(sizes, fp.size) >= MIN_SIZE_RATIO) & (contained >= self.threshold)
        ]
        order = copies[np.argsort(stored.seqs[copies], kind="stable")]
        return [stored.ids[row] for row in order.tolist()]

    def take_fingerprints(self) -> list[FingerprintRow]:
        """The last checked batch's fingerprints, handed over to be saved in the articles' transaction
        (`Store.save_articles(batch, fingerprints=...)`); afterwards there is nothing left to save."""
        pending, self._pending = self._pending, []
        return pending

    def save_fingerprints(self) -> int:
        """Store the fingerprints of the last checked batch (call after its articles are saved)."""
        if self.store is None or not self._pending:
            return 0
        saved = self.store.save_fingerprints(self._pending)
        self._pending = []
        return saved


class _Candidates:
    """A batch's stored candidates as arrays: one matrix row of signature per candidate."""

    def __init__(self, found: Lookup) -> None:
        self.found = found
        self.rows: dict[str, int] = found.candidate_rows
        self.ids = list(found.candidate_rows)  # insertion order = row order
        self.seqs = np.asarray(found.candidate_seqs, dtype=np.int64)
        self.sizes = np.asarray(found.candidate_sizes, dtype=np.float64)
        self.matrix = np.frombuffer(found.candidate_signatures, dtype="<u4").reshape(-1, NUM_BINS)


def _relate(article: Article, other: str) -> None:
    if other not in article.near_duplicates:
        article.near_duplicates.append(other)
