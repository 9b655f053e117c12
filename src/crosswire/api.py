"""The Python API: everything the CLI does, as plain functions over a store.

    import crosswire
    corpus = crosswire.analyze(["examples/"], db="out/crosswire.db", out="out/")
    for article in corpus.articles(outlet="The Hankyoreh"):
        print(article.title, article.published)

One name for each concept, defined in its own module and gathered here:

    errors.py      CrosswireError and its subclasses (exit codes), as_crosswire_error
    corpus.py      Corpus, RunSummary, RunConfig, open_corpus
    ingest_run.py  ingest, ingest_into (readers -> de-duplicator -> store, in batches)
    run.py         analyze, write_outputs, ANALYSIS_STEPS, OUTPUT_WRITERS (the steps are in steps.py)
"""

from __future__ import annotations

from crosswire.corpus import Corpus, RunConfig, RunSummary, open_corpus, open_store_or_fail
from crosswire.errors import (
    CrosswireError,
    MissingDependency,
    StoreError,
    UsageError,
    as_crosswire_error,
)
from crosswire.ingest_run import BATCH_SIZE, ingest, ingest_into
from crosswire.model import ProgressFn
from crosswire.run import ANALYSIS_STEPS, OUTPUT_WRITERS, analyze, write_outputs

__all__ = [
    "ANALYSIS_STEPS",
    "BATCH_SIZE",
    "OUTPUT_WRITERS",
    "Corpus",
    "CrosswireError",
    "MissingDependency",
    "ProgressFn",
    "RunConfig",
    "RunSummary",
    "StoreError",
    "UsageError",
    "analyze",
    "as_crosswire_error",
    "ingest",
    "ingest_into",
    "open_corpus",
    "open_store_or_fail",
    "write_outputs",
]
