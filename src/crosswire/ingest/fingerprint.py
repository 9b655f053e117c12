"""Compact fingerprints of an article's text: the exact-duplicate hash and a MinHash-style signature.

The signature is a one-permutation MinHash (Li, Owen and Zhang 2012) with rotation densification
(Shrivastava and Li 2014): every word 4-gram is hashed once, the 64-bit hash space is cut into
`NUM_BINS` bins by its top bits, and each bin keeps the smallest hash that falls in it. Two texts agree
in a bin with probability equal to their Jaccard similarity, exactly as with 128 independent
permutations, at the cost of one hash per shingle instead of 128. Everything is vectorised with numpy,
so fingerprinting an article costs tens of microseconds, not a millisecond.

Signatures and band keys are persisted in the store (`store/minhash.py`), so the hash functions
below must never change silently: every constant is derived from fixed strings, never from a
random generator whose stream could differ between numpy versions. Changing them needs a migration
that recomputes the stored rows.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from crosswire.model import normalise_text, stable_id

SHINGLE_WORDS = 4  # word 4-grams: long enough that shared phrases mean shared copy, not shared topic
NUM_BINS = 128  # signature length; a power of two so the top bits of a hash pick its bin
BAND_ROWS = 4  # LSH: 32 bands of 4 values, as datasketch chose for a Jaccard threshold of 0.4
NUM_BANDS = NUM_BINS // BAND_ROWS
# A 20 MB "article" would need arrays of 20M 64-bit values; copies show in their first pages anyway.
MAX_SHINGLE_BYTES = 400_000

_BIN_SHIFT = np.uint64(64 - NUM_BINS.bit_length() + 1)  # top 7 bits pick one of 128 bins
_LOW32 = np.uint64(0xFFFFFFFF)
_NON_WORD = re.compile(r"\W+", re.UNICODE)
# Bytes that are part of a word: ASCII letters, digits and "_" (as `\\w` in a regex), and every byte of
# a non-ASCII character (only letters remain of those once `word_text` has run).
_WORD_BYTES = np.zeros(256, dtype=bool)
_WORD_BYTES[[*b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"]] = True
_WORD_BYTES[128:] = True


def _constant(label: str) -> int:
    """A fixed odd 64-bit constant derived from `label` (stable across machines and versions)."""
    return (
        int.from_bytes(hashlib.sha256(f"crosswire-fingerprint:{label}".encode()).digest()[:8], "little") | 1
    )


# Each byte value maps to a random-looking 64-bit number before polynomial hashing (tabulation), so
# that similar words ("korea", "korean") get unrelated hashes.
_BYTE_TABLE = np.array([_constant(f"byte{i}") for i in range(256)], dtype=np.uint64)
_BASE = _constant("base")
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)  # odd numbers are invertible modulo 2**64
_DENSIFY = np.uint32(_constant("densify") & 0xFFFFFFFF)
_BAND_MIX = np.array([_constant(f"band-row{i}") for i in range(BAND_ROWS)], dtype=np.uint64)
_BAND_IDS = np.array([_constant(f"band{i}") for i in range(NUM_BANDS)], dtype=np.uint64)
_SHINGLE_MIX = np.array([_constant(f"word{i}") for i in range(8)], dtype=np.uint64)
_BIN_STARTS = np.arange(NUM_BINS, dtype=np.uint64) << _BIN_SHIFT


@dataclass(frozen=True)
class Fingerprint:
    """What de-duplication needs of one text: its exact hash and, when long enough, its signature."""

    text_hash: str  # equal to `model.text_hash(text)`
    size: int  # distinct word 4-grams
    signature: np.ndarray | None  # NUM_BINS uint32 values; None for a text with no words

    def band_keys(self) -> np.ndarray:
        """NUM_BANDS int64 keys; two texts sharing any key are candidates (see `band_keys`)."""
        if self.signature is None:
            return np.empty(0, dtype=np.int64)
        return band_keys(self.signature)


_POWER_CACHE: dict[int, np.ndarray] = {}


def _powers(base: int, n: int) -> np.ndarray:
    """base**0 .. base**(n-1) modulo 2**64 (cumprod on uint64 wraps: that is the modulus we want).

    Cached per process up to the longest text seen (at most MAX_SHINGLE_BYTES values, 3 MB).
    """
    cached = _POWER_CACHE.get(base)
    if cached is None or cached.size < n:
        size = min(MAX_SHINGLE_BYTES, max(n, 2 * (cached.size if cached is not None else 4096)))
        steps = np.full(size, base, dtype=np.uint64)
        steps[0] = 1
        cached = _POWER_CACHE[base] = np.cumprod(steps, dtype=np.uint64)
    return cached[:n]


def _mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: spreads every input bit over all output bits."""
    z = values ^ (values >> np.uint64(30))
    z = z * np.uint64(0xBF58476D1CE4E5B9)
    z = z ^ (z >> np.uint64(27))
    z = z * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def word_text(normalised: str) -> str:
    """The words of a normalised text joined by single spaces (punctuation and line breaks dropped)."""
    return _NON_WORD.sub(" ", normalised).strip()


