"""Every error crosswire raises on purpose, under one root, each with the CLI's exit code.

The stages raise these classes themselves (the store a `StoreError`, the nlp runtime a
`ModelMissingError`, a malformed lexicon a `LexiconError`), so the API and the CLI recognise them
with `isinstance`, and a stage's message reaches the user unchanged.
"""

from __future__ import annotations


class CrosswireError(Exception):
    """An error the CLI turns into a message and a documented exit code."""

    exit_code = 1


class UsageError(CrosswireError):
    """Bad arguments: a missing manifest or sources file, an unknown format, an unreadable option file."""

    exit_code = 2


class StoreError(CrosswireError):
    """The store cannot be opened, migrated, read or written; the message names the store."""

    exit_code = 3


class RecordRefused(StoreError):
    """The database refused one record (a value it cannot hold, a broken constraint): the record is at
    fault, not the store, so ingest stores the rest of the batch and names the record."""


class MissingDependency(CrosswireError):
    """A model or package crosswire needs is not installed."""

    exit_code = 4


class ModelMissingError(MissingDependency):
    """The spaCy model package is not installed."""


class EmbeddingModelError(MissingDependency):
    """The story embedding model (ONNX) or its tokenizer is missing or unusable."""


class LexiconError(CrosswireError, ValueError):
    """A lexicon file (the event lexicon, a tone lexicon) is malformed; the message names the file and
    the entry."""


def as_crosswire_error(exc: BaseException) -> CrosswireError | None:
    """The CrosswireError (with its exit code) that an exception stands for, or None."""
    if isinstance(exc, CrosswireError):
        return exc
    if isinstance(exc, ModuleNotFoundError):
        return MissingDependency(str(exc))
    return None
