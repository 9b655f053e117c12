"""Fingerprints: the exact hash, the one-permutation MinHash signature, band keys, and their stability."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire.ingest import fingerprint as fp
from crosswire.ingest.dedup import shingles
from crosswire.model import normalise_text, text_hash

WORDS = (
    "north korea said on tuesday that the united states had acted in bad faith at the hanoi summit and "
    "warned it would not wait for washington to change its position sanctions relief nuclear talks seoul "
    "pyongyang moon kim trump ministry spokesman statement agency official analysts meeting year"
).split()


def prose(seed: int, n: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + ("." if rng.random() < 0.08 else "") for _ in range(n))


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=300))
def test_distinct_shingles_and_exact_hash_match_the_plain_definitions(text: str) -> None:
    found = fp.fingerprint(text)
    assert found.text_hash == text_hash(text)
    assert found.size == len(shingles(text))
    assert (found.signature is None) == (found.size == 0)


def test_case_spacing_and_punctuation_do_not_change_a_signature() -> None:
    text = prose(1, 300)
    noisy = "  " + text.upper().replace(" ", " ,  ").replace(".", "!\n\n")
    a, b = fp.fingerprint(text), fp.fingerprint(noisy)
    assert a.size == b.size
    assert np.array_equal(a.signature, b.signature)
    assert a.band_keys().tolist() == b.band_keys().tolist()


def test_estimated_jaccard_tracks_the_true_one() -> None:
    errors = []
    for seed in range(40):
        words = prose(seed, 400).split()
        keep = random.Random(seed).randint(120, 400)
        a, b = " ".join(words), " ".join(words[400 - keep :])
        true = len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))
        errors.append(fp.jaccard(fp.fingerprint(a).signature, fp.fingerprint(b).signature) - true)
    assert abs(float(np.mean(errors))) < 0.03  # unbiased
    assert float(np.max(np.abs(errors))) < 0.2  # 128 bins: a standard error of about 0.04


def test_unrelated_texts_share_almost_no_bins_or_band_keys() -> None:
    a, b = fp.fingerprint(prose(1, 400)), fp.fingerprint(prose(2, 400))
    assert fp.jaccard(a.signature, b.signature) < 0.1
    assert not set(a.band_keys().tolist()) & set(b.band_keys().tolist())


def test_short_texts_fill_every_bin_by_densification() -> None:
    # Three shingles for 128 bins: the empty bins borrow, so equal texts still agree everywhere.
    a, b = fp.fingerprint("one two three four five six"), fp.fingerprint("One, two; three four five six.")
    assert a.size == 3 and np.array_equal(a.signature, b.signature)
    other = fp.fingerprint("one two three four five seven")
    assert 0 < fp.jaccard(a.signature, other.signature) < 1


def test_band_keys_are_non_negative_bigints_and_signatures_round_trip() -> None:
    found = fp.fingerprint(prose(3, 200))
    keys = found.band_keys()
    assert keys.shape == (fp.NUM_BANDS,) and keys.dtype == np.int64 and (keys >= 0).all()
    assert np.array_equal(fp.signature_from_bytes(fp.signature_bytes(found.signature)), found.signature)
    with pytest.raises(ValueError, match="stored signature has 3 bytes"):
        fp.signature_from_bytes(b"abc")


def test_fingerprints_are_the_same_in_another_process() -> None:
    # Signatures are stored and compared across runs: nothing may depend on the process (hash seeds).
    text = prose(4, 250)
    code = (
        "import sys; from crosswire.ingest.fingerprint import fingerprint; "
        "f = fingerprint(sys.stdin.read()); print(f.signature.tolist(), f.band_keys().tolist())"
    )
    other = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True
    ).stdout.strip()
    here = fp.fingerprint(text)
    assert other == f"{here.signature.tolist()} {here.band_keys().tolist()}"


def test_non_ascii_words_are_split_like_the_regex() -> None:
    text = "Kim’s envoy met Lavrov — «in Moscow» on Thursday; 北朝鮮 외무성 said ĳssel café naïve talks"
    assert fp.fingerprint(text).size == len(shingles(text))
    assert fp.shingle_hashes(normalise_text(text)).size == len(shingles(text))