def _shingled_bytes(normalised: str) -> bytes:
    """The first MAX_SHINGLE_BYTES bytes of the text that is shingled (ASCII: the text; else its
    `word_text`), computed from as much of the text as they need: a 50 MB text once went through the
    regex whole (0.7 GB of pieces) for its first 400 KB. `word_text` of a prefix is a prefix of
    `word_text` of the text (its last word or gap may be cut), so the bytes are the same."""
    if normalised.isascii():
        return normalised[:MAX_SHINGLE_BYTES].encode("ascii")
    chars = 2 * MAX_SHINGLE_BYTES
    while True:
        whole = chars >= len(normalised)
        data = word_text(normalised if whole else normalised[:chars]).encode("utf-8")
        if whole or len(data) > MAX_SHINGLE_BYTES:
            return data[:MAX_SHINGLE_BYTES]
        chars *= 4


def shingle_hashes(normalised: str, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the `size`-word sequences of a normalised text.

    Words are what `\\w+` matches, so punctuation and spacing never change a shingle; a text of fewer
    than `size` words is one shingle. The hash depends only on the words, so the same 4-gram hashes
    alike in every article and every process.
    """
    # ASCII text (most English news) is split into words by a byte table, without a regex pass; for
    # other text the regex first reduces it to words and single spaces, which the table then splits.
    data = np.frombuffer(_shingled_bytes(normalised), dtype=np.uint8)
    is_word = _WORD_BYTES[data]
    if not is_word.any():
        return np.empty(0, dtype=np.uint64)
    # +1 where a word starts, -1 just after it ends (is_word padded with False on both sides).
    padded = np.zeros(data.size + 2, dtype=np.int8)
    padded[1:-1] = is_word
    edges = padded[1:] - padded[:-1]
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    with np.errstate(over="ignore"):
        # Polynomial hash of every word from one prefix sum: sum(c_k * B**k) over [s, e), times B**-s.
        weighted = _BYTE_TABLE[data] * _powers(_BASE, data.size)
        prefix = np.concatenate(([np.uint64(0)], np.cumsum(weighted, dtype=np.uint64)))
        words = (prefix[ends] - prefix[starts]) * _powers(_BASE_INVERSE, data.size)[starts]
        words = _mix(words + (ends - starts).astype(np.uint64))
        count = max(1, words.size - size + 1)
        # A shingle combines its words' hashes with a different multiplier per position.
        combined = words[:count] * _SHINGLE_MIX[0]
        for offset in range(1, min(size, words.size)):
            combined += words[offset : offset + count] * _SHINGLE_MIX[offset]
        hashes = np.sort(_mix(combined))
    # Distinct values of a sorted array (np.unique is many times slower on arrays this small).
    return hashes[np.concatenate(([True], hashes[1:] != hashes[:-1]))]


def signature(hashes: np.ndarray) -> np.ndarray | None:
    """The one-permutation MinHash of sorted distinct `hashes`: NUM_BINS uint32 values."""
    if hashes.size == 0:
        return None
    # Sorted hashes: the first one at or after a bin's start is that bin's minimum, if it is in the bin.
    at = np.searchsorted(hashes, _BIN_STARTS)
    found = hashes[np.minimum(at, hashes.size - 1)]
    filled = (at < hashes.size) & ((found >> _BIN_SHIFT) == np.arange(NUM_BINS, dtype=np.uint64))
    values = (found & _LOW32).astype(np.uint32)
    if filled.all():
        return values
    # An empty bin borrows the value of the next filled bin to its right (circularly), shifted by the
    # distance, so that two texts agree on it exactly when they agree on the bin it borrows from.
    full = np.flatnonzero(filled)
    empty = np.flatnonzero(~filled)
    nearest = np.searchsorted(full, empty)
    source = np.where(nearest < full.size, full[np.minimum(nearest, full.size - 1)], full[0] + NUM_BINS)
    distance = (source - empty).astype(np.uint32)
    with np.errstate(over="ignore"):
        values[empty] = values[source % NUM_BINS] + distance * _DENSIFY
    return values


def band_keys(sig: np.ndarray) -> np.ndarray:
    """One int64 key per band of BAND_ROWS signature values (and the band's number)."""
    rows = sig.reshape(NUM_BANDS, BAND_ROWS).astype(np.uint64)
    with np.errstate(over="ignore"):
        combined = (rows * _BAND_MIX).sum(axis=1, dtype=np.uint64) ^ _BAND_IDS
        # 63 bits: a non-negative BIGINT on every database.
        return (_mix(combined) >> np.uint64(1)).astype(np.int64)


def fingerprint(text: str) -> Fingerprint:
    """The exact hash and the signature of `text` (normalised once for both)."""
    normalised = normalise_text(text)
    hashes = shingle_hashes(normalised)
    return Fingerprint(stable_id(normalised, length=32), int(hashes.size), signature(hashes))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two texts from their signatures."""
    return float(np.count_nonzero(a == b)) / NUM_BINS


def containment(a: np.ndarray, size_a: int, b: np.ndarray, size_b: int) -> float:
    """Estimated share of the smaller text's shingles that occur in the other text."""
    j = jaccard(a, b)
    # |A∩B| = J(|A|+|B|)/(1+J); containment of the shorter text = |A∩B| / min(|A|, |B|)
    return j * (size_a + size_b) / ((1.0 + j) * min(size_a, size_b))


def signature_bytes(sig: np.ndarray) -> bytes:
    """A signature as stored: NUM_BINS little-endian uint32 values."""
    return sig.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    if len(data) != NUM_BINS * 4:
        raise ValueError(f"stored signature has {len(data)} bytes, expected {NUM_BINS * 4}")
    return np.frombuffer(data, dtype="<u4").astype(np.uint32)
